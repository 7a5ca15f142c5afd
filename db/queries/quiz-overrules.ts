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
import { db } from '@/db';
import { z } from 'zod';
import { teachesClassSql } from './access';
import { jsonColumn, jsonColumnOrNull, typedCardPayload } from '@/db/json-column';
import { canonical } from '@/lib/quiz/typed/check-typed';
import { attemptOf } from './quiz-data';
import { refuse, type Refused } from './quizzes';
import { suggestedGrade } from '@/lib/quiz/grade';
import { engine } from '@/db/engine';
import type { Queryable } from '@/db/engine/types';
import { regradeLoggedReviewIn } from './reviews';

export type OverruleStatus = 'pending' | 'accepted' | 'declined';

interface AnswerRow {
  answerId: number;
  correct: number;
  type: string;
  response: string;
  assignmentId: number | null;
}

const stmts = {
  answer: db.$client.prepare<{ attemptId: number; cardId: number }, AnswerRow>(`
    SELECT qa.id AS answerId, qa.correct, c.type, qa.response,
           (SELECT aq.assignment_id FROM assignment_quiz_attempts aq WHERE aq.attempt_id = qa.attempt_id AND aq.legacy = 0 LIMIT 1) AS assignmentId
    FROM quiz_answers qa JOIN cards c ON c.id = qa.card_id
    WHERE qa.attempt_id = @attemptId AND qa.card_id = @cardId`),
  existing: db.$client.prepare<{ answerId: number }, { status: OverruleStatus }>('SELECT status FROM quiz_overrules WHERE quiz_answer_id = @answerId'),
  insert: db.$client.prepare<{ answerId: number; userId: number; assignmentId: number | null; status: OverruleStatus; at: number; decidedAt: number | null; decidedBy: number | null }>(`
    INSERT INTO quiz_overrules (quiz_answer_id, user_id, assignment_id, status, requested_at, decided_at, decided_by)
    VALUES (@answerId, @userId, @assignmentId, @status, @at, @decidedAt, @decidedBy)`),
  decide: db.$client.prepare<{ answerId: number; status: OverruleStatus; decidedAt: number; decidedBy: number }>(
    'UPDATE quiz_overrules SET status = @status, decided_at = @decidedAt, decided_by = @decidedBy WHERE quiz_answer_id = @answerId',
  ),
  markRight: db.$client.prepare<{ answerId: number }>('UPDATE quiz_answers SET correct = 1 WHERE id = @answerId'),
  rescore: db.$client.prepare<{ answerId: number }>(`
    UPDATE quiz_attempts SET correct_count = (SELECT coalesce(sum(correct), 0) FROM quiz_answers WHERE attempt_id = quiz_attempts.id)
    WHERE id = (SELECT attempt_id FROM quiz_answers WHERE id = @answerId)`),
  loggedReview: db.$client.prepare<{ answerId: number }, { userId: number; reviewLogId: number | null }>(`
    SELECT q.user_id AS userId, qa.review_log_id AS reviewLogId FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id WHERE qa.id = @answerId`),
  forAttempt: db.$client.prepare<{ attemptId: number }, { cardId: number; status: OverruleStatus }>(`
    SELECT qa.card_id AS cardId, o.status FROM quiz_overrules o JOIN quiz_answers qa ON qa.id = o.quiz_answer_id WHERE qa.attempt_id = @attemptId`),
};

/**
 * Marks a quiz answer right and re-scores its attempt; the review the answer logged (Again) becomes
 * Good and the card is rescheduled from its corrected log, so FSRS does not treat a right answer as
 * forgotten. Call inside a transaction.
 */
// ENGINE-MERGE (quiz-overrules group): the regrade runs on the engine's transaction `tx`; the
// statements of this module still run on db.$client, on the same SQLite connection inside it.
async function acceptAnswer(tx: Queryable, answerId: number, now: Date): Promise<void> {
  stmts.markRight.run({ answerId });
  stmts.rescore.run({ answerId });
  const logged = stmts.loggedReview.get({ answerId });
  if (logged?.reviewLogId != null) await regradeLoggedReviewIn(tx, logged.userId, logged.reviewLogId, suggestedGrade(true), now);
}

