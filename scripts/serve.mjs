// The production server (`npm start` runs it instead of `next start`): Next.js behind a plain
// node:http server, so that each request runs inside an AsyncLocalStorage holding the socket's
// peer address. Next.js passes no socket to route handlers, server actions or Auth.js, and its own
// `x-forwarded-for` keeps whatever the client sent; lib/auth/client-address.ts reads this store
// and applies TRUST_PROXY. Usage: node scripts/serve.mjs (PORT, HOST from the environment).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const store = new AsyncLocalStorage();
globalThis[Symbol.for('recall.requestFacts')] = store;

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
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
