/**
 * Sends the mails of invitations just issued (after their transaction committed) and records how
 * each went: a mail that fails marks only its own invitation "not sent" (re-sending retries it),
 * and the others still go. A few at a time, so a roster of 500 neither takes minutes nor opens
 * 500 SMTP connections at once.
 */
import 'server-only';
import { appUrl, sendMail } from '@/app/_lib/mail';
import { recordInvitationMail, type IssuedInvitation } from '@/db/queries/invitations';
import { INVITATION_TTL_DAYS } from '@/lib/auth/invitation-token';
import { appLink, invitationMail } from '@/lib/mail/templates';
import { now } from '@/lib/clock';

const PARALLEL_SENDS = 4;

export interface MailOutcome {
  sent: number;
  failed: number;
}

export function invitationLink(token: string): string {
  return appLink(appUrl(), '/invite', { token });
}

async function sendOne(invitation: IssuedInvitation): Promise<boolean> {
  const link = invitationLink(invitation.token);
  const content = invitationMail({
    name: invitation.name,
    className: invitation.className,
    instructorName: invitation.instructorName,
    link,
    validDays: INVITATION_TTL_DAYS,
  });
  try {
    await sendMail({ to: invitation.email, content, link });
    return true;
  } catch (error) {
    console.error(`[mail] the invitation to ${invitation.email} could not be sent`, error);
    return false;
  }
}

export async function sendInvitationMails(issued: IssuedInvitation[]): Promise<MailOutcome> {
  const outcome: MailOutcome = { sent: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < issued.length) {
      const invitation = issued[next++] as IssuedInvitation;
      const sent = await sendOne(invitation);
      await recordInvitationMail(invitation, sent, now());
      outcome[sent ? 'sent' : 'failed']++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, issued.length) }, worker));
  return outcome;
}
