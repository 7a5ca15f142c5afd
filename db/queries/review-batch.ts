/**
 * Applies a batch of grades (the review screen's background saves and offline sync use the same
 * format): each entry is validated on its own, valid ones are applied in the order they were made,
 * and every entry gets its own result, so one bad grade never blocks the others.
 * The batch is one job of the group commit (db/group-commit.ts) and each entry runs in its own
 * savepoint: an entry that fails unexpectedly is rolled back alone and reported as rejected, and
 * the rest are still saved.
 */
import 'server-only';
import { groupCommit, inSavepoint, isRetryable } from '@/db/group-commit';
import type { Queryable } from '@/db/engine/types';
import { gradeEntrySchema, type GradeEntry } from '@/lib/validation/reviews';
import { recordReviewIn } from './reviews';
import { studySettingsIn, type StudySettings } from './settings';

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

async function applyOne(tx: Queryable, userId: number, entry: GradeEntry, settings: StudySettings, serverNow: Date): Promise<EntryResult> {
  const out = await recordReviewIn(tx, userId, { ...entry, reviewedAt: new Date(entry.reviewedAt), source: 'review' }, settings, serverNow);
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

/** Applies the batch inside the caller's transaction `tx`. */
export async function applyGradeBatchIn(tx: Queryable, userId: number, entries: unknown[], serverNow: Date): Promise<EntryResult[]> {
  const settings = await studySettingsIn(tx, userId);
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
      results[index] = await inSavepoint(tx, 'grade_entry', () => applyOne(tx, userId, entry, settings, serverNow));
    } catch (error) {
      // A deadlock with another server (PostgreSQL) is not this grade's fault: the whole batch runs again.
      if (isRetryable(error)) throw error;
      // The savepoint has rolled this entry back; the others go on.
      console.error(`grade ${entry.clientId} of user ${userId} failed:`, error);
      results[index] = { clientId: entry.clientId, status: 'rejected', reason: 'The server could not save this grade.' };
    }
  }
  return results;
}

/** Applies the batch in the next group commit: resolves once its grades are durably committed. */
export async function applyGradeBatch(userId: number, entries: unknown[], serverNow: Date): Promise<EntryResult[]> {
  return groupCommit((tx) => applyGradeBatchIn(tx, userId, entries, serverNow));
}
