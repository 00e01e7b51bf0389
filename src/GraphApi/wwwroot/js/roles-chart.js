// The chosen actor's Gould–Fernandez roles over time: GET /api/analysis/timeline (measure=brokerage) over the years in
// which ties begin or end, drawn with uPlot (npm, copied to wwwroot/lib by the build) and listed in a table, which
// is also what screen readers get.
import { getJson, isAbort, query } from './api.js';
import { byId, clear, el, showError } from './dom.js';
import { loadLibrary } from './library.js';
import { ROLES, roleColour } from './palette.js';

const LIBRARY = 'lib/uPlot.iife.min.js';
const STYLESHEET = 'lib/uPlot.min.css';

export class RolesChart {
  /** app: {actors: ActorDirectory} ; years(): the years to chart */
  constructor(app, years) {
    this.app = app;
    this.years = years;
    this.actor = null;
    this.plot = null;
    this.series = null;
    this.controller = null;
    this.key = null;
    this.container = byId('roles-chart');
    this.caption = byId('roles-chart-caption');
    this.table = byId('roles-table');
    this.error = byId('roles-chart-error');
  }

  /** Charts an actor (or the current one again, e.g. after the partition changed). */
  async show(actorId = this.actor) {
    if (!actorId) return;
    this.actor = actorId;
    const years = this.years();
    showError(this.error, '');
    if (years.length === 0) {
      this.caption.textContent = 'No tie in the data carries a date, so the roles do not change over time.';
      return;
    }
    const partition = byId('broker-partition').value;
    const directed = byId('broker-directed').checked;
    // The roles over time do not depend on the as-of date: the same question (asked again by the brokerage view) is
    // answered by the chart already drawn or still loading.
    const key = JSON.stringify([actorId, partition, directed, years[0], years.at(-1)]);
    if (key === this.key) return;
    this.key = key;
    this.controller?.abort();
    this.controller = new AbortController();
    this.caption.textContent = `Loading the roles of ${this.app.actors.nameOf(actorId)}…`;
    try {
      const [uPlot, timeline] = await Promise.all([loadUPlot(), getJson(`/api/analysis/timeline${query({
        actors: actorId, measure: 'brokerage', partition, directed, from: years[0], to: years.at(-1), step: 'year',
      })}`, { signal: this.controller.signal })]);
      this.series = timeline.series[0];
      this.caption.textContent = `${this.series.name} (${this.series.group}): brokerage roles by ${partition} at the end of each year, ` +
        `${years[0]}–${years.at(-1)}.`;
      this.renderTable();
      if (uPlot) this.draw(uPlot);
      else showError(this.error, 'Chart library missing: install Node.js (with npm) and rebuild GraphApi; the table lists the values.');
    } catch (error) {
      if (isAbort(error)) return;
      this.key = null;
      this.caption.textContent = '';
      showError(this.error, error.message);
    }
  }

  draw(uPlot) {
    const points = this.series.points;
    const data = [points.map((p) => Number(p.date.slice(0, 4))), ...ROLES.map((role) => points.map((p) => p.roles[role]))];
    const options = {
      width: Math.max(280, this.container.clientWidth || 320),
      height: 200,
      scales: { x: { time: false } },
      axes: [{ values: (_, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }, {}],
      series: [{ label: 'year' }, ...ROLES.map((role) => ({ label: role, stroke: roleColour(role), width: 2 }))],
    };
    this.plot?.destroy();
    clear(this.container);
    this.plot = new uPlot(options, data, this.container);
    this.container.dataset.actor = this.actor;
  }

  renderTable() {
    clear(this.table.tHead, el('tr', {}, el('th', { scope: 'col', text: 'Year' }), ROLES.map((role) => el('th', { scope: 'col', text: role })),
      el('th', { scope: 'col', text: 'total' })));
    clear(this.table.tBodies[0], this.series.points.map((p) => el('tr', { dataset: { date: p.date } },
      el('th', { scope: 'row', text: p.date.slice(0, 4) }),
      ROLES.map((role) => el('td', { text: String(p.roles[role]) })),
      el('td', { text: String(p.roles.total) }))));
  }
}

/** uPlot and its stylesheet, loaded when the first chart is drawn; null when the build could not install it. */
function loadUPlot() {
  if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: STYLESHEET }));
  }
  return loadLibrary(LIBRARY, 'uPlot');
}
