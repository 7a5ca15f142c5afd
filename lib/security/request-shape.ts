/**
 * Checks the proxy makes before a request reaches Next.js, for inputs Next.js itself answers with
 * a 500: a path with a malformed percent escape, and a server-action id that cannot be one.
 * Pure functions of the request's parts.
 */

/** True when every percent escape in the path decodes (`/quiz/%E0%A4%A` does not). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Next.js action ids are hex digests (40 characters today; a little room either way).
const ACTION_ID = /^[0-9a-f]{32,128}$/i;

/** True when a `Next-Action` header could name an action. */
export function plausibleActionId(header: string): boolean {
  return ACTION_ID.test(header);
}

/** Same host for the `Origin` of a POST and the host it was sent to; absent Origin is left to Next.js. */
export function sameHost(origin: string | null, host: string | null): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/*
 * Server-action payloads. React encodes a fetch action's arguments either as one JSON text
 * (text/plain) or as multipart parts whose numbered fields are JSON; a string starting with `$`
 * is a tag. Next.js answers a payload it cannot decode with a 500, so the proxy checks the shape
 * first: a text body must be JSON whose `$` strings need no other part (there is none), and each
 * numbered multipart field must be JSON. Deeper checks (a dangling reference between multipart
 * parts) are left to Next.js.
 */
// Tags that decode on their own: undefined, infinities, NaN, -0, an escaped "$", a date, a bigint.
const SELF_CONTAINED_TAG = /^\$(?:undefined|Infinity|-Infinity|NaN|-0|\$.*|D.*|n-?\d+)$/s;

function tagsSelfContained(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return !value.startsWith('$') || SELF_CONTAINED_TAG.test(value);
  if (Array.isArray(value)) return value.every((v) => tagsSelfContained(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((v) => tagsSelfContained(v, depth + 1));
  return true;
}

function parsesAsJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** True when a text/plain action body is an argument list React can decode without other parts. */
export function plausibleTextActionBody(text: string): boolean {
  const parsed = parsesAsJson(text);
  return parsed.ok && tagsSelfContained(parsed.value);
}

/** True when every numbered field of a multipart action body is JSON. */
export function plausibleMultipartActionBody(fields: Iterable<[string, unknown]>): boolean {
  for (const [name, value] of fields) {
    if (/^\d+$/.test(name) && (typeof value !== 'string' || !parsesAsJson(value).ok)) return false;
  }
  return true;
}
