import { describe, expect, it } from 'vitest';
import { pathDecodes, plausibleActionId, plausibleMultipartActionBody, plausibleTextActionBody, sameHost } from '@/lib/security/request-shape';

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
    ['["$K1"]', false],
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
