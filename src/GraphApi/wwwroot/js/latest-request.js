// A panel's requests, one at a time: a new one aborts the last; while it runs, the panel's button is disabled, its
// form says it is busy and the status line says what is happening; a failure shows in the panel's error line. An
// abort is not a failure: the request that replaced it reports instead.
import { isAbort } from './api.js';
import { showError } from './dom.js';

export class LatestRequest {
  /** parts: {status: Status, error: Element, button?: HTMLButtonElement, form?: Element} */
  constructor({ status, error, button, form }) {
    this.status = status;
    this.error = error;
    this.button = button;
    this.form = form;
    this.controller = null;
  }

  /**
   * Runs work(signal), which resolves to the status line's outcome. busy: the status meanwhile; failed: the status
   * on error; explain(error): the error line's text (the error's own message unless given).
   */
  async run({ busy, failed, explain = (error) => error.message }, work) {
    showError(this.error, '');
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.setBusy(true);
    const done = this.status.busy(busy);
    try {
      done(await work(controller.signal));
    } catch (error) {
      if (isAbort(error)) {
        done();
        return;
      }
      showError(this.error, explain(error));
      done(failed);
    } finally {
      if (this.controller === controller) this.setBusy(false);
    }
  }

  setBusy(busy) {
    if (this.button) this.button.disabled = busy;
    if (busy) this.form?.setAttribute('aria-busy', 'true');
    else this.form?.removeAttribute('aria-busy');
  }
}
