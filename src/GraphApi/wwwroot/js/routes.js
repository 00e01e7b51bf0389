// @ts-check
// The route finder: "who can introduce us to X, and through whom?" as a form, a ranked list (each route's chance in
// words, its steps marked when weak, inferred, rarely introducing or passing through a person) and a highlight.
import { api, data } from './api.js';
import { describeFilter, readActorFilter, renderActorFilter, writeActorFilter } from './actor-filter.js';
import { cautionLine, chanceInWords, chanceShort, flagBadges, peopleOn, stepFlags } from './believability.js';
import { ActorCombobox } from './combobox.js';
import { button, byId, el, formatNumber, input, plural, select, showError } from './dom.js';
import { dates, evidenceView, privateBadge } from './details.js';
import { LatestRequest } from './latest-request.js';
import { RankedList } from './ranked-list.js';

/** @typedef {import('./types.js').Actor} Actor */
/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./types.js').RouteView} RouteView */
/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./types.js').ShownStep} ShownStep */
/** @typedef {import('./types.js').IntroductionRequest} IntroductionRequest */
/** @typedef {import('./types.js').RouteTargetInput} RouteTargetInput */
/** @typedef {import('./state.js').PageState} PageState */
/** @typedef {import('./explorer.js').Explorer} Explorer */

/** The API's reason when the target filter matches nobody: more hops cannot help then. */
const NO_TARGET = 'matches the target filter';

