// @ts-check
// Brokerage roles over time (GET /api/analysis/timeline, measure=brokerage) over the years in which ties begin or end,
// drawn with uPlot (npm, copied to wwwroot/lib by the build) and listed in a table, which is also what screen readers
// get. One actor: its five roles. Several (up to MAX_COMPARED, each chosen actor is added): one line per actor for
// the chosen role or the total, so KICOX and TCI can be compared. The table is downloadable as CSV from the API.
import { api, csvOptions, data } from './api.js';
import { csvButton } from './csv.js';
import { byId, clear, el, select, showError } from './dom.js';
import { LatestRequest } from './latest-request.js';
import { loadLibrary } from './library.js';
import { ROLES, roleColour, seriesColour } from './palette.js';

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./types.js').TimelineSeries} TimelineSeries */
/** @typedef {import('./types.js').Schemas['TimelineRoles']} Roles */
/** @typedef {keyof Roles} RoleKey */
/** @typedef {{new (options: object, data: (number | null)[][], target: HTMLElement): {destroy(): void}}} UPlot */

const LIBRARY = 'lib/uPlot.iife.min.js';
const STYLESHEET = 'lib/uPlot.min.css';
export const MAX_COMPARED = 4;

export class RolesChart {
  /** @param {Explorer} app @param {() => number[]} years the years to chart */
  constructor(app, years) {
    this.app = app;
    this.years = years;
    /** @type {string[]} */
    this.actors = [];
    /** @type {{destroy(): void} | null} */
    this.plot = null;
    /** @type {TimelineSeries[]} */
    this.series = [];
    /** @type {string | null} */
    this.key = null;
    this.container = byId('roles-chart');
    this.caption = byId('roles-chart-caption');
    this.chips = byId('roles-compared');
    this.table = /** @type {HTMLTableElement} */ (byId('roles-table'));
    this.requests = new LatestRequest({ status: app.status, error: byId('roles-chart-error') });
    select('roles-measure').addEventListener('change', () => this.draw(true));
    byId('roles-csv').append(csvButton({
      label: 'Download CSV', requests: this.requests, title: () => `brokerage roles by year ${this.actors.join(' ')}`,
      call: (signal) => api.GET('/api/analysis/timeline', { params: { query: this.query() }, signal, ...csvOptions }),
    }));
  }

  /** The chosen role ('total' or one of ROLES), charted when several actors are compared. @returns {RoleKey} */
  get measure() { return /** @type {RoleKey} */ (select('roles-measure').value || 'total'); }

  /** Adds an actor to the comparison (the oldest drops out past MAX_COMPARED). @param {string} id */
  add(id) {
    if (this.actors.includes(id)) return;
    this.setActors([...this.actors, id].slice(-MAX_COMPARED));
  }

  /** @param {string[]} ids */
  setActors(ids) {
    this.actors = ids.slice(0, MAX_COMPARED);
    this.app.questionChanged({ roles: this.actors.join(',') || null });
    clear(this.chips, this.actors.map((id) => el('span', { class: 'chip', dataset: { actor: id } }, this.app.actors.nameOf(id),
      el('button', { type: 'button', class: 'link', text: '×', attrs: { 'aria-label': `Stop comparing ${this.app.actors.nameOf(id)}` }, on: { click: () => this.setActors(this.actors.filter((a) => a !== id)) } }))));
    byId('roles-measure-field').hidden = this.actors.length < 2;
    this.draw();
  }

  query() {
    const years = this.years();
    return {
      actors: this.actors.join(','), measure: /** @type {const} */ ('brokerage'), partition: this.app.brokerage.partition,
      directed: this.app.brokerage.directed, from: String(years[0]), to: String(years.at(-1)), step: /** @type {const} */ ('year'),
      scope: this.app.scopeQuery,
    };
  }

