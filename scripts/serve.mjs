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

function tooLarge(req, res) {
  if (!res.headersSent) {
    res.writeHead(413, { 'content-type': 'text/plain', 'cache-control': 'no-store', connection: 'close' });
    res.end('Request body too large.');
  }
  // Stop reading: the rest of the body is not wanted.
  res.on('finish', () => req.destroy());
}

/** Counts a page request's body as the socket delivers it; past the cap, answers 413 and drops it. */
function capBody(req, res) {
  if (req.url?.startsWith('/api/') || req.method === 'GET' || req.method === 'HEAD') return true;
  if (Number(req.headers['content-length'] ?? 0) > MAX_PAGE_BODY) {
    tooLarge(req, res);
    return false;
  }
  let total = 0;
  const push = req.push.bind(req);
  req.push = (chunk, encoding) => {
    if (chunk) total += chunk.length;
    if (total > MAX_PAGE_BODY) {
      tooLarge(req, res);
      return false;
    }
    return push(chunk, encoding);
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
