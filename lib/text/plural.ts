/**
 * The one way the app writes a count with its noun ("1 card", "2 cards"), through
 * Intl.PluralRules so the choice of form is the language's, not a `=== 1` test at each call.
 */
const rules = new Intl.PluralRules('en-GB');

/**
 * The noun in the form the count takes.
 * @example pluralWord(1, 'card') // 'card'
 * @example pluralWord(0, 'card') // 'cards'
 */
export function pluralWord(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === 'one' ? one : other;
}

/**
 * A count and its noun, the count grouped by thousands.
 * @example plural(1, 'review') // '1 review'
 * @example plural(2500, 'card') // '2,500 cards'
 * @example plural(3, 'child', 'children') // '3 children'
 */
export function plural(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${pluralWord(n, one, other)}`;
}
