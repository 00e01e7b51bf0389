// The graph drawing: a thin layer over Cytoscape.js that knows actors, relationships and routes.
import { colourings } from './palette.js';

const MIN_SIZE = 22;
const MAX_SIZE = 64;

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-size': 11,
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'border-width': 1,
      'border-color': '#3a3f45',
    },
  },
  { selector: 'node.origin', style: { 'border-width': 3, 'border-color': '#1b1f24' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1a4fd6' } },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#9aa4ae',
      'curve-style': 'bezier',
      'target-arrow-shape': 'data(arrow)',
      'target-arrow-color': '#9aa4ae',
      'arrow-scale': 0.8,
      label: '',
    },
  },
  { selector: 'edge.inferred', style: { 'line-style': 'dashed' } },
  { selector: 'edge:selected', style: { 'line-color': '#1a4fd6', 'target-arrow-color': '#1a4fd6', width: 3 } },
  { selector: '.faded', style: { opacity: 0.22 } },
  { selector: 'node.route', style: { 'border-width': 4, 'border-color': '#c2185b', 'font-weight': 'bold', 'z-index': 10 } },
  {
    selector: 'edge.route',
    style: {
      width: 5, 'line-color': '#c2185b', 'target-arrow-color': '#c2185b', 'z-index': 10,
      label: 'data(type)', 'font-size': 9, color: '#7a0f3a', 'text-rotation': 'autorotate',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
    },
  },
];

/** One key per tie between two actors, whichever way it is stored: routes and neighbourhoods share edges by it. */
const edgeKey = (a, b, type) => (a < b ? `${a}|${b}|${type}` : `${b}|${a}|${type}`);

