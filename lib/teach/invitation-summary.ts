/** What the roster page says after invitations were sent (shared by the action and its form). */
import { plural } from '@/lib/text/plural';

export interface InvitationSendSummary {
  sent: number;
  /** Mails that did not go out: their invitations are marked "not sent" and can be sent again. */
  failed: number;
  /** Rows of the roster that were not invited (each preview row says why). */
  skipped: number;
}

export function invitationSendMessage({ sent, failed, skipped }: InvitationSendSummary): string {
  const parts = [sent > 0 ? `Sent ${plural(sent, 'invitation')}.` : 'No invitation was sent.'];
  if (failed > 0) parts.push(`${plural(failed, 'mail')} could not be sent: ${failed === 1 ? 'it is' : 'they are'} marked “Not sent” below; try “Send again” later.`);
  if (skipped > 0) parts.push(`${plural(skipped, 'row')} of the list ${skipped === 1 ? 'was' : 'were'} not invited.`);
  return parts.join(' ');
}

/** One open invitation as the roster page lists it (db/queries/invitations.ts returns this shape). */
export interface PendingInvitationView {
  id: number;
  email: string;
  name: string | null;
  createdAt: number;
  sentAt: number | null;
  expiresAt: number;
  sendFailed: boolean;
}
