'use client';
/**
 * Live preview of the item being edited, as a student meets it: the front first, then the revealed
 * answer with explanation and evidence. Cloze items show one card per deletion number.
 */
import { useState } from 'react';
import { clozeNumbers, renderCloze } from '@/lib/content/cloze';
import type { ItemDraft } from '@/lib/content/item-form';

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function Text({ value, placeholder }: { value: string; placeholder: string }) {
  return value.trim() ? <>{value}</> : <span className="muted">{placeholder}</span>;
}

/** A stable shuffle (same steps, same order on every render), so the preview does not flicker. */
function shuffled(steps: string[]): string[] {
  let seed = [...steps.join('|')].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const out = [...steps];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // A shuffle that happens to keep the right order would give the answer away.
  return out.length > 1 && out.every((s, i) => s === steps[i]) ? [...out.slice(1), out[0]!] : out;
}

function ClozeCards({ text, revealed }: { text: string; revealed: boolean }) {
  const numbers = clozeNumbers(text);
  if (numbers.length === 0) return <p className="muted">Hide some words with {'{{c1::…}}'} to see the cards.</p>;
  return numbers.map((n) => {
    const { parts } = renderCloze(text, n);
    return (
      <div className="preview-card" key={n} data-testid="preview-card">
        <p className="small muted">Card {n}</p>
        <p className="preview-front">
          {parts.map((p, i) =>
            !p.target ? <span key={i}>{p.text}</span> : revealed ? <mark key={i}>{p.text}</mark> : <span key={i} className="blank">[{p.hint ?? '…'}]</span>,
          )}
        </p>
      </div>
    );
  });
}

function Front({ draft, revealed }: { draft: ItemDraft; revealed: boolean }) {
  switch (draft.type) {
    case 'basic':
      return (
        <>
          <p className="preview-front"><Text value={draft.front} placeholder="(front)" /></p>
          {revealed && <p className="preview-answer"><Text value={draft.back} placeholder="(back)" /></p>}
        </>
      );
    case 'cloze':
      return <ClozeCards text={draft.text} revealed={revealed} />;
    case 'mcq':
      return (
        <>
          <p className="preview-front"><Text value={draft.question} placeholder="(question)" /></p>
          <ol className="preview-options" type="A">
            {draft.options.map((o, i) => (
              <li key={i} className={revealed && i === draft.correctOption ? 'is-correct' : undefined}>
                <Text value={o.text} placeholder={`(option ${i + 1})`} />
                {revealed && i === draft.correctOption && <span className="badge badge-good">Correct</span>}
                {revealed && o.explanation.trim() && <span className="preview-why">{o.explanation}</span>}
              </li>
            ))}
          </ol>
          {revealed && draft.correctOption < 0 && <p className="field-error">No option is marked correct yet.</p>}
        </>
      );
    case 'truefalse':
      return (
        <>
          <p className="preview-front"><Text value={draft.statement} placeholder="(statement)" /></p>
          <div className="row" aria-hidden="true">
            <span className="btn preview-fake">True</span>
            <span className="btn preview-fake">False</span>
          </div>
          {revealed && <p className="preview-answer">{draft.answer === '' ? <span className="muted">(true or false not chosen)</span> : draft.answer === 'true' ? 'True' : 'False'}</p>}
        </>
      );
    case 'typed': {
      const [first, ...others] = lines(draft.answers);
      return (
        <>
          <p className="preview-front"><Text value={draft.question} placeholder="(question)" /></p>
          <div className="preview-input" aria-hidden="true">Type your answer…</div>
          {revealed && (
            <p className="preview-answer">
              <Text value={first ?? ''} placeholder="(accepted answer)" />
              {others.length > 0 && <span className="small muted"> · also accepted: {others.join(', ')}</span>}
            </p>
          )}
        </>
      );
    }
    case 'ordering': {
      const steps = lines(draft.steps);
      return (
        <>
          <p className="preview-front"><Text value={draft.prompt} placeholder="(prompt)" /></p>
          <ol className="preview-steps">
            {(revealed ? steps : shuffled(steps)).map((s, i) => (
              <li key={`${i}-${s}`}>{s}</li>
            ))}
          </ol>
          {steps.length === 0 && <p className="muted">(steps)</p>}
        </>
      );
    }
  }
}

export function ItemPreview({ draft }: { draft: ItemDraft }) {
  const [revealed, setRevealed] = useState(false);
  const quote = draft.evidenceQuote.trim();
  const paragraph = draft.evidenceParagraph.trim();
  return (
    <section className="card preview" aria-labelledby="preview-heading" data-testid="item-preview">
      <div className="row preview-head">
        <h2 id="preview-heading">Preview</h2>
        <button type="button" className="btn btn-small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide answer' : 'Show answer'}
        </button>
      </div>
      <div className={draft.type === 'cloze' ? 'stack-tight' : 'preview-card'} aria-live="polite">
        <Front draft={draft} revealed={revealed} />
        {revealed && (draft.explanation.trim() || quote || paragraph) && (
          <div className="preview-extra">
            {draft.explanation.trim() && <p>{draft.explanation}</p>}
            {quote && <blockquote>“{quote}”</blockquote>}
            {paragraph && <p className="small muted">{paragraph}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
