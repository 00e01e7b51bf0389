// @ts-check
// Node colours for the four colourings, and the legend that explains them. Kinds come from the API's catalogue, in
// its order, so a configured deployment's kinds get colours too.
import { clear, el } from './dom.js';

const KIND_COLOURS = [
  '#1f77b4', '#6baed6', '#9467bd', '#d62728', '#ff7f0e', '#2ca02c', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#7f7f7f', '#98df8a', '#c5b0d5', '#f7b6d2', '#dbdb8d', '#393b79', '#ad494a', '#637939',
];
const REGION_COLOURS = ['#1f5fbf', '#d62728', '#8a8a8a', '#2ca02c', '#9467bd', '#ff7f0e'];

export const ROLES = /** @type {const} */ (['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison']);
/** @typedef {typeof ROLES[number]} Role */
/** @type {Record<string, string>} */
const ROLE_COLOURS = {
  coordinator: '#2ca02c', itinerant: '#9467bd', representative: '#ff7f0e', gatekeeper: '#1f77b4', liaison: '#d62728', none: '#d0d4d9',
};

export const UNKNOWN = '#b0b0b0';

// Twelve well-separated colours (ColorBrewer Paired) for the twelve largest communities, which the API numbers 0, 1, …
// by size; the smaller ones share one pale grey rather than reuse a colour and look like part of a large community.
const COMMUNITY_COLOURS = [
  '#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99', '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99',
];
const SMALL_COMMUNITY = '#dcdcdc';

/** @typedef {'kind' | 'region' | 'role' | 'community'} ColourMode */
/** @typedef {{kind?: string, region?: string, role?: string, community?: number}} Colourable */
/** @typedef {{title: string, of: (node: Colourable) => string | number | undefined, colour: (value: string | number | undefined) => string, label?: (value: string | number | undefined) => string}} Colouring */

/** The four colourings; kinds and regions in the catalogue's order. @param {string[]} kinds @param {string[]} regions @returns {Record<ColourMode, Colouring>} */
export function colourings(kinds, regions) {
  return {
    kind: { title: 'Kind', of: (node) => node.kind, colour: (kind) => KIND_COLOURS[kinds.indexOf(String(kind))] ?? UNKNOWN },
    region: { title: 'Region', of: (node) => node.region, colour: (region) => REGION_COLOURS[regions.indexOf(String(region))] ?? UNKNOWN },
    role: { title: 'Dominant brokerage role', of: (node) => node.role ?? 'none', colour: (role) => ROLE_COLOURS[String(role)] ?? UNKNOWN },
    community: {
      title: 'Community (0 is the largest)',
      of: (node) => node.community,
      colour: (community) => (typeof community !== 'number' ? UNKNOWN : COMMUNITY_COLOURS[community] ?? SMALL_COMMUNITY),
      label: (community) => (typeof community !== 'number' ? 'not in a community' : community < COMMUNITY_COLOURS.length ? `#${community}` : `#${COMMUNITY_COLOURS.length} and smaller`),
    },
  };
}

/** Legend order: numbers numerically, anything else as text. @param {string | number | undefined} a @param {string | number | undefined} b */
function byValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** @param {string} role */
export const roleColour = (role) => ROLE_COLOURS[role] ?? UNKNOWN;

/** @param {number} index */
export const seriesColour = (index) => COMMUNITY_COLOURS[index % COMMUNITY_COLOURS.length];

/**
 * The role with the highest count, or 'none' when the actor brokers nothing (ties go to the first in ROLES).
 * @param {Partial<Record<Role, number>>} item
 * @returns {Role | 'none'}
 */
export function dominantRole(item) {
  /** @type {Role | 'none'} */
  let best = 'none';
  let count = 0;
  for (const role of ROLES) {
    if ((item[role] ?? 0) > count) {
      best = role;
      count = item[role] ?? 0;
    }
  }
  return best;
}

/**
 * The entries a legend shows for the values present: [{label, colour}], in order (communities past the twelfth as one).
 * @param {Colouring} colouring
 * @param {(string | number | undefined)[]} values
 */
export function legendEntries(colouring, values) {
  const present = [...new Set(values)].sort(byValue);
  const entries = present.map((value) => ({ label: colouring.label ? colouring.label(value) : String(value ?? 'unknown'), colour: colouring.colour(value) }));
  return entries.filter((entry, index) => entries.findIndex((other) => other.label === entry.label) === index);
}

/**
 * Lists the values present on the drawing with their colours.
 * @param {HTMLElement} container
 * @param {Colouring} colouring
 * @param {(string | number | undefined)[]} values
 * @param {string | null} note
 */
export function renderLegend(container, colouring, values, note) {
  const entries = legendEntries(colouring, values);
  clear(container,
    el('strong', { text: `${colouring.title}:` }),
    entries.length === 0 ? el('span', { class: 'hint', text: 'nothing drawn yet' }) : null,
    entries.map((entry) => el('span', { class: 'legend-entry' },
      el('span', { class: 'role-swatch', attrs: { 'aria-hidden': 'true' }, style: `background:${entry.colour}` }), entry.label)),
    note ? el('span', { class: 'hint', text: note }) : null);
}
