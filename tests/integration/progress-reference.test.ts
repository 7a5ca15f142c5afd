/**
 * /progress sums the log per study day and counts card states in SQL. This file checks that
 * against the plain per-review and per-card functions of lib/stats (what the page computed
 * before), on a random history with the awkward cases placed on purpose: reviews exactly on
 * day boundaries around DST, in a +5:45 zone, undone, dated after today, cards due on a
 * boundary, a card exactly at the mastered/learning line, a retired card, an invisible deck.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { cards as cardsTable, cardStates, reviewLogs, sections as sectionsTable } from '@/db/schema';
import { mondayOf, progressFor, HEATMAP_WEEKS, FORECAST_DAYS } from '@/db/queries/progress';
import { visibleDecksFor } from '@/db/queries/progress-cards';
import { studySettingsFor, type StudySettings } from '@/db/queries/settings';
import { cappedDuration, currentStreak, dueForecast, longestStreak, masteryCounts, reviewsPerDay, studyTimeMs, trueRetention, type MasteryCounts, type StatsReviewLog } from '@/lib/stats';
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
import { makeTinyDeck } from '../support/teach-fixtures';
import { cardIds, countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';

const DAY = 86_400_000;
const NOW = new Date('2024-11-05T15:00:00Z'); // two days after New York's autumn DST change
let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;

const SETTINGS: [string, number][] = [
  ['America/New_York', 4],
  ['America/New_York', 0],
  ['Asia/Kathmandu', 4],
  ['UTC', 23],
];

async function reference(userId: number, now: Date, settings: StudySettings) {
  const { timeZone: tz, rolloverHour: h } = settings;
  const todayKey = studyDayKey(now, tz, h);
  const heatmapFrom = addDays(mondayOf(todayKey), -7 * (HEATMAP_WEEKS - 1));
  const db = await engine();
  const l = reviewLogs;
  const logs = (
    await db.all(
      sql`SELECT ${l.cardId} AS "cardId", ${l.reviewedAt} AS "reviewedAt", ${l.rating} AS "rating", ${l.stateBefore} AS "stateBefore", ${l.durationMs} AS "durationMs",
            ${l.source} AS "source"
          FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.undoneAt} IS NULL`,
      z.object({ cardId: int, reviewedAt: int, rating: int, stateBefore: int, durationMs: int, source: z.enum(['review', 'quiz']) }),
    )
  ).map(
    (r): StatsReviewLog => ({
      cardId: r.cardId,
      reviewedAt: new Date(r.reviewedAt),
      grade: r.rating as StatsReviewLog['grade'],
      stateBefore: r.stateBefore as StatsReviewLog['stateBefore'],
      durationMs: r.durationMs,
      source: r.source,
    }),
  );
  const earliest = Math.min(...logs.map((l) => l.reviewedAt.getTime()));
  const firstKey = logs.length > 0 ? studyDayKey(new Date(earliest), tz, h) : heatmapFrom;
  const perDay = reviewsPerDay(logs, tz, h, firstKey < heatmapFrom ? firstKey : heatmapFrom, todayKey);
  const active = perDay.filter((d) => d.count > 0).map((d) => d.day);
  const start = (key: string) => studyDayStart(key, tz, h);
  const end = start(addDays(todayKey, 1));
  const decks = await visibleDecksFor(userId);
  const deckIds = decks.map((d) => d.id);
  const c = cardsTable;
  const cs = cardStates;
  const states = await db.all(
    sql`SELECT ${c.deckId} AS "deckId", ${c.sectionId} AS "sectionId", ${c.retiredAt} AS "retiredAt", ${cs.state} AS "state", ${cs.stability} AS "stability",
          ${cs.lastReview} AS "lastReview", ${cs.suspended} AS "suspended", ${cs.due} AS "due"
        FROM ${c} LEFT JOIN ${cs} ON ${cs.cardId} = ${c.id} AND ${cs.userId} = ${userId}`,
    z.object({
      deckId: z.string(),
      sectionId: int,
      retiredAt: int.nullable(),
      state: int.nullable(),
      stability: z.number().nullable(),
      lastReview: int.nullable(),
      suspended: flag.nullable(),
      due: int.nullable(),
    }),
  );
  const visible = states.filter((s) => deckIds.includes(s.deckId));
  const st = sectionsTable;
  const sections = await db.all(
    sql`SELECT ${st.id} AS "id", ${st.deckId} AS "deckId", ${st.key} AS "key" FROM ${st} ORDER BY ${st.position}, ${st.id}`,
    z.object({ id: int, deckId: z.string(), key: z.string() }),
  );
  const mastery = (sectionId: number): MasteryCounts =>
    masteryCounts(
      visible
        .filter((s) => s.sectionId === sectionId && s.retiredAt === null)
        .map((s) => ({
          state: s.state === null ? null : { state: s.state as 0 | 1 | 2 | 3, stability: s.stability ?? 0, lastReview: s.lastReview === null ? null : new Date(s.lastReview) },
          suspended: s.suspended === true,
        })),
      now,
      settings.scheduler,
    );
  return {
    todayKey,
    totalReviews: logs.length,
    reviewsToday: perDay.at(-1)?.count,
    streak: { current: currentStreak(active, todayKey), longest: longestStreak(active) },
    retention: { last7: trueRetention(logs, start(addDays(todayKey, -6)), end), last30: trueRetention(logs, start(addDays(todayKey, -29)), end) },
    studyTime: {
      todayMs: studyTimeMs(logs, start(todayKey), end),
      last7Ms: studyTimeMs(logs, start(addDays(todayKey, -6)), end),
      totalMs: logs.reduce((sum, l) => sum + cappedDuration(l.durationMs), 0),
    },
    heatmap: perDay.filter((d) => d.day >= heatmapFrom),
    forecast: dueForecast(
      visible.filter((s) => s.state !== null && s.suspended === false).map((s) => ({ due: new Date(s.due ?? 0), state: s.state as 0 | 1 | 2 | 3 })),
      now,
      tz,
      h,
      FORECAST_DAYS,
    ),
    sections: sections.filter((s) => deckIds.includes(s.deckId)).map((s) => ({ key: s.key, counts: mastery(s.id) })),
  };
}

describe('progress numbers match the per-review and per-card functions', () => {
  let learner: { id: number };

  beforeAll(async () => {
    await loadRealDeck();
    learner = await makeUser('student', 'America/New_York');
    const author = await makeUser('instructor');
    const hidden = await makeTinyDeck('someone-elses', author.id); // not visible to the learner
    const cards = [...(await cardIds()), ...Object.values(hidden)];
    const retired = cards[5] as number;
    await exec(sql`UPDATE ${cardsTable} SET ${bare(cardsTable.retiredAt)} = 1 WHERE ${cardsTable.id} = ${retired}`);
    const now = NOW.getTime();

    // Day boundaries the learner's days may fall on: New York around both 2024 DST changes, Kathmandu, UTC 23:00.
    const boundaries: number[] = [];
    for (const [tz, h] of SETTINGS) for (const day of ['2024-03-09', '2024-03-10', '2024-03-11', '2024-11-02', '2024-11-03', '2024-11-04', '2024-11-05']) boundaries.push(studyDayStart(day, tz, h).getTime());
    const times = [
      ...boundaries.flatMap((b) => [b - 1, b, b]),
      ...Array.from({ length: 1500 }, () => now - Math.floor(rand() * 420 * DAY)),
      now + 3 * 3_600_000, // dated after today's end in UTC/23 (a fast clock): totals only
    ];
    const db = await engine();
    const f = db.fragments;
    const l = reviewLogs;
    const cs = cardStates;
    // One transaction for the 1,500 rows (one commit, not one per row); the random draws in the order they always were.
    await db.transaction(async (tx) => {
      for (const [i, at] of times.entries()) {
        const undone = rand() < 0.05 ? at + 1000 : null;
        const [card, rating, durationMs, stateBefore, source] = [pick(cards), 1 + Math.floor(rand() * 4), Math.floor(rand() * 150_000) - 20_000, Math.floor(rand() * 4), pick(['review', 'quiz'])];
        await tx.run(
          sql`INSERT INTO ${l} (${bare(l.userId)}, ${bare(l.cardId)}, ${bare(l.clientId)}, ${bare(l.rating)}, ${bare(l.reviewedAt)}, ${bare(l.durationMs)}, ${bare(l.stateBefore)},
                ${bare(l.dueAfter)}, ${bare(l.stabilityAfter)}, ${bare(l.difficultyAfter)}, ${bare(l.scheduledDays)}, ${bare(l.source)}, ${bare(l.undoneAt)}, ${bare(l.createdAt)})
              VALUES (${learner.id}, ${card}, ${`r${i}`}, ${rating}, ${at}, ${durationMs}, ${stateBefore}, 0, 1, 5, 1, ${source}, ${undone}, 0)`,
        );
      }

      const nyToday = studyDayStart('2024-11-05', 'America/New_York', 4).getTime();
      for (const [i, card] of cards.slice(0, 120).entries()) {
        const stability = pick([0, 0.5, 3, 40, 1000]);
        // Cards 0–2 sit on the mastered/learning line (elapsed = stability, and just either side).
        const elapsed = i < 3 ? Math.round(1000 * DAY * [1, 1 + 5e-8, 1 + 1e-7][i]!) : Math.floor(rand() * 90 * DAY);
        const due = i % 7 === 0 ? nyToday + Math.floor(rand() * 4) * DAY : now + Math.floor((rand() - 0.3) * 40 * DAY);
        const lastReview = i % 17 === 16 ? null : now - elapsed;
        const [lapses, state, suspended] = [Math.floor(rand() * 4), i < 3 ? 2 : pick([0, 1, 2, 2, 2, 3]), i >= 3 && rand() < 0.1];
        await tx.run(
          sql`INSERT INTO ${cs} (${bare(cs.userId)}, ${bare(cs.cardId)}, ${bare(cs.due)}, ${bare(cs.stability)}, ${bare(cs.difficulty)}, ${bare(cs.scheduledDays)},
                ${bare(cs.learningSteps)}, ${bare(cs.reps)}, ${bare(cs.lapses)}, ${bare(cs.state)}, ${bare(cs.lastReview)}, ${bare(cs.suspended)}, ${bare(cs.leech)}, ${bare(cs.updatedAt)})
              VALUES (${learner.id}, ${card}, ${due}, ${i < 3 ? 1000 : stability}, 5, 1, 0, 3, ${lapses}, ${state}, ${lastReview}, ${f.bool(suspended)}, ${f.bool(false)}, 0)`,
        );
      }
    });
  });

  it.each(SETTINGS)('in %s with the day starting at %i:00', async (timeZone, rolloverHour) => {
    const settings = { ...(await studySettingsFor(learner.id)), timeZone, rolloverHour };
    for (const now of [NOW, new Date(NOW.getTime() - 200 * DAY), new Date(NOW.getTime() + 9 * 3_600_000)]) {
      const p = await progressFor(learner.id, now, settings);
      const want = await reference(learner.id, now, settings);
      const { sections, ...rest } = want;
      expect(p).toMatchObject(rest);
      expect(p.decks.flatMap((d) => d.sections.map((s) => ({ key: s.key, counts: s.counts })))).toEqual(sections);
      expect(p.decks.map((d) => d.id)).not.toContain('someone-elses');
    }
  });

  it('has the awkward cases it claims to have', async () => {
    const p = await progressFor(learner.id, NOW, { ...(await studySettingsFor(learner.id)), timeZone: 'UTC', rolloverHour: 23 });
    expect(p.totalReviews).toBeGreaterThan(p.heatmap.reduce((s, d) => s + d.count, 0)); // older and later reviews
    const undone = await countOf(sql`SELECT count(*) AS "n" FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${learner.id} AND ${reviewLogs.undoneAt} IS NOT NULL`);
    expect(undone).toBeGreaterThan(10);
    const line = masteryCounts(
      [1, 1 + 5e-8, 1 + 1e-7].map((r) => ({ state: { state: 2 as const, stability: 1000, lastReview: new Date(NOW.getTime() - Math.round(1000 * DAY * r)) }, suspended: false })),
      NOW,
      (await studySettingsFor(learner.id)).scheduler,
    );
    expect(line).toMatchObject({ mastered: 2, learning: 1 }); // both sides of the line are covered
  });
});
