/**
 * A second process grading on the same database, for tests/integration/races.test.ts: the SQLite
 * file given, or, when DATABASE_URL names a PostgreSQL database, that database (the engine is
 * chosen by DATABASE_URL, db/engine/index.ts; <db> is then unused).
 * Usage: tsx --conditions react-server tests/support/race-writer.mts <db> <name> <userId> <cardIds,...> <count>
 * Grades `count` reviews spread over the cards, interleaved in time with the other writer
 * (so some arrive out of order), some with client ids both writers send; prints one JSON result.
 */
const [file, name, userIdArg, cardsArg, countArg] = process.argv.slice(2);
process.env.DATABASE_PATH = file;
process.env.APP_FSRS_FUZZ = '0';
const { recordReview } = await import('@/db/queries/reviews');
const { studySettingsFor } = await import('@/db/queries/settings');

const userId = Number(userIdArg);
const cards = String(cardsArg).split(',').map(Number);
const count = Number(countArg);
const T0 = Date.UTC(2026, 2, 2, 9);
const settings = await studySettingsFor(userId);
const outcomes = { recorded: 0, duplicate: 0, rejected: 0, errors: [] as string[] };
for (let i = 0; i < count; i++) {
  // Every third grade is "the same grade from two devices": same id, card, rating and time in both writers.
  const shared = i % 3 === 0;
  const clientId = shared ? `shared-${i}` : `${name}-${i}`;
  const offset = shared ? 0 : name === 'a' ? 7_000 : 13_000;
  const reviewedAt = new Date(T0 + i * 60_000 + offset);
  try {
    const out = await recordReview(userId, { cardId: cards[i % cards.length] as number, grade: shared ? 3 : ((i % 4) + 1) as 1 | 2 | 3 | 4, clientId, reviewedAt, durationMs: 1000, source: 'review' }, settings, new Date(T0 + 30 * 86_400_000));
    if (!out.ok) outcomes.rejected++;
    else if (out.status !== 'recorded') outcomes.duplicate++;
    else outcomes.recorded++;
  } catch (error) {
    outcomes.errors.push(String(error));
  }
}
process.stdout.write(JSON.stringify(outcomes));
