// The API client: JSON in and out, and every failure turned into an ApiError whose message a person can read
// (the problem+json `detail`, plus per-field errors), so each view shows it in its own error state.
import { bearerToken } from './sign-in.js';

export class ApiError extends Error {
  constructor(status, problem, path) {
    super(describe(status, problem, path));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

function describe(status, problem, path) {
  if (status === 0) return `The server could not be reached (${path}). Is GraphApi running?`;
  const fields = problem?.errors
    ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join('; ')}`)
    : [];
  // A 400 with per-field errors says everything in them; its detail is only the generic "see errors".
  const text = fields.length ? null : problem?.detail;
  if (text || fields.length) return [text, ...fields].filter(Boolean).join(' — ');
  if (status === 404) return `This server does not offer ${path.split('?')[0]} (404): the feature is not available in this version.`;
  return `${problem?.title ?? 'The request failed'} (HTTP ${status}).`;
}

async function send(method, path, { body, signal, as = 'json', key } = {}) {
  let response;
  const headers = body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' };
  // Signed in (sign-in.js), every request carries the access token; else writes (the introduction ledger) carry the
  // editor key the person entered, and reads none.
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  else if (key) headers['X-Api-Key'] = key;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, path);
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') ?? '';
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem, path);
  }
  return as === 'blob' ? response.blob() : response.json();
}

export const getJson = (path, options) => send('GET', path, options);
export const postJson = (path, body, options) => send('POST', path, { ...options, body });
export const getBlob = (path, options) => send('GET', path, { ...options, as: 'blob' });

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const isAbort = (error) => error?.name === 'AbortError';

/** An id from a value that may be an id or an object carrying one (responses may embed the actor). */
export const idOf = (value) => (typeof value === 'string' ? value : value?.id ?? value?.actor ?? null);
