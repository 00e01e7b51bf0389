// @ts-check
// The as-of slider: the years in which ties begin or end (GET /api/analysis/years), plus "all dates". Moving it
// redraws the graph, the routes and the analyses on the graph of the ties in force at the end of that year, the same
// date the timeline uses for its yearly points; the server applies the one in-force rule. It is the page's one date.
import { api, data } from './api.js';
import { byId, debounce, input, showError } from './dom.js';

// Arrow keys step one year per press: wait for a pause before redrawing, so stepping across years redraws once.
const SETTLE_MS = 300;

/** The date a year stands for: its last day, as the timeline's yearly steps (so a tie dated that year counts). @param {number} year */
export const endOfYear = (year) => `${year}-12-31`;

export class AsOfSlider {
  /** @param {(asOf: string | null) => unknown} onChange asOf is 'YYYY-12-31', or null for every tie whatever its dates */
  constructor(onChange) {
    this.onChange = onChange;
    /** @type {number[]} */
    this.years = [];
    this.input = input('as-of');
    this.output = /** @type {HTMLOutputElement} */ (byId('as-of-value'));
    this.error = byId('as-of-error');
    this.input.addEventListener('input', () => this.label());
    this.input.addEventListener('change', debounce(() => this.onChange(this.asOf), SETTLE_MS));
  }

  async load() {
    try {
      const answer = await data(api.GET('/api/analysis/years'));
      this.years = answer.years ?? [];
      this.input.max = String(this.years.length);
      this.input.value = String(this.years.length);
      this.input.disabled = this.years.length === 0;
      this.label();
    } catch (error) {
      showError(this.error, `The as-of years could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Moves the slider to a date from a link ('YYYY-12-31' or 'YYYY'); a year the data does not have is ignored. @param {string} asOf */
  setAsOf(asOf) {
    const index = this.years.indexOf(Number(asOf.slice(0, 4)));
    if (index >= 0) this.input.value = String(index);
    this.label();
  }

  /** The chosen year, or null for "all dates" (the slider's last position). */
  get year() {
    const index = Number(this.input.value);
    return index < this.years.length ? this.years[index] : null;
  }

  get asOf() { return this.year === null ? null : endOfYear(this.year); }

  label() {
    const text = this.year === null ? 'all dates' : `end of ${this.year}`;
    this.output.value = this.year === null ? 'all' : String(this.year);
    this.input.setAttribute('aria-valuetext', text);
  }
}
