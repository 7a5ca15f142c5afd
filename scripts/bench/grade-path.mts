/**
 * Times the grade path alone, in-process on a copy of the benchmark database: one grade at a time
 * through applyGradeBatch (group commit, one fsync per grade), without HTTP or the session check.
 * What the HTTP figure "grading, 1 conn" is made of, to compare two versions of the data layer.
 * Run: npx tsx --conditions=react-server scripts/bench/grade-path.mts [data/bench-run.db] [grades]
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_BENCH_DB } from './fixtures';

process.env.DATABASE_PATH = path.resolve(process.argv[2] || DEFAULT_BENCH_DB.replace(/\.db$/, '-run.db'));
const grades = Number(process.argv[3] ?? 2000);
const { db } = await import('../../db/index');
const { applyGradeBatch } = await import('../../db/queries/review-batch');

const sqlite = db.$client;
const student = sqlite.prepare("SELECT id FROM users WHERE role = 'student' ORDER BY id LIMIT 1 OFFSET 7").get() as { id: number };
const cards = (sqlite.prepare("SELECT id FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL ORDER BY id").all() as { id: number }[]).map((c) => c.id);
const start = Date.now() + 60_000;

const ms: number[] = [];
for (let i = 0; i < grades + 50; i++) {
  const at = start + i * 1000;
  const entry = { clientId: randomUUID(), cardId: cards[i % cards.length], grade: 3, reviewedAt: at, durationMs: 1200 };
  const t = performance.now();
  const [result] = await applyGradeBatch(student.id, [entry], new Date(at));
  if (i >= 50) ms.push(performance.now() - t);
  if (result?.status !== 'recorded') throw new Error(`grade ${i}: ${JSON.stringify(result)}`);
}
ms.sort((a, b) => a - b);
const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
console.log(`grade path, one at a time (${grades}): mean ${mean.toFixed(3)} ms  p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(3)} ms  p99 ${ms[Math.floor(ms.length * 0.99)]!.toFixed(3)} ms`);
