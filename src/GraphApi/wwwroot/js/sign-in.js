// @ts-check
// Sign-in with the deployment's identity provider: the standard authorization code flow with PKCE (oidc-client-ts,
// installed by npm at build time), when GET /api/explorer-config names a provider. The page then sends the access
// token (api.js) instead of an API key, and hides the key box; without a provider nothing changes and the key box
// stays. The provider redirects back to this same page, whose address must be allowed for the explorer's client.
import { loadLibrary } from './library.js';

/**
 * The parts of oidc-client-ts this page uses: the library is loaded as a script (library.js), so they are typed here.
 * @typedef {{ access_token: string, expired?: boolean, profile?: { preferred_username?: string, name?: string, sub?: string } }} OidcUser
 * @typedef {{ addUserLoaded(cb: (user: OidcUser) => void): void, addUserUnloaded(cb: () => void): void,
 *   addAccessTokenExpired(cb: () => void): void }} OidcEvents
 * @typedef {{ events: OidcEvents, signinRedirectCallback(url?: string): Promise<OidcUser>, getUser(): Promise<OidcUser | null>,
 *   signinRedirect(): Promise<void>, signoutRedirect(): Promise<void>, removeUser(): Promise<void> }} OidcUserManager
 * @typedef {{ UserManager: new (settings: Record<string, unknown>) => OidcUserManager,
 *   WebStorageStateStore: new (options: { store: Storage }) => unknown }} OidcLibrary
 * @typedef {{ signIn?: { authority: string, clientId: string, scope?: string } }} ExplorerConfig
 */

const LIBRARY = 'lib/oidc-client-ts.min.js';
// The address the provider sent the person back to, read before anything awaits: the explorer writes its own state
// into the address as it starts, which would otherwise drop the code and state of a sign-in coming back.
const returnedTo = location.href;
/** @type {OidcUserManager | null} */
let manager = null;
/** @type {OidcUser | null} */
let user = null;

/** The signed-in person's access token while it is valid, else null (then a key, if any, is sent). */
export function bearerToken() {
  return user && !user.expired ? user.access_token : null;
}

/**
 * Reads the sign-in setup and, where there is a provider, finishes a sign-in that just came back from it.
 * @param {HTMLElement} box
 */
async function start(box) {
  /** @type {ExplorerConfig | null} */
  let config;
  try {
    const response = await fetch('/api/explorer-config', { headers: { Accept: 'application/json' } });
    config = response.ok ? await response.json() : null;
  } catch {
    config = null; // the server is down: the page says so on its first real request
  }
  if (!config?.signIn) return;
  const oidc = /** @type {OidcLibrary | null} */ (await loadLibrary(LIBRARY, 'oidc'));
  box.hidden = false;
  if (!oidc) {
    box.textContent = 'Sign-in library missing: install Node.js (with npm) and rebuild GraphApi; an API key still works.';
    return;
  }
  const here = `${location.origin}${location.pathname}`;
  const users = new oidc.UserManager({
    authority: config.signIn.authority,
    client_id: config.signIn.clientId,
    scope: config.signIn.scope,
    redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    // Tokens stay in this tab only (sessionStorage) and are renewed before they expire.
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
  });
  manager = users;
  users.events.addUserLoaded((loaded) => { user = loaded; render(box); });
  users.events.addUserUnloaded(() => { user = null; render(box); });
  users.events.addAccessTokenExpired(() => { user = null; render(box); });
  const params = new URL(returnedTo).searchParams;
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    try {
      user = await users.signinRedirectCallback(returnedTo);
    } catch (error) {
      render(box, `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
      forgetSignInParameters();
      return;
    }
    forgetSignInParameters();
  } else {
    user = await users.getUser();
  }
  render(box);
}

/** Takes the provider's one-time parameters out of the address, keeping whatever the explorer put there. */
function forgetSignInParameters() {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'session_state', 'iss', 'error', 'error_description']) url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
}

/** @param {HTMLElement} box @param {string} [problem] */
function render(box, problem = '') {
  const signedIn = bearerToken() !== null;
  const who = user?.profile?.preferred_username ?? user?.profile?.name ?? user?.profile?.sub;
  const text = document.createElement('span');
  text.className = 'hint';
  text.textContent = problem || (signedIn ? `Signed in as ${who}` : 'Not signed in');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.id = signedIn ? 'sign-out' : 'sign-in-button';
  button.textContent = signedIn ? 'Sign out' : 'Sign in';
  // A provider without an end-session endpoint cannot sign the person out everywhere: then this tab forgets the tokens.
  const users = manager;
  if (users) {
    const signOut = () => users.signoutRedirect().catch(() => users.removeUser());
    button.addEventListener('click', () => (signedIn ? signOut() : users.signinRedirect()));
  }
  box.replaceChildren(text, ' ', button);
  // Signed in, the token carries the role and the workspace: the key box is not needed.
  const keyField = /** @type {HTMLElement | null | undefined} */ (document.getElementById('api-key')?.closest('.field'));
  if (keyField) keyField.hidden = signedIn;
  // Who the page answers for may have changed: workspace.js asks the API again.
  window.dispatchEvent(new Event(CALLER_CHANGED));
}

/** The event sent whenever the credentials the page sends change (sign-in, sign-out, another key). */
export const CALLER_CHANGED = 'graphapi:caller-changed';

const box = document.getElementById('sign-in');
if (box) start(box);
