/**
 * Is a request from one of our own pages? Cookies go with cross-site requests a page elsewhere
 * makes (a sibling subdomain, another port of the same host), so a state-changing route must see
 * where the request came from. Browsers send `Origin` on every POST (fetch, forms, no-cors too)
 * and `Sec-Fetch-Site` on every request; a request with neither is refused: it is not from a
 * browser page of ours, and a script with the cookie can send `Origin` itself.
 */
import 'server-only';
import { trustedHops } from '@/lib/auth/client-address';

/** The host our pages are served from: APP_ORIGIN/AUTH_URL when set, else what the request was sent to. */
function ownHost(request: Request): string | null {
  const configured = process.env.APP_ORIGIN || process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).host;
    } catch {
      return null;
    }
  }
  // Behind trusted proxies the public host is the forwarded one; otherwise the client's Host header.
  const forwarded = trustedHops(process.env.TRUST_PROXY) > 0 ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || request.headers.get('host');
}

export type OriginVerdict = 'same-origin' | 'cross-origin' | 'unknown';

export function requestOrigin(request: Request): OriginVerdict {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return 'cross-origin';
  const origin = request.headers.get('origin');
  if (origin) {
    const host = ownHost(request);
    let sent: string;
    try {
      sent = new URL(origin).host;
    } catch {
      return 'cross-origin'; // includes the literal "null" of sandboxed frames
    }
    return host && sent === host ? 'same-origin' : 'cross-origin';
  }
  return fetchSite === 'same-origin' ? 'same-origin' : 'unknown';
}
