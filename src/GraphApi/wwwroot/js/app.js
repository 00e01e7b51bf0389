// The explorer page: wires the search, the graph, the side panel, the route finder, the brokerage view and the
// exports together. No framework; Cytoscape.js (installed by npm at build time) draws neighbourhoods and routes, and
// sigma.js draws the overview of the whole graph with WebGL.
import { getJson, isAbort, query } from './api.js';
import { AsOfSlider } from './as-of.js';
import { ActorCombobox } from './combobox.js';
import { byId, showError } from './dom.js';
import { BrokerageView } from './brokerage.js';
import { DetailsPanel } from './details.js';
import { exportPng, exportSubgraph } from './export.js';
import { GraphView } from './graph.js';
import { LedgerPanel } from './ledger.js';
import { loadLibrary } from './library.js';
import { OverviewPanel } from './overview-panel.js';
import { renderLegend } from './palette.js';
import { RolesChart } from './roles-chart.js';
import { RouteFinder } from './routes.js';
import { ActorDirectory, Analysis, neighbourhoodOf } from './data.js';
import { Status } from './status.js';
import { setUpTabs } from './tabs.js';
import { WhatIfPanel } from './whatif.js';

const LIBRARY = 'lib/cytoscape.min.js';
export const LIBRARY_MISSING = 'Graph library missing: install Node.js (with npm) and rebuild GraphApi (dotnet build), then reload this page. ' +
  'Search, routes and brokerage tables still work without the drawing.';

class Explorer {
  constructor(cytoscape) {
    this.status = new Status(byId('status'));
    this.actors = new ActorDirectory();
    this.analysis = new Analysis();
    this.graphError = byId('graph-error');
    // The date the graph, routes and brokerage are drawn as of (null: every tie), and the neighbourhoods drawn so far
    // (actor → depth), so that moving the as-of slider can draw them again on that day's ties.
    this.asOf = null;
    this.drawn = new Map();
    this.graph = cytoscape ? new GraphView(byId('cy'), cytoscape, {
      onSelectNode: (id) => { this.details.showActor(id); this.rolesChart.show(id); },
      onSelectEdge: (relationship) => this.details.showRelationship(relationship),
      onExpand: (id) => this.expand(id),
      onChange: () => this.graphChanged(),
    }) : null;
    this.details = new DetailsPanel(byId('details'), {
      expand: (id) => this.expand(id),
      routeFrom: (actor) => { this.routes.setFrom(actor); this.tabs.select('routes'); },
      routeTo: (actor) => { this.routes.setTo(actor); this.tabs.select('routes'); },
      nameOf: (id) => this.actors.nameOf(id),
    });
    this.routes = new RouteFinder(this);
    this.ledger = new LedgerPanel(this);
    this.whatIf = new WhatIfPanel(this);
    this.brokerage = new BrokerageView(this);
    this.overview = new OverviewPanel(this);
    this.asOfSlider = new AsOfSlider((asOf) => this.setAsOf(asOf));
    this.rolesChart = new RolesChart(this, () => this.asOfSlider.years);
    this.asOfSlider.load();
    this.tabs = setUpTabs(byId('controls'), (name) => {
      this.overview.setVisible(name === 'overview');
      if (name === 'ledger') this.ledger.refresh();
      this.legendChanged();
    });
    this.exploreBox = new ActorCombobox(document.querySelector('[data-combobox="explore"]'), (actor) => {
      this.actors.remember(actor);
      this.showActor(actor.id);
    });
    this.wireToolbar();
    if (!this.graph) showError(this.graphError, LIBRARY_MISSING);
    this.graphChanged();
    this.loadRelationshipTypes();
  }

  wireToolbar() {
    byId('clear-graph').addEventListener('click', () => { this.graph?.clear(); this.drawn.clear(); });
    byId('relayout').addEventListener('click', () => this.graph?.layout());
    byId('colour-by').addEventListener('change', (event) => this.setColouring(event.target.value));
    byId('size-by').addEventListener('change', (event) => this.setSizing(event.target.value));
    byId('export-png').addEventListener('click', () => this.withGraph(() => exportPng(this.graph, this.status)));
    byId('export-graphml').addEventListener('click', () => this.withGraph(() => exportSubgraph('graphml', this.graph, this.status, this.graphError)));
    byId('export-gexf').addEventListener('click', () => this.withGraph(() => exportSubgraph('gexf', this.graph, this.status, this.graphError)));
  }

