/**
 * "I was right" and the instructor's list of typed answers marked wrong (issue 11): review answers
 * recorded with their grade (POST /api/reviews' batch, once per grade) and the overrule, quiz
 * answers read from quiz_answers, grouped per item, and one answer
 * added to the accepted answers of the instructor's own deck (never to a deck they do not own).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int, jsonText } from '@/db/engine/rows';
import { cards, quizAttempts, reviewLogs, typedAnswers as ta } from '@/db/schema';
import { createAssignment } from '@/db/queries/assignments';
import { createDeck } from '@/db/queries/authoring-decks';
import { saveItem } from '@/db/queries/authoring-items';
import { createClass } from '@/db/queries/classes';
import { answerQuestion, startQuiz } from '@/db/queries/quizzes';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { undoReview } from '@/db/queries/reviews';
import { addAcceptedAnswer, typedAnswerReport } from '@/db/queries/typed-answers';
import { emptyDraft } from '@/lib/content/item-form';
import { gradeTyped } from '@/lib/quiz/grade';
import { countOf, loadRealDeck, makeUser } from '../support/fixtures';
import { enroll } from '../support/teach-fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (min: number) => new Date(T0.getTime() + min * 60_000);
async function typedCardOf(deckId: string) {
  const e = await engine();
  const card = await e.get(
    sql`SELECT ${cards.id} AS "id", ${e.fragments.jsonText(cards.payload)} AS "payload" FROM ${cards}
        WHERE ${cards.deckId} = ${deckId} AND ${cards.type} = 'typed' AND ${cards.retiredAt} IS NULL ORDER BY ${cards.position}`,
    z.object({ id: int, payload: jsonText(z.object({ answers: z.array(z.string()), question: z.string() })) }),
  );
  if (!card) throw new Error(`no typed card in ${deckId}`);
  return card;
}

let seq = 0;
/** A grade of `cardId` sent the way the review screen sends it, with the typed answer it came with. */
async function gradeWithTyped(userId: number, cardId: number, answer: string, overruled: boolean, at: Date, clientId = `typed-grade-${++seq}`) {
  const entry = { clientId, cardId, grade: overruled ? 3 : 1, reviewedAt: at.getTime(), durationMs: 1000, typed: { answer, overruled } };
  return (await applyGradeBatch(userId, [entry], later(60)))[0]?.status;
}
const typedRowsOf = async (userId: number) =>
  (await engine()).all(
    sql`SELECT ${ta.cardId} AS "cardId", ${ta.clientId} AS "clientId", ${ta.answer} AS "answer", ${ta.correct} AS "correct", ${ta.overruled} AS "overruled",
          ${ta.answeredAt} AS "answeredAt"
        FROM ${ta} WHERE ${ta.userId} = ${userId} ORDER BY ${ta.id}`,
    z.object({ cardId: int, clientId: z.string().nullable(), answer: z.string(), correct: flag.nullable(), overruled: flag, answeredAt: int }),
  );

