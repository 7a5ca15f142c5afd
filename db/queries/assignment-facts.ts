/**
 * The facts class analytics are computed from, for one assignment: the roster, the assigned
 * cards, and review, memory and quiz numbers summed per student and per card in SQL, so a class
 * of 200 costs a handful of statements and a few hundred rows, not a row per (student, card).
 * Callers must already have checked that the asking user may see this class.
 *
 * The review-log sums read only the covering index review_logs_user_card. Memory at the due date
 * is today's card state unless the card was reviewed since the due date; only those cards read
 * the log (one seek each) for the state they had then. "The due date" is each student's own
 * (effectiveDue: an extension moves it), so status, studied-by-due, quiz-by-due and memory at
 * the due date are all as of the date that student works to.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int, jsonText } from '@/db/engine/rows';
import { assignmentQuizAttempts, assignments, cards, cardStates, enrollments, quizAnswers, quizAttempts, reviewLogs, sections, users } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import type { AssignmentFacts } from '@/lib/teach/class-analytics';
import { discriminationByCard } from '@/lib/teach/discrimination';
import type { ItemQuizCounts } from '@/lib/teach/item-analysis';
import { originalChoice } from '@/lib/teach/mcq-choice';
import { assignedCte, e, oneIf, rosterOf, studentsCte, type Scope } from './assignment-facts-sql';
import { a, assignedCard, c, lastReviewId, sec } from './assignment-sql';
import { effectiveDue, extended } from './extensions';

export type { Scope } from './assignment-facts-sql';

const DAY_MS = 86_400_000;
const u = alias(users, 'u');
const r = alias(reviewLogs, 'r');
const cs = alias(cardStates, 'cs');
const q = alias(quizAttempts, 'q');
const qa = alias(quizAnswers, 'qa');
const aq = alias(assignmentQuizAttempts, 'aq');

const headerRow = z.object({ id: int, dueAt: int, createdAt: int, goalQuizScore: z.number().nullable(), goalRecall: z.number().nullable() });
const rosterRow = z.object({ userId: int, name: z.string(), email: z.string(), joinedAt: int, dueAt: int, extended: flag });
const cardRow = z.object({ cardId: int, itemId: z.string(), type: z.string(), prompt: z.string(), sectionKey: z.string(), sectionTitle: z.string() });
const logSumRow = z.object({
  kind: z.enum(['student', 'card']),
  id: int,
  studied: int,
  studiedByDue: int,
  reviews7d: int,
  mature30: int,
  passed30: int,
  lastAt: int.nullable(),
  matureAll: int,
  lapsesAll: int,
});
const recallRow = z.object({ kind: z.enum(['student-due', 'card-due', 'card-now']), id: int, recallSum: z.number() });
const quizBestRow = z.object({ userId: int, best: z.number().nullable(), bestByDue: z.number().nullable() });

/** Everything the per-student, per-section and per-item analytics need; undefined if the assignment is not the class's. */
export async function assignmentFacts(scope: Scope, now: Date): Promise<AssignmentFacts | undefined> {
  const db = await engine();
  const f = db.fragments;
  const assignment = await db.get(
    sql`SELECT ${a.id} AS "id", ${a.dueAt} AS "dueAt", ${a.createdAt} AS "createdAt", ${a.goalQuizScore} AS "goalQuizScore", ${a.goalRecall} AS "goalRecall"
      FROM ${assignments} ${a} WHERE ${a.id} = ${scope.assignmentId} AND ${a.classId} = ${scope.classId}`,
    headerRow,
  );
  if (!assignment) return undefined;
  const t = now.getTime();
  const [since7, since30] = [t - 7 * DAY_MS, t - 30 * DAY_MS];
  const ctes = sql`${studentsCte(f, scope)}, ${assignedCte(f, scope)}`;
  const mature = sql`${r.stateBefore} = 2`;

  // One pass over the roster's log on the assigned cards, grouped per (student, card), then summed
  // per student and per card.
  const logs = await db.all(
    sql`WITH ${ctes},
    pairs AS MATERIALIZED (
      SELECT ${r.userId} AS user_id, ${r.cardId} AS card_id, min(${r.reviewedAt}) AS first_at, max(${r.reviewedAt}) AS last_at,
             sum(${oneIf(sql`${r.reviewedAt} >= ${since7}`)}) AS reviews7d,
             sum(${oneIf(sql`${mature} AND ${r.reviewedAt} >= ${since30}`)}) AS mature30,
             sum(${oneIf(sql`${mature} AND ${r.reviewedAt} >= ${since30} AND ${r.rating} > 1`)}) AS passed30,
             sum(${oneIf(mature)}) AS mature_all,
             sum(${oneIf(sql`${mature} AND ${r.rating} = 1`)}) AS lapses_all
      FROM ${reviewLogs} ${r}
      WHERE ${r.undoneAt} IS NULL AND ${r.userId} IN (SELECT user_id FROM students) AND ${r.cardId} IN (SELECT id FROM assigned)
      GROUP BY ${r.userId}, ${r.cardId}
    )
    SELECT 'student' AS "kind", pairs.user_id AS "id", count(*) AS "studied", sum(${oneIf(sql`pairs.first_at <= st.due_at`)}) AS "studiedByDue",
           sum(pairs.reviews7d) AS "reviews7d", sum(pairs.mature30) AS "mature30", sum(pairs.passed30) AS "passed30", max(pairs.last_at) AS "lastAt",
           0 AS "matureAll", 0 AS "lapsesAll"
    FROM pairs JOIN students st ON st.user_id = pairs.user_id GROUP BY pairs.user_id
    UNION ALL
    SELECT 'card', card_id, count(*), 0, 0, 0, 0, NULL, sum(mature_all), sum(lapses_all)
    FROM pairs GROUP BY card_id`,
    logSumRow,
  );

  // Each student's memory of each studied card now, from the card_states cache (equal to a replay
  // of the log), and at their own due date: a due date ahead grows from today's state; a due date
  // passed takes the state each card was left in by its last review at or before it, which is
  // today's state unless the card was reviewed since (only those read the log, one seek each).
  // On SQLite recall_at() is a call into JavaScript: once per (student, card), summed twice.
  const recall = await db.all(
    sql`WITH ${ctes},
    states AS MATERIALIZED (
      SELECT ${cs.userId} AS user_id, ${cs.cardId} AS card_id, ${cs.lastReview} AS seen_at, ${cs.stability} AS stability
      FROM ${cardStates} ${cs}
      WHERE ${cs.userId} IN (SELECT user_id FROM students) AND ${cs.cardId} IN (SELECT id FROM assigned) AND ${cs.state} != 0 AND ${cs.lastReview} IS NOT NULL
    ),
    due AS MATERIALIZED (
      SELECT s.user_id, s.card_id, s.seen_at, s.stability, st.due_at, st.weights
      FROM states s JOIN students st ON st.user_id = s.user_id WHERE s.seen_at <= st.due_at
      UNION ALL
      SELECT s.user_id, s.card_id, ${r.reviewedAt}, ${r.stabilityAfter}, st.due_at, st.weights
      FROM states s JOIN students st ON st.user_id = s.user_id
      JOIN ${reviewLogs} ${r} ON ${r.id} = ${lastReviewId(sql`s.user_id`, sql`s.card_id`, sql`st.due_at`)}
      WHERE s.seen_at > st.due_at
    ),
    recall_due AS MATERIALIZED (SELECT user_id, card_id, recall_at(seen_at, stability, due_at, weights) AS p FROM due)
    SELECT 'card-now' AS "kind", states.card_id AS "id", sum(recall_at(states.seen_at, states.stability, ${t}, st.weights)) AS "recallSum"
    FROM states JOIN students st ON st.user_id = states.user_id GROUP BY states.card_id
    UNION ALL
    SELECT 'card-due', card_id, sum(p) FROM recall_due GROUP BY card_id
    UNION ALL
    SELECT 'student-due', user_id, sum(p) FROM recall_due GROUP BY user_id`,
    recallRow,
  );

  // Only finished attempts of the assignment's own quiz count (issue 16); practice quizzes never do.
  const score = sql`${q.correctCount} * 1.0 / ${q.questionCount}`;
  const quizBest = await db.all(
    sql`WITH ${studentsCte(f, scope)}
    SELECT ${q.userId} AS "userId", max(${score}) AS "best", max(CASE WHEN ${q.finishedAt} <= st.due_at THEN ${score} END) AS "bestByDue"
    FROM ${assignmentQuizAttempts} ${aq} JOIN ${quizAttempts} ${q} ON ${q.id} = ${aq.attemptId} JOIN students st ON st.user_id = ${q.userId}
    WHERE ${aq.assignmentId} = ${scope.assignmentId} AND ${q.finishedAt} IS NOT NULL AND ${q.questionCount} > 0
    GROUP BY ${q.userId}`,
    quizBestRow,
  );

  const roster = await db.all(
    sql`SELECT ${u.id} AS "userId", ${u.name} AS "name", ${u.email} AS "email", ${e.joinedAt} AS "joinedAt",
           ${effectiveDue(f, e.userId)} AS "dueAt", ${extended(e.userId)} AS "extended"
    FROM ${enrollments} ${e} JOIN ${users} ${u} ON ${u.id} = ${e.userId} JOIN ${assignments} ${a} ON ${a.id} = ${scope.assignmentId}
    WHERE ${rosterOf(scope)}
    ORDER BY lower(${u.name}), ${u.id}`,
    rosterRow,
  );
  const cardList = await db.all(
    sql`SELECT ${c.id} AS "cardId", ${c.itemId} AS "itemId", ${c.type} AS "type", ${c.prompt} AS "prompt", ${sec.key} AS "sectionKey", ${sec.title} AS "sectionTitle"
    FROM ${assignments} ${a} JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
    WHERE ${a.id} = ${scope.assignmentId} AND ${assignedCard(f)}
    ORDER BY ${sec.position}, ${c.position}`,
    cardRow,
  );

  const quiz = new Map(quizBest.map((x) => [x.userId, x]));
  const studentLogs = new Map(logs.filter((x) => x.kind === 'student').map((x) => [x.id, x]));
  const cardLogs = new Map(logs.filter((x) => x.kind === 'card').map((x) => [x.id, x]));
  const recallOf = (kind: z.infer<typeof recallRow>['kind']) => new Map(recall.filter((x) => x.kind === kind).map((x) => [x.id, x.recallSum]));
  const [studentDue, cardDue, cardNow] = [recallOf('student-due'), recallOf('card-due'), recallOf('card-now')];
  return {
    assignment,
    students: roster.map((s) => {
      const l = studentLogs.get(s.userId);
      const b = quiz.get(s.userId);
      return {
        ...s,
        studied: l?.studied ?? 0,
        studiedByDue: l?.studiedByDue ?? 0,
        reviews7d: l?.reviews7d ?? 0,
        mature30: l?.mature30 ?? 0,
        passed30: l?.passed30 ?? 0,
        lastAt: l?.lastAt ?? null,
        recallDueSum: studentDue.get(s.userId) ?? 0,
        best: b?.best ?? null,
        bestByDue: b?.bestByDue ?? null,
      };
    }),
    cards: cardList.map((x) => {
      const l = cardLogs.get(x.cardId);
      return {
        ...x,
        studiedBy: l?.studied ?? 0,
        matureAll: l?.matureAll ?? 0,
        lapsesAll: l?.lapsesAll ?? 0,
        recallNowSum: cardNow.get(x.cardId) ?? 0,
        recallDueSum: cardDue.get(x.cardId) ?? 0,
      };
    }),
  };
}

