// @ts-check
// The landing view: the whole network drawn at once (when it has at most LANDING_LIMIT actors; a larger one opens the
// Overview tab instead), coloured by kind with its legend, and the two questions the product answers one click away:
// "Find an introduction" (the Routes tab) and "Who brokers?" (the brokerage analysis). The actors come from
// GET /api/overview (which says whether the network is small enough), the ties in force on the page's as-of date from
// the JSON export (GET /api/export?format=json&asOf=…).
import { api, data } from './api.js';
import { button, byId, plural } from './dom.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').TieSummary} TieSummary */
/** @typedef {import('./types.js').Relationship} Relationship */
/** @typedef {import('./types.js').Actor} Actor */

/** Up to this many actors the landing draws the whole network; the page's own setting (data-landing-limit) may change it. */
const LANDING_LIMIT = Number(document.body.dataset.landingLimit ?? 400);

export class Landing {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    this.shown = false;
    /** Moves on each leave(), so a drawing of the whole network that finishes after another view took over is dropped. */
    this.generation = 0;
    this.banner = byId('landing');
    this.summary = byId('landing-summary');
    button('start-routes').addEventListener('click', () => {
      app.tabs.select('routes');
      byId('route-from').focus();
    });
    button('start-brokers').addEventListener('click', async () => {
      app.tabs.select('brokers');
      await app.brokerage.analyse();
    });
    button('show-whole').addEventListener('click', () => this.show());
  }

  /** Draws the whole network (or opens the overview when it is too large for one drawing). */
  async show() {
    const graph = this.app.graph;
    this.banner.hidden = false;
    if (!graph) return;
    // A neighbourhood or a route asked for meanwhile takes the canvas: this drawing, still loading, gives way to it.
    const generation = this.generation;
    await this.app.graphRequests.run({ busy: 'Drawing the whole network…', failed: 'Drawing the whole network failed.' }, async (signal) => {
      const overview = await data(api.GET('/api/overview', { params: { query: { limit: LANDING_LIMIT } }, signal }));
      if (overview.truncated) {
        this.summary.textContent = `${plural(overview.matching, 'actor')}: too many to draw at once here, so the Overview tab shows them.`;
        this.app.tabs.select('overview');
        return 'The network is large: the overview shows it.';
      }
      const asOf = this.app.asOf;
      const { ties, privateActors } = await exportAsOf(asOf, signal);
      if (generation !== this.generation) return 'Another view took the canvas.';
      const { ids, names, kinds, regions } = overview.nodes;
      const actors = ids.map((id, i) => ({ id, name: names[i], kind: kinds[i], region: regions[i], visibility: privateActors.has(id) ? 'private' : 'public' }));
      actors.forEach((actor) => this.app.actors.remember(actor));
      graph.clear();
      this.app.drawn.clear();
      graph.merge(actors, ties);
      // The page's own layout (repeatable, labels taken into account) reads better at this size than the server's,
      // which is made for tens of thousands of actors.
      graph.layout();
      this.shown = true;
      await this.app.refreshSizing();
      const drawn = graph.cy.edges().length;
      const pairs = new Set(ties.map((tie) => [tie.source, tie.target].sort().join('|'))).size;
      const parallel = drawn < ties.length
        ? ` (${plural(drawn, 'line')} drawn: several ties of one type between the same two actors are drawn once; ${plural(pairs, 'pair')} of actors are tied)`
        : '';
      this.summary.textContent = `The whole network${asOf ? ` as of ${asOf}` : ''}: ${plural(actors.length, 'actor')} and ${plural(ties.length, 'relationship')}${asOf ? ' in force' : ''}${parallel}.`;
      byId('cy').dataset.landing = 'true';
      return `The whole network: ${plural(actors.length, 'actor')}, ${plural(ties.length, 'relationship')}.`;
    });
  }

  /** Another view takes the canvas: the whole network makes room for it (the banner stays, to come back). */
  leave() {
    this.generation++;
    if (!this.shown) return;
    this.shown = false;
    this.app.graph?.clear();
    delete byId('cy').dataset.landing;
    this.summary.textContent = 'Showing a neighbourhood or a route.';
  }
}

/**
 * The relationships in force on asOf (every one when null), as the JSON export gives them: the server applies its
 * one in-force rule, so the landing shows the same date as the rest of the page. With them, which actors are the
 * caller's workspace's own (only its members get any).
 * @param {string | null} asOf @param {AbortSignal} signal
 * @returns {Promise<{ties: TieSummary[], privateActors: Set<string>}>}
 */
async function exportAsOf(asOf, signal) {
  const exported = /** @type {{actors?: Actor[], relationships: Relationship[]}} */ (await data(/** @type {Promise<{data?: unknown, error?: unknown, response: Response}>} */ (
    api.GET('/api/export', { params: { query: { format: 'json', asOf: asOf ?? undefined } }, parseAs: 'json', signal }))));
  // The export carries the stored records: a private one names its workspace (only ever the caller's own).
  /** @param {{workspace?: string | null}} record */
  const ours = (record) => (record.workspace ? 'private' : 'public');
  return {
    ties: exported.relationships.map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type, inferred: r.inferred, note: r.note, visibility: ours(r) })),
    privateActors: new Set((exported.actors ?? []).filter((a) => ours(a) === 'private').map((a) => a.id)),
  };
}
