'use client';
/** Up/down buttons that reorder a section (its items move with it). */
import type { ServerAction } from '@/lib/actions/result';
import { useActionForm } from './use-action-form';

interface Props {
  moveSection: ServerAction<void>;
  deckId: string;
  sectionKey: string;
  title: string;
  first: boolean;
  last: boolean;
}

export function MoveSectionButtons({ deckId, sectionKey, title, first, last, moveSection }: Props) {
  const { submit, pending, error } = useActionForm<void>(moveSection);
  const move = (direction: 'up' | 'down') => submit({ deckId, key: sectionKey, direction });
  return (
    <div className="row move-buttons">
      <button type="button" className="btn btn-icon" onClick={() => move('up')} disabled={first || pending} aria-label={`Move “${title}” up`}>
        ↑
      </button>
      <button type="button" className="btn btn-icon" onClick={() => move('down')} disabled={last || pending} aria-label={`Move “${title}” down`}>
        ↓
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
