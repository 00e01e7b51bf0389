// @ts-check
// The explorer page: wires the search, the graph, the side panel, the route finder, the analyses and the exports
// together around one state kept in the URL. No framework; Cytoscape.js (installed by npm at build time) draws
// neighbourhoods, routes and (on landing) the whole network, and sigma.js draws the overview of a large graph.
// Reason for the length (about 410 lines): this is the one place the panels meet (state, as-of date, colouring and
// sizing shared by both drawings); each panel lives in its own file.
import { api, data } from './api.js';
import { AsOfSlider } from './as-of.js';
import { BrokerageView } from './brokerage.js';
import { Catalogues } from './catalogue.js';
import { ActorCombobox } from './combobox.js';
import { CommunitiesPanel } from './communities.js';
import { ActorDirectory, Analysis } from './data.js';
import { DetailsPanel } from './details.js';
import { button, byId, select, showError } from './dom.js';
import { exportPicture, exportSubgraph } from './export.js';
import { GraphView } from './graph.js';
import { Landing } from './landing.js';
import { LatestRequest } from './latest-request.js';
import { LedgerPanel } from './ledger.js';
import { loadLibrary } from './library.js';
import { OverviewPanel } from './overview-panel.js';
import { colourings, dominantRole, renderLegend } from './palette.js';
import { RolesChart } from './roles-chart.js';
import { RouteFinder } from './routes.js';
import { readState, writeState } from './state.js';
import { Status } from './status.js';
import { setUpTabs } from './tabs.js';
import { WhatIfPanel } from './whatif.js';
import { OurNetwork } from './our-network.js';
import { WhoAmI } from './workspace.js';
import { exposeDebugHook } from './debug-hook.js';

/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./state.js').PageState} PageState */
/** @typedef {import('./palette.js').ColourMode} ColourMode */
/** @typedef {typeof import('cytoscape')} Cytoscape */
/** @typedef {import('./workspace.js').Scope} Scope */

export const LIBRARY_MISSING = 'Graph library missing: install Node.js (with npm) and rebuild GraphApi (dotnet build), then reload this page. ' +
  'Search, routes and brokerage tables still work without the drawing.';

/** @type {ColourMode[]} */
const COLOUR_MODES = ['kind', 'region', 'role', 'community'];
const SIZE_MODES = ['none', 'betweenness', 'brokerage'];

export class Explorer {
  /** @param {Cytoscape | null} cytoscape */
  constructor(cytoscape) {
    this.status = new Status(byId('status'));
    this.actors = new ActorDirectory();
    /** What the analyses run on: the public network, or with our workspace's ties (members only). @type {Scope} */
    this.scope = 'public';
    this.analysis = new Analysis(() => this.scopeQuery);
    this.catalogues = new Catalogues();
    this.graphError = byId('graph-error');
    /** The one as-of date of the page ('YYYY-12-31', or null for every tie): graph, routes, analyses and URL share it. @type {string | null} */
    this.asOf = null;
    /** Neighbourhoods drawn so far (actor → depth), drawn again on the new date when the as-of date moves. @type {Map<string, number>} */
    this.drawn = new Map();
    /** @type {ColourMode} */
    this.colour = 'kind';
    this.sizing = 'none';
    this.asking = false;
    this.graphRequests = new LatestRequest({ status: this.status, error: this.graphError });
    this.details = new DetailsPanel(byId('details'), this.status, {
      expand: (id) => this.expand(id),
      routeFrom: (actor) => { this.routes.setFrom(actor); this.tabs.select('routes'); },
      routeTo: (actor) => { this.routes.setTo(actor); this.tabs.select('routes'); },
      nameOf: (id) => this.actors.nameOf(id),
      extras: (actor) => this.ours.knowThem(actor),
      workspaceName: () => this.who.workspace?.name ?? null,
      credentials: () => this.who.credentials,
    });
    this.graph = cytoscape ? new GraphView(byId('cy'), cytoscape, {
      onSelectNode: (id) => this.selectActor(id),
      onSelectEdge: (tie) => this.details.showRelationship(tie),
      onExpand: (id) => this.expand(id),
      onChange: () => this.graphChanged(),
    }) : null;
    this.routes = new RouteFinder(this);
    this.whatIf = new WhatIfPanel(this);
    this.ledger = new LedgerPanel(this);
    this.brokerage = new BrokerageView(this);
    this.communities = new CommunitiesPanel(this);
    this.overview = new OverviewPanel(this);
    this.landing = new Landing(this);
    this.asOfSlider = new AsOfSlider((asOf) => this.setAsOf(asOf));
    this.rolesChart = new RolesChart(this, () => this.asOfSlider.years);
    this.tabs = setUpTabs(byId('controls'), (name) => this.tabChanged(name));
    this.who = new WhoAmI((caller, before) => this.callerChanged(caller, before), (scope) => this.ours.setScope(scope));
    this.ours = new OurNetwork(this);
    this.exploreBox = new ActorCombobox(/** @type {Element} */ (document.querySelector('[data-combobox="explore"]')), (actor) => {
      this.actors.remember(actor);
      this.showActor(actor.id);
    });
    this.wireToolbar();
    if (!this.graph) showError(this.graphError, LIBRARY_MISSING);
  }

