/**
 * The card payload as stored (cards.payload, JSON): a zod schema for decoding it, checked at
 * compile time against CardPayload, so the type and the schema cannot drift apart.
 */
import { z } from 'zod';
import type { CardPayload } from './cards';

const clozePart = z.object({ text: z.string(), target: z.boolean(), hint: z.string().nullable() });

export const cardPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), front: z.string(), back: z.string() }),
  z.object({
    type: z.literal('cloze'),
    n: z.number().int(),
    text: z.string(),
    front: z.string(),
    back: z.string(),
    answers: z.array(z.string()),
    parts: z.array(clozePart),
  }),
  z.object({ type: z.literal('mcq'), question: z.string(), options: z.array(z.object({ text: z.string(), correct: z.boolean(), explanation: z.string() })) }),
  z.object({ type: z.literal('truefalse'), statement: z.string(), answer: z.boolean() }),
  z.object({
    type: z.literal('typed'),
    question: z.string(),
    answers: z.array(z.string()),
    examples: z.object({ accept: z.array(z.string()).optional(), reject: z.array(z.string()).optional() }).optional(),
  }),
  z.object({ type: z.literal('ordering'), prompt: z.string(), steps: z.array(z.string()) }),
]);

// Both directions: a field added to CardPayload and not here (or the reverse) fails to compile.
type Decoded = z.infer<typeof cardPayloadSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const payloadSchemaMatchesType: Same<Decoded, CardPayload> = true;
void payloadSchemaMatchesType;
