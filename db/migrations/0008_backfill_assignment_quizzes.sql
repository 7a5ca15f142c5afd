-- Issue 16: existing attempts keep their meaning.
-- Before assignment quizzes, any finished quiz on the deck counted toward an assignment's quiz goal.
-- An old attempt keeps counting for an assignment (marked legacy) when it was finished, taken by a
-- student of the assignment's class, on the assignment's deck, and every question in it lies in the
-- assignment's sections: it was a quiz on the assigned material, under the rules of its time.
-- An old quiz on other sections of the deck never was (the defect this issue fixes), so it stays practice.
INSERT OR IGNORE INTO assignment_quiz_attempts (assignment_id, attempt_id, legacy)
SELECT a.id, q.id, 1
FROM quiz_attempts q
JOIN assignments a ON a.deck_id = q.deck_id
JOIN enrollments e ON e.class_id = a.class_id AND e.user_id = q.user_id
WHERE q.finished_at IS NOT NULL AND q.question_count > 0
  AND NOT EXISTS (
    SELECT 1 FROM json_each(q.card_ids) j
    LEFT JOIN cards c ON c.id = j.value
    LEFT JOIN sections sec ON sec.id = c.section_id
    WHERE sec.key IS NULL
       OR (a.section_keys IS NOT NULL AND sec.key NOT IN (SELECT value FROM json_each(a.section_keys)))
  );
--> statement-breakpoint
-- Existing assignments get the quiz students were offered by default until now: 10 questions,
-- answers shown after each one.
UPDATE assignments SET quiz_questions = 10, quiz_feedback = 'immediate';