  /** Loads the catalogues and years, builds the forms from them, then opens the view the URL describes. */
  async start() {
    try {
      await Promise.all([this.catalogues.load(), this.asOfSlider.load()]);
    } catch (error) {
      showError(this.graphError, `The API's catalogues could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.graph) this.graph.directedTypes = this.catalogues.directedTypes;
    this.routes.renderFilter();
    this.whatIf.renderForm();
    this.overview.renderFilter();
    this.ledger.renderStatuses();
    this.brokerage.renderPartitions();
    await this.who.load();
    await this.restore(readState());
  }

  /** Opens the view a link describes (tab, as-of, colour, size, question, actor, roles); no state: the landing. @param {PageState} state */
  async restore(state) {
    if (state.colour && COLOUR_MODES.includes(/** @type {ColourMode} */ (state.colour))) this.colour = /** @type {ColourMode} */ (state.colour);
    select('colour-by').value = this.colour;
    if (state.size && SIZE_MODES.includes(state.size)) this.sizing = state.size;
    select('size-by').value = this.sizing;
    if (state.asOf) this.asOfSlider.setAsOf(state.asOf);
    this.asOf = this.asOfSlider.asOf;
    this.showAsOf();
    // "With our ties" only for members of a workspace: a link with it opens on the public network for anyone else.
    this.scope = state.scope === 'workspace' && this.who.member ? 'workspace' : 'public';
    this.who.showScope(this.scope);
    this.applyColouring();
    await this.routes.restore(state);
    if (state.roles) this.rolesChart.setActors(state.roles.split(',').filter(Boolean));
    const tab = state.tab ?? 'explore';
    this.tabs.select(tab);
    if (state.actor) await this.showActor(state.actor);
    else if (state.route && state.from) await this.routes.find(Number(state.route) - 1);
    else if (state.from && (state.to || state.kind || state.region || state.country || state.sector)) await this.routes.find();
    else if (tab !== 'overview') await this.landing.show();
  }

  wireToolbar() {
    byId('clear-graph').addEventListener('click', () => { this.graph?.clear(); this.drawn.clear(); this.questionChanged({ actor: null }); });
    byId('relayout').addEventListener('click', () => this.graph?.layout());
    select('colour-by').addEventListener('change', () => this.setColouring(/** @type {ColourMode} */ (select('colour-by').value)));
    select('size-by').addEventListener('change', () => this.setSizing(select('size-by').value));
    button('export-svg').addEventListener('click', () => exportPicture('svg', this));
    button('export-png').addEventListener('click', () => exportPicture('png', this));
    button('export-graphml').addEventListener('click', () => this.withGraph((graph) => exportSubgraph('graphml', graph, this.graphRequests)));
    button('export-gexf').addEventListener('click', () => this.withGraph((graph) => exportSubgraph('gexf', graph, this.graphRequests)));
  }

  /**
   * Runs action with the graph, or says that the library is missing.
   * @template T
   * @param {(graph: GraphView) => T} action
   * @returns {T | undefined}
   */
  withGraph(action) {
    if (!this.graph) {
      showError(this.graphError, LIBRARY_MISSING);
      return undefined;
    }
    return action(this.graph);
  }

  /** @param {string} name */
  tabChanged(name) {
    this.overview.setVisible(name === 'overview');
    if (name === 'ledger' && !this.asking) this.ledger.refresh();
    if (name === 'brokers') this.rolesChart.draw();
    this.questionChanged({ tab: name === 'explore' ? null : name });
    this.legendChanged();
  }

  /**
   * Whoever asks now may see other records: the drawings and analyses (when the workspace changed), the overview, the
   * ledger, the what-if suggestions and the side panel are asked for again (unless fetched with these credentials already).
   * @param {import('./types.js').Caller} caller @param {import('./types.js').Caller} before
   */
  async callerChanged(caller, before) {
    await this.ours.callerChanged(caller, before);
    await this.overview.callerChanged();
    await this.ledger.callerChanged();
    await this.whatIf.callerChanged();
    await this.details.refresh();
  }

  /** Puts part of the page's state into the URL. @param {Partial<Record<keyof PageState, string | number | null | undefined>>} changes */
  questionChanged(changes) {
    writeState(changes);
  }

  /** @param {string} id */
  selectActor(id) {
    this.details.showActor(id);
    this.rolesChart.add(id);
  }

  /** Draws an actor's neighbourhood (depth from the Explore form) in place of the landing, merged into what is shown. @param {string} id */
  async showActor(id) {
    this.questionChanged({ actor: id });
    this.details.showActor(id);
    this.rolesChart.add(id);
    await this.withGraph(async (graph) => {
      this.landing.leave();
      await this.merge(graph, id, Number(select('explore-depth').value));
      graph.markOrigin(id);
    });
  }

  /** Adds an actor's direct neighbourhood to the graph (double-click or the Expand button). @param {string} id */
  expand(id) {
    return this.withGraph((graph) => {
      this.landing.leave();
      return this.merge(graph, id, 1);
    });
  }

  /** @param {GraphView} graph @param {string} id @param {number} depth */
  async merge(graph, id, depth) {
    this.drawn.set(id, Math.max(depth, this.drawn.get(id) ?? 0));
    const name = this.actors.nameOf(id);
    await this.graphRequests.run({
      busy: `Loading the neighbourhood of ${name}…`, failed: 'Loading the neighbourhood failed.',
      explain: (error) => `The neighbourhood of ${name} could not be loaded: ${error.message}`,
    }, async (signal) => {
      const [actor] = await this.actors.ensure([id], signal);
      graph.merge([actor], []);
      const hood = await data(api.GET('/api/actors/{id}/neighbourhood', { params: { path: { id }, query: { depth, asOf: this.asOf ?? undefined } }, signal }));
      hood.nodes.forEach((node) => this.actors.remember(node));
      const added = graph.merge(hood.nodes, hood.edges.map((edge) => ({ ...edge, source: edge.source, target: edge.target })));
      graph.layout();
      await this.refreshSizing();
      const pairs = new Set(hood.edges.map((edge) => [edge.source, edge.target].sort().join('|'))).size;
      const parallel = hood.edges.length > pairs ? ` between ${pairs} pairs (parallel ties of two actors drawn side by side)` : '';
      return `${this.actors.nameOf(id)}: ${hood.nodes.length} actors, ${hood.edges.length} ties${parallel}; ${added} new on the graph.`;
    });
  }

  /** "Ask for this introduction" on a route: records the ask and shows it in the ledger tab. @param {ShownRoute} route */
  async askFor(route) {
    // The ask refreshes the list itself: opening the tab must not start a second read that the ask would cancel.
    this.asking = true;
    this.tabs.select('ledger');
    this.asking = false;
    await this.ledger.ask(route);
  }

  /** Puts a route's actors and ties on the graph, highlights them and fits them to the canvas. @param {ShownRoute} route */
  async showRoute(route) {
    await this.withGraph(async (graph) => {
      this.landing.leave();
      const actors = await this.actors.ensure(route.actors);
      const added = graph.merge(actors, route.steps.map((step) => step.tie));
      if (added > 0) graph.layout();
      graph.highlightRoute(route);
      await this.refreshSizing();
    });
  }

  /** The one as-of date changed (slider or link): graph, routes and analyses are drawn again on that day's ties. @param {string | null} asOf */
  setAsOf(asOf) {
    // One redraw at a time, in the order asked: a later date never gets drawn over by an earlier one still loading.
    this.asOfWork = (this.asOfWork ?? Promise.resolve()).then(() => this.drawAsOf(asOf));
    return this.asOfWork;
  }

  /** @param {string | null} asOf */
  async drawAsOf(asOf) {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    this.questionChanged({ asOf });
    this.showAsOf();
    await this.drawAgain();
    this.status.show(asOf ? `Graph, routes and analyses as of ${asOf} (ties in force at the end of that year).` : 'Graph, routes and analyses with every tie.');
  }

  /** Draws and asks again whatever is shown: the whole network or the neighbourhoods, the routes and the analyses. */
  async drawAgain() {
    if (this.landing.shown) await this.landing.show();
    await this.redrawGraph();
    await this.routes.refresh();
    await this.brokerage.refresh();
    await this.communities.refresh();
  }

  /** The analyses' scope query parameter: 'workspace' for "With our ties", none for the public network. */
  get scopeQuery() { return this.scope === 'workspace' ? /** @type {const} */ ('workspace') : undefined; }

  /** How a summary says which graph an analysis ran on: nothing for the public network. */
  get scopeText() { return this.scope === 'workspace' ? ` (with ${this.who.workspace?.name ?? 'our workspace'}'s private ties)` : ''; }

  /** Every place that names the as-of date shows the same value. */
  showAsOf() {
    const text = this.asOf ?? 'all dates';
    for (const node of document.querySelectorAll('[data-as-of-text]')) node.textContent = text;
    /** @type {HTMLInputElement} */ (byId('route-as-of')).value = this.asOf ?? '';
    byId('cy').dataset.asOf = this.asOf ?? 'all';
  }

  async redrawGraph() {
    const graph = this.graph;
    if (!graph || this.drawn.size === 0) return;
    const drawn = [...this.drawn];
    graph.clear();
    for (const [id, depth] of drawn) {
      await this.merge(graph, id, depth);
      graph.markOrigin(id);
    }
  }

  /** @param {ColourMode} mode */
  async setColouring(mode) {
    this.colour = mode;
    select('colour-by').value = mode;
    this.questionChanged({ colour: mode === 'kind' ? null : mode });
    this.applyColouring();
    if (mode === 'community') await this.loadCommunities();
    if (mode === 'role') await this.loadRoles();
  }

  applyColouring() {
    const colouring = colourings(this.catalogues.kinds, this.catalogues.regions)[this.colour];
    this.graph?.setColouring(colouring);
    this.overview.view.setColouring(colouring);
    this.legendChanged();
  }

  /** Communities for both drawings (Analysis caches them per as-of date). */
  async loadCommunities() {
    await this.graphRequests.run({ busy: 'Finding communities…', explain: (error) => `Colouring by community is not available: ${error.message}` }, async () => {
      const page = await this.analysis.communities(this.asOf);
      const communities = new Map(page.items.map((item) => [item.actor, item.community]));
      this.graph?.setCommunities(communities);
      this.overview.view.setCommunities(communities);
      this.legendChanged();
      return 'Coloured by community.';
    });
  }

  /** Dominant brokerage roles (by the Brokers tab's partition) for both drawings. */
  async loadRoles() {
    await this.graphRequests.run({ busy: 'Finding brokerage roles…', explain: (error) => `Colouring by role is not available: ${error.message}` }, async () => {
      const items = await this.analysis.brokerage(this.brokerage.partition, this.brokerage.directed, this.asOf);
      this.setRoles(new Map(items.map((item) => [item.actor, dominantRole(item)])));
      return `Coloured by dominant brokerage role (partition by ${this.brokerage.partition}).`;
    });
  }

  /** @param {Map<string, string>} roles */
  setRoles(roles) {
    this.graph?.setRoles(roles);
    this.overview.view.setRoles(roles);
    this.legendChanged();
  }

  /** The legend explains whichever drawing is in front: the overview while its tab is open, else the graph. */
  legendChanged() {
    const colouring = colourings(this.catalogues.kinds, this.catalogues.regions)[this.colour];
    if (this.overview?.visible) {
      renderLegend(byId('legend'), colouring, this.overview.view.legendValues(), null);
      const drawn = this.overview.view.privateDrawn();
      if (drawn.ties.length + drawn.actors.length > 0) byId('legend').append(this.ours.legendEntry('overview'));
      return;
    }
    const note = this.colour === 'role' && this.graph && this.graph.roles.size === 0 ? 'loading the brokerage roles…' : null;
    renderLegend(byId('legend'), colouring, this.graph ? this.graph.legendValues() : [], note);
    const own = this.graph?.privateDrawn();
    if (own && own.ties.length + own.actors.length > 0) byId('legend').append(this.ours.legendEntry());
  }

  /** @param {string} mode */
  async setSizing(mode) {
    this.sizing = mode;
    this.questionChanged({ size: mode === 'none' ? null : mode });
    await this.refreshSizing();
  }

  async refreshSizing() {
    const graph = this.graph;
    if (!graph) return;
    const mode = this.sizing;
    try {
      if (mode === 'betweenness') graph.setSizing(await this.analysis.betweenness(this.asOf));
      else if (mode === 'brokerage') {
        const items = await this.analysis.brokerage(this.brokerage.partition, this.brokerage.directed, this.asOf);
        graph.setSizing(new Map(items.map((item) => [item.actor, item.total])));
      } else graph.setSizing(null);
    } catch (error) {
      showError(this.graphError, `Sizing by ${mode} is not available: ${error instanceof Error ? error.message : String(error)}`);
      select('size-by').value = 'none';
      this.sizing = 'none';
      graph.setSizing(null);
    }
  }

  graphChanged() {
    const empty = !this.graph || this.graph.isEmpty;
    byId('graph-empty').hidden = !empty;
    byId('cy').dataset.nodes = String(this.graph ? this.graph.cy.nodes().length : 0);
    if (!this.overview?.visible) this.legendChanged();
  }
}

const cytoscape = /** @type {Cytoscape | null} */ (await loadLibrary('lib/cytoscape.min.js', 'cytoscape'));
const explorer = new Explorer(cytoscape);
exposeDebugHook(explorer);
await explorer.start();
document.body.dataset.ready = 'true';
