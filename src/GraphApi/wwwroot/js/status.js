// @ts-check
// The page's one status line (an aria-live region): what is loading, then what happened.
export class Status {
  /** @param {HTMLElement} node */
  constructor(node) {
    this.node = node;
    this.pending = 0;
  }

  /**
   * Shows a loading message; call the returned function with the outcome when done (with none to leave the line as it is).
   * @param {string} text
   * @returns {(outcome?: string) => void}
   */
  busy(text) {
    this.pending++;
    this.show(text, true);
    let finished = false;
    return (outcome) => {
      if (finished) return;
      finished = true;
      this.pending--;
      this.show(outcome ?? this.node.textContent ?? '', this.pending > 0);
    };
  }

  /** @param {string} text @param {boolean} [busy] */
  show(text, busy = false) {
    this.node.textContent = text;
    this.node.classList.toggle('busy', busy);
    document.body.setAttribute('aria-busy', String(busy));
  }
}
