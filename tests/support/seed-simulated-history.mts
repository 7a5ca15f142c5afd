/**
 * Gives a student months of reviews on the real deck, through the real grade path, from a
 * simulated learner (tests/support/simulated-learner.ts): for e2e tests and screenshots of pages
 * full of data. The history ends `endDaysAgo` days before now.
 * Usage: tsx --conditions react-server tests/support/seed-simulated-history.mts <db> <email[,email…]> [days=600] [seed=7] [endDaysAgo=20]
 * Several emails (comma-separated) get different learners (seed, seed + 1, …) in one run.
 */
const [file, email, daysArg, seedArg, endArg] = process.argv.slice(2);
if (!file || !email) {
  console.error('Usage: seed-simulated-history.mts <db> <email> [days] [seed] [endDaysAgo]');
  process.exit(2);
}
process.env.DATABASE_PATH = file;
const { db } = await import('@/db');
const { recordReviewIn } = await import('@/db/queries/reviews');
const { engine } = await import('@/db/engine');
const { studySettingsFor } = await import('@/db/queries/settings');
const { simulateLearner } = await import('./simulated-learner');

const days = Number(daysArg ?? 600);
const seed = Number(seedArg ?? 7);
const endDaysAgo = Number(endArg ?? 20);
const cards = (db.$client.prepare("SELECT id FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL ORDER BY position").all() as { id: number }[]).map((r) => r.id);
const start = new Date(Date.now() - (days + endDaysAgo) * 86_400_000);
start.setUTCHours(10, 0, 0, 0);
const results: { userId: number; reviews: number }[] = [];
for (const [i, address] of email.split(',').entries()) {
  const user = db.$client.prepare('SELECT id FROM users WHERE email = ?').get(address) as { id: number } | undefined;
  if (!user) throw new Error(`No user ${address}`);
  const settings = await studySettingsFor(user.id);
  let n = 0;
  // One transaction for the whole history (a seed, not the app: one commit is enough).
  await (await engine()).transaction(async (tx) => {
    for (const r of simulateLearner({ cards: cards.length, days, seed: seed + i, start })) {
      const out = await recordReviewIn(
        tx,
        user.id,
        { cardId: cards[r.cardId - 1]!, grade: r.rating, clientId: `seed-${seed + i}-${n++}`, reviewedAt: new Date(r.reviewedAt), durationMs: 4000, source: 'review' },
        settings,
        new Date(r.reviewedAt),
      );
      if (!out.ok) throw new Error(out.message);
    }
  });
  results.push({ userId: user.id, reviews: n });
}
console.log(JSON.stringify(results.length === 1 ? results[0] : results));
