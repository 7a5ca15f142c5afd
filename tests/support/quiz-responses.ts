/** Answers to quiz questions as a student would give them, right or wrong as asked (integration tests). */
import { db } from '@/db';
import type { CardPayload } from '@/lib/content/cards';
import { gradeResponse, questionSeed, type QuizPayload } from '@/lib/quiz/present';
import { seededPermutation } from '@/lib/quiz/shuffle';

export function cardRow(cardId: number) {
  const row = db.$client
    .prepare('SELECT c.type, c.payload, s.key AS sectionKey, c.evidence_quote AS evidenceQuote, c.evidence_ref AS evidenceRef FROM cards c JOIN sections s ON s.id = c.section_id WHERE c.id = ?')
    .get(cardId) as { type: string; payload: string; sectionKey: string; evidenceQuote: string | null; evidenceRef: string | null };
  return { ...row, payload: JSON.parse(row.payload) as CardPayload };
}

/** A response to the question as shown in this attempt, right or wrong as asked. */
export function responseFor(attemptId: number, cardId: number, right: boolean): unknown {
  const payload = cardRow(cardId).payload as QuizPayload;
  const seed = questionSeed(attemptId, cardId);
  switch (payload.type) {
    case 'mcq': {
      const shown = payload.options.map((_, i) => i);
      return shown.find((i) => gradeResponse(payload, seed, i)?.correct === right);
    }
    case 'truefalse':
      return right ? payload.answer : !payload.answer;
    case 'typed':
      return right ? payload.answers[0] : 'certainly not the answer';
    case 'ordering': {
      const perm = seededPermutation(seed, payload.steps.length, true);
      const inOrder = payload.steps.map((_, step) => perm.indexOf(step));
      return right ? inOrder : [...inOrder].reverse();
    }
  }
}

export function attemptCards(attemptId: number): number[] {
  const row = db.$client.prepare('SELECT card_ids FROM quiz_attempts WHERE id = ?').get(attemptId) as { card_ids: string };
  return JSON.parse(row.card_ids) as number[];
}
