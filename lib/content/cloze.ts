// Anki-style cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}`.
// Each distinct number is one card; deletions sharing a number are hidden
// together on that card, all others are shown as plain text.

export interface ClozeDeletion {
  n: number;
  answer: string;
  hint: string | null;
  /** Offsets of the whole `{{...}}` in the source text. */
  start: number;
  end: number;
}

/** A piece of the rendered text; `target` pieces are the ones asked on this card. */
export interface ClozePart {
  text: string;
  target: boolean;
  hint: string | null;
}

export interface RenderedCloze {
  front: string;
  back: string;
  answers: string[];
  parts: ClozePart[];
}

// Non-greedy up to the first `}}`, so nested deletions are not supported
// (clozeProblems reports the leftovers).
const DELETION_RE = /\{\{c(\d+)::([\s\S]*?)\}\}/g;

export function parseCloze(text: string): ClozeDeletion[] {
  const out: ClozeDeletion[] = [];
  for (const m of text.matchAll(DELETION_RE)) {
    const inner = m[2] ?? '';
    const sep = inner.indexOf('::');
    const answer = (sep === -1 ? inner : inner.slice(0, sep)).trim();
    const hint = sep === -1 ? null : inner.slice(sep + 2).trim() || null;
    const start = m.index ?? 0;
    out.push({ n: Number(m[1]), answer, hint, start, end: start + m[0].length });
  }
  return out;
}

export function clozeNumbers(text: string): number[] {
  return [...new Set(parseCloze(text).map((d) => d.n))].sort((a, b) => a - b);
}

export function renderCloze(text: string, n: number): RenderedCloze {
  const parts: ClozePart[] = [];
  const answers: string[] = [];
  let pos = 0;
  const plain = (s: string) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    // Merge adjacent plain pieces so callers get the fewest possible parts.
    if (last && !last.target) last.text += s;
    else parts.push({ text: s, target: false, hint: null });
  };
  for (const d of parseCloze(text)) {
    plain(text.slice(pos, d.start));
    if (d.n === n) {
      parts.push({ text: d.answer, target: true, hint: d.hint });
      answers.push(d.answer);
    } else {
      plain(d.answer);
    }
    pos = d.end;
  }
  plain(text.slice(pos));
  const front = parts.map((p) => (p.target ? `[${p.hint ?? '...'}]` : p.text)).join('');
  const back = parts.map((p) => p.text).join('');
  return { front, back, answers, parts };
}

/** Human-readable problems with a cloze text; empty when it is usable. */
export function clozeProblems(text: string): string[] {
  const problems: string[] = [];
  const deletions = parseCloze(text);
  if (deletions.length === 0) {
    problems.push('cloze needs at least one deletion like {{c1::answer}}');
  }
  for (const d of deletions) {
    const raw = text.slice(d.start, d.end);
    if (d.n < 1) problems.push(`cloze numbers start at c1, found ${raw}`);
    if (!d.answer) problems.push(`cloze deletion ${raw} has no answer`);
    if (d.answer.includes('{{')) problems.push(`cloze deletions cannot be nested: ${raw}`);
  }
  // Anything brace-like left over is a typo such as `{{c1:answer}}` or `{c1::x}}`.
  const rest = text.replace(DELETION_RE, '');
  const stray = rest.match(/\{\{|\}\}|\{c\d+:/);
  if (stray && stray.index !== undefined) {
    const near = rest.slice(Math.max(0, stray.index - 10), stray.index + 20).replace(/\s+/g, ' ');
    problems.push(`malformed cloze deletion near "${near}"; write {{c1::answer}} or {{c1::answer::hint}}`);
  }
  return problems;
}
