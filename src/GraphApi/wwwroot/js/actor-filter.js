// The actor filter's form fields (kind, region, country, sector), built once here for every form that narrows
// actors (the route target, the overview), and read back as the API's filter object (empty fields left out).
import { byId, el } from './dom.js';
import { KINDS } from './palette.js';

const REGIONS = ['EU', 'KR', 'OTHER'];

/** Fills container with the four fields, their ids prefixed (`${prefix}-kind`, …) so labels and tests find them. */
export function renderActorFilter(container, prefix) {
  const field = (name, label, control) => el('div', { class: 'field' }, el('label', { attrs: { for: `${prefix}-${name}` }, text: label }), control);
  const select = (name, any, values) => el('select', { id: `${prefix}-${name}` },
    new Option(any, ''), values.map((value) => new Option(value, value)));
  const text = (name, placeholder, props = {}) => el('input', { id: `${prefix}-${name}`, type: 'text', autocomplete: 'off', placeholder, ...props });
  container.replaceChildren(
    field('kind', 'Kind', select('kind', 'any kind', KINDS)),
    field('region', 'Region', select('region', 'any region', REGIONS)),
    field('country', 'Country (ISO code)', text('country', 'e.g. KR', { maxLength: 2 })),
    field('sector', 'Sector', text('sector', 'e.g. water')));
}

/** The filter the fields describe, e.g. {region: 'KR', sector: 'water'}; fields left empty are left out. */
export function readActorFilter(prefix) {
  return Object.fromEntries([
    ['kind', byId(`${prefix}-kind`).value],
    ['region', byId(`${prefix}-region`).value],
    ['country', byId(`${prefix}-country`).value.trim().toUpperCase()],
    ['sector', byId(`${prefix}-sector`).value.trim()],
  ].filter(([, value]) => value));
}
