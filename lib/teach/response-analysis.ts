/**
 * Response analysis of one item, as Moodle's quiz statistics show it: for a choice item every
 * option with how many chose it, for a typed item every distinct answer with how many gave it,
 * each split by where it was given (quizzes, review sessions) and together. Pure: the db layer
 * (db/queries/response-analysis.ts) supplies the answers, already decoded to option indices.
 */
import { canonical } from '@/lib/quiz/typed/check-typed';

export type ResponseSource = 'quiz' | 'review';

export interface SplitCount {
  quiz: number;
  review: number;
  total: number;
}

export interface OptionResponses extends SplitCount {
  index: number;
  text: string;
  correct: boolean;
}

export interface TypedResponses extends SplitCount {
  /** The form typed most often (ties: the first seen) of answers equal after the checker's normalisation. */
  answer: string;
  /** Whether these answers were accepted (the verdict they were given, in a quiz or a review session). */
  correct: boolean;
}

/** Share of right answers, per source and together; null without answers. */
export interface Facility {
  quiz: number | null;
  review: number | null;
  total: number | null;
}

export interface ChoiceAnswer {
  source: ResponseSource;
  /** The option's index in the card (lib/quiz/choice-options.ts). */
  index: number;
}

export interface TypedAnswer {
  source: ResponseSource;
  text: string;
  correct: boolean;
}

const split = (): SplitCount => ({ quiz: 0, review: 0, total: 0 });

function add(c: SplitCount, source: ResponseSource): void {
  c[source] += 1;
  c.total += 1;
}

/**
 * Every option of a choice item, in the card's order, with how often it was chosen; answers
 * pointing past the options (the item was edited since) are left out.
 * @example optionResponses(['A', 'B'], 1, [{ source: 'quiz', index: 1 }, { source: 'review', index: 0 }])
 * // [{ index: 0, text: 'A', correct: false, quiz: 0, review: 1, total: 1 }, { index: 1, text: 'B', correct: true, quiz: 1, review: 0, total: 1 }]
 */
export function optionResponses(texts: readonly string[], correctIndex: number, answers: readonly ChoiceAnswer[]): OptionResponses[] {
  const rows = texts.map((text, index) => ({ index, text, correct: index === correctIndex, ...split() }));
  for (const a of answers) {
    const row = rows[a.index];
    if (row) add(row, a.source);
  }
  return rows;
}

/**
 * The distinct typed answers, most given first (then accepted first, then alphabetically).
 * Answers that normalise to nothing (only punctuation) are left out.
 * @example typedResponses([{ source: 'quiz', text: 'Putin.', correct: false }, { source: 'review', text: 'putin', correct: false }, { source: 'review', text: 'Putin.', correct: false }])
 * // [{ answer: 'Putin.', correct: false, quiz: 1, review: 2, total: 3 }]
 */
export function typedResponses(answers: readonly TypedAnswer[]): TypedResponses[] {
  // A form accepted in a quiz and the same form marked wrong elsewhere (the accepted answers changed
  // in between) are told apart: the verdict is part of the key.
  const groups = new Map<string, SplitCount & { correct: boolean; forms: Map<string, number> }>();
  for (const a of answers) {
    const norm = canonical(a.text);
    if (!norm) continue;
    const key = `${a.correct ? 1 : 0}:${norm}`;
    const g = groups.get(key) ?? { correct: a.correct, forms: new Map<string, number>(), ...split() };
    groups.set(key, g);
    const form = a.text.trim();
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    add(g, a.source);
  }
  return [...groups.values()]
    .map(({ forms, ...g }) => {
      let answer = '';
      let best = 0;
      for (const [form, n] of forms) if (n > best) [answer, best] = [form, n];
      return { answer, ...g };
    })
    .sort((a, b) => b.total - a.total || Number(b.correct) - Number(a.correct) || a.answer.localeCompare(b.answer));
}

/**
 * Facility per source and together, from (answers, right) counts.
 * @example facility({ answers: 4, correct: 1 }, { answers: 1, correct: 1 }) // { quiz: 0.25, review: 1, total: 0.4 }
 */
export function facility(quiz: { answers: number; correct: number }, review: { answers: number; correct: number }): Facility {
  const share = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    quiz: share(quiz.correct, quiz.answers),
    review: share(review.correct, review.answers),
    total: share(quiz.correct + review.correct, quiz.answers + review.answers),
  };
}

/** One objective item of an assignment with the class's responses (db/queries/response-analysis.ts). */
export type ResponseItemType = 'mcq' | 'truefalse' | 'typed';

export interface ItemResponses {
  cardId: number;
  itemId: string;
  type: ResponseItemType;
  prompt: string;
  sectionTitle: string;
  facility: Facility;
  /** Quiz answers, and review answers with a verdict (every choice and typed answer since migration 0019). */
  answers: { quiz: number; review: number };
  discrimination: number | null;
  discriminationStudents: number;
  /** Choice items: every option, in the card's order. */
  options: OptionResponses[] | null;
  /** Typed items: the distinct answers, most given first. */
  typed: TypedResponses[] | null;
}
