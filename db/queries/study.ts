/**
 * The study queue of one user for one deck: which cards are due, which new cards are allowed
 * today, and the content the review screen needs to show them without further requests.
 */
import 'server-only';
import { db } from '@/db';
import { rowToState, type CardStateColumns } from '@/db/card-state-row';
import { buildQueue, snapshotOf, type QueueCard, type StudyQueue } from '@/lib/scheduler';
import type { CardPayload } from '@/lib/content/cards';
import type { ReviewCard, ReviewSessionData } from '@/lib/review/types';
import { studyDayBounds } from '@/lib/time/study-day';
import { DECK_VISIBLE_SQL } from './access';
import type { StudySettings } from './settings';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)
import { jsonColumn, stringList } from '@/db/json-column';
import { cardPayload } from '@/db/json-column';

interface QueueRow extends Omit<CardStateColumns, 'due'> {
  cardId: number;
  itemId: string;
  position: number;
  retired: number;
  due: number | null;
  suspended: number | null;
  sectionKey: string;
}

const ROW_COLUMNS = `c.id AS cardId, c.item_id AS itemId, c.position, c.retired_at IS NOT NULL AS retired, sec.key AS sectionKey,
         s.due, s.stability, s.difficulty, s.scheduled_days AS scheduledDays, s.learning_steps AS learningSteps,
         s.reps, s.lapses, s.state, s.last_review AS lastReview, s.suspended`;

const queueRows = db.$client.prepare<{ userId: number; deckId: string }, QueueRow>(`
  SELECT ${ROW_COLUMNS}
  FROM cards c
  JOIN decks d ON d.id = c.deck_id
  JOIN sections sec ON sec.id = c.section_id
  LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
  WHERE c.deck_id = @deckId AND ${DECK_VISIBLE_SQL}
  ORDER BY c.position
`);

// Today's counts for every visible deck in one pass, without building each queue. The conditions
// are buildQueue's (lib/scheduler/queue.ts): learning and review cards due before the end of the
// study day, new cards neither retired nor suspended; tests/integration/queue-counts.test.ts checks
// that both agree. The CTE makes SQLite start from the few visible decks, not from every card.
const countsByDeck = db.$client.prepare<{ userId: number; dayEnd: number }, { deckId: string; learning: number; review: number; fresh: number; total: number; studied: number }>(`
  WITH visible AS MATERIALIZED (SELECT d.id FROM decks d WHERE ${DECK_VISIBLE_SQL})
  SELECT c.deck_id AS deckId,
         count(*) FILTER (WHERE c.retired_at IS NULL) AS total,
         count(*) FILTER (WHERE c.retired_at IS NULL AND s.state != 0) AS studied,
         coalesce(sum(s.state IN (1, 3) AND s.due < @dayEnd AND NOT s.suspended), 0) AS learning,
         coalesce(sum(s.state = 2 AND s.due < @dayEnd AND NOT s.suspended), 0) AS review,
         coalesce(sum(coalesce(s.state, 0) = 0 AND c.retired_at IS NULL AND NOT coalesce(s.suspended, 0)), 0) AS fresh
  FROM visible v
  JOIN cards c ON c.deck_id = v.id
  LEFT JOIN card_states s ON s.user_id = @userId AND s.card_id = c.id
  GROUP BY c.deck_id
`);

// A card is introduced by its first review from any source: a quiz answer on a never-studied card
// uses up the day's new-card allowance as a review would. The review limit counts review sessions only.
const doneTodayStmt = db.$client.prepare<{ userId: number; from: number; to: number }, { newCount: number; reviewCount: number }>(`
  SELECT coalesce(sum(state_before = 0), 0) AS newCount, coalesce(sum(state_before = 2 AND source = 'review'), 0) AS reviewCount
  FROM review_logs
  WHERE user_id = @userId AND reviewed_at >= @from AND reviewed_at < @to AND undone_at IS NULL
`);

const cardIsNewStmt = db.$client.prepare<{ userId: number; cardId: number }, { isNew: number }>(`
  SELECT coalesce((SELECT state = 0 FROM card_states WHERE user_id = @userId AND card_id = @cardId), 1) AS isNew
`);

/**
 * Whether reviewing `cardId` now would introduce a new card beyond today's new-card limit (the
 * quiz then records the answer but leaves the card new, for a later day's allowance).
 */
export function wouldExceedNewLimit(userId: number, cardId: number, now: Date, settings: StudySettings): boolean {
  if (cardIsNewStmt.get({ userId, cardId })?.isNew !== 1) return false;
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const done = doneTodayStmt.get({ userId, from: day.start.getTime(), to: day.end.getTime() }) ?? { newCount: 0, reviewCount: 0 };
  return done.newCount >= Math.floor(settings.newPerDay);
}

// Items of decks assigned to the user's classes come first among new cards.
const assignedSections = db.$client.prepare<{ userId: number }, { deckId: string; sectionKeys: string | null }>(`
  SELECT a.deck_id AS deckId, a.section_keys AS sectionKeys FROM assignments a JOIN enrollments e ON e.class_id = a.class_id
  JOIN classes k ON k.id = a.class_id
  WHERE e.user_id = @userId AND k.archived_at IS NULL
`);

