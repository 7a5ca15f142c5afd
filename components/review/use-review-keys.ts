'use client';
/**
 * The review screen's keyboard shortcuts: Space/Enter reveal (or give the suggested grade once
 * answered), 1–4 grade, 1–5 pick an option, U undo, ? list the shortcuts.
 *
 * They act only when focus is on the card itself or on the page (body), never when it is on a
 * control or in a field: Enter and Space on a focused button or link do what that control does,
 * and letters typed into an answer box stay letters. Every key a shortcut handles is consumed
 * (preventDefault), so a grade key cannot land in the answer box the next card focuses.
 */
import { useEffect, useRef } from 'react';
import type { Grade } from '@/lib/scheduler/types';

export interface ReviewKeys {
  /** The card region (focusable with tabIndex -1): focus on it counts as "on the card". */
  cardRef: React.RefObject<HTMLElement | null>;
  hasCard: boolean;
  answered: boolean;
  /** Self-graded cards reveal with Space/Enter; objective ones are answered first. */
  objective: boolean;
  choiceKeys: 'none' | 'truefalse' | 'mcq';
  allowed: readonly Grade[];
  primary: Grade;
  overlayOpen: boolean;
  reveal: () => void;
  grade: (g: Grade) => void;
  undo: () => void;
  choose: (position: number) => void;
  showShortcuts: () => void;
  /** Opens "Report a problem" (only once the answer is shown, where the report form is). */
  report: () => void;
}

/** True when the key event happened with focus on the page or the card, where shortcuts apply. */
export function isShortcutTarget(target: EventTarget | null, card: HTMLElement | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target === document.body || target === document.documentElement || target === card) return true;
  // A control disabled after use (a checked answer box, a chosen option) can hold focus but not act.
  return target.matches(':disabled');
}

export function useReviewKeys(keys: ReviewKeys): void {
  // The handler reads the latest props through a ref, so it is attached once.
  const current = useRef(keys);
  useEffect(() => {
    current.current = keys;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = current.current;
      if (e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || k.overlayOpen) return;
      const target = e.target as HTMLElement | null;
      if (!isShortcutTarget(target, k.cardRef.current)) {
        // Escape leaves the answer box, so the shortcut keys work again.
        if (e.key === 'Escape' && target?.matches('input, textarea')) {
          target.blur();
          k.cardRef.current?.focus({ preventScroll: true });
        }
        return;
      }
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : null;
      if (e.key === '?') return act(k.showShortcuts);
      if (e.key === 'u' || e.key === 'U') return act(k.undo);
      if (!k.hasCard) return;
      const enterOrSpace = e.key === ' ' || e.key === 'Enter';
      if (!k.answered) {
        if (!k.objective && enterOrSpace) act(k.reveal);
        else if (digit !== null && k.choiceKeys === 'truefalse' && digit <= 2) act(() => k.choose(digit));
        else if (digit !== null && k.choiceKeys === 'mcq' && digit <= 5) act(() => k.choose(digit));
        return;
      }
      if (e.key === 'r' || e.key === 'R') act(k.report);
      else if (enterOrSpace) act(() => k.grade(k.primary));
      else if (digit !== null && k.allowed.includes(digit as Grade)) act(() => k.grade(digit as Grade));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
