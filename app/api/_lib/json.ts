/** Small helpers shared by JSON route handlers: bounded body parsing and uniform errors. */
import 'server-only';
import { NextResponse } from 'next/server';

export const MAX_JSON_BYTES = 256 * 1024;

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Reads a JSON body of at most `limit` bytes; returns an error response instead of throwing. */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  if (!request.headers.get('content-type')?.includes('application/json')) {
    return { ok: false, response: jsonError(415, 'Send JSON (content-type: application/json).') };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return { ok: false, response: jsonError(413, 'Request body too large.') };
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) return { ok: false, response: jsonError(413, 'Request body too large.') };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The body is not valid JSON.') };
  }
}
