/**
 * A wrong typed answer beside the accepted answer closest to it, character by character (as
 * Anki's type-in comparison): extra characters struck out in the student's line, missing ones
 * marked in the answer's line.
 */
import { levenshtein, normaliseAnswer } from '@/lib/quiz/normalise';
import { charDiff } from '@/lib/review/char-diff';

function closest(given: string, accepted: readonly string[]): string {
  const g = normaliseAnswer(given);
  let best = accepted[0] ?? '';
  let distance = Infinity;
  for (const a of accepted) {
    const d = levenshtein(g, normaliseAnswer(a));
    if (d < distance) [best, distance] = [a, d];
  }
  return best;
}

export function AnswerCompare({ given, accepted }: { given: string; accepted: readonly string[] }) {
  const target = closest(given, accepted);
  const parts = charDiff(given.trim(), target);
  return (
    <dl className="answer-compare" data-testid="answer-compare">
      <div>
        <dt>You typed</dt>
        <dd data-testid="typed-answer">
          {parts
            .filter((p) => p.kind !== 'missing')
            .map((p, i) => (p.kind === 'extra' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
        </dd>
      </div>
      <div>
        <dt>Accepted</dt>
        <dd data-testid="accepted-answer">
          {parts
            .filter((p) => p.kind !== 'extra')
            .map((p, i) => (p.kind === 'missing' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.kind === 'same' ? p.expected : p.text}</span>))}
        </dd>
      </div>
    </dl>
  );
}
