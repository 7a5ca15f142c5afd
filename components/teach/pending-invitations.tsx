/**
 * The class's open invitations: to whom, when the mail went (or that it did not), when the link
 * expires; each can be sent again (a new link, the old one stops working) or revoked.
 */
import type { ActionResult } from '@/lib/actions/result';
import type { PendingInvitationView } from '@/lib/teach/invitation-summary';
import { formatShortDate } from '@/lib/time/zoned';
import { ConfirmAction } from './confirm-action';

type Action = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

interface Props {
  classId: number;
  invitations: PendingInvitationView[];
  timeZone: string;
  now: number;
  resendAction: Action;
  revokeAction: Action;
}

function sentText(invitation: PendingInvitationView, timeZone: string): string {
  if (invitation.sentAt !== null) return formatShortDate(invitation.sentAt, timeZone);
  return invitation.sendFailed ? 'Not sent (mail failed)' : 'Not sent yet';
}

export function PendingInvitations({ classId, invitations, timeZone, now, resendAction, revokeAction }: Props) {
  if (invitations.length === 0) return <p className="muted small" data-testid="invitations-empty">No open invitations.</p>;
  return (
    <table className="data-table" data-testid="pending-invitations">
      <caption className="visually-hidden">Invitations not accepted yet</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Sent</th>
          <th scope="col">Expires</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => {
          const expired = now >= invitation.expiresAt;
          const who = invitation.name ? `${invitation.name} (${invitation.email})` : invitation.email;
          return (
            <tr key={invitation.id} data-testid="pending-invitation" data-email={invitation.email}>
              <td className="cell-main" data-label="Email">
                {invitation.email}
                {invitation.name && <span className="muted small" style={{ display: 'block', fontWeight: 400 }}>{invitation.name}</span>}
              </td>
              <td className="nowrap" data-label="Sent">
                {invitation.sentAt === null ? <span className="badge badge-warn">{sentText(invitation, timeZone)}</span> : sentText(invitation, timeZone)}
              </td>
              <td className="nowrap" data-label="Expires">
                {expired ? <span className="badge badge-bad">Expired {formatShortDate(invitation.expiresAt, timeZone)}</span> : formatShortDate(invitation.expiresAt, timeZone)}
              </td>
              <td data-label="">
                <div className="row" style={{ gap: '0.4rem', justifyContent: 'flex-end' }}>
                  <ConfirmAction
                    action={resendAction}
                    fields={{ classId, invitationId: invitation.id }}
                    label="Send again"
                    question={`Send ${who} a new link? The link in the earlier mail stops working.`}
                    confirmLabel="Yes, send"
                    testId={`resend-invitation-${invitation.id}`}
                  />
                  <ConfirmAction
                    action={revokeAction}
                    fields={{ classId, invitationId: invitation.id }}
                    label="Revoke"
                    question={`Revoke the invitation to ${who}? Its link stops working.`}
                    confirmLabel="Yes, revoke"
                    danger
                    testId={`revoke-invitation-${invitation.id}`}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
