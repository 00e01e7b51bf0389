// @ts-check
// "Who am I": the page asks GET /api/me at the start and whenever the credentials change (a key entered at the top of
// the page, a sign-in or sign-out), shows a member of a workspace its name in the header, and offers members the
// analyses' scope ("Public network" / "With our ties"). An anonymous page, or a key of the public graph only, sees
// none of it: the API answers them from the public graph alone.
import { api, data } from './api.js';
import { apiKey, setApiKey } from './credentials.js';
import { byId, clear, el, input } from './dom.js';
import { CALLER_CHANGED } from './sign-in.js';

/** @typedef {import('./types.js').Caller} Caller */
/** @typedef {'public' | 'workspace'} Scope */

/** @type {Caller} */
const ANONYMOUS = { anonymous: true, roles: [] };

export class WhoAmI {
  /**
   * @param {(caller: Caller, before: Caller) => unknown} onChange called after each answer, with the one before it
   * @param {(scope: Scope) => unknown} onScope called when a member switches the analyses' scope
   */
  constructor(onChange, onScope) {
    /** @type {Caller} */
    this.caller = ANONYMOUS;
    this.onChange = onChange;
    this.box = byId('workspace');
    this.scopeField = byId('analysis-scope');
    /** @type {Promise<{caller: Caller, problem: string | null}> | null} */
    this.pending = null;
    // Counts the credential changes: a panel that fetched with the credentials of now need not fetch again when the
    // answer to "who am I" arrives (a request made meanwhile already carried them).
    this.credentials = 0;
    const key = input('api-key');
    key.value = apiKey();
    key.addEventListener('change', () => {
      setApiKey(key.value);
      window.dispatchEvent(new Event(CALLER_CHANGED));
    });
    window.addEventListener(CALLER_CHANGED, () => {
      this.credentials += 1;
      this.load();
    });
    for (const radio of this.scopeField.querySelectorAll('input')) {
      radio.addEventListener('change', () => onScope(/** @type {Scope} */ (/** @type {HTMLInputElement} */ (radio).value)));
    }
  }

  /** The caller's workspace ({id, name}), or null for the public graph only. */
  get workspace() { return this.caller.workspace ?? null; }

  get member() { return this.workspace !== null; }

  /** Whether the caller may write (add a private tie). */
  get editor() { return this.caller.roles.includes('editor'); }

  /** Asks the API who the page's credentials belong to; the latest answer wins. */
  async load() {
    const pending = this.read();
    this.pending = pending;
    const { caller, problem } = await pending;
    if (pending !== this.pending) return;
    this.render(caller, problem);
    const before = this.caller;
    this.caller = caller;
    await this.onChange(caller, before);
  }

  /** @returns {Promise<{caller: Caller, problem: string | null}>} */
  async read() {
    try {
      return { caller: await data(api.GET('/api/me')), problem: null };
    } catch (error) {
      // A key the API refuses is refused everywhere: say so where the key was entered.
      return { caller: ANONYMOUS, problem: `The API key or sign-in was not accepted: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** @param {Caller} caller @param {string | null} problem */
  render(caller, problem) {
    const workspace = caller.workspace;
    this.box.hidden = !workspace && !problem;
    this.box.className = problem ? 'workspace error' : 'workspace';
    this.box.dataset.workspace = workspace?.id ?? '';
    if (problem) clear(this.box, problem);
    else if (workspace) {
      clear(this.box, el('span', { class: 'visually-hidden', text: 'Your workspace: ' }),
        el('span', { class: 'badge private', text: 'our network', attrs: { 'aria-hidden': 'true' } }), ' ',
        el('strong', { class: 'workspace-name', text: workspace.name }),
        el('span', { class: 'hint', text: ` · ${caller.roles.at(-1) ?? 'no role'} · our private ties: purple, dash-dotted, labelled “private”` }));
    } else clear(this.box);
    this.scopeField.hidden = !workspace;
  }

  /** Shows the scope chosen (from a link, or back to public for a caller without a workspace). @param {Scope} scope */
  showScope(scope) {
    const radio = /** @type {HTMLInputElement | null} */ (this.scopeField.querySelector(`input[value="${scope}"]`));
    if (radio) radio.checked = true;
  }
}
