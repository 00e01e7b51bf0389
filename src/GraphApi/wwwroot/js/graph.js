// @ts-check
// The graph drawing: a thin layer over Cytoscape.js that knows actors, ties and routes. Parallel relationships between
// two actors are drawn as one edge per type; a route is fitted to the canvas when highlighted.
// Reason for the length (about 330 lines): the stylesheet and the drawing's one class belong together.

/** @typedef {typeof import('cytoscape')} Cytoscape */
/** @typedef {import('cytoscape').Core} Core */
/** @typedef {import('cytoscape').NodeSingular} NodeSingular */
/** @typedef {import('cytoscape').Collection} Collection */
/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./types.js').TieSummary} TieSummary */
/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./palette.js').Colouring} Colouring */

const MIN_SIZE = 22;
const MAX_SIZE = 64;
/** A fitted route never zooms in further than this: a one-hop route stays in context instead of filling the canvas. */
const MAX_FIT_ZOOM = 1.4;
/** The colour of the workspace's private ties and actors (legend, details and route steps use it too, with words). */
export const PRIVATE = '#7b1fa2';

// Cytoscape's types do not know data() mappers for arrow shapes, so the sheet is declared as its JSON type.
const STYLE = /** @type {import('cytoscape').StylesheetJson} */ (/** @type {unknown} */ ([
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 11,
      color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': '140px',
      'text-outline-color': '#ffffff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#3a3f45',
      // Names too small to read when the whole network is fitted are left out until one zooms in.
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.origin', style: { 'border-width': 3, 'border-color': '#1b1f24' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1a4fd6' } },
  {
    selector: 'edge',
    style: {
      width: 1.6, 'line-color': '#9aa4ae', 'curve-style': 'bezier', 'target-arrow-shape': 'data(arrow)', 'target-arrow-color': '#9aa4ae',
      'arrow-scale': 0.8, label: '',
    },
  },
  { selector: 'edge.inferred', style: { 'line-style': 'dashed' } },
  // The workspace's own ties and actors (visibility "private"): purple, dash-dotted ties and double borders, so they
  // differ by shape as well as colour; the legend and the details say "private" in words.
  { selector: 'edge.private', style: { 'line-color': PRIVATE, 'target-arrow-color': PRIVATE, 'line-style': 'dashed', 'line-dash-pattern': [7, 3, 2, 3], width: 2.6 } },
  { selector: 'node.private', style: { 'border-style': 'double', 'border-width': 4, 'border-color': PRIVATE } },
  { selector: 'edge:selected', style: { 'line-color': '#1a4fd6', 'target-arrow-color': '#1a4fd6', width: 3 } },
  { selector: '.faded', style: { opacity: 0.22 } },
  { selector: 'node.route', style: { 'border-width': 4, 'border-color': '#c2185b', 'font-weight': 'bold', 'z-index': 10, 'text-max-width': '220px' } },
  {
    selector: 'edge.route',
    style: {
      width: 5, 'line-color': '#c2185b', 'target-arrow-color': '#c2185b', 'z-index': 10, label: 'data(type)', 'font-size': 9, color: '#7a0f3a',
      'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px',
    },
  },
]));

/** One key per tie between two actors, whichever way it is stored: routes and neighbourhoods share edges by it. @param {string} a @param {string} b @param {string} type */
const edgeKey = (a, b, type) => (a < b ? `${a}|${b}|${type}` : `${b}|${a}|${type}`);

/** @typedef {{id: string, label: string, colour: string, size: number, x: number, y: number}} DrawnNode */
/** @typedef {{source: string, target: string, type: string, dashed: boolean, highlighted: boolean}} DrawnEdge */

export class GraphView {
  /**
   * @param {HTMLElement} container
   * @param {Cytoscape} cytoscape
   * @param {{onSelectNode(id: string): void, onSelectEdge(tie: TieSummary): void, onExpand(id: string): void, onChange(): void}} handlers
   */
  constructor(container, cytoscape, { onSelectNode, onSelectEdge, onExpand, onChange }) {
    /** @type {Colouring | null} */
    this.colouring = null;
    /** @type {Map<string, number> | null} */
    this.metric = null;
    /** @type {Map<string, string>} */
    this.roles = new Map();
    /** @type {Map<string, number>} */
    this.communities = new Map();
    /** @type {Set<string>} */
    this.directedTypes = new Set();
    this.onChange = onChange;
    /** @type {Core} */
    this.cy = cytoscape({ container, style: STYLE, elements: [], minZoom: 0.03, maxZoom: 3, boxSelectionEnabled: false });
    this.cy.on('tap', 'node', (event) => onSelectNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => onSelectEdge(event.target.data('tie')));
    this.cy.on('dbltap', 'node', (event) => onExpand(event.target.id()));
    /** What the last automatic fit framed (everything after a layout, a route, a community), framed again when the canvas resizes. @type {Collection | null} */
    this.framed = null;
    this.cy.on('viewport', () => { if (!this.fitting) this.framed = null; });
    this.fitting = false;
    new ResizeObserver(() => {
      this.cy.resize();
      if (this.framed && !this.isEmpty) this.fit(this.framed.nonempty() ? this.framed : undefined);
    }).observe(container);
  }

