/**
 * `npx tsx scripts/bench/seed.mts [file]`: builds a realistic database for benchmarks (default
 * data/bench.db, never the app's database): the real deck and generated decks loaded through
 * db/seed.ts, 2,000 students in 40 classes with instructors and assignments, six months of review
 * history simulated with the app's scheduler, and one heavy student (10,000 cards, ~50,000 reviews
 * over two years). Scale with BENCH_STUDENTS, BENCH_CLASSES, BENCH_BIG_CLASS, BENCH_DECKS,
 * BENCH_DECK_CARDS, BENCH_DAYS, BENCH_MAX_CARDS, BENCH_HEAVY_CARDS, BENCH_HEAVY_DAYS, BENCH_SEED.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, DEFAULT_DATABASE_PATH, openDatabase } from '../../db/connection';
import { sqliteEngine } from '../../db/engine/sqlite';
import { loadContentDir } from '../../db/seed';
import { hashPassword } from '../../lib/auth/password';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../lib/scheduler';
import { writeDeck } from './generate-decks';
import { BENCH_PASSWORD, DEFAULT_BENCH_DB, envInt, HEAVY_EMAIL, instructorEmail, studentEmail } from './fixtures';
import { makeRng } from './rng';
import { makeWriter } from './seed-writer';
import { acceleratingIntroductionDays, DAY_MS, introductionDays, makeStudent, simulateCard } from './simulate';

const knobs = {
  students: envInt('BENCH_STUDENTS', 2000),
  classes: envInt('BENCH_CLASSES', 40),
  bigClass: envInt('BENCH_BIG_CLASS', 200),
  decks: envInt('BENCH_DECKS', 10),
  deckCards: envInt('BENCH_DECK_CARDS', 150),
  days: envInt('BENCH_DAYS', 180),
  maxCards: envInt('BENCH_MAX_CARDS', 120),
  heavyCards: envInt('BENCH_HEAVY_CARDS', 10_000),
  heavyDays: envInt('BENCH_HEAVY_DAYS', 730),
  heavyPace: envInt('BENCH_HEAVY_PACE', 16),
  seed: envInt('BENCH_SEED', 1),
};

const file = path.resolve(process.argv[2] || process.env.BENCH_DATABASE_PATH || DEFAULT_BENCH_DB);
if (file === path.resolve(DEFAULT_DATABASE_PATH)) {
  console.error(`Refusing to overwrite the app's database (${file}). Give another path.`);
  process.exit(2);
}
const started = performance.now();
const phase = (name: string, t0: number) => console.log(`  ${name.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

const db = openDatabase(file);
const sqlite = db.$client;
// Seeding only: a crash means running the seed again, so trade durability for speed.
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -262144');
applyMigrations(db);
const rng = makeRng(knobs.seed);
const now = Date.now();
const settings = { ...DEFAULT_SCHEDULER_SETTINGS };

// --- decks, through the same writer as real content -------------------------------------
let t = performance.now();
const engine = sqliteEngine(db);
await loadContentDir(engine, path.resolve('content'));
const contentDir = mkdtempSync(path.join(tmpdir(), 'bench-decks-'));
const sharedDecks = Array.from({ length: knobs.decks }, (_, i) => writeDeck(contentDir, rng, `bench-${String(i + 1).padStart(2, '0')}`, `Bench reading ${i + 1}`, knobs.deckCards));
const cardIdsOf = sqlite.prepare<[string], { id: number }>('SELECT id FROM cards WHERE deck_id = ? AND retired_at IS NULL ORDER BY position');
const realCards = cardIdsOf.all('war-for-peace').length;
const heavyExtra = Math.max(0, knobs.heavyCards - realCards - sharedDecks.reduce((n, d) => n + d.cards, 0));
const heavyDecks = Array.from({ length: Math.ceil(heavyExtra / 1000) }, (_, i) =>
  writeDeck(contentDir, rng, `bench-heavy-${String(i + 1).padStart(2, '0')}`, `Advanced reading ${i + 1}`, Math.ceil(heavyExtra / Math.ceil(heavyExtra / 1000)), 10),
);
await loadContentDir(engine, contentDir);
rmSync(contentDir, { recursive: true, force: true });
sqlite.prepare("UPDATE decks SET position = position + 1 WHERE id != 'war-for-peace'").run();
const deckCards = new Map<string, number[]>();
for (const id of ['war-for-peace', ...sharedDecks.map((d) => d.id), ...heavyDecks.map((d) => d.id)]) deckCards.set(id, cardIdsOf.all(id).map((r) => r.id));
phase(`decks (${deckCards.size})`, t);

// --- people and classes -----------------------------------------------------------------
t = performance.now();
const passwordHash = await hashPassword(BENCH_PASSWORD);
const w = makeWriter(sqlite);
const windowStart = Math.floor((now - knobs.days * DAY_MS) / DAY_MS) * DAY_MS;
const zones = ['UTC', 'UTC', 'UTC', 'Europe/London', 'America/New_York', 'America/Chicago', 'Asia/Tokyo'];
interface Klass { id: number; deckId: string; students: number[] }
const classes: Klass[] = [];
const studentIds: number[] = [];
sqlite.transaction(() => {
  for (let c = 0; c < knobs.classes; c++) {
    const instructor = w.user(instructorEmail(c + 1), `Instructor ${c + 1}`, passwordHash, 'instructor', windowStart - 30 * DAY_MS);
    const deckId = c % 3 === 0 || sharedDecks.length === 0 ? 'war-for-peace' : (sharedDecks[c % sharedDecks.length]?.id as string);
    const id = w.klass(instructor, c === 0 ? 'Large lecture' : `Seminar ${c + 1}`, `JOIN${String(c + 1).padStart(4, '0')}`, windowStart - 20 * DAY_MS);
    w.assign(id, deckId, now + rng.int(-30, 30) * DAY_MS, windowStart);
    classes.push({ id, deckId, students: [] });
  }
  const rest = Math.max(1, knobs.classes - 1);
  for (let i = 0; i < knobs.students; i++) {
    const id = w.user(studentEmail(i + 1), `Student ${i + 1}`, passwordHash, 'student', windowStart - rng.int(0, 20) * DAY_MS, rng.pick(zones));
    studentIds.push(id);
    const klass = (i < knobs.bigClass || knobs.classes === 1 ? classes[0] : classes[1 + ((i - knobs.bigClass) % rest)]) as Klass;
    klass.students.push(id);
    w.enroll(klass.id, id, windowStart - rng.int(0, 10) * DAY_MS);
  }
})();
phase(`users (${knobs.students} students, ${knobs.classes} classes)`, t);

// --- six months of reviews --------------------------------------------------------------
t = performance.now();
const chunk = 50;
for (const klass of classes) {
  for (let start = 0; start < klass.students.length; start += chunk) {
    sqlite.transaction(() => {
      for (const userId of klass.students.slice(start, start + chunk)) {
        const joinDay = rng.int(0, 30);
        const stopDay = rng.chance(0.3) ? rng.int(joinDay + 10, knobs.days) : knobs.days;
        const model = makeStudent(rng, windowStart, knobs.days, { joinDay, pActive: rng.float(0.3, 0.95), stopDay });
        const cards = [...new Set([...(deckCards.get(klass.deckId) ?? []), ...(deckCards.get('war-for-peace') ?? [])])].slice(0, rng.int(15, knobs.maxCards));
        const intro = introductionDays(model, cards.length, rng.int(3, 12), joinDay);
        intro.forEach((day, i) => w.cardHistory(userId, cards[i] as number, simulateCard(model, day, now, rng, settings), () => (rng.chance(0.1) ? 'quiz' : 'review')));
      }
    })();
  }
}
phase('student histories', t);

// --- the heavy student: two years, 10,000 cards ----------------------------------------
t = performance.now();
const heavyStart = Math.floor((now - knobs.heavyDays * DAY_MS) / DAY_MS) * DAY_MS;
const heavyInstructor = w.user(instructorEmail(knobs.classes + 1), 'Advanced Instructor', passwordHash, 'instructor', heavyStart - 30 * DAY_MS);
const heavyId = w.user(HEAVY_EMAIL, 'Hana Heavy', passwordHash, 'student', heavyStart - DAY_MS);
// Its own random stream, so the heavy student is the same whatever the other knobs are.
const heavyRng = makeRng(knobs.seed + 1);
sqlite.transaction(() => {
  const seminar = w.klass(heavyInstructor, 'Advanced seminar', 'JOINHEAVY', heavyStart);
  w.enroll(seminar, heavyId, heavyStart);
  const own = sqlite.prepare('UPDATE decks SET owner_id = ? WHERE id = ?');
  for (const d of heavyDecks) {
    own.run(heavyInstructor, d.id);
    w.assign(seminar, d.id, now + 30 * DAY_MS, heavyStart);
  }
  const model = makeStudent(heavyRng, heavyStart, knobs.heavyDays, { joinDay: 0, pActive: 0.9, easy: 0.3 });
  const cards = [...deckCards.values()].flat().slice(0, knobs.heavyCards);
  // Paced so that 10,000 cards give about 50,000 reviews over the two years (most cards are young).
  const intro = acceleratingIntroductionDays(model, cards.length, knobs.heavyPace);
  intro.forEach((day, i) => w.cardHistory(heavyId, cards[i] as number, simulateCard(model, day, now, heavyRng, settings)));
})();
phase('heavy student', t);

t = performance.now();
sqlite.pragma('optimize');
sqlite.pragma('wal_checkpoint(TRUNCATE)');
phase('analyze + checkpoint', t);

const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const heavy = sqlite.prepare('SELECT (SELECT count(*) FROM card_states WHERE user_id = @u) AS cards, (SELECT count(*) FROM review_logs WHERE user_id = @u) AS logs').get({ u: heavyId }) as { cards: number; logs: number };
const grades = sqlite.prepare('SELECT rating, count(*) AS n FROM review_logs GROUP BY rating ORDER BY rating').all() as { rating: number; n: number }[];
const totalLogs = grades.reduce((n, g) => n + g.n, 0);
console.log(`\nSeeded ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
for (const table of ['users', 'decks', 'sections', 'cards', 'classes', 'enrollments', 'assignments', 'card_states', 'review_logs']) console.log(`  ${table.padEnd(12)} ${count(table)}`);
console.log(`  heavy student ${HEAVY_EMAIL}: ${heavy.cards} cards, ${heavy.logs} reviews`);
console.log(`  grades: ${grades.map((g) => `${['', 'Again', 'Hard', 'Good', 'Easy'][g.rating]} ${((100 * g.n) / totalLogs).toFixed(1)} %`).join(', ')}`);
console.log(`  password for every account: ${BENCH_PASSWORD}`);
sqlite.close();
