import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/validation/callback-path';

// Each value as the page or action receives it (search params and form fields arrive decoded).
const hostile: [string, unknown][] = [
  ['an encoded tab before a second slash, as sent', '/%09/evil.host'],
  ['a tab before a second slash, decoded', '/\t/evil.host'],
  ['a leading tab', '/\tevil'],
  ['protocol-relative', '//evil'],
  ['protocol-relative with a path', '//evil.example/x'],
  ['backslash after the slash', '/\\evil'],
  ['two backslashes', '/\\\\evil'],
  ['an absolute URL', 'https://evil'],
  ['a scheme without slashes', 'javascript:alert(1)'],
  ['a data URL', 'data:text/html,hi'],
  ['no leading slash', 'evil.host/today'],
  ['non-ASCII', '/tödäy'],
  ['a full-width solidus', '/\uff0fevil'],
  ['a carriage return', '/today\r'],
  ['a line feed', '/today\nSet-Cookie: x=1'],
  ['CR LF, encoded', '/today%0d%0aSet-Cookie:%20x=1'],
  ['an encoded second slash', '/%2Fevil.host'],
  ['an encoded backslash', '/%5Cevil.host'],
  ['an encoded NUL', '/today%00'],
  ['an encoded C1 control', '/today%C2%85'],
  ['a malformed escape', '/today%E0%A4%A'],
  ['a space', '/ /evil.host'],
  ['an empty string', ''],
  ['only a slash and a dot-dot escape', '/..//evil'],
  ['back to sign-in (a loop)', '/signin?callbackUrl=/today'],
  ['back to sign-up', '/signup'],
  ['too long', `/${'a'.repeat(2100)}`],
  ['not a string', ['/today']],
  ['undefined', undefined],
  ['null', null],
];

const fine: [string, string][] = [
  ['/today', '/today'],
  ['/progress?x=1', '/progress?x=1'],
  ['/quiz/war-for-peace?sections=a%2Cb', '/quiz/war-for-peace?sections=a%2Cb'],
  ['/decks/war-for-peace/notes#section-2', '/decks/war-for-peace/notes#section-2'],
  ['/join/ABC123', '/join/ABC123'],
  ['/a/../settings', '/settings'],
  ['/search?q=caf%C3%A9', '/search?q=caf%C3%A9'],
];

describe('safeCallbackPath', () => {
  it.each(hostile)('refuses %s', (_name, value) => {
    expect(safeCallbackPath(value)).toBe('/today');
    expect(safeCallbackPath(value, '/teach')).toBe('/teach');
  });

  it.each(fine)('keeps %s', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});
