'use server';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { setCardSuspended } from '@/db/queries/suspend';
import { recordWrongTypedAnswer } from '@/db/queries/typed-answers';
import { now } from '@/lib/clock';

export const suspendCardAction = authedAction(
  z.strictObject({ cardId: z.coerce.number().int().positive(), suspended: z.boolean().default(true) }),
  (input, user) => {
    if (!setCardSuspended(user.id, input.cardId, input.suspended, now())) throw new ActionError('This card is not yours to study.');
    return { cardId: input.cardId, suspended: input.suspended };
  },
);

/** A typed answer the checker marked wrong, and whether the student overruled it ("I was right"). */
export const recordTypedAnswerAction = authedAction(
  z.strictObject({ cardId: z.coerce.number().int().positive(), answer: z.string().trim().min(1).max(200), overruled: z.boolean() }),
  (input, user) => {
    if (!recordWrongTypedAnswer(user.id, input.cardId, input.answer, input.overruled, now())) throw new ActionError('This card is not yours to study.');
    return { recorded: true };
  },
);
