/**
 * "Take my data" (issue 17): everything the app holds about one user, read for that user only.
 * The JSON half of the download (lib/export/data-zip.ts packs it with the CSV and the decks).
 * Other people appear only as what the user already sees: a class's name and its instructor's name.
 * Session ids and password hashes are secrets, not data about the user, and are left out.
 * On the engine (db/engine): every row decoded, the same on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine, type Queryable } from '@/db/engine';
import { flag, int, jsonText } from '@/db/engine/rows';
import { numberList, stringList } from '@/db/json-column';
import { cards, classes, decks, enrollments, fsrsFits, quizAnswers, quizAttempts, quizOverrules, reviewLogs, sessions, typedAnswers, users, userSettings } from '@/db/schema';
import { deckForExport } from './authoring-decks';
import type { Item } from '@/lib/content/schema';
import type { DeckRecord } from '@/lib/content/deck-record';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = int.nullable();

async function profileOf(db: Queryable, userId: number) {
  const row = z.object({ id: int, email: z.string(), name: z.string(), role: z.enum(users.role.enumValues), createdAt: int, emailVerifiedAt: ms });
  const u = await db.get(
    sql`SELECT ${users.id} AS "id", ${users.email} AS "email", ${users.name} AS "name", ${users.role} AS "role",
          ${users.createdAt} AS "createdAt", ${users.emailVerifiedAt} AS "emailVerifiedAt"
        FROM ${users} WHERE ${users.id} = ${userId}`,
    row,
  );
  return u && { ...u, createdAt: new Date(u.createdAt).toISOString(), emailVerifiedAt: iso(u.emailVerifiedAt) };
}

async function settingsOf(db: Queryable, userId: number) {
  const f = db.fragments;
  const row = z.object({
    desiredRetention: z.number(),
    newPerDay: int,
    reviewsPerDay: int,
    timeZone: z.string(),
    rolloverHour: int,
    passFail: flag,
    maximumInterval: int,
    leechThreshold: int,
    quizFeedback: z.enum(userSettings.quizFeedback.enumValues),
    fsrsWeights: jsonText(numberList).nullable(),
    fsrsSource: z.enum(userSettings.fsrsSource.enumValues),
    fsrsFitId: int.nullable(),
  });
  const s = userSettings;
  const found = await db.get(
    sql`SELECT ${s.desiredRetention} AS "desiredRetention", ${s.newPerDay} AS "newPerDay", ${s.reviewsPerDay} AS "reviewsPerDay", ${s.timeZone} AS "timeZone",
          ${s.rolloverHour} AS "rolloverHour", ${s.passFail} AS "passFail", ${s.maximumInterval} AS "maximumInterval", ${s.leechThreshold} AS "leechThreshold",
          ${s.quizFeedback} AS "quizFeedback", ${f.jsonText(s.fsrsWeights)} AS "fsrsWeights", ${s.fsrsSource} AS "fsrsSource", ${s.fsrsFitId} AS "fsrsFitId"
        FROM ${s} WHERE ${s.userId} = ${userId}`,
    row,
  );
  return found ?? null;
}

async function enrolmentsOf(db: Queryable, userId: number) {
  const rows = await db.all(
    sql`SELECT ${classes.id} AS "classId", ${classes.name} AS "className", ${users.name} AS "instructor", ${enrollments.joinedAt} AS "joinedAt"
        FROM ${enrollments} JOIN ${classes} ON ${classes.id} = ${enrollments.classId} JOIN ${users} ON ${users.id} = ${classes.instructorId}
        WHERE ${enrollments.userId} = ${userId} ORDER BY ${enrollments.joinedAt}`,
    z.object({ classId: int, className: z.string(), instructor: z.string(), joinedAt: int }),
  );
  return rows.map((e) => ({ ...e, joinedAt: iso(e.joinedAt) }));
}

async function reviewsOf(db: Queryable, userId: number) {
  const l = reviewLogs;
  const row = z.object({
    id: int,
    cardId: int,
    deckId: z.string(),
    itemId: z.string(),
    rating: int,
    reviewedAt: int,
    durationMs: int,
    stateBefore: int,
    source: z.enum(l.source.enumValues),
    dueAfter: int,
    stabilityAfter: z.number(),
    difficultyAfter: z.number(),
    undoneAt: ms,
  });
  const rows = await db.all(
    sql`SELECT ${l.id} AS "id", ${l.cardId} AS "cardId", ${cards.deckId} AS "deckId", ${cards.itemId} AS "itemId", ${l.rating} AS "rating",
          ${l.reviewedAt} AS "reviewedAt", ${l.durationMs} AS "durationMs", ${l.stateBefore} AS "stateBefore", ${l.source} AS "source",
          ${l.dueAfter} AS "dueAfter", ${l.stabilityAfter} AS "stabilityAfter", ${l.difficultyAfter} AS "difficultyAfter", ${l.undoneAt} AS "undoneAt"
        FROM ${l} JOIN ${cards} ON ${cards.id} = ${l.cardId}
        WHERE ${l.userId} = ${userId} ORDER BY ${l.reviewedAt}, ${l.id}`,
    row,
  );
  return rows.map((r) => ({ ...r, reviewedAt: iso(r.reviewedAt), dueAfter: iso(r.dueAfter), undoneAt: iso(r.undoneAt) }));
}

async function quizzesOf(db: Queryable, userId: number) {
  const f = db.fragments;
  const attempts = await db.all(
    sql`SELECT ${quizAttempts.id} AS "id", ${quizAttempts.deckId} AS "deckId", ${f.jsonText(quizAttempts.sectionKeys)} AS "sectionKeys",
          ${quizAttempts.startedAt} AS "startedAt", ${quizAttempts.finishedAt} AS "finishedAt",
          ${quizAttempts.correctCount} AS "correctCount", ${quizAttempts.questionCount} AS "questionCount"
        FROM ${quizAttempts} WHERE ${quizAttempts.userId} = ${userId} ORDER BY ${quizAttempts.startedAt}, ${quizAttempts.id}`,
    z.object({ id: int, deckId: z.string(), sectionKeys: jsonText(stringList).nullable(), startedAt: int, finishedAt: ms, correctCount: int, questionCount: int }),
  );
  const answers = await db.all(
    sql`SELECT ${quizAnswers.attemptId} AS "attemptId", ${quizAnswers.cardId} AS "cardId", ${cards.itemId} AS "itemId", ${quizAnswers.position} AS "position",
          ${f.jsonText(quizAnswers.response)} AS "response", ${quizAnswers.correct} AS "correct", ${quizAnswers.answeredAt} AS "answeredAt",
          ${quizAnswers.acceptedAs} AS "acceptedAs"
        FROM ${quizAnswers} JOIN ${quizAttempts} ON ${quizAttempts.id} = ${quizAnswers.attemptId} JOIN ${cards} ON ${cards.id} = ${quizAnswers.cardId}
        WHERE ${quizAttempts.userId} = ${userId} ORDER BY ${quizAnswers.attemptId}, ${quizAnswers.position}`,
    z.object({ attemptId: int, cardId: int, itemId: z.string(), position: int, response: jsonText(z.unknown()), correct: flag, answeredAt: int, acceptedAs: z.string().nullable() }),
  );
  return attempts.map((a) => ({
    ...a,
    startedAt: iso(a.startedAt),
    finishedAt: iso(a.finishedAt),
    answers: answers.filter((x) => x.attemptId === a.id).map(({ attemptId: _a, ...x }) => ({ ...x, answeredAt: iso(x.answeredAt) })),
  }));
}

async function typedAnswersOf(db: Queryable, userId: number) {
  const rows = await db.all(
    sql`SELECT ${typedAnswers.cardId} AS "cardId", ${cards.itemId} AS "itemId", ${typedAnswers.answer} AS "answer",
          ${typedAnswers.correct} AS "correct", ${typedAnswers.overruled} AS "overruled", ${typedAnswers.answeredAt} AS "answeredAt"
        FROM ${typedAnswers} JOIN ${cards} ON ${cards.id} = ${typedAnswers.cardId}
        WHERE ${typedAnswers.userId} = ${userId} ORDER BY ${typedAnswers.answeredAt}, ${typedAnswers.id}`,
    z.object({ cardId: int, itemId: z.string(), answer: z.string(), correct: flag.nullable(), overruled: flag, answeredAt: int }),
  );
  return rows.map((t) => ({ ...t, answeredAt: iso(t.answeredAt) }));
}

async function overrulesOf(db: Queryable, userId: number) {
  const rows = await db.all(
    sql`SELECT ${quizOverrules.quizAnswerId} AS "quizAnswerId", ${quizOverrules.status} AS "status", ${quizOverrules.requestedAt} AS "requestedAt",
          ${quizOverrules.decidedAt} AS "decidedAt"
        FROM ${quizOverrules} WHERE ${quizOverrules.userId} = ${userId} ORDER BY ${quizOverrules.requestedAt}, ${quizOverrules.id}`,
    z.object({ quizAnswerId: int, status: z.enum(quizOverrules.status.enumValues), requestedAt: int, decidedAt: ms }),
  );
  return rows.map((o) => ({ ...o, requestedAt: iso(o.requestedAt), decidedAt: iso(o.decidedAt) }));
}

async function devicesOf(db: Queryable, userId: number) {
  const rows = await db.all(
    sql`SELECT ${sessions.userAgent} AS "device", ${sessions.createdAt} AS "signedInAt", ${sessions.lastSeenAt} AS "lastSeenAt"
        FROM ${sessions} WHERE ${sessions.userId} = ${userId} ORDER BY ${sessions.createdAt}, ${sessions.id}`,
    z.object({ device: z.string(), signedInAt: int, lastSeenAt: int }),
  );
  return rows.map((s) => ({ device: s.device, signedInAt: iso(s.signedInAt), lastSeenAt: iso(s.lastSeenAt) }));
}

async function fitsOf(db: Queryable, userId: number) {
  const rows = await db.all(
    sql`SELECT ${fsrsFits.fittedAt} AS "fittedAt", ${fsrsFits.adopted} AS "adopted", ${fsrsFits.reason} AS "reason", ${db.fragments.jsonText(fsrsFits.weights)} AS "weights",
          ${fsrsFits.reviews} AS "reviews", ${fsrsFits.logLossBefore} AS "logLossBefore", ${fsrsFits.logLossAfter} AS "logLossAfter"
        FROM ${fsrsFits} WHERE ${fsrsFits.scope} = 'user' AND ${fsrsFits.scopeId} = ${userId} ORDER BY ${fsrsFits.fittedAt}, ${fsrsFits.id}`,
    z.object({
      fittedAt: int,
      adopted: flag,
      reason: z.enum(fsrsFits.reason.enumValues),
      weights: jsonText(numberList).nullable(),
      reviews: int,
      logLossBefore: z.number().nullable(),
      logLossAfter: z.number().nullable(),
    }),
  );
  return rows.map((f) => ({ ...f, fittedAt: iso(f.fittedAt) }));
}

export interface OwnDeck {
  id: string;
  deck: DeckRecord;
  items: readonly Item[];
}

/** The decks the user wrote, ready for the content format (lib/content/export-yaml.ts). */
export async function ownDecksOf(user: { id: number }): Promise<OwnDeck[]> {
  const db = await engine();
  const ids = await db.all(sql`SELECT ${decks.id} AS "id" FROM ${decks} WHERE ${decks.ownerId} = ${user.id} ORDER BY ${decks.id}`, z.object({ id: z.string() }));
  const out: OwnDeck[] = [];
  for (const { id } of ids) {
    const found = await deckForExport(user, id);
    if (found) out.push({ id, deck: found.deck, items: found.items });
  }
  return out;
}

/** The JSON document of the download. */
export async function personalData(userId: number) {
  const db = await engine();
  return {
    profile: (await profileOf(db, userId)) ?? null,
    settings: await settingsOf(db, userId),
    enrolments: await enrolmentsOf(db, userId),
    reviews: await reviewsOf(db, userId),
    quizAttempts: await quizzesOf(db, userId),
    typedAnswers: await typedAnswersOf(db, userId),
    overruleRequests: await overrulesOf(db, userId),
    signedInDevices: await devicesOf(db, userId),
    memoryModelFits: await fitsOf(db, userId),
  };
}
