// Loads an npm-installed library (copied into wwwroot/lib by the build) as a classic script, resolving to its
// global or to null when the file is missing, so the page can say what is missing instead of breaking.
import { el } from './dom.js';

const loaded = new Map();

export function loadLibrary(src, globalName) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve) => {
      const script = el('script', { src });
      script.addEventListener('load', () => resolve(window[globalName] ?? null));
      script.addEventListener('error', () => resolve(null));
      document.head.append(script);
    }));
  }
  return loaded.get(src);
}
