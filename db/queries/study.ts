/**
 * The study queue of one user for one deck: which cards are due, which new cards are allowed
 * today, and the content the review screen needs to show them without further requests.
 * A hot path (Today, the review page): its statements are prepared once per engine.
 */
import 'server-only';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowToState } from '@/db/card-state-row';
import { engine } from '@/db/engine';
import { flag, int, jsonText } from '@/db/engine/rows';
import type { Engine, Queryable } from '@/db/engine/types';
import { assignments, cards, cardStates, classes, decks, enrollments, reviewLogs, sections } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { buildQueue, snapshotOf, type QueueCard, type StudyQueue } from '@/lib/scheduler';
import type { ReviewCard, ReviewSessionData } from '@/lib/review/types';
import { studyDayBounds } from '@/lib/time/study-day';
import { stringList } from '@/db/json-column';
import { deckVisibleTo } from './access-sql';
import { joinedState, joinedStateColumns, joinedStateShape } from './joined-state';
import { studySettingsFor, type StudySettings } from './settings';

type Value = number | Placeholder;
const P = { userId: sql.placeholder('userId'), deckId: sql.placeholder('deckId'), dayEnd: sql.placeholder('dayEnd'), from: sql.placeholder('from'), to: sql.placeholder('to') };

const queueRow = z.object({
  cardId: int,
  itemId: z.string(),
  position: int,
  retired: flag,
  sectionKey: z.string(),
  ...joinedStateShape,
  suspended: flag.nullable(),
});
type QueueRow = z.infer<typeof queueRow>;

const countsRow = z.object({ deckId: z.string(), learning: int, review: int, fresh: int, total: int, studied: int });
const doneRow = z.object({ newCount: int, reviewCount: int });

// A card is introduced by its first review from any source: a quiz answer on a never-studied card
// uses up the day's new-card allowance as a review would. The review limit counts review sessions only.
const doneTodaySql = (userId: Value, from: Value, to: Value): SQL =>
  sql`SELECT count(*) FILTER (WHERE ${reviewLogs.stateBefore} = 0) AS "newCount",
             count(*) FILTER (WHERE ${reviewLogs.stateBefore} = 2 AND ${reviewLogs.source} = 'review') AS "reviewCount"
      FROM ${reviewLogs}
      WHERE ${reviewLogs.userId} = ${userId} AND ${reviewLogs.reviewedAt} >= ${from} AND ${reviewLogs.reviewedAt} < ${to} AND ${reviewLogs.undoneAt} IS NULL`;

function prepareAll(db: Engine) {
  return {
    queueRows: db.prepare<{ userId: number; deckId: string }, QueueRow>(
      sql`SELECT ${cards.id} AS "cardId", ${cards.itemId} AS "itemId", ${cards.position} AS "position", (${cards.retiredAt} IS NOT NULL) AS "retired",
            ${sections.key} AS "sectionKey", ${joinedStateColumns}, ${cardStates.suspended} AS "suspended"
          FROM ${cards}
          JOIN ${decks} ON ${decks.id} = ${cards.deckId}
          JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
          LEFT JOIN ${cardStates} ON ${cardStates.cardId} = ${cards.id} AND ${cardStates.userId} = ${P.userId}
          WHERE ${cards.deckId} = ${P.deckId} AND ${deckVisibleTo(P.userId, decks)}
          ORDER BY ${cards.position}`,
      queueRow,
    ),
    // Today's counts for every visible deck in one pass, without building each queue. The conditions
    // are buildQueue's (lib/scheduler/queue.ts): learning and review cards due before the end of the
    // study day, new cards neither retired nor suspended; tests/integration/queue-counts.test.ts checks
    // that both agree. The CTE makes SQLite start from the few visible decks, not from every card.
    countsByDeck: db.prepare<{ userId: number; dayEnd: number }, z.infer<typeof countsRow>>(
      sql`WITH visible AS MATERIALIZED (SELECT ${decks.id} AS id FROM ${decks} WHERE ${deckVisibleTo(P.userId, decks)})
          SELECT ${cards.deckId} AS "deckId",
                 count(*) FILTER (WHERE ${cards.retiredAt} IS NULL) AS "total",
                 count(*) FILTER (WHERE ${cards.retiredAt} IS NULL AND ${cardStates.state} != 0) AS "studied",
                 count(*) FILTER (WHERE ${cardStates.state} IN (1, 3) AND ${cardStates.due} < ${P.dayEnd} AND NOT ${cardStates.suspended}) AS "learning",
                 count(*) FILTER (WHERE ${cardStates.state} = 2 AND ${cardStates.due} < ${P.dayEnd} AND NOT ${cardStates.suspended}) AS "review",
                 count(*) FILTER (WHERE coalesce(${cardStates.state}, 0) = 0 AND ${cards.retiredAt} IS NULL
                                    AND NOT coalesce(${cardStates.suspended}, ${db.fragments.bool(false)})) AS "fresh"
          FROM visible
          JOIN ${cards} ON ${cards.deckId} = visible.id
          LEFT JOIN ${cardStates} ON ${cardStates.userId} = ${P.userId} AND ${cardStates.cardId} = ${cards.id}
          GROUP BY ${cards.deckId}`,
      countsRow,
    ),
    doneToday: db.prepare<{ userId: number; from: number; to: number }, z.infer<typeof doneRow>>(doneTodaySql(P.userId, P.from, P.to), doneRow),
    // Items of decks assigned to the user's classes come first among new cards.
    assignedSections: db.prepare<{ userId: number }, { deckId: string; sectionKeys: string[] | null }>(
      sql`SELECT ${assignments.deckId} AS "deckId", ${db.fragments.jsonText(assignments.sectionKeys)} AS "sectionKeys"
          FROM ${assignments} JOIN ${enrollments} ON ${enrollments.classId} = ${assignments.classId}
          JOIN ${classes} ON ${classes.id} = ${assignments.classId}
          WHERE ${enrollments.userId} = ${P.userId} AND ${classes.archivedAt} IS NULL`,
      z.object({ deckId: z.string(), sectionKeys: jsonText(stringList).nullable() }),
    ),
    deckTitle: db.prepare<{ deckId: string }, { id: string; title: string }>(
      sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title" FROM ${decks} WHERE ${decks.id} = ${P.deckId}`,
      z.object({ id: z.string(), title: z.string() }),
    ),
  };
}

