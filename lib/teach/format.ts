/** How teaching numbers read on screen and in the gradebook: percents, fractions, empty values. */

/**
 * A 0–1 share as a whole percent, or an en dash for "no data".
 * @example percent(0.8682) // '87 %'
 */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

/**
 * A 0–1 share as a bare number of percent for CSV cells (one decimal), empty for no data.
 * @example percentNumber(0.8682) // '86.8'
 */
export function percentNumber(share: number | null | undefined): string {
  return share === null || share === undefined ? '' : (Math.round(share * 1000) / 10).toString();
}

/**
 * What an assignment covers, in one line.
 * @example assignmentLabel({ deckTitle: 'War for Peace: How Moscow…', sectionTitles: ['Introduction'] }) // 'War for Peace: Introduction'
 */
export function assignmentLabel(a: { deckTitle: string; sectionTitles: readonly string[] }): string {
  const deck = shortTitle(a.deckTitle);
  return a.sectionTitles.length === 0 ? `${deck} (whole deck)` : `${deck}: ${a.sectionTitles.join(', ')}`;
}

/**
 * A deck title without its subtitle, for labels that repeat it.
 * @example shortTitle('War for Peace: How Moscow Expands Its Clout') // 'War for Peace'
 */
export function shortTitle(title: string): string {
  const head = title.split(':')[0]?.trim() ?? title;
  return head.length >= 3 ? head : title;
}

/**
 * An assignment's goals, in one line.
 * @example goalsText({ goalQuizScore: 80, goalRecall: 0.85 }) // 'every card studied · quiz ≥ 80 % · predicted recall ≥ 85 %'
 */
export function goalsText(a: { goalQuizScore: number | null; goalRecall: number | null }): string {
  // Cards, as the deck list counts them (an item with three cloze gaps is three cards).
  const goals = ['every card studied'];
  if (a.goalQuizScore !== null) goals.push(`quiz ≥ ${a.goalQuizScore} %`);
  if (a.goalRecall !== null) goals.push(`predicted recall ≥ ${Math.round(a.goalRecall * 100)} %`);
  return goals.join(' · ');
}
