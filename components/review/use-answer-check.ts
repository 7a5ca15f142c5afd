'use client';
/**
 * Checks objective answers on the device with the checker loaded on first use
 * (lib/review/answer-checker.ts): loading starts as soon as an objective card is on screen, an
 * answer given while another is being checked is ignored, and so is a result for a card that is
 * no longer shown (undone meanwhile).
 */
import { useCallback, useEffect, useRef } from 'react';
import { loadAnswerChecker } from '@/lib/review/answer-checker';
import type { CheckResult, ObjectiveAnswer } from '@/lib/review/check-answer';
import type { ReviewCard } from '@/lib/review/types';

export function useAnswerCheck(
  card: ReviewCard | null,
  objective: boolean,
  onChecked: (answer: ObjectiveAnswer, result: CheckResult) => void,
  onUnavailable: () => void,
): (answer: ObjectiveAnswer) => void {
  useEffect(() => {
    if (objective) loadAnswerChecker().catch(() => undefined);
  }, [objective]);

  const shownCard = useRef(card);
  const checking = useRef(false);
  useEffect(() => {
    shownCard.current = card;
  }, [card]);

  return useCallback(
    (answer: ObjectiveAnswer) => {
      if (!card || checking.current) return;
      checking.current = true;
      loadAnswerChecker()
        .then((checkAnswer) => {
          if (shownCard.current === card) onChecked(answer, checkAnswer(card.payload, answer));
        }, onUnavailable)
        .finally(() => {
          checking.current = false;
        });
    },
    [card, onChecked, onUnavailable],
  );
}
