// WAI-ARIA tabs: one tab stop; ArrowLeft/ArrowRight/Home/End move between tabs and show their panels.
// onSelect(name) hears which tab was chosen (name = the tab's id without "tab-").
export function setUpTabs(root, onSelect = () => {}) {
  const tabs = [...root.querySelectorAll('[role="tab"]')];

  function select(tab, focus = false) {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    onSelect(tab.id.replace(/^tab-/, ''));
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const index = tabs.indexOf(tab);
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  }

  return { select: (name) => select(tabs.find((tab) => tab.id === `tab-${name}`)) };
}