describe('typed answers marked wrong', () => {
  let iris: { id: number };
  let otto: { id: number };
  let students: { id: number }[];
  let classId: number;
  let ownAssignment: number;
  let sharedAssignment: number;
  let own: string;

  beforeAll(async () => {
    await loadRealDeck();
    iris = await makeUser('instructor');
    otto = await makeUser('instructor');
    students = [await makeUser(), await makeUser(), await makeUser()];
    own = await createDeck(iris, { title: 'Own typed deck', author: 'Iris', sourceUrl: 'https://example.org/a', description: 'd', sectionTitle: 'Introduction', sectionNotes: '' }, T0);
    await saveItem(iris, own, undefined, { ...emptyDraft('typed', 'introduction'), question: 'Who asked the CSTO for help?', answers: 'Tokayev', explanation: 'E', evidenceParagraph: '¶1' }, T0);
    classId = await createClass(iris.id, { name: 'Seminar', timeZone: 'UTC' }, T0);
    for (const s of students) await enroll(classId, s.id, T0.getTime());
    const a = await createAssignment(iris.id, classId, { deckId: own, sectionKeys: null, dueAt: later(60 * 24 * 7).getTime(), goalQuizScore: null, goalRecall: null }, T0);
    const b = await createAssignment(iris.id, classId, { deckId: 'war-for-peace', sectionKeys: null, dueAt: later(60 * 24 * 7).getTime(), goalQuizScore: null, goalRecall: null }, T0);
    if (!('id' in a) || !('id' in b)) throw new Error('assignment not created');
    ownAssignment = a.id;
    sharedAssignment = b.id;
  });

  it('records a wrong review answer with its overrule, groups equal answers, and ignores what the checker accepts or a stranger sends', async () => {
    const card = await typedCardOf(own);
    const [s1, s2, s3] = students as [{ id: number }, { id: number }, { id: number }];
    expect(await gradeWithTyped(s1.id, card.id, 'Nazarbayev', true, later(1))).toBe('recorded');
    expect(await gradeWithTyped(s2.id, card.id, 'nazarbayev.', false, later(2))).toBe('recorded');
    expect(await gradeWithTyped(s3.id, card.id, 'President Tokayev', true, later(3))).toBe('recorded'); // accepted by the checker: kept as right, not listed
    expect(await typedRowsOf(s3.id)).toEqual([expect.objectContaining({ answer: 'President Tokayev', correct: true, overruled: false })]);
    const stranger = await makeUser();
    expect(await gradeWithTyped(stranger.id, card.id, 'Putin', true, later(4))).toBe('rejected');

    const report = await typedAnswerReport(iris.id, classId, ownAssignment);
    expect(report).toEqual([
      expect.objectContaining({ cardId: card.id, canAccept: true, accepted: ['Tokayev'], wrong: [{ answer: 'Nazarbayev', count: 2, overruled: 1 }] }),
    ]);
    expect(await typedAnswerReport(otto.id, classId, ownAssignment)).toBeUndefined();

    // One click: the answer becomes accepted, and the list no longer shows it.
    expect(await addAcceptedAnswer(iris.id, own, report![0]!.itemId, 'Nazarbayev', later(5))).toBe(true);
    const { payload } = await typedCardOf(own);
    expect(payload.answers).toEqual(['Tokayev', 'Nazarbayev']);
    expect(gradeTyped('nazarbayev', payload.answers, payload.question).correct).toBe(true);
    expect(await typedAnswerReport(iris.id, classId, ownAssignment)).toEqual([]);
    // Not on a deck someone else owns.
    expect(await addAcceptedAnswer(otto.id, own, report![0]!.itemId, 'Putin', later(6))).toBe(false);
  });

  it('lists wrong typed quiz answers of the class on the shared deck, where no answer can be added', async () => {
    const s1 = students[0] as { id: number };
    const started = await startQuiz(s1.id, { deckId: 'war-for-peace', count: 30, feedback: 'immediate' }, later(10));
    if (!started.ok) throw new Error(started.message);
    const e = await engine();
    const attempt = await e.get(
      sql`SELECT ${e.fragments.jsonText(quizAttempts.cardIds)} AS "cardIds" FROM ${quizAttempts} WHERE ${quizAttempts.id} = ${started.attemptId}`,
      z.object({ cardIds: jsonText(z.array(int)) }),
    );
    let typed: number | undefined;
    for (const id of attempt?.cardIds ?? []) {
      const card = await e.get(sql`SELECT ${cards.type} AS "type" FROM ${cards} WHERE ${cards.id} = ${id}`, z.object({ type: z.string() }));
      if (card?.type === 'typed') {
        typed = id;
        break;
      }
    }
    if (typed === undefined) throw new Error('the quiz has no typed question');
    expect((await answerQuestion(s1.id, started.attemptId, { cardId: typed, response: 'certainly not this' }, later(11))).ok).toBe(true);
    const report = await typedAnswerReport(iris.id, classId, sharedAssignment);
    expect(report).toEqual([expect.objectContaining({ cardId: typed, canAccept: false, wrong: [{ answer: 'certainly not this', count: 1, overruled: 0 }] })]);
    const row = report![0]!;
    expect(await addAcceptedAnswer(iris.id, row.deckId, row.itemId, 'certainly not this', later(12))).toBe(false);
  });

  it('keeps the typed answer with its grade: written with it, once however often the grade is re-sent, gone with its undo', async () => {
    const card = await typedCardOf(own);
    const student = await makeUser();
    await enroll(classId, student.id, T0.getTime());
    const entry = { clientId: 'offline-typed-1', cardId: card.id, grade: 3, reviewedAt: later(20).getTime(), durationMs: 900, typed: { answer: 'Nursultan Nazarbayev', overruled: true } };
    // Sent, then sent again (the answer to the first send was lost), then twice in one batch.
    expect((await applyGradeBatch(student.id, [entry], later(30))).map((r) => r.status)).toEqual(['recorded']);
    expect((await applyGradeBatch(student.id, [entry], later(31))).map((r) => r.status)).toEqual(['duplicate']);
    expect((await applyGradeBatch(student.id, [entry, entry], later(32))).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await typedRowsOf(student.id)).toEqual([{ cardId: card.id, clientId: 'offline-typed-1', answer: 'Nursultan Nazarbayev', correct: false, overruled: true, answeredAt: later(20).getTime() }]);
    const listed = (await typedAnswerReport(iris.id, classId, ownAssignment))?.[0]?.wrong.find((w) => w.answer === 'Nursultan Nazarbayev');
    expect(listed).toEqual({ answer: 'Nursultan Nazarbayev', count: 1, overruled: 1 });

    // Undone: the grade and its typed answer go together; a late copy of the grade brings neither back.
    expect((await undoReview(student.id, entry.clientId, later(33))).ok).toBe(true);
    expect(await typedRowsOf(student.id)).toEqual([]);
    expect((await applyGradeBatch(student.id, [entry], later(34))).map((r) => r.status)).toEqual(['undone']);
    expect(await typedRowsOf(student.id)).toEqual([]);
  });

  it('refuses a malformed typed part with the grade, writing neither, and ignores one on a card that is not typed', async () => {
    const card = await typedCardOf(own);
    const student = await makeUser();
    const base = { cardId: card.id, grade: 1, reviewedAt: later(40).getTime(), durationMs: 10 };
    const results = await applyGradeBatch(
      student.id,
      [
        { ...base, clientId: 'typed-too-long', typed: { answer: 'x'.repeat(201), overruled: false } },
        { ...base, clientId: 'typed-empty', typed: { answer: '   ', overruled: false } },
        { ...base, clientId: 'typed-no-flag', typed: { answer: 'Putin' } },
        { ...base, clientId: 'typed-extra', typed: { answer: 'Putin', overruled: false, score: 1 } },
      ],
      later(41),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: expect.stringContaining('longer than 200') });
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${student.id}`)).toBe(0);
    expect(await typedRowsOf(student.id)).toEqual([]);

    const notTyped = await (await engine()).get(
      sql`SELECT ${cards.id} AS "id" FROM ${cards} WHERE ${cards.deckId} = 'war-for-peace' AND ${cards.type} = 'basic' ORDER BY ${cards.id} LIMIT 1`,
      z.object({ id: int }),
    );
    if (!notTyped) throw new Error('no basic card in war-for-peace');
    expect((await applyGradeBatch(student.id, [{ ...base, cardId: notTyped.id, clientId: 'typed-on-basic', typed: { answer: 'Putin', overruled: false } }], later(42)))[0]?.status).toBe('recorded');
    expect(await typedRowsOf(student.id)).toEqual([]);
  });
});
