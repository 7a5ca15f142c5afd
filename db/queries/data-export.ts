/**
 * "Take my data" (issue 17): everything the app holds about one user, read for that user only.
 * The JSON half of the download (lib/export/data-zip.ts packs it with the CSV and the decks).
 * Other people appear only as what the user already sees: a class's name and its instructor's name.
 * Session ids and password hashes are secrets, not data about the user, and are left out.
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { cards, classes, enrollments, fsrsFits, quizAnswers, quizAttempts, quizOverrules, reviewLogs, sessions, typedAnswers, users, userSettings, decks } from '@/db/schema';
import { deckForExport } from './authoring-decks';
import type { Item } from '@/lib/content/schema';
import type { DeckRecord } from '@/lib/content/deck-record';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

function profileOf(userId: number) {
  const u = db.select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get();
  return u && { id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), emailVerifiedAt: iso(u.emailVerifiedAt) };
}

function settingsOf(userId: number) {
  const s = db.select().from(userSettings).where(eq(userSettings.userId, userId)).get();
  if (!s) return null;
  const { userId: _own, ...rest } = s;
  return rest;
}

function enrolmentsOf(userId: number) {
  return db
    .select({ classId: classes.id, className: classes.name, instructor: users.name, joinedAt: enrollments.joinedAt })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .innerJoin(users, eq(users.id, classes.instructorId))
    .where(eq(enrollments.userId, userId))
    .orderBy(asc(enrollments.joinedAt))
    .all()
    .map((e) => ({ ...e, joinedAt: iso(e.joinedAt) }));
}

function reviewsOf(userId: number) {
  return db
    .select({
      id: reviewLogs.id,
      cardId: reviewLogs.cardId,
      deckId: cards.deckId,
      itemId: cards.itemId,
      rating: reviewLogs.rating,
      reviewedAt: reviewLogs.reviewedAt,
      durationMs: reviewLogs.durationMs,
      stateBefore: reviewLogs.stateBefore,
      source: reviewLogs.source,
      dueAfter: reviewLogs.dueAfter,
      stabilityAfter: reviewLogs.stabilityAfter,
      difficultyAfter: reviewLogs.difficultyAfter,
      undoneAt: reviewLogs.undoneAt,
    })
    .from(reviewLogs)
    .innerJoin(cards, eq(cards.id, reviewLogs.cardId))
    .where(eq(reviewLogs.userId, userId))
    .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id))
    .all()
    .map((r) => ({ ...r, reviewedAt: iso(r.reviewedAt), dueAfter: iso(r.dueAfter), undoneAt: iso(r.undoneAt) }));
}

function quizzesOf(userId: number) {
  const attempts = db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).orderBy(asc(quizAttempts.startedAt)).all();
  const answers = db
    .select({ attemptId: quizAnswers.attemptId, cardId: quizAnswers.cardId, itemId: cards.itemId, position: quizAnswers.position, response: quizAnswers.response, correct: quizAnswers.correct, answeredAt: quizAnswers.answeredAt, acceptedAs: quizAnswers.acceptedAs })
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .innerJoin(cards, eq(cards.id, quizAnswers.cardId))
    .where(eq(quizAttempts.userId, userId))
    .orderBy(asc(quizAnswers.attemptId), asc(quizAnswers.position))
    .all();
  return attempts.map((a) => ({
    id: a.id,
    deckId: a.deckId,
    sectionKeys: a.sectionKeys,
    startedAt: iso(a.startedAt),
    finishedAt: iso(a.finishedAt),
    correctCount: a.correctCount,
    questionCount: a.questionCount,
    answers: answers.filter((x) => x.attemptId === a.id).map(({ attemptId: _a, ...x }) => ({ ...x, answeredAt: iso(x.answeredAt) })),
  }));
}

function typedAnswersOf(userId: number) {
  return db
    .select({ cardId: typedAnswers.cardId, itemId: cards.itemId, answer: typedAnswers.answer, overruled: typedAnswers.overruled, answeredAt: typedAnswers.answeredAt })
    .from(typedAnswers)
    .innerJoin(cards, eq(cards.id, typedAnswers.cardId))
    .where(eq(typedAnswers.userId, userId))
    .orderBy(asc(typedAnswers.answeredAt))
    .all()
    .map((t) => ({ ...t, answeredAt: iso(t.answeredAt) }));
}

function overrulesOf(userId: number) {
  return db
    .select({ quizAnswerId: quizOverrules.quizAnswerId, status: quizOverrules.status, requestedAt: quizOverrules.requestedAt, decidedAt: quizOverrules.decidedAt })
    .from(quizOverrules)
    .where(eq(quizOverrules.userId, userId))
    .all()
    .map((o) => ({ ...o, requestedAt: iso(o.requestedAt), decidedAt: iso(o.decidedAt) }));
}

function devicesOf(userId: number) {
  return db
    .select({ device: sessions.userAgent, signedInAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .map((s) => ({ device: s.device, signedInAt: iso(s.signedInAt), lastSeenAt: iso(s.lastSeenAt) }));
}

function fitsOf(userId: number) {
  return db
    .select({ fittedAt: fsrsFits.fittedAt, adopted: fsrsFits.adopted, reason: fsrsFits.reason, weights: fsrsFits.weights, reviews: fsrsFits.reviews, logLossBefore: fsrsFits.logLossBefore, logLossAfter: fsrsFits.logLossAfter })
    .from(fsrsFits)
    .where(and(eq(fsrsFits.scope, 'user'), eq(fsrsFits.scopeId, userId)))
    .orderBy(asc(fsrsFits.fittedAt))
    .all()
    .map((f) => ({ ...f, fittedAt: iso(f.fittedAt) }));
}

export interface OwnDeck {
  id: string;
  deck: DeckRecord;
  items: readonly Item[];
}

/** The decks the user wrote, ready for the content format (lib/content/export-yaml.ts). */
export function ownDecksOf(user: { id: number }): OwnDeck[] {
  const ids = db.select({ id: decks.id }).from(decks).where(eq(decks.ownerId, user.id)).orderBy(asc(decks.id)).all();
  return ids.flatMap(({ id }) => {
    const found = deckForExport(user, id);
    return found ? [{ id, deck: found.deck, items: found.items }] : [];
  });
}

/** The JSON document of the download. */
export function personalData(userId: number) {
  return {
    profile: profileOf(userId) ?? null,
    settings: settingsOf(userId),
    enrolments: enrolmentsOf(userId),
    reviews: reviewsOf(userId),
    quizAttempts: quizzesOf(userId),
    typedAnswers: typedAnswersOf(userId),
    overruleRequests: overrulesOf(userId),
    signedInDevices: devicesOf(userId),
    memoryModelFits: fitsOf(userId),
  };
}
