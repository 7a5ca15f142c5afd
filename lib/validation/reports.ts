/** Input rules for reporting a card and for the author's answer to a report. */
import { z } from 'zod';
import { REPORT_DECISIONS, REPORT_NOTE_MAX, REPORT_REASONS, REPORT_REPLY_MAX, REPORT_SOURCES } from '@/lib/reports/reasons';
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from './text';

const id = z.coerce.number({ error: 'Missing id.' }).int().positive().max(2_147_483_647);

/** Free text of a few lines: line breaks are fine, other control and text-direction characters are not. Empty → null. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, `Use at most ${max} characters.`)
        .refine((v) => !hasUnsafeCharacters(v.replace(/\n/g, ' ')), UNSAFE_TEXT_MESSAGE),
    )
    .transform((v) => (v === '' ? null : v));

export const reportCardSchema = z.object({
  cardId: id,
  reason: z.enum(REPORT_REASONS, { error: 'Choose what is wrong.' }),
  note: optionalText(REPORT_NOTE_MAX),
  source: z.enum(REPORT_SOURCES),
});

export const handleReportSchema = z.object({
  reportId: id,
  decision: z.enum(REPORT_DECISIONS, { error: 'Choose fixed or dismissed.' }),
  reply: optionalText(REPORT_REPLY_MAX),
});

export const reportIdSchema = z.object({ reportId: id });

export type ReportCardInput = z.output<typeof reportCardSchema>;
export type HandleReportInput = z.output<typeof handleReportSchema>;
