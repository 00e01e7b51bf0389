// @ts-check
// The API key the person entered (header field), kept for this browser tab only and sent with every request (api.js):
// a workspace's key shows its private ties, an editor's key records asks. Signed in with a provider, the token is sent
// instead (sign-in.js) and the field is hidden.

const KEY_STORAGE = 'graphapi-editor-key';

/** The key entered in this tab, or '' for none. */
export function apiKey() {
  return (sessionStorage.getItem(KEY_STORAGE) ?? '').trim();
}

/** @param {string} key */
export function setApiKey(key) {
  const trimmed = key.trim();
  if (trimmed) sessionStorage.setItem(KEY_STORAGE, trimmed);
  else sessionStorage.removeItem(KEY_STORAGE);
}