// A typed quiz answer is stored as a JSON string; objective answers are numbers or lists.
const isTypedResponse = (response: string) => jsonColumnOrNull(response, z.string()) !== null;

/**
 * The student's "I was right" on their typed answer to `cardId` in a finished attempt: accepted at
 * once in a practice quiz, a pending request in an assignment's quiz. Asking twice changes nothing.
 */
export async function requestOverrule(userId: number, attemptId: number, cardId: number, now: Date): Promise<{ ok: true; status: OverruleStatus } | Refused> {
  return (await engine()).transaction(async (tx): Promise<{ ok: true; status: OverruleStatus } | Refused> => {
    const attempt = attemptOf(userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    if (attempt.finishedAt === null) return refuse('not_found', 'Finish the quiz first.');
    const answer = stmts.answer.get({ attemptId, cardId });
    if (!answer || answer.type !== 'typed' || !isTypedResponse(answer.response)) return refuse('not_in_attempt', 'Only a typed answer can be overruled.');
    const existing = stmts.existing.get({ answerId: answer.answerId });
    if (existing) return { ok: true, status: existing.status };
    if (answer.correct === 1) return refuse('invalid_response', 'This answer was already marked right.');
    const counts = answer.assignmentId !== null;
    const status: OverruleStatus = counts ? 'pending' : 'accepted';
    stmts.insert.run({ answerId: answer.answerId, userId, assignmentId: answer.assignmentId, status, at: now.getTime(), decidedAt: counts ? null : now.getTime(), decidedBy: null });
    if (!counts) await acceptAnswer(tx, answer.answerId, now);
    return { ok: true, status };
  });
}

/** The overrules of the user's own attempt, by card id. */
export function overrulesForAttempt(userId: number, attemptId: number): Map<number, OverruleStatus> {
  if (!attemptOf(userId, attemptId)) return new Map();
  return new Map(stmts.forAttempt.all({ attemptId }).map((r) => [r.cardId, r.status]));
}

const countsStmt = db.$client.prepare<{ attemptId: number }, number>('SELECT 1 FROM assignment_quiz_attempts WHERE attempt_id = @attemptId AND legacy = 0').pluck();

/** Whether the user's own attempt is one of an assignment's quiz (its overrules are requests). */
export function attemptCountsForAssignment(userId: number, attemptId: number): boolean {
  return attemptOf(userId, attemptId) !== undefined && countsStmt.get({ attemptId }) !== undefined;
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

interface RequestRow {
  id: number;
  userId: number;
  studentName: string;
  cardId: number;
  prompt: string;
  payload: string;
  response: string;
  requestedAt: number;
}

const requestsStmt = db.$client.prepare<{ instructorId: number; classId: number; assignmentId: number }, RequestRow>(`
  SELECT o.id, o.user_id AS userId, u.name AS studentName, qa.card_id AS cardId, c.prompt, c.payload, qa.response, o.requested_at AS requestedAt
  FROM quiz_overrules o
  JOIN assignments a ON a.id = o.assignment_id JOIN classes cl ON cl.id = a.class_id
  JOIN quiz_answers qa ON qa.id = o.quiz_answer_id JOIN cards c ON c.id = qa.card_id JOIN users u ON u.id = o.user_id
  WHERE o.status = 'pending' AND a.id = @assignmentId AND a.class_id = @classId AND ${teachesClassSql('cl.id')}
    AND o.user_id IN (SELECT user_id FROM enrollments WHERE class_id = @classId)
  ORDER BY o.requested_at, o.id`);

// Wrong typed answers on one card in attempts of one assignment's quiz, by students still in the class.
const wrongAnswersStmt = db.$client.prepare<{ assignmentId: number; cardId: number }, { answerId: number; userId: number; response: string; status: OverruleStatus | null }>(`
  SELECT qa.id AS answerId, q.user_id AS userId, qa.response, o.status
  FROM assignment_quiz_attempts aq JOIN assignments a ON a.id = aq.assignment_id
  JOIN quiz_attempts q ON q.id = aq.attempt_id JOIN quiz_answers qa ON qa.attempt_id = q.id
  LEFT JOIN quiz_overrules o ON o.quiz_answer_id = qa.id
  WHERE aq.assignment_id = @assignmentId AND qa.card_id = @cardId AND qa.correct = 0 AND json_type(qa.response) = 'text'
    AND q.user_id IN (SELECT user_id FROM enrollments WHERE class_id = a.class_id)`);

const textOf = (response: string) => jsonColumn(response, z.string(), 'quiz_answers.response');

function sameText(assignmentId: number, cardId: number, response: string) {
  const key = canonical(textOf(response));
  return wrongAnswersStmt.all({ assignmentId, cardId }).filter((w) => canonical(textOf(w.response)) === key);
}

/** Pending requests of one assignment of the instructor's class, oldest first; empty if the class is not theirs. */
export function pendingOverrules(instructorId: number, classId: number, assignmentId: number): OverruleRequest[] {
  return requestsStmt.all({ instructorId, classId, assignmentId }).map((r) => {
    const others = new Set(sameText(assignmentId, r.cardId, r.response).map((w) => w.userId).filter((u) => u !== r.userId));
    return {
      id: r.id,
      studentName: r.studentName,
      prompt: r.prompt,
      typed: textOf(r.response),
      accepted: typedCardPayload(r.payload)?.answers ?? [],
      requestedAt: r.requestedAt,
      sameTextOthers: others.size,
    };
  });
}

export type OverruleDecision = 'accept' | 'accept-all' | 'decline';

const ownedRequestStmt = db.$client.prepare<{ instructorId: number; id: number }, { answerId: number; assignmentId: number; cardId: number; response: string; status: OverruleStatus }>(`
  SELECT o.quiz_answer_id AS answerId, o.assignment_id AS assignmentId, qa.card_id AS cardId, qa.response, o.status
  FROM quiz_overrules o JOIN assignments a ON a.id = o.assignment_id JOIN classes cl ON cl.id = a.class_id
  JOIN quiz_answers qa ON qa.id = o.quiz_answer_id
  WHERE o.id = @id AND ${teachesClassSql('cl.id')}`);

/**
 * The instructor's decision on a request. 'accept-all' also accepts every other wrong answer of the
 * class in this assignment's quiz that reads the same once normalised (requested or not).
 * Returns how many answers were re-scored; refused when the request is not one of theirs or is decided.
 */
export async function decideOverrule(instructorId: number, overruleId: number, decision: OverruleDecision, now: Date): Promise<{ ok: true; rescored: number } | Refused> {
  return (await engine()).transaction(async (tx): Promise<{ ok: true; rescored: number } | Refused> => {
    const req = ownedRequestStmt.get({ instructorId, id: overruleId });
    if (!req) return refuse('not_found', 'That request was not found.');
    if (req.status !== 'pending') return refuse('finished', 'That request has already been decided.');
    const decided = { decidedAt: now.getTime(), decidedBy: instructorId };
    if (decision === 'decline') {
      stmts.decide.run({ ...decided, answerId: req.answerId, status: 'declined' });
      return { ok: true, rescored: 0 };
    }
    stmts.decide.run({ ...decided, answerId: req.answerId, status: 'accepted' });
    await acceptAnswer(tx, req.answerId, now);
    const others = decision === 'accept-all' ? sameText(req.assignmentId, req.cardId, req.response).filter((t) => t.answerId !== req.answerId) : [];
    for (const t of others) {
      if (t.status === null) stmts.insert.run({ ...decided, answerId: t.answerId, userId: t.userId, assignmentId: req.assignmentId, status: 'accepted', at: now.getTime() });
      else stmts.decide.run({ ...decided, answerId: t.answerId, status: 'accepted' });
      await acceptAnswer(tx, t.answerId, now);
    }
    const targets = [req, ...others];
    return { ok: true, rescored: targets.length };
  });
}
