/**
 * POST /api/reviews — records grades: `{ reviews: [{ clientId, cardId, grade, reviewedAt, durationMs }] }`.
 * Idempotent per clientId; answers 200 with a result per entry (recorded, duplicate or rejected with a reason).
 */
import { NextResponse } from 'next/server';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { currentUser } from '@/app/_lib/session';
import { now } from '@/lib/clock';
import { gradeBatchSchema } from '@/lib/validation/reviews';
import { stateChangingRoute } from '../_lib/state-changing';
import { jsonError, readJson } from '../_lib/json';

// Same origin, exact JSON and a session are checked by the wrapper before this body runs.
export const POST = stateChangingRoute({ signedOut: 'Sign in to save reviews.' }, async (request: Request) => {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to save reviews.');
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = gradeBatchSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Invalid request.');
  const at = now();
  // Shares one commit (one fsync) with the other grades arriving at the same moment (db/group-commit.ts).
  const results = await applyGradeBatch(user.id, parsed.data.reviews, at);
  return NextResponse.json({ results }, { headers: { 'cache-control': 'no-store' } });
});
