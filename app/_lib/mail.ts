/**
 * Outgoing mail. With SMTP_URL and MAIL_FROM set, messages go out over SMTP (nodemailer); without
 * them, the embedded default writes each message as an .eml file under data/mail/ (next to the
 * database, or MAIL_DIR) and prints its subject and link in the server log, so a fresh
 * `npm start` can still follow a reset link. Links come from APP_URL (see appUrl), never from a
 * request's Host header. The words of each mail are in lib/mail/templates.ts.
 */
import 'server-only';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailContent } from '@/lib/mail/templates';
import { MAIL_APP_NAME } from '@/lib/mail/templates';

type Env = Record<string, string | undefined>;

export type MailConfig =
  | { kind: 'smtp'; smtpUrl: string; from: string }
  | { kind: 'file'; dir: string; from: string };

/** The public address links in mail point at: APP_URL, else APP_ORIGIN / AUTH_URL, else localhost:PORT. */
export function appUrl(env: Env = process.env): string {
  const configured = env.APP_URL || env.APP_ORIGIN || env.AUTH_URL;
  if (configured) return new URL(configured).origin + new URL(configured).pathname.replace(/\/+$/, '');
  return `http://localhost:${env.PORT || 3000}`;
}

export function mailConfig(env: Env = process.env): MailConfig {
  if (env.SMTP_URL && env.MAIL_FROM) return { kind: 'smtp', smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
  if (env.SMTP_URL || env.MAIL_FROM) warnOnce('SMTP_URL and MAIL_FROM are both needed to send mail over SMTP; writing .eml files instead.');
  const dbDir = path.dirname(path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || 'data/app.db'));
  const dir = env.MAIL_DIR ? path.resolve(/*turbopackIgnore: true*/ env.MAIL_DIR) : path.join(dbDir, 'mail');
  return { kind: 'file', dir, from: `${MAIL_APP_NAME} <no-reply@localhost>` };
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(`[mail] ${message}`);
  warned = true;
}

const smtpTransports = new Map<string, Transporter>();
function smtpTransport(url: string): Transporter {
  let transport = smtpTransports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    smtpTransports.set(url, transport);
  }
  return transport;
}

// Builds the raw RFC 822 message without sending it: the embedded default's writer.
const rawBuilder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export interface OutgoingMail {
  to: string;
  content: MailContent;
  /** The link the mail carries, printed in the log by the file default (never over SMTP: it is a secret). */
  link?: string;
}

export type SentMail = { kind: 'smtp'; messageId: string } | { kind: 'file'; messageId: string; file: string };

export async function sendMail({ to, content, link }: OutgoingMail, config: MailConfig = mailConfig()): Promise<SentMail> {
  const message = { from: config.from, to, subject: content.subject, text: content.text, html: content.html };
  if (config.kind === 'smtp') {
    const info = await smtpTransport(config.smtpUrl).sendMail(message);
    return { kind: 'smtp', messageId: info.messageId };
  }
  const info = await rawBuilder.sendMail(message);
  mkdirSync(config.dir, { recursive: true });
  // Sortable by time, unique within the millisecond.
  const file = path.join(config.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
  writeFileSync(file, info.message as Buffer, { mode: 0o600 });
  console.log(`[mail] to ${to}: "${content.subject}"${link ? ` ${link}` : ''} (saved as ${file})`);
  return { kind: 'file', messageId: info.messageId, file };
}
