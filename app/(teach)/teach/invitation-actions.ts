'use server';
/**
 * Inviting a class by roster: preview (writes nothing), send, send one again, revoke. Each runs
 * through authedAction (session + instructor role + zod); the queries are scoped to the
 * instructor's own class, so anyone else's class or invitation is "not found" and nothing is
 * written. Mail goes out after the invitations' transaction has committed.
 */
import { revalidatePath } from 'next/cache';
import { ActionError, authedAction } from '@/app/_lib/action';
import { sendInvitationMails, type MailOutcome } from '@/app/_lib/invitation-mail';
import { issueInvitations, previewRoster, reissueInvitation, revokeInvitation } from '@/db/queries/invitations';
import { now } from '@/lib/clock';
import { invitable, parseRoster, rosterSizeError, type RosterEntry } from '@/lib/teach/roster';
import type { InvitationSendSummary } from '@/lib/teach/invitation-summary';
import { invitationIdSchema, rosterSchema } from '@/lib/validation/invitations';

const NOT_FOUND = 'That class was not found.';
const ARCHIVED = 'This class is archived: bring it back before inviting anyone.';
const GONE = 'That invitation is no longer open: it was accepted or revoked.';
const instructorOnly = { role: 'instructor' } as const;

function refuse(reason: 'not-found' | 'archived'): never {
  throw new ActionError(reason === 'archived' ? ARCHIVED : NOT_FOUND);
}

/** The roster's people, refused whole (before anything is looked up or written) when there are none or too many. */
function readRoster(text: string): RosterEntry[] {
  const entries = parseRoster(text);
  const error = rosterSizeError(entries);
  if (error) throw new ActionError(error, { roster: [error] });
  return entries;
}

const rosterPath = (classId: number) => `/teach/classes/${classId}/roster`;

/** Row by row, what sending this roster would do. */
export const previewRosterAction = authedAction(
  rosterSchema,
  async ({ classId, roster }, user): Promise<{ entries: RosterEntry[] }> => {
    const checked = await previewRoster(user.id, classId, readRoster(roster), now());
    if (!checked.ok) refuse(checked.reason);
    return { entries: checked.entries };
  },
  instructorOnly,
);

/** Invites every row without a problem (checked again now), then mails them. */
export const sendInvitationsAction = authedAction(
  rosterSchema,
  async ({ classId, roster }, user): Promise<InvitationSendSummary> => {
    const result = await issueInvitations(user.id, classId, readRoster(roster), now());
    if (!result.ok) refuse(result.reason);
    if (invitable(result.entries).length === 0) throw new ActionError('Nobody on this list can be invited: see the reasons beside each row.');
    const outcome: MailOutcome = await sendInvitationMails(result.issued);
    revalidatePath(rosterPath(classId));
    return { ...outcome, skipped: result.entries.length - result.issued.length };
  },
  instructorOnly,
);

/** A new link for one invitation (the old one stops working), mailed again. */
export const resendInvitationAction = authedAction(
  invitationIdSchema,
  async ({ classId, invitationId }, user): Promise<InvitationSendSummary> => {
    const result = await reissueInvitation(user.id, classId, invitationId, now());
    if (!result.ok) throw new ActionError(result.reason === 'archived' ? ARCHIVED : GONE);
    const outcome = await sendInvitationMails([result.issued]);
    revalidatePath(rosterPath(classId));
    return { ...outcome, skipped: 0 };
  },
  instructorOnly,
);

export const revokeInvitationAction = authedAction(
  invitationIdSchema,
  async ({ classId, invitationId }, user) => {
    if (!(await revokeInvitation(user.id, classId, invitationId))) throw new ActionError(GONE);
    revalidatePath(rosterPath(classId));
    return undefined;
  },
  instructorOnly,
);
