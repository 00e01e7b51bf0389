// The what-if panel: "whom should we meet so that next time a route reaches the target?" — the best next ties for
// the route form's From and target (POST /api/routes/best-next-tie), each with the route it would open, drawn on
// the graph with the assumed tie dashed.
import { postJson } from './api.js';
import { byId, clear, el, formatNumber, showError } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { normaliseRoute } from './routes.js';

export class WhatIfPanel {
  /** app: {routes: RouteFinder, actors: ActorDirectory, showRoute(route), status: Status} */
  constructor(app) {
    this.app = app;
    this.candidates = [];
    this.selected = -1;
    this.list = byId('whatif-list');
    this.summary = byId('whatif-summary');
    this.error = byId('whatif-error');
    const submit = byId('whatif-submit');
    this.requests = new LatestRequest({ status: app.status, error: this.error, button: submit });
    submit.addEventListener('click', () => this.find());
  }

  /** The request: From, target and max hops from the route form (which marks what is missing), plus the tie type. */
  request() {
    const routeRequest = this.app.routes.request();
    if (!routeRequest) return null;
    return {
      from: routeRequest.from[0],
      to: routeRequest.to,
      type: byId('whatif-type').value,
      maxHops: routeRequest.maxHops,
      limit: 10,
    };
  }

  async find() {
    showError(this.error, '');
    const body = this.request();
    if (!body) return;
    await this.requests.run({ busy: 'Trying every possible new tie…', failed: 'The what-if search failed.' }, async (signal) => {
      const answer = await postJson('/api/routes/best-next-tie', body, { signal });
      this.candidates = answer.candidates.map((candidate) => ({ ...candidate, route: openedRoute(body.from, answer.tie, candidate) }));
      await this.app.actors.ensure(this.candidates.flatMap((candidate) => candidate.route.actors), signal);
      this.render(answer);
      if (this.candidates.length > 0) await this.select(0);
      return this.candidates.length === 0 ? 'No new tie would help.' : `${this.candidates.length} candidate tie(s).`;
    });
  }

  render(answer) {
    const name = (id) => this.app.actors.nameOf(id);
    const today = answer.current
      ? `Today's best route scores ${formatNumber(answer.current.score, 3)}; ${answer.reachableTargets} of ${answer.targets} target actor(s) are within ${answer.maxHops} hops.`
      : `No route reaches the target within ${answer.maxHops} hops today (${answer.targets} target actor(s)).`;
    this.summary.textContent = this.candidates.length === 0
      ? `${today} No single new ${answer.tie.type} would raise the score or reach a new target.`
      : `${today} Best new ${answer.tie.type} ties (strength ${formatNumber(answer.tie.strength)}), best first:`;
    clear(this.list, this.candidates.map((candidate, index) => el('li', { class: 'route', dataset: { index: String(index) } },
      el('div', { class: 'route-head' },
        el('strong', { text: `#${index + 1} meet ${candidate.actor.name}` }),
        el('span', { text: summaryOf(candidate) })),
      el('p', { class: 'explanation', text: candidate.route.explanation ?? candidate.route.actors.map(name).join(' → ') }),
      el('div', { class: 'button-row' },
        el('button', {
          type: 'button', class: 'secondary show-route', text: 'Show on graph',
          attrs: { 'aria-pressed': 'false', 'aria-label': `Show the route a tie with ${candidate.actor.name} would open` },
          on: { click: () => this.select(index) },
        })))));
  }

  async select(index) {
    this.selected = index;
    for (const item of this.list.querySelectorAll('.route')) {
      const on = Number(item.dataset.index) === index;
      item.classList.toggle('selected', on);
      item.querySelector('.show-route').setAttribute('aria-pressed', String(on));
    }
    await this.app.showRoute(this.candidates[index].route);
  }
}

function summaryOf(candidate) {
  const parts = [`score ${formatNumber(candidate.bestScore, 3)}`];
  if (candidate.gain > 0) parts.push(`+${formatNumber(candidate.gain, 3)}`);
  if (candidate.newlyReachable > 0) parts.push(`${candidate.newlyReachable} new target${candidate.newlyReachable === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/**
 * The opened route in the route finder's shape: the assumed tie first (no id, marked inferred so the graph draws
 * it dashed), then the stored steps.
 */
function openedRoute(from, tie, candidate) {
  const to = candidate.actor.id;
  const assumed = {
    from, to, type: tie.type, direction: 'forward', strength: tie.strength,
    relationship: { type: tie.type, source: from, target: to, strength: tie.strength, inferred: true, note: 'assumed new tie (what-if)' },
  };
  const rest = normaliseRoute({ ...candidate.route, steps: candidate.route.steps, path: candidate.route.path.slice(1) });
  return { ...candidate.route, steps: [assumed, ...rest.steps], actors: candidate.route.path, target: candidate.route.target, hops: candidate.route.hops };
}
