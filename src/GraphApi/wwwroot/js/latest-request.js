// @ts-check
// A panel's requests, one at a time: a new one aborts the last; while it runs, the panel's button is disabled, its
// form says it is busy and the status line says what is happening; a failure shows in the panel's error line. An
// abort is not a failure: the request that replaced it reports instead. Every panel that calls the API uses one.
import { isAbort } from './api.js';
import { showError } from './dom.js';

/** @typedef {import('./status.js').Status} Status */

export class LatestRequest {
  /** @param {{status: Status, error: HTMLElement, button?: HTMLButtonElement, form?: Element}} parts */
  constructor({ status, error, button, form }) {
    this.status = status;
    this.error = error;
    this.button = button;
    this.form = form;
    /** @type {AbortController | null} */
    this.controller = null;
  }

  /**
   * Runs work(signal), which resolves to the status line's outcome. busy: the status meanwhile (none: run quietly);
   * failed: the status on error; explain(error): the error line's text (the error's own message unless given).
   * Resolves to whether the work finished (not replaced, not failed).
   * @param {{busy?: string, failed?: string, explain?: (error: Error) => string}} messages
   * @param {(signal: AbortSignal) => Promise<string | undefined | void>} work
   * @returns {Promise<boolean>}
   */
  async run({ busy, failed, explain = (error) => error.message }, work) {
    showError(this.error, '');
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.setBusy(true);
    const done = busy ? this.status.busy(busy) : () => {};
    try {
      done((await work(controller.signal)) ?? undefined);
      return !controller.signal.aborted;
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) {
        done();
        return false;
      }
      showError(this.error, explain(error instanceof Error ? error : new Error(String(error))));
      done(failed);
      return false;
    } finally {
      if (this.controller === controller) this.setBusy(false);
    }
  }

  /** Stops the running request, if any. */
  cancel() {
    this.controller?.abort();
  }

  /** @param {boolean} busy */
  setBusy(busy) {
    if (this.button) this.button.disabled = busy;
    if (busy) this.form?.setAttribute('aria-busy', 'true');
    else this.form?.removeAttribute('aria-busy');
  }
}
