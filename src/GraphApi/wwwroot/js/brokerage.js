// @ts-check
// The Brokers tab: Gould–Fernandez roles per actor over a partition (every broker, sortable, as CSV), graph colours by
// dominant role, the EU → KR gateway ranking and the betweenness ranking, each table downloadable as CSV through the
// API for the same question (partition, directions, as-of date).
import { api, csvOptions } from './api.js';
import { csvButton } from './csv.js';
import { button, byId, clear, el, formatNumber, input, plural, select } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { ROLES, dominantRole, roleColour } from './palette.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').BrokerageItem} BrokerageItem */
/** @typedef {import('./types.js').Partition} Partition */
/** @typedef {'actor' | 'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total'} Column */

/** @type {{key: Column, label: string, title: string}[]} */
const COLUMNS = [
  { key: 'actor', label: 'Actor (group)', title: 'actor name' },
  { key: 'coordinator', label: 'Co', title: 'coordinator' },
  { key: 'itinerant', label: 'It', title: 'itinerant (consultant)' },
  { key: 'representative', label: 'Rep', title: 'representative' },
  { key: 'gatekeeper', label: 'Gk', title: 'gatekeeper' },
  { key: 'liaison', label: 'Li', title: 'liaison' },
  { key: 'total', label: 'Total', title: 'total' },
];
const CENTRAL_SHOWN = 15;
const PAGE = 500;

