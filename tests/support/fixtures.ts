/** Helpers for integration tests: users and the real deck in the test's SQLite file. */
import path from 'node:path';
import { db } from '@/db';
import { createUser } from '@/db/admin/users';
import { engine } from '@/db/engine';
import { loadContentDir } from '@/db/seed';
import type { Role } from '@/db/schema';

let counter = 0;

export async function makeUser(role: Role = 'student', timeZone = 'UTC') {
  counter += 1;
  const user = await createUser(db, { email: `user${counter}-${Date.now()}@test.example`, name: `User ${counter}`, password: 'integration-pass', role, timeZone });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** Loads content/ through the app's engine (the one the queries under test use). */
export async function loadRealDeck() {
  return loadContentDir(await engine(), path.resolve('content'), path.resolve('..', 'shared', 'source'));
}

export function cardIds(deckId = 'war-for-peace'): number[] {
  return (db.$client.prepare('SELECT id FROM cards WHERE deck_id = ? AND retired_at IS NULL ORDER BY position').all(deckId) as { id: number }[]).map((r) => r.id);
}
