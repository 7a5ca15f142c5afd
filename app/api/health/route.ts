/** Liveness with a real database round trip on the app's engine: 200 when it answers, 503 otherwise. */
import { sql } from 'drizzle-orm';
import { connection, NextResponse } from 'next/server';
import { z } from 'zod';

export async function GET() {
  await connection();
  try {
    // Imported here so a database that cannot even be opened answers 503, not a crash.
    const [{ engine }, { int }] = await Promise.all([import('@/db/engine'), import('@/db/engine/rows')]);
    const row = await (await engine()).get(sql`SELECT 1 AS "ok"`, z.object({ ok: int }));
    if (row?.ok !== 1) throw new Error('unexpected answer');
    return NextResponse.json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return NextResponse.json({ status: 'unavailable', db: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
