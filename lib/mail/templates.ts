/**
 * The app's mail, as pure functions: data in, { subject, text, html } out. Short, plain words, the
 * app's name, one link. HTML is escaped here (names are user input); the text part says the same.
 */
export const MAIL_APP_NAME = 'Recall';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A link into the app: `path` (and query) against the configured public URL, never a request's Host. */
export function appLink(appUrl: string, path: string, query: Record<string, string> = {}): string {
  // Relative to the base, so an APP_URL with a path prefix (https://example.edu/recall) keeps it.
  const url = new URL(path.replace(/^\/+/, ''), appUrl.endsWith('/') ? appUrl : `${appUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The HTML part: paragraphs (already escaped), one button, the address spelled out, then small print. */
function layout(paragraphs: string[], link: { href: string; label: string }, smallPrint: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px">
<p style="margin:0 0 24px;font-weight:700;font-size:18px">${MAIL_APP_NAME}</p>
${body}
<p style="margin:0 0 24px"><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#2251cc;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52606d">If the button does not work, paste this address into your browser:<br>${escapeHtml(link.href)}</p>
<p style="margin:0;font-size:13px;color:#52606d">${smallPrint}</p>
</body></html>`;
}

export interface PasswordResetMailInput {
  name: string;
  link: string;
  validMinutes: number;
}

export function passwordResetMail({ name, link, validMinutes }: PasswordResetMailInput): MailContent {
  const valid = plural(validMinutes, 'minute', 'minutes');
  const subject = `Reset your ${MAIL_APP_NAME} password`;
  const smallPrint = `The link works once, for ${valid}. Choosing a new password signs you out on every device.`;
  const notYou = 'If you did not ask for this, ignore this mail: your password stays as it is.';
  const text = [
    `Hello ${name},`,
    '',
    `Someone asked to reset the password of your ${MAIL_APP_NAME} account. To choose a new one, open this link:`,
    '',
    link,
    '',
    smallPrint,
    notYou,
  ].join('\n');
  const html = layout(
    [
      `Hello ${escapeHtml(name)},`,
      `Someone asked to reset the password of your ${MAIL_APP_NAME} account. To choose a new one, open this link:`,
    ],
    { href: link, label: 'Choose a new password' },
    `${smallPrint} ${notYou}`,
  );
  return { subject, text, html };
}

export interface InvitationMailInput {
  /** The invited person's name when the roster gave one. */
  name: string | null;
  className: string;
  instructorName: string;
  link: string;
  validDays: number;
}

export function invitationMail({ name, className, instructorName, link, validDays }: InvitationMailInput): MailContent {
  const subject = `${instructorName} invites you to ${className} on ${MAIL_APP_NAME}`;
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const invite = `${instructorName} invites you to join the class “${className}” on ${MAIL_APP_NAME}, where you study the course readings with flashcards and quizzes.`;
  const how = 'Open this link to accept. If you have no account yet, you can create one there with this address.';
  const smallPrint = `The link works once, for ${plural(validDays, 'day', 'days')}, and only for this email address.`;
  const notYou = 'If you were not expecting this, ignore this mail.';
  const text = [greeting, '', invite, how, '', link, '', smallPrint, notYou].join('\n');
  const html = layout(
    [escapeHtml(greeting), escapeHtml(invite), escapeHtml(how)],
    { href: link, label: 'Accept the invitation' },
    `${smallPrint} ${notYou}`,
  );
  return { subject, text, html };
}

export interface VerificationMailInput {
  name: string;
  link: string;
  validHours: number;
}

/** Issue 17: the mail that proves an address belongs to whoever signed up with it. */
export function emailVerificationMail({ name, link, validHours }: VerificationMailInput): MailContent {
  const valid = plural(validHours, 'hour', 'hours');
  const subject = `Confirm your email for ${MAIL_APP_NAME}`;
  const smallPrint = `The link works once, for ${valid}. You can ask for a new one in Settings.`;
  const notYou = `If you did not sign up for ${MAIL_APP_NAME}, ignore this mail.`;
  const intro = `To confirm that this address is yours, and to be able to join classes, open this link:`;
  const text = [`Hello ${name},`, '', intro, '', link, '', smallPrint, notYou].join('\n');
  const html = layout([`Hello ${escapeHtml(name)},`, intro], { href: link, label: 'Confirm my email' }, `${smallPrint} ${notYou}`);
  return { subject, text, html };
}
