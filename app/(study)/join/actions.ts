'use server';
/**
 * Joining a class by code. Both steps look the code up through the throttled query, so a
 * wrong code costs an attempt whether it is typed at /join or sent straight to the join action.
 */
import { redirect } from 'next/navigation';
import { ActionError, authedAction } from '@/app/_lib/action';
import { joinClass, joinErrorMessage, lookupJoinCode } from '@/db/queries/join';
import { now } from '@/lib/clock';
import { joinCodeSchema } from '@/lib/validation/teach';

/** /join form: check the code, then show the confirmation page for it. */
export const findClassAction = authedAction(joinCodeSchema, async ({ code }, user) => {
  const found = await lookupJoinCode(user.id, code, now());
  if (!found.ok) throw new ActionError(joinErrorMessage(found), { code: [joinErrorMessage(found)] });
  redirect(`/join/${found.class.joinCode}`);
});

/** The confirmation's "Join" button. */
export const joinClassAction = authedAction(joinCodeSchema, async ({ code }, user) => {
  const joined = await joinClass(user.id, code, now());
  if (!joined.ok) throw new ActionError(joinErrorMessage(joined));
  redirect(`/join/${joined.class.joinCode}?joined=1`);
});
