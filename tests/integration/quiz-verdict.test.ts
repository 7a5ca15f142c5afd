/**
 * A quiz answer's feedback shows the verdict given when it was answered (issue 11): the verdict and
 * the rule that accepted a typed answer are stored with it, so a later change to the checker or to
 * the accepted answers never rewrites an old attempt's verdict beside its stored score.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import { cards } from '@/db/schema';
import { createDeck } from '@/db/queries/authoring-decks';
import { saveItem } from '@/db/queries/authoring-items';
import { answerQuestion, quizResult, startQuiz } from '@/db/queries/quizzes';
import { emptyDraft } from '@/lib/content/item-form';
import { makeUser } from '../support/fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('stored quiz verdicts', () => {
  let author: { id: number };
  let deckId: string;
  let cardId: number;
  const setAccepted = async (answers: string[]) => {
    const e = await engine();
    const row = await e.get(
      sql`SELECT ${e.fragments.jsonText(cards.payload)} AS "payload" FROM ${cards} WHERE ${cards.id} = ${cardId}`,
      z.object({ payload: jsonText(z.record(z.string(), z.unknown())) }),
    );
    if (!row) throw new Error(`no card ${cardId}`);
    await e.run(sql`UPDATE ${cards} SET ${bare(cards.payload)} = ${e.fragments.json({ ...row.payload, answers })} WHERE ${cards.id} = ${cardId}`);
  };

  beforeAll(async () => {
    author = await makeUser('instructor');
    deckId = await createDeck(author, { title: 'Verdict deck', author: 'A', sourceUrl: 'https://example.org/v', description: 'd', sectionTitle: 'Introduction', sectionNotes: '' }, T0);
    await saveItem(author, deckId, undefined, { ...emptyDraft('typed', 'introduction'), question: 'How long did the peace last?', answers: '30 years', explanation: 'E', evidenceParagraph: '¶1' }, T0);
    const typed = await (await engine()).get(sql`SELECT ${cards.id} AS "id" FROM ${cards} WHERE ${cards.deckId} = ${deckId} AND ${cards.type} = 'typed'`, z.object({ id: int }));
    if (!typed) throw new Error('the typed item was not saved');
    cardId = typed.id;
  });

  it.each([
    // [typed, accepted then, accepted later, shown verdict, accepted-as note]
    ['three decades', ['30 years'], ['40 years'], true, { acceptedAs: '30 years', acceptedRule: 'number' }],
    ['30 years', ['30 years'], ['40 years'], true, {}],
    ['forty years', ['30 years'], ['30 years', '40 years'], false, {}],
  ] as const)('%j answered against %j, then graded against %j, still reads as it did', async (typed, then, laterAccepted, correct, note) => {
    await setAccepted([...then]);
    // The author quizzes themselves on their own deck (a fresh attempt per case).
    const student = author;
    const started = await startQuiz(student.id, { deckId, count: 1, feedback: 'immediate' }, later(1));
    if (!started.ok) throw new Error(started.message);
    const answered = await answerQuestion(student.id, started.attemptId, { cardId, response: typed }, later(2));
    if (!answered.ok) throw new Error(answered.message);
    expect(answered.feedback.correct).toBe(correct);
    expect(answered.feedback.acceptedAs).toBe('acceptedAs' in note ? note.acceptedAs : undefined);

    // The accepted answers change (as a new checker would judge differently); the attempt does not.
    await setAccepted([...laterAccepted]);
    const result = await quizResult(student.id, started.attemptId);
    const shown = result?.questions[0]?.feedback;
    expect(shown?.correct).toBe(correct);
    expect(shown?.acceptedAs).toBe('acceptedAs' in note ? note.acceptedAs : undefined);
    expect(shown?.acceptedRule).toBe('acceptedRule' in note ? note.acceptedRule : undefined);
    expect(result?.score.correct).toBe(correct ? 1 : 0);
    // Sending the same answer again returns the first verdict too.
    const again = await answerQuestion(student.id, started.attemptId, { cardId, response: typed }, later(3));
    expect(again.ok && again.duplicate && again.feedback.correct).toBe(correct);
  });
});
