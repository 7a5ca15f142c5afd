/**
 * `npx tsx --conditions=react-server scripts/bench/pg-grades.mts`: grades per second through the app's
 * grade path (db/queries/reviews.ts recordReviewIn, in the group commit's transaction) on a
 * throwaway cluster with fsync on (a real server's durability), one pool of 8, at 1 and 8 grades in
 * flight, each grade a first grade of its own card (the advisory-lock path). A first figure for the
 * PostgreSQL side of `npm run bench` (issue 18); not part of it yet. Knobs: PG_BENCH_GRADES (400),
 * PG_BENCH_DURABLE=0 (fsync off: the CPU and round-trip cost alone).
 */
import { postgresEngine } from '../../db/engine/postgres';
import { groupCommitOn } from '../../db/group-commit';
import { connectPg } from '../../db/pg/connection';
import { recordReviewIn } from '../../db/queries/reviews';
import type { StudySettings } from '../../db/queries/settings';
import { cards, decks, sections, users } from '../../db/schema.pg';
import { startPgCluster } from '../../tests/support/pg-cluster';
import { createTestDatabase } from '../../tests/support/pg-database';

const GRADES = Number(process.env.PG_BENCH_GRADES ?? 400);
const SETTINGS: StudySettings = {
  scheduler: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false },
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: 'UTC',
  rolloverHour: 4,
  passFail: false,
  leechThreshold: 8,
  quizFeedback: 'immediate',
};

const cluster = await startPgCluster({ durable: process.env.PG_BENCH_DURABLE !== '0' });
try {
  const db = await connectPg(await createTestDatabase(cluster.url, 'bench'), { max: 8 });
  const engine = postgresEngine(db);
  const [user] = await db.insert(users).values({ email: 'bench@example.test', name: 'Bench', passwordHash: 'x' }).returning({ id: users.id });
  await db.insert(decks).values({ id: 'bench', title: 'Bench' });
  const [section] = await db.insert(sections).values({ deckId: 'bench', key: 's', title: 'S', position: 0 }).returning({ id: sections.id });
  const at = new Date();
  for (const inFlight of [1, 8]) {
    const made = await db
      .insert(cards)
      .values(Array.from({ length: GRADES }, (_, i) => ({ deckId: 'bench', sectionId: section!.id, key: `${inFlight}-${i}`, itemId: `${inFlight}-${i}`, type: 'basic' as const, position: i, prompt: 'Q', answer: 'A', payload: {}, contentHash: 'h', updatedAt: at })))
      .returning({ id: cards.id });
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < made.length; i = next++) {
          const input = { cardId: made[i]!.id, grade: 3 as const, clientId: `${inFlight}-${i}`, reviewedAt: at, durationMs: 1, source: 'review' as const };
          const outcome = await groupCommitOn(engine, (tx) => recordReviewIn(tx, user!.id, input, SETTINGS, at));
          if (!outcome.ok || outcome.status !== 'recorded') throw new Error(`grade ${i}: ${JSON.stringify(outcome)}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.log(`${inFlight} in flight: ${Math.round(made.length / seconds)} grades/s (${((seconds * 1000 * inFlight) / made.length).toFixed(1)} ms each)`);
  }
  await db.$client.end();
} finally {
  await cluster.stop();
}
