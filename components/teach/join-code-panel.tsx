/** The class's join code and link, with copy buttons and a confirmed "new code" (the old one stops working). */
import type { ConfirmableAction } from './confirm-action';
import { formatJoinCode } from '@/lib/teach/join-code';
import { ConfirmAction } from './confirm-action';
import { CopyButton } from './copy-button';

export function JoinCodePanel({ classId, joinCode, origin, archived, regenerate }: { classId: number; joinCode: string; origin: string; archived: boolean; regenerate: ConfirmableAction }) {
  const link = `${origin}/join/${joinCode}`;
  return (
    <section className="card teach-section" aria-labelledby="join-heading">
      <h2 id="join-heading">Join code</h2>
      {archived ? (
        <p className="muted">This class is archived: nobody can join until you bring it back.</p>
      ) : (
        <p className="muted small">Students enter the code at /join, or open the link.</p>
      )}
      <div className="row">
        <span className="join-code" data-testid="join-code" data-code={joinCode}>
          {formatJoinCode(joinCode)}
        </span>
        <CopyButton text={joinCode} label="Copy code" testId="copy-code" />
      </div>
      <div className="row">
        <a className="join-link" href={`/join/${joinCode}`} data-testid="join-link">
          {link}
        </a>
        <CopyButton text={link} label="Copy link" testId="copy-link" />
      </div>
      <div>
        <ConfirmAction
          action={regenerate}
          fields={{ classId }}
          label="New code"
          question="Make a new code? The current code and link stop working at once; students already in the class stay."
          confirmLabel="Yes, new code"
          testId="regenerate-code"
        />
      </div>
    </section>
  );
}
