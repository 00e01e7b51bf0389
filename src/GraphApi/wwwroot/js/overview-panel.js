// @ts-check
// The Overview tab: its filter form, the summary line, and showing the overview over the neighbourhood drawing
// while the tab is open (the other views keep their drawing underneath, untouched).
import { readActorFilter, renderActorFilter } from './actor-filter.js';
import { api, data } from './api.js';
import { byId, plural } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { OverviewView } from './overview.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').Overview} Overview */

export class OverviewPanel {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    this.surface = byId('overview');
    this.form = byId('overview-form');
    this.summaryLine = byId('overview-summary');
    this.view = new OverviewView(this.surface, byId('overview-stage'), { onSelectNode: (id) => app.details.showActor(id) });
    this.requests = new LatestRequest({ status: app.status, error: byId('overview-error') });
    this.requested = false;
    /** The credentials (WhoAmI's count) the last drawing asked with. */
    this.drawnWith = -1;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.draw();
    });
  }

  /** The filter's fields, once the catalogues are in. */
  renderFilter() {
    renderActorFilter(byId('overview-filter'), 'overview', this.app.catalogues);
  }

  get visible() { return !this.surface.hidden; }

  /** Shows or hides the overview; the first time it is shown it draws the whole graph. @param {boolean} visible */
  setVisible(visible) {
    this.surface.hidden = !visible;
    // Sizing and re-layout act on the neighbourhood drawing, so they step aside while the overview is in front.
    this.surface.closest('.graph-area')?.classList.toggle('overview-on', visible);
    if (!visible) return;
    if (this.requested) this.view.fitContainer();
    else this.draw();
  }

  /**
   * Another caller has another overview (a member's holds the workspace's own ties): drawn again now, or when next
   * shown, unless the last drawing already asked with these credentials.
   */
  callerChanged() {
    if (!this.requested || this.drawnWith === this.app.who.credentials) return Promise.resolve();
    if (this.visible) return this.draw();
    this.requested = false;
    return Promise.resolve();
  }

  /** The counts, and why they differ from the stored relationships (the overview draws each tied pair once). @param {Overview} answer @param {number} relationships */
  describe(answer, relationships) {
    const pairs = answer.edges.length / 2;
    const cut = answer.truncated ? ` (the ${answer.limit.toLocaleString('en')} best-connected of ${answer.matching.toLocaleString('en')} matching)` : '';
    const why = relationships > pairs ? `: the ${plural(relationships, 'stored relationship')} drawn once per pair of actors` : '';
    this.summaryLine.textContent = `${plural(answer.nodes.ids.length, 'actor')}${cut}, ${plural(pairs, 'tied pair')}${why}.`;
    this.app.legendChanged();
  }

  async draw() {
    this.requested = true;
    this.drawnWith = this.app.who.credentials;
    const messages = { busy: 'Loading the overview…', failed: 'Drawing the overview failed.', explain: (/** @type {Error} */ error) => `The overview could not be drawn: ${error.message}` };
    await this.requests.run(messages, async (signal) => {
      const filter = readActorFilter('overview');
      const filtered = Object.keys(filter).length > 0;
      const total = filtered ? 0 : (await data(api.GET('/api/relationships', { params: { query: { limit: 1 } }, signal }))).total;
      const answer = await this.view.draw(filter, signal, (drawn) => this.describe(drawn, total));
      this.surface.dataset.nodes = String(answer.nodes.ids.length);
      this.surface.dataset.edges = String(answer.edges.length / 2);
      this.app.legendChanged();
      return `Overview drawn: ${this.summaryLine.textContent}`;
    });
  }
}
