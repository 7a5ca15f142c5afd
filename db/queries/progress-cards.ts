/**
 * The card-state half of a learner's progress: mastery per deck and section, the due forecast
 * and the hardest cards. Only decks the learner may study are shown (the same rule as the queue);
 * retired cards are left out of mastery, as they are no longer part of their deck.
 * The counting happens in SQL: a heavy learner's 10,000 card states never reach JS one by one.
 */
import 'server-only';
import { db } from '@/db';
import { hardestCards, masteredRatioBand, masteryCounts, studyDayRanges, type DayCount, type HardnessRow, type MasteryCounts } from '@/lib/stats';
import { addDays, dayKeysFrom, studyDayKey } from '@/lib/time/study-day';
import { DECK_VISIBLE_SQL } from './access';
import type { StudySettings } from './settings';

export interface SectionMastery {
  key: string;
  title: string;
  counts: MasteryCounts;
}

export interface DeckMastery {
  id: string;
  title: string;
  counts: MasteryCounts;
  sections: SectionMastery[];
}

export interface HardCard {
  cardId: number;
  prompt: string;
  deckId: string;
  sectionKey: string;
  sectionTitle: string;
  lapses: number;
  reviews: number;
  againRate: number;
  difficulty: number;
}

const visibleDecks = db.$client.prepare<{ userId: number }, { id: string; title: string }>(
  `SELECT d.id, d.title FROM decks d WHERE ${DECK_VISIBLE_SQL} ORDER BY d.position, d.title`,
);

const sectionsOf = db.$client.prepare<{ deckIds: string }, { id: number; deckId: string; key: string; title: string }>(
  `SELECT id, deck_id AS deckId, key, title FROM sections
   WHERE deck_id IN (SELECT value FROM json_each(@deckIds)) ORDER BY deck_id, position`,
);

const DAY_MS = 86_400_000;

// Mastery bucket of each live card of the visible decks, decided in SQL as masteryCounts would
// (see masteredRatioBand): only the counts per section and bucket reach JS, and a card too close
// to the mastered/learning line to decide here comes back alone ('check') with its state.
const masteryBuckets = db.$client.prepare<
  { userId: number; deckIds: string; now: number; masteredUpToMs: number; learningFromMs: number },
  { sectionId: number; bucket: 'new' | 'learning' | 'mastered' | 'suspended' | 'check'; n: number; stability: number | null; lastReview: number | null }
>(`
  SELECT c.section_id AS sectionId,
    CASE
      WHEN s.state IS NULL THEN 'new'
      WHEN s.suspended = 1 THEN 'suspended'
      WHEN s.state = 0 THEN 'new'
      WHEN s.state != 2 OR NOT (s.stability > 0) OR s.last_review IS NULL THEN 'learning'
      WHEN @now - s.last_review <= s.stability * @masteredUpToMs THEN 'mastered'
      WHEN @now - s.last_review >= s.stability * @learningFromMs THEN 'learning'
      ELSE 'check'
    END AS bucket,
    count(*) AS n, min(s.stability) AS stability, min(s.last_review) AS lastReview
  FROM cards c LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
  WHERE c.retired_at IS NULL AND c.deck_id IN (SELECT value FROM json_each(@deckIds))
  GROUP BY sectionId, bucket, CASE WHEN bucket = 'check' THEN c.id END
`);

// Cards due per range [lo, hi) of the (user_id, due) index: one range per study day, the first
// open below so overdue cards count today. No card row is sorted or reaches JS.
const duePerRange = db.$client.prepare<{ userId: number; bounds: string; deckIds: string }, { i: number; n: number }>(`
  WITH d AS (SELECT key AS i, value AS lo, lead(value) OVER (ORDER BY key) AS hi FROM json_each(@bounds))
  SELECT i, (SELECT count(*) FROM card_states s JOIN cards c ON c.id = s.card_id
             WHERE s.user_id = @userId AND s.due >= d.lo AND s.due < d.hi AND s.suspended = 0 AND s.state != 0
               AND c.deck_id IN (SELECT value FROM json_each(@deckIds))) AS n
  FROM d WHERE hi IS NOT NULL ORDER BY i
`);

// hardestCards ranks by lapses first, so a card with fewer lapses than the n-th most-lapsed card
// can never make the top n: when at least n cards have lapsed, only cards at or above that
// cutoff need their Again rate, read through the (user_id, card_id) log index.
const lapseCutoff = db.$client
  .prepare<{ userId: number; deckIds: string; offset: number }, number>(`
  SELECT s.lapses FROM card_states s JOIN cards c ON c.id = s.card_id
  WHERE s.user_id = @userId AND s.lapses > 0 AND c.deck_id IN (SELECT value FROM json_each(@deckIds))
  ORDER BY s.lapses DESC LIMIT 1 OFFSET @offset`)
  .pluck();

const hardnessAboveCutoff = db.$client.prepare<{ userId: number; deckIds: string; minLapses: number }, HardnessRow>(`
  SELECT s.card_id AS cardId, s.lapses, s.difficulty, count(l.id) AS reviews, coalesce(sum(l.rating = 1), 0) AS againCount
  FROM card_states s JOIN cards c ON c.id = s.card_id
  LEFT JOIN review_logs l ON l.user_id = s.user_id AND l.card_id = s.card_id AND l.undone_at IS NULL
  WHERE s.user_id = @userId AND s.lapses >= @minLapses AND c.deck_id IN (SELECT value FROM json_each(@deckIds))
  GROUP BY s.card_id
`);

