// The production server (`npm start` runs it instead of `next start`): Next.js behind a plain
// node:http server, so that each request runs inside an AsyncLocalStorage holding the socket's
// peer address. Next.js passes no socket to route handlers, server actions or Auth.js, and its own
// `x-forwarded-for` keeps whatever the client sent; lib/auth/client-address.ts reads this store
// and applies TRUST_PROXY. It also caps request bodies for pages and server actions: Next.js
// reads a page POST's whole body before the proxy's answer goes out, so a chunked body (no
// Content-Length for the proxy to judge) is counted here, as it arrives, and refused with 413 past
// the cap. Route handlers (/api) cap their own bodies as they read them (app/api/_lib/json.ts).
// Usage: node scripts/serve.mjs [--dev] (PORT, HOST from the environment); `npm run dev` passes
// --dev, so the development server knows client addresses too.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const store = new AsyncLocalStorage();
globalThis[Symbol.for('recall.requestFacts')] = store;

const dev = process.argv.includes('--dev');
const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

// The same cap as the proxy's MAX_ACTION_BODY and Next.js's serverActions.bodySizeLimit (1 MB).
const MAX_PAGE_BODY = 1024 * 1024;
// The largest body a route handler takes (app/api/_lib/json.ts MAX_JSON_BYTES).
const MAX_ROUTE_BODY = 256 * 1024;

// A body answered before it was all read (refused here, by the proxy, or by a route handler's own
// cap) is still read and dropped for a while ("lingering close", as nginx does): closing a socket
// while the client is still sending makes the kernel send a reset, and a reset can discard the
// answer before the client has read it (it then sees only ECONNRESET or EPIPE). Bounded in bytes
// and time, so a client that never stops sending is cut off.
const LINGER_MS = 5_000;
const LINGER_BYTES = 16 * MAX_PAGE_BODY;

/** From now on the rest of this request's body is read and thrown away, within the bounds above. */
function dropRest(req) {
  const socket = req.socket;
  if (socket.recallDropping) return;
  socket.recallDropping = true;
  let dropped = 0;
  req.push = (chunk) => {
    dropped += chunk?.length ?? 0;
    if (dropped > LINGER_BYTES) socket.destroy();
    return true;
  };
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Node's server ends a `connection: close` answer with socket.destroySoon(), which destroys the
 * socket once the answer is written, unread body or not: for a body not yet all read, half-close
 * instead, drop the rest, and let the client's own close (or the bounds) end the connection.
 */
function closeGently(req) {
  const socket = req.socket;
  socket.recallRequest = req; // a kept-alive socket carries one request at a time
  if (socket.recallDestroySoon) return;
  socket.recallDestroySoon = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (socket.recallRequest.complete) return socket.recallDestroySoon();
    dropRest(socket.recallRequest);
    socket.end();
  };
}

/** Answers 413 (unless an answer is already out) and drops the rest of the body. */
function refuseRest(req, res) {
  dropRest(req);
  if (res.headersSent) return;
  // Route handlers answer errors in JSON (app/api/_lib/json.ts); pages and actions in plain text.
  const json = req.url?.startsWith('/api/');
  res.writeHead(413, { 'content-type': json ? 'application/json' : 'text/plain', 'cache-control': 'no-store', connection: 'close' });
  res.end(json ? JSON.stringify({ error: 'Request body too large.' }) : 'Request body too large.');
}

/**
 * Counts a request's body as the socket delivers it; past the cap, answers 413 and drops it. Route
 * handlers cap their own bodies too (some lower), but one that stops reading makes Next.js destroy
 * the socket, a reset; counted here first, a body over the largest route cap never reaches them.
 */
function capBody(req, res) {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  closeGently(req);
  const cap = req.url?.startsWith('/api/') ? MAX_ROUTE_BODY : MAX_PAGE_BODY;
  if (Number(req.headers['content-length'] ?? 0) > cap) {
    refuseRest(req, res);
    return false;
  }
  let total = 0;
  const push = req.push.bind(req);
  req.push = (chunk, encoding) => {
    if (chunk) total += chunk.length;
    if (total <= cap) return push(chunk, encoding);
    refuseRest(req, res);
    return true;
  };
  return true;
}

const server = createServer((req, res) => {
  if (!capBody(req, res)) return;
  store.run({ socketAddress: req.socket.remoteAddress }, () => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error.');
    });
  });
});
server.listen(port, hostname, () => console.log(`> Ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
