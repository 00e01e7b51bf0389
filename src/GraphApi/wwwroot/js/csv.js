// @ts-check
// "Download CSV" for a table: the API answers the same question (same asOf, partition, …) as CSV when asked with
// Accept: text/csv, so the file is exactly what `curl -H 'Accept: text/csv' …` gets; the page never writes CSV itself.
import { csv } from './api.js';
import { download, el, fileName } from './dom.js';

/** @typedef {import('./latest-request.js').LatestRequest} LatestRequest */

/**
 * A button that downloads a table's CSV from the API.
 * @param {{label: string, title: () => string, requests: LatestRequest, call: (signal: AbortSignal) => Promise<{data?: unknown, error?: unknown, response: Response}>}} table
 */
export function csvButton({ label, title, requests, call }) {
  return el('button', {
    type: 'button', class: 'secondary csv', text: label,
    attrs: { 'aria-label': `${label} (CSV)` },
    on: {
      click: () => requests.run({ busy: 'Preparing the CSV…', failed: 'The CSV could not be prepared.' }, async (signal) => {
        const name = fileName(title(), 'csv');
        download(await csv(call(signal)), name);
        return `Downloaded ${name}.`;
      }),
    },
  });
}
