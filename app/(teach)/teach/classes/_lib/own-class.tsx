/**
 * What every page of one class starts with: an instructor, a well-formed class id, and a class
 * they teach (404 otherwise, so other instructors' class ids are not revealed); and the link back.
 */
import 'server-only';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { classForInstructor } from '@/db/queries/classes';
import { requireRole } from '@/app/_lib/session';
import { parseId } from '@/lib/teach/ids';

export async function ownClassOr404(rawId: string) {
  const user = await requireRole('instructor');
  const classId = parseId(rawId);
  const cls = classId === null ? undefined : await classForInstructor(user.id, classId);
  if (!cls) notFound();
  return { user, cls };
}

export function BackToClass({ cls }: { cls: { id: number; name: string } }) {
  return (
    <p className="small" style={{ margin: 0 }}>
      <Link href={`/teach/classes/${cls.id}`}>← {cls.name}</Link>
    </p>
  );
}
