// Decodes server-action replies the way Next.js does for a multipart fetch action (run with
// `node --conditions=react-server`): the body streams through busboy into React's
// decodeReplyFromBusboy, so each part is decoded as it arrives. Reads [[name, value|{file}]...]
// lists as JSON on stdin and prints, per reply, "ok" or the decoder's error.
// For tests/unit/security/react-decoder.test.ts.
import { Readable } from 'node:stream';
import busboy from 'next/dist/compiled/busboy/index.js';
import server from 'next/dist/compiled/react-server-dom-webpack/server.node.js';

const { createTemporaryReferenceSet, decodeReplyFromBusboy } = server;

const BOUNDARY = 'recallzz';

function multipart(fields) {
  const parts = fields.map(([name, value]) =>
    typeof value === 'string'
      ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n${value.file}\r\n`,
  );
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

async function decode(fields) {
  const bb = busboy({ defParamCharset: 'utf8', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
  const decoded = decodeReplyFromBusboy(bb, {}, { temporaryReferences: createTemporaryReferenceSet() });
  Readable.from([Buffer.from(multipart(fields))]).pipe(bb);
  const args = await Promise.race([decoded, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000))]);
  // A promise argument of a missing part decodes, but rejected: as bad as a throw for an action.
  for (const arg of Array.isArray(args) ? args : []) if (arg && typeof arg.then === 'function') await arg;
  return 'ok';
}

let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const out = [];
  for (const fields of JSON.parse(input)) out.push(await decode(fields).catch((e) => String(e?.message ?? e)));
  process.stdout.write(JSON.stringify(out));
});