  withGraph(action) {
    if (!this.graph) {
      showError(this.graphError, LIBRARY_MISSING);
      return undefined;
    }
    showError(this.graphError, '');
    return action();
  }

  async loadRelationshipTypes() {
    if (!this.graph) return;
    try {
      const types = await getJson('/api/relationship-types');
      this.graph.directedTypes = new Set(types.filter((type) => type.directed).map((type) => type.name));
    } catch (error) {
      showError(this.graphError, `Relationship types could not be loaded: ${error.message}`);
    }
  }

  /** Draws an actor's neighbourhood (depth from the Explore form), merged into what is shown. */
  async showActor(id) {
    const depth = Number(byId('explore-depth').value);
    await this.withGraph(async () => {
      await this.merge(id, depth);
      this.graph.markOrigin(id);
      this.details.showActor(id);
      this.rolesChart.show(id);
    });
  }

  /** Adds an actor's direct neighbourhood to the graph (double-click or the Expand button). */
  expand(id) {
    return this.withGraph(() => this.merge(id, 1));
  }

  async merge(id, depth) {
    const done = this.status.busy(`Loading the neighbourhood of ${this.actors.nameOf(id)}…`);
    try {
      // The actor itself is drawn even if its neighbourhood cannot be loaded.
      this.drawn.set(id, Math.max(depth, this.drawn.get(id) ?? 0));
      const [actor] = await this.actors.ensure([id]);
      this.graph.merge([actor], []);
      const data = neighbourhoodOf(await getJson(`/api/actors/${encodeURIComponent(id)}/neighbourhood${query({ depth, asOf: this.asOf })}`));
      data.nodes.forEach((node) => this.actors.remember(node));
      const added = this.graph.merge(data.nodes, data.edges);
      this.graph.layout();
      await this.refreshSizing();
      done(`${this.actors.nameOf(id)}: ${data.nodes.length} actors, ${data.edges.length} ties (${added} new on the graph).`);
    } catch (error) {
      if (isAbort(error)) return;
      showError(this.graphError, `The neighbourhood of ${this.actors.nameOf(id)} could not be loaded: ${error.message}`);
      this.graph.layout();
      done('Loading the neighbourhood failed.');
    }
  }

  /** "Ask for this introduction" on a route: records the ask and shows it in the ledger tab. */
  async askFor(route) {
    this.tabs.select('ledger');
    await this.ledger.ask(route);
  }

  /** Puts a route's actors and ties on the graph and highlights them. */
  async showRoute(route) {
    await this.withGraph(async () => {
      const actors = await this.actors.ensure(route.actors);
      const added = this.graph.merge(actors, route.steps.map((step) => step.relationship));
      if (added > 0) this.graph.layout();
      this.graph.highlightRoute(route.actors, route.steps);
      await this.refreshSizing();
    });
  }

  /** Draws the graph, the routes and the brokerage table again on the ties in force on asOf (null: every tie). */
  setAsOf(asOf) {
    // One redraw at a time, in the order asked: a later date never gets drawn over by an earlier one still loading.
    this.asOfWork = (this.asOfWork ?? Promise.resolve()).then(() => this.drawAsOf(asOf));
    return this.asOfWork;
  }

  async drawAsOf(asOf) {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    byId('route-as-of').value = asOf ?? '';
    byId('cy').dataset.asOf = asOf ?? 'all';
    await this.redrawGraph();
    await this.routes.refresh();
    await this.brokerage.refresh();
    this.status.show(asOf ? `Graph, routes and brokerage as of ${asOf} (ties in force at the end of that year).` : 'Graph, routes and brokerage with every tie.');
  }

  async redrawGraph() {
    if (!this.graph || this.drawn.size === 0) return;
    const drawn = [...this.drawn];
    this.graph.clear();
    for (const [id, depth] of drawn) {
      await this.merge(id, depth);
      this.graph.markOrigin(id);
    }
  }

  setColouring(mode) {
    byId('colour-by').value = mode;
    this.graph?.setColouring(mode);
    this.overview.view.setColouring(mode);
    this.legendChanged();
    if (mode === 'community') this.loadCommunities();
  }

