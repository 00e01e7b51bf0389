// Node colours for the three colourings, and the legend that explains them.
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

export const colourings = {
  kind: { title: 'Kind', of: (node) => node.kind, colour: (kind) => KIND_COLOURS[KINDS.indexOf(kind)] ?? UNKNOWN },
  region: { title: 'Region', of: (node) => node.region, colour: (region) => REGION_COLOURS[region] ?? UNKNOWN },
  role: { title: 'Dominant brokerage role', of: (node) => node.role ?? 'none', colour: (role) => ROLE_COLOURS[role] ?? UNKNOWN },
};

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
  const present = [...new Set(values)].sort();
  clear(container,
    el('strong', { text: `${colouring.title}:` }),
    present.length === 0 ? el('span', { class: 'hint', text: 'nothing drawn yet' }) : null,
    present.map((value) => el('span', {},
      el('span', { class: 'role-swatch', attrs: { 'aria-hidden': 'true' }, style: `background:${colouring.colour(value)}` }),
      value ?? 'unknown')),
    note ? el('span', { class: 'hint', text: note }) : null);
}