export class GraphView {
  constructor(container, cytoscape, { onSelectNode, onSelectEdge, onExpand, onChange }) {
    this.mode = 'kind';
    this.metric = null;
    this.roles = new Map();
    this.communities = new Map();
    this.directedTypes = new Set();
    this.onChange = onChange;
    this.cy = cytoscape({
      container,
      style: STYLE,
      elements: [],
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (event) => onSelectNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => onSelectEdge(event.target.data('relationship')));
    this.cy.on('dbltap', 'node', (event) => onExpand(event.target.id()));
  }

  get isEmpty() { return this.cy.nodes().length === 0; }

  hasNode(id) { return this.cy.getElementById(id).nonempty(); }

  nodeIds() { return this.cy.nodes().map((n) => n.id()); }

  actor(id) { return this.cy.getElementById(id).data('actor'); }

  /** Merges actors (nodes) and relationships (edges); returns how many new nodes were added. */
  merge(actors, relationships) {
    const before = this.cy.nodes().length;
    this.cy.batch(() => {
      for (const actor of actors) this.addActor(actor);
      for (const relationship of relationships) this.addRelationship(relationship);
    });
    this.restyle();
    return this.cy.nodes().length - before;
  }

  addActor(actor) {
    const existing = this.cy.getElementById(actor.id);
    if (existing.nonempty()) {
      existing.data('actor', { ...existing.data('actor'), ...actor });
      return;
    }
    this.cy.add({
      group: 'nodes',
      data: { id: actor.id, label: actor.name ?? actor.id, actor, colour: '#b0b0b0', size: MIN_SIZE },
      position: this.startingPoint(actor.id),
    });
  }

  /**
   * Where a new node starts before the layout runs: spread around the drawing's centre by a hash of its id, so
   * layouts are repeatable (same input, same picture) and nodes don't all start on one point.
   */
  startingPoint(id) {
    let hash = 0;
    for (const ch of id) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    const angle = (hash % 360) * (Math.PI / 180);
    const radius = 120 + (hash % 97) * 2;
    const centre = this.cy.nodes().length > 0 ? this.centre() : { x: 0, y: 0 };
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  }

  centre() {
    const box = this.cy.nodes().boundingBox();
    return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  }

  addRelationship(relationship) {
    const { source, target, type } = relationship;
    if (!this.hasNode(source) || !this.hasNode(target)) return;
    const key = edgeKey(source, target, type);
    const sameTie = this.edgeByKey(key);
    if (relationship.id) {
      if (this.cy.getElementById(`rel:${relationship.id}`).nonempty()) return;
      // A tie drawn from a route step (no id) gives way to the stored relationship it stood for.
      sameTie.filter((edge) => !edge.data('relationship').id).remove();
    } else if (sameTie.nonempty()) {
      return;
    }
    this.cy.add({
      group: 'edges',
      classes: relationship.inferred ? 'inferred' : '',
      data: {
        id: relationship.id ? `rel:${relationship.id}` : `step:${key}`,
        source, target, type, key, relationship,
        // Arrows only for types whose direction means something (catalogue: MANAGES, MEMBER_OF, …).
        arrow: this.directedTypes.has(type) ? 'triangle' : 'none',
      },
    });
  }

  edgeByKey(key) { return this.cy.edges().filter((e) => e.data('key') === key); }

  markOrigin(id) {
    this.cy.getElementById(id).addClass('origin');
  }

  clear() {
    this.cy.elements().remove();
    this.onChange();
  }

  layout({ fit = true } = {}) {
    if (this.isEmpty) return;
    // Deterministic and not animated, so a re-layout and the browser tests see the same picture each time.
    this.cy.layout({
      name: 'cose', animate: false, randomize: false, fit, padding: 40, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 90, edgeElasticity: () => 100, nodeOverlap: 20,
      gravity: 60, numIter: 1500, componentSpacing: 80,
    }).run();
  }

  setColouring(mode) {
    this.mode = mode;
    this.restyle();
  }

  /** metric: Map actor id → number (betweenness, brokerage total), or null for uniform size. */
  setSizing(metric) {
    this.metric = metric;
    this.restyle();
  }

  /** roles: Map actor id → dominant role name. */
  setRoles(roles) {
    this.roles = roles;
    this.restyle();
  }

  /** communities: Map actor id → community number (0 the largest). */
  setCommunities(communities) {
    this.communities = communities;
    this.restyle();
  }

  /** A node's actor with what the analyses add to it, as the colourings read it. */
  described(node) {
    return { ...node.data('actor'), role: this.roles.get(node.id()), community: this.communities.get(node.id()) };
  }

  restyle() {
    const colouring = colourings[this.mode];
    const values = this.metric ? this.cy.nodes().map((n) => this.metric.get(n.id()) ?? 0) : [];
    const max = Math.max(0, ...values);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.data('colour', colouring.colour(colouring.of(this.described(node))));
        const value = this.metric?.get(node.id()) ?? 0;
        // Square root so the area, not the width, grows with the measure.
        node.data('size', max > 0 ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max) : MIN_SIZE);
      });
    });
    this.onChange();
  }

  legendValues() {
    const colouring = colourings[this.mode];
    return this.cy.nodes().map((n) => colouring.of(this.described(n)));
  }

  /**
   * Highlights a route: its actors and ties stand out, everything else fades. steps: [{from, to, type, relationship}].
   * Ties the graph does not show yet are added from the steps themselves.
   */
  highlightRoute(actorIds, steps) {
    this.clearHighlight();
    const edges = steps.map((step) => {
      this.addRelationship(step.relationship);
      const own = step.relationship.id ? this.cy.getElementById(`rel:${step.relationship.id}`) : this.cy.collection();
      // Without an id, any tie of that type between the two actors stands for the step (parallel ties look alike).
      return own.nonempty() ? own : this.edgeByKey(edgeKey(step.from, step.to, step.type)).first();
    });
    const nodes = this.cy.collection(actorIds.map((id) => this.cy.getElementById(id)));
    const route = nodes.union(this.cy.collection(edges.flatMap((edge) => edge.toArray())));
    this.cy.elements().not(route).addClass('faded');
    route.addClass('route');
    this.restyle();
    this.cy.animate({ fit: { eles: route, padding: 60 } }, { duration: 0 });
  }

  clearHighlight() {
    this.cy.elements().removeClass('route faded');
  }

  highlighted() {
    return {
      nodes: this.cy.nodes('.route').map((n) => n.id()),
      edges: this.cy.edges('.route').map((e) => ({ source: e.data('source'), target: e.data('target'), type: e.data('type') })),
    };
  }

  png() {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  }
}