  get isEmpty() { return this.cy.nodes().length === 0; }

  /** @param {string} id */
  hasNode(id) { return this.cy.getElementById(id).nonempty(); }

  /** @returns {string[]} */
  nodeIds() { return this.cy.nodes().map((n) => n.id()); }

  /**
   * Merges actors (nodes) and ties (edges); returns how many new nodes were added.
   * @param {ActorSummary[]} actors @param {TieSummary[]} ties @param {Map<string, {x: number, y: number}>} [positions]
   */
  merge(actors, ties, positions) {
    const before = this.cy.nodes().length;
    this.cy.batch(() => {
      for (const actor of actors) this.addActor(actor, positions?.get(actor.id));
      for (const tie of ties) this.addTie(tie);
    });
    this.restyle();
    return this.cy.nodes().length - before;
  }

  /** @param {ActorSummary} actor @param {{x: number, y: number}} [position] */
  addActor(actor, position) {
    const existing = this.cy.getElementById(actor.id);
    if (existing.nonempty()) {
      existing.data('actor', { ...existing.data('actor'), ...actor });
      if (actor.visibility) existing.toggleClass('private', actor.visibility === 'private');
      return;
    }
    this.cy.add({
      group: 'nodes', classes: actor.visibility === 'private' ? 'private' : '',
      data: { id: actor.id, label: actor.name, actor, colour: '#b0b0b0', size: MIN_SIZE }, position: position ?? this.startingPoint(actor.id),
    });
  }

