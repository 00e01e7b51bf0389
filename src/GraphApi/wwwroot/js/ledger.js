// The introduction ledger panel: asks made along routes ("Ask for this introduction" on a route), each with its
// timeline, and a form to record what happened next. The choices offered are the API's own `nextEvents`, so the
// page never offers an event the state machine would refuse. Writes need an editor key, kept for this tab only.
import { getJson, postJson, query } from './api.js';
import { byId, clear, el, showError } from './dom.js';

const KEY_STORAGE = 'graphapi-editor-key';
const STATUSES = ['open', 'reached', 'met', 'agreement', 'declined', 'no-answer'];
const today = () => new Date().toISOString().slice(0, 10);

export class LedgerPanel {
  /** app: {actors: ActorDirectory, status: Status} */
  constructor(app) {
    this.app = app;
    this.asks = [];
    this.list = byId('ledger-list');
    this.summary = byId('ledger-summary');
    this.error = byId('ledger-error');
    this.keyInput = byId('ledger-key');
    this.statusFilter = byId('ledger-status');
    this.statusFilter.append(...STATUSES.map((status) => el('option', { value: status, text: status })));
    this.keyInput.value = sessionStorage.getItem(KEY_STORAGE) ?? '';
    this.keyInput.addEventListener('change', () => sessionStorage.setItem(KEY_STORAGE, this.keyInput.value.trim()));
    this.statusFilter.addEventListener('change', () => this.refresh());
    byId('ledger-refresh').addEventListener('click', () => this.refresh());
  }

  get key() { return this.keyInput.value.trim(); }

  /** Records an ask along a route of the route finder, then shows it at the top of the list. */
  async ask(route) {
    showError(this.error, '');
    const body = {
      requester: route.actors[0],
      target: route.actors.at(-1),
      route: { path: route.actors, relationships: route.steps.map((step) => step.relationship.id) },
      note: `Asked from the explorer: ${route.explanation ?? ''}`.trim(),
    };
    const done = this.app.status.busy('Recording the ask…');
    try {
      const ask = await postJson('/api/introductions', body, { key: this.key });
      done(`Ask ${ask.id} recorded.`);
      this.statusFilter.value = '';
      await this.refresh();
    } catch (error) {
      showError(this.error, this.explain(error));
      done('Recording the ask failed.');
    }
  }

  async refresh() {
    showError(this.error, '');
    try {
      const page = await getJson(`/api/introductions${query({ status: this.statusFilter.value, limit: 100 })}`);
      this.asks = page.items;
      await this.app.actors.ensure([...new Set(this.asks.flatMap((ask) => ask.path))]);
      this.render(page.total);
    } catch (error) {
      showError(this.error, error.message);
    }
  }

  render(total) {
    this.summary.textContent = total === 0
      ? 'No asks recorded yet. Find a route (Routes tab) and choose “Ask for this introduction”.'
      : `${total} ask(s), newest first${total > this.asks.length ? ` (the first ${this.asks.length} shown)` : ''}.`;
    clear(this.list, this.asks.map((ask) => this.item(ask)));
  }

  item(ask) {
    const name = (id) => this.app.actors.nameOf(id);
    return el('li', { class: 'route ledger-ask', dataset: { id: ask.id, status: ask.status } },
      el('div', { class: 'route-head' },
        el('strong', { text: `${name(ask.requester)} → ${name(ask.target)}` }),
        el('span', { class: 'badge', text: ask.status })),
      el('p', { class: 'explanation', text: ask.path.map(name).join(' → ') }),
      // Key names (recordedBy) are given to editors and admins only.
      el('p', { class: 'hint', text: `Asked ${ask.askedOn}${ask.recordedBy ? ` by ${ask.recordedBy}` : ''} · ${ask.stepsForwarded} of ${ask.hops} step(s) forwarded` }),
      el('ol', { class: 'steps timeline' }, ask.timeline.map((event) => el('li', {},
        el('strong', { text: event.date }), ' ',
        el('span', { class: 'badge', text: event.type }), ' ',
        event.step ? `step ${event.step}: ${name(event.from)} → ${name(event.to)}` : 'at the end',
        event.evidence ? el('span', { class: 'section-ref', text: ` · ${event.evidence}` }) : null))),
      ask.nextEvents.length > 0 ? this.eventForm(ask) : null,
      ask.status === 'agreement' ? el('div', { class: 'button-row' }, el('button', {
        type: 'button', class: 'secondary make-relationship', text: 'Add the agreement as a relationship',
        on: { click: () => this.makeRelationship(ask) },
      })) : null);
  }

  eventForm(ask) {
    const choice = el('select', { class: 'ledger-next', attrs: { 'aria-label': `What happened next with the ask to ${this.app.actors.nameOf(ask.target)}` } },
      ask.nextEvents.map((next) => el('option', { value: next, text: describeNext(next) })));
    const date = el('input', { type: 'date', class: 'ledger-date', value: today(), attrs: { 'aria-label': 'Date' } });
    const evidence = el('input', { type: 'text', class: 'ledger-evidence', attrs: { 'aria-label': 'Evidence (optional)', placeholder: 'evidence (optional)' } });
    return el('form', {
      class: 'button-row ledger-event',
      on: { submit: (event) => { event.preventDefault(); this.record(ask, choice.value, date.value, evidence.value.trim()); } },
    }, choice, date, evidence, el('button', { type: 'submit', class: 'secondary', text: 'Record' }));
  }

  async record(ask, next, date, evidence) {
    showError(this.error, '');
    const [type, step] = next.split('@');
    const body = { type, date, evidence: evidence || undefined, step: step ? Number(step) : undefined };
    try {
      await postJson(`/api/introductions/${encodeURIComponent(ask.id)}/events`, body, { key: this.key });
      this.app.status.show(`Recorded ${type} for ${ask.id}.`);
      await this.refresh();
    } catch (error) {
      showError(this.error, this.explain(error));
    }
  }

  async makeRelationship(ask) {
    showError(this.error, '');
    try {
      const relationship = await postJson(`/api/introductions/${encodeURIComponent(ask.id)}/relationship`, {}, { key: this.key });
      this.app.status.show(`Relationship ${relationship.id} added from ${ask.id}.`);
    } catch (error) {
      showError(this.error, this.explain(error));
    }
  }

  explain(error) {
    return error.status === 401 || error.status === 403
      ? `Recording needs an editor API key: enter one above. (${error.message})`
      : error.message;
  }
}

/** "forwarded@2" → "forwarded at step 2"; "met" → "met". */
function describeNext(next) {
  const [type, step] = next.split('@');
  return step ? `${type} at step ${step}` : type;
}
