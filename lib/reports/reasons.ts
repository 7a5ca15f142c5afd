/**
 * What a student can say is wrong with a card, and the limits on what they and the author write.
 * No zod here: the report form (a client component) imports the labels and limits.
 */
export const REPORT_REASONS = ['wrong', 'unclear', 'typo', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  wrong: 'The answer is wrong',
  unclear: 'The question is unclear',
  typo: 'There is a typo',
  other: 'Something else',
};

/** Short names for the author's list. */
export const REPORT_REASON_BADGES: Record<ReportReason, string> = { wrong: 'Wrong', unclear: 'Unclear', typo: 'Typo', other: 'Other' };

export const REPORT_SOURCES = ['review', 'quiz'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** How the author closes a report. */
export const REPORT_DECISIONS = ['fixed', 'dismissed'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];
export type ReportStatus = 'open' | ReportDecision;

/**
 * Who reads a report: the deck's author; on a shared deck, the student's instructors; or, for a
 * student in no class, the maintainers of the shared content (`npm run reports`).
 */
export const REPORT_READERS = ['author', 'instructors', 'maintainers'] as const;
export type ReportReader = (typeof REPORT_READERS)[number];

/** What the student is told once a report is sent (or updated). */
export function reportSentText(updated: boolean, readBy: ReportReader): string {
  const who = { author: 'The deck’s author', instructors: 'Your instructor', maintainers: 'The deck’s maintainers' }[readBy];
  return `Report ${updated ? 'updated' : 'sent'}. ${who} will see it.`;
}

export const REPORT_NOTE_MAX = 500;
export const REPORT_REPLY_MAX = 300;

/** A report as its deck's author reads it. */
export interface AuthorReport {
  id: number;
  cardId: number;
  itemId: string;
  prompt: string;
  studentName: string;
  reason: ReportReason;
  note: string | null;
  source: ReportSource;
  status: ReportStatus;
  reply: string | null;
  /** Who closed it: on a shared deck, any of the student's instructors may. */
  repliedBy: string | null;
  updatedAt: number;
}

/** A handled report as the student who sent it reads it. */
export interface HandledReport {
  id: number;
  prompt: string;
  status: ReportDecision;
  reply: string | null;
  handledAt: number;
}

/** The one line a student reads once their report is handled. */
export function handledReportText(r: Pick<HandledReport, 'prompt' | 'status' | 'reply'>): string {
  const prompt = r.prompt.length > 80 ? `${r.prompt.slice(0, 79)}…` : r.prompt;
  const verdict = r.status === 'fixed' ? 'was fixed' : 'was looked at and the card stays as it is';
  return `Your report on “${prompt}” ${verdict}${r.reply ? `: ${r.reply}` : '.'}`;
}
