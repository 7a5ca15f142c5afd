'use client';
/**
 * "Try an answer" on a typed item: the verdict of the checker students are graded by
 * (lib/quiz/typed), live as the author types, and the verdict on each example answer, so an
 * author sees at once what the checker forgives and what it does not.
 */
import { useId, useState } from 'react';
import { gradeTyped } from '@/lib/quiz/grade';
import { acceptedNote } from '@/lib/quiz/typed/accepted-note';

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function verdictOf(answer: string, accepted: string[], question: string): { correct: boolean; words: string } {
  const v = gradeTyped(answer, accepted, question);
  if (!v.correct) return { correct: false, words: 'Marked wrong' };
  return { correct: true, words: v.rule === 'exact' ? 'Accepted' : `Accepted. ${acceptedNote(v.rule, v.acceptedAs)}` };
}

export function TryAnswer({ question, answers, examplesAccept, examplesReject }: { question: string; answers: string; examplesAccept: string; examplesReject: string }) {
  const id = useId();
  const [tried, setTried] = useState('');
  const accepted = lines(answers);
  const verdict = tried.trim() && accepted.length > 0 ? verdictOf(tried, accepted, question) : null;
  const examples = [...lines(examplesAccept).map((a) => ({ a, want: true })), ...lines(examplesReject).map((a) => ({ a, want: false }))];
  return (
    <div className="try-answer">
      <label htmlFor={`${id}-try`}>Try an answer</label>
      <input id={`${id}-try`} value={tried} onChange={(e) => setTried(e.target.value)}
        // Enter here tries the answer; it must not save the item.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        autoComplete="off" spellCheck={false} maxLength={200} placeholder="Type what a student might" data-testid="try-answer" />
      <p className={`try-verdict ${verdict ? (verdict.correct ? 'verdict-right' : 'verdict-wrong') : 'muted'}`} aria-live="polite" data-testid="try-verdict">
        {verdict ? verdict.words : accepted.length === 0 ? 'Add an accepted answer first.' : 'The verdict shows here as you type.'}
      </p>
      {examples.length > 0 && accepted.length > 0 && (
        <ul className="try-examples" aria-label="Example answers">
          {examples.map(({ a, want }) => {
            const v = verdictOf(a, accepted, question);
            const ok = v.correct === want;
            return (
              <li key={`${want}-${a}`} className={ok ? 'verdict-right' : 'verdict-wrong'} data-testid="example-verdict">
                {ok ? '✓' : '✗'} “{a}”: {v.words}
                {ok ? '' : want ? ' (should be accepted)' : ' (should be rejected)'}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
