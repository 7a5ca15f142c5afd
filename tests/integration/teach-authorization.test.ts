/**
 * Every teaching action and the gradebook route refuse a signed-out visitor, a student and an
 * instructor of another class, and write nothing when they do. The session is stubbed; the
 * actions, queries and database are real.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/app/_lib/session';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock('next/server', () => ({ connection: async () => undefined }));

const { db } = await import('@/db');
const teach = await import('@/app/(teach)/teach/actions');
const assignmentActions = await import('@/app/(teach)/teach/assignment-actions');
const join = await import('@/app/(study)/join/actions');
const { GET } = await import('@/app/(teach)/teach/classes/[id]/gradebook.csv/route');
const { createClass } = await import('@/db/queries/classes');
const { createAssignment } = await import('@/db/queries/assignments');
const { makeUser } = await import('../support/fixtures');
const { enroll, makeTinyDeck } = await import('../support/teach-fixtures');
const { studentDetailFor } = await import('@/db/queries/student-detail');

type Persona = 'signed out' | 'student' | 'other instructor';
let users: Record<'owner' | 'student' | 'other', SessionUser>;
let classId: number;
let assignmentId: number;

function as(persona: Persona | 'owner') {
  session.user = persona === 'signed out' ? null : persona === 'owner' ? users.owner : persona === 'student' ? users.student : users.other;
}

/** Everything a teaching action could change, as one comparable value. */
function snapshot() {
  const all = (sql: string) => db.$client.prepare(sql).all();
  return JSON.stringify([
    all('SELECT * FROM classes ORDER BY id'),
    all('SELECT * FROM enrollments ORDER BY class_id, user_id'),
    all('SELECT * FROM assignments ORDER BY id'),
  ]);
}

const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const assignmentFields = { deckId: 'authz', scope: 'all', dueDate: future, dueTime: '12:00', goalQuizScore: '', goalRecallPercent: '' };

