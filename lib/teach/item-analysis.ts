/**
 * Per-item (card) class statistics: how hard an item is in review and in quizzes, and whether it
 * looks broken (a question most of the class gets wrong, or a wrong option that beats the key).
 * Pure: the db layer supplies counts grouped by card.
 */
import { POOR_DISCRIMINATION, discriminatesPoorly, type Discrimination } from './discrimination';

/** Fewer answers than this say too little about an item to flag it. */
export const MIN_ANSWERS_TO_FLAG = 5;
/** Below this share of correct quiz answers an item is flagged as possibly broken. */
export const LOW_FACILITY = 0.3;

export type ItemFlag = 'low-facility' | 'distractor-beats-key' | 'poor-discrimination';

export const FLAG_LABEL: Record<ItemFlag, string> = {
  'low-facility': `Under ${LOW_FACILITY * 100} % answer it right`,
  'distractor-beats-key': 'A wrong option is chosen more than the right one',
  'poor-discrimination': `Strong and weak students get it right about equally often (discrimination under ${POOR_DISCRIMINATION})`,
};

export interface ItemQuizCounts {
  answers: number;
  correct: number;
  /** mcq only: how often each original option index was chosen (right and wrong). */
  choiceCounts: ReadonlyMap<number, number>;
  /** mcq only: the index of the right option; null for other types. */
  correctIndex: number | null;
  /** The discrimination index over the students who answered it (lib/teach/discrimination.ts). */
  discrimination?: Discrimination;
}

export interface ItemQuizAnalysis {
  /** Share of quiz answers that were right, null without answers. */
  facility: number | null;
  /** mcq: the wrong option chosen most often (ties: the lower index), null if none was. */
  topWrongChoice: { index: number; count: number } | null;
  /** Item score vs rest-of-quizzes score correlation; null without enough varied answers. */
  discrimination: number | null;
  /** How many students the discrimination index rests on. */
  discriminationStudents: number;
  flags: ItemFlag[];
}

/**
 * @example analyseItemQuiz({ answers: 6, correct: 1, choiceCounts: new Map([[0, 1], [2, 5]]), correctIndex: 0 })
 * // { facility: 0.1667, topWrongChoice: { index: 2, count: 5 }, discrimination: null, discriminationStudents: 0, flags: ['low-facility', 'distractor-beats-key'] }
 */
export function analyseItemQuiz(counts: ItemQuizCounts): ItemQuizAnalysis {
  const facility = counts.answers === 0 ? null : counts.correct / counts.answers;
  let topWrongChoice: ItemQuizAnalysis['topWrongChoice'] = null;
  for (const [index, count] of [...counts.choiceCounts].sort((a, b) => a[0] - b[0])) {
    if (index === counts.correctIndex || count <= 0) continue;
    if (!topWrongChoice || count > topWrongChoice.count) topWrongChoice = { index, count };
  }
  const flags: ItemFlag[] = [];
  if (counts.answers >= MIN_ANSWERS_TO_FLAG) {
    if (facility !== null && facility < LOW_FACILITY) flags.push('low-facility');
    const keyCount = counts.correctIndex === null ? 0 : (counts.choiceCounts.get(counts.correctIndex) ?? 0);
    if (counts.correctIndex !== null && topWrongChoice && topWrongChoice.count > keyCount) flags.push('distractor-beats-key');
  }
  // Its own minimum (students, not answers): the index is a correlation across students.
  if (discriminatesPoorly(counts.discrimination)) flags.push('poor-discrimination');
  return { facility, topWrongChoice, discrimination: counts.discrimination?.index ?? null, discriminationStudents: counts.discrimination?.students ?? 0, flags };
}

/**
 * Class-wide lapse rate: of the reviews made while the card was in the Review state (it had
 * graduated from learning), the share graded Again (FSRS counts exactly those as lapses).
 * Null when nobody has reviewed it in the Review state yet.
 * @example lapseRate(2, 8) // 0.25
 */
export function lapseRate(lapses: number, reviewStateReviews: number): number | null {
  return reviewStateReviews === 0 ? null : lapses / reviewStateReviews;
}

export interface ItemAnalytics extends ItemQuizAnalysis {
  cardId: number;
  itemId: string;
  type: string;
  prompt: string;
  sectionTitle: string;
  /** Students on the roster who have reviewed the item at least once. */
  studiedBy: number;
  lapseRate: number | null;
  quizAnswers: number;
  /** Text of the most chosen wrong option (mcq), for the instructor to read. */
  topWrongText: string | null;
}

interface ItemFacts {
  cards: readonly { cardId: number; itemId: string; type: string; prompt: string; sectionTitle: string; studiedBy: number; matureAll: number; lapsesAll: number }[];
}

/**
 * One row per assigned item. `quiz` holds the class's quiz counts per card and `optionTexts`
 * the mcq options per card (to name the most chosen wrong one).
 */
export function itemAnalytics(facts: ItemFacts, quiz: ReadonlyMap<number, ItemQuizCounts>, optionTexts: ReadonlyMap<number, string[]>): ItemAnalytics[] {
  return facts.cards.map((c) => {
    const counts = quiz.get(c.cardId) ?? { answers: 0, correct: 0, choiceCounts: new Map(), correctIndex: null };
    const analysis = analyseItemQuiz(counts);
    return {
      cardId: c.cardId,
      itemId: c.itemId,
      type: c.type,
      prompt: c.prompt,
      sectionTitle: c.sectionTitle,
      studiedBy: c.studiedBy,
      lapseRate: lapseRate(c.lapsesAll, c.matureAll),
      quizAnswers: counts.answers,
      topWrongText: analysis.topWrongChoice ? (optionTexts.get(c.cardId)?.[analysis.topWrongChoice.index] ?? null) : null,
      ...analysis,
    };
  });
}
