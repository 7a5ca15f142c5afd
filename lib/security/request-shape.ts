/**
 * Checks the proxy makes before a request reaches Next.js, for inputs Next.js itself answers with
 * a 500: a path with a malformed percent escape, and a server-action id that cannot be one.
 * Pure functions of the request's parts.
 */
import { boundFormActionDecodes, replyDecodes } from './action-reply';

/** True when every percent escape in the path decodes (`/quiz/%E0%A4%A` does not). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the address holds a NUL character, in its path or its query (escaped as %00). No address
 * of ours has one, and PostgreSQL text cannot hold it: a deck id carrying one (/decks/x%00/notes) would
 * reach a query and fail there (a 500), where SQLite merely finds nothing.
 */
export function addressHoldsNul(pathname: string, search: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // a malformed escape: pathDecodes refuses it
  }
  if (path.includes('\u0000')) return true;
  for (const [key, value] of new URLSearchParams(search)) if (key.includes('\u0000') || value.includes('\u0000')) return true;
  return false;
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
 * (text/plain, the reply's only part) or as multipart fields whose numbered ones are JSON parts
 * that may reference each other. Next.js answers a payload it cannot decode with a 500, so the
 * proxy checks that it decodes first (lib/security/action-reply.ts).
 */

/** True when a text/plain action body is an argument list React can decode (it has no other parts). */
export function plausibleTextActionBody(text: string): boolean {
  return replyDecodes([['0', text]]);
}

/** True when a multipart action body decodes: JSON parts whose references all resolve. */
export function plausibleMultipartActionBody(fields: Iterable<[string, unknown]>): boolean {
  return replyDecodes(fields);
}

/** True when a multipart page post (a form sent without JavaScript) carries bound action arguments that decode. */
export function plausibleMultipartFormPost(fields: Iterable<[string, unknown]>): boolean {
  return boundFormActionDecodes(fields);
}
