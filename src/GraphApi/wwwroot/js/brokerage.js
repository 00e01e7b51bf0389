// The brokerage view: Gould–Fernandez roles per actor over a partition, a sortable table of the top brokers,
// graph colours by dominant role, and the EU → KR gateway ranking.
import { isAbort } from './api.js';
import { byId, clear, el, formatNumber, showError } from './dom.js';
import { ROLES, dominantRole, roleColour } from './palette.js';

const TOP = 15;
const COLUMNS = [
  { key: 'actor', label: 'Actor (group)', title: 'actor name' },
  { key: 'coordinator', label: 'Co', title: 'coordinator' },
  { key: 'itinerant', label: 'It', title: 'itinerant (consultant)' },
  { key: 'representative', label: 'Rep', title: 'representative' },
  { key: 'gatekeeper', label: 'Gk', title: 'gatekeeper' },
  { key: 'liaison', label: 'Li', title: 'liaison' },
  { key: 'total', label: 'Total', title: 'total' },
];

export class BrokerageView {
  /** app: {analysis, graph, actors, status, showActor(id), setColouring(mode)} */
  constructor(app) {
    this.app = app;
    this.items = [];
    this.sort = { key: 'total', descending: true };
    this.table = byId('broker-table');
    this.error = byId('broker-error');
    this.submit = byId('broker-submit');
    byId('broker-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.analyse();
    });
  }

  async analyse() {
    showError(this.error, '');
    const partition = byId('broker-partition').value;
    const directed = byId('broker-directed').checked;
    this.submit.disabled = true;
    const done = this.app.status.busy(`Computing brokerage roles by ${partition}…`);
    try {
      const asOf = this.app.asOf;
      const [brokerage] = await Promise.all([this.app.analysis.brokerage(partition, directed, asOf), this.loadGateways()]);
      this.items = brokerage;
      this.app.graph.setRoles(new Map(brokerage.map((item) => [item.actor, dominantRole(item)])));
      this.app.setColouring('role');
      this.renderTable();
      byId('brokers-heading').textContent = asOf ? `Top brokers as of ${asOf}` : 'Top brokers';
      this.table.dataset.asOf = asOf ?? 'all';
      this.app.rolesChart.show();
      done(`Brokerage by ${partition}: ${brokerage.filter((item) => item.total > 0).length} actors broker.`);
    } catch (error) {
      if (isAbort(error)) return;
      showError(this.error, error.message);
      done('Brokerage analysis failed.');
    } finally {
      this.submit.disabled = false;
    }
  }

  async loadGateways() {
    const list = byId('gateway-list');
    const error = byId('gateway-error');
    showError(error, '');
    clear(list, el('li', { class: 'hint', text: 'Loading…' }));
    try {
      const page = await this.app.analysis.gateways('region:EU', 'region:KR', this.app.asOf);
      const items = page.items ?? [];
      clear(list, items.length === 0 ? el('li', { class: 'hint', text: 'No EU → KR routes pass through any actor.' }) : null,
        items.map((item) => el('li', { dataset: { actor: item.actor } },
          el('button', { type: 'button', class: 'link', text: item.name ?? this.app.actors.nameOf(item.actor), on: { click: () => this.app.showActor(item.actor) } }),
          el('span', { text: `${item.routes} routes · ${formatNumber(item.share * 100, 1)}%` }),
          el('span', { class: 'share-bar', attrs: { 'aria-hidden': 'true' } },
            el('span', { style: `width:${Math.max(0, Math.min(100, item.share * 100))}%` })))));
    } catch (failure) {
      clear(list);
      showError(error, failure.message);
    }
  }

  /** Analyses again (e.g. as of another date) if the table is shown; otherwise waits for the person to ask. */
  refresh() {
    return this.items.length > 0 ? this.analyse() : Promise.resolve();
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: key !== 'actor' };
    this.renderTable();
    this.table.querySelector(`th[data-key="${key}"] button`)?.focus();
  }

  sorted() {
    const { key, descending } = this.sort;
    const value = (item) => (key === 'actor' ? (item.name ?? item.actor) : item[key]);
    const order = [...this.items].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -c : c;
    });
    return order.slice(0, TOP);
  }

  renderTable() {
    const head = el('tr', {}, COLUMNS.map((column) => el('th', {
      scope: 'col',
      dataset: { key: column.key },
      attrs: { 'aria-sort': this.sort.key === column.key ? (this.sort.descending ? 'descending' : 'ascending') : null },
    }, el('button', {
      type: 'button', text: column.label, title: `Sort by ${column.title}`,
      attrs: { 'aria-label': `${column.title}: sort` },
      on: { click: () => this.sortBy(column.key) },
    }))));
    clear(this.table.tHead, head);
    clear(this.table.tBodies[0], this.sorted().map((item) => {
      const role = dominantRole(item);
      return el('tr', { dataset: { actor: item.actor } },
        el('td', {},
          el('span', { class: 'role-swatch', style: `background:${roleColour(role)}`, title: role, attrs: { 'aria-hidden': 'true' } }),
          el('button', {
            type: 'button', class: 'link', text: item.name ?? this.app.actors.nameOf(item.actor),
            attrs: { 'aria-label': `Show ${item.name ?? item.actor} on the graph (dominant role: ${role})` },
            on: { click: () => this.app.showActor(item.actor) },
          }),
          item.group ? el('small', { class: 'group', text: ` (${item.group})` }) : null),
        ROLES.map((name) => el('td', { text: String(item[name] ?? 0) })),
        el('td', {}, el('strong', { text: String(item.total ?? 0) })));
    }));
  }
}
