/** The query flag sign-out adds to its redirect to /signin (shared by the action, the page and the service worker registration). */
export const SIGNED_OUT_PARAM = 'signedOut';

/** True when a URL's query says the visitor has just signed out. */
export function justSignedOut(search: string): boolean {
  return new URLSearchParams(search).get(SIGNED_OUT_PARAM) === '1';
}
