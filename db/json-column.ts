/**
 * Decoding JSON stored in a text column. A column holds what we wrote, but "what we wrote" is a
 * claim the type system cannot check: decode it against a schema, so a bad row fails here with
 * the column's name instead of travelling on under a false type.
 */
import { z } from 'zod';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import type { CardPayload } from '@/lib/content/cards';

export const stringList = z.array(z.string());
export const idList = z.array(z.number().int());
export const numberList = z.array(z.number());

export function jsonColumn<T>(text: string, schema: z.ZodType<T>, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Column ${column} does not hold JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Column ${column} holds unexpected JSON: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Decodes like jsonColumn, but answers null for a value that is not JSON or not of the schema. */
export function jsonColumnOrNull<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A card's payload (cards.payload), decoded and checked. */
export function cardPayload(text: string): CardPayload {
  return jsonColumn(text, cardPayloadSchema, 'cards.payload');
}

/** A typed card's payload, or null when the card is of another type. */
export function typedCardPayload(text: string): Extract<CardPayload, { type: 'typed' }> | null {
  const payload = cardPayload(text);
  return payload.type === 'typed' ? payload : null;
}
