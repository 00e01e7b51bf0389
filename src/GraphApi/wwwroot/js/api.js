// @ts-check
// Every call to the API goes through the typed client generated from its OpenAPI document (lib/client, built and
// copied at build time). Failures become an ApiError whose message a person can read: the problem's detail, or its
// per-field errors, so each panel shows it in its own error line.
import { createGraphApiClient } from '../lib/client/index.js';
import { apiKey } from './credentials.js';
import { bearerToken } from './sign-in.js';

/** @typedef {import('./types.js').Problem} Problem */

export const api = createGraphApiClient({ baseUrl: '' });

// Signed in (sign-in.js), every request carries the access token instead of any key the person entered; otherwise
// the key entered at the top of the page (credentials.js), so answers are the caller's: their workspace's private ties.
api.use({
  onRequest({ request }) {
    const token = bearerToken();
    if (token) {
      request.headers.delete('X-Api-Key');
      request.headers.set('Authorization', `Bearer ${token}`);
    } else if (!request.headers.has('X-Api-Key') && apiKey()) {
      request.headers.set('X-Api-Key', apiKey());
    }
    return request;
  },
});

export class ApiError extends Error {
  /**
   * @param {number} status 0 when the server could not be reached
   * @param {Problem | null} problem
   * @param {string} path
   */
  constructor(status, problem, path) {
    super(describe(status, problem, path));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

/** @param {number} status @param {Problem | null} problem @param {string} path */
function describe(status, problem, path) {
  if (status === 0) return `The server could not be reached (${path}). Is GraphApi running?`;
  const errors = /** @type {{errors?: Record<string, string[]>} | null} */ (problem)?.errors;
  const fields = errors ? Object.entries(errors).map(([field, messages]) => `${field}: ${[messages].flat().join('; ')}`) : [];
  // A 400 with per-field errors says everything in them; its detail is only the generic "see errors".
  if (fields.length > 0) return fields.join(' — ');
  if (problem?.detail) return problem.detail;
  return `${problem?.title ?? 'The request failed'} (HTTP ${status}).`;
}

/**
 * The data of a typed call, or an ApiError (aborts are passed on as they are).
 * @template T
 * @param {Promise<{data?: T, error?: unknown, response: Response}>} call
 * @returns {Promise<T>}
 */
export async function data(call) {
  let result;
  try {
    result = await call;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, null, '');
  }
  const { response } = result;
  if (!response.ok || result.data === undefined) {
    const problem = typeof result.error === 'object' && result.error !== null ? /** @type {Problem} */ (result.error) : null;
    throw new ApiError(response.status, problem, new URL(response.url || '/', location.href).pathname);
  }
  return result.data;
}

/** @param {unknown} error */
export const isAbort = (error) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The CSV of an analysis table, asked of the API for the same question as its JSON (Accept: text/csv).
 * @param {Promise<{data?: unknown, error?: unknown, response: Response}>} call a typed GET made with {@link csvOptions}
 * @returns {Promise<Blob>}
 */
export async function csv(call) {
  return /** @type {Blob} */ (await data(call));
}

/** Options that make a typed GET answer its CSV table as a Blob. */
export const csvOptions = /** @type {const} */ ({ headers: { Accept: 'text/csv' }, parseAs: 'blob' });
