'use server';
/**
 * Assignment actions for instructors: create, edit, delete. The due date and time are read in
 * the class's time zone. Writes go through queries that check the class is the instructor's.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ActionError, authedAction } from '@/app/_lib/action';
import { assignmentForInstructor, createAssignment, deleteAssignment, updateAssignment, type AssignmentInput, type AssignmentWriteError } from '@/db/queries/assignments';
import { classForInstructor } from '@/db/queries/classes';
import { now } from '@/lib/clock';
import { localDateTimeToUtc } from '@/lib/time/zoned';
import { assignmentIdSchema, createAssignmentSchema, updateAssignmentSchema, type assignmentFieldsSchema } from '@/lib/validation/teach';
import type { z } from 'zod';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { DEFAULT_ASSIGNMENT_QUIZ } from '@/lib/teach/assignment-quiz';

const instructorOnly = { role: 'instructor' } as const;

function toInput(fields: z.output<typeof assignmentFieldsSchema>, timeZone: string): AssignmentInput {
  const due = localDateTimeToUtc(fields.dueDate, fields.dueTime, timeZone);
  if (!due) throw new ActionError('Please correct the highlighted fields.', { dueDate: ['Choose a real date.'] });
  return {
    deckId: fields.deckId,
    sectionKeys: fields.scope === 'all' ? null : [...new Set(fields.sectionKeys)],
    dueAt: due.getTime(),
    goalQuizScore: fields.goalQuizScore,
    goalRecall: fields.goalRecallPercent === null ? null : fields.goalRecallPercent / 100,
    // Without a quiz goal the quiz fields are hidden (not sent): keep the default quiz.
    quiz: fields.goalQuizScore === null ? DEFAULT_ASSIGNMENT_QUIZ : {
      sectionKeys: fields.quizScope === 'assignment' ? null : [...new Set(fields.quizSectionKeys)],
      questions: fields.quizAll === 'on' ? null : fields.quizQuestions,
      // Every type ticked is stored as "every type".
      types: fields.quizTypes.length === 0 || new Set(fields.quizTypes).size === QUIZ_TYPES.length ? null : [...new Set(fields.quizTypes)],
      attempts: fields.quizAttempts,
      feedback: fields.quizFeedback,
    },
  };
}

function fail(error: AssignmentWriteError): never {
  if (error === 'deck') throw new ActionError('Please correct the highlighted fields.', { deckId: ['Choose one of your decks.'] });
  if (error === 'sections') throw new ActionError('Please correct the highlighted fields.', { sectionKeys: ['Tick sections of the chosen deck.'] });
  if (error === 'quiz-sections') throw new ActionError('Please correct the highlighted fields.', { quizSectionKeys: ['Tick sections of the chosen deck.'] });
  if (error === 'quiz-empty') throw new ActionError('Please correct the highlighted fields.', { quizTypes: ['There is no question of these types in these sections.'] });
  throw new ActionError('That class or assignment was not found.');
}

export const createAssignmentAction = authedAction(
  createAssignmentSchema,
  async (fields, user) => {
    const cls = await classForInstructor(user.id, fields.classId);
    if (!cls) throw new ActionError('That class was not found.');
    const input = toInput(fields, cls.timeZone);
    if (input.dueAt <= now().getTime()) throw new ActionError('Please correct the highlighted fields.', { dueDate: ['Choose a due date in the future.'] });
    const result = createAssignment(user.id, cls.id, input, now());
    if ('error' in result) fail(result.error);
    revalidatePath(`/teach/classes/${cls.id}`);
    redirect(`/teach/classes/${cls.id}`);
  },
  instructorOnly,
);

export const updateAssignmentAction = authedAction(
  updateAssignmentSchema,
  async (fields, user) => {
    const existing = assignmentForInstructor(user.id, fields.assignmentId);
    const cls = existing && await classForInstructor(user.id, existing.classId);
    if (!existing || !cls) throw new ActionError('That assignment was not found.');
    const result = updateAssignment(user.id, existing.id, toInput(fields, cls.timeZone));
    if ('error' in result) fail(result.error);
    revalidatePath(`/teach/classes/${cls.id}`);
    redirect(`/teach/classes/${cls.id}`);
  },
  instructorOnly,
);

export const deleteAssignmentAction = authedAction(
  assignmentIdSchema,
  ({ assignmentId }, user) => {
    const existing = assignmentForInstructor(user.id, assignmentId);
    if (!existing || !deleteAssignment(user.id, assignmentId)) throw new ActionError('That assignment was not found.');
    revalidatePath(`/teach/classes/${existing.classId}`);
    redirect(`/teach/classes/${existing.classId}`);
  },
  instructorOnly,
);