  /**
   * Where a new node starts before the layout runs: spread around the drawing's centre by a hash of its id, so
   * layouts are repeatable (same input, same picture) and nodes don't all start on one point.
   * @param {string} id
   */
  startingPoint(id) {
    let hash = 0;
    for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
    const angle = (hash % 360) * (Math.PI / 180);
    const radius = 120 + (hash % 97) * 2;
    const box = this.cy.nodes().boundingBox();
    const centre = this.cy.nodes().length > 0 ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 };
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  }

  /** @param {TieSummary} tie */
  addTie(tie) {
    const { source, target, type } = tie;
    if (!this.hasNode(source) || !this.hasNode(target)) return;
    const key = edgeKey(source, target, type);
    const sameTie = this.edgeByKey(key);
    if (tie.id) {
      if (this.cy.getElementById(`rel:${tie.id}`).nonempty()) return;
      // A tie drawn without an id (an assumed tie, a pair of the whole network) gives way to the stored relationship.
      sameTie.filter((edge) => !edge.data('tie').id).remove();
    } else if (sameTie.nonempty()) {
      return;
    }
    this.cy.add({
      group: 'edges',
      classes: [tie.inferred ? 'inferred' : '', tie.visibility === 'private' ? 'private' : ''].join(' ').trim(),
      data: {
        id: tie.id ? `rel:${tie.id}` : `step:${key}`, source, target, type, key, tie,
        // Arrows only for types whose direction means something (catalogue: MANAGES, MEMBER_OF, …).
        arrow: this.directedTypes.has(type) ? 'triangle' : 'none',
      },
    });
  }

  /** @param {string} key */
  edgeByKey(key) { return this.cy.edges().filter((e) => e.data('key') === key); }

  /** @param {string} id */
  markOrigin(id) { this.cy.getElementById(id).addClass('origin'); }

  clear() {
    this.cy.elements().remove();
    this.onChange();
  }

  /** Deterministic and not animated, so a re-layout and the browser tests see the same picture each time. */
  layout({ fit = true } = {}) {
    if (this.isEmpty) return;
    // A large drawing (the whole network) is packed tighter and without room for every name, so it fits the canvas
    // at a zoom where nodes can still be seen; names show as one zooms in.
    const large = this.cy.nodes().length > 40;
    const layout = this.cy.layout(/** @type {import('cytoscape').LayoutOptions} */ ({
      name: 'cose', animate: false, randomize: false, fit: false, padding: 40, nodeDimensionsIncludeLabels: !large,
      nodeRepulsion: () => (large ? 40000 : 400000), idealEdgeLength: () => (large ? 45 : 90), edgeElasticity: () => 100, nodeOverlap: 20,
      gravity: 60, numIter: 1500, componentSpacing: 80,
    }));
    // Fitted when the layout has placed every node (cose may finish after run() returns).
    if (fit) layout.one('layoutstop', () => this.fit());
    layout.run();
  }

  /** Fits these elements (or everything) to the canvas, never zooming in past MAX_FIT_ZOOM. @param {Collection} [elements] */
  fit(elements) {
    this.fitting = true;
    this.cy.resize();
    this.cy.fit(elements ?? this.cy.elements(), 50);
    if (this.cy.zoom() > MAX_FIT_ZOOM) this.cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    if (elements) this.cy.center(elements);
    this.framed = elements ?? this.cy.elements();
    this.fitting = false;
  }

  /** @param {Colouring} colouring */
  setColouring(colouring) {
    this.colouring = colouring;
    this.restyle();
  }

  /** metric: actor id → number (betweenness, brokerage total), or null for one size. @param {Map<string, number> | null} metric */
  setSizing(metric) {
    this.metric = metric;
    this.restyle();
  }

  /** @param {Map<string, string>} roles actor id → dominant role */
  setRoles(roles) {
    this.roles = roles;
    this.restyle();
  }

  /** @param {Map<string, number>} communities actor id → community number (0 the largest) */
  setCommunities(communities) {
    this.communities = communities;
    this.restyle();
  }

  /** A node's actor with what the analyses add to it, as the colourings read it. @param {NodeSingular} node */
  described(node) {
    return { ...node.data('actor'), role: this.roles.get(node.id()), community: this.communities.get(node.id()) };
  }

  restyle() {
    const colouring = this.colouring;
    const values = this.metric ? this.cy.nodes().map((n) => this.metric?.get(n.id()) ?? 0) : [];
    const max = Math.max(0, ...values);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        if (colouring) node.data('colour', colouring.colour(colouring.of(this.described(node))));
        const value = this.metric?.get(node.id()) ?? 0;
        // Square root so the area, not the width, grows with the measure.
        node.data('size', max > 0 ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max) : MIN_SIZE);
      });
    });
    this.onChange();
  }

  legendValues() {
    const colouring = this.colouring;
    return colouring ? this.cy.nodes().map((n) => colouring.of(this.described(n))) : [];
  }

  /** Highlights a route: its actors and ties stand out, everything else fades; it is fitted to the canvas. @param {ShownRoute} route */
  highlightRoute(route) {
    this.clearHighlight();
    const edges = route.steps.map((step) => {
      this.addTie(step.tie);
      const own = step.tie.id ? this.cy.getElementById(`rel:${step.tie.id}`) : this.cy.collection();
      return own.nonempty() ? own : this.edgeByKey(edgeKey(step.from, step.to, step.type)).first();
    });
    let path = this.cy.collection();
    for (const id of route.actors) path = path.union(this.cy.getElementById(id));
    for (const edge of edges) path = path.union(edge);
    this.cy.elements().not(path).addClass('faded');
    path.addClass('route');
    this.restyle();
    this.fit(path);
  }

  /** Highlights a set of actors (a community): they and the ties between them stand out, the rest fades. @param {string[]} ids */
  highlightActors(ids) {
    this.clearHighlight();
    let members = this.cy.collection();
    for (const id of ids) members = members.union(this.cy.getElementById(id));
    const inside = members.union(members.edgesWith(members));
    this.cy.elements().not(inside).addClass('faded');
    this.fit(inside.nonempty() ? inside : undefined);
  }

  /** Whether every node not faded is inside the canvas as rendered (for the layout tests), with the numbers behind it. */
  inView() {
    const box = this.cy.nodes(':visible').not('.faded').renderedBoundingBox({ includeLabels: false });
    const [width, height] = [this.cy.width(), this.cy.height()];
    return { inside: box.x1 >= -1 && box.y1 >= -1 && box.x2 <= width + 1 && box.y2 <= height + 1, box, width, height, zoom: this.cy.zoom() };
  }

  /** The actors standing out while others are faded (a route or a community), none when nothing is faded. @returns {string[]} */
  emphasised() {
    return this.cy.nodes('.faded').nonempty() ? this.cy.nodes().not('.faded').map((n) => n.id()) : [];
  }

  /** The workspace's private ties and actors drawn now (the legend's entry, the tests). */
  privateDrawn() {
    return { ties: this.cy.edges('.private').map((e) => e.data('tie')?.id ?? e.id()), actors: this.cy.nodes('.private').map((n) => n.id()) };
  }

  clearHighlight() { this.cy.elements().removeClass('route faded'); }

  highlighted() {
    return {
      nodes: this.cy.nodes('.route').map((n) => n.id()),
      edges: this.cy.edges('.route').map((e) => ({ source: e.data('source'), target: e.data('target'), type: e.data('type') })),
    };
  }

  /** What a picture export draws: positions, full labels, colours, sizes, and which ties are dashed or highlighted. */
  drawing() {
    const faded = this.cy.elements('.faded').nonempty();
    /** @type {DrawnNode[]} */
    const nodes = this.cy.nodes(faded ? 'node:not(.faded)' : 'node').map((n) => ({
      id: n.id(), label: String(n.data('actor')?.name ?? n.id()), colour: n.data('colour'), size: n.data('size'), x: n.position('x'), y: n.position('y'),
    }));
    /** @type {DrawnEdge[]} */
    const edges = this.cy.edges(faded ? 'edge:not(.faded)' : 'edge').map((e) => ({
      source: e.data('source'), target: e.data('target'), type: e.data('type'), dashed: e.hasClass('inferred') || e.hasClass('private'), highlighted: e.hasClass('route'),
    }));
    return { nodes, edges };
  }
}