  /** Communities are computed on first use and kept (Analysis caches them): both drawings colour every actor from them. */
  async loadCommunities() {
    const done = this.status.busy('Finding communities…');
    try {
      const communities = await this.analysis.communities();
      this.graph?.setCommunities(communities);
      this.overview.view.setCommunities(communities);
      this.legendChanged();
      done('Coloured by community.');
    } catch (error) {
      showError(this.graphError, `Colouring by community is not available: ${error.message}`);
      done('Finding communities failed.');
    }
  }

  /** The legend explains whichever drawing is in front: the overview while its tab is open, else the graph. */
  legendChanged() {
    if (!this.overview.visible) {
      this.graphChanged();
      return;
    }
    const view = this.overview.view;
    renderLegend(byId('legend'), view.legendMode(), view.legendValues(), null);
  }

  async setSizing(mode) {
    this.sizing = mode;
    await this.withGraph(() => this.refreshSizing());
  }

  async refreshSizing() {
    const mode = this.sizing ?? 'none';
    if (!this.graph) return;
    try {
      if (mode === 'betweenness') this.graph.setSizing(await this.analysis.betweenness(this.asOf));
      else if (mode === 'brokerage') {
        const items = await this.analysis.brokerage(byId('broker-partition').value, byId('broker-directed').checked, this.asOf);
        this.graph.setSizing(new Map(items.map((item) => [item.actor, item.total])));
      } else this.graph.setSizing(null);
    } catch (error) {
      showError(this.graphError, `Sizing by ${mode} is not available: ${error.message}`);
      byId('size-by').value = 'none';
      this.sizing = 'none';
      this.graph.setSizing(null);
    }
  }

  graphChanged() {
    const empty = !this.graph || this.graph.isEmpty;
    byId('graph-empty').hidden = !empty;
    byId('cy').dataset.nodes = String(this.graph ? this.graph.cy.nodes().length : 0);
    // While the overview is in front, the legend explains it (legendChanged).
    if (this.overview?.visible) return;
    const mode = byId('colour-by').value;
    const note = mode === 'role' && this.graph && this.graph.roles.size === 0 ? 'run the brokerage analysis (Brokers tab) to colour by role' : null;
    renderLegend(byId('legend'), mode, this.graph ? this.graph.legendValues() : [], note);
  }
}

/** Loads the npm-installed Cytoscape.js; resolves to null (and the page says why) when the build could not install it. */
const loadCytoscape = () => loadLibrary(LIBRARY, 'cytoscape');

/** A read-only view for browser tests and for curious people at the console. */
function exposeDebugHook(explorer) {
  const hook = {
    get libraryLoaded() { return explorer.graph !== null; },
    nodeIds: () => explorer.graph?.nodeIds() ?? [],
    edgeCount: () => explorer.graph?.cy.edges().length ?? 0,
    edgeIds: () => explorer.graph?.cy.edges().map((edge) => edge.data('relationship')?.id ?? edge.id()) ?? [],
    asOf: () => explorer.asOf,
    asOfYears: () => [...explorer.asOfSlider.years],
    highlighted: () => explorer.graph?.highlighted() ?? { nodes: [], edges: [] },
    routes: () => explorer.routes.routes.map((route) => ({ target: route.target, hops: route.hops, score: route.score, actors: [...route.actors] })),
    selectedRoute: () => explorer.routes.selected,
    ledger: () => explorer.ledger.asks.map((ask) => ({ id: ask.id, status: ask.status, path: [...ask.path], timeline: ask.timeline.map((e) => e.type) })),
    whatIf: () => explorer.whatIf.candidates.map((candidate) => ({ actor: candidate.actor.id, gain: candidate.gain, actors: [...candidate.route.actors] })),
    overview: () => explorer.overview.view.summary(),
    overviewPaintedPixels: () => explorer.overview.view.paintedPixels(),
    overviewNodePosition: (id) => explorer.overview.view.nodePosition(id),
    nodeColours: () => Object.fromEntries(explorer.graph?.cy.nodes().map((n) => [n.id(), n.data('colour')]) ?? []),
    overviewNodeColour: (id) => explorer.overview.view.nodeColour(id),
  };
  Object.defineProperty(window, 'graphApiExplorer', { value: Object.freeze(hook), writable: false, configurable: false });
}

const cytoscape = await loadCytoscape();
const explorer = new Explorer(cytoscape);
exposeDebugHook(explorer);
document.body.dataset.ready = 'true';
