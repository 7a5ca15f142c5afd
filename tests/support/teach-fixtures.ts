/** Direct inserts for teaching tests: a tiny deck, review-log rows and quiz attempts at fixed times. */
import { db } from '@/db';
import { shownIndexOf } from '@/lib/teach/mcq-choice';

export const DAY = 86_400_000;

/** A five-card deck: section s1 = basic c1, mcq c2 (option 1 is right), true/false c3; section s2 = typed c4, mcq c5. */
export function makeTinyDeck(deckId: string, ownerId: number | null = null): Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', number> {
  const $ = db.$client;
  $.prepare('INSERT INTO decks (id, title, owner_id, created_at) VALUES (?, ?, ?, 0)').run(deckId, `Deck ${deckId}`, ownerId);
  const section = (key: string, position: number) =>
    Number($.prepare('INSERT INTO sections (deck_id, key, title, position) VALUES (?, ?, ?, ?)').run(deckId, key, `Section ${key}`, position).lastInsertRowid);
  const s1 = section('s1', 0);
  const s2 = section('s2', 1);
  const mcq = (q: string) => ({ type: 'mcq', question: q, options: [0, 1, 2].map((i) => ({ text: `${q} option ${i}`, correct: i === 1, explanation: 'x' })) });
  const cards: [string, number, string, object][] = [
    ['c1', s1, 'basic', { type: 'basic', front: 'c1 front', back: 'c1 back' }],
    ['c2', s1, 'mcq', mcq('c2')],
    ['c3', s1, 'truefalse', { type: 'truefalse', statement: 'c3', answer: true }],
    ['c4', s2, 'typed', { type: 'typed', question: 'c4', answers: ['x'] }],
    ['c5', s2, 'mcq', mcq('c5')],
  ];
  const ids: Record<string, number> = {};
  cards.forEach(([key, sectionId, type, payload], position) => {
    ids[key] = Number(
      $.prepare(`INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, 'a', ?, 'h', 0)`).run(deckId, sectionId, key, key, type, position, `${key} prompt`, JSON.stringify(payload)).lastInsertRowid,
    );
  });
  return ids as Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', number>;
}

let clientSeq = 0;

/**
 * One review-log row; `stateBefore` 2 means the card was in the Review state. Unless undone, the
 * card_states cache follows the latest review, as recordReview keeps it.
 */
export function logReview(userId: number, cardId: number, at: number, o: { stateBefore: number; rating: number; stability: number; undone?: boolean; source?: 'review' | 'quiz' }) {
  clientSeq += 1;
  db.$client
    .prepare(`INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, state_before, due_after, stability_after, difficulty_after, scheduled_days, source, undone_at, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 1, ?, ?, ?)`)
    .run(userId, cardId, `t${clientSeq}`, o.rating, at, o.stateBefore, at + DAY, o.stability, o.source ?? 'review', o.undone ? at + 1 : null, at);
  if (o.undone) return;
  db.$client
    .prepare(`INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, updated_at)
              VALUES (@userId, @cardId, @due, @stability, 5, 1, 0, 1, 0, 2, @at, @at)
              ON CONFLICT (user_id, card_id) DO UPDATE SET due = excluded.due, stability = excluded.stability, last_review = excluded.last_review, reps = reps + 1
              WHERE excluded.last_review > card_states.last_review`)
    .run({ userId, cardId, due: at + DAY, stability: o.stability, at });
}

/**
 * A quiz attempt with its answers; `finishedAt` null leaves it unfinished. For mcq answers `choice` is the
 * option's index in the card; it is stored as the quiz module does, as the index the student saw (3 options).
 * With `assignmentId` it is an attempt of that assignment's quiz (only those count toward its goal);
 * without, a practice quiz. Returns the attempt's id.
 */
export function quizAttempt(
  userId: number,
  deckId: string,
  finishedAt: number | null,
  answers: { cardId: number; correct: boolean; choice?: number; response?: unknown }[],
  questionCount = answers.length,
  assignmentId?: number,
): number {
  const $ = db.$client;
  const correct = answers.filter((a) => a.correct).length;
  const attemptId = Number(
    $.prepare(`INSERT INTO quiz_attempts (user_id, deck_id, card_ids, started_at, finished_at, correct_count, question_count) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(userId, deckId, JSON.stringify(answers.map((a) => a.cardId)), (finishedAt ?? 0) - 60_000, finishedAt, correct, questionCount).lastInsertRowid,
  );
  answers.forEach((a, position) => {
    // `response` as given (a typed answer's text), else a choice's shown index, else the verdict (true/false items).
    const response = a.response !== undefined ? a.response : a.choice === undefined ? a.correct : shownIndexOf(a.choice, attemptId, a.cardId, 3);
    $.prepare('INSERT INTO quiz_answers (attempt_id, card_id, position, response, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      attemptId, a.cardId, position, JSON.stringify(response), a.correct ? 1 : 0, finishedAt ?? 0,
    );
  });
  if (assignmentId !== undefined) $.prepare('INSERT INTO assignment_quiz_attempts (assignment_id, attempt_id) VALUES (?, ?)').run(assignmentId, attemptId);
  return attemptId;
}

export function enroll(classId: number, userId: number, joinedAt: number) {
  db.$client.prepare('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, ?)').run(classId, userId, joinedAt);
}
