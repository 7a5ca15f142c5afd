import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addressWarning, clientAddress, pickClientAddress, socketAddressesKnown, trustedHops, type RequestFacts } from '@/lib/auth/client-address';

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

describe('clientAddress, with and without scripts/serve.mjs', () => {
  const KEY = Symbol.for('recall.requestFacts');
  const slot = globalThis as Record<symbol, unknown>;
  const forged = new Headers({ 'x-forwarded-for': '203.0.113.7' });
  afterEach(() => {
    delete slot[KEY];
    vi.unstubAllEnvs();
  });

  it('uses the socket address serve.mjs keeps for the request, not a forged header', () => {
    const store = new AsyncLocalStorage<RequestFacts>();
    slot[KEY] = store;
    expect(socketAddressesKnown()).toBe(true);
    expect(store.run({ socketAddress: '127.0.0.9' }, () => clientAddress(forged))).toBe('127.0.0.9');
    expect(store.run({ socketAddress: '::1' }, () => clientAddress(undefined))).toBe('::1');
  });

  it('without the store and without TRUST_PROXY: one shared bucket, whatever the header says', () => {
    vi.stubEnv('TRUST_PROXY', '');
    expect(socketAddressesKnown()).toBe(false);
    expect(clientAddress(forged)).toBe('unknown');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBe('unknown');
    expect(clientAddress(undefined)).toBe('unknown');
  });

  it("without the store but with TRUST_PROXY=1: the proxy's entry, else the shared bucket", () => {
    vi.stubEnv('TRUST_PROXY', '1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'forged, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddress(new Headers())).toBe('unknown');
  });

  it('warns at start exactly when clients cannot be told apart', () => {
    expect(addressWarning(false, 0)).toMatch(/shares one sign-in and sign-up throttle/);
    expect(addressWarning(true, 0)).toBeNull();
    expect(addressWarning(false, 1)).toBeNull();
  });
});
