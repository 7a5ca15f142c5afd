/**
 * Mail end to end below the UI: a template sent through the SMTP transport arrives at a real SMTP
 * server with its link intact (text and HTML), and the embedded default writes a readable .eml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { appUrl, mailConfig, sendMail } from '@/app/_lib/mail';
import { appLink, passwordResetMail } from '@/lib/mail/templates';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher';

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(() => smtp.close());

const link = appLink('https://recall.example.edu', '/reset-password', { token: 'abc_DEF-123' });

describe('mail over SMTP', () => {
  it('delivers the reset mail with its link to the SMTP server', async () => {
    const config = mailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Recall <recall@example.edu>' });
    expect(config.kind).toBe('smtp');
    const sent = await sendMail({ to: 'ada@example.edu', content: passwordResetMail({ name: 'Ada <b>', link, validMinutes: 60 }) }, config);
    expect(sent.kind).toBe('smtp');
    const mail = await smtp.waitFor(1);
    expect(mail.subject).toBe('Reset your Recall password');
    expect(mail.from?.text).toBe('"Recall" <recall@example.edu>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('ada@example.edu');
    expect(mail.text).toContain('https://recall.example.edu/reset-password?token=abc_DEF-123');
    expect(mail.text).toContain('Hello Ada <b>,');
    expect(mail.html).toContain('href="https://recall.example.edu/reset-password?token=abc_DEF-123"');
    // The name is user input: escaped in the HTML part.
    expect(mail.html).toContain('Hello Ada &lt;b&gt;,');
    expect(mail.html).not.toContain('<b>,');
  });
});

describe('the embedded default', () => {
  it('writes each message as a readable .eml under the mail directory and logs subject and link', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srs-mail-'));
    const config = mailConfig({ MAIL_DIR: dir });
    expect(config.kind).toBe('file');
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      await sendMail({ to: 'bo@example.edu', content: passwordResetMail({ name: 'Bo', link, validMinutes: 60 }), link }, config);
    } finally {
      console.log = log;
    }
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(dir, files[0]!)));
    expect(mail.subject).toBe('Reset your Recall password');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(logged.join('\n')).toContain('"Reset your Recall password"');
    expect(logged.join('\n')).toContain(link);
  });

  it('is used unless both SMTP_URL and MAIL_FROM are set, next to the database by default', () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(mailConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).kind).toBe('file');
    } finally {
      console.warn = warn;
    }
    expect(mailConfig({ DATABASE_PATH: '/srv/recall/app.db' })).toMatchObject({ kind: 'file', dir: '/srv/recall/mail' });
  });
});

describe('appUrl', () => {
  it.each([
    [{ APP_URL: 'https://recall.example.edu/' }, 'https://recall.example.edu'],
    [{ APP_URL: 'https://example.edu/recall/' }, 'https://example.edu/recall'],
    [{ APP_ORIGIN: 'https://a.example' }, 'https://a.example'],
    [{ AUTH_URL: 'https://b.example' }, 'https://b.example'],
    [{ APP_URL: 'https://c.example', APP_ORIGIN: 'https://a.example' }, 'https://c.example'],
    [{ PORT: '3451' }, 'http://localhost:3451'],
    [{}, 'http://localhost:3000'],
  ])('%j → %s', (env, expected) => {
    expect(appUrl(env)).toBe(expected);
  });

  it('keeps a path prefix in links', () => {
    expect(appLink(appUrl({ APP_URL: 'https://example.edu/recall' }), '/reset-password', { token: 't' })).toBe('https://example.edu/recall/reset-password?token=t');
  });
});
