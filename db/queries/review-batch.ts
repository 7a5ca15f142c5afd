/**
 * Applies a batch of grades (the review screen's background saves and offline sync use the same
 * format): each entry is validated on its own, valid ones are applied in the order they were made,
 * and every entry gets its own result, so one bad grade never blocks the others.
 * Each entry runs in its own transaction (a savepoint inside the group commit): an entry that
 * fails unexpectedly is rolled back alone and reported as rejected, and the rest are still saved.
 */
import 'server-only';
import { gradeEntrySchema, type GradeEntry } from '@/lib/validation/reviews';
import { recordReview } from './reviews';
import { studySettingsFor } from './settings';

/**
 * `recorded` and `duplicate`: the server has this grade (with the card's state when it has one);
 * `undone`: the server had it and it was undone; `rejected`: it will never be saved, for `reason`.
 * The client treats all four as settled and stops sending the entry.
 */
export type EntryResult =
  | { clientId: string; status: 'recorded' | 'duplicate'; cardId: number; due: number | null; state: number | null }
  | { clientId: string; status: 'undone'; cardId: number }
  | { clientId: string | null; status: 'rejected'; reason: string };

function clientIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('clientId' in raw)) return null;
  return typeof raw.clientId === 'string' ? raw.clientId.slice(0, 100) : null;
}

function applyOne(userId: number, entry: GradeEntry, settings: ReturnType<typeof studySettingsFor>, serverNow: Date): EntryResult {
  const out = recordReview(userId, { ...entry, reviewedAt: new Date(entry.reviewedAt), source: 'review' }, settings, serverNow);
  switch (out.status) {
    case 'recorded':
    case 'duplicate':
      return { clientId: entry.clientId, status: out.status, cardId: entry.cardId, due: out.state?.due.getTime() ?? null, state: out.state?.state ?? null };
    case 'undone':
      return { clientId: entry.clientId, status: 'undone', cardId: entry.cardId };
    case 'rejected':
      return { clientId: entry.clientId, status: 'rejected', reason: out.message };
  }
}

export function applyGradeBatch(userId: number, entries: unknown[], serverNow: Date): EntryResult[] {
  const settings = studySettingsFor(userId);
  const results: EntryResult[] = new Array(entries.length);
  const valid: { index: number; entry: GradeEntry }[] = [];
  entries.forEach((raw, index) => {
    const parsed = gradeEntrySchema.safeParse(raw);
    if (parsed.success) valid.push({ index, entry: parsed.data });
    else results[index] = { clientId: clientIdOf(raw), status: 'rejected', reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') };
  });
  valid.sort((a, b) => a.entry.reviewedAt - b.entry.reviewedAt || a.index - b.index);
  for (const { index, entry } of valid) {
    try {
      results[index] = applyOne(userId, entry, settings, serverNow);
    } catch (error) {
      // recordReview's transaction has rolled this entry back; the others go on.
      console.error(`grade ${entry.clientId} of user ${userId} failed:`, error);
      results[index] = { clientId: entry.clientId, status: 'rejected', reason: 'The server could not save this grade.' };
    }
  }
  return results;
}
