/**
 * A learner's whole review log as CSV, for their own analysis or another SRS tool.
 * Every row of this user's log, undone ones included (marked), oldest first.
 * rating: 1 Again, 2 Hard, 3 Good, 4 Easy; state_before: 0 New, 1 Learning, 2 Review, 3 Relearning.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int } from '@/db/engine/rows';
import { cards, reviewLogs } from '@/db/schema';
import { csvRow } from '@/lib/export/csv';

export const REVIEW_HISTORY_HEADER = ['card_id', 'item_id', 'deck_id', 'reviewed_at_iso', 'rating', 'state_before', 'duration_ms', 'source', 'undone'] as const;

const historyRow = z.object({
  cardId: int,
  itemId: z.string(),
  deckId: z.string(),
  reviewedAt: int,
  rating: int,
  stateBefore: int,
  durationMs: int,
  source: z.string(),
  undone: flag,
});

/** The CSV text of this user's review history (header line first). */
export async function reviewHistoryCsv(userId: number): Promise<string> {
  const db = await engine();
  const l = reviewLogs;
  // Walks the (user_id, reviewed_at) index in order; the card join is by primary key.
  const rows = await db.all(
    sql`SELECT ${l.cardId} AS "cardId", ${cards.itemId} AS "itemId", ${cards.deckId} AS "deckId", ${l.reviewedAt} AS "reviewedAt",
          ${l.rating} AS "rating", ${l.stateBefore} AS "stateBefore", ${l.durationMs} AS "durationMs", ${l.source} AS "source",
          (${l.undoneAt} IS NOT NULL) AS "undone"
        FROM ${l} JOIN ${cards} ON ${cards.id} = ${l.cardId}
        WHERE ${l.userId} = ${userId} ORDER BY ${l.reviewedAt}, ${l.id}`,
    historyRow,
  );
  const parts = [csvRow(REVIEW_HISTORY_HEADER)];
  for (const r of rows) {
    // The CSV keeps 0/1 for "undone", as it always had.
    parts.push(csvRow([r.cardId, r.itemId, r.deckId, new Date(r.reviewedAt).toISOString(), r.rating, r.stateBefore, r.durationMs, r.source, r.undone ? 1 : 0]));
  }
  return parts.join('');
}
