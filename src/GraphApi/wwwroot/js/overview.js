// @ts-check
// The overview of a large graph: the server lays the graph out (GET /api/overview, cached per graph version), and
// sigma.js draws it with WebGL. Names appear as the reader zooms in (sigma shows a label once its node is drawn
// large enough, best-connected first where labels would collide). Both libraries are loaded on first use only.
import { api, data } from './api.js';
import { PRIVATE } from './graph.js';
import { loadLibrary } from './library.js';
import { CameraGestures } from './overview-camera.js';

/** @typedef {import('./types.js').Overview} Overview */
/** @typedef {import('./types.js').ActorFilter} ActorFilter */
/** @typedef {import('./palette.js').Colouring} Colouring */
/** @typedef {import('./graph.js').DrawnNode} DrawnNode */
/** @typedef {import('./graph.js').DrawnEdge} DrawnEdge */
/**
 * The parts of graphology and sigma.js this file uses (both are loaded as classic scripts, so typed here).
 * @typedef {{order: number, size: number, addNode(id: string, attributes: Record<string, unknown>): void, addEdge(a: string, b: string, attributes?: Record<string, unknown>): void,
 *   updateEachNodeAttributes(update: (id: string, attributes: Record<string, any>) => Record<string, unknown>): void,
 *   getNodeAttribute(id: string, name: string): any, setNodeAttribute(id: string, name: string, value: unknown): void, hasNode(id: string): boolean}} Graph
 * @typedef {{getGraph(): Graph, on(event: string, handler: (payload: {node: string}) => void): void, kill(): void, resize(): void,
 *   refresh(options?: object): void, getDimensions(): {width: number, height: number}, getCanvases(): Record<string, HTMLCanvasElement>,
 *   getNodeDisplayData(id: string): {x: number, y: number}, framedGraphToViewport(point: {x: number, y: number}): {x: number, y: number},
 *   viewportToFramedGraph(point: {x: number, y: number}): {x: number, y: number},
 *   getCamera(): {getState(): {x: number, y: number, ratio: number, angle: number}, setState(state: object): void, enabledPanning: boolean, enabledZooming: boolean}}} Renderer
 * @typedef {{UndirectedGraph: new () => Graph}} Graphology
 * @typedef {new (graph: Graph, container: HTMLElement, settings: object) => Renderer} SigmaClass
 */

export const OVERVIEW_LIBRARIES_MISSING = 'The overview\'s drawing libraries (sigma.js, graphology) are missing: install Node.js (with npm) and rebuild GraphApi.';

