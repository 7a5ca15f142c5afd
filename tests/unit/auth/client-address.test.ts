import { describe, expect, it } from 'vitest';
import { pickClientAddress, trustedHops } from '@/lib/auth/client-address';

const SOCKET = '10.0.0.2';

describe('pickClientAddress', () => {
  const cases: [string, string | null, number, string][] = [
    ['no proxy: a forged header is ignored', '203.0.113.7', 0, SOCKET],
    ['no proxy: a rotating list is ignored', '198.51.100.1, 198.51.100.2', 0, SOCKET],
    ['one proxy: the entry it appended (the last)', 'forged, 203.0.113.7', 1, '203.0.113.7'],
    ['one proxy, client sent nothing', '203.0.113.7', 1, '203.0.113.7'],
    ['two proxies: second from the right', 'forged, 203.0.113.7, 10.1.1.1', 2, '203.0.113.7'],
    ['IPv6 from the proxy', 'forged, 2001:db8::1', 1, '2001:db8::1'],
    ['fewer entries than hops: the socket (the request skipped a proxy)', '203.0.113.7', 2, SOCKET],
    ['proxy set but no header: the socket', null, 1, SOCKET],
    ['junk where the address should be: the socket', 'a, <script>', 1, SOCKET],
    ['an overlong entry: the socket', `x, ${'1'.repeat(100)}`, 1, SOCKET],
  ];
  it.each(cases)('%s', (_name, forwardedFor, hops, expected) => {
    expect(pickClientAddress({ forwardedFor, socketAddress: SOCKET, hops })).toBe(expected);
  });

  it('says "unknown" without a socket address (next dev), never a client-chosen value', () => {
    expect(pickClientAddress({ forwardedFor: '203.0.113.7', socketAddress: undefined, hops: 0 })).toBe('unknown');
  });
});

describe('trustedHops', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['1', 1],
    [' 2 ', 2],
    ['true', 0],
    ['-1', 0],
    ['1.5', 0],
    ['99', 10],
  ] as const)('TRUST_PROXY=%j means %i hops', (raw, hops) => {
    expect(trustedHops(raw)).toBe(hops);
  });
});
