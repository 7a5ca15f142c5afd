'use client';
/** The grade buttons, each with the interval it would give; big and at the bottom for thumbs. */
import type { GradePreview } from '@/lib/scheduler/scheduler';
import type { Grade } from '@/lib/scheduler/types';

/** A key's name on a button, as Anki shows it; hidden from screen readers (aria-keyshortcuts says it) and on touch screens. */
export function KeyHint({ keys }: { keys: string }) {
  return (
    <kbd className="key-hint" aria-hidden="true">
      {keys}
    </kbd>
  );
}

export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export function GradeBar({ previews, allowed, primary, onGrade }: { previews: GradePreview[]; allowed: readonly Grade[]; primary: Grade; onGrade: (g: Grade) => void }) {
  return (
    <div className="grade-bar" role="group" aria-label="How well did you remember?">
      {previews
        .filter((p) => allowed.includes(p.grade))
        .map((p) => (
          <button
            key={p.grade}
            type="button"
            className={`grade grade-${p.grade}${p.grade === primary ? ' grade-primary' : ''}`}
            onClick={() => onGrade(p.grade)}
            aria-keyshortcuts={String(p.grade)}
            data-testid={`grade-${p.grade}`}
          >
            <span className="grade-name">
              {GRADE_NAMES[p.grade]} <KeyHint keys={String(p.grade)} />
            </span>
            <span className="grade-interval">{p.intervalLabel}</span>
          </button>
        ))}
    </div>
  );
}
