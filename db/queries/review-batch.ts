/**
 * Applies a batch of grades (the review screen's background saves and offline sync use the same
 * format): each entry is validated on its own, valid ones are applied in the order they were made,
 * and every entry gets a result, so one bad grade never blocks the others.
 */
import 'server-only';
import { gradeEntrySchema, type GradeEntry } from '@/lib/validation/reviews';
import { recordReview } from './reviews';
import { studySettingsFor } from './settings';

export type EntryResult =
  | { clientId: string | null; status: 'recorded' | 'duplicate'; cardId: number; due: number; state: number }
  | { clientId: string | null; status: 'rejected'; reason: string };

export function applyGradeBatch(userId: number, entries: unknown[], serverNow: Date): EntryResult[] {
  const settings = studySettingsFor(userId);
  const results: EntryResult[] = new Array(entries.length);
  const valid: { index: number; entry: GradeEntry }[] = [];
  entries.forEach((raw, index) => {
    const parsed = gradeEntrySchema.safeParse(raw);
    const clientId = typeof (raw as { clientId?: unknown })?.clientId === 'string' ? String((raw as { clientId: string }).clientId).slice(0, 100) : null;
    if (parsed.success) valid.push({ index, entry: parsed.data });
    else results[index] = { clientId, status: 'rejected', reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') };
  });
  valid.sort((a, b) => a.entry.reviewedAt - b.entry.reviewedAt || a.index - b.index);
  for (const { index, entry } of valid) {
    const out = recordReview(userId, { ...entry, reviewedAt: new Date(entry.reviewedAt), source: 'review' }, settings, serverNow);
    results[index] = out.ok
      ? { clientId: entry.clientId, status: out.duplicate ? 'duplicate' : 'recorded', cardId: entry.cardId, due: out.state.due.getTime(), state: out.state.state }
      : { clientId: entry.clientId, status: 'rejected', reason: out.message };
  }
  return results;
}
