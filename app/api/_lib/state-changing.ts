/**
 * The one wrapper for route handlers that change state (the actions have app/_lib/action.ts):
 * the request must come from our own origin (403), carry exactly `application/json` (415) and a
 * session (401), before the handler reads its body (capped as a stream by readJson, 413).
 */
import 'server-only';
import { currentUser } from '@/app/_lib/session';
import { isExactlyJson, jsonError } from './json';
import { requestOrigin } from './same-origin';

interface Options {
  /** What a signed-out caller is told. */
  signedOut: string;
}

export function stateChangingRoute(options: Options, handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    if (requestOrigin(request) !== 'same-origin') return jsonError(403, 'This request must come from the app itself.');
    if (!isExactlyJson(request.headers.get('content-type'))) return jsonError(415, 'Send JSON (content-type: application/json).');
    if (!(await currentUser())) return jsonError(401, options.signedOut);
    return handler(request);
  };
}
