// @ts-check
// The side panel: an actor's details and every relationship it has, each with the report's section and quote.
import { ApiError, api, data } from './api.js';
import { clear, el, plural } from './dom.js';
import { LatestRequest } from './latest-request.js';

/** @typedef {import('./types.js').Actor} Actor */
/** @typedef {import('./types.js').Relationship} Relationship */
/** @typedef {import('./types.js').Evidence} Evidence */
/** @typedef {import('./types.js').TieSummary} TieSummary */
/** @typedef {import('./dom.js').Child} Child */
/** @typedef {import('./status.js').Status} Status */

const RELATIONSHIP_LIMIT = 500;

export class DetailsPanel {
  /**
   * @param {HTMLElement} container
   * @param {Status} status
   * @param {{expand(id: string): unknown, routeFrom(actor: Actor): void, routeTo(actor: Actor): void, nameOf(id: string): string,
   *   extras(actor: Actor): Child, workspaceName(): string | null, credentials(): number}} actions
   */
  constructor(container, status, actions) {
    this.container = container;
    this.actions = actions;
    this.error = el('p', { class: 'error', attrs: { role: 'alert' }, hidden: true });
    this.requests = new LatestRequest({ status, error: this.error });
    /** What the panel shows, to ask for again when the caller changes. @type {{actor: string} | {tie: TieSummary} | null} */
    this.shown = null;
    /** The credentials (WhoAmI's count) it was fetched with. */
    this.shownWith = -1;
  }

  /**
   * @param {string} id
   * @param {string | null} whenGone on a refresh: what to say if this caller may not see the actor (else a 404 is an error)
   */
  showActor(id, whenGone = null) {
    this.shown = { actor: id };
    this.shownWith = this.actions.credentials();
    clear(this.container, el('p', { class: 'hint', text: 'Loading…' }), this.error);
    return this.requests.run({}, (signal) => this.unlessGone(whenGone, async () => {
      const [actor, relationships] = await Promise.all([
        data(api.GET('/api/actors/{id}', { params: { path: { id } }, signal })),
        data(api.GET('/api/relationships', { params: { query: { actor: id, limit: RELATIONSHIP_LIMIT } }, signal })),
      ]);
      clear(this.container, this.actorView(actor), this.relationshipsView(actor, relationships.items, relationships.total), this.error);
    }));
  }

  /**
   * Shows a tie; the graph may hold only its summary (a neighbourhood edge, an assumed tie), so a stored one is fetched by id.
   * @param {TieSummary} summary
   * @param {string | null} whenGone as for showActor
   */
  showRelationship(summary, whenGone = null) {
    this.shown = { tie: summary };
    this.shownWith = this.actions.credentials();
    const id = summary.id;
    if (!id) {
      clear(this.container, this.relationshipView(summary, null), this.error);
      return Promise.resolve(true);
    }
    clear(this.container, el('p', { class: 'hint', text: 'Loading…' }), this.error);
    return this.requests.run({}, (signal) => this.unlessGone(whenGone, async () => {
      const relationship = await data(api.GET('/api/relationships/{id}', { params: { path: { id } }, signal }));
      clear(this.container, this.relationshipView(relationship, relationship), this.error);
    }));
  }

  /**
   * Asks again for what the panel shows, after the caller changed: another workspace's member sees other private ties
   * (and none of ours), a key of another role other fields; a record this caller may not see leaves the panel.
   */
  refresh() {
    const shown = this.shown;
    if (!shown || this.shownWith === this.actions.credentials()) return Promise.resolve(true);
    const gone = 'What this panel showed is not visible with the current key or sign-in.';
    return 'actor' in shown ? this.showActor(shown.actor, gone) : this.showRelationship(shown.tie, gone);
  }

  /**
   * Runs show(); a 404 when whenGone is given empties the panel with that text instead of failing.
   * @param {string | null} whenGone @param {() => Promise<void>} show
   */
  async unlessGone(whenGone, show) {
    try {
      await show();
    } catch (error) {
      if (whenGone === null || !(error instanceof ApiError) || error.status !== 404) throw error;
      this.shown = null;
      clear(this.container, el('p', { class: 'hint', text: whenGone }), this.error);
    }
  }

  /** @param {TieSummary} tie @param {Relationship | null} stored */
  relationshipView(tie, stored) {
    const name = (/** @type {string} */ id) => this.actions.nameOf(id);
    return el('section', { dataset: { relationship: tie.id ?? '' } },
      el('h3', { text: `${name(tie.source)} — ${tie.type} — ${name(tie.target)}` }),
      el('dl', {}, fields([
        ['Type', tie.type],
        ['From', name(tie.source)],
        ['To', name(tie.target)],
        ['Dates', stored ? dates(stored) : null],
        ['Strength (override)', tie.strength ?? null],
        ['Visibility', tie.visibility === 'private' ? privateBadge(this.actions.workspaceName()) : null],
        ['Event', stored?.event ? [stored.event.name, stored.event.date, stored.event.place].filter(Boolean).join(', ') : null],
      ])),
      stored ? evidenceView(stored.evidence) : el('p', { class: 'hint', text: 'An assumed tie (what-if): it is not recorded.' }),
      tie.note ? el('p', { class: 'hint', text: tie.note }) : null);
  }

