/**
 * Direct inserts for teaching tests: a tiny deck, review-log rows and quiz attempts at fixed times,
 * on whichever engine the file runs on (SQLite by default; PostgreSQL in the integration-on-pg project).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { assignmentQuizAttempts, cards, cardStates, decks, enrollments, quizAnswers, quizAttempts, reviewLogs, sections } from '@/db/schema';
import { shownIndexOf } from '@/lib/teach/mcq-choice';

export const DAY = 86_400_000;

const idRow = z.object({ id: int });

export type TinyDeck = Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', number>;

/** A five-card deck: section s1 = basic c1, mcq c2 (option 1 is right), true/false c3; section s2 = typed c4, mcq c5. */
export async function makeTinyDeck(deckId: string, ownerId: number | null = null): Promise<TinyDeck> {
  const db = await engine();
  const f = db.fragments;
  await db.run(sql`INSERT INTO ${decks} (${bare(decks.id)}, ${bare(decks.title)}, ${bare(decks.ownerId)}, ${bare(decks.createdAt)})
                   VALUES (${deckId}, ${`Deck ${deckId}`}, ${ownerId}, 0)`);
  const section = async (key: string, position: number) => {
    const row = await db.get(
      sql`INSERT INTO ${sections} (${bare(sections.deckId)}, ${bare(sections.key)}, ${bare(sections.title)}, ${bare(sections.position)})
          VALUES (${deckId}, ${key}, ${`Section ${key}`}, ${position}) RETURNING ${sections.id} AS "id"`,
      idRow,
    );
    if (!row) throw new Error('inserting a section returned no id');
    return row.id;
  };
  const s1 = await section('s1', 0);
  const s2 = await section('s2', 1);
  const mcq = (q: string) => ({ type: 'mcq', question: q, options: [0, 1, 2].map((i) => ({ text: `${q} option ${i}`, correct: i === 1, explanation: 'x' })) });
  const items: [keyof TinyDeck, number, string, object][] = [
    ['c1', s1, 'basic', { type: 'basic', front: 'c1 front', back: 'c1 back' }],
    ['c2', s1, 'mcq', mcq('c2')],
    ['c3', s1, 'truefalse', { type: 'truefalse', statement: 'c3', answer: true }],
    ['c4', s2, 'typed', { type: 'typed', question: 'c4', answers: ['x'] }],
    ['c5', s2, 'mcq', mcq('c5')],
  ];
  const ids = {} as TinyDeck;
  for (const [position, [key, sectionId, type, payload]] of items.entries()) {
    const row = await db.get(
      sql`INSERT INTO ${cards} (${bare(cards.deckId)}, ${bare(cards.sectionId)}, ${bare(cards.key)}, ${bare(cards.itemId)}, ${bare(cards.type)},
            ${bare(cards.position)}, ${bare(cards.prompt)}, ${bare(cards.answer)}, ${bare(cards.payload)}, ${bare(cards.contentHash)}, ${bare(cards.updatedAt)})
          VALUES (${deckId}, ${sectionId}, ${key}, ${key}, ${type}, ${position}, ${`${key} prompt`}, 'a', ${f.json(payload)}, 'h', 0)
          RETURNING ${cards.id} AS "id"`,
      idRow,
    );
    if (!row) throw new Error('inserting a card returned no id');
    ids[key] = row.id;
  }
  return ids;
}

let clientSeq = 0;

/**
 * One review-log row; `stateBefore` 2 means the card was in the Review state. Unless undone, the
 * card_states cache follows the latest review, as recordReview keeps it.
 */
