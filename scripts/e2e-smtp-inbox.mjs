// The end-to-end tests' mail server: a real SMTP server (smtp-server) on 127.0.0.1 that the app
// under test sends to (SMTP_URL), keeping each message it receives, as the wire carried it, in
// data/e2e-inbox/<n>.eml. Tests read and parse those files (tests/e2e/mail.ts), so what they check
// went through nodemailer and SMTP, as in a deployment. Written to a temporary name, then renamed,
// so a reader never sees half a message.
import { SMTPServer } from 'smtp-server';
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const INBOX_DIR = 'data/e2e-inbox';

export async function startSmtpInbox() {
  rmSync(INBOX_DIR, { recursive: true, force: true });
  mkdirSync(INBOX_DIR, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const n = ++received;
      const partial = path.join(INBOX_DIR, `${n}.part`);
      const file = createWriteStream(partial);
      stream.pipe(file);
      file.on('finish', () => {
        renameSync(partial, path.join(INBOX_DIR, `${String(n).padStart(5, '0')}.eml`));
        callback();
      });
      file.on('error', (error) => callback(error));
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${server.server.address().port}`;
  // For a spec that starts a second app server (another configuration) sending to the same inbox.
  writeFileSync(path.join(INBOX_DIR, 'smtp-url'), url);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
