'use client';
/**
 * Invite by roster: paste a list or pick a CSV file, see each row and what would happen to it,
 * then send. Nothing is written before "Send"; the server checks the list again when it sends.
 * Editing the list after a preview drops the preview, so what is sent is what was shown.
 */
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { TextAreaField } from '@/components/authoring/form-controls';
import { invitationSendMessage, type InvitationSendSummary } from '@/lib/teach/invitation-summary';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, rosterEntryMessage, type RosterEntry } from '@/lib/teach/roster';
import { plural } from '@/lib/text/plural';

type Action<T> = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;

interface Props {
  classId: number;
  previewAction: Action<{ entries: RosterEntry[] }>;
  sendAction: Action<InvitationSendSummary>;
}

export function RosterInvite({ classId, previewAction, sendAction }: Props) {
  const [roster, setRoster] = useState('');
  const [entries, setEntries] = useState<RosterEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fileId = useId();
  const ready = entries?.filter((e) => e.problem === null).length ?? 0;

  const edit = (text: string) => {
    setRoster(text);
    setEntries(null);
    setDone(null);
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > ROSTER_MAX_BYTES) {
      setError(`That file is too big (at most ${Math.round(ROSTER_MAX_BYTES / 1000)} kB).`);
      return;
    }
    setError(null);
    edit(await file.text());
  };

  const preview = () =>
    startTransition(async () => {
      const result = await previewAction(null, { classId, roster });
      setEntries(result.ok ? result.data.entries : null);
      setError(result.ok ? null : (result.fieldErrors?.roster?.[0] ?? result.error));
    });

  const send = () =>
    startTransition(async () => {
      const result = await sendAction(null, { classId, roster });
      if (!result.ok) {
        setError(result.fieldErrors?.roster?.[0] ?? result.error);
        return;
      }
      setError(null);
      setEntries(null);
      setRoster('');
      setDone(invitationSendMessage(result.data));
    });

  return (
    <div className="stack">
      <TextAreaField
        name="roster"
        label="Email addresses"
        hint={`One per line, separated by commas, or a CSV with an email column and optionally a name. Up to ${plural(ROSTER_MAX_ROWS, 'person', 'people')}.`}
        rows={6}
        value={roster}
        onChange={(e) => edit(e.target.value)}
        data-testid="roster-text"
      />
      <div className="field">
        <label htmlFor={fileId}>Or choose a CSV or text file</label>
        <input id={fileId} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(e) => void pickFile(e.target.files?.[0])} data-testid="roster-file" />
      </div>
      <div className="row">
        <button type="button" className="btn" onClick={preview} disabled={pending || roster.trim() === ''} data-testid="roster-preview">
          {pending && !entries ? 'Checking…' : 'Preview'}
        </button>
        {entries && (
          <button type="button" className="btn btn-primary" onClick={send} disabled={pending || ready === 0} data-testid="roster-send">
            {pending ? 'Sending…' : ready === 0 ? 'Nobody to invite' : `Send ${plural(ready, 'invitation')}`}
          </button>
        )}
      </div>
      {error && (
        <p className="alert" role="alert" data-testid="roster-error">
          {error}
        </p>
      )}
      {done && (
        <p className="alert alert-ok" role="status" data-testid="roster-done">
          {done}
        </p>
      )}
      {entries && <RosterPreview entries={entries} />}
    </div>
  );
}

function RosterPreview({ entries }: { entries: RosterEntry[] }) {
  const problems = entries.filter((e) => e.problem !== null).length;
  return (
    <div>
      <p className="small" role="status" data-testid="roster-summary">
        {plural(entries.length - problems, 'person', 'people')} to invite
        {problems > 0 ? `, ${plural(problems, 'row')} with a problem (not invited).` : '.'}
      </p>
      <table className="data-table" data-testid="roster-preview-table">
        <caption className="visually-hidden">What sending would do with each row</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <tr key={`${entry.line}-${i}`} data-problem={entry.problem ?? 'none'} data-testid="roster-row">
              <td className="num" data-label="Line">{entry.line}</td>
              <td className="cell-main" data-label="Email">{entry.email || '—'}</td>
              <td data-label="Name">{entry.name ?? ''}</td>
              <td data-label="Result">
                <span className={`badge ${entry.problem ? 'badge-bad' : 'badge-good'}`}>{entry.problem ? 'Not invited' : 'OK'}</span>{' '}
                <span className="small">{rosterEntryMessage(entry)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
