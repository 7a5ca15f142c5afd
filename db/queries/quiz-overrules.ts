/**
 * "I was right" on a typed quiz answer marked wrong (issues 11 and 16). In a practice quiz the
 * student's word is taken at once: the answer is re-scored. In an attempt of an assignment's quiz
 * the score is a grade, so the overrule is a request: it waits for the class's instructor, who
 * accepts it (the answer and its attempt are re-scored, and the same text can be accepted for every
 * student of the class who typed it) or declines it. The review log the quiz answer wrote is left as
 * it was: the student did not produce an accepted form at the time, and the scheduler should know.
 *
 * Every function takes the acting user; students reach only their own answers, instructors only
 * the requests of their own classes' assignments.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { assignmentQuizAttempts, assignments, cards, classes, enrollments, quizAnswers, quizAttempts, quizOverrules, users } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { canonical } from '@/lib/quiz/typed/check-typed';
import { suggestedGrade } from '@/lib/quiz/grade';
import { attemptIn } from './quiz-data';
import { refuse, type Refused } from './quizzes';
import { teachesClass } from './access-sql';
import { regradeLoggedReviewIn } from './review-undo';

export type OverruleStatus = 'pending' | 'accepted' | 'declined';
const status = z.enum(['pending', 'accepted', 'declined']);

/** Legacy links (attempts counted for an assignment before it had a quiz) are not the assignment's quiz. */
const linkedToAssignment = (q: Queryable) => sql`${assignmentQuizAttempts.legacy} = ${q.fragments.bool(false)}`;

const answerRow = z.object({ answerId: int, correct: int, type: z.string(), response: jsonText(z.unknown()), assignmentId: int.nullable() });

const insertOverrule = (
  q: Queryable,
  o: { answerId: number; userId: number; assignmentId: number | null; status: OverruleStatus; at: number; decidedAt: number | null; decidedBy: number | null },
) =>
  q.run(sql`INSERT INTO ${quizOverrules} (${bare(quizOverrules.quizAnswerId)}, ${bare(quizOverrules.userId)}, ${bare(quizOverrules.assignmentId)},
              ${bare(quizOverrules.status)}, ${bare(quizOverrules.requestedAt)}, ${bare(quizOverrules.decidedAt)}, ${bare(quizOverrules.decidedBy)})
            VALUES (${o.answerId}, ${o.userId}, CAST(${o.assignmentId} AS integer), ${o.status}, ${o.at}, CAST(${o.decidedAt} AS bigint), CAST(${o.decidedBy} AS integer))`);

const decide = (q: Queryable, answerId: number, to: OverruleStatus, decidedAt: number, decidedBy: number) =>
  q.run(sql`UPDATE ${quizOverrules} SET ${bare(quizOverrules.status)} = ${to}, ${bare(quizOverrules.decidedAt)} = ${decidedAt}, ${bare(quizOverrules.decidedBy)} = ${decidedBy}
            WHERE ${quizOverrules.quizAnswerId} = ${answerId}`);

/**
 * Marks a quiz answer right and re-scores its attempt; the review the answer logged (Again) becomes
 * Good and the card is rescheduled from its corrected log, so FSRS does not treat a right answer as
 * forgotten. Runs on the caller's transaction `tx`.
 */
