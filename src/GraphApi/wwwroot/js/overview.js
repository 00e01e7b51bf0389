// The overview of a large graph: the server lays the graph out (GET /api/overview, cached per graph version), and
// sigma.js draws it with WebGL. Names appear as the reader zooms in (sigma shows a label once its node is drawn
// large enough, best-connected first where labels would collide). Both libraries are loaded on first use only.
import { getJson, query } from './api.js';
import { loadLibrary } from './library.js';
import { colourings } from './palette.js';
import { CameraGestures } from './overview-camera.js';

export const OVERVIEW_LIBRARIES_MISSING = 'The overview\'s drawing libraries (sigma.js, graphology) are missing: install Node.js (with npm) and rebuild GraphApi.';

const CAMERA_LIMITS = { minRatio: 0.01, maxRatio: 4 };
const NODE_SIZE = { min: 1.5, max: 10 };
const EDGE_COLOUR = '#d3d8de';

const SETTINGS = {
  ...CAMERA_LIMITS,
  // Camera moves are ours (overview-camera.js), so sigma never redraws during a gesture.
  enableCameraPanning: false,
  enableCameraZooming: false,
  enableCameraRotation: false,
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 7,
  labelDensity: 0.6,
  labelGridCellSize: 90,
  labelSize: 12,
  labelFont: 'system-ui, sans-serif',
  defaultEdgeColor: EDGE_COLOUR,
  stagePadding: 24,
};

export class OverviewView {
  /** surface: the focusable element taking gestures; stage: where sigma draws. */
  constructor(surface, stage, { onSelectNode }) {
    this.surface = surface;
    this.stage = stage;
    this.onSelectNode = onSelectNode;
    this.renderer = null;
    this.data = null;
    this.mode = 'kind';
    this.communities = new Map();
    this.selected = null;
    this.gestures = new CameraGestures(surface, stage, CAMERA_LIMITS);
    this.timings = {};
    // Sigma measures its container only on window resizes; the page around it (legend, panels) can change it too.
    new ResizeObserver(() => this.fitContainer()).observe(surface);
  }

  async libraries() {
    const [graphology, Sigma] = await Promise.all([
      loadLibrary('lib/graphology.umd.min.js', 'graphology'),
      loadLibrary('lib/sigma.min.js', 'Sigma'),
    ]);
    if (!graphology || !Sigma) throw new Error(OVERVIEW_LIBRARIES_MISSING);
    return { graphology, Sigma };
  }

  /**
   * Loads and draws the overview for filter {kind, country, region, sector}; resolves to the server's answer.
   * beforeDraw(data) runs before the drawing, so page changes it makes (summary, legend) don't cost a second redraw.
   */
  async draw(filter, signal, beforeDraw = () => {}) {
    const started = performance.now();
    const [data, { graphology, Sigma }] = await Promise.all([getJson(`/api/overview${query(filter)}`, { signal }), this.libraries()]);
    const fetched = performance.now();
    this.data = data;
    beforeDraw(data);
    const graph = this.buildGraph(graphology, data);
    this.renderer?.kill();
    this.gestures.use(null);
    this.selected = null;
    this.renderer = null;
    try {
      this.renderer = new Sigma(graph, this.stage, SETTINGS);
    } catch (error) {
      throw new Error(`this browser could not draw with WebGL, which the overview needs (${error.message})`);
    }
    this.renderer.on('clickNode', ({ node }) => {
      if (!this.gestures.moved) this.select(node);
    });
    this.gestures.use(this.renderer);
    this.timings = { fetchMs: fetched - started, drawMs: performance.now() - fetched };
    return data;
  }

  buildGraph(graphology, data) {
    const { ids, names, kinds, regions, x, y, degrees } = data.nodes;
    const graph = new graphology.UndirectedGraph();
    const maxDegree = Math.max(1, ...degrees);
    for (let i = 0; i < ids.length; i++) {
      graph.addNode(ids[i], {
        x: x[i],
        y: y[i],
        label: names[i],
        kind: kinds[i],
        region: regions[i],
        size: NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(degrees[i] / maxDegree),
        color: this.colourOf({ id: ids[i], kind: kinds[i], region: regions[i] }),
      });
    }
    for (let k = 0; k < data.edges.length; k += 2) graph.addEdge(ids[data.edges[k]], ids[data.edges[k + 1]]);
    return graph;
  }

  /** A node's colour from {id, kind, region} and the communities, by the colouring legendMode() names. */
  colourOf(node) {
    const colouring = colourings[this.legendMode()];
    return colouring.colour(colouring.of({ ...node, community: this.communities.get(node.id) }));
  }

  /** Colours by 'kind', 'region' or 'community' (brokerage roles belong to the neighbourhood view; they colour by kind here). */
  setColouring(mode) {
    this.mode = mode;
    if (!this.renderer) return;
    this.renderer.getGraph().updateEachNodeAttributes((id, attributes) => ({ ...attributes, color: this.colourOf({ id, ...attributes }) }));
  }

  /** communities: Map actor id → community number, as the graph view gets it. */
  setCommunities(communities) {
    this.communities = communities;
    this.setColouring(this.mode);
  }

  legendMode() { return this.mode === 'region' || this.mode === 'community' ? this.mode : 'kind'; }

  legendValues() {
    if (!this.data) return [];
    const { ids, regions, kinds } = this.data.nodes;
    return { region: regions, community: ids.map((id) => this.communities.get(id)), kind: kinds }[this.legendMode()];
  }

  /** The colour a node is drawn in (for the browser tests). */
  nodeColour(id) { return this.renderer?.getGraph().getNodeAttribute(id, 'color') ?? null; }

  select(id) {
    const graph = this.renderer.getGraph();
    if (this.selected && graph.hasNode(this.selected)) graph.setNodeAttribute(this.selected, 'highlighted', false);
    this.selected = id;
    graph.setNodeAttribute(id, 'highlighted', true);
    this.onSelectNode(id);
  }

  /** Redraws at the container's size when it changed (also after the surface was hidden and shown again). */
  fitContainer() {
    if (!this.renderer || this.surface.hidden) return;
    const { width, height } = this.renderer.getDimensions();
    if (width === this.stage.offsetWidth && height === this.stage.offsetHeight) return;
    this.renderer.resize();
    this.renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  }

  /** For tests and the benchmark: what is drawn, and how many pixels the WebGL node and edge layers painted. */
  summary() {
    if (!this.data || !this.renderer) return null;
    return {
      nodes: this.renderer.getGraph().order,
      edges: this.renderer.getGraph().size,
      matching: this.data.matching,
      truncated: this.data.truncated,
      timings: { ...this.timings },
      selected: this.selected,
    };
  }

  /** Draws now and counts the painted pixels of the WebGL layers (read back before the frame is presented). */
  paintedPixels() {
    if (!this.renderer) return 0;
    this.renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
    const canvases = this.renderer.getCanvases();
    let painted = 0;
    for (const name of ['edges', 'nodes']) {
      const canvas = canvases[name];
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      const pixels = new Uint8Array(canvas.width * canvas.height * 4);
      gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    }
    return painted;
  }

  /** The screen position of a node (for tests that click one). */
  nodePosition(id) {
    const { x, y } = this.renderer.getNodeDisplayData(id);
    return this.renderer.framedGraphToViewport({ x, y });
  }
}
