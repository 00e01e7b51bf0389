// @ts-check
// The actor filter's form fields (kind, region, country, sector), built for every form that narrows actors (the
// route target, the what-if candidates, the overview) with the values the API offers: kinds and regions as choices,
// countries and sectors as suggestions (the ones actors carry, most used first; any other may still be typed).
import { el, input, select } from './dom.js';

/** @typedef {import('./catalogue.js').Catalogues} Catalogues */
/** @typedef {import('./types.js').ActorFilter} ActorFilter */

/** @type {(keyof ActorFilter)[]} */
export const FILTER_FIELDS = ['kind', 'region', 'country', 'sector'];

/**
 * Fills container with the four fields, their ids prefixed (`${prefix}-kind`, …) so labels and tests find them.
 * @param {HTMLElement} container
 * @param {string} prefix
 * @param {Catalogues} catalogues
 * @param {(filter: ActorFilter) => void} [onChange]
 */
export function renderActorFilter(container, prefix, catalogues, onChange) {
  /** @param {string} name @param {string} label @param {HTMLElement} control @param {HTMLElement | null} [extra] */
  const field = (name, label, control, extra = null) =>
    el('div', { class: 'field' }, el('label', { attrs: { for: `${prefix}-${name}` }, text: label }), control, extra);
  /** @param {string} name @param {string} any @param {string[]} values */
  const choice = (name, any, values) => el('select', { id: `${prefix}-${name}` },
    new Option(any, ''), values.map((value) => new Option(value, value)));
  /** @param {string} name @param {string} placeholder @param {{value: string, actors: number}[]} suggestions @param {Record<string, unknown>} [props] */
  const suggested = (name, placeholder, suggestions, props = {}) => el('input', {
    id: `${prefix}-${name}`, type: 'text', autocomplete: 'off', placeholder, attrs: { list: `${prefix}-${name}-values` }, ...props,
  });
  /** @param {string} name @param {{value: string, actors: number}[]} suggestions */
  const list = (name, suggestions) => el('datalist', { id: `${prefix}-${name}-values` },
    suggestions.map((s) => el('option', { value: s.value, text: `${s.actors} actor${s.actors === 1 ? '' : 's'}` })));
  const { countries, sectors } = catalogues.values;
  container.replaceChildren(
    field('kind', 'Kind', choice('kind', 'any kind', catalogues.kinds)),
    field('region', 'Region', choice('region', 'any region', catalogues.regions)),
    field('country', 'Country', suggested('country', 'e.g. KR', countries, { maxLength: 2 }), list('country', countries)),
    field('sector', 'Sector', suggested('sector', sectors[0] ? `e.g. ${sectors[0].value}` : 'e.g. water', sectors), list('sector', sectors)));
  if (onChange) container.addEventListener('change', () => onChange(readActorFilter(prefix)));
}

/**
 * The filter the fields describe, e.g. {region: 'KR', sector: 'water'}; fields left empty are left out.
 * @param {string} prefix
 * @returns {ActorFilter}
 */
export function readActorFilter(prefix) {
  /** @type {ActorFilter} */
  const filter = {};
  const kind = select(`${prefix}-kind`).value;
  const region = select(`${prefix}-region`).value;
  const country = input(`${prefix}-country`).value.trim().toUpperCase();
  const sector = input(`${prefix}-sector`).value.trim();
  // The choices are the API's own values (catalogue); a country typed by hand is checked by the API.
  if (kind) filter.kind = /** @type {import('./types.js').Kind} */ (kind);
  if (region) filter.region = /** @type {import('./types.js').Region} */ (region);
  if (country) filter.country = /** @type {import('./types.js').Country} */ (country);
  if (sector) filter.sector = sector;
  return filter;
}

/** Sets the fields from a filter (e.g. one read from the URL). @param {string} prefix @param {ActorFilter} filter */
export function writeActorFilter(prefix, filter) {
  select(`${prefix}-kind`).value = filter.kind ?? '';
  select(`${prefix}-region`).value = filter.region ?? '';
  input(`${prefix}-country`).value = filter.country ?? '';
  input(`${prefix}-sector`).value = filter.sector ?? '';
}

/** "MiniCluster in KR", "any actor" … @param {ActorFilter} filter */
export function describeFilter(filter) {
  const parts = [filter.kind ?? 'actor', filter.region ? `in ${filter.region}` : null, filter.country ? `in ${filter.country}` : null,
    filter.sector ? `in ${filter.sector}` : null].filter(Boolean);
  return parts.length === 1 && !filter.kind ? 'any actor' : `any ${parts.join(' ')}`;
}
