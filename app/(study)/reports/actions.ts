'use server';
/** A student's "Report a problem" on a card (review or quiz), and dismissing the answer once read. */
import { revalidatePath } from 'next/cache';
import { ActionError, authedAction } from '@/app/_lib/action';
import { markReportSeen, reportCard } from '@/db/queries/card-reports';
import { now } from '@/lib/clock';
import { reportCardSchema, reportIdSchema } from '@/lib/validation/reports';

export const reportCardAction = authedAction(reportCardSchema, async (input, user) => {
  const saved = await reportCard(user.id, input, now());
  // The same answer for a card that does not exist and one the student may not see.
  if (!saved) throw new ActionError('This card cannot be reported.');
  return { updated: saved.updated, readBy: saved.readBy };
});

export const dismissReportNoticeAction = authedAction(reportIdSchema, async ({ reportId }, user) => {
  if (!(await markReportSeen(user.id, reportId, now()))) throw new ActionError('That report is not waiting for you.');
  revalidatePath('/today');
});
