/**
 * The card-state half of a learner's progress: mastery per deck and section, the due forecast
 * and the hardest cards. Only decks the learner may study are shown (the same rule as the queue);
 * retired cards are left out of mastery, as they are no longer part of their deck.
 * The counting happens in SQL: a heavy learner's 10,000 card states never reach JS one by one.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL, rows decoded.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import type { Fragments } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cards, cardStates, decks, reviewLogs, sections } from '@/db/schema';
import { hardestCards, masteredRatioBand, masteryCounts, studyDayRanges, type DayCount, type HardnessRow, type MasteryCounts } from '@/lib/stats';
import { addDays, dayKeysFrom, studyDayKey } from '@/lib/time/study-day';
import { deckVisibleTo } from './access-sql';
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

const DAY_MS = 86_400_000;

const c = alias(cards, 'c');
const s = alias(cardStates, 's');

const deckRow = z.object({ id: z.string(), title: z.string() });
const sectionRow = z.object({ id: int, deckId: z.string(), key: z.string(), title: z.string() });
const bucketRow = z.object({
  sectionId: int,
  bucket: z.enum(['new', 'learning', 'mastered', 'suspended', 'check']),
  n: int,
  stability: z.number().nullable(),
  lastReview: int.nullable(),
});
const countRow = z.object({ i: int, n: int });
const lapsesRow = z.object({ lapses: int });
const hardnessRow = z.object({ cardId: int, lapses: int, difficulty: z.number(), reviews: int, againCount: int });
const detailRow = z.object({ id: int, prompt: z.string(), deckId: z.string(), sectionKey: z.string(), sectionTitle: z.string() });

/** Live cards of the listed decks (`c` is the cards alias of these queries). */
const inDecks = (f: Fragments, deckIds: readonly string[]) => sql`${c.deckId} IN ${f.textsIn(deckIds)}`;

const emptyCounts = (): MasteryCounts => ({ new: 0, learning: 0, mastered: 0, suspended: 0, total: 0 });

function addInto(target: MasteryCounts, c: MasteryCounts): void {
  target.new += c.new;
  target.learning += c.learning;
  target.mastered += c.mastered;
  target.suspended += c.suspended;
  target.total += c.total;
}

/** The decks this user may study (ids and titles), in display order. */
export async function visibleDecksFor(userId: number): Promise<{ id: string; title: string }[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title" FROM ${decks} WHERE ${deckVisibleTo(userId, decks)} ORDER BY ${decks.position}, ${decks.title}`,
    deckRow,
  );
}