// One set per engine (the engine is async and chosen once per process; tests may open others).
const preparedFor = new WeakMap<Engine, ReturnType<typeof prepareAll>>();
async function statements() {
  const db = await engine();
  let s = preparedFor.get(db);
  if (!s) preparedFor.set(db, (s = prepareAll(db)));
  return s;
}

/**
 * Whether reviewing `cardId` now would introduce a new card beyond today's new-card limit (the
 * quiz then records the answer but leaves the card new, for a later day's allowance). Runs on the
 * caller's transaction `q`, which goes on to record the review.
 */
export async function wouldExceedNewLimitIn(q: Queryable, userId: number, cardId: number, now: Date, settings: StudySettings): Promise<boolean> {
  const state = await q.get(
    sql`SELECT ${cardStates.state} AS "state" FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND ${cardStates.cardId} = ${cardId}`,
    z.object({ state: int }),
  );
  if (state !== undefined && state.state !== 0) return false;
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const done = (await q.get(doneTodaySql(userId, day.start.getTime(), day.end.getTime()), doneRow)) ?? { newCount: 0, reviewCount: 0 };
  return done.newCount >= Math.floor(settings.newPerDay);
}

/** What the queues of all of a user's decks share at one moment: read once per page, not once per deck. */
interface QueueContext {
  settings: StudySettings;
  day: { key: string; start: Date; end: Date };
  // The daily limits count what was done today across decks.
  doneToday: { newCount: number; reviewCount: number };
  assigned: Map<string, (string[] | null)[]>;
}

async function queueContext(userId: number, now: Date, settings: StudySettings): Promise<QueueContext> {
  const s = await statements();
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const doneToday = (await s.doneToday.get({ userId, from: day.start.getTime(), to: day.end.getTime() })) ?? { newCount: 0, reviewCount: 0 };
  const assigned = new Map<string, (string[] | null)[]>();
  for (const a of await s.assignedSections.all({ userId })) assigned.set(a.deckId, [...(assigned.get(a.deckId) ?? []), a.sectionKeys]);
  return { settings, day, doneToday, assigned };
}

function priorityItems(assigned: (string[] | null)[] | undefined, rows: QueueRow[]): Set<string> {
  if (!assigned || assigned.length === 0) return new Set();
  if (assigned.some((a) => a === null)) return new Set(rows.map((r) => r.itemId));
  const keys = new Set(assigned.flatMap((a) => a ?? []));
  return new Set(rows.filter((r) => keys.has(r.sectionKey)).map((r) => r.itemId));
}

export interface DeckQueue {
  queue: StudyQueue;
  settings: StudySettings;
  day: { key: string; start: Date; end: Date };
  doneToday: { newCount: number; reviewCount: number };
}

