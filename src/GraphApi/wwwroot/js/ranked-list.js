// @ts-check
// One ranked list for every panel that lists answers best first (routes, what-if suggestions, ledger asks): each
// item has a head (rank and title, a short aside), lines of text, buttons, and optional details; a selectable list
// marks the chosen item (class and aria-pressed on its "Show on graph" button) and tells its panel.
import { clear, el } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */

/**
 * @typedef {{title: string, aside?: Child, lines?: Child[], showLabel?: string, buttons?: HTMLElement[],
 *   details?: {summary: string, content: Child}, dataset?: Record<string, string>, className?: string}} RankedItem
 */

export class RankedList {
  /**
   * @param {HTMLElement} list the <ol> to fill
   * @param {((index: number) => unknown) | null} onSelect called when an item is chosen (null: items are not selectable)
   */
  constructor(list, onSelect) {
    this.list = list;
    this.onSelect = onSelect;
    this.selected = -1;
  }

  /** @param {RankedItem[]} items */
  render(items) {
    this.selected = -1;
    clear(this.list, items.map((item, index) => el('li', { class: `route ${item.className ?? ''}`.trim(), dataset: { index: String(index), ...item.dataset } },
      el('div', { class: 'route-head' }, el('strong', { text: item.title }), item.aside ? el('span', { class: 'route-aside' }, item.aside) : null),
      (item.lines ?? []).filter((line) => line !== null && line !== undefined).map((line) => (line instanceof HTMLElement ? line : el('p', { class: 'explanation' }, line))),
      el('div', { class: 'button-row' },
        this.onSelect ? el('button', {
          type: 'button', class: 'secondary show-route', text: 'Show on graph',
          attrs: { 'aria-pressed': 'false', 'aria-label': item.showLabel ?? `Show ${item.title} on the graph` },
          on: { click: () => this.select(index) },
        }) : null,
        item.buttons ?? []),
      item.details ? el('details', {}, el('summary', { text: item.details.summary }), item.details.content) : null)));
  }

  /** Marks item index as chosen and tells the panel. @param {number} index */
  async select(index) {
    this.selected = index;
    for (const item of this.list.querySelectorAll('.route')) {
      const on = Number(/** @type {HTMLElement} */ (item).dataset.index) === index;
      item.classList.toggle('selected', on);
      item.querySelector('.show-route')?.setAttribute('aria-pressed', String(on));
    }
    await this.onSelect?.(index);
  }
}
