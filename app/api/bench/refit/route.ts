/**
 * /api/bench/refit — for the benchmark only (404 unless the server runs with BENCH_FLOOR=1):
 * POST starts, in this server process, a refit of every pool and a personal fit of one student
 * (`?userId=`), with the card-state replays they cause; GET says whether it still runs. The bench
 * grades meanwhile to measure what a refit costs the grade path.
 */
import { connection } from 'next/server';
import { z } from 'zod';
import { fitUserParameters } from '@/db/queries/fsrs-parameters';
import { refitPools } from '@/db/queries/fsrs-refit';

let job: { startedAt: number; finishedAt: number | null; error: string | null } | null = null;

const query = z.object({ userId: z.coerce.number().int().positive().max(2 ** 31) });

async function enabled(): Promise<boolean> {
  await connection();
  return process.env.BENCH_FLOOR === '1';
}

export async function POST(request: Request) {
  if (!(await enabled())) return new Response('Not found', { status: 404 });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: 'userId must be a user id' }, { status: 400 });
  if (job && job.finishedAt === null) return Response.json({ error: 'A refit is already running' }, { status: 409 });
  const current = { startedAt: Date.now(), finishedAt: null as number | null, error: null as string | null };
  job = current;
  void (async () => {
    try {
      await refitPools();
      await fitUserParameters(parsed.data.userId);
    } catch (error) {
      current.error = error instanceof Error ? error.message : String(error);
    } finally {
      current.finishedAt = Date.now();
    }
  })();
  return Response.json({ started: true }, { status: 202 });
}

export async function GET() {
  if (!(await enabled())) return new Response('Not found', { status: 404 });
  return Response.json({ running: job !== null && job.finishedAt === null, ms: job ? (job.finishedAt ?? Date.now()) - job.startedAt : null, error: job?.error ?? null });
}
