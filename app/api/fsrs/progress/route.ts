/** GET /api/fsrs/progress — how far the signed-in student's running FSRS fit is (null when none runs). */
import { NextResponse } from 'next/server';
import { fitProgressOf } from '@/db/queries/fsrs-parameters';
import { currentUser } from '@/app/_lib/session';
import { jsonError } from '../../_lib/json';

export async function GET() {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to see your fit.');
  return NextResponse.json({ progress: await fitProgressOf(user.id) }, { headers: { 'cache-control': 'no-store' } });
}
