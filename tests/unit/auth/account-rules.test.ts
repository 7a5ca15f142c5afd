// Issue 17: the words and switches of account deletion and email verification, as tables of cases.
import { describe, expect, it } from 'vitest';
import { describeBlockers, hasBlockers } from '@/lib/auth/account-deletion';
import { emailVerificationRequired } from '@/lib/auth/email-verification';
import { emailVerificationMail } from '@/lib/mail/templates';

describe('emailVerificationRequired', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', true],
    ['true', true],
    [' YES ', true],
    ['on', true],
  ])('REQUIRE_EMAIL_VERIFICATION=%j → %s', (value, expected) => {
    expect(emailVerificationRequired({ REQUIRE_EMAIL_VERIFICATION: value })).toBe(expected);
  });
});

describe('describeBlockers', () => {
  const c = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Class ${i + 1}` }));
  const d = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i + 1}`, title: `Deck ${i + 1}` }));
  it.each([
    [0, 0, []],
    [1, 0, ['Archive the class you teach first: “Class 1”.']],
    [2, 0, ['Archive the 2 classes you teach first: “Class 1”, “Class 2”.']],
    [0, 1, ['A deck you wrote needs a new owner first (ask your administrator to hand it over): “Deck 1”.']],
    [0, 3, ['3 decks you wrote need a new owner first (ask your administrator to hand them over): “Deck 1”, “Deck 2”, “Deck 3”.']],
  ])('%i classes, %i decks', (classes, decks, lines) => {
    const b = { classes: c(classes), decks: d(decks) };
    expect(describeBlockers(b)).toEqual(lines);
    expect(hasBlockers(b)).toBe(lines.length > 0);
  });
});

describe('emailVerificationMail', () => {
  it('names the app, escapes the name in HTML and carries the link in both parts', () => {
    const link = 'https://recall.example.edu/verify-email?token=abc';
    const mail = emailVerificationMail({ name: '<Ann>', link, validHours: 24 });
    expect(mail.subject).toBe('Confirm your email for Recall');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('for 24 hours');
    expect(mail.html).toContain('&lt;Ann&gt;');
    expect(mail.html).not.toContain('<Ann>');
    expect(emailVerificationMail({ name: 'A', link, validHours: 1 }).text).toContain('for 1 hour.');
  });
});
