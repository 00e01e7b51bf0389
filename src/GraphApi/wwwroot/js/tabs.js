// @ts-check
// WAI-ARIA tabs: one tab stop; ArrowLeft/ArrowRight/Home/End move between tabs and show their panels.
// onSelect(name) hears which tab was chosen (name = the tab's id without "tab-").

/** @param {HTMLElement} root @param {(name: string) => void} [onSelect] */
export function setUpTabs(root, onSelect = () => {}) {
  const tabs = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('[role="tab"]')]);

  /** @param {HTMLElement} tab @param {boolean} [focus] */
  function select(tab, focus = false) {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
    onSelect(tab.id.replace(/^tab-/, ''));
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const index = tabs.indexOf(tab);
      /** @type {Record<string, number>} */
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  }

  return {
    /** Shows the tab of this name (an unknown name shows the first). @param {string} name */
    select: (name) => select(tabs.find((tab) => tab.id === `tab-${name}`) ?? tabs[0]),
  };
}
