/**
 * The Content-Security-Policy headers. Pages get a fresh nonce per request from proxy.ts: Next.js
 * puts it on its own inline and chunk scripts, and 'strict-dynamic' trusts the chunks those load,
 * so no other script can run (an injected <script> has no nonce). Responses the proxy does not see
 * get a fixed policy from next.config.ts: the static offline page (inline scripts without a nonce,
 * no user data) and everything else (API JSON, the service worker, files).
 */

const COMMON = [
  "default-src 'self'",
  // React's style={{…}} props are style attributes: they need 'unsafe-inline' (styles cannot run code).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Policy for a dynamically rendered page carrying `nonce`. `dev` allows eval for React's dev tooling. */
export function pagePolicy(nonce: string, dev = false): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`, ...COMMON].join('; ');
}

/** Policy for the prerendered offline page, whose inline scripts cannot carry a per-request nonce. */
export function staticPagePolicy(dev = false): string {
  return [`script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`, ...COMMON].join('; ');
}

/** Policy for responses that are not pages (JSON, files): nothing may run or frame them. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Policy for the service worker script: it may fetch and import from this site only. */
export const WORKER_POLICY = "default-src 'self'; object-src 'none'";

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
