/**
 * GET /teach/classes/:id/gradebook.csv — the class gradebook as a CSV download.
 * Signed out → 401, not an instructor → 403, not this instructor's class → 404.
 */
import { connection } from 'next/server';
import { gradebookFor } from '@/db/queries/class-analytics';
import { currentUser } from '@/app/_lib/session';
import { now } from '@/lib/clock';
import { assignmentLabel } from '@/lib/teach/format';
import { gradebookCsv } from '@/lib/teach/gradebook-csv';
import { parseId } from '@/lib/teach/ids';
import { utcToLocalDateTime } from '@/lib/time/zoned';

function text(status: number, body: string) {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await currentUser();
  if (!user) return text(401, 'Sign in first.');
  if (user.role !== 'instructor') return text(403, 'Only instructors can download gradebooks.');
  const classId = parseId((await params).id);
  const at = now();
  const book = classId === null ? undefined : await gradebookFor(user.id, classId, at);
  if (!book || classId === null) return text(404, 'Class not found.');
  const tz = book.timeZone;
  const csv = gradebookCsv(
    book.roster.map((s) => ({ userId: s.userId, name: s.name, email: s.email, joined: utcToLocalDateTime(s.joinedAt, tz).date })),
    book.assignments.map((a) => ({ id: a.id, label: `${assignmentLabel(a)} (due ${utcToLocalDateTime(a.dueAt, tz).date})` })),
    (assignmentId, userId) => book.grades.get(assignmentId)?.get(userId),
    {
      day: (ms) => utcToLocalDateTime(ms, tz).date,
      dateTime: (ms) => {
        const local = utcToLocalDateTime(ms, tz);
        return `${local.date} ${local.time}`;
      },
    },
  );
  const day = utcToLocalDateTime(at.getTime(), tz).date;
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradebook-class-${classId}-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
