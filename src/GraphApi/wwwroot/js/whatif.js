// @ts-check
// "Whom should we meet so that next time a route reaches the target?": the best next ties for the route form's From
// and target (POST /api/routes/best-next-tie), among the actors one could plausibly meet (the candidate filter: kind,
// region, country, sector), the targets themselves left out by default (meeting the target is not an introduction).
// Each suggestion says why in one line, and its opened route is drawn with the assumed tie dashed.
import { api, data } from './api.js';
import { readActorFilter, renderActorFilter } from './actor-filter.js';
import { chanceShort } from './believability.js';
import { button, byId, clear, el, formatNumber, input, plural, select, showError } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { RankedList } from './ranked-list.js';
import { shownRoute, stepsView } from './routes.js';

/** @typedef {import('./types.js').BestNextTieResponse} BestNextTieResponse */
/** @typedef {import('./types.js').BestNextTieRequest} BestNextTieRequest */
/** @typedef {import('./types.js').TieCandidate} TieCandidate */
/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./explorer.js').Explorer} Explorer */

/** How many suggestions to list. */
const SHOWN = 10;
/** The API's most candidates per answer: asked for when the targets are left out, so ten others remain. */
const ASKED = 100;

export class WhatIfPanel {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    /** @type {(TieCandidate & {shown: ShownRoute})[]} */
    this.candidates = [];
    this.summary = byId('whatif-summary');
    this.error = byId('whatif-error');
    this.list = new RankedList(byId('whatif-list'), (index) => app.showRoute(this.candidates[index].shown));
    const submit = button('whatif-submit');
    this.requests = new LatestRequest({ status: app.status, error: this.error, button: submit });
    /** The credentials (WhoAmI's count) of the last search; -1 before the first. */
    this.searchedWith = -1;
    submit.addEventListener('click', () => this.find());
  }

  /** Another caller sees other ties (a member's own among them): suggestions asked with other credentials are asked again. */
  callerChanged() {
    return this.searchedWith === -1 || this.searchedWith === this.app.who.credentials ? Promise.resolve() : this.find();
  }

  get selected() { return this.list.selected; }

  /** The tie types (with their catalogue strengths) and the candidate filter, once the catalogues are in. */
  renderForm() {
    const types = select('whatif-type');
    clear(types, this.app.catalogues.types.map((type) =>
      new Option(`${type.name} (strength ${formatNumber(type.strength)})`, type.name, type.name === 'MOU', type.name === 'MOU')));
    renderActorFilter(byId('whatif-candidates'), 'whatif', this.app.catalogues);
  }

  /** The request: From, target and max hops from the route form (which marks what is missing), the tie and candidates. @returns {BestNextTieRequest | null} */
  request() {
    const routeRequest = this.app.routes.request();
    if (!routeRequest) return null;
    const candidates = readActorFilter('whatif');
    return {
      from: routeRequest.from,
      to: routeRequest.to,
      type: /** @type {import('./types.js').TieType} */ (select('whatif-type').value),
      candidates: Object.keys(candidates).length > 0 ? candidates : undefined,
      maxHops: routeRequest.maxHops,
      limit: input('whatif-exclude-targets').checked ? ASKED : SHOWN,
    };
  }

  async find() {
    showError(this.error, '');
    const body = this.request();
    if (!body) return;
    const excludeTargets = input('whatif-exclude-targets').checked;
    this.searchedWith = this.app.who.credentials;
    await this.requests.run({ busy: 'Trying every possible new tie…', failed: 'The what-if search failed.' }, async (signal) => {
      const answer = await data(api.POST('/api/routes/best-next-tie', { body, signal }));
      const kept = answer.candidates.filter((candidate) => !excludeTargets || !isTarget(candidate)).slice(0, SHOWN);
      this.candidates = kept.map((candidate) => ({ ...candidate, shown: openedRoute(candidate, answer) }));
      await this.app.actors.ensure(this.candidates.flatMap((candidate) => candidate.shown.actors), signal);
      this.render(answer, answer.candidates.length - kept.length, excludeTargets);
      if (this.candidates.length > 0) await this.list.select(0);
      return this.candidates.length === 0 ? 'No new tie would help.' : `${plural(this.candidates.length, 'suggestion')}.`;
    });
  }

  /** @param {BestNextTieResponse} answer @param {number} left @param {boolean} excludeTargets */
  render(answer, left, excludeTargets) {
    const name = (/** @type {string} */ id) => this.app.actors.nameOf(id);
    const today = answer.current
      ? `Today the best route is ${chanceShort(answer.current.score)}; ${answer.reachableTargets} of ${plural(answer.targets, 'target')} within ${answer.maxHops} hops.`
      : `No route reaches the target within ${answer.maxHops} hops today (${plural(answer.targets, 'target')}).`;
    const leftOut = excludeTargets ? ' The targets themselves are left out (meeting them is no introduction).' : '';
    this.summary.textContent = this.candidates.length === 0
      ? `${today} No single new ${answer.tie.type} with ${plural(answer.candidatesTried, 'candidate')} would raise the chance or reach a new target.${leftOut}`
      : `${today} Whom to meet (a new ${answer.tie.type}, strength ${formatNumber(answer.tie.strength)}), best first, of ${plural(answer.candidatesTried, 'actor')} tried.${leftOut}`;
    this.summary.dataset.leftOut = String(left);
    this.list.render(this.candidates.map((candidate, index) => ({
      title: `#${index + 1} meet ${candidate.actor.name}`,
      aside: `${candidate.actor.kind} · ${candidate.actor.country}`,
      dataset: { actor: candidate.actor.id },
      lines: [el('p', { class: 'why', text: why(candidate, answer, name) }), candidate.route.explanation],
      showLabel: `Show the route a tie with ${candidate.actor.name} would open`,
      details: { summary: 'Steps and evidence', content: stepsView(candidate.shown, name) },
    })));
  }
}

