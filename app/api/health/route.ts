/** Liveness with a real database round trip: 200 when SQLite answers, 503 otherwise. */
import { connection, NextResponse } from 'next/server';

export async function GET() {
  await connection();
  try {
    // Imported here so a database that cannot even be opened answers 503, not a crash.
    const { db } = await import('@/db');
    const row = db.$client.prepare('select 1 as ok').get() as { ok: number } | undefined;
    if (row?.ok !== 1) throw new Error('unexpected answer');
    return NextResponse.json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return NextResponse.json({ status: 'unavailable', db: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
