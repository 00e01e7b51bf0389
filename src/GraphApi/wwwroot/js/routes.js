// The route finder: "who can introduce us to X, and through whom?" as a form, a ranked list and a highlight.
import { idOf, postJson } from './api.js';
import { readActorFilter, renderActorFilter } from './actor-filter.js';
import { ActorCombobox } from './combobox.js';
import { byId, clear, el, formatNumber, showError } from './dom.js';
import { dates, evidenceView } from './details.js';
import { LatestRequest } from './latest-request.js';

export class RouteFinder {
  /** app: {actors: ActorDirectory, showRoute(route), status: Status} */
  constructor(app) {
    this.app = app;
    this.from = null;
    this.to = null;
    this.routes = [];
    this.searched = false;
    this.selected = -1;
    this.form = byId('route-form');
    this.list = byId('route-list');
    this.summary = byId('routes-summary');
    this.error = byId('route-error');
    this.requests = new LatestRequest({ status: app.status, error: this.error, button: byId('route-submit'), form: this.form });

    renderActorFilter(byId('to-filter'), 'route');
    this.fromBox = new ActorCombobox(this.form.querySelector('[data-combobox="route-from"]'), (actor) => this.setFrom(actor));
    this.toBox = new ActorCombobox(this.form.querySelector('[data-combobox="route-to"]'), (actor) => this.setTo(actor));
    for (const radio of this.form.querySelectorAll('input[name="to-mode"]')) {
      radio.addEventListener('change', () => this.showToMode());
    }
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.find();
    });
  }

  setFrom(actor) {
    this.from = actor;
    this.app.actors.remember(actor);
    byId('route-from').value = actor.name;
    byId('route-from').removeAttribute('aria-invalid');
    byId('route-from-chosen').textContent = `Chosen: ${actor.name} (${actor.id})`;
  }

  setTo(actor) {
    this.to = actor;
    this.app.actors.remember(actor);
    byId('to-mode-actor').checked = true;
    this.showToMode();
    byId('route-to').value = actor.name;
    byId('route-to').removeAttribute('aria-invalid');
    byId('route-to-chosen').textContent = `Chosen: ${actor.name} (${actor.id})`;
  }

  get toMode() { return this.form.querySelector('input[name="to-mode"]:checked').value; }

  showToMode() {
    byId('to-filter').hidden = this.toMode !== 'filter';
    byId('to-actor').hidden = this.toMode !== 'actor';
  }

  /** The request body, or null after marking what is missing. */
  request() {
    const problems = [];
    if (!this.from || byId('route-from').value !== this.from.name) {
      byId('route-from').setAttribute('aria-invalid', 'true');
      problems.push('choose the “From” actor from the search results');
    }
    let to;
    if (this.toMode === 'actor') {
      if (!this.to || byId('route-to').value !== this.to.name) {
        byId('route-to').setAttribute('aria-invalid', 'true');
        problems.push('choose the target actor from the search results');
      } else {
        to = { id: this.to.id };
      }
    } else {
      to = readActorFilter('route');
      if (Object.keys(to).length === 0) problems.push('give at least one of kind, region, country or sector for the target');
    }
    if (problems.length > 0) {
      showError(this.error, `To find routes, ${problems.join('; ')}.`);
      return null;
    }
    const body = { from: [this.from.id], to, k: Number(byId('route-k').value), maxHops: Number(byId('route-max-hops').value) };
    const asOf = byId('route-as-of').value;
    if (asOf) body.asOf = asOf;
    if (byId('route-strengths').value === 'learned') body.strengths = 'learned';
    return body;
  }

  async find() {
    showError(this.error, '');
    const body = this.request();
    if (!body) return;
    await this.requests.run({ busy: 'Finding routes…', failed: 'Route search failed.' }, async (signal) => {
      const answer = await postJson('/api/routes/introductions', body, { signal });
      this.routes = (answer.routes ?? []).map(normaliseRoute);
      this.searched = true;
      await this.app.actors.ensure(this.routes.flatMap((route) => route.actors), signal);
      this.render(answer.reason);
      if (this.routes.length > 0) await this.select(0);
      return this.routes.length === 0 ? 'No route found.' : `${this.routes.length} route(s) found.`;
    });
  }

  /** Searches again (e.g. as of another date) if a search was made; a form that was never sent stays quiet. */
  refresh() {
    return this.searched ? this.find() : Promise.resolve();
  }

  render(reason) {
    const name = (id) => this.app.actors.nameOf(id);
    this.summary.textContent = this.routes.length === 0
      ? `No route found${reason ? `: ${reason}` : '.'} Try more hops, another date or a wider target.`
      : `${this.routes.length} route(s), best first. Score = product of the hop strengths (0–1, higher is better).`;
    clear(this.list, this.routes.map((route, index) => el('li', { class: 'route', dataset: { index: String(index) } },
      el('div', { class: 'route-head' },
        el('strong', { text: `#${index + 1} → ${name(route.target)}` }),
        el('span', { text: `score ${formatNumber(route.score, 3)} · ${route.hops} hop${route.hops === 1 ? '' : 's'}` })),
      el('p', { class: 'explanation', text: route.explanation ?? route.actors.map(name).join(' → ') }),
      el('div', { class: 'button-row' },
        el('button', {
          type: 'button', class: 'secondary show-route', text: 'Show on graph',
          attrs: { 'aria-pressed': 'false', 'aria-label': `Show route ${index + 1} on the graph` },
          on: { click: () => this.select(index) },
        }),
        el('button', {
          type: 'button', class: 'secondary ask-route', text: 'Ask for this introduction',
          attrs: { 'aria-label': `Ask for introduction ${index + 1} and record it in the ledger` },
          on: { click: () => this.app.askFor(route) },
        })),
      el('details', {},
        el('summary', { text: 'Steps and evidence' }),
        el('ol', { class: 'steps' }, route.steps.map((step) => el('li', {},
          el('strong', { text: `${name(step.from)} → ${name(step.to)}` }), ' ',
          el('span', { class: 'badge', text: step.type }), ' ',
          el('span', { class: 'section-ref', text: [`strength ${formatNumber(step.strength)}`, learnedText(step), step.direction, dates(step)].filter(Boolean).join(' · ') }),
          evidenceView(step))))))));
  }

  async select(index) {
    this.selected = index;
    for (const item of this.list.querySelectorAll('.route')) {
      const on = Number(item.dataset.index) === index;
      item.classList.toggle('selected', on);
      item.querySelector('.show-route').setAttribute('aria-pressed', String(on));
    }
    await this.app.showRoute(this.routes[index]);
  }
}

