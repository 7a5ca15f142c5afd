/**
 * A learner's whole review log as CSV, for their own analysis or another SRS tool.
 * Every row of this user's log, undone ones included (marked), oldest first.
 * rating: 1 Again, 2 Hard, 3 Good, 4 Easy; state_before: 0 New, 1 Learning, 2 Review, 3 Relearning.
 */
import 'server-only';
import { db } from '@/db';
import { csvRow } from '@/lib/export/csv';

export const REVIEW_HISTORY_HEADER = ['card_id', 'item_id', 'deck_id', 'reviewed_at_iso', 'rating', 'state_before', 'duration_ms', 'source', 'undone'] as const;

interface HistoryRow {
  cardId: number;
  itemId: string;
  deckId: string;
  reviewedAt: number;
  rating: number;
  stateBefore: number;
  durationMs: number;
  source: string;
  undone: number;
}

// Walks the (user_id, reviewed_at) index in order; the card join is by primary key.
const historyRows = db.$client.prepare<{ userId: number }, HistoryRow>(`
  SELECT l.card_id AS cardId, c.item_id AS itemId, c.deck_id AS deckId, l.reviewed_at AS reviewedAt, l.rating,
         l.state_before AS stateBefore, l.duration_ms AS durationMs, l.source, l.undone_at IS NOT NULL AS undone
  FROM review_logs l JOIN cards c ON c.id = l.card_id
  WHERE l.user_id = @userId ORDER BY l.reviewed_at, l.id
`);

/** The CSV text of this user's review history (header line first). */
export function reviewHistoryCsv(userId: number): string {
  const parts = [csvRow(REVIEW_HISTORY_HEADER)];
  for (const r of historyRows.iterate({ userId })) {
    parts.push(
      csvRow([r.cardId, r.itemId, r.deckId, new Date(r.reviewedAt).toISOString(), r.rating, r.stateBefore, r.durationMs, r.source, r.undone]),
    );
  }
  return parts.join('');
}
