// @ts-check
// Whether a route is believable, step by step, in words a cluster manager can weigh: a step is marked when its tie is
// weak (stated strength below WEAK_BELOW), inferred (not stated by a source), of a type that rarely carries an
// introduction (it says where an actor is, not that anyone there would pass an ask on), or assumed (what-if); a route
// is marked when it passes through a person (one individual carries the ask). The score is said as a chance.
import { el, formatNumber } from './dom.js';

/** @typedef {import('./types.js').ShownRoute} ShownRoute */
/** @typedef {import('./types.js').ShownStep} ShownStep */
/** @typedef {import('./dom.js').Child} Child */

/** A step whose tie is weaker than this is marked weak (the catalogue's MOU is 0.9, MET_AT 0.5). */
export const WEAK_BELOW = 0.5;

/** Types that record where an actor is: such a tie rarely carries an introduction. */
export const RARELY_INTRODUCES = new Set(['LOCATED_IN']);

/** @typedef {{key: 'weak' | 'inferred' | 'rare' | 'assumed', label: string, why: string}} StepFlag */

/** @param {ShownStep} step @returns {StepFlag[]} */
export function stepFlags(step) {
  /** @type {StepFlag[]} */
  const flags = [];
  if (step.assumed) flags.push({ key: 'assumed', label: 'assumed', why: 'a tie you would make: it does not exist yet' });
  if (!step.assumed && step.strength < WEAK_BELOW) {
    flags.push({ key: 'weak', label: 'weak', why: `strength ${formatNumber(step.strength)}, below ${WEAK_BELOW}` });
  }
  if (step.inferred && !step.assumed) flags.push({ key: 'inferred', label: 'inferred', why: 'inferred, not stated by a source' });
  if (RARELY_INTRODUCES.has(step.type)) {
    flags.push({ key: 'rare', label: 'rarely introduces', why: `${step.type} says where an actor is, not that anyone there would pass an ask on` });
  }
  return flags;
}

/**
 * The people a route passes through (not its ends): each carries the ask alone.
 * @param {ShownRoute} route
 * @param {(id: string) => {name: string, kind?: string} | undefined} actorOf
 */
export function peopleOn(route, actorOf) {
  return route.actors.slice(1, -1).map(actorOf).filter((actor) => actor?.kind === 'Person').map((actor) => actor?.name ?? '');
}

/**
 * "about 8 in 100 that this chain carries the ask, by the stated strengths"
 * @param {number} score @param {'stated' | 'learned'} strengths
 */
export function chanceInWords(score, strengths) {
  const by = strengths === 'learned' ? 'by the strengths learned from the ledger' : 'by the stated strengths';
  const percent = Math.round(score * 100);
  const chance = score * 100 < 0.5 ? 'less than 1 in 100' : percent >= 100 ? 'almost certain' : `about ${percent} in 100`;
  return `${chance} that this chain carries the ask, ${by}`;
}

/** "about 8 in 100" alone, for tight spaces. @param {number} score */
export const chanceShort = (score) => (score * 100 < 0.5 ? '< 1 in 100' : `about ${Math.min(100, Math.round(score * 100))} in 100`);

/** The badges of a step. @param {StepFlag[]} flags */
export const flagBadges = (flags) =>
  flags.map((flag) => el('span', { class: `badge flag-${flag.key}`, title: flag.why, text: flag.label }));

/**
 * One line on what to weigh before asking: "Check: 1 weak step (LOCATED_IN, 0.30), passes through a person (Geunwoo Ryu)".
 * @param {ShownRoute} route @param {string[]} people
 * @returns {HTMLElement | null}
 */
export function cautionLine(route, people) {
  const flagged = route.steps.map((step) => ({ step, flags: stepFlags(step).filter((flag) => flag.key !== 'assumed') }))
    .filter((entry) => entry.flags.length > 0);
  /** @type {Child[]} */
  const parts = flagged.map(({ step, flags }) => `${step.type} ${formatNumber(step.strength)} (${flags.map((f) => f.label).join(', ')})`);
  if (people.length > 0) parts.push(`passes through ${people.length === 1 ? 'a person' : 'people'}: ${people.join(', ')}`);
  if (parts.length === 0) return el('p', { class: 'caution ok', text: 'Every step is a stated tie of strength 0.5 or more.' });
  return el('p', { class: 'caution' }, el('strong', { text: 'Weigh before asking: ' }), parts.join('; '));
}
