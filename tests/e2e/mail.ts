/** The mail an e2e server wrote as .eml files beside its database (data/mail/), read with mailparser. */
import { expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

const MAIL_DIR = path.resolve('data/mail');

/** The newest mail to `email` written at or after `after` (epoch ms), polled until it is there. */
export async function mailTo(email: string, after: number): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(async () => {
      let files: string[] = [];
      try {
        files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml') && statSync(path.join(MAIL_DIR, f)).mtimeMs >= after);
      } catch {
        return false;
      }
      for (const file of files.sort().reverse()) {
        const mail = await simpleParser(readFileSync(path.join(MAIL_DIR, file)));
        const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
        if (to === email) {
          found = { subject: mail.subject ?? '', text: mail.text ?? '' };
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return found!;
}
