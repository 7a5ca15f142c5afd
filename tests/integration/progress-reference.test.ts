/**
 * /progress sums the log per study day and counts card states in SQL. This file checks that
 * against the plain per-review and per-card functions of lib/stats (what the page computed
 * before), on a random history with the awkward cases placed on purpose: reviews exactly on
 * day boundaries around DST, in a +5:45 zone, undone, dated after today, cards due on a
 * boundary, a card exactly at the mastered/learning line, a retired card, an invisible deck.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { mondayOf, progressFor, HEATMAP_WEEKS, FORECAST_DAYS } from '@/db/queries/progress';
import { visibleDecksFor } from '@/db/queries/progress-cards';
import { studySettingsFor, type StudySettings } from '@/db/queries/settings';
import { cappedDuration, currentStreak, dueForecast, longestStreak, masteryCounts, reviewsPerDay, studyTimeMs, trueRetention, type MasteryCounts, type StatsReviewLog } from '@/lib/stats';
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
import { makeTinyDeck } from '../support/teach-fixtures';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

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
  const logs = (
    db.$client
      .prepare('SELECT card_id, reviewed_at, rating, state_before, duration_ms, source FROM review_logs WHERE user_id = ? AND undone_at IS NULL')
      .all(userId) as { card_id: number; reviewed_at: number; rating: number; state_before: number; duration_ms: number; source: 'review' | 'quiz' }[]
  ).map(
    (r): StatsReviewLog => ({
      cardId: r.card_id,
      reviewedAt: new Date(r.reviewed_at),
      grade: r.rating as StatsReviewLog['grade'],
      stateBefore: r.state_before as StatsReviewLog['stateBefore'],
      durationMs: r.duration_ms,
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
  const states = db.$client
    .prepare(
      `SELECT c.deck_id AS deckId, c.section_id AS sectionId, c.retired_at AS retiredAt, s.state, s.stability, s.last_review AS lastReview, s.suspended, s.due
       FROM cards c LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = ?`,
    )
    .all(userId) as { deckId: string; sectionId: number; retiredAt: number | null; state: number | null; stability: number; lastReview: number | null; suspended: number | null; due: number }[];
  const visible = states.filter((s) => deckIds.includes(s.deckId));
  const sections = db.$client.prepare('SELECT id, deck_id AS deckId, key FROM sections ORDER BY position').all() as { id: number; deckId: string; key: string }[];
  const mastery = (sectionId: number): MasteryCounts =>
    masteryCounts(
      visible
        .filter((s) => s.sectionId === sectionId && s.retiredAt === null)
        .map((s) => ({
          state: s.state === null ? null : { state: s.state as 0 | 1 | 2 | 3, stability: s.stability, lastReview: s.lastReview === null ? null : new Date(s.lastReview) },
          suspended: s.suspended === 1,
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
      visible.filter((s) => s.state !== null && s.suspended === 0).map((s) => ({ due: new Date(s.due), state: s.state as 0 | 1 | 2 | 3 })),
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
    db.$client.prepare('UPDATE cards SET retired_at = 1 WHERE id = ?').run(retired);
    const now = NOW.getTime();

    // Day boundaries the learner's days may fall on: New York around both 2024 DST changes, Kathmandu, UTC 23:00.
    const boundaries: number[] = [];
    for (const [tz, h] of SETTINGS) for (const day of ['2024-03-09', '2024-03-10', '2024-03-11', '2024-11-02', '2024-11-03', '2024-11-04', '2024-11-05']) boundaries.push(studyDayStart(day, tz, h).getTime());
    const times = [
      ...boundaries.flatMap((b) => [b - 1, b, b]),
      ...Array.from({ length: 1500 }, () => now - Math.floor(rand() * 420 * DAY)),
      now + 3 * 3_600_000, // dated after today's end in UTC/23 (a fast clock): totals only
    ];
    const insertLog = db.$client.prepare(
      `INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, duration_ms, state_before, due_after, stability_after,
         difficulty_after, scheduled_days, source, undone_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, 5, 1, ?, ?, 0)`,
    );
    times.forEach((at, i) => {
      const undone = rand() < 0.05 ? at + 1000 : null;
      insertLog.run(learner.id, pick(cards), `r${i}`, 1 + Math.floor(rand() * 4), at, Math.floor(rand() * 150_000) - 20_000, Math.floor(rand() * 4), pick(['review', 'quiz']), undone);
    });

    const insertState = db.$client.prepare(
      `INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
       VALUES (?, ?, ?, ?, 5, 1, 0, 3, ?, ?, ?, ?, 0, 0)`,
    );
    const nyToday = studyDayStart('2024-11-05', 'America/New_York', 4).getTime();
    cards.slice(0, 120).forEach((card, i) => {
      const stability = pick([0, 0.5, 3, 40, 1000]);
      // Cards 0–2 sit on the mastered/learning line (elapsed = stability, and just either side).
      const elapsed = i < 3 ? Math.round(1000 * DAY * [1, 1 + 5e-8, 1 + 1e-7][i]!) : Math.floor(rand() * 90 * DAY);
      const due = i % 7 === 0 ? nyToday + Math.floor(rand() * 4) * DAY : now + Math.floor((rand() - 0.3) * 40 * DAY);
      const lastReview = i % 17 === 16 ? null : now - elapsed;
      insertState.run(learner.id, card, due, i < 3 ? 1000 : stability, Math.floor(rand() * 4), i < 3 ? 2 : pick([0, 1, 2, 2, 2, 3]), lastReview, i >= 3 && rand() < 0.1 ? 1 : 0);
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
    const undone = db.$client.prepare('SELECT count(*) FROM review_logs WHERE user_id = ? AND undone_at IS NOT NULL').pluck().get(learner.id) as number;
    expect(undone).toBeGreaterThan(10);
    const line = masteryCounts(
      [1, 1 + 5e-8, 1 + 1e-7].map((r) => ({ state: { state: 2 as const, stability: 1000, lastReview: new Date(NOW.getTime() - Math.round(1000 * DAY * r)) }, suspended: false })),
      NOW,
      (await studySettingsFor(learner.id)).scheduler,
    );
    expect(line).toMatchObject({ mastered: 2, learning: 1 }); // both sides of the line are covered
  });
});
