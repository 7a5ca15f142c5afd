/**
 * The typed answers a class got marked wrong, grouped so an instructor reads each distinct
 * answer once: answers that are the same after the checker's normalisation ("president
 * tokayev" and "President Tokayev.") count together, shown as the form typed most often.
 */
import { canonical } from '@/lib/quiz/typed/check-typed';

export interface WrongAnswerEvent {
  cardId: number;
  answer: string;
  /** The student said "I was right" in review. */
  overruled: boolean;
}

export interface WrongAnswerGroup {
  answer: string;
  count: number;
  overruled: number;
}

/**
 * Per card, the distinct wrong answers, most overruled first, then most typed.
 * @example groupWrongAnswers([{ cardId: 1, answer: 'Tokayev.', overruled: true }, { cardId: 1, answer: 'tokayev', overruled: false }]).get(1)
 * // [{ answer: 'Tokayev.', count: 2, overruled: 1 }]
 */
export function groupWrongAnswers(events: readonly WrongAnswerEvent[]): Map<number, WrongAnswerGroup[]> {
  const byCard = new Map<number, Map<string, { forms: Map<string, number>; count: number; overruled: number }>>();
  for (const e of events) {
    const key = canonical(e.answer);
    if (!key) continue;
    const groups = byCard.get(e.cardId) ?? new Map();
    byCard.set(e.cardId, groups);
    const g = groups.get(key) ?? { forms: new Map<string, number>(), count: 0, overruled: 0 };
    groups.set(key, g);
    const form = e.answer.trim();
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    g.count++;
    if (e.overruled) g.overruled++;
  }
  const out = new Map<number, WrongAnswerGroup[]>();
  for (const [cardId, groups] of byCard) {
    const list = [...groups.values()].map((g) => ({ answer: [...g.forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '', count: g.count, overruled: g.overruled }));
    out.set(cardId, list.sort((a, b) => b.overruled - a.overruled || b.count - a.count || a.answer.localeCompare(b.answer)));
  }
  return out;
}
