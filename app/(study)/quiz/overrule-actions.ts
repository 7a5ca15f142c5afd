'use server';
/** "I was right" on a typed quiz answer marked wrong: immediate in practice, a request in an assignment's quiz. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { requestOverrule, type OverruleStatus } from '@/db/queries/quiz-overrules';
import { now } from '@/lib/clock';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const requestOverruleAction = authedAction(z.object({ attemptId: id, cardId: id }), async (input, user): Promise<{ status: OverruleStatus }> => {
  const out = await requestOverrule(user.id, input.attemptId, input.cardId, now());
  if (!out.ok) throw new ActionError(out.message);
  revalidatePath(`/quiz/attempt/${input.attemptId}/result`);
  return { status: out.status };
});
