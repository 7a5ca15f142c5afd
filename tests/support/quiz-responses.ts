/** Answers to quiz questions as a student would give them, right or wrong as asked (integration tests, either engine). */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { jsonText } from '@/db/engine/rows';
import { idList } from '@/db/json-column';
import { cards, quizAttempts, sections } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { gradeResponse, questionSeed, type QuizPayload } from '@/lib/quiz/present';
import { seededPermutation } from '@/lib/quiz/shuffle';

const cardRowSchema = z.object({
  type: z.string(),
  payload: jsonText(cardPayloadSchema),
  sectionKey: z.string(),
  evidenceQuote: z.string().nullable(),
  evidenceRef: z.string().nullable(),
});

export async function cardRow(cardId: number) {
  const db = await engine();
  const row = await db.get(
    sql`SELECT ${cards.type} AS "type", ${db.fragments.jsonText(cards.payload)} AS "payload", ${sections.key} AS "sectionKey",
               ${cards.evidenceQuote} AS "evidenceQuote", ${cards.evidenceRef} AS "evidenceRef"
        FROM ${cards} JOIN ${sections} ON ${sections.id} = ${cards.sectionId} WHERE ${cards.id} = ${cardId}`,
    cardRowSchema,
  );
  if (!row) throw new Error(`no card ${cardId}`);
  return row;
}

/** A response to the question as shown in this attempt, right or wrong as asked. */
export async function responseFor(attemptId: number, cardId: number, right: boolean): Promise<unknown> {
  const payload = (await cardRow(cardId)).payload as QuizPayload;
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

export async function attemptCards(attemptId: number): Promise<number[]> {
  const db = await engine();
  const row = await db.get(sql`SELECT ${db.fragments.jsonText(quizAttempts.cardIds)} AS "ids" FROM ${quizAttempts} WHERE ${quizAttempts.id} = ${attemptId}`, z.object({ ids: jsonText(idList) }));
  if (!row) throw new Error(`no attempt ${attemptId}`);
  return row.ids;
}
