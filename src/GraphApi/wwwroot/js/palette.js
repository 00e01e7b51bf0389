// Node colours for the four colourings, and the legend that explains them.
import { clear, el } from './dom.js';

// The domain's actor kinds (README "Domain"); the route form offers them as targets.
export const KINDS = [
  'Cluster', 'ClusterNetwork', 'ClusterPartnership', 'MiniCluster', 'IndustrialComplex', 'Agency', 'Ministry', 'City',
  'University', 'ResearchInstitute', 'Company', 'Foundation', 'Association', 'Programme', 'Person',
];

const KIND_COLOURS = [
  '#1f77b4', '#6baed6', '#9467bd', '#d62728', '#ff7f0e', '#2ca02c', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#7f7f7f', '#98df8a', '#c5b0d5', '#f7b6d2', '#dbdb8d',
];

const REGION_COLOURS = { EU: '#1f5fbf', KR: '#d62728', OTHER: '#8a8a8a' };

export const ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'];
const ROLE_COLOURS = {
  coordinator: '#2ca02c', itinerant: '#9467bd', representative: '#ff7f0e', gatekeeper: '#1f77b4', liaison: '#d62728', none: '#d0d4d9',
};

const UNKNOWN = '#b0b0b0';

// Twelve well-separated colours (ColorBrewer Paired) for the twelve largest communities, which the API numbers 0, 1, …
// by size; the smaller ones share one pale grey rather than reuse a colour and look like part of a large community.
const COMMUNITY_COLOURS = [
  '#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99', '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99',
];
const SMALL_COMMUNITY = '#dcdcdc';

export const colourings = {
  kind: { title: 'Kind', of: (node) => node.kind, colour: (kind) => KIND_COLOURS[KINDS.indexOf(kind)] ?? UNKNOWN },
  region: { title: 'Region', of: (node) => node.region, colour: (region) => REGION_COLOURS[region] ?? UNKNOWN },
  role: { title: 'Dominant brokerage role', of: (node) => node.role ?? 'none', colour: (role) => ROLE_COLOURS[role] ?? UNKNOWN },
  community: {
    title: 'Community (Leiden; 0 is the largest)',
    of: (node) => node.community,
    colour: (community) => (community === undefined ? UNKNOWN : COMMUNITY_COLOURS[community] ?? SMALL_COMMUNITY),
  },
};

/** Legend order: numbers (community numbers) numerically, anything else as sort() orders text (undefined goes last anyway). */
function byValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export const roleColour = (role) => ROLE_COLOURS[role] ?? UNKNOWN;

/** The role with the highest count, or 'none' when the actor brokers nothing (ties go to the first in ROLES). */
export function dominantRole(item) {
  let best = 'none';
  let count = 0;
  for (const role of ROLES) {
    if ((item[role] ?? 0) > count) {
      best = role;
      count = item[role];
    }
  }
  return best;
}

/** Lists the values present on the graph with their colours. */
export function renderLegend(container, mode, values, note) {
  const colouring = colourings[mode];
  const present = [...new Set(values)].sort(byValue);
  clear(container,
    el('strong', { text: `${colouring.title}:` }),
    present.length === 0 ? el('span', { class: 'hint', text: 'nothing drawn yet' }) : null,
    present.map((value) => el('span', {},
      el('span', { class: 'role-swatch', attrs: { 'aria-hidden': 'true' }, style: `background:${colouring.colour(value)}` }),
      value ?? 'unknown')),
    note ? el('span', { class: 'hint', text: note }) : null);
}
