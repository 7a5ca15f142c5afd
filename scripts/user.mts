/**
 * Account administration from the command line (instructors are made here, never by sign-up).
 *   npm run user -- create --email a@b.edu --name "Ada L." [--role instructor] [--password …]
 *   npm run user -- promote a@b.edu      (student → instructor; signs the user out everywhere)
 *   npm run user -- demote a@b.edu
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openEngine } from '../db/engine/open';
import { createUser, EmailTakenError, setRole } from '../db/admin/users';
import { emailField, newPasswordField } from '../lib/validation/auth';

const usage = `Usage:
  npm run user -- create --email EMAIL [--name NAME] [--role student|instructor] [--password PASSWORD]
  npm run user -- promote EMAIL
  npm run user -- demote EMAIL`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
});
const [command, arg] = positionals;
// DATABASE_URL chooses the engine as it does for the app (unset: the SQLite file).
const db = await openEngine();

if (command === 'create') {
  const generated = !values.password;
  const parsed = z
    .object({
      email: emailField,
      name: z.string().trim().min(1).max(80),
      role: z.enum(['student', 'instructor']),
      password: newPasswordField,
    })
    .safeParse({
      email: values.email,
      name: values.name ?? values.email?.split('@')[0],
      role: values.role ?? 'student',
      password: values.password ?? randomBytes(12).toString('base64url'),
    });
  if (!parsed.success) fail(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n\n${usage}`);
  try {
    const user = await createUser(db, parsed.data);
    console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    if (generated) console.log(`Password: ${parsed.data.password}`);
  } catch (error) {
    if (error instanceof EmailTakenError) fail(`${parsed.data.email} already has an account. To make it an instructor: npm run user -- promote ${parsed.data.email}`);
    throw error;
  }
} else if (command === 'promote' || command === 'demote') {
  if (!arg) fail(usage);
  const user = await setRole(db, arg, command === 'promote' ? 'instructor' : 'student');
  if (!user) fail(`No account with email ${arg}`);
  console.log(`${user.email} is now ${user.role === 'instructor' ? 'an instructor' : 'a student'}.`);
} else {
  fail(usage);
}
await db.close();