const CAMERA_LIMITS = { minRatio: 0.01, maxRatio: 4 };
const NODE_SIZE = { min: 1.5, max: 10 };
const EDGE_COLOUR = '#d3d8de';
const UNCOLOURED = '#b0b0b0';
// A workspace's own ties (privateEdges): purple and thicker; its own actors keep their colour and say "private" in
// their label (sigma's WebGL nodes have no border to double, as the neighbourhood drawing does).
const PRIVATE_EDGE = { color: PRIVATE, size: 2.5 };
const PRIVATE_LABEL = ' · private';

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
  /**
   * @param {HTMLElement} surface the focusable element taking gestures
   * @param {HTMLElement} stage where sigma draws
   * @param {{onSelectNode(id: string): void}} handlers
   */
  constructor(surface, stage, { onSelectNode }) {
    this.surface = surface;
    this.stage = stage;
    this.onSelectNode = onSelectNode;
    /** @type {Renderer | null} */
    this.renderer = null;
    /** @type {Overview | null} */
    this.data = null;
    /** @type {Colouring | null} */
    this.colouring = null;
    /** @type {Map<string, number>} */
    this.communities = new Map();
    /** @type {Map<string, string>} */
    this.roles = new Map();
    /** @type {string | null} */
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
    return { graphology: /** @type {Graphology} */ (graphology), Sigma: /** @type {SigmaClass} */ (Sigma) };
  }

  /**
   * Loads and draws the overview for the filter; resolves to the server's answer. beforeDraw(data) runs before the
   * drawing, so page changes it makes (summary, legend) don't cost a second redraw.
   * @param {ActorFilter} filter @param {AbortSignal} signal @param {(data: Overview) => void} [beforeDraw]
   */
  async draw(filter, signal, beforeDraw = () => {}) {
    const started = performance.now();
    const [answer, { graphology, Sigma }] = await Promise.all([data(api.GET('/api/overview', { params: { query: filter }, signal })), this.libraries()]);
    const fetched = performance.now();
    this.data = answer;
    beforeDraw(answer);
    const graph = this.buildGraph(graphology, answer);
    this.renderer?.kill();
    this.gestures.use(null);
    this.selected = null;
    this.renderer = null;
    try {
      this.renderer = new Sigma(graph, this.stage, SETTINGS);
    } catch (error) {
      throw new Error(`this browser could not draw with WebGL, which the overview needs (${error instanceof Error ? error.message : String(error)})`);
    }
    this.renderer.on('clickNode', ({ node }) => {
      if (!this.gestures.moved) this.select(node);
    });
    this.gestures.use(this.renderer);
    this.timings = { fetchMs: fetched - started, drawMs: performance.now() - fetched };
    return answer;
  }

  /** @param {Graphology} graphology @param {Overview} answer */
  buildGraph(graphology, answer) {
    const { ids, names, kinds, regions, x, y, degrees } = answer.nodes;
    const ownActors = new Set(answer.privateNodes);
    const ownTies = new Set(answer.privateEdges);
    const graph = new graphology.UndirectedGraph();
    const maxDegree = Math.max(1, ...degrees);
    for (let i = 0; i < ids.length; i++) {
      graph.addNode(ids[i], {
        x: x[i], y: y[i], label: ownActors.has(i) ? names[i] + PRIVATE_LABEL : names[i], kind: kinds[i], region: regions[i],
        size: NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(degrees[i] / maxDegree),
        color: this.colourOf(ids[i], kinds[i], regions[i]),
      });
    }
    for (let k = 0; k < answer.edges.length; k += 2) {
      graph.addEdge(ids[answer.edges[k]], ids[answer.edges[k + 1]], ownTies.has(k / 2) ? { ...PRIVATE_EDGE } : {});
    }
    return graph;
  }

  /** The workspace's own ties (as "a|b" pairs) and actors drawn now (the legend's entry, the tests). */
  privateDrawn() {
    if (!this.data || !this.renderer) return { ties: [], actors: [] };
    const { ids } = this.data.nodes;
    const edges = this.data.edges;
    return {
      ties: this.data.privateEdges.map((k) => `${ids[edges[2 * k]]}|${ids[edges[2 * k + 1]]}`),
      actors: this.data.privateNodes.map((i) => ids[i]),
    };
  }

  /** A node's colour by the current colouring (kind, region, role or community). @param {string} id @param {string} kind @param {string} region */
  colourOf(id, kind, region) {
    const colouring = this.colouring;
    if (!colouring) return UNCOLOURED;
    return colouring.colour(colouring.of({ kind, region, role: this.roles.get(id), community: this.communities.get(id) }));
  }

  /** @param {Colouring} colouring */
  setColouring(colouring) {
    this.colouring = colouring;
    this.renderer?.getGraph().updateEachNodeAttributes((id, attributes) => ({ ...attributes, color: this.colourOf(id, attributes.kind, attributes.region) }));
  }

  /** @param {Map<string, number>} communities actor id → community number, as the graph view gets it */
  setCommunities(communities) {
    this.communities = communities;
    if (this.colouring) this.setColouring(this.colouring);
  }

  /** @param {Map<string, string>} roles actor id → dominant role */
  setRoles(roles) {
    this.roles = roles;
    if (this.colouring) this.setColouring(this.colouring);
  }

  /** The values the legend explains, one per drawn actor. @returns {(string | number | undefined)[]} */
  legendValues() {
    const colouring = this.colouring;
    if (!this.data || !colouring) return [];
    const { ids, regions, kinds } = this.data.nodes;
    return ids.map((id, i) => colouring.of({ kind: kinds[i], region: regions[i], role: this.roles.get(id), community: this.communities.get(id) }));
  }

  /** What a picture export draws (the server's layout, y downwards as on screen). @returns {{nodes: DrawnNode[], edges: DrawnEdge[]}} */
  drawing() {
    if (!this.data || !this.renderer) return { nodes: [], edges: [] };
    const graph = this.renderer.getGraph();
    const { ids, names, x, y } = this.data.nodes;
    const [minX, maxX, minY, maxY] = [Math.min(...x), Math.max(...x), Math.min(...y), Math.max(...y)];
    const scale = 1000 / Math.max(1e-9, maxX - minX, maxY - minY);
    const nodes = ids.map((id, i) => ({
      id, label: graph.getNodeAttribute(id, 'label') ?? names[i], colour: graph.getNodeAttribute(id, 'color'), size: 4 * graph.getNodeAttribute(id, 'size'),
      x: (x[i] - minX) * scale, y: (maxY - y[i]) * scale,
    }));
    const ownTies = new Set(this.data.privateEdges);
    /** @type {DrawnEdge[]} */
    const edges = [];
    for (let k = 0; k < this.data.edges.length; k += 2) {
      edges.push({ source: ids[this.data.edges[k]], target: ids[this.data.edges[k + 1]], type: '', dashed: ownTies.has(k / 2), highlighted: false });
    }
    return { nodes, edges };
  }

  /** The colour a node is drawn in (for the browser tests). @param {string} id */
  nodeColour(id) { return this.renderer?.getGraph().getNodeAttribute(id, 'color') ?? null; }

  /** @param {string} id */
  select(id) {
    const graph = this.renderer?.getGraph();
    if (!graph) return;
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
      if (!gl) continue;
      const pixels = new Uint8Array(canvas.width * canvas.height * 4);
      gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    }
    return painted;
  }

  /** The screen position of a node (for tests that click one). @param {string} id */
  nodePosition(id) {
    if (!this.renderer) return null;
    const { x, y } = this.renderer.getNodeDisplayData(id);
    return this.renderer.framedGraphToViewport({ x, y });
  }
}
