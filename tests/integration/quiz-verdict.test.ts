/**
 * A quiz answer's feedback shows the verdict given when it was answered (issue 11): the verdict and
 * the rule that accepted a typed answer are stored with it, so a later change to the checker or to
 * the accepted answers never rewrites an old attempt's verdict beside its stored score.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
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
  const setAccepted = (answers: string[]) => {
    const row = db.$client.prepare('SELECT payload FROM cards WHERE id = ?').get(cardId) as { payload: string };
    db.$client.prepare('UPDATE cards SET payload = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.payload), answers }), cardId);
  };

  beforeAll(async () => {
    author = await makeUser('instructor');
    deckId = await createDeck(author, { title: 'Verdict deck', author: 'A', sourceUrl: 'https://example.org/v', description: 'd', sectionTitle: 'Introduction', sectionNotes: '' }, T0);
    await saveItem(author, deckId, undefined, { ...emptyDraft('typed', 'introduction'), question: 'How long did the peace last?', answers: '30 years', explanation: 'E', evidenceParagraph: '¶1' }, T0);
    cardId = (db.$client.prepare("SELECT id FROM cards WHERE deck_id = ? AND type = 'typed'").get(deckId) as { id: number }).id;
  });

  it.each([
    // [typed, accepted then, accepted later, shown verdict, accepted-as note]
    ['three decades', ['30 years'], ['40 years'], true, { acceptedAs: '30 years', acceptedRule: 'number' }],
    ['30 years', ['30 years'], ['40 years'], true, {}],
    ['forty years', ['30 years'], ['30 years', '40 years'], false, {}],
  ] as const)('%j answered against %j, then graded against %j, still reads as it did', async (typed, then, laterAccepted, correct, note) => {
    setAccepted([...then]);
    // The author quizzes themselves on their own deck (a fresh attempt per case).
    const student = author;
    const started = await startQuiz(student.id, { deckId, count: 1, feedback: 'immediate' }, later(1));
    if (!started.ok) throw new Error(started.message);
    const answered = await answerQuestion(student.id, started.attemptId, { cardId, response: typed }, later(2));
    if (!answered.ok) throw new Error(answered.message);
    expect(answered.feedback.correct).toBe(correct);
    expect(answered.feedback.acceptedAs).toBe('acceptedAs' in note ? note.acceptedAs : undefined);

    // The accepted answers change (as a new checker would judge differently); the attempt does not.
    setAccepted([...laterAccepted]);
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
