/**
 * Small helpers shared by JSON route handlers: the exact media type, a body read as a stream with
 * a byte cap, and uniform errors. The cap counts the bytes as they arrive, so a chunked body (no
 * Content-Length) is refused with 413 once it passes the limit, without being buffered whole.
 */
import 'server-only';
import { parse as parseContentType } from 'content-type';
import { NextResponse } from 'next/server';

export const MAX_JSON_BYTES = 256 * 1024;

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * True for `application/json`, optionally with `charset=utf-8`, and nothing else: a no-cors page
 * elsewhere can send `text/plain; application/json`, which merely contains the words.
 */
export function isExactlyJson(header: string | null): boolean {
  if (!header) return false;
  try {
    const parsed = parseContentType(header);
    const charset = parsed.parameters.charset?.toLowerCase();
    return parsed.type === 'application/json' && (charset === undefined || charset === 'utf-8');
  } catch {
    return false;
  }
}

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; response: NextResponse };

const TOO_LARGE = () => jsonError(413, 'Request body too large.');

/** Reads the body up to `limit` bytes; past it, stops reading and answers 413. */
export async function readCappedBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return { ok: false, response: TOO_LARGE() };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return { ok: false, response: jsonError(400, 'The request body could not be read.') };
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: TOO_LARGE() };
    }
    chunks.push(next.value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Reads a JSON body of at most `limit` bytes; returns an error response instead of throwing. */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  if (!isExactlyJson(request.headers.get('content-type'))) {
    return { ok: false, response: jsonError(415, 'Send JSON (content-type: application/json).') };
  }
  const read = await readCappedBody(request, limit);
  if (!read.ok) return read;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
  // No NUL check here (actions refuse one in app/_lib/action.ts): a grade batch refuses bad entries one
  // by one, and its schemas (lib/validation/reviews.ts) keep NUL out of every string they accept.
  return { ok: true, body };
}
