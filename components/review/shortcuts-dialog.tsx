'use client';
/**
 * The list of the review screen's keyboard shortcuts, opened with ? or its button. A native modal
 * <dialog>: focus moves into it, Esc closes it, and focus goes back where it was.
 */
import { useEffect, useRef } from 'react';

const SHORTCUTS: readonly [keys: string[], what: string][] = [
  [['Space', 'Enter'], 'Show the answer; once answered, grade Good (Again after a wrong answer)'],
  [['1', '2', '3', '4'], 'Grade Again, Hard, Good, Easy'],
  [['1', '2', '…'], 'Pick an option (True is 1, False is 2)'],
  [['U'], 'Undo the last grade'],
  [['R'], 'Report a problem with the card (once the answer is shown)'],
  [['Esc'], 'Leave the answer box, so these keys work again'],
  [['Tab'], 'Move between buttons; Enter or Space presses the one in focus'],
  [['?'], 'Show this list'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // Focus the list itself, not its Close button, so a stray Space does not close it at once.
      dialog.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const closed = () => {
    onClose();
    // The browser restores focus too; this covers an opener that re-rendered meanwhile.
    const back = returnTo.current;
    if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true });
  };

  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={closed} tabIndex={-1}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="small muted">They work while no button or answer box has focus.</p>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="btn">
          Close
        </button>
      </form>
    </dialog>
  );
}
