// @ts-check
// The introduction ledger panel: asks made along routes ("Ask for this introduction" on a route), each with its
// timeline, and a form to record what happened next. The choices offered are the API's own `nextEvents`, the status
// filter the API's statuses (catalogue), so the page never offers what the API would refuse. Writes need an API key
// with the editor role (the key field at the top of the page, credentials.js) or a signed-in editor.
import { api, data } from './api.js';
import { button, byId, clear, el, select, plural } from './dom.js';
import { LatestRequest } from './latest-request.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./types.js').Introduction} Introduction */
/** @typedef {import('./types.js').Operations['ListIntroductions']['parameters']['query']} ListQuery */
/** @typedef {NonNullable<NonNullable<ListQuery>['status']>} Status */
/** @typedef {import('./types.js').Schemas['IntroductionEventInput']} EventInput */

const today = () => new Date().toISOString().slice(0, 10);

export class LedgerPanel {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    /** @type {Introduction[]} */
    this.asks = [];
    this.list = byId('ledger-list');
    this.summary = byId('ledger-summary');
    this.statusFilter = select('ledger-status');
    this.requests = new LatestRequest({ status: app.status, error: byId('ledger-error') });
    this.panel = byId('panel-ledger');
    /** The credentials (WhoAmI's count) the list was asked with. */
    this.listedWith = -1;
    this.statusFilter.addEventListener('change', () => this.refresh());
    button('ledger-refresh').addEventListener('click', () => this.refresh());
  }

  renderStatuses() {
    clear(this.statusFilter, new Option('any status', ''), this.app.catalogues.statuses.map((status) => new Option(status, status)));
  }

  /** Records an ask along a route of the route finder, then shows it at the top of the list. @param {ShownRoute} route */
  async ask(route) {
    const relationships = route.steps.map((step) => step.tie.id).filter((id) => typeof id === 'string');
    const ok = await this.requests.run({ busy: 'Recording the ask…', failed: 'Recording the ask failed.', explain: (error) => this.explain(error) }, async (signal) => {
      const ask = await data(api.POST('/api/introductions', {
        body: { requester: route.actors[0], target: route.target, route: { path: route.actors, relationships }, note: `Asked from the explorer: ${route.explanation}` },
        signal,
      }));
      return `Ask ${ask.id} recorded.`;
    });
    if (ok) {
      this.statusFilter.value = '';
      await this.refresh();
    }
  }

  /**
   * Another caller sees other asks (a workspace's members see its own): a list asked with other credentials is
   * emptied at once, and asked for again while the tab is open (choosing the tab asks anyway).
   */
  callerChanged() {
    if (this.listedWith === this.app.who.credentials) return Promise.resolve(true);
    this.asks = [];
    clear(this.list);
    this.summary.textContent = '';
    return this.panel.hidden ? Promise.resolve(true) : this.refresh();
  }

  refresh() {
    this.listedWith = this.app.who.credentials;
    return this.requests.run({}, async (signal) => {
      const status = /** @type {Status | undefined} */ (this.statusFilter.value || undefined);
      const page = await data(api.GET('/api/introductions', { params: { query: { status, limit: 100 } }, signal }));
      this.asks = page.items;
      await this.app.actors.ensure([...new Set(this.asks.flatMap((ask) => ask.path))], signal);
      this.render(page.total);
    });
  }

  /** @param {number} total */
  render(total) {
    this.summary.textContent = total === 0
      ? 'No asks recorded yet. Find a route (Routes tab) and choose “Ask for this introduction”.'
      : `${plural(total, 'ask')}, newest first${total > this.asks.length ? ` (the first ${this.asks.length} shown)` : ''}.`;
    clear(this.list, this.asks.map((ask) => this.item(ask)));
  }

  /** @param {Introduction} ask */
  item(ask) {
    const name = (/** @type {string} */ id) => this.app.actors.nameOf(id);
    return el('li', { class: 'route ledger-ask', dataset: { id: ask.id, status: ask.status } },
      el('div', { class: 'route-head' },
        el('strong', { text: `${name(ask.requester)} → ${name(ask.target)}` }),
        el('span', { class: 'badge', text: ask.status })),
      el('p', { class: 'explanation', text: ask.path.map(name).join(' → ') }),
      // Key names (recordedBy) are given to editors and admins only.
      el('p', { class: 'hint', text: `Asked ${ask.askedOn}${ask.recordedBy ? ` by ${ask.recordedBy}` : ''} · ${ask.stepsForwarded} of ${plural(ask.hops, 'step')} forwarded` }),
      el('ol', { class: 'steps timeline' }, ask.timeline.map((event) => el('li', {},
        el('strong', { text: event.date }), ' ',
        el('span', { class: 'badge', text: event.type }), ' ',
        event.step ? `step ${event.step}: ${name(event.from ?? '')} → ${name(event.to ?? '')}` : 'at the end',
        event.evidence ? el('span', { class: 'section-ref', text: ` · ${event.evidence}` }) : null))),
      ask.nextEvents.length > 0 ? this.eventForm(ask) : null,
      ask.status === 'agreement' ? el('div', { class: 'button-row' }, el('button', {
        type: 'button', class: 'secondary make-relationship', text: 'Add the agreement as a relationship',
        on: { click: () => this.makeRelationship(ask) },
      })) : null);
  }

  /** @param {Introduction} ask */
  eventForm(ask) {
    const choice = el('select', { class: 'ledger-next', attrs: { 'aria-label': `What happened next with the ask to ${this.app.actors.nameOf(ask.target)}` } },
      ask.nextEvents.map((next) => el('option', { value: next, text: describeNext(next) })));
    const date = el('input', { type: 'date', class: 'ledger-date', value: today(), attrs: { 'aria-label': 'Date' } });
    const evidence = el('input', { type: 'text', class: 'ledger-evidence', attrs: { 'aria-label': 'Evidence (optional)', placeholder: 'evidence (optional)' } });
    return el('form', {
      class: 'button-row ledger-event',
      on: { submit: (/** @type {Event} */ event) => { event.preventDefault(); this.record(ask, choice.value, date.value, evidence.value.trim()); } },
    }, choice, date, evidence, el('button', { type: 'submit', class: 'secondary', text: 'Record' }));
  }

  /** @param {Introduction} ask @param {string} next @param {string} date @param {string} evidence */
  async record(ask, next, date, evidence) {
    const [type, step] = next.split('@');
    /** @type {EventInput} */
    const body = { type: /** @type {EventInput['type']} */ (type), date, evidence: evidence || undefined, step: step ? Number(step) : undefined };
    const ok = await this.requests.run({ explain: (error) => this.explain(error) }, async (signal) => {
      await data(api.POST('/api/introductions/{id}/events', { params: { path: { id: ask.id } }, body, signal }));
      return `Recorded ${type} for ${ask.id}.`;
    });
    if (ok) await this.refresh();
  }

  /** @param {Introduction} ask */
  makeRelationship(ask) {
    return this.requests.run({ explain: (error) => this.explain(error) }, async (signal) => {
      const relationship = await data(api.POST('/api/introductions/{id}/relationship', { params: { path: { id: ask.id } }, signal }));
      return `Relationship ${relationship.id} added from ${ask.id}.`;
    });
  }

  /** The API names the role a write needs (401/403); the page adds where to enter the key. @param {Error} error */
  explain(error) {
    const status = /** @type {{status?: number}} */ (error).status;
    return status === 401 || status === 403 ? `${error.message} Enter an API key with that role in the API key field at the top of the page, or sign in.` : error.message;
  }
}

/** "forwarded@2" → "forwarded at step 2"; "met" → "met". @param {string} next */
function describeNext(next) {
  const [type, step] = next.split('@');
  return step ? `${type} at step ${step}` : type;
}