function queueOf(deckId: string, rows: QueueRow[], now: Date, ctx: QueueContext): DeckQueue {
  const { settings, day, doneToday } = ctx;
  const cards: QueueCard[] = rows.map((r) => {
    const state = joinedState(r);
    return {
      cardId: r.cardId,
      itemId: r.itemId,
      position: r.position,
      retired: r.retired,
      suspended: r.suspended === true,
      state: state === null ? null : rowToState(state),
    };
  });
  const queue = buildQueue({
    now,
    cards,
    settings: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay },
    doneToday,
    dayEnd: day.end,
    priorityItemIds: priorityItems(ctx.assigned.get(deckId), rows),
    schedulerSettings: settings.scheduler,
  });
  return { queue, settings, day, doneToday };
}

/** The queue for `deckId` at `now`, or null if the user may not study that deck. */
export async function deckQueueFor(userId: number, deckId: string, now: Date, settings?: StudySettings): Promise<DeckQueue | null> {
  const s = await statements();
  const rows = await s.queueRows.all({ userId, deckId });
  if (rows.length === 0) return null;
  return queueOf(deckId, rows, now, await queueContext(userId, now, settings ?? (await studySettingsFor(userId))));
}

/** Today's counts of one deck (its queue's counts), and how many of its live cards there are and the user has seen. */
export type DeckCounts = StudyQueue['counts'] & { total: number; studied: number };

/** Today's counts for every deck the user may study, keyed by deck id: the same numbers as each deck's queue, in one query. */
export async function queueCountsByDeck(userId: number, now: Date, settings?: StudySettings): Promise<Map<string, DeckCounts>> {
  const s = await statements();
  const { timeZone, rolloverHour, reviewsPerDay, newPerDay } = settings ?? (await studySettingsFor(userId));
  const day = studyDayBounds(now, timeZone, rolloverHour);
  const done = (await s.doneToday.get({ userId, from: day.start.getTime(), to: day.end.getTime() })) ?? { newCount: 0, reviewCount: 0 };
  const reviewsLeft = Math.max(0, Math.floor(reviewsPerDay) - Math.max(0, done.reviewCount));
  const newLeft = Math.max(0, Math.floor(newPerDay) - Math.max(0, done.newCount));
  const rows = await s.countsByDeck.all({ userId, dayEnd: day.end.getTime() });
  return new Map(rows.map((r) => [r.deckId, { learning: r.learning, review: Math.min(r.review, reviewsLeft), new: Math.min(r.fresh, newLeft), total: r.total, studied: r.studied }]));
}

export type SessionCard = ReviewCard;

const contentRow = z.object({
  id: int,
  itemId: z.string(),
  type: z.enum(['basic', 'cloze', 'mcq', 'truefalse', 'typed', 'ordering']),
  payload: jsonText(cardPayloadSchema),
  explanation: z.string().nullable(),
  evidenceQuote: z.string().nullable(),
  evidenceRef: z.string().nullable(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
});

export type StudySession = ReviewSessionData;

/** Everything the review screen needs for today's session on one deck, in queue order. */
export async function studySessionFor(userId: number, deckId: string, now: Date): Promise<StudySession | null> {
  const s = await statements();
  const [dq, deck] = await Promise.all([deckQueueFor(userId, deckId, now), s.deckTitle.get({ deckId })]);
  if (!dq || !deck) return null;
  const queued = [...dq.queue.learning, ...dq.queue.review, ...dq.queue.new].map((c) => c.cardId);
  // Only the cards in today's queue: a 1,000-card deck must not ship (or even read) 1,000 payloads.
  // One list parameter, so on SQLite the statement's text (and its compiled statement) is the same every time.
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${cards.id} AS "id", ${cards.itemId} AS "itemId", ${cards.type} AS "type", ${db.fragments.jsonText(cards.payload)} AS "payload",
          ${cards.explanation} AS "explanation", ${cards.evidenceQuote} AS "evidenceQuote", ${cards.evidenceRef} AS "evidenceRef",
          ${sections.key} AS "sectionKey", ${sections.title} AS "sectionTitle"
        FROM ${cards} JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
        WHERE ${cards.deckId} = ${deckId} AND ${cards.id} IN ${db.fragments.intsIn(queued)}`,
    contentRow,
  );
  const content = new Map(rows.map((r) => [r.id, r]));
  const pick = (kind: SessionCard['kind']) => (c: QueueCard): SessionCard[] => {
    const row = content.get(c.cardId);
    // Every queued card was read above (same deck, same moment); a card deleted in between is left out.
    if (!row) return [];
    return [{ ...row, state: snapshotOf(c.state).card, kind }];
  };
  return {
    deck,
    cards: [...dq.queue.learning.flatMap(pick('learning')), ...dq.queue.review.flatMap(pick('review')), ...dq.queue.new.flatMap(pick('new'))],
    settings: { scheduler: dq.settings.scheduler, passFail: dq.settings.passFail },
    dayEnd: dq.day.end.getTime(),
    counts: dq.queue.counts,
    generatedAt: now.getTime(),
  };
}
