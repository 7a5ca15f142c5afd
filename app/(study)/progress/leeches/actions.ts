'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { clearLeechFlag, unsuspendCard } from '@/db/queries/leeches';
import { now } from '@/lib/clock';

const cardInput = z.object({ cardId: z.coerce.number().int().positive() });

export const unsuspendCardAction = authedAction(cardInput, async (input, user) => {
  if (!(await unsuspendCard(user.id, input.cardId, now()))) throw new ActionError('This card is not suspended in your reviews.');
  revalidatePath('/progress/leeches');
  revalidatePath('/progress');
  return undefined;
});

export const clearLeechFlagAction = authedAction(cardInput, async (input, user) => {
  if (!(await clearLeechFlag(user.id, input.cardId, now()))) throw new ActionError('This card is not flagged as a leech.');
  revalidatePath('/progress/leeches');
  revalidatePath('/progress');
  return undefined;
});
