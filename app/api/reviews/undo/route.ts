/** POST /api/reviews/undo — `{ clientId }`: restores the card's state from before that review. */
import { NextResponse } from 'next/server';
import { undoReview } from '@/db/queries/reviews';
import { currentUser } from '@/app/_lib/session';
import { now } from '@/lib/clock';
import { undoSchema } from '@/lib/validation/reviews';
import { stateChangingRoute } from '../../_lib/state-changing';
import { jsonError, readJson } from '../../_lib/json';

// Same origin, exact JSON and a session are checked by the wrapper before this body runs.
export const POST = stateChangingRoute({ signedOut: 'Sign in to undo reviews.' }, async (request: Request) => {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to undo reviews.');
  const body = await readJson(request, 4096);
  if (!body.ok) return body.response;
  const parsed = undoSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Invalid request.');
  const out = await undoReview(user.id, parsed.data.clientId, now());
  if (!out.ok) return jsonError(out.reason === 'not_found' ? 404 : 409, out.message);
  return NextResponse.json({ ok: true, cardId: out.cardId }, { headers: { 'cache-control': 'no-store' } });
});
