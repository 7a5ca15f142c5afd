/**
 * The proxy's model of React's reply format (lib/security/action-reply.ts) against the real
 * decoder, run as Next.js runs it for a multipart fetch action (busboy into decodeReplyFromBusboy,
 * tests/support/decode-reply.mjs): whatever the model lets through decodes, and every hostile body
 * it refuses is one the decoder fails on or one the model refuses on purpose (cycles, a part sent
 * twice, kinds no action of ours takes).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOSTILE_REPLIES, SOUND_REPLIES } from '@/tests/fixtures/action-replies';

function decodeWithReact(replies: unknown[]): string[] {
  const out = execFileSync(process.execPath, ['--conditions=react-server', 'tests/support/decode-reply.mjs'], {
    input: JSON.stringify(replies),
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return JSON.parse(out.toString()) as string[];
}

describe("React's decoder agrees with the proxy", () => {
  it('decodes every reply the proxy lets through', () => {
    expect(decodeWithReact(SOUND_REPLIES.map(([, fields]) => fields))).toEqual(SOUND_REPLIES.map(() => 'ok'));
  });

  it('fails on the hostile replies, except those the proxy refuses by choice', () => {
    const results = decodeWithReact(HOSTILE_REPLIES.map(([, fields]) => fields));
    const decoded = HOSTILE_REPLIES.filter((_, i) => results[i] === 'ok').map(([label]) => label);
    expect(decoded).toEqual(['a self-reference', 'a path to its own ancestor', 'a cycle between parts', 'a temporary reference', 'a stream', 'the same part twice']);
  });
});