export class BrokerageView {
  /** @param {Explorer} app */
  constructor(app) {
    this.app = app;
    /** @type {BrokerageItem[]} */
    this.items = [];
    /** @type {{key: Column, descending: boolean}} */
    this.sort = { key: 'total', descending: true };
    this.table = /** @type {HTMLTableElement} */ (byId('broker-table'));
    this.requests = new LatestRequest({ status: app.status, error: byId('broker-error'), button: button('broker-submit'), form: byId('broker-form') });
    this.gatewayRequests = new LatestRequest({ status: app.status, error: byId('gateway-error') });
    this.centralRequests = new LatestRequest({ status: app.status, error: byId('central-error') });
    byId('broker-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.analyse();
    });
    const asOf = () => app.asOf ?? undefined;
    const scope = () => app.scopeQuery;
    byId('broker-csv').append(csvButton({
      label: 'Download CSV', requests: this.requests, title: () => `brokerage by ${this.partition}${app.asOf ? ` as of ${app.asOf}` : ''}`,
      call: (signal) => api.GET('/api/analysis/brokerage', { params: { query: { partition: this.partition, directed: this.directed, sort: 'total', asOf: asOf(), limit: PAGE, scope: scope() } }, signal, ...csvOptions }),
    }));
    byId('gateway-csv').append(csvButton({
      label: 'Download CSV', requests: this.gatewayRequests, title: () => `gateways EU to KR${app.asOf ? ` as of ${app.asOf}` : ''}`,
      call: (signal) => api.GET('/api/analysis/gateways', { params: { query: { from: 'region:EU', to: 'region:KR', top: 20, asOf: asOf(), scope: scope() } }, signal, ...csvOptions }),
    }));
    byId('central-csv').append(csvButton({
      label: 'Download CSV', requests: this.centralRequests, title: () => `centrality${app.asOf ? ` as of ${app.asOf}` : ''}`,
      call: (signal) => api.GET('/api/analysis/centrality', { params: { query: { measures: ['degree', 'betweenness'], asOf: asOf(), limit: PAGE, scope: scope() } }, signal, ...csvOptions }),
    }));
  }

  /** @returns {Partition} */
  get partition() { return /** @type {Partition} */ (select('broker-partition').value || 'region'); }

  get directed() { return input('broker-directed').checked; }

  /** The partitions the API offers (catalogue), region first as before. */
  renderPartitions() {
    const partitions = this.app.catalogues.partitions;
    if (partitions.length === 0) return;
    clear(select('broker-partition'), partitions.map((p) => new Option(p, p, p === 'region', p === 'region')));
  }

  async analyse() {
    const partition = this.partition;
    const directed = this.directed;
    const asOf = this.app.asOf;
    this.loadGateways();
    this.loadCentrality();
    await this.requests.run({ busy: `Computing brokerage roles by ${partition}…`, failed: 'Brokerage analysis failed.' }, async () => {
      this.items = await this.app.analysis.brokerage(partition, directed, asOf);
      this.app.setRoles(new Map(this.items.map((item) => [item.actor, dominantRole(item)])));
      if (this.app.colour !== 'role') await this.app.setColouring('role');
      this.renderTable();
      const brokers = this.items.filter((item) => item.total > 0).length;
      byId('brokers-heading').textContent = asOf ? `Brokers as of ${asOf}` : 'Brokers';
      byId('brokers-summary').textContent = `${plural(brokers, 'actor')} broker between ${partition} groups${this.app.scopeText}; ${plural(this.items.length - brokers, 'other actor')} broker nothing (not listed; the CSV has every actor).`;
      this.table.dataset.asOf = asOf ?? 'all';
      this.table.dataset.scope = this.app.scope;
      this.app.rolesChart.draw(true);
      return `Brokerage by ${partition}: ${plural(brokers, 'actor')} broker.`;
    });
  }

  loadGateways() {
    const list = byId('gateway-list');
    clear(list, el('li', { class: 'hint', text: 'Loading…' }));
    return this.gatewayRequests.run({}, async () => {
      const page = await this.app.analysis.gateways('region:EU', 'region:KR', this.app.asOf);
      clear(list, page.items.length === 0 ? el('li', { class: 'hint', text: 'No EU → KR routes pass through any actor.' }) : null,
        page.items.map((item) => el('li', { dataset: { actor: item.actor } },
          el('button', { type: 'button', class: 'link', text: item.name, on: { click: () => this.app.showActor(item.actor) } }),
          el('span', { text: `${item.routes} routes · ${formatNumber(item.share * 100, 1)}%` }),
          el('span', { class: 'share-bar', attrs: { 'aria-hidden': 'true' } },
            el('span', { style: `width:${Math.max(0, Math.min(100, item.share * 100))}%` })))));
    }).then((ok) => { if (!ok) clear(list); });
  }

  loadCentrality() {
    const table = /** @type {HTMLTableElement} */ (byId('central-table'));
    return this.centralRequests.run({}, async () => {
      const page = await this.app.analysis.centrality(this.app.asOf);
      clear(table.tHead ?? table.createTHead(), el('tr', {}, ['Actor', 'Degree', 'Betweenness'].map((text) => el('th', { scope: 'col', text }))));
      clear(table.tBodies[0], page.items.slice(0, CENTRAL_SHOWN).map((item) => el('tr', { dataset: { actor: item.actor } },
        el('td', {}, el('button', { type: 'button', class: 'link', text: item.name, on: { click: () => this.app.showActor(item.actor) } })),
        el('td', { text: String(item.degree ?? 0) }),
        el('td', { text: formatNumber(item.betweenness ?? 0, 1) }))));
      byId('central-summary').textContent = `The ${Math.min(CENTRAL_SHOWN, page.items.length)} of ${plural(page.total, 'actor')} on most shortest paths (betweenness)${this.app.scopeText}; the CSV has every actor.`;
      table.dataset.scope = this.app.scope;
    });
  }

  /** Analyses again (e.g. as of another date) if the table is shown; otherwise waits for the person to ask. */
  refresh() {
    return this.items.length > 0 ? this.analyse() : Promise.resolve();
  }

  /** @param {Column} key */
  sortBy(key) {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: key !== 'actor' };
    this.renderTable();
    /** @type {HTMLElement | null} */ (this.table.querySelector(`th[data-key="${key}"] button`))?.focus();
  }

  /** Every actor that brokers something, in the chosen order. */
  sorted() {
    const { key, descending } = this.sort;
    /** @param {BrokerageItem} item */
    const value = (item) => (key === 'actor' ? item.name : item[key]);
    return this.items.filter((item) => item.total > 0).sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -c : c;
    });
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
    clear(this.table.tHead ?? this.table.createTHead(), head);
    clear(this.table.tBodies[0], this.sorted().map((item) => {
      const role = dominantRole(item);
      return el('tr', { dataset: { actor: item.actor } },
        el('td', {},
          el('button', {
            type: 'button', class: 'link',
            attrs: { 'aria-label': `Show ${item.name} on the graph (dominant role: ${role})` },
            on: { click: () => this.app.showActor(item.actor) },
          }, el('span', { class: 'role-swatch', style: `background:${roleColour(role)}`, title: role, attrs: { 'aria-hidden': 'true' } }), item.name),
          item.group ? el('small', { class: 'group', text: ` (${item.group})` }) : null),
        ROLES.map((name) => el('td', { text: String(item[name] ?? 0) })),
        el('td', {}, el('strong', { text: String(item.total ?? 0) })));
    }));
  }
}