/** A candidate that is itself a target: its opened route is the new tie alone. @param {TieCandidate} candidate */
const isTarget = (candidate) => candidate.route.steps.length === 0 && candidate.route.target === candidate.actor.id;

/**
 * One line on why: what the route through the candidate would be worth against today's best, and what it opens.
 * @param {TieCandidate} candidate @param {BestNextTieResponse} answer @param {(id: string) => string} name
 */
function why(candidate, answer, name) {
  const through = candidate.route.steps.length > 0
    ? `${candidate.actor.name} is ${plural(candidate.route.steps.length, 'hop')} from ${name(candidate.route.target)}`
    : `${candidate.actor.name} is a target`;
  const chance = answer.current
    ? `the best route would rise from ${chanceShort(answer.current.score)} to ${chanceShort(candidate.bestScore)}`
    : `a route would exist: ${chanceShort(candidate.bestScore)}`;
  const opens = candidate.newlyReachable > 0 ? `, and ${plural(candidate.newlyReachable, 'more target')} come within reach` : '';
  return `Why: ${through}; ${chance}${opens}.`;
}

/**
 * The opened route as the page shows routes: the assumed tie first (no id: drawn dashed), then the candidate's steps.
 * @param {TieCandidate} candidate @param {BestNextTieResponse} answer
 * @returns {ShownRoute}
 */
function openedRoute(candidate, answer) {
  const [from, to] = candidate.route.path;
  const rest = shownRoute({ ...candidate.route, source: to, path: candidate.route.path.slice(1) }, 'stated');
  return {
    ...rest, score: candidate.route.score, hops: candidate.route.hops, actors: candidate.route.path, assumed: true,
    steps: [{
      from, to, type: answer.tie.type, strength: answer.tie.strength, inferred: true, assumed: true,
      tie: { source: from, target: to, type: answer.tie.type, strength: answer.tie.strength, inferred: true, note: 'assumed new tie (what-if)' },
    }, ...rest.steps],
  };
}
