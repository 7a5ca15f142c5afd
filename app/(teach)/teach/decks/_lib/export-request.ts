/**
 * The checks both export routes make: a signed-in instructor (401/403 otherwise), a well-formed
 * deck id, and a deck they may export, their own or a shared one (404 otherwise, so another
 * instructor's deck ids are not revealed).
 */
import 'server-only';
import { z } from 'zod';
import { deckForExport } from '@/db/queries/authoring-decks';
import { currentUser } from '@/app/_lib/session';
import { slugField } from '@/lib/validation/authoring';

export type ExportParams = { params: Promise<{ deckId: string }> };

const paramsSchema = z.object({ deckId: slugField });

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function exportRequest(context: ExportParams) {
  const user = await currentUser();
  if (!user) return text('Sign in first.', 401);
  if (user.role !== 'instructor') return text('Only instructors may export decks.', 403);
  const parsed = paramsSchema.safeParse(await context.params);
  const found = parsed.success ? await deckForExport(user, parsed.data.deckId) : null;
  return found ?? text('No such deck.', 404);
}

export function download(body: string, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      // Per-user content: never cached by the browser or anything in between.
      'Cache-Control': 'private, no-store',
    },
  });
}
