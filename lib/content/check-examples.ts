/**
 * Runs a typed item's example answers through the answer checker the app grades with
 * (lib/quiz/typed), so an author learns at `npm run content:check` that a fair answer would be
 * marked wrong, or a wrong one right, before a student does.
 */
import { gradeTyped } from '@/lib/quiz/grade';
import { acceptedNote } from '@/lib/quiz/typed/accepted-note';
import type { Item } from './schema';

type TypedItem = Extract<Item, { type: 'typed' }>;

export interface ExampleMismatch {
  list: 'accept' | 'reject';
  answer: string;
  message: string;
}

/**
 * Every example the checker judges otherwise than the author says; empty when all agree.
 * @example exampleMismatches({ question: 'How many troops?', answers: ['2,500'], examples: { reject: ['2,500 troops'] } })[0]?.message
 * // 'example “2,500 troops” must be rejected, but the checker accepts it: Accepted as “2,500” (the same number).'
 */
export function exampleMismatches(item: Pick<TypedItem, 'question' | 'answers' | 'examples'>): ExampleMismatch[] {
  const out: ExampleMismatch[] = [];
  for (const answer of item.examples?.accept ?? []) {
    const v = gradeTyped(answer, item.answers, item.question);
    if (!v.correct) out.push({ list: 'accept', answer, message: `example “${answer}” must be accepted, but the checker marks it wrong (accepted answers: ${item.answers.join(', ')})` });
  }
  for (const answer of item.examples?.reject ?? []) {
    const v = gradeTyped(answer, item.answers, item.question);
    const how = v.rule === 'exact' ? ' as written' : `: ${acceptedNote(v.rule, v.acceptedAs)}`;
    if (v.correct) out.push({ list: 'reject', answer, message: `example “${answer}” must be rejected, but the checker accepts it${how}` });
  }
  return out;
}
