import { describe, expect, it } from 'vitest';
import { HOSTILE_FORM_POSTS, HOSTILE_REPLIES, SOUND_FORM_POSTS, SOUND_REPLIES, type ReplyField } from '@/tests/fixtures/action-replies';
import { addressHoldsNul, pathDecodes, plausibleActionId, plausibleMultipartActionBody, plausibleMultipartFormPost, plausibleTextActionBody, sameHost } from '@/lib/security/request-shape';

describe('what the proxy refuses before Next.js answers 500', () => {
  it.each([
    ['/quiz/war-for-peace', true],
    ['/decks/caf%C3%A9/notes', true],
    ['/quiz/%E0%A4%A', false],
    ['/quiz/attempt/%ZZ', false],
    ['/join/%FF', false],
    ['/%', false],
  ])('path %s decodes: %s', (path, ok) => expect(pathDecodes(path)).toBe(ok));

  it.each([
    ['/decks/war-for-peace/notes', '', false],
    ['/join/ABCD%00EF', '', true],
    ['/decks/a%00/notes', '', true],
    ['/today', '?tab=%00', true],
    ['/today', '?x%00=1', true],
    ['/today', '?tab=cards&sort=due', false],
    ['/quiz/%ZZ', '', false], // malformed, not NUL: pathDecodes' business
    ['/search', '?q=%2500', false], // an escaped percent sign followed by 00 is text, not NUL
  ])('%s%s holds a NUL: %s', (path, search, nul) => expect(addressHoldsNul(path, search)).toBe(nul));

  it.each([
    ['60c8654eb20e20c53b9ac317270577888905ee7589', true],
    ['a'.repeat(42), true],
    ['', false],
    ['not-an-id', false],
    ['x'.repeat(5000), false],
    ['60c8654eb20e20c53b9ac3172705778889\r\n', false],
  ])('action id %j plausible: %s', (id, ok) => expect(plausibleActionId(id)).toBe(ok));

  it.each([
    ['[{},42]', true],
    ['[null,{"classId":"3","name":"A"}]', true],
    ['["$undefined", "$D2026-01-01T00:00:00.000Z", "$n12", "$$dollar", "$NaN"]', true],
    ['not json', false],
    ['[{"$":1}', false],
    ['["$Q1"]', false],
    ['[{"a":"$@1"}]', false],
    ['["$K1"]', true], // an empty form: the action refuses it itself
    ['', false],
  ])('text action body %j plausible: %s', (body, ok) => expect(plausibleTextActionBody(body)).toBe(ok));

  it('multipart action bodies need JSON in their numbered fields', () => {
    expect(plausibleMultipartActionBody([['0', '["$K1"]'], ['1_name', 'Ada'], ['$ACTION_ID_abc', '']])).toBe(true);
    expect(plausibleMultipartActionBody([['0', '{broken']])).toBe(false);
    expect(plausibleMultipartActionBody([['1', 'plain text']])).toBe(false);
  });

  it.each([
    [null, 'app.example', true],
    ['https://app.example', 'app.example', true],
    ['http://localhost:3230', 'localhost:3230', true],
    ['http://localhost:3237', 'localhost:3230', false],
    ['https://sub.app.example', 'app.example', false],
    ['null', 'app.example', false],
    ['https://app.example', null, false],
  ])('Origin %j to host %j is same-host: %s', (origin, host, ok) => expect(sameHost(origin, host)).toBe(ok));
});

describe('multipart action bodies: every reference resolves to a part of the right kind', () => {
  const asFields = (fields: ReplyField[]): Array<[string, unknown]> =>
    fields.map(([name, value]) => [name, typeof value === 'string' ? value : new Blob([value.file])]);
  it.each(HOSTILE_REPLIES)('refuses %s', (_label, fields) => expect(plausibleMultipartActionBody(asFields(fields))).toBe(false));
  it.each(SOUND_REPLIES)('lets %s through', (_label, fields) => expect(plausibleMultipartActionBody(asFields(fields))).toBe(true));
  it('walks each part once, so a chain of parts each referenced twice stays cheap', () => {
    const chain: Array<[string, unknown]> = Array.from({ length: 999 }, (_, i) => [String(999 - i), i === 0 ? '1' : `["$${(1000 - i).toString(16)}","$${(1000 - i).toString(16)}"]`]);
    const started = performance.now();
    expect(plausibleMultipartActionBody([...chain, ['0', '["$1","$1"]']])).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a body with more parts than any reply has', () => {
    const many: Array<[string, unknown]> = Array.from({ length: 1001 }, (_, i) => [String(i), '1']);
    expect(plausibleMultipartActionBody(many)).toBe(false);
  });
});

describe('forms posted without JavaScript: bound action arguments decode', () => {
  const asFields = (fields: ReplyField[]): Array<[string, unknown]> => fields.map(([name, value]) => [name, typeof value === 'string' ? value : new Blob([value.file])]);
  it.each(HOSTILE_FORM_POSTS)('refuses %s', (_label, fields) => expect(plausibleMultipartFormPost(asFields(fields))).toBe(false));
  it.each(SOUND_FORM_POSTS)('lets %s through', (_label, fields) => expect(plausibleMultipartFormPost(asFields(fields))).toBe(true));
});
