'use server';
/** The instructor's decision on a student's "I was right" in an assignment quiz (their own classes only). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { decideOverrule } from '@/db/queries/quiz-overrules';
import { now } from '@/lib/clock';

export const decideOverruleAction = authedAction(
  z.strictObject({
    overruleId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    decision: z.enum(['accept', 'accept-all', 'decline'], { error: 'Choose accept or decline.' }),
  }),
  async (input, user) => {
    const out = await decideOverrule(user.id, input.overruleId, input.decision, now());
    if (!out.ok) throw new ActionError(out.message);
    revalidatePath('/teach/classes', 'layout');
    return { rescored: out.rescored };
  },
  { role: 'instructor' },
);
