'use server';
/** An answer to a student's report (by the deck's owner, or on a shared deck the student's instructor): a short reply, and fixed or dismissed. */
import { revalidatePath } from 'next/cache';
import { ActionError, authedAction } from '@/app/_lib/action';
import { handleReport } from '@/db/queries/card-reports';
import { now } from '@/lib/clock';
import { handleReportSchema } from '@/lib/validation/reports';

export const handleReportAction = authedAction(
  handleReportSchema,
  async (input, user) => {
    // Not theirs to answer, unknown and already closed look the same: nothing to reveal about other decks.
    if (!(await handleReport(user.id, input, now()))) throw new ActionError('This report is not open on one of your decks or from one of your students.');
    revalidatePath('/teach/decks', 'layout');
  },
  { role: 'instructor' },
);