export class RouteFinder {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    /** @type {ActorSummary | null} */
    this.from = null;
    /** @type {ActorSummary | null} */
    this.to = null;
    /** @type {ShownRoute[]} */
    this.routes = [];
    this.searched = false;
    this.form = byId('route-form');
    this.summary = byId('routes-summary');
    this.error = byId('route-error');
    this.list = new RankedList(byId('route-list'), (index) => this.show(index));
    this.requests = new LatestRequest({ status: app.status, error: this.error, button: button('route-submit'), form: this.form });
    this.fromBox = new ActorCombobox(/** @type {Element} */ (this.form.querySelector('[data-combobox="route-from"]')), (actor) => this.setFrom(actor));
    this.toBox = new ActorCombobox(/** @type {Element} */ (this.form.querySelector('[data-combobox="route-to"]')), (actor) => this.setTo(actor));
    for (const radio of this.form.querySelectorAll('input[name="to-mode"]')) radio.addEventListener('change', () => this.showToMode());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.find();
    });
  }

  get selected() { return this.list.selected; }

  /** Builds the target filter's fields (once the catalogues are in). */
  renderFilter() {
    renderActorFilter(byId('to-filter'), 'route', this.app.catalogues);
  }

  /** @param {ActorSummary} actor */
  setFrom(actor) {
    this.from = actor;
    this.app.actors.remember(actor);
    input('route-from').value = actor.name;
    input('route-from').removeAttribute('aria-invalid');
    byId('route-from-chosen').textContent = `Chosen: ${actor.name} (${actor.id})`;
  }

  /** @param {ActorSummary} actor */
  setTo(actor) {
    this.to = actor;
    this.app.actors.remember(actor);
    input('to-mode-actor').checked = true;
    this.showToMode();
    input('route-to').value = actor.name;
    input('route-to').removeAttribute('aria-invalid');
    byId('route-to-chosen').textContent = `Chosen: ${actor.name} (${actor.id})`;
  }

  get toMode() { return /** @type {HTMLInputElement} */ (this.form.querySelector('input[name="to-mode"]:checked')).value; }

  showToMode() {
    byId('to-filter').hidden = this.toMode !== 'filter';
    byId('to-actor').hidden = this.toMode !== 'actor';
  }

  /** The question as the URL keeps it. @returns {Partial<PageState>} */
  question() {
    const filter = this.toMode === 'filter' ? readActorFilter('route') : {};
    return {
      from: this.from?.id, to: this.toMode === 'actor' ? this.to?.id : undefined, ...filter,
      k: input('route-k').value, hops: input('route-max-hops').value, strengths: select('route-strengths').value,
    };
  }

  /** Fills the form from a link's state (actors looked up by id). @param {PageState} state */
  async restore(state) {
    const ids = [state.from, state.to].filter((id) => typeof id === 'string');
    await this.app.actors.ensure(ids);
    if (state.from) this.setFrom(this.app.actors.summary(state.from));
    if (state.to) this.setTo(this.app.actors.summary(state.to));
    else writeActorFilter('route', /** @type {import('./types.js').ActorFilter} */ (state));
    if (state.k) input('route-k').value = state.k;
    if (state.hops) input('route-max-hops').value = state.hops;
    if (state.strengths) select('route-strengths').value = state.strengths;
  }

  /** The request body, or null after marking what is missing. @returns {IntroductionRequest | null} */
  request() {
    const problems = [];
    if (!this.from || input('route-from').value !== this.from.name) {
      input('route-from').setAttribute('aria-invalid', 'true');
      problems.push('choose the “From” actor from the search results');
    }
    /** @type {RouteTargetInput | undefined} */
    let to;
    if (this.toMode === 'actor') {
      if (!this.to || input('route-to').value !== this.to.name) {
        input('route-to').setAttribute('aria-invalid', 'true');
        problems.push('choose the target actor from the search results');
      } else {
        to = { id: this.to.id };
      }
    } else {
      to = readActorFilter('route');
      if (Object.keys(to).length === 0) problems.push('give at least one of kind, region, country or sector for the target');
    }
    if (problems.length > 0 || !this.from || !to) {
      showError(this.error, `To find routes, ${problems.join('; ')}.`);
      return null;
    }
    return {
      from: [this.from.id], to, k: Number(input('route-k').value), maxHops: Number(input('route-max-hops').value),
      asOf: this.app.asOf ?? undefined, strengths: select('route-strengths').value === 'learned' ? 'learned' : 'stated',
    };
  }

  /** @param {number} [select] the route to show once found (from a link); the best by default */
  async find(select = 0) {
    showError(this.error, '');
    const body = this.request();
    if (!body) return;
    this.app.questionChanged(this.question());
    await this.requests.run({ busy: 'Finding routes…', failed: 'Route search failed.' }, async (signal) => {
      const answer = await data(api.POST('/api/routes/introductions', { body, signal }));
      const strengths = body.strengths === 'learned' ? 'learned' : 'stated';
      this.routes = answer.routes.map((route) => shownRoute(route, strengths));
      this.searched = true;
      await this.app.actors.ensure(this.routes.flatMap((route) => route.actors), signal);
      this.render(answer.reason ?? null, body);
      if (this.routes.length > 0) await this.list.select(Math.min(select, this.routes.length - 1));
      return this.routes.length === 0 ? 'No route found.' : `${plural(this.routes.length, 'route')} found.`;
    });
  }

  /** Searches again (e.g. as of another date) if a search was made; a form that was never sent stays quiet. */
  refresh() {
    return this.searched ? this.find(Math.max(0, this.selected)) : Promise.resolve();
  }

  /** @param {string | null} reason @param {IntroductionRequest} body */
  render(reason, body) {
    const name = (/** @type {string} */ id) => this.app.actors.nameOf(id);
    const target = body.to?.id ? name(body.to.id) : describeFilter(readActorFilter('route'));
    const asOf = this.app.asOf ? ` as of ${this.app.asOf}` : '';
    this.summary.textContent = this.routes.length > 0
      ? `${plural(this.routes.length, 'route')} to ${target}${asOf}, most likely first. Each says how likely the chain is to carry the ask; marked steps are worth checking first.`
      : reason?.includes(NO_TARGET)
        ? `No actor is ${target}${asOf}: widen the target (more hops cannot help).`
        : `No route to ${target} within ${body.maxHops} hops${asOf}${reason ? ` (${reason})` : ''}. Try more hops, another date or a wider target.`;
    this.list.render(this.routes.map((route, index) => {
      const people = peopleOn(route, (id) => this.app.actors.summary(id));
      return {
        title: `#${index + 1} → ${name(route.target)}`,
        aside: `${plural(route.hops, 'hop')} · ${chanceShort(route.score)}`,
        dataset: { score: String(route.score) },
        lines: [el('p', { class: 'chance', text: `${chanceInWords(route.score, route.strengths)[0].toUpperCase()}${chanceInWords(route.score, route.strengths).slice(1)}.` }),
          route.explanation, cautionLine(route, people), privateLine(route, this.app.who.workspace?.name ?? null)],
        showLabel: `Show route ${index + 1} on the graph`,
        buttons: [el('button', {
          type: 'button', class: 'secondary ask-route', text: 'Ask for this introduction',
          attrs: { 'aria-label': `Ask for introduction ${index + 1} and record it in the ledger` },
          on: { click: () => this.app.askFor(route) },
        })],
        details: { summary: 'Steps and evidence', content: stepsView(route, name, this.app.who.workspace?.name ?? null) },
      };
    }));
  }

  /** @param {number} index */
  async show(index) {
    this.app.questionChanged({ route: index > 0 ? String(index + 1) : null });
    await this.app.showRoute(this.routes[index]);
  }
}

