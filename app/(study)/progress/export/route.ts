/**
 * GET /progress/export: the signed-in learner's review history as a CSV download.
 * Takes no input; answers 401 without a session (the proxy redirect is not the boundary).
 */
import { reviewHistoryCsv } from '@/db/queries/review-history';
import { currentUser } from '@/app/_lib/session';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) {
    return new Response('Sign in to download your review history.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(await reviewHistoryCsv(user.id), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="review-history.csv"',
      'cache-control': 'private, no-store',
    },
  });
}
