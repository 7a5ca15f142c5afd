/**
 * Mail the app sent during an e2e run, read from the test SMTP server's inbox
 * (scripts/e2e-smtp-inbox.mjs writes each received message to data/e2e-inbox/). Messages are told
 * apart by recipient: every test signs up its own unique address.
 */
import { expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

const INBOX_DIR = path.resolve('data/e2e-inbox');

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const parsed = new Map<string, ReceivedMail>();

async function inbox(): Promise<ReceivedMail[]> {
  let files: string[];
  try {
    files = readdirSync(INBOX_DIR).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  for (const file of files) {
    if (parsed.has(file)) continue;
    const mail = await simpleParser(readFileSync(path.join(INBOX_DIR, file)));
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
    parsed.set(file, { to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
  }
  return files.map((f) => parsed.get(f)!);
}

/** The e2e mail server's address and sender, for a spec that starts a second app server. */
export function e2eMailEnv(): { SMTP_URL: string; MAIL_FROM: string } {
  return { SMTP_URL: readFileSync(path.join(INBOX_DIR, 'smtp-url'), 'utf8').trim(), MAIL_FROM: 'Recall <recall@e2e.test>' };
}

/** Every message to `email` so far, oldest first. */
export async function mailsTo(email: string): Promise<ReceivedMail[]> {
  return (await inbox()).filter((m) => m.to === email);
}

/** Waits for the `count`-th message to `email` (1-based: the first by default) and returns it. */
export async function mailTo(email: string, count = 1): Promise<ReceivedMail> {
  await expect.poll(async () => (await mailsTo(email)).length, { message: `mail #${count} to ${email}`, timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return (await mailsTo(email))[count - 1]!;
}

/** The first link in a message's text that matches `pattern`. */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const link = pattern.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link matching ${pattern} in "${mail.subject}"`);
  return link;
}