// Fewer than n lapsed cards: every card with an Again (also in learning) is a candidate; one grouped pass over the log.
const hardnessRows = db.$client.prepare<{ userId: number; deckIds: string }, HardnessRow>(`
  SELECT s.card_id AS cardId, s.lapses, s.difficulty, agg.reviews, agg.againCount
  FROM (SELECT card_id, count(*) AS reviews, sum(rating = 1) AS againCount FROM review_logs
        WHERE user_id = @userId AND undone_at IS NULL GROUP BY card_id) agg
  JOIN card_states s ON s.user_id = @userId AND s.card_id = agg.card_id
  JOIN cards c ON c.id = s.card_id
  WHERE (agg.againCount > 0 OR s.lapses > 0) AND c.deck_id IN (SELECT value FROM json_each(@deckIds))
`);

const cardDetails = db.$client.prepare<{ ids: string }, { id: number; prompt: string; deckId: string; sectionKey: string; sectionTitle: string }>(`
  SELECT c.id, c.prompt, c.deck_id AS deckId, sec.key AS sectionKey, sec.title AS sectionTitle
  FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE c.id IN (SELECT value FROM json_each(@ids))
`);

const emptyCounts = (): MasteryCounts => ({ new: 0, learning: 0, mastered: 0, suspended: 0, total: 0 });

function addInto(target: MasteryCounts, c: MasteryCounts): void {
  target.new += c.new;
  target.learning += c.learning;
  target.mastered += c.mastered;
  target.suspended += c.suspended;
  target.total += c.total;
}

/** The decks this user may study (ids and titles), in display order. */
export function visibleDecksFor(userId: number): { id: string; title: string }[] {
  return visibleDecks.all({ userId });
}

/** Mastery counts for each visible deck and each of its sections, at `now`. */
export function masteryFor(userId: number, decks: { id: string; title: string }[], now: Date, settings: StudySettings): DeckMastery[] {
  const deckIds = JSON.stringify(decks.map((d) => d.id));
  const band = masteredRatioBand(settings.scheduler);
  const params = { userId, deckIds, now: now.getTime(), masteredUpToMs: band.masteredUpTo * DAY_MS, learningFromMs: band.learningFrom * DAY_MS };
  const bySection = new Map<number, MasteryCounts>();
  for (const r of masteryBuckets.all(params)) {
    let counts = bySection.get(r.sectionId);
    if (!counts) bySection.set(r.sectionId, (counts = emptyCounts()));
    if (r.bucket === 'check') {
      const state = { state: 2 as const, stability: r.stability ?? 0, lastReview: r.lastReview === null ? null : new Date(r.lastReview) };
      addInto(counts, masteryCounts([{ state, suspended: false }], now, settings.scheduler));
    } else {
      counts[r.bucket] += r.n;
      counts.total += r.n;
    }
  }
  const sections = sectionsOf.all({ deckIds });
  return decks.map((deck) => {
    const counts = emptyCounts();
    const deckSections = sections
      .filter((s) => s.deckId === deck.id)
      .map((s) => {
        const sectionCounts = bySection.get(s.id) ?? emptyCounts();
        addInto(counts, sectionCounts);
        return { key: s.key, title: s.title, counts: sectionCounts };
      });
    return { ...deck, counts, sections: deckSections };
  });
}

/** Cards due on each of the next `days` study days (today first, overdue counted today). */
export function forecastFor(userId: number, deckIds: string[], now: Date, settings: StudySettings, days = 30): DayCount[] {
  if (!Number.isInteger(days) || days < 1) return [];
  const { timeZone, rolloverHour } = settings;
  const todayKey = studyDayKey(now, timeZone, rolloverHour);
  const ranges = studyDayRanges(todayKey, addDays(todayKey, days - 1), timeZone, rolloverHour);
  // Today's range opens below so overdue cards count today; the range after the window is left out.
  const bounds = JSON.stringify([ranges[0], ...ranges.slice(2, -1)]);
  const counts = duePerRange.all({ userId, bounds, deckIds: JSON.stringify(deckIds) });
  return dayKeysFrom(todayKey, days).map((day, i) => ({ day, count: counts[i]?.n ?? 0 }));
}

/** The `n` cards this user struggles with most, with what the list shows about each. */
export function hardestCardsFor(userId: number, deckIds: string[], n = 10): HardCard[] {
  const params = { userId, deckIds: JSON.stringify(deckIds) };
  const cutoff = lapseCutoff.get({ ...params, offset: n - 1 });
  const candidates = cutoff ? hardnessAboveCutoff.all({ ...params, minLapses: cutoff }) : hardnessRows.all(params);
  const top = hardestCards(candidates, n);
  if (top.length === 0) return [];
  const details = new Map(cardDetails.all({ ids: JSON.stringify(top.map((t) => t.cardId)) }).map((d) => [d.id, d]));
  return top.flatMap((t) => {
    const d = details.get(t.cardId);
    if (!d) return [];
    const { id: _id, ...rest } = d;
    return [{ cardId: t.cardId, ...rest, lapses: t.lapses, reviews: t.reviews, againRate: t.againRate, difficulty: t.difficulty }];
  });
}
