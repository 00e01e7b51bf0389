// @ts-check
// An actor search box following the WAI-ARIA 1.2 combobox pattern: typing searches (debounced) by name, alias
// or Korean name; ArrowDown/ArrowUp move through the results, Enter chooses, Escape closes.
import { api, data, isAbort } from './api.js';
import { clear, debounce, el } from './dom.js';

/** @typedef {import('./types.js').Actor} Actor */

const DELAY_MS = 250;
const LIMIT = 12;
let instances = 0;

export class ActorCombobox {
  /**
   * @param {Element} root the element holding the input, the listbox and a status paragraph
   * @param {(actor: Actor) => void} onChoose called when one is picked
   */
  constructor(root, onChoose) {
    this.input = /** @type {HTMLInputElement} */ (root.querySelector('input'));
    this.listbox = /** @type {HTMLElement} */ (root.querySelector('[role="listbox"]'));
    this.status = /** @type {HTMLElement} */ (root.querySelector('.combo-status'));
    this.onChoose = onChoose;
    /** @type {Actor[]} */
    this.results = [];
    this.active = -1;
    /** @type {AbortController | null} */
    this.controller = null;
    this.prefix = `combo-${++instances}`;

    this.listbox.id = `${this.prefix}-listbox`;
    this.listbox.setAttribute('aria-label', `Actors matching “${root.querySelector('label')?.textContent ?? ''}”`);
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-expanded', 'false');
    this.input.setAttribute('aria-controls', this.listbox.id);

    const search = debounce(() => this.search(), DELAY_MS);
    this.input.addEventListener('input', search);
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // mousedown, not click: choosing must happen before the input's blur closes the list.
    this.listbox.addEventListener('mousedown', (event) => {
      const option = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest('[role="option"]'));
      if (!option) return;
      event.preventDefault();
      this.choose(Number(option.dataset.index));
    });
  }

  async search() {
    const text = this.input.value.trim();
    this.controller?.abort();
    if (text.length === 0) {
      this.show([]);
      this.setStatus('');
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.setStatus('Searching…');
    try {
      const page = await data(api.GET('/api/actors', { params: { query: { q: text, limit: LIMIT } }, signal: controller.signal }));
      this.show(page.items);
      const more = page.total > this.results.length ? ` of ${page.total}` : '';
      this.setStatus(this.results.length === 0 ? `No actor matches “${text}”.` : `${this.results.length}${more} actors found; use the arrow keys and Enter to choose.`);
    } catch (error) {
      if (isAbort(error)) return;
      this.show([]);
      this.setStatus(error instanceof Error ? error.message : String(error), true);
    }
  }

  /** @param {Actor[]} actors */
  show(actors) {
    this.results = actors;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    clear(this.listbox, actors.map((actor, index) => el('li', {
      id: `${this.prefix}-option-${index}`,
      attrs: { role: 'option', 'aria-selected': 'false' },
      dataset: { index: String(index), actor: actor.id },
    }, actor.name, el('small', { text: [actor.kind, actor.country, actor.aliases?.slice(0, 3).join(', ')].filter(Boolean).join(' · ') }),
    // One of the workspace's own actors (only its members find it) says so in words.
    actor.visibility === 'private' ? [' ', el('span', { class: 'badge private', text: 'private' })] : null)));
    const open = actors.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    const count = this.results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) {
        if (this.input.value.trim()) this.search();
        return;
      }
      if (this.listbox.hidden) this.show(this.results);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.activate((this.active + step + count) % count);
    } else if (event.key === 'Enter') {
      // Enter in the search box picks the highlighted result (or the only one), never submits the form.
      event.preventDefault();
      if (this.active >= 0) this.choose(this.active);
      else if (count === 1) this.choose(0);
    } else if (event.key === 'Escape' && !this.listbox.hidden) {
      event.preventDefault();
      this.close();
    }
  }

  /** @param {number} index */
  activate(index) {
    const options = this.listbox.querySelectorAll('[role="option"]');
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    this.active = index;
    this.input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  /** @param {number} index */
  choose(index) {
    const actor = this.results[index];
    if (!actor) return;
    this.input.value = actor.name;
    this.close();
    this.setStatus('');
    this.onChoose(actor);
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  /** @param {string} text @param {boolean} [isError] */
  setStatus(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError && Boolean(text));
    this.status.classList.toggle('hint', !isError);
  }
}