/** Mastery counts for each visible deck and each of its sections, at `now`. */
export async function masteryFor(userId: number, visible: { id: string; title: string }[], now: Date, settings: StudySettings): Promise<DeckMastery[]> {
  const db = await engine();
  const f = db.fragments;
  const deckIds = visible.map((d) => d.id);
  const band = masteredRatioBand(settings.scheduler);
  const at = sql`CAST(${now.getTime()} AS bigint)`;
  // Mastery bucket of each live card of the visible decks, decided in SQL as masteryCounts would
  // (see masteredRatioBand): only the counts per section and bucket reach JS, and a card too close
  // to the mastered/learning line to decide here comes back alone ('check') with its state.
  const buckets = await db.all(
    sql`SELECT b.section_id AS "sectionId", b.bucket AS "bucket", count(*) AS "n", min(b.stability) AS "stability", min(b.last_review) AS "lastReview"
      FROM (SELECT ${c.sectionId} AS section_id, ${c.id} AS card_id, ${s.stability} AS stability, ${s.lastReview} AS last_review,
              CASE
                WHEN ${s.state} IS NULL THEN 'new'
                WHEN ${s.suspended} = ${f.bool(true)} THEN 'suspended'
                WHEN ${s.state} = 0 THEN 'new'
                WHEN ${s.state} <> 2 OR NOT (${s.stability} > 0) OR ${s.lastReview} IS NULL THEN 'learning'
                WHEN ${at} - ${s.lastReview} <= ${s.stability} * CAST(${band.masteredUpTo * DAY_MS} AS double precision) THEN 'mastered'
                WHEN ${at} - ${s.lastReview} >= ${s.stability} * CAST(${band.learningFrom * DAY_MS} AS double precision) THEN 'learning'
                ELSE 'check'
              END AS bucket
            FROM ${cards} ${c} LEFT JOIN ${cardStates} ${s} ON ${s.cardId} = ${c.id} AND ${s.userId} = ${userId}
            WHERE ${c.retiredAt} IS NULL AND ${inDecks(f, deckIds)}) b
      GROUP BY b.section_id, b.bucket, CASE WHEN b.bucket = 'check' THEN b.card_id END`,
    bucketRow,
  );
  const bySection = new Map<number, MasteryCounts>();
  for (const r of buckets) {
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
  const deckSections = await db.all(
    sql`SELECT ${sections.id} AS "id", ${sections.deckId} AS "deckId", ${sections.key} AS "key", ${sections.title} AS "title" FROM ${sections}
      WHERE ${sections.deckId} IN ${f.textsIn(deckIds)} ORDER BY ${sections.deckId}, ${sections.position}`,
    sectionRow,
  );
  return visible.map((deck) => {
    const counts = emptyCounts();
    const ofDeck = deckSections
      .filter((sec) => sec.deckId === deck.id)
      .map((sec) => {
        const sectionCounts = bySection.get(sec.id) ?? emptyCounts();
        addInto(counts, sectionCounts);
        return { key: sec.key, title: sec.title, counts: sectionCounts };
      });
    return { ...deck, counts, sections: ofDeck };
  });
}

/** Cards due on each of the next `days` study days (today first, overdue counted today). */
export async function forecastFor(userId: number, deckIds: string[], now: Date, settings: StudySettings, days = 30): Promise<DayCount[]> {
  if (!Number.isInteger(days) || days < 1) return [];
  const { timeZone, rolloverHour } = settings;
  const todayKey = studyDayKey(now, timeZone, rolloverHour);
  const ranges = studyDayRanges(todayKey, addDays(todayKey, days - 1), timeZone, rolloverHour);
  // Today's range opens below so overdue cards count today; the range after the window is left out.
  const bounds = [...ranges.slice(0, 1), ...ranges.slice(2, -1)];
  const db = await engine();
  const f = db.fragments;
  // Cards due per range [lo, hi) of the (user_id, due) index: one range per study day, the first
  // open below so overdue cards count today. No card row is sorted or reaches JS.
  const counts = await db.all(
    sql`WITH d AS (SELECT b.i AS i, b.v AS lo, lead(b.v) OVER (ORDER BY b.i) AS hi FROM ${f.numberedInts(bounds)} b)
      SELECT d.i AS "i", (SELECT count(*) FROM ${cardStates} ${s} JOIN ${cards} ${c} ON ${c.id} = ${s.cardId}
                          WHERE ${s.userId} = ${userId} AND ${s.due} >= d.lo AND ${s.due} < d.hi AND ${s.suspended} = ${f.bool(false)}
                            AND ${s.state} <> 0 AND ${inDecks(f, deckIds)}) AS "n"
      FROM d WHERE d.hi IS NOT NULL ORDER BY d.i`,
    countRow,
  );
  return dayKeysFrom(todayKey, days).map((day, i) => ({ day, count: counts[i]?.n ?? 0 }));
}

/** The `n` cards this user struggles with most, with what the list shows about each. */
export async function hardestCardsFor(userId: number, deckIds: string[], n = 10): Promise<HardCard[]> {
  const db = await engine();
  const f = db.fragments;
  // hardestCards ranks by lapses first, so a card with fewer lapses than the n-th most-lapsed card
  // can never make the top n: when at least n cards have lapsed, only cards at or above that
  // cutoff need their Again rate, read through the (user_id, card_id) log index.
  const cutoff = (await db.get(
    sql`SELECT ${s.lapses} AS "lapses" FROM ${cardStates} ${s} JOIN ${cards} ${c} ON ${c.id} = ${s.cardId}
      WHERE ${s.userId} = ${userId} AND ${s.lapses} > 0 AND ${inDecks(f, deckIds)}
      ORDER BY ${s.lapses} DESC LIMIT 1 OFFSET ${Math.max(0, n - 1)}`,
    lapsesRow,
  ))?.lapses;
  const candidates: HardnessRow[] = cutoff ? await hardnessAbove(userId, deckIds, cutoff) : await hardnessOfAgains(userId, deckIds);
  const top = hardestCards(candidates, n);
  if (top.length === 0) return [];
  const sec = alias(sections, 'sec');
  const rows = await db.all(
    sql`SELECT ${c.id} AS "id", ${c.prompt} AS "prompt", ${c.deckId} AS "deckId", ${sec.key} AS "sectionKey", ${sec.title} AS "sectionTitle"
      FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} WHERE ${c.id} IN ${f.intsIn(top.map((t) => t.cardId))}`,
    detailRow,
  );
  const details = new Map(rows.map((d) => [d.id, d]));
  return top.flatMap((t) => {
    const d = details.get(t.cardId);
    if (!d) return [];
    const { id: _id, ...rest } = d;
    return [{ cardId: t.cardId, ...rest, lapses: t.lapses, reviews: t.reviews, againRate: t.againRate, difficulty: t.difficulty }];
  });
}

/** Again rates of the cards with at least `minLapses` lapses. */
async function hardnessAbove(userId: number, deckIds: readonly string[], minLapses: number): Promise<HardnessRow[]> {
  const db = await engine();
  const l = alias(reviewLogs, 'l');
  return db.all(
    sql`SELECT ${s.cardId} AS "cardId", ${s.lapses} AS "lapses", ${s.difficulty} AS "difficulty", count(${l.id}) AS "reviews",
        coalesce(sum(CASE WHEN ${l.rating} = 1 THEN 1 ELSE 0 END), 0) AS "againCount"
      FROM ${cardStates} ${s} JOIN ${cards} ${c} ON ${c.id} = ${s.cardId}
      LEFT JOIN ${reviewLogs} ${l} ON ${l.userId} = ${s.userId} AND ${l.cardId} = ${s.cardId} AND ${l.undoneAt} IS NULL
      WHERE ${s.userId} = ${userId} AND ${s.lapses} >= ${minLapses} AND ${inDecks(db.fragments, deckIds)}
      GROUP BY ${s.userId}, ${s.cardId}`, // the key of card_states: PostgreSQL then allows lapses and difficulty, SQLite groups in key order
    hardnessRow,
  );
}

/** Fewer than n lapsed cards: every card with an Again (also in learning) is a candidate; one grouped pass over the log. */
async function hardnessOfAgains(userId: number, deckIds: readonly string[]): Promise<HardnessRow[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${s.cardId} AS "cardId", ${s.lapses} AS "lapses", ${s.difficulty} AS "difficulty", agg.reviews AS "reviews", agg.again_count AS "againCount"
      FROM (SELECT ${reviewLogs.cardId} AS card_id, count(*) AS reviews, sum(CASE WHEN ${reviewLogs.rating} = 1 THEN 1 ELSE 0 END) AS again_count
            FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${userId} AND ${reviewLogs.undoneAt} IS NULL GROUP BY ${reviewLogs.cardId}) agg
      JOIN ${cardStates} ${s} ON ${s.userId} = ${userId} AND ${s.cardId} = agg.card_id
      JOIN ${cards} ${c} ON ${c.id} = ${s.cardId}
      WHERE (agg.again_count > 0 OR ${s.lapses} > 0) AND ${inDecks(db.fragments, deckIds)}`,
    hardnessRow,
  );
}
