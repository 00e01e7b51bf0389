// @ts-check
// One state for the page, kept in the URL (query string), so a link reproduces the view: the tab, the route question
// (from, target actor or filter, k, max hops, strengths), the one as-of date, the analyses' scope (members: with our
// ties), the colouring and sizing, the actor explored and the roles compared. The page writes it with replaceState as things change and reads it once on load.

/**
 * @typedef {{tab?: string, from?: string, to?: string, kind?: string, region?: string, country?: string, sector?: string,
 *   k?: string, hops?: string, strengths?: string, asOf?: string, colour?: string, size?: string, actor?: string,
 *   roles?: string, route?: string, scope?: string}} PageState
 */

/** @type {(keyof PageState)[]} */
const KEYS = ['tab', 'actor', 'from', 'to', 'kind', 'region', 'country', 'sector', 'k', 'hops', 'strengths', 'route', 'asOf', 'scope', 'colour', 'size', 'roles'];

/** The state the URL holds now. @returns {PageState} */
export function readState() {
  const search = new URLSearchParams(location.search);
  /** @type {PageState} */
  const state = {};
  for (const key of KEYS) {
    const value = search.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/**
 * Puts these values into the URL (empty or null removes a key), without a new history entry.
 * @param {Partial<Record<keyof PageState, string | number | null | undefined>>} changes
 */
export function writeState(changes) {
  const search = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') search.delete(key);
    else search.set(key, String(value));
  }
  // A fixed key order, so equal states give equal links.
  const ordered = new URLSearchParams();
  for (const key of KEYS) {
    const value = search.get(key);
    if (value) ordered.set(key, value);
  }
  const text = ordered.toString();
  history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}${location.hash}`);
}
