import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewSession } from '@/components/review/review-session';
import { suspendCardAction } from '@/app/(focus)/review/[deckId]/actions';
import { reportCardAction } from '@/app/(study)/reports/actions';
import { requireUser } from '@/app/_lib/session';
import { studySessionFor } from '@/db/queries/study';
import { now } from '@/lib/clock';
import '@/components/review/review.css';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage({ params }: { params: Promise<{ deckId: string }> }) {
  const user = await requireUser();
  const { deckId } = await params;
  const data = await studySessionFor(user.id, deckId, now());
  if (!data) notFound();
  return <ReviewSession data={data} userId={user.id} actions={{ suspendCard: suspendCardAction }} reportCard={reportCardAction} />;
}
