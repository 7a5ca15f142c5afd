/**
 * The rule for every stored name and title (people, classes, decks, sections, assignments):
 * no control characters (NUL, ESC, newlines, C1) and no bidirectional overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069), which let a student appear on a roster under a name that
 * reads as someone else's. A zod refinement, so every form shows the same message.
 */
import { z } from 'zod';

// C0 controls and DEL, C1 controls, bidi embeddings/overrides (202A–202E) and isolates (2066–2069).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const UNSAFE_TEXT_MESSAGE = 'Remove control or text-direction characters.';

/** True when the text holds a character names and titles refuse. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** Adds the rule to a string schema: `plainText(z.string().trim().min(1).max(80))`. */
export function plainText<S extends z.ZodType<string | undefined>>(schema: S) {
  return schema.refine((v) => v === undefined || !hasUnsafeCharacters(v), UNSAFE_TEXT_MESSAGE);
}

export const NUL_MESSAGE = 'Remove the NUL character (U+0000): no text here may hold it.';

/**
 * Where the first NUL character sits in an input (a string value or key anywhere in it): "" for a
 * bare string, "a.0.b" inside objects and arrays; null when there is none. PostgreSQL text cannot
 * hold U+0000 at all (SQLite can), so an input holding one is refused at the door, on both engines,
 * before any query sees it: otherwise the same hostile form is a 400 on one engine and a 500 on the other.
 */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, join(i));
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return join(key.replaceAll('\u0000', '\\0'));
    const found = nulPath(item, join(key));
    if (found !== null) return found;
  }
  return null;
}