async function acceptAnswerIn(tx: Queryable, answerId: number, now: Date): Promise<void> {
  await tx.run(sql`UPDATE ${quizAnswers} SET ${bare(quizAnswers.correct)} = ${tx.fragments.bool(true)} WHERE ${quizAnswers.id} = ${answerId}`);
  await tx.run(sql`UPDATE ${quizAttempts}
    SET ${bare(quizAttempts.correctCount)} = (SELECT coalesce(sum(CASE WHEN ${quizAnswers.correct} THEN 1 ELSE 0 END), 0) FROM ${quizAnswers} WHERE ${quizAnswers.attemptId} = ${quizAttempts.id})
    WHERE ${quizAttempts.id} = (SELECT ${quizAnswers.attemptId} FROM ${quizAnswers} WHERE ${quizAnswers.id} = ${answerId})`);
  const logged = await tx.get(
    sql`SELECT ${quizAttempts.userId} AS "userId", ${quizAnswers.reviewLogId} AS "reviewLogId"
        FROM ${quizAnswers} JOIN ${quizAttempts} ON ${quizAttempts.id} = ${quizAnswers.attemptId} WHERE ${quizAnswers.id} = ${answerId}`,
    z.object({ userId: int, reviewLogId: int.nullable() }),
  );
  if (logged?.reviewLogId != null) await regradeLoggedReviewIn(tx, logged.userId, logged.reviewLogId, suggestedGrade(true), now);
}

/**
 * The student's "I was right" on their typed answer to `cardId` in a finished attempt: accepted at
 * once in a practice quiz, a pending request in an assignment's quiz. Asking twice changes nothing.
 */
