/**
 * The client's address, from a configured trust boundary. `X-Forwarded-For` is a list anyone can
 * start: only the entries appended by our own proxies are true. With `TRUST_PROXY=n` (the number
 * of proxies in front of the app) the address is the n-th entry from the right; without it the
 * header is ignored and the socket's peer address is used. The socket address comes from
 * scripts/serve.mjs, which runs each request inside an AsyncLocalStorage holding it (Next.js gives
 * route handlers, actions and Auth.js's authorize no socket). Without that server (a bare
 * `next start` or `next dev`) and without TRUST_PROXY, the address is "unknown": one shared bucket
 * for every client, never a client-chosen one (safe, if strict: a crowd behind the shared bucket
 * locks each other out sooner), and the server says so once at start (instrumentation.ts).
 */

/** What scripts/serve.mjs keeps for each request. */
export interface RequestFacts {
  socketAddress?: string;
}

const STORE_KEY = Symbol.for('recall.requestFacts');

interface Store {
  getStore(): RequestFacts | undefined;
}

/** The current request's facts, when the app runs under scripts/serve.mjs. */
export function requestFacts(): RequestFacts | undefined {
  const store = (globalThis as Record<symbol, Store | undefined>)[STORE_KEY];
  return store?.getStore();
}

/** True when scripts/serve.mjs runs this app, so each request's socket address is known. */
export function socketAddressesKnown(): boolean {
  return (globalThis as Record<symbol, Store | undefined>)[STORE_KEY] !== undefined;
}

/** The warning to log at start when throttles cannot tell clients apart, or null. */
export function addressWarning(socketKnown: boolean, hops: number): string | null {
  if (socketKnown) return null;
  if (hops > 0) return null; // the trusted proxy's X-Forwarded-For names each client
  return (
    'Client addresses are unknown: this server was not started with `npm start` (scripts/serve.mjs) and TRUST_PROXY is unset, ' +
    'so X-Forwarded-For is ignored and every client shares one sign-in and sign-up throttle.'
  );
}

/** Parses TRUST_PROXY: a whole number of hops from 0 to 10; anything else means "no proxy". */
export function trustedHops(raw: string | undefined): number {
  if (!raw || !/^\d{1,2}$/.test(raw.trim())) return 0;
  return Math.min(10, Number(raw.trim()));
}

export interface AddressInput {
  forwardedFor: string | null | undefined;
  socketAddress: string | undefined;
  hops: number;
}

/** Keeps an address short and printable, so it is safe as a throttle key. */
function clean(address: string | undefined): string | undefined {
  const value = address?.trim();
  return value && /^[0-9A-Za-z.:%_-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * @example pickClientAddress({ forwardedFor: 'spoofed, 203.0.113.7', socketAddress: '10.0.0.2', hops: 1 }) // '203.0.113.7'
 */
export function pickClientAddress({ forwardedFor, socketAddress, hops }: AddressInput): string {
  if (hops > 0) {
    const list = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    // Each trusted proxy appended the address it saw; the n-th from the right was added by the outermost one.
    const fromProxy = list.length >= hops ? clean(list[list.length - hops]) : undefined;
    if (fromProxy) return fromProxy;
  }
  return clean(socketAddress) ?? 'unknown';
}

/** The client address of the request being handled, by the rule above. */
export function clientAddress(headers: Headers | undefined): string {
  return pickClientAddress({
    forwardedFor: headers?.get('x-forwarded-for'),
    socketAddress: requestFacts()?.socketAddress,
    hops: trustedHops(process.env.TRUST_PROXY),
  });
}
