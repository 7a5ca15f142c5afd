/**
 * Undo after the parameters changed: the snapshot a review kept was taken with the parameters in
 * use when it was graded. Once a fit (or a pool) has replaced them and the card states were
 * replayed, restoring that snapshot would put back a state computed with the old parameters; undo
 * must instead leave the card as its remaining log replays with the parameters now in use. With
 * the parameters unchanged, undo still restores the snapshot exactly.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cardStates as cs, reviewLogs as l } from '@/db/schema';
import { fitUserParameters, parametersInUse } from '@/db/queries/fsrs-parameters';
import { recordReview, undoReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { rowToState } from '@/db/card-state-row';
import { replayLog, restoreSnapshot, type Grade } from '@/lib/scheduler';
import type { Optimiser } from '@/lib/scheduler/fit';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const DAY = 86_400_000;
const T0 = Date.parse('2026-02-02T09:00:00Z');

let cards: number[];
beforeAll(async () => {
  await loadRealDeck();
  cards = await cardIds();
});

async function stateOf(userId: number, cardId: number) {
  const row = await (await engine()).get(
    sql`SELECT ${cs.due} AS "due", ${cs.stability} AS "stability", ${cs.difficulty} AS "difficulty", ${cs.scheduledDays} AS "scheduledDays",
          ${cs.learningSteps} AS "learningSteps", ${cs.reps} AS "reps", ${cs.lapses} AS "lapses", ${cs.state} AS "state", ${cs.lastReview} AS "lastReview"
        FROM ${cs} WHERE ${cs.userId} = ${userId} AND ${cs.cardId} = ${cardId}`,
    z.object({ due: int, stability: z.number(), difficulty: z.number(), scheduledDays: int, learningSteps: int, reps: int, lapses: int, state: int, lastReview: int.nullable() }),
  );
  return row ? rowToState(row) : null;
}

async function replayNow(userId: number, cardId: number) {
  const rows = await (await engine()).all(
    sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "at" FROM ${l}
        WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
    z.object({ rating: int, at: int }),
  );
  return replayLog(
    rows.map((r) => ({ grade: r.rating as Grade, reviewedAt: new Date(r.at) })),
    (await studySettingsFor(userId)).scheduler,
  );
}

/** The snapshot the review `clientId` kept of the card's state before it, as JSON text. */
async function snapshotBefore(userId: number, clientId: string): Promise<string> {
  const e = await engine();
  const row = await e.get(
    sql`SELECT ${e.fragments.jsonText(l.snapshotBefore)} AS "s" FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.clientId} = ${clientId}`,
    z.object({ s: z.string() }),
  );
  if (!row) throw new Error(`no review ${clientId}`);
  return row.s;
}

/** A student with three reviews of each of 40 cards over two weeks (enough for a fit to be tried). */
async function studentWithHistory() {
  const user = await makeUser();
  let n = 0;
  for (const [day, grade] of [[0, 3], [3, 3], [10, 2]] as const) {
    for (const card of cards.slice(0, 40)) {
      const at = new Date(T0 + day * DAY + n * 1000);
      const out = await recordReview(user.id, { cardId: card, grade, clientId: `h-${n++}`, reviewedAt: at, durationMs: 2000, source: 'review' }, await studySettingsFor(user.id), at);
      if (!out.ok) throw new Error(out.message);
    }
  }
  return { user, lastClientId: `h-${n - 1}`, lastCard: cards[39]! };
}

/** Adopts these weights whatever the data (the held-out scores favour them). */
const adopting = (weights: number[]): Optimiser => ({
  fit: async () => [...weights],
  evaluate: async (w) => ({ logLoss: w && w[2] === weights[2] ? 0.2 : 0.4, rmse: 0.05 }),
});

describe('undo after the parameters changed', () => {
  it('leaves the card as its remaining log replays with the parameters now in use', async () => {
    const { user, lastClientId, lastCard } = await studentWithHistory();
    const snapshotState = z.object({ card: z.object({ stability: z.number() }) }).parse(JSON.parse(await snapshotBefore(user.id, lastClientId))).card;
    const weights = default_w.map((w, i) => (i === 2 ? 9.5 : i === 8 ? 2.2 : w));
    const fit = await fitUserParameters(user.id, { optimiser: adopting(weights) });
    expect(fit.verdict.adopted).toBe(true);
    expect((await parametersInUse(user.id)).source).toBe('personal');

    const out = await undoReview(user.id, lastClientId, new Date(T0 + 11 * DAY));
    expect(out.ok).toBe(true);
    const expected = await replayNow(user.id, lastCard);
    expect(await stateOf(user.id, lastCard)).toEqual(expected);
    if (out.ok) expect(out.state).toEqual(expected);
    // And that is not what the old snapshot held (the test would pass vacuously otherwise).
    expect(expected!.stability).not.toBeCloseTo(snapshotState.stability, 3);
  }, 60_000);

  it('with the parameters unchanged, restores the snapshot exactly', async () => {
    const { user, lastClientId, lastCard } = await studentWithHistory();
    const before = await snapshotBefore(user.id, lastClientId);
    const out = await undoReview(user.id, lastClientId, new Date(T0 + 11 * DAY));
    expect(out.ok).toBe(true);
    expect(await stateOf(user.id, lastCard)).toEqual(restoreSnapshot(before));
  });
});
