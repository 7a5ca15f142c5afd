/**
 * Times the data layer of the heavy pages directly on the benchmark database, without HTTP or
 * React: what each page's queries cost, to find the slow part before profiling the server.
 * Run: npx tsx --conditions=react-server scripts/bench/queries.mts [data/bench.db]
 */
import path from 'node:path';
import { DEFAULT_BENCH_DB, HEAVY_EMAIL } from './fixtures';

process.env.DATABASE_PATH = path.resolve(process.argv[2] || process.env.BENCH_DATABASE_PATH || DEFAULT_BENCH_DB);
const { db } = await import('../../db/index');
const { studySettingsFor } = await import('../../db/queries/settings');
const { queueCountsByDeck, studySessionFor } = await import('../../db/queries/study');
const { visibleDecksForUser } = await import('../../db/queries/decks');
const { assignmentsForStudent } = await import('../../db/queries/student-assignments');
const { progressFor } = await import('../../db/queries/progress');
const { assignmentAnalyticsFor } = await import('../../db/queries/class-analytics');
const { assignmentsForClass } = await import('../../db/queries/assignments');

const sqlite = db.$client;
const heavy = sqlite.prepare('SELECT id, name, email, role FROM users WHERE email = ?').get(HEAVY_EMAIL) as { id: number; name: string; email: string; role: 'student' };
const big = sqlite
  .prepare('SELECT c.id, c.instructor_id AS instructorId FROM classes c ORDER BY (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id) DESC LIMIT 1')
  .get() as { id: number; instructorId: number };
const at = new Date();

// Awaits each call: the data layer is async (db/engine); awaiting a plain value costs nothing.
async function time(name: string, fn: () => unknown, runs = 20): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} p50 ${ms[Math.floor(runs / 2)]!.toFixed(2).padStart(7)} ms   max ${ms.at(-1)!.toFixed(2).padStart(7)} ms`);
}

const settings = studySettingsFor(heavy.id);
const user = { ...heavy, sessionVersion: 0 } as Parameters<typeof visibleDecksForUser>[0];
await time('Today: studySettingsFor', () => studySettingsFor(heavy.id));
await time('Today: queueCountsByDeck', () => queueCountsByDeck(heavy.id, at, settings));
await time('Today: visibleDecksForUser', () => visibleDecksForUser(user));
await time('Today: assignmentsForStudent', () => assignmentsForStudent(heavy.id, at));
await time('Review: studySessionFor war-for-peace', () => studySessionFor(heavy.id, 'war-for-peace', at));
await time('Progress: progressFor', () => progressFor(heavy.id, at, settings));
const current = assignmentsForClass(big.instructorId, big.id)[0];
if (current) await time('Class: assignmentAnalyticsFor (200)', () => assignmentAnalyticsFor(big.instructorId, big.id, current.id, at), 10);