/**
 * The API's route as the page shows it (its steps carry the relationship they travel: id and stored ends).
 * @param {RouteView} route @param {'stated' | 'learned'} strengths
 * @returns {ShownRoute}
 */
export function shownRoute(route, strengths) {
  return {
    score: route.score, hops: route.hops, target: route.target, actors: route.path, explanation: route.explanation, strengths,
    steps: route.steps.map((step) => ({
      from: step.from, to: step.to, type: step.type, strength: step.strength, inferred: step.inferred, evidence: step.evidence,
      since: step.since, until: step.until, direction: step.direction, learned: step.learned,
      tie: { id: step.relationship, source: step.source, target: step.target, type: step.type, inferred: step.inferred, note: step.note, visibility: step.visibility },
    })),
  };
}

/**
 * Each step with its type, marks and evidence; a step on one of the workspace's own ties says "private".
 * @param {ShownRoute} route @param {(id: string) => string} name @param {string | null} [workspace] the workspace's name
 */
export function stepsView(route, name, workspace = null) {
  return el('ol', { class: 'steps' }, route.steps.map((step) => el('li', {
    dataset: { flags: stepFlags(step).map((f) => f.key).join(' '), visibility: step.tie.visibility === 'private' ? 'private' : 'public' },
  },
    el('strong', { text: `${name(step.from)} → ${name(step.to)}` }), ' ',
    el('span', { class: 'badge', text: step.type }), ' ', flagBadges(stepFlags(step)), ' ',
    step.tie.visibility === 'private' ? [privateBadge(workspace), ' '] : null,
    el('span', { class: 'section-ref', text: [`strength ${formatNumber(step.strength)}`, learnedText(step), step.direction, dates(step)].filter(Boolean).join(' · ') }),
    step.assumed ? null : evidenceView(step.evidence))));
}

/** "Uses 1 of Acme's private ties", or nothing for a route on the public network. @param {ShownRoute} route @param {string | null} workspace */
function privateLine(route, workspace) {
  const own = route.steps.filter((step) => step.tie.visibility === 'private').length;
  return own === 0 ? null : el('p', { class: 'hint uses-private', text: `Uses ${own} of ${workspace ?? 'your workspace'}'s private ${own === 1 ? 'tie' : 'ties'}: only its members see this route.` });
}

/** What the ledger learned of a step's tie, e.g. "learned 0.82 from 1 of 2 asks forwarded"; nothing before any ask. @param {ShownStep} step */
function learnedText(step) {
  const learned = step.learned;
  if (!learned || learned.trials === 0) return null;
  return `learned ${formatNumber(learned.strength)} from ${learned.successes} of ${learned.trials} ask(s) forwarded`;
}
