// The Overview tab: its filter form, the summary line, and showing the overview over the neighbourhood drawing
// while the tab is open (the other views keep their drawing underneath, untouched).
import { readActorFilter, renderActorFilter } from './actor-filter.js';
import { byId } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { OverviewView } from './overview.js';

export class OverviewPanel {
  /** app: {details: DetailsPanel, status: Status, legendChanged()} */
  constructor(app) {
    this.app = app;
    this.surface = byId('overview');
    this.form = byId('overview-form');
    this.error = byId('overview-error');
    this.summaryLine = byId('overview-summary');
    this.view = new OverviewView(this.surface, byId('overview-stage'), { onSelectNode: (id) => app.details.showActor(id) });
    this.requests = new LatestRequest({ status: app.status, error: this.error });
    this.requested = false;
    renderActorFilter(this.form.querySelector('[data-actor-filter="overview"]'), 'overview');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.draw();
    });
  }

  get visible() { return !this.surface.hidden; }

  /** Shows or hides the overview; the first time it is shown it draws the whole graph. */
  setVisible(visible) {
    this.surface.hidden = !visible;
    // Sizing, re-layout and exports act on the neighbourhood drawing, so they step aside while the overview is in front.
    this.surface.closest('.graph-area').classList.toggle('overview-on', visible);
    if (!visible) return;
    if (this.requested) this.view.fitContainer();
    else this.draw();
  }

  describe(data) {
    const edges = data.edges.length / 2;
    const cut = data.truncated ? ` (the ${data.limit.toLocaleString('en')} best-connected of ${data.matching.toLocaleString('en')} matching)` : '';
    this.summaryLine.textContent = `${data.nodes.ids.length.toLocaleString('en')} actors${cut}, ${edges.toLocaleString('en')} ties.`;
    this.app.legendChanged();
  }

  async draw() {
    this.requested = true;
    const messages = { busy: 'Loading the overview…', failed: 'Drawing the overview failed.', explain: (error) => `The overview could not be drawn: ${error.message}` };
    await this.requests.run(messages, async (signal) => {
      const data = await this.view.draw(readActorFilter('overview'), signal, (answer) => this.describe(answer));
      this.surface.dataset.nodes = String(data.nodes.ids.length);
      this.surface.dataset.edges = String(data.edges.length / 2);
      return `Overview drawn: ${this.summaryLine.textContent}`;
    });
  }
}