const countsRow = z.object({ cardId: int, answers: int, correct: int });
const studentCardRow = countsRow.extend({ userId: int });
const mcqAnswerRow = z.object({ attemptId: int, cardId: int, response: z.string() });
const payloadRow = z.object({ cardId: int, payload: jsonText(cardPayloadSchema) });

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Quiz answer counts per assigned card for the roster, and the mcq option texts to name distractors. */
export async function itemQuizFacts(scope: Scope): Promise<{ quiz: Map<number, ItemQuizCounts>; optionTexts: Map<number, string[]> }> {
  const db = await engine();
  const f = db.fragments;
  const ctes = sql`${studentsCte(f, scope)}, ${assignedCte(f, scope)}`;
  const ofRoster = sql`${q.userId} IN (SELECT user_id FROM students) AND ${qa.cardId} IN (SELECT id FROM assigned)`;
  const answered = sql`${quizAnswers} ${qa} JOIN ${quizAttempts} ${q} ON ${q.id} = ${qa.attemptId}`;
  const payloads = await db.all(
    sql`WITH ${assignedCte(f, scope)}
    SELECT ${c.id} AS "cardId", ${f.jsonText(c.payload)} AS "payload" FROM ${cards} ${c} WHERE ${c.type} = 'mcq' AND ${c.id} IN (SELECT id FROM assigned)`,
    payloadRow,
  );
  // Per student and card, for the discrimination index (each student's rest-of-quizzes score).
  const perStudent = await db.all(
    sql`WITH ${ctes}
    SELECT ${q.userId} AS "userId", ${qa.cardId} AS "cardId", count(*) AS "answers", sum(${oneIf(sql`${qa.correct}`)}) AS "correct"
    FROM ${answered} WHERE ${ofRoster} GROUP BY ${q.userId}, ${qa.cardId}`,
    studentCardRow,
  );
  const counts = await db.all(
    sql`WITH ${ctes}
    SELECT ${qa.cardId} AS "cardId", count(*) AS "answers", sum(${oneIf(sql`${qa.correct}`)}) AS "correct"
    FROM ${answered} WHERE ${ofRoster} GROUP BY ${qa.cardId}`,
    countsRow,
  );
  // mcq answers one by one: the response is a shown index, decoded in lib/teach/mcq-choice.ts.
  const mcqAnswers = await db.all(
    sql`WITH ${ctes}
    SELECT ${qa.attemptId} AS "attemptId", ${qa.cardId} AS "cardId", ${f.jsonText(qa.response)} AS "response"
    FROM ${answered} JOIN ${cards} ${c} ON ${c.id} = ${qa.cardId} WHERE ${c.type} = 'mcq' AND ${ofRoster}`,
    mcqAnswerRow,
  );

  const optionTexts = new Map<number, string[]>();
  const correctIndex = new Map<number, number>();
  for (const row of payloads) {
    const options = row.payload.type === 'mcq' ? row.payload.options : [];
    optionTexts.set(row.cardId, options.map((o) => o.text));
    correctIndex.set(row.cardId, options.findIndex((o) => o.correct));
  }
  const choiceCounts = new Map<number, Map<number, number>>();
  const quiz = new Map<number, ItemQuizCounts>();
  const discrimination = discriminationByCard(perStudent);
  for (const row of counts) {
    const choices = new Map<number, number>();
    choiceCounts.set(row.cardId, choices);
    quiz.set(row.cardId, {
      answers: row.answers,
      correct: row.correct,
      choiceCounts: choices,
      correctIndex: correctIndex.get(row.cardId) ?? null,
      discrimination: discrimination.get(row.cardId),
    });
  }
  for (const row of mcqAnswers) {
    const choices = choiceCounts.get(row.cardId);
    const choice = originalChoice(parseJson(row.response), row.attemptId, row.cardId, optionTexts.get(row.cardId)?.length ?? 0);
    if (choices && choice !== null) choices.set(choice, (choices.get(choice) ?? 0) + 1);
  }
  return { quiz, optionTexts };
}
