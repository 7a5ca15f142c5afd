'use server';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { setCardSuspended } from '@/db/queries/suspend';
import { now } from '@/lib/clock';

export const suspendCardAction = authedAction(
  z.strictObject({ cardId: z.coerce.number().int().positive(), suspended: z.boolean().default(true) }),
  async (input, user) => {
    if (!(await setCardSuspended(user.id, input.cardId, input.suspended, now()))) throw new ActionError('This card is not yours to study.');
    return { cardId: input.cardId, suspended: input.suspended };
  },
);