/** What the ledger learned of a step's tie, e.g. "learned 0.82 from 1 of 2 asks forwarded"; nothing before any ask. */
function learnedText(step) {
  const learned = step.learned;
  if (!learned || learned.trials === 0) return null;
  return `learned ${formatNumber(learned.strength)} from ${learned.successes} of ${learned.trials} ask(s) forwarded`;
}

/**
 * Ids for the route's actors and, per step, the relationship it travels (stored ends and id when the answer gives
 * them, else restored from the step's direction), so the graph can draw and highlight exactly that tie.
 */
export function normaliseRoute(route) {
  const steps = (route.steps ?? []).map((step) => {
    const from = idOf(step.from);
    const to = idOf(step.to);
    const against = /^(backward|reverse|incoming|against|inverse)/i.test(String(step.direction ?? ''));
    const relationship = typeof step.relationship === 'object' && step.relationship !== null
      ? step.relationship
      : {
        id: step.relationship ?? step.relationshipId,
        type: step.type,
        source: idOf(step.source) ?? (against ? to : from),
        target: idOf(step.target) ?? (against ? from : to),
        since: step.since, until: step.until, strength: step.strength, evidence: step.evidence,
        inferred: step.inferred, note: step.note, event: step.event,
      };
    return { ...step, from, to, relationship };
  });
  const listed = route.path ?? route.actors;
  const actors = Array.isArray(listed) ? listed.map(idOf)
    : steps.length > 0 ? [steps[0].from, ...steps.map((step) => step.to)] : [idOf(route.target)];
  return { ...route, steps, actors, target: idOf(route.target) ?? actors.at(-1), hops: route.hops ?? steps.length };
}
