/**
 * Benchmark of the /progress queries on a heavy learner: two years of history, ~50,000 reviews
 * over 10,000 cards, on a throw-away SQLite file. Prints the time of each part.
 * Run: npx tsx --conditions=react-server scripts/bench-progress.mts (on a fresh file)
 * (react-server makes `server-only` importable outside Next.js.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// BENCH_DATABASE_PATH keeps the file, e.g. to serve it and time the real page as heavy@bench.test.
process.env.DATABASE_PATH = process.env.BENCH_DATABASE_PATH || path.join(mkdtempSync(path.join(tmpdir(), 'bench-progress-')), 'app.db');

const { db } = await import('../db/index');
const { createUser } = await import('../db/admin/users');
const progress = await import('../db/queries/progress');
const cards = await import('../db/queries/progress-cards');
const { reviewHistoryCsv } = await import('../db/queries/review-history');
const { studySettingsFor } = await import('../db/queries/settings');

const CARDS = 10_000;
const LOGS = 50_000;
const DAY = 86_400_000;
const now = new Date('2026-03-02T12:00:00Z');
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const { sqliteEngine } = await import('../db/engine/sqlite');
const accounts = sqliteEngine(db);
const user = await createUser(accounts, { email: 'heavy@bench.test', name: 'Heavy', password: 'bench-password', timeZone: 'America/New_York' });
const other = await createUser(accounts, { email: 'other@bench.test', name: 'Other', password: 'bench-password' });
const sqlite = db.$client;
sqlite.pragma('synchronous = OFF');
sqlite.transaction(() => {
  sqlite.prepare(`INSERT INTO decks (id, title, description) VALUES ('bench', 'Bench deck', '')`).run();
  const sec = sqlite.prepare(`INSERT INTO sections (deck_id, key, title, position) VALUES ('bench', ?, ?, ?)`);
  for (let s = 0; s < 20; s++) sec.run(`s${s}`, `Section ${s}`, s);
  const sectionIds = (sqlite.prepare(`SELECT id FROM sections WHERE deck_id = 'bench' ORDER BY position`).all() as { id: number }[]).map((r) => r.id);
  const card = sqlite.prepare(`INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at)
    VALUES ('bench', ?, ?, ?, 'basic', ?, ?, 'a', '{}', 'h', 0)`);
  for (let i = 0; i < CARDS; i++) card.run(sectionIds[i % 20], `k${i}`, `item-${i}`, i, `Prompt ${i}`);
  const ids = (sqlite.prepare(`SELECT id FROM cards WHERE deck_id = 'bench'`).all() as { id: number }[]).map((r) => r.id);
  const log = sqlite.prepare(`INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, duration_ms, state_before,
    due_after, stability_after, difficulty_after, scheduled_days, source, undone_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, 5, 1, 'review', ?, 0)`);
  for (let i = 0; i < LOGS; i++) {
    const at = now.getTime() - Math.floor(rand() * 730 * DAY);
    log.run(user.id, ids[i % CARDS], `c${i}`, 1 + Math.floor(rand() * 4), at, Math.floor(rand() * 90_000), Math.floor(rand() * 4), rand() < 0.01 ? at : null);
  }
  for (let i = 0; i < 5000; i++) log.run(other.id, ids[i], `o${i}`, 3, now.getTime() - i * 60_000, 5000, 2, null);
  const state = sqlite.prepare(`INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
    VALUES (?, ?, ?, ?, ?, 10, 0, 5, ?, ?, ?, ?, ?, 0)`);
  for (const id of ids) {
    const last = now.getTime() - Math.floor(rand() * 60 * DAY);
    const lapses = Math.floor(rand() * 10);
    state.run(user.id, id, last + Math.floor(rand() * 60 * DAY), 1 + rand() * 100, 1 + rand() * 9, lapses, 1 + Math.floor(rand() * 3), last, lapses >= 8 ? 1 : 0, lapses >= 8 ? 1 : 0);
  }
})();
sqlite.pragma('synchronous = FULL');
sqlite.exec('ANALYZE');

async function time<T>(label: string, fn: () => Promise<T>, runs = 10): Promise<T> {
  let out = await fn(); // warm-up: statement compilation, scheduler cache
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) out = await fn();
  console.log(`${label.padEnd(28)} ${((performance.now() - t0) / runs).toFixed(1).padStart(7)} ms`);
  return out;
}

const settings = await studySettingsFor(user.id);
const decks = await cards.visibleDecksFor(user.id);
const deckIds = decks.map((d) => d.id);
await time('mastery (10k cards)', () => cards.masteryFor(user.id, decks, now, settings));
await time('forecast', () => cards.forecastFor(user.id, deckIds, now, settings));
await time('hardest cards', () => cards.hardestCardsFor(user.id, deckIds));
const overview = await time('progressFor (everything)', () => progress.progressFor(user.id, now, settings));
const csv = await time('review history CSV', async () => reviewHistoryCsv(user.id), 3);
console.log(`reviews counted: ${overview.totalReviews}, streak ${overview.streak.current}/${overview.streak.longest}, CSV ${(csv.length / 1e6).toFixed(1)} MB`);
for (const q of [
  `SELECT count(*) FROM review_logs l WHERE l.user_id = 1 AND l.reviewed_at >= 0 AND l.reviewed_at < 1 AND l.undone_at IS NULL`, // one study day
  `SELECT s.due, s.state FROM card_states s JOIN cards c ON c.id = s.card_id WHERE s.user_id = 1 AND s.due < 0 AND s.suspended = 0`,
  `SELECT l.card_id FROM review_logs l JOIN cards c ON c.id = l.card_id WHERE l.user_id = 1 ORDER BY l.reviewed_at, l.id`,
]) {
  console.log(q.slice(0, 60), '→', (sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | '));
}