export async function logReview(
  userId: number,
  cardId: number,
  at: number,
  o: { stateBefore: number; rating: number; stability: number; undone?: boolean; source?: 'review' | 'quiz' },
) {
  clientSeq += 1;
  const db = await engine();
  const l = reviewLogs;
  await db.run(
    sql`INSERT INTO ${l} (${bare(l.userId)}, ${bare(l.cardId)}, ${bare(l.clientId)}, ${bare(l.rating)}, ${bare(l.reviewedAt)}, ${bare(l.stateBefore)},
          ${bare(l.dueAfter)}, ${bare(l.stabilityAfter)}, ${bare(l.difficultyAfter)}, ${bare(l.scheduledDays)}, ${bare(l.source)}, ${bare(l.undoneAt)}, ${bare(l.createdAt)})
        VALUES (${userId}, ${cardId}, ${`t${clientSeq}`}, ${o.rating}, ${at}, ${o.stateBefore}, ${at + DAY}, ${o.stability}, 5, 1,
          ${o.source ?? 'review'}, ${o.undone ? at + 1 : null}, ${at})`,
  );
  if (o.undone) return;
  const s = cardStates;
  await db.run(
    sql`INSERT INTO ${s} (${bare(s.userId)}, ${bare(s.cardId)}, ${bare(s.due)}, ${bare(s.stability)}, ${bare(s.difficulty)}, ${bare(s.scheduledDays)},
          ${bare(s.learningSteps)}, ${bare(s.reps)}, ${bare(s.lapses)}, ${bare(s.state)}, ${bare(s.lastReview)}, ${bare(s.updatedAt)})
        VALUES (${userId}, ${cardId}, ${at + DAY}, ${o.stability}, 5, 1, 0, 1, 0, 2, ${at}, ${at})
        ON CONFLICT (${bare(s.userId)}, ${bare(s.cardId)}) DO UPDATE SET ${bare(s.due)} = excluded.${bare(s.due)},
          ${bare(s.stability)} = excluded.${bare(s.stability)}, ${bare(s.lastReview)} = excluded.${bare(s.lastReview)}, ${bare(s.reps)} = ${s.reps} + 1
        WHERE excluded.${bare(s.lastReview)} > ${s.lastReview}`,
  );
}

/**
 * A quiz attempt with its answers; `finishedAt` null leaves it unfinished. For mcq answers `choice` is the
 * option's index in the card; it is stored as the quiz module does, as the index the student saw (3 options).
 * With `assignmentId` it is an attempt of that assignment's quiz (only those count toward its goal);
 * without, a practice quiz. Returns the attempt's id.
 */
export async function quizAttempt(
  userId: number,
  deckId: string,
  finishedAt: number | null,
  answers: { cardId: number; correct: boolean; choice?: number; response?: unknown }[],
  questionCount = answers.length,
  assignmentId?: number,
): Promise<number> {
  const db = await engine();
  const f = db.fragments;
  const a = quizAttempts;
  const correct = answers.filter((x) => x.correct).length;
  const row = await db.get(
    sql`INSERT INTO ${a} (${bare(a.userId)}, ${bare(a.deckId)}, ${bare(a.cardIds)}, ${bare(a.startedAt)}, ${bare(a.finishedAt)}, ${bare(a.correctCount)}, ${bare(a.questionCount)})
        VALUES (${userId}, ${deckId}, ${f.json(answers.map((x) => x.cardId))}, ${(finishedAt ?? 0) - 60_000}, ${finishedAt}, ${correct}, ${questionCount})
        RETURNING ${a.id} AS "id"`,
    idRow,
  );
  if (!row) throw new Error('inserting a quiz attempt returned no id');
  const attemptId = row.id;
  const q = quizAnswers;
  for (const [position, x] of answers.entries()) {
    // `response` as given (a typed answer's text), else a choice's shown index, else the verdict (true/false items).
    const response = x.response !== undefined ? x.response : x.choice === undefined ? x.correct : shownIndexOf(x.choice, attemptId, x.cardId, 3);
    await db.run(
      sql`INSERT INTO ${q} (${bare(q.attemptId)}, ${bare(q.cardId)}, ${bare(q.position)}, ${bare(q.response)}, ${bare(q.correct)}, ${bare(q.answeredAt)})
          VALUES (${attemptId}, ${x.cardId}, ${position}, ${f.json(response)}, ${f.bool(x.correct)}, ${finishedAt ?? 0})`,
    );
  }
  if (assignmentId !== undefined) {
    const aq = assignmentQuizAttempts;
    await db.run(sql`INSERT INTO ${aq} (${bare(aq.assignmentId)}, ${bare(aq.attemptId)}) VALUES (${assignmentId}, ${attemptId})`);
  }
  return attemptId;
}

export async function enroll(classId: number, userId: number, joinedAt: number) {
  const e = enrollments;
  await (await engine()).run(sql`INSERT INTO ${e} (${bare(e.classId)}, ${bare(e.userId)}, ${bare(e.joinedAt)}) VALUES (${classId}, ${userId}, ${joinedAt})`);
}
