'use client';
/**
 * The user's signed-in devices, with "Sign out" for each and "Sign out everywhere". Signing out
 * this device (or everywhere) also forgets its offline pages, like the sign-out button.
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import './settings.css';

export interface SessionItem {
  id: string;
  device: string;
  lastSeen: string;
  signedIn: string;
  current: boolean;
}

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

function SessionRow({ session, action }: { session: SessionItem; action: Action }) {
  const [state, formAction] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <li className="session-row" data-testid="session-row">
      <div>
        <strong>{session.device}</strong>
        {session.current && <span className="badge session-current"> This device</span>}
        <div className="muted small">
          Last seen {session.lastSeen} · signed in {session.signedIn}
        </div>
        {state && !state.ok && <FormAlert error={state.error} />}
      </div>
      <form action={formAction} {...(session.current ? { 'data-forget-offline-pages': '' } : {})}>
        <input type="hidden" name="id" value={session.id} />
        <SubmitButton pendingLabel="Signing out…" className="btn">
          Sign out
        </SubmitButton>
      </form>
    </li>
  );
}

export function SessionList({ sessions, endSession, endAll }: { sessions: SessionItem[]; endSession: Action; endAll: Action }) {
  const [state, endAllAction] = useActionState<ActionResult | null, FormData>(endAll, null);
  return (
    <>
      <ul className="session-list" aria-label="Signed-in devices">
        {sessions.map((s) => (
          <SessionRow key={s.id} session={s} action={endSession} />
        ))}
      </ul>
      <form action={endAllAction} data-forget-offline-pages="" className="session-all">
        <FormAlert error={state && !state.ok ? state.error : undefined} />
        <SubmitButton pendingLabel="Signing out…" className="btn">
          Sign out everywhere
        </SubmitButton>
      </form>
    </>
  );
}
