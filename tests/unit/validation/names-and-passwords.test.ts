import { describe, expect, it } from 'vitest';
import { changePasswordSchema, signUpSchema } from '@/lib/validation/auth';
import { deckMetaSchema, sectionSchema } from '@/lib/validation/authoring';
import { createClassSchema } from '@/lib/validation/teach';
import { UNSAFE_TEXT_MESSAGE } from '@/lib/validation/text';

const unsafe: [string, string][] = [
  ['NUL', 'Ada\u0000'],
  ['ESC (terminal colours)', '\u001b[31mAda'],
  ['a newline', 'Ada\nLovelace'],
  ['a C1 control', 'Ada\u0085'],
  ['right-to-left override', '\u202eecaLovelace'],
  ['left-to-right embedding', '\u202aAda'],
  ['pop directional formatting', 'Ada\u202c'],
  ['right-to-left isolate', '\u2067Ada'],
  ['pop directional isolate', 'Ada\u2069'],
];

const signUp = (name: string, password = 'a secure test phrase') => signUpSchema.safeParse({ name, email: 'ada@example.com', password });
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []));

describe('names and titles refuse control and text-direction characters', () => {
  it.each(unsafe)('refuses %s in a sign-up name, a class name, a deck title and author, and a section title', (_name, text) => {
    expect(messages(signUp(text))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(messages(createClassSchema.safeParse({ name: text, timeZone: 'UTC' }))).toContain(UNSAFE_TEXT_MESSAGE);
    const deck = { title: text, author: 'A', sourceUrl: 'https://example.org', description: 'd' };
    expect(messages(deckMetaSchema.safeParse(deck))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(messages(deckMetaSchema.safeParse({ ...deck, title: 'T', author: text }))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(messages(sectionSchema.safeParse({ deckId: 'a-deck', title: text, notes: '' }))).toContain(UNSAFE_TEXT_MESSAGE);
  });

  it('keeps names in any script, with accents, apostrophes and hyphens', () => {
    for (const name of ['Zoë O’Brien-Łukasz', 'محمد الأحمد', '李小龍', 'Ngũgĩ wa Thiong’o']) expect(signUp(name).success).toBe(true);
  });
});

describe('new passwords that are too easy to guess are refused with a clear message', () => {
  const weak = ['1234567890', 'password12', ' '.repeat(10), 'qwertyuiop', 'aaaaaaaaaa', 'Password123!'];
  it.each(weak)('refuses %j', (password) => {
    expect(messages(signUp('Ada', password))).toContain('This password is too easy to guess. Try a few unrelated words.');
    expect(changePasswordSchema.safeParse({ currentPassword: 'old one', newPassword: password, confirmPassword: password }).success).toBe(false);
  });
  it.each(['a secure test phrase', 'correct horse battery', 'demo-student-pass'])('accepts %j', (password) => {
    expect(signUp('Ada', password).success).toBe(true);
  });
});
