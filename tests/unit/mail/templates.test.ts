import { describe, expect, it } from 'vitest';
import { appLink, escapeHtml, invitationMail, passwordResetMail } from '@/lib/mail/templates';

describe('passwordResetMail', () => {
  const link = 'https://recall.example.edu/reset-password?token=abc&x=1';
  const mail = passwordResetMail({ name: 'Zoë "Z" <O\'Neil>', link, validMinutes: 60 });

  it('names the app and says what to do, in text and HTML', () => {
    expect(mail.subject).toBe('Reset your Recall password');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('for 60 minutes');
    expect(mail.text).toContain('signs you out on every device');
    expect(mail.html).toContain('Recall');
    expect(mail.html).toContain('href="https://recall.example.edu/reset-password?token=abc&amp;x=1"');
  });

  it('escapes the name in HTML only', () => {
    expect(mail.text).toContain('Hello Zoë "Z" <O\'Neil>,');
    expect(mail.html).toContain('Hello Zoë &quot;Z&quot; &lt;O&#39;Neil&gt;,');
  });

  it('says "1 minute" in the singular', () => {
    expect(passwordResetMail({ name: 'A', link, validMinutes: 1 }).text).toContain('for 1 minute.');
  });
});

describe('appLink and escapeHtml', () => {
  it.each([
    ['https://a.example', '/reset-password', 'https://a.example/reset-password?token=t%2B%2F'],
    ['https://a.example/', 'reset-password', 'https://a.example/reset-password?token=t%2B%2F'],
    ['https://a.example/recall', '/reset-password', 'https://a.example/recall/reset-password?token=t%2B%2F'],
  ])('%s + %s', (base, path, expected) => {
    expect(appLink(base, path, { token: 't+/' })).toBe(expected);
  });
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('invitationMail', () => {
  const link = 'https://recall.example.edu/invite?token=abc';
  it.each([
    ['Ann <Lee>', 'Hello Ann <Lee>,', 'Hello Ann &lt;Lee&gt;,'],
    [null, 'Hello,', 'Hello,'],
  ])('greets %s, names class and instructor, says how long the link works', (name, textGreeting, htmlGreeting) => {
    const mail = invitationMail({ name, className: 'History & <Peace>', instructorName: 'Iris', link, validDays: 14 });
    expect(mail.subject).toBe('Iris invites you to History & <Peace> on Recall');
    expect(mail.text).toContain(textGreeting);
    expect(mail.html).toContain(htmlGreeting);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('for 14 days, and only for this email address');
    expect(mail.html).toContain('History &amp; &lt;Peace&gt;');
    expect(mail.html).not.toContain('<Peace>');
  });
  it('says "1 day" in the singular', () => {
    expect(invitationMail({ name: null, className: 'C', instructorName: 'I', link, validDays: 1 }).text).toContain('for 1 day,');
  });
});
