'use server';
/** Adding a wrong-marked typed answer to an item's accepted answers, from class analytics (own decks only). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { AuthoringError } from '@/db/queries/authoring-edit';
import { addAcceptedAnswer } from '@/db/queries/typed-answers';
import { now } from '@/lib/clock';

const slug = z.string().trim().min(1).max(100);

export const acceptTypedAnswerAction = authedAction(
  z.strictObject({ deckId: slug, itemId: slug, answer: z.string().trim().min(1, 'The answer is empty.').max(200, 'That answer is too long.') }),
  async (input, user) => {
    let added: boolean;
    try {
      added = await addAcceptedAnswer(user.id, input.deckId, input.itemId, input.answer, now());
    } catch (error) {
      if (error instanceof AuthoringError) throw new ActionError(error.message);
      throw error;
    }
    if (!added) throw new ActionError('Only items of your own decks can get a new accepted answer.');
    revalidatePath('/teach/classes', 'layout');
    return { answer: input.answer };
  },
  { role: 'instructor' },
);