export async function requestOverrule(userId: number, attemptId: number, cardId: number, now: Date): Promise<{ ok: true; status: OverruleStatus } | Refused> {
  const db = await engine();
  return db.transaction(async (tx): Promise<{ ok: true; status: OverruleStatus } | Refused> => {
    const attempt = await attemptIn(tx, userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    if (attempt.finishedAt === null) return refuse('not_found', 'Finish the quiz first.');
    const answer = await tx.get(
      sql`SELECT ${quizAnswers.id} AS "answerId", CASE WHEN ${quizAnswers.correct} THEN 1 ELSE 0 END AS "correct", ${cards.type} AS "type",
            ${tx.fragments.jsonText(quizAnswers.response)} AS "response",
            (SELECT ${assignmentQuizAttempts.assignmentId} FROM ${assignmentQuizAttempts}
              WHERE ${assignmentQuizAttempts.attemptId} = ${quizAnswers.attemptId} AND ${linkedToAssignment(tx)} LIMIT 1) AS "assignmentId"
          FROM ${quizAnswers} JOIN ${cards} ON ${cards.id} = ${quizAnswers.cardId}
          WHERE ${quizAnswers.attemptId} = ${attemptId} AND ${quizAnswers.cardId} = ${cardId}`,
      answerRow,
    );
    // A typed quiz answer is stored as a JSON string; objective answers are numbers or lists.
    if (!answer || answer.type !== 'typed' || typeof answer.response !== 'string') return refuse('not_in_attempt', 'Only a typed answer can be overruled.');
    const existing = await tx.get(sql`SELECT ${quizOverrules.status} AS "status" FROM ${quizOverrules} WHERE ${quizOverrules.quizAnswerId} = ${answer.answerId}`, z.object({ status }));
    if (existing) return { ok: true, status: existing.status };
    if (answer.correct === 1) return refuse('invalid_response', 'This answer was already marked right.');
    const counts = answer.assignmentId !== null;
    const next: OverruleStatus = counts ? 'pending' : 'accepted';
    await insertOverrule(tx, { answerId: answer.answerId, userId, assignmentId: answer.assignmentId, status: next, at: now.getTime(), decidedAt: counts ? null : now.getTime(), decidedBy: null });
    if (!counts) await acceptAnswerIn(tx, answer.answerId, now);
    return { ok: true, status: next };
  });
}

/** The overrules of the user's own attempt, by card id. */
export async function overrulesForAttempt(userId: number, attemptId: number): Promise<Map<number, OverruleStatus>> {
  const db = await engine();
  if (!(await attemptIn(db, userId, attemptId))) return new Map();
  const rows = await db.all(
    sql`SELECT ${quizAnswers.cardId} AS "cardId", ${quizOverrules.status} AS "status"
        FROM ${quizOverrules} JOIN ${quizAnswers} ON ${quizAnswers.id} = ${quizOverrules.quizAnswerId} WHERE ${quizAnswers.attemptId} = ${attemptId}`,
    z.object({ cardId: int, status }),
  );
  return new Map(rows.map((r) => [r.cardId, r.status]));
}

/** Whether the user's own attempt is one of an assignment's quiz (its overrules are requests). */
export async function attemptCountsForAssignment(userId: number, attemptId: number): Promise<boolean> {
  const db = await engine();
  if (!(await attemptIn(db, userId, attemptId))) return false;
  const link = await db.get(
    sql`SELECT 1 AS "one" FROM ${assignmentQuizAttempts} WHERE ${assignmentQuizAttempts.attemptId} = ${attemptId} AND ${linkedToAssignment(db)}`,
    z.object({ one: int }),
  );
  return link !== undefined;
}

// ── The instructor's side ──────────────────────────────────────────────────────────────────

export interface OverruleRequest {
  id: number;
  studentName: string;
  prompt: string;
  typed: string;
  accepted: string[];
  requestedAt: number;
  /** Other students of the class whose wrong answer in this assignment's quiz reads the same once normalised. */
  sameTextOthers: number;
}

const cl = alias(classes, 'cl');

const requestRow = z.object({
  id: int,
  userId: int,
  studentName: z.string(),
  cardId: int,
  prompt: z.string(),
  payload: jsonText(cardPayloadSchema),
  response: jsonText(z.string()),
  requestedAt: int,
});

// Wrong typed answers on one card in attempts of one assignment's quiz, by students still in the class
// (a typed answer is a JSON string: the others are left out after decoding).
async function sameText(q: Queryable, assignmentId: number, cardId: number, typed: string) {
  const rows = await q.all(
    sql`SELECT ${quizAnswers.id} AS "answerId", ${quizAttempts.userId} AS "userId", ${q.fragments.jsonText(quizAnswers.response)} AS "response",
          ${quizOverrules.status} AS "status"
        FROM ${assignmentQuizAttempts} JOIN ${assignments} ON ${assignments.id} = ${assignmentQuizAttempts.assignmentId}
        JOIN ${quizAttempts} ON ${quizAttempts.id} = ${assignmentQuizAttempts.attemptId} JOIN ${quizAnswers} ON ${quizAnswers.attemptId} = ${quizAttempts.id}
        LEFT JOIN ${quizOverrules} ON ${quizOverrules.quizAnswerId} = ${quizAnswers.id}
        WHERE ${assignmentQuizAttempts.assignmentId} = ${assignmentId} AND ${quizAnswers.cardId} = ${cardId} AND ${quizAnswers.correct} = ${q.fragments.bool(false)}
          AND ${quizAttempts.userId} IN (SELECT ${enrollments.userId} FROM ${enrollments} WHERE ${enrollments.classId} = ${assignments.classId})`,
    z.object({ answerId: int, userId: int, response: jsonText(z.unknown()), status: status.nullable() }),
  );
  const key = canonical(typed);
  return rows.flatMap((w) => (typeof w.response === 'string' && canonical(w.response) === key ? [{ ...w, response: w.response }] : []));
}

/** Pending requests of one assignment of the instructor's class, oldest first; empty if the class is not theirs. */
export async function pendingOverrules(instructorId: number, classId: number, assignmentId: number): Promise<OverruleRequest[]> {
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${quizOverrules.id} AS "id", ${quizOverrules.userId} AS "userId", ${users.name} AS "studentName", ${quizAnswers.cardId} AS "cardId",
          ${cards.prompt} AS "prompt", ${db.fragments.jsonText(cards.payload)} AS "payload", ${db.fragments.jsonText(quizAnswers.response)} AS "response",
          ${quizOverrules.requestedAt} AS "requestedAt"
        FROM ${quizOverrules}
        JOIN ${assignments} ON ${assignments.id} = ${quizOverrules.assignmentId} JOIN ${classes} ${cl} ON ${cl.id} = ${assignments.classId}
        JOIN ${quizAnswers} ON ${quizAnswers.id} = ${quizOverrules.quizAnswerId} JOIN ${cards} ON ${cards.id} = ${quizAnswers.cardId}
        JOIN ${users} ON ${users.id} = ${quizOverrules.userId}
        WHERE ${quizOverrules.status} = 'pending' AND ${assignments.id} = ${assignmentId} AND ${assignments.classId} = ${classId} AND ${teachesClass(instructorId, cl.id)}
          AND ${quizOverrules.userId} IN (SELECT ${enrollments.userId} FROM ${enrollments} WHERE ${enrollments.classId} = ${classId})
        ORDER BY ${quizOverrules.requestedAt}, ${quizOverrules.id}`,
    requestRow,
  );
  return Promise.all(
    rows.map(async (r) => {
      const others = new Set((await sameText(db, assignmentId, r.cardId, r.response)).map((w) => w.userId).filter((u) => u !== r.userId));
      return {
        id: r.id,
        studentName: r.studentName,
        prompt: r.prompt,
        typed: r.response,
        accepted: r.payload.type === 'typed' ? r.payload.answers : [],
        requestedAt: r.requestedAt,
        sameTextOthers: others.size,
      };
    }),
  );
}

export type OverruleDecision = 'accept' | 'accept-all' | 'decline';

const ownedRequestRow = z.object({ answerId: int, assignmentId: int, cardId: int, response: jsonText(z.string()), status });

/**
 * The instructor's decision on a request. 'accept-all' also accepts every other wrong answer of the
 * class in this assignment's quiz that reads the same once normalised (requested or not).
 * Returns how many answers were re-scored; refused when the request is not one of theirs or is decided.
 */
export async function decideOverrule(instructorId: number, overruleId: number, decision: OverruleDecision, now: Date): Promise<{ ok: true; rescored: number } | Refused> {
  const db = await engine();
  return db.transaction(async (tx): Promise<{ ok: true; rescored: number } | Refused> => {
    const req = await tx.get(
      sql`SELECT ${quizOverrules.quizAnswerId} AS "answerId", ${quizOverrules.assignmentId} AS "assignmentId", ${quizAnswers.cardId} AS "cardId",
            ${tx.fragments.jsonText(quizAnswers.response)} AS "response", ${quizOverrules.status} AS "status"
          FROM ${quizOverrules} JOIN ${assignments} ON ${assignments.id} = ${quizOverrules.assignmentId} JOIN ${classes} ${cl} ON ${cl.id} = ${assignments.classId}
          JOIN ${quizAnswers} ON ${quizAnswers.id} = ${quizOverrules.quizAnswerId}
          WHERE ${quizOverrules.id} = ${overruleId} AND ${teachesClass(instructorId, cl.id)}`,
      ownedRequestRow,
    );
    if (!req) return refuse('not_found', 'That request was not found.');
    if (req.status !== 'pending') return refuse('finished', 'That request has already been decided.');
    const at = now.getTime();
    if (decision === 'decline') {
      await decide(tx, req.answerId, 'declined', at, instructorId);
      return { ok: true, rescored: 0 };
    }
    await decide(tx, req.answerId, 'accepted', at, instructorId);
    await acceptAnswerIn(tx, req.answerId, now);
    const others = decision === 'accept-all' ? (await sameText(tx, req.assignmentId, req.cardId, req.response)).filter((t) => t.answerId !== req.answerId) : [];
    for (const t of others) {
      if (t.status === null) await insertOverrule(tx, { answerId: t.answerId, userId: t.userId, assignmentId: req.assignmentId, status: 'accepted', at, decidedAt: at, decidedBy: instructorId });
      else await decide(tx, t.answerId, 'accepted', at, instructorId);
      await acceptAnswerIn(tx, t.answerId, now);
    }
    return { ok: true, rescored: 1 + others.length };
  });
}
