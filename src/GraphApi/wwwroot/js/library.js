// @ts-check
// Loads an npm-installed library (copied into wwwroot/lib by the build) as a classic script, resolving to its
// global or to null when the file is missing, so the page can say what is missing instead of breaking.
import { el } from './dom.js';

/** @type {Map<string, Promise<unknown>>} */
const loaded = new Map();

/** @param {string} src @param {string} globalName @returns {Promise<unknown>} */
export function loadLibrary(src, globalName) {
  let pending = loaded.get(src);
  if (!pending) {
    pending = new Promise((resolve) => {
      const script = el('script', { src });
      script.addEventListener('load', () => resolve(/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[globalName] ?? null));
      script.addEventListener('error', () => resolve(null));
      document.head.append(script);
    });
    loaded.set(src, pending);
  }
  return pending;
}
