/** The words that tell a student what a typed answer was accepted as, shared by review and quiz feedback. */
import type { TypedRule } from './check-typed';

const WHY: Record<Exclude<TypedRule, 'exact'>, string> = {
  typo: 'watch the spelling',
  number: 'the same number',
  date: 'the same date',
  title: 'the name without the title',
  noun: 'the name the question asks for',
  wording: 'the same name, worded differently',
  abbreviation: 'the name and its abbreviation agree',
  order: 'the same two, in another order',
};

/**
 * "Accepted as “2,500” (the same number)." for an answer a rule accepted; '' for an exact one.
 * @example acceptedNote('title', 'Tokayev') // 'Accepted as “Tokayev” (the name without the title).'
 */
export function acceptedNote(rule: TypedRule | undefined, acceptedAs: string | undefined): string {
  if (!rule || rule === 'exact' || !acceptedAs) return '';
  return `Accepted as “${acceptedAs}” (${WHY[rule]}).`;
}

/** A rule name read back from storage, if it is one of the rules above (an exact match stores none). */
export function storedAcceptedRule(raw: unknown): Exclude<TypedRule, 'exact'> | undefined {
  return typeof raw === 'string' && Object.hasOwn(WHY, raw) ? (raw as Exclude<TypedRule, 'exact'>) : undefined;
}
