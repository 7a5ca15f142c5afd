/** Read-only look into the end-to-end database, to find answers and check what was saved. */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';

export function e2eDb() {
  return new Database('data/e2e.db', { readonly: true, fileMustExist: true });
}

type Payload =
  | { type: 'mcq'; question: string; options: { text: string; correct: boolean }[] }
  | { type: 'truefalse'; statement: string; answer: boolean }
  | { type: 'typed'; question: string; answers: string[] }
  | { type: 'ordering'; prompt: string; steps: string[] }
  | { type: 'basic' | 'cloze' };

/** The payload of the card whose prompt is `prompt` (question, statement or ordering prompt). */
export function payloadForPrompt(prompt: string): Payload {
  const db = e2eDb();
  try {
    const rows = db.prepare("SELECT payload FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL").all() as { payload: string }[];
    for (const row of rows) {
      const p = JSON.parse(row.payload) as Payload & Record<string, unknown>;
      const text = p.question ?? p.statement ?? p.prompt;
      if (typeof text === 'string' && text.trim() === prompt.trim()) return p;
    }
    throw new Error(`No card with prompt ${prompt}`);
  } finally {
    db.close();
  }
}

export function reviewLogsOf(email: string) {
  const db = e2eDb();
  try {
    return db
      .prepare('SELECT l.card_id AS cardId, l.rating, l.undone_at AS undoneAt, l.client_id AS clientId FROM review_logs l JOIN users u ON u.id = l.user_id WHERE u.email = ? ORDER BY l.reviewed_at, l.id')
      .all(email) as { cardId: number; rating: number; undoneAt: number | null; clientId: string }[];
  } finally {
    db.close();
  }
}

/** Moves the server's clock (test builds only): "now" becomes real time + offset. */
export function setClockOffsetDays(days: number) {
  writeFileSync('data/e2e-clock', String(Math.round(days * 86_400_000)));
}