/** What the queues of all of a user's decks share at one moment: read once per page, not once per deck. */
interface QueueContext {
  settings: StudySettings;
  day: { key: string; start: Date; end: Date };
  // The daily limits count what was done today across decks.
  doneToday: { newCount: number; reviewCount: number };
  assigned: Map<string, (string | null)[]>;
}

function queueContext(userId: number, now: Date, settings: StudySettings): QueueContext {
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const doneToday = doneTodayStmt.get({ userId, from: day.start.getTime(), to: day.end.getTime() }) ?? { newCount: 0, reviewCount: 0 };
  const assigned = new Map<string, (string | null)[]>();
  for (const a of assignedSections.all({ userId })) assigned.set(a.deckId, [...(assigned.get(a.deckId) ?? []), a.sectionKeys]);
  return { settings, day, doneToday, assigned };
}

function priorityItems(assigned: (string | null)[] | undefined, rows: QueueRow[]): Set<string> {
  if (!assigned || assigned.length === 0) return new Set();
  if (assigned.some((a) => a === null)) return new Set(rows.map((r) => r.itemId));
  const keys = new Set(assigned.flatMap((a) => jsonColumn(a ?? '[]', stringList, 'assignments.section_keys')));
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
  const cards: QueueCard[] = rows.map((r) => ({
    cardId: r.cardId,
    itemId: r.itemId,
    position: r.position,
    retired: r.retired === 1,
    suspended: r.suspended === 1,
    state: r.due === null ? null : rowToState({ ...r, due: r.due }),
  }));
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
export function deckQueueFor(userId: number, deckId: string, now: Date, settings = studySettingsForSync(userId)): DeckQueue | null {
  const rows = queueRows.all({ userId, deckId });
  if (rows.length === 0) return null;
  return queueOf(deckId, rows, now, queueContext(userId, now, settings));
}

/** Today's counts of one deck (its queue's counts), and how many of its live cards there are and the user has seen. */
export type DeckCounts = StudyQueue['counts'] & { total: number; studied: number };

/** Today's counts for every deck the user may study, keyed by deck id: the same numbers as each deck's queue, in one query. */
export function queueCountsByDeck(userId: number, now: Date, settings = studySettingsForSync(userId)): Map<string, DeckCounts> {
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const done = doneTodayStmt.get({ userId, from: day.start.getTime(), to: day.end.getTime() }) ?? { newCount: 0, reviewCount: 0 };
  const reviewsLeft = Math.max(0, Math.floor(settings.reviewsPerDay) - Math.max(0, done.reviewCount));
  const newLeft = Math.max(0, Math.floor(settings.newPerDay) - Math.max(0, done.newCount));
  return new Map(
    countsByDeck.all({ userId, dayEnd: day.end.getTime() }).map((r) => [r.deckId, { learning: r.learning, review: Math.min(r.review, reviewsLeft), new: Math.min(r.fresh, newLeft), total: r.total, studied: r.studied }]),
  );
}

export type SessionCard = ReviewCard;

interface ContentRow {
  id: number;
  itemId: string;
  type: CardPayload['type'];
  payload: string;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  sectionKey: string;
  sectionTitle: string;
}

// Only the cards in today's queue: a 1,000-card deck must not ship (or even read) 1,000 payloads.
const contentRows = db.$client.prepare<{ deckId: string; ids: string }, ContentRow>(`
  SELECT c.id, c.item_id AS itemId, c.type, c.payload, c.explanation, c.evidence_quote AS evidenceQuote,
         c.evidence_ref AS evidenceRef, sec.key AS sectionKey, sec.title AS sectionTitle
  FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE c.deck_id = @deckId AND c.id IN (SELECT value FROM json_each(@ids))
`);

export type StudySession = ReviewSessionData;

const deckTitle = db.$client.prepare<{ deckId: string }, { id: string; title: string }>('SELECT id, title FROM decks WHERE id = @deckId');

/** Everything the review screen needs for today's session on one deck, in queue order. */
export function studySessionFor(userId: number, deckId: string, now: Date): StudySession | null {
  const dq = deckQueueFor(userId, deckId, now);
  const deck = deckTitle.get({ deckId });
  if (!dq || !deck) return null;
  const queued = [...dq.queue.learning, ...dq.queue.review, ...dq.queue.new].map((c) => c.cardId);
  const content = new Map(contentRows.all({ deckId, ids: JSON.stringify(queued) }).map((r) => [r.id, r]));
  const pick = (kind: SessionCard['kind']) => (c: QueueCard): SessionCard => {
    const row = content.get(c.cardId) as ContentRow;
    return {
      id: row.id,
      itemId: row.itemId,
      type: row.type,
      payload: cardPayload(row.payload),
      explanation: row.explanation,
      evidenceQuote: row.evidenceQuote,
      evidenceRef: row.evidenceRef,
      sectionKey: row.sectionKey,
      sectionTitle: row.sectionTitle,
      state: snapshotOf(c.state).card,
      kind,
    };
  };
  return {
    deck,
    cards: [...dq.queue.learning.map(pick('learning')), ...dq.queue.review.map(pick('review')), ...dq.queue.new.map(pick('new'))],
    settings: { scheduler: dq.settings.scheduler, passFail: dq.settings.passFail },
    dayEnd: dq.day.end.getTime(),
    counts: dq.queue.counts,
    generatedAt: now.getTime(),
  };
}