  /** @param {Actor} actor */
  actorView(actor) {
    const website = /^https?:\/\//i.test(actor.website ?? '')
      ? el('a', { href: actor.website, text: actor.website ?? '', rel: 'noopener noreferrer', target: '_blank' })
      : null;
    return el('section', { attrs: { 'aria-label': `About ${actor.name}` }, dataset: { actor: actor.id } },
      el('h3', {}, actor.name, actor.visibility === 'private' ? [' ', privateBadge(this.actions.workspaceName())] : null),
      el('div', { class: 'button-row' },
        el('button', { type: 'button', class: 'secondary', text: 'Expand', attrs: { 'aria-label': `Expand the neighbourhood of ${actor.name}` }, on: { click: () => this.actions.expand(actor.id) } }),
        el('button', { type: 'button', class: 'secondary', text: 'Route from here', on: { click: () => this.actions.routeFrom(actor) } }),
        el('button', { type: 'button', class: 'secondary', text: 'Route to here', on: { click: () => this.actions.routeTo(actor) } })),
      this.actions.extras(actor),
      el('dl', {}, fields([
        ['Id', actor.id],
        ['Kind', actor.kind],
        ['Country', [actor.country, actor.region].filter(Boolean).join(' · ')],
        ['City', actor.city ?? null],
        ['Aliases', actor.aliases?.join(', ') ?? null],
        ['Sectors', actor.sectors?.join(', ') ?? null],
        ['Website', website],
        ['Sources', actor.sources?.join('; ') ?? null],
      ])),
      actor.description ? el('p', { class: 'description', text: actor.description }) : null);
  }

  /** @param {Actor} actor @param {Relationship[]} items @param {number} total */
  relationshipsView(actor, items, total) {
    const shown = total > items.length ? `${items.length} of ${total}` : String(items.length);
    const partners = new Set(items.map((r) => (r.source === actor.id ? r.target : r.source))).size;
    return el('section', { attrs: { 'aria-label': `Relationships of ${actor.name}` } },
      el('h3', { text: `Relationships (${shown})` }),
      items.length > partners
        ? el('p', { class: 'hint', text: `${plural(items.length, 'relationship')} with ${plural(partners, 'actor')}: some pairs have several (the graph draws each pair once).` })
        : null,
      items.length === 0 ? el('p', { class: 'hint', text: 'No relationships recorded.' }) : null,
      el('ul', { class: 'relationship-list' }, items.map((relationship) => {
        const outgoing = relationship.source === actor.id;
        const other = this.actions.nameOf(outgoing ? relationship.target : relationship.source);
        return el('li', {},
          el('strong', { text: `${outgoing ? '→' : '←'} ${other}` }), ' ',
          el('span', { class: 'badge', text: relationship.type }), ' ',
          relationship.inferred ? el('span', { class: 'badge flag-inferred', text: 'inferred' }) : null, ' ',
          relationship.visibility === 'private' ? [privateBadge(this.actions.workspaceName()), ' '] : null,
          el('span', { class: 'section-ref', text: dates(relationship) ?? '' }),
          evidenceView(relationship.evidence),
          relationship.note ? el('p', { class: 'hint', text: relationship.note }) : null);
      })));
  }
}

/**
 * "private": a record of the caller's workspace, seen by its members only (said in words, not by colour alone).
 * @param {string | null} workspace its name
 */
export function privateBadge(workspace) {
  return el('span', { class: 'badge private', text: 'private', title: `Only ${workspace ?? 'your workspace'} sees this` },
    el('span', { class: 'visually-hidden', text: `: only ${workspace ?? 'your workspace'} sees this` }));
}

/** @param {Evidence | null | undefined} evidence */
export function evidenceView(evidence) {
  if (!evidence) return el('p', { class: 'hint', text: 'No evidence recorded.' });
  return el('div', { class: 'evidence' },
    el('span', { class: 'section-ref', text: [evidence.document, evidence.section].filter(Boolean).join(' — ') }),
    evidence.quote ? el('blockquote', { class: 'quote', text: `“${evidence.quote}”` }) : null);
}

/** "2016-05 – now"; null without dates. @param {{since?: unknown, until?: unknown}} tie */
export function dates(tie) {
  const { since, until } = tie;
  if (!since && !until) return null;
  return `${since ?? '…'} – ${until ?? 'now'}`;
}

/** @param {[string, Child | string | number | null | undefined][]} pairs */
function fields(pairs) {
  return pairs
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([name, value]) => [el('dt', { text: name }), el('dd', {}, /** @type {Child} */ (value))]);
}
