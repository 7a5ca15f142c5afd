/** Demo accounts created on a fresh default database so the app can be tried at once. */
import type { Db } from './connection';
import { countUsers, createUser } from './admin/users';

export const DEMO_ACCOUNTS = [
  { role: 'student', name: 'Sam Student', email: 'student@demo.test', password: 'demo-student-pass' },
  { role: 'instructor', name: 'Iris Instructor', email: 'instructor@demo.test', password: 'demo-instructor-pass' },
] as const;

/** Creates the demo accounts when the database has no users; returns whether it did. */
export async function ensureDemoUsers(db: Db): Promise<boolean> {
  if (countUsers(db) > 0) return false;
  for (const account of DEMO_ACCOUNTS) await createUser(db, account);
  return true;
}
