/** Response analysis of one assignment of a class the instructor teaches (issue 16 item 3). */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import '@/components/teach/responses.css';
import { ResponseList } from '@/components/teach/response-list';
import { assignmentsForClass } from '@/db/queries/assignments';
import { responseAnalysisFor } from '@/db/queries/response-analysis';
import { assignmentLabel } from '@/lib/teach/format';
import { parseId } from '@/lib/teach/ids';
import { ownClassOr404 } from '../../../../_lib/own-class';

export const metadata: Metadata = { title: 'Responses' };

export default async function ResponsesPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const p = await params;
  const { user, cls } = await ownClassOr404(p.id);
  const assignmentId = parseId(p.assignmentId);
  const assignment = assignmentId === null ? undefined : (await assignmentsForClass(user.id, cls.id)).find((a) => a.id === assignmentId);
  const items = assignment ? await responseAnalysisFor(user.id, cls.id, assignment.id) : undefined;
  if (!assignment || !items) notFound();
  return (
    <div className="stack" style={{ maxWidth: 860 }}>
      <div>
        <p className="small" style={{ margin: 0 }}>
          <Link href={`/teach/classes/${cls.id}?a=${assignment.id}#items`}>← {cls.name}</Link>
        </p>
        <h1 style={{ overflowWrap: 'anywhere' }}>Responses</h1>
        <p className="muted" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {assignmentLabel(assignment)}
        </p>
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        What the students of this class answered to each item, in quizzes and in review sessions. Open an item to see every option and how many chose it. Facility: share of answers that were right. Discrimination: how much better students who do well on the other quiz questions do on this one (−1 to 1; under 0.2 is weak), from quizzes, shown once 2 students have answered it.
      </p>
      <ResponseList items={items} />
    </div>
  );
}
