// The side panel: an actor's details and every relationship it has, each with the report's section and quote.
import { getJson, isAbort, query } from './api.js';
import { clear, el } from './dom.js';

const RELATIONSHIP_LIMIT = 500;

export class DetailsPanel {
  /** actions: {expand(id), routeFrom(actor), routeTo(actor), nameOf(id)} */
  constructor(container, actions) {
    this.container = container;
    this.actions = actions;
    this.controller = null;
  }

  async showActor(id) {
    this.controller?.abort();
    this.controller = new AbortController();
    const { signal } = this.controller;
    clear(this.container, el('p', { class: 'hint', text: 'Loading…' }));
    try {
      const [actor, relationships] = await Promise.all([
        getJson(`/api/actors/${encodeURIComponent(id)}`, { signal }),
        getJson(`/api/relationships${query({ actor: id, limit: RELATIONSHIP_LIMIT })}`, { signal }),
      ]);
      clear(this.container, this.actorView(actor), this.relationshipsView(actor, relationships));
    } catch (error) {
      if (isAbort(error)) return;
      clear(this.container, el('p', { class: 'error', attrs: { role: 'alert' }, text: error.message }));
    }
  }

  /** Shows a tie; the graph may hold only its summary (a neighbourhood edge), so the full record is fetched by id. */
  async showRelationship(summary) {
    this.controller?.abort();
    this.controller = new AbortController();
    let relationship = summary;
    if (summary.id && !summary.evidence) {
      clear(this.container, el('p', { class: 'hint', text: 'Loading…' }));
      try {
        relationship = await getJson(`/api/relationships/${encodeURIComponent(summary.id)}`, { signal: this.controller.signal });
      } catch (error) {
        if (isAbort(error)) return;
        clear(this.container, el('p', { class: 'error', attrs: { role: 'alert' }, text: error.message }));
        return;
      }
    }
    const name = (id) => this.actions.nameOf(id);
    clear(this.container,
      el('h3', { text: `${name(relationship.source)} — ${relationship.type} — ${name(relationship.target)}`, dataset: { relationship: relationship.id ?? '' } }),
      el('dl', {}, fields([
        ['Type', relationship.type],
        ['From', name(relationship.source)],
        ['To', name(relationship.target)],
        ['Dates', dates(relationship)],
        ['Strength (override)', relationship.strength],
        ['Event', relationship.event ? [relationship.event.name, relationship.event.date, relationship.event.place].filter(Boolean).join(', ') : null],
      ])),
      evidenceView(relationship),
      relationship.note ? el('p', { class: 'hint', text: relationship.note }) : null);
  }

  actorView(actor) {
    const website = /^https?:\/\//i.test(actor.website ?? '')
      ? el('a', { href: actor.website, text: actor.website, rel: 'noopener noreferrer', target: '_blank' })
      : null;
    return el('section', { attrs: { 'aria-label': `About ${actor.name}` }, dataset: { actor: actor.id } },
      el('h3', { text: actor.name }),
      el('div', { class: 'button-row' },
        el('button', { type: 'button', class: 'secondary', text: 'Expand', attrs: { 'aria-label': `Expand the neighbourhood of ${actor.name}` }, on: { click: () => this.actions.expand(actor.id) } }),
        el('button', { type: 'button', class: 'secondary', text: 'Route from here', on: { click: () => this.actions.routeFrom(actor) } }),
        el('button', { type: 'button', class: 'secondary', text: 'Route to here', on: { click: () => this.actions.routeTo(actor) } })),
      el('dl', {}, fields([
        ['Id', actor.id],
        ['Kind', actor.kind],
        ['Country', [actor.country, actor.region].filter(Boolean).join(' · ')],
        ['City', actor.city],
        ['Aliases', actor.aliases?.join(', ')],
        ['Sectors', actor.sectors?.join(', ')],
        ['Website', website],
        ['Sources', actor.sources?.join('; ')],
      ])),
      actor.description ? el('p', { class: 'description', text: actor.description }) : null);
  }

  relationshipsView(actor, page) {
    const items = page.items ?? [];
    const shown = page.total > items.length ? `${items.length} of ${page.total}` : String(items.length);
    return el('section', { attrs: { 'aria-label': `Relationships of ${actor.name}` } },
      el('h3', { text: `Relationships (${shown})` }),
      items.length === 0 ? el('p', { class: 'hint', text: 'No relationships recorded.' }) : null,
      el('ul', { class: 'relationship-list' }, items.map((relationship) => {
        const outgoing = relationship.source === actor.id;
        const other = this.actions.nameOf(outgoing ? relationship.target : relationship.source);
        return el('li', {},
          el('strong', { text: `${outgoing ? '→' : '←'} ${other}` }), ' ',
          el('span', { class: 'badge', text: relationship.type }), ' ',
          relationship.inferred ? el('span', { class: 'badge inferred', text: 'inferred' }) : null, ' ',
          el('span', { class: 'section-ref', text: dates(relationship) ?? '' }),
          evidenceView(relationship),
          relationship.note ? el('p', { class: 'hint', text: relationship.note }) : null);
      })));
  }
}

export function evidenceView(relationship) {
  const evidence = relationship.evidence;
  if (!evidence) return el('p', { class: 'hint', text: 'No evidence recorded.' });
  return el('div', { class: 'evidence' },
    el('span', { class: 'section-ref', text: [evidence.document, evidence.section].filter(Boolean).join(' — ') }),
    evidence.quote ? el('blockquote', { class: 'quote', text: `“${evidence.quote}”` }) : null);
}

export function dates(relationship) {
  const { since, until } = relationship;
  if (!since && !until) return null;
  return `${since ?? '…'} – ${until ?? 'now'}`;
}

function fields(pairs) {
  return pairs
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([name, value]) => [el('dt', { text: name }), el('dd', {}, value)]);
}
