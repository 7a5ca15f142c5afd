/**
 * Decoders for what the two engines return for the same column. SQLite has no boolean (0/1) and
 * PostgreSQL has (true/false); counts are numbers on both (db/pg/connection.ts parses int8).
 */
import { z } from 'zod';
import type { Queryable } from './types';

/** A SQL boolean, as either engine returns it. */
export const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);

/** A whole number (ids, counts, epoch milliseconds). */
export const int = z.number().int();

/** The row schema a statement that returns rows needs; thrown before the statement runs. */
export function rowSchema<R>(row: z.ZodType<R> | undefined, query: string): z.ZodType<R> {
  if (!row) throw new Error(`"${query.slice(0, 60)}…" was prepared without a row schema: it can only be run`);
  return row;
}

export function decodeRows<R>(rows: unknown[], row: z.ZodType<R>, query: string): R[] {
  return rows.map((value) => {
    const parsed = row.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`A row of "${query.slice(0, 60)}…" does not decode: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
}

export type { Queryable };

/** JSON read back as text (`fragments.jsonText`), parsed and validated against `schema`. */
export function jsonText<T>(schema: z.ZodType<T>) {
  return z.string().transform((text, ctx): T => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `unexpected JSON: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return z.NEVER;
    }
    return parsed.data;
  });
}
