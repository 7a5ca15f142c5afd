/**
 * The one rule for "where to go after this" (sign-in, sign-up, any page or action taking a
 * callback): only a path on our own origin, written in printable ASCII, with no `//` or `\`
 * anywhere (browsers read `/\evil` and `//evil` as another host, and strip tabs and newlines, so
 * `/\t/evil` becomes `//evil`). Anything else falls back, never throws: a CR or LF here once made
 * the action answer 500 after the account had been created.
 */

// A stand-in for our own origin: the value is resolved against it and must stay on it.
const OWN_ORIGIN = 'https://recall.invalid';
const MAX_LENGTH = 2000;
// Printable ASCII without space: 0x21 ('!') to 0x7e ('~').
const PRINTABLE = /^[\x21-\x7e]+$/;
// Pages that would send the visitor straight back here.
const AUTH_PAGES = ['/signin', '/signup'];

// In the decoded form: control characters (C0, DEL, C1) and backslashes; other escapes are fine.
const DECODED_UNSAFE = /[\x00-\x1f\x7f-\x9f\\]/;

function looksSafe(value: string): boolean {
  return PRINTABLE.test(value) && value.startsWith('/') && !value.includes('//') && !value.includes('\\');
}

function decodesSafe(value: string): boolean {
  return !DECODED_UNSAFE.test(value) && !value.startsWith('//');
}

/** Decodes percent escapes once; null when they are malformed. */
function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Returns `raw` as a same-origin path (with its query and fragment), or `fallback`.
 * @example safeCallbackPath('/progress?x=1') // '/progress?x=1'
 * @example safeCallbackPath('/%09/evil.host') // '/today'
 */
export function safeCallbackPath(raw: unknown, fallback = '/today'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  // Checked as sent and once decoded, so an escaped tab, newline, slash or backslash is refused too.
  const decoded = decodedOnce(raw);
  if (decoded === null || !looksSafe(raw) || !decodesSafe(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  if (AUTH_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
