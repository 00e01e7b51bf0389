// @ts-check
// Small DOM helpers. Everything is built with createElement/textContent, never innerHTML, so names and quotes
// from the data can't inject markup.

/**
 * @typedef {{class?: string, text?: string, attrs?: Record<string, string | number | boolean | null | undefined>,
 *   dataset?: Record<string, string>, on?: Record<string, (event: any) => void>, [property: string]: unknown}} Props
 * @typedef {Node | string | number | null | undefined | false} Leaf
 * @typedef {Leaf | Leaf[] | Leaf[][]} Child
 */

/**
 * el('li', {class: 'x', attrs: {'aria-label': '…'}, dataset: {id}, on: {click}}, child, 'text', …)
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'attrs') {
      for (const [name, v] of Object.entries(/** @type {Record<string, unknown>} */ (value))) {
        if (v !== undefined && v !== null && v !== false) node.setAttribute(name, v === true ? '' : String(v));
      }
    } else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') {
      for (const [type, handler] of Object.entries(/** @type {Record<string, EventListener>} */ (value))) node.addEventListener(type, handler);
    } else /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (node))[key] = value;
  }
  append(node, children);
  return node;
}

/** @param {Element} node @param {Child[]} children */
function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. @param {Element} node @param {...Child} children */
export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** The page's element with this id (the page's own markup: missing is a bug). @param {string} id @returns {HTMLElement} */
export const byId = (id) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node;
};

/** @param {string} id */
export const input = (id) => /** @type {HTMLInputElement} */ (byId(id));

/** @param {string} id */
export const select = (id) => /** @type {HTMLSelectElement} */ (byId(id));

/** @param {string} id */
export const button = (id) => /** @type {HTMLButtonElement} */ (byId(id));

/** Shows a message in an error element, or hides it when message is empty. @param {HTMLElement} node @param {string | null | undefined} message */
export function showError(node, message) {
  node.textContent = message ?? '';
  node.hidden = !message;
}

/**
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {(...args: A) => void}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** @param {unknown} value @param {number} [digits] */
export function formatNumber(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** "1 route", "3 routes". @param {number} count @param {string} noun @param {string} [plural] */
export const plural = (count, noun, plural = `${noun}s`) => `${count.toLocaleString('en')} ${count === 1 ? noun : plural}`;

/** Offers a Blob as a file download without leaving the page. @param {Blob} blob @param {string} fileName */
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: lower case, words joined by dashes. @param {string} title @param {string} extension */
export const fileName = (title, extension) =>
  `${title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-').slice(0, 80) || 'graphapi'}.${extension}`;
