/**
 * The parts of a grade kept for the instructor, beside the grade: the option chosen for a
 * multiple-choice or true/false card, and the answer typed for a typed card with the server checker's
 * verdict and, when wrong, the student's "I was right" (the review half of
 * db/queries/response-analysis.ts; wrong ones also feed db/queries/typed-answers.ts).
 * Each travels in the grade itself (the outbox, then POST /api/reviews), so it is kept offline like
 * the grade, and is written in the grade's own transaction, once per grade: the row carries the
 * grade's client id, and a grade sent again is a duplicate that writes nothing. Undoing the grade
 * removes its parts. One helper for every part; each part says only which cards take it and what
 * it records (checked against the card as it is now, the verdict the server's own).
 */
import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { bare, type Fragments } from '@/db/engine/fragments';
import type { Queryable } from '@/db/engine/types';
import { cardPayload, typedCardPayload } from '@/db/json-column';
import { cards, reviewChoices, typedAnswers } from '@/db/schema';
import { choiceOptions } from '@/lib/quiz/choice-options';
import { gradeTyped } from '@/lib/quiz/grade';
import type { ChoicePart, TypedAnswerPart } from '@/lib/validation/reviews';

interface PartKind<P> {
  table: typeof typedAnswers | typeof reviewChoices;
  /** The card types that take this part. */
  cardTypes: readonly string[];
  /** The part's own columns, in order, and their values for `part` on a card with this payload; null: not recorded. */
  columns: readonly AnyColumn[];
  values(payload: string, part: P): unknown[] | null;
}

const typedKind: PartKind<TypedAnswerPart> = {
  table: typedAnswers,
  cardTypes: ['typed'],
  columns: [typedAnswers.answer, typedAnswers.correct, typedAnswers.overruled],
  // The verdict is the server checker's, on the card as it is now; "I was right" only means something on a wrong answer.
  values: (text, typed) => {
    const payload = typedCardPayload(text);
    if (!payload) return null;
    const correct = gradeTyped(typed.answer, payload.answers, payload.question).correct;
    return [typed.answer, correct ? 1 : 0, !correct && typed.overruled ? 1 : 0];
  },
};

const choiceKind: PartKind<ChoicePart> = {
  table: reviewChoices,
  cardTypes: ['mcq', 'truefalse'],
  columns: [reviewChoices.choice, reviewChoices.correct],
  // Past the card's options (edited since): not recorded; the grade stands.
  values: (text, choice) => {
    const options = choiceOptions(cardPayload(text));
    if (!options || choice.index >= options.texts.length) return null;
    return [choice.index, choice.index === options.correctIndex ? 1 : 0];
  },
};

const payloadRow = z.object({ payload: z.string() });

interface PartStatements {
  payload: SQL;
  insert: SQL;
  remove: SQL;
}

// Built once per part and engine (the payload's JSON is read back as text in each engine's way).
const built = new Map<PartKind<never>, WeakMap<Fragments, PartStatements>>();
function statementsOf<P>(kind: PartKind<P>, f: Fragments): PartStatements {
  const key = kind as unknown as PartKind<never>;
  let perEngine = built.get(key);
  if (!perEngine) built.set(key, (perEngine = new WeakMap()));
  let s = perEngine.get(f);
  if (!s) {
    const t = kind.table;
    const own = kind.columns.map((_, i) => sql.placeholder(`v${i}`));
    s = {
      payload: sql`SELECT ${f.jsonText(cards.payload)} AS "payload" FROM ${cards}
        WHERE ${cards.id} = ${sql.placeholder('cardId')} AND ${cards.type} IN (${sql.join(kind.cardTypes.map((type) => sql`${type}`), sql`, `)})`,
      insert: sql`INSERT INTO ${t} (${bare(t.userId)}, ${bare(t.cardId)}, ${bare(t.clientId)}, ${sql.join(kind.columns.map(bare), sql`, `)}, ${bare(t.answeredAt)})
        VALUES (${sql.placeholder('userId')}, ${sql.placeholder('cardId')}, ${sql.placeholder('clientId')}, ${sql.join(own, sql`, `)}, ${sql.placeholder('at')})
        ON CONFLICT (${bare(t.userId)}, ${bare(t.clientId)}) DO NOTHING`,
      remove: sql`DELETE FROM ${t} WHERE ${t.userId} = ${sql.placeholder('userId')} AND ${t.clientId} = ${sql.placeholder('clientId')}`,
    };
    perEngine.set(f, s);
  }
  return s;
}

async function recordPartIn<P>(tx: Queryable, kind: PartKind<P>, userId: number, cardId: number, clientId: string, part: P, at: Date): Promise<boolean> {
  const s = statementsOf(kind, tx.fragments);
  const row = await tx.prepare<{ cardId: number }, z.infer<typeof payloadRow>>(s.payload, payloadRow).get({ cardId });
  const values = row ? kind.values(row.payload, part) : null;
  if (!values) return false;
  const own = Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
  await tx.prepare(s.insert).run({ userId, cardId, clientId, at: at.getTime(), ...own });
  return true;
}

export interface GradeParts {
  typed?: TypedAnswerPart;
  choice?: ChoicePart;
}

/**
 * Records the parts a grade carries, inside the grade's transaction (the caller has checked the
 * card is one this user studies). Which were recorded: a part the card does not take is dropped.
 */
export async function recordGradePartsIn(tx: Queryable, userId: number, cardId: number, clientId: string, parts: GradeParts, at: Date): Promise<{ typed: boolean; choice: boolean }> {
  const typed = parts.typed ? await recordPartIn(tx, typedKind, userId, cardId, clientId, parts.typed, at) : false;
  const choice = parts.choice ? await recordPartIn(tx, choiceKind, userId, cardId, clientId, parts.choice, at) : false;
  return { typed, choice };
}

/** Forgets every part of an undone grade (inside the undo's transaction). */
export async function forgetGradePartsIn(tx: Queryable, userId: number, clientId: string): Promise<void> {
  for (const kind of [typedKind, choiceKind] as PartKind<never>[]) {
    await tx.prepare(statementsOf(kind, tx.fragments).remove).run({ userId, clientId });
  }
}
