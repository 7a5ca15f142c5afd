/**
 * GET /settings/data-export: "Take my data" (issue 17), one zip with everything the app holds about
 * the signed-in user (lib/export/data-zip.ts says what). Takes no input; 401 without a session.
 * Building it reads the whole history, so each user may ask EXPORT_LIMITS.maxFailures times an
 * hour (429 after, with Retry-After).
 */
import { currentUser } from '@/app/_lib/session';
import { recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { ownDecksOf, personalData } from '@/db/queries/data-export';
import { reviewHistoryCsv } from '@/db/queries/review-history';
import { deckToYaml } from '@/lib/content/export-yaml';
import { buildDataZip } from '@/lib/export/data-zip';
import type { ThrottleLimits } from '@/lib/auth/throttle';
import { now } from '@/lib/clock';

const EXPORT_LIMITS: ThrottleLimits = { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return text('Sign in to download your data.', 401);
  const at = now();
  const key = `export:${user.id}`;
  const locked = await throttleLockRemaining([key], at.getTime());
  if (locked > 0) {
    const minutes = Math.max(1, Math.ceil(locked / 60_000));
    return text(`You have downloaded your data several times this hour. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, 429, { 'retry-after': String(Math.ceil(locked / 1000)) });
  }
  await recordSignInFailure([{ key, limits: EXPORT_LIMITS }], at.getTime());
  const zip = buildDataZip({
    json: await personalData(user.id),
    reviewHistoryCsv: await reviewHistoryCsv(user.id),
    decks: (await ownDecksOf(user)).map((d) => ({ id: d.id, yaml: deckToYaml(d.deck, d.items, at) })),
    exportedAt: at,
  });
  const day = at.toISOString().slice(0, 10);
  return new Response(new Blob([zip as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="recall-data-${day}.zip"`,
      'cache-control': 'private, no-store',
    },
  });
}