  /** Charts the compared actors when the Brokers tab is open (the chart needs its width); force: even if unchanged. */
  async draw(force = false) {
    if (this.actors.length === 0 || this.container.offsetParent === null) return;
    const years = this.years();
    if (years.length === 0) {
      this.caption.textContent = 'No tie in the data carries a date, so the roles do not change over time.';
      return;
    }
    const query = this.query();
    // The roles over time do not depend on the as-of date: the same question is answered by the chart already drawn.
    const key = JSON.stringify([query, this.measure]);
    if (key === this.key && !force) return;
    this.key = key;
    const names = this.actors.map((id) => this.app.actors.nameOf(id)).join(', ');
    this.caption.textContent = `Loading the roles of ${names}…`;
    const ok = await this.requests.run({}, async (signal) => {
      const [uPlot, timeline] = await Promise.all([loadUPlot(), data(api.GET('/api/analysis/timeline', { params: { query }, signal }))]);
      this.series = timeline.series;
      const what = this.series.length === 1 ? 'brokerage roles' : `${this.measure === 'total' ? 'total brokerage' : `${this.measure} counts`}`;
      this.caption.textContent = `${this.series.map((s) => `${s.name}${s.group ? ` (${s.group})` : ''}`).join(' vs ')}: ${what} by ${query.partition} at the end of each year, ${query.from}–${query.to}.`;
      this.renderTable();
      if (uPlot) this.plotWith(/** @type {UPlot} */ (uPlot));
      else showError(this.requests.error, 'Chart library missing: install Node.js (with npm) and rebuild GraphApi; the table lists the values.');
    });
    if (!ok) this.key = null;
  }

  /** Years (x) and the lines: one actor's five roles, or each actor's chosen role. */
  lines() {
    const points = this.series[0]?.points ?? [];
    const x = points.map((p) => Number(p.date.slice(0, 4)));
    if (this.series.length === 1) {
      return { x, lines: ROLES.map((role) => ({ label: role, colour: roleColour(role), values: points.map((p) => p.roles?.[role] ?? 0) })) };
    }
    return { x, lines: this.series.map((s, i) => ({ label: s.name, colour: seriesColour(i), values: s.points.map((p) => p.roles?.[this.measure] ?? 0) })) };
  }

  /** @param {UPlot} uPlot */
  plotWith(uPlot) {
    const { x, lines } = this.lines();
    const options = {
      width: Math.max(280, this.container.clientWidth || 320),
      height: 200,
      scales: { x: { time: false } },
      axes: [{ values: (/** @type {unknown} */ _, /** @type {number[]} */ ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }, {}],
      series: [{ label: 'year' }, ...lines.map((line) => ({ label: line.label, stroke: line.colour, width: 2 }))],
    };
    this.plot?.destroy();
    clear(this.container);
    this.plot = new uPlot(options, [x, ...lines.map((line) => line.values)], this.container);
    this.container.dataset.actor = this.actors.join(',');
  }

  renderTable() {
    const { x, lines } = this.lines();
    const single = this.series.length === 1;
    const head = single ? [...ROLES, 'total'] : lines.map((line) => line.label);
    clear(this.table.tHead ?? this.table.createTHead(), el('tr', {}, el('th', { scope: 'col', text: 'Year' }), head.map((text) => el('th', { scope: 'col', text }))));
    const points = this.series[0]?.points ?? [];
    clear(this.table.tBodies[0], x.map((year, row) => el('tr', { dataset: { date: points[row].date } },
      el('th', { scope: 'row', text: String(year) }),
      single ? [...ROLES, /** @type {const} */ ('total')].map((role) => el('td', { text: String(points[row].roles?.[role] ?? 0) }))
        : lines.map((line) => el('td', { text: String(line.values[row]) })))));
  }
}

/** uPlot and its stylesheet, loaded when the first chart is drawn; null when the build could not install it. */
function loadUPlot() {
  if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: STYLESHEET }));
  }
  return loadLibrary(LIBRARY, 'uPlot');
}
