// One synthetic drawing (clustered positions, mostly in-cluster ties) handed to one renderer, chosen by ?renderer=
// sigma | cytoscape-webgl | cytoscape-canvas; window.measure(ms) moves the camera a little on every animation frame,
// so every frame is a full redraw by the library, and answers frames per second.
const params = new URLSearchParams(location.search);
const renderer = params.get('renderer');
const nodeCount = Number(params.get('nodes') ?? 10000);
const edgeCount = Number(params.get('edges') ?? 40000);
const CLUSTERS = 60;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];

let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function drawing() {
  const centres = Array.from({ length: CLUSTERS }, () => ({ x: random() * 2000, y: random() * 2000 }));
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const centre = centres[i % CLUSTERS];
    const radius = Math.sqrt(-2 * Math.log(random() + 1e-9)) * 60;
    const angle = random() * 2 * Math.PI;
    return { id: `n${i}`, x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle), colour: COLOURS[i % COLOURS.length] };
  });
  const perCluster = Math.floor(nodeCount / CLUSTERS);
  const edges = Array.from({ length: edgeCount }, () => {
    const a = Math.floor(random() * nodeCount);
    const b = random() < 0.8 ? ((Math.floor(random() * perCluster) * CLUSTERS) + (a % CLUSTERS)) % nodeCount : Math.floor(random() * nodeCount);
    return [a, b === a ? (a + CLUSTERS) % nodeCount : b];
  });
  return { nodes, edges };
}

function sigmaView({ nodes, edges }, container) {
  const graph = new window.graphology.Graph({ multi: true });
  for (const n of nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: 2, label: n.id, color: n.colour });
  for (const [a, b] of edges) graph.addEdge(nodes[a].id, nodes[b].id, { size: 0.5, color: '#ccc' });
  const view = new window.Sigma(graph, container, { labelRenderedSizeThreshold: 6 });
  return (dx, dy, zoom) => {
    const camera = view.getCamera();
    const state = camera.getState();
    camera.setState({ x: state.x + dx, y: state.y + dy, ratio: state.ratio * zoom });
    view.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  };
}

function cytoscapeView({ nodes, edges }, container, webgl) {
  const elements = nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.id, colour: n.colour }, position: { x: n.x, y: n.y } }));
  edges.forEach(([a, b], k) => elements.push({ group: 'edges', data: { id: `e${k}`, source: nodes[a].id, target: nodes[b].id } }));
  const cy = window.cytoscape({
    container, elements, layout: { name: 'preset' },
    renderer: webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', width: 6, height: 6, label: 'data(label)', 'font-size': 6, 'min-zoomed-font-size': 10 } },
      { selector: 'edge', style: { width: 0.5, 'line-color': '#ccc', 'curve-style': 'straight' } },
    ],
  });
  return (dx, dy, zoom) => {
    cy.panBy({ x: -dx * cy.width(), y: -dy * cy.height() });
    if (zoom !== 1) cy.zoom({ level: cy.zoom() / zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
}

const started = performance.now();
const container = document.getElementById('graph');
const data = drawing();
const move = renderer === 'sigma' ? sigmaView(data, container) : cytoscapeView(data, container, renderer === 'cytoscape-webgl');
window.loadMs = performance.now() - started;

window.measure = (ms) => new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const tick = (time) => {
    frames++;
    const phase = Math.floor(frames / 60) % 4;
    move(phase < 2 ? 0.01 : -0.01, phase % 2 ? 0.005 : -0.005, phase === 1 ? 0.98 : phase === 3 ? 1.02 : 1);
    if (time - start < ms) requestAnimationFrame(tick);
    else resolve({ frames, fps: Math.round((frames * 10000) / (time - start)) / 10 });
  };
  requestAnimationFrame(tick);
});
document.body.dataset.ready = 'true';
