// @ts-check
// "We know them": from an actor's details, a member of a workspace with the editor role records a tie only the
// workspace sees — between this actor and one of ours (any actor the member can find, the route's source offered
// first) — as POST /api/relationships with "visibility":"private". The API's problem is shown when it refuses.
import { api, data } from './api.js';
import { ActorCombobox } from './combobox.js';
import { el, formatNumber, showError } from './dom.js';

/** @typedef {import('./types.js').Actor} Actor */
/** @typedef {import('./types.js').ActorSummary} ActorSummary */
/** @typedef {import('./types.js').Relationship} Relationship */
/** @typedef {import('./types.js').Schemas['RelationshipInput']} RelationshipInput */
/** @typedef {import('./catalogue.js').Catalogues} Catalogues */

let forms = 0;

/**
 * The "We know them" button and its form (hidden until asked for).
 * @param {Actor} actor the actor we know
 * @param {{workspaceName: string, source: ActorSummary | null, catalogues: Catalogues, added(tie: Relationship, from: ActorSummary): unknown}} context
 */
export function weKnowThem(actor, context) {
  const n = ++forms;
  /** @type {ActorSummary | null} */
  let from = context.source && context.source.id !== actor.id ? context.source : null;
  const chosen = el('p', { class: 'chosen', text: from ? `Chosen: ${from.name} (${from.id})` : '' });
  const fromInput = el('input', { id: `know-from-${n}`, type: 'text', autocomplete: 'off', spellcheck: false, value: from?.name ?? '' });
  const combo = el('div', { class: 'field combo' },
    el('label', { for: `know-from-${n}`, text: `Who of ours knows ${actor.name}` }),
    fromInput, el('ul', { class: 'listbox', attrs: { role: 'listbox' }, hidden: true }), el('p', { class: 'hint combo-status', attrs: { 'aria-live': 'polite' } }), chosen);
  new ActorCombobox(combo, (picked) => {
    from = picked;
    fromInput.value = picked.name;
    chosen.textContent = `Chosen: ${picked.name} (${picked.id})`;
  });
  const type = el('select', { id: `know-type-${n}`, class: 'know-type' }, context.catalogues.types.map((t) =>
    new Option(`${t.name} (strength ${formatNumber(t.strength)})`, t.name, t.name === 'MET_AT', t.name === 'MET_AT')));
  const note = el('input', { id: `know-note-${n}`, class: 'know-note', type: 'text', placeholder: 'e.g. our director met their team at a fair' });
  const error = el('p', { class: 'error', attrs: { role: 'alert' }, hidden: true });
  const submit = el('button', { type: 'submit', class: 'know-submit', text: 'Add our private tie' });
  const form = el('form', {
    class: 'stack we-know-them', hidden: true, attrs: { 'aria-label': `A private tie of ${context.workspaceName} with ${actor.name}` },
    on: { submit: (/** @type {Event} */ event) => { event.preventDefault(); send(); } },
  },
  el('p', { class: 'hint', text: `Only ${context.workspaceName} sees this tie; your routes use it at once.` }),
  combo,
  el('div', { class: 'field' }, el('label', { for: `know-type-${n}`, text: 'Type' }), type),
  el('div', { class: 'field' }, el('label', { for: `know-note-${n}`, text: 'Note (optional)' }), note),
  el('div', { class: 'button-row' }, submit), error);

  async function send() {
    if (!from || fromInput.value !== from.name) {
      fromInput.setAttribute('aria-invalid', 'true');
      showError(error, 'Choose who of ours knows them from the search results.');
      return;
    }
    fromInput.removeAttribute('aria-invalid');
    showError(error, '');
    submit.disabled = true;
    /** @type {RelationshipInput} */
    const body = { source: from.id, target: actor.id, type: /** @type {RelationshipInput['type']} */ (type.value), note: note.value.trim() || undefined, visibility: 'private' };
    try {
      const tie = await data(api.POST('/api/relationships', { body }));
      form.hidden = true;
      await context.added(tie, from);
    } catch (problem) {
      // The API's own words: a 400 names each field, a 403 the role needed.
      showError(error, problem instanceof Error ? problem.message : String(problem));
    } finally {
      submit.disabled = false;
    }
  }

  const open = el('button', {
    type: 'button', class: 'secondary know-them', text: 'We know them', attrs: { 'aria-expanded': 'false', 'aria-label': `We know ${actor.name}: add a private tie` },
    on: {
      click: () => {
        form.hidden = !form.hidden;
        open.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) fromInput.focus();
      },
    },
  });
  return [open, form];
}
