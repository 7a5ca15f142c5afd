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
import { studySettingsFor, type StudySettings } from './settings';

interface QueueRow extends Omit<CardStateColumns, 'due'> {
  cardId: number;
  itemId: string;
  position: number;
  retired: number;
  due: number | null;
  suspended: number | null;
  sectionKey: string;
}

const queueRows = db.$client.prepare<{ userId: number; deckId: string }, QueueRow>(`
  SELECT c.id AS cardId, c.item_id AS itemId, c.position, c.retired_at IS NOT NULL AS retired, sec.key AS sectionKey,
         s.due, s.stability, s.difficulty, s.scheduled_days AS scheduledDays, s.learning_steps AS learningSteps,
         s.reps, s.lapses, s.state, s.last_review AS lastReview, s.suspended
  FROM cards c
  JOIN decks d ON d.id = c.deck_id
  JOIN sections sec ON sec.id = c.section_id
  LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
  WHERE c.deck_id = @deckId AND ${DECK_VISIBLE_SQL}
  ORDER BY c.position
`);

const doneTodayStmt = db.$client.prepare<{ userId: number; from: number; to: number }, { newCount: number; reviewCount: number }>(`
  SELECT coalesce(sum(state_before = 0), 0) AS newCount, coalesce(sum(state_before = 2), 0) AS reviewCount
  FROM review_logs
  WHERE user_id = @userId AND reviewed_at >= @from AND reviewed_at < @to AND undone_at IS NULL AND source = 'review'
`);

// Items of decks assigned to the user's classes come first among new cards.
const assignedSections = db.$client.prepare<{ userId: number; deckId: string }, { sectionKeys: string | null }>(`
  SELECT a.section_keys AS sectionKeys FROM assignments a JOIN enrollments e ON e.class_id = a.class_id
  WHERE e.user_id = @userId AND a.deck_id = @deckId
`);

function priorityItems(userId: number, deckId: string, rows: QueueRow[]): Set<string> {
  const assigned = assignedSections.all({ userId, deckId });
  if (assigned.length === 0) return new Set();
  if (assigned.some((a) => a.sectionKeys === null)) return new Set(rows.map((r) => r.itemId));
  const keys = new Set(assigned.flatMap((a) => JSON.parse(a.sectionKeys ?? '[]') as string[]));
  return new Set(rows.filter((r) => keys.has(r.sectionKey)).map((r) => r.itemId));
}

export interface DeckQueue {
  queue: StudyQueue;
  settings: StudySettings;
  day: { key: string; start: Date; end: Date };
  doneToday: { newCount: number; reviewCount: number };
}

/** The queue for `deckId` at `now`, or null if the user may not study that deck. */
export function deckQueueFor(userId: number, deckId: string, now: Date, settings = studySettingsFor(userId)): DeckQueue | null {
  const rows = queueRows.all({ userId, deckId });
  if (rows.length === 0) return null;
  const day = studyDayBounds(now, settings.timeZone, settings.rolloverHour);
  const doneToday = doneTodayStmt.get({ userId, from: day.start.getTime(), to: day.end.getTime() }) ?? { newCount: 0, reviewCount: 0 };
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
    priorityItemIds: priorityItems(userId, deckId, rows),
    schedulerSettings: settings.scheduler,
  });
  return { queue, settings, day, doneToday };
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

const contentRows = db.$client.prepare<{ deckId: string }, ContentRow>(`
  SELECT c.id, c.item_id AS itemId, c.type, c.payload, c.explanation, c.evidence_quote AS evidenceQuote,
         c.evidence_ref AS evidenceRef, sec.key AS sectionKey, sec.title AS sectionTitle
  FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE c.deck_id = @deckId
`);

export type StudySession = ReviewSessionData;

const deckTitle = db.$client.prepare<{ deckId: string }, { id: string; title: string }>('SELECT id, title FROM decks WHERE id = @deckId');

/** Everything the review screen needs for today's session on one deck, in queue order. */
export function studySessionFor(userId: number, deckId: string, now: Date): StudySession | null {
  const dq = deckQueueFor(userId, deckId, now);
  const deck = deckTitle.get({ deckId });
  if (!dq || !deck) return null;
  const content = new Map(contentRows.all({ deckId }).map((r) => [r.id, r]));
  const pick = (kind: SessionCard['kind']) => (c: QueueCard): SessionCard => {
    const row = content.get(c.cardId) as ContentRow;
    return {
      id: row.id,
      itemId: row.itemId,
      type: row.type,
      payload: JSON.parse(row.payload) as CardPayload,
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