beforeAll(async () => {
  const owner = await makeUser('instructor');
  const student = await makeUser('student');
  const other = await makeUser('instructor');
  users = { owner, student, other } as typeof users;
  makeTinyDeck('authz');
  classId = createClass(owner.id, { name: 'Owned', timeZone: 'UTC' }, new Date());
  enroll(classId, student.id, Date.now());
  const created = createAssignment(owner.id, classId, { deckId: 'authz', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
  if (!('id' in created)) throw new Error('setup failed');
  assignmentId = created.id;
});

beforeEach(() => {
  session.user = null;
});

const actions: [string, () => Promise<{ ok: boolean }>][] = [
  ['renew the join code', () => teach.regenerateJoinCodeAction(null, { classId })],
  ['archive the class', () => teach.setArchivedAction(null, { classId, archived: 'true' })],
  ['remove a student', () => teach.removeStudentAction(null, { classId, userId: users.student.id })],
  ['create an assignment', () => assignmentActions.createAssignmentAction(null, { ...assignmentFields, classId })],
  ['edit an assignment', () => assignmentActions.updateAssignmentAction(null, { ...assignmentFields, assignmentId })],
  ['delete an assignment', () => assignmentActions.deleteAssignmentAction(null, { assignmentId })],
];

describe.each<Persona>(['signed out', 'student', 'other instructor'])('as %s', (persona) => {
  it.each(actions)('cannot %s, and nothing is written', async (_name, run) => {
    as(persona);
    const before = snapshot();
    const result = await run();
    expect(result.ok).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it('cannot download the gradebook', async () => {
    as(persona);
    const response = await GET(new Request('http://test/'), { params: Promise.resolve({ id: String(classId) }) });
    expect(response.status).toBe({ 'signed out': 401, student: 403, 'other instructor': 404 }[persona]);
    expect(await response.text()).not.toContain(users.student.email);
  });
});

describe('refusals that depend on the persona', () => {
  it('a student and a signed-out visitor cannot create a class', async () => {
    for (const persona of ['signed out', 'student'] as const) {
      as(persona);
      const before = snapshot();
      expect((await teach.createClassAction(null, { name: 'Mine now', timeZone: 'UTC' })).ok).toBe(false);
      expect(snapshot()).toBe(before);
    }
  });

  it('a signed-out visitor cannot join a class', async () => {
    const code = (db.$client.prepare('SELECT join_code AS c FROM classes WHERE id = ?').get(classId) as { c: string }).c;
    const before = snapshot();
    expect((await join.joinClassAction(null, { code })).ok).toBe(false);
    expect((await join.findClassAction(null, { code })).ok).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it('another instructor cannot assign into this class even with their own deck', async () => {
    makeTinyDeck('others-deck', users.other.id);
    as('other instructor');
    const before = snapshot();
    expect((await assignmentActions.createAssignmentAction(null, { ...assignmentFields, deckId: 'others-deck', classId })).ok).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it('the owner cannot assign another instructor’s private deck', async () => {
    makeTinyDeck('private-deck', users.other.id);
    as('owner');
    const before = snapshot();
    const result = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, deckId: 'private-deck', classId });
    expect(result).toMatchObject({ ok: false, fieldErrors: { deckId: ['Choose one of your decks.'] } });
    expect(snapshot()).toBe(before);
  });
});

describe('the student detail page (data layer)', () => {
  it('shows an enrolled student to the class’s instructor only', async () => {
    const at = new Date();
    expect(studentDetailFor(users.owner.id, classId, users.student.id, at)?.student.userId).toBe(users.student.id);
    // Another instructor, the student themself, and a made-up class id see nothing.
    expect(studentDetailFor(users.other.id, classId, users.student.id, at)).toBeUndefined();
    expect(studentDetailFor(users.student.id, classId, users.student.id, at)).toBeUndefined();
    expect(studentDetailFor(users.owner.id, classId + 1000, users.student.id, at)).toBeUndefined();
    // Someone not on this class's roster, even a student of the other instructor's class.
    const stranger = await makeUser('student');
    const otherClass = createClass(users.other.id, { name: 'Theirs', timeZone: 'UTC' }, at);
    enroll(otherClass, stranger.id, Date.now());
    expect(studentDetailFor(users.owner.id, classId, stranger.id, at)).toBeUndefined();
    expect(studentDetailFor(users.owner.id, otherClass, stranger.id, at)).toBeUndefined();
    expect(studentDetailFor(users.other.id, otherClass, stranger.id, at)?.student.userId).toBe(stranger.id);
  });
});

describe('the owner', () => {
  it('can do each of these (so the refusals above are about who asks)', async () => {
    as('owner');
    expect(await teach.regenerateJoinCodeAction(null, { classId })).toMatchObject({ ok: true });
    const response = await GET(new Request('http://test/'), { params: Promise.resolve({ id: String(classId) }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(await response.text()).toContain(users.student.email);
    await expect(assignmentActions.createAssignmentAction(null, { ...assignmentFields, classId })).rejects.toThrow(`REDIRECT /teach/classes/${classId}`);
    expect(await teach.removeStudentAction(null, { classId, userId: users.student.id })).toMatchObject({ ok: true });
    expect(await teach.setArchivedAction(null, { classId, archived: 'true' })).toMatchObject({ ok: true });
    await expect(assignmentActions.deleteAssignmentAction(null, { assignmentId })).rejects.toThrow('REDIRECT');
  });

  it('gets field errors, and no write, for bad assignment input', async () => {
    as('owner');
    const before = snapshot();
    const past = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, dueDate: '2020-01-01', classId });
    expect(past).toMatchObject({ ok: false, fieldErrors: { dueDate: ['Choose a due date in the future.'] } });
    const noSections = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, scope: 'sections', classId });
    expect(noSections).toMatchObject({ ok: false, fieldErrors: { sectionKeys: ['Tick at least one section.'] } });
    const badSection = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, scope: 'sections', sectionKeys: ['nope'], classId });
    expect(badSection).toMatchObject({ ok: false, fieldErrors: { sectionKeys: ['Tick sections of the chosen deck.'] } });
    const badGoal = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, goalQuizScore: '140', classId });
    expect(badGoal.ok).toBe(false);
    expect(snapshot()).toBe(before);
  });
});
