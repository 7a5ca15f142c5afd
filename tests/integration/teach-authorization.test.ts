/**
 * Every teaching action and the gradebook route refuse a signed-out visitor, a student and an
 * instructor of another class, and write nothing when they do. The session is stubbed; the
 * actions, queries and database are real.
 */
import { getTableColumns, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/app/_lib/session';
import {
  assignmentExtensions,
  assignments,
  cardReports,
  classes,
  classInstructors,
  classInvitations,
  enrollments,
  users as usersTable,
} from '@/db/schema';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock('next/server', () => ({ connection: async () => undefined }));
// The invitation link actions: a client address for their throttle, and no sign-in ever reached here.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.40' }) }));
vi.mock('@/auth', () => ({
  signIn: async () => {
    throw new Error('signIn reached: an invitation was spent');
  },
}));

const { engine } = await import('@/db/engine');
const teach = await import('@/app/(teach)/teach/actions');
const assignmentActions = await import('@/app/(teach)/teach/assignment-actions');
const staff = await import('@/app/(teach)/teach/class-staff-actions');
const { classForInstructor } = await import('@/db/queries/classes');
const { assignmentAnalyticsFor } = await import('@/db/queries/class-analytics');
const join = await import('@/app/(study)/join/actions');
const invitations = await import('@/app/(teach)/teach/invitation-actions');
const inviteLinks = await import('@/app/(auth)/invite-actions');
const { issueInvitations } = await import('@/db/queries/invitations');
const { acceptInvitation } = await import('@/db/queries/invitation-accept');
const { parseRoster } = await import('@/lib/teach/roster');
const reportDecisions = await import('@/app/(teach)/teach/decks/report-actions');
const { reportCard } = await import('@/db/queries/card-reports');
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
let invitationId: number;
let invitationToken: string;
let reportId: number;

function as(persona: Persona | 'owner') {
  session.user = persona === 'signed out' ? null : persona === 'owner' ? users.owner : persona === 'student' ? users.student : users.other;
}

/** Everything a teaching action could change, as one comparable value. */
async function snapshot() {
  const e = await engine();
  /** Every column of `table` (or those given), each under its schema name, in the order given. */
  const all = (table: SQLiteTable, orderBy: AnyColumn[], columns: Record<string, AnyColumn> = getTableColumns(table)) => {
    const list: SQL[] = Object.entries(columns).map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`);
    return e.all(sql`SELECT ${sql.join(list, sql`, `)} FROM ${table} ORDER BY ${sql.join(orderBy, sql`, `)}`, z.record(z.string(), z.unknown()));
  };
  return JSON.stringify([
    await all(classes, [classes.id]),
    await all(enrollments, [enrollments.classId, enrollments.userId]),
    await all(assignments, [assignments.id]),
    await all(classInvitations, [classInvitations.id]),
    await all(usersTable, [usersTable.id], { id: usersTable.id, email: usersTable.email }),
    await all(assignmentExtensions, [assignmentExtensions.assignmentId, assignmentExtensions.userId]),
    await all(classInstructors, [classInstructors.classId, classInstructors.userId]),
    await all(cardReports, [cardReports.id]),
  ]);
}

const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const later = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
const assignmentFields = { deckId: 'authz', scope: 'all', dueDate: future, dueTime: '12:00', goalQuizScore: '', goalRecallPercent: '' };

beforeAll(async () => {
  const owner = await makeUser('instructor');
  const student = await makeUser('student');
  const other = await makeUser('instructor');
  users = { owner, student, other } as typeof users;
  await makeTinyDeck('authz');
  classId = await createClass(owner.id, { name: 'Owned', timeZone: 'UTC' }, new Date());
  await enroll(classId, student.id, Date.now());
  const created = await createAssignment(owner.id, classId, { deckId: 'authz', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
  if (!('id' in created)) throw new Error('setup failed');
  assignmentId = created.id;
  const issued = await issueInvitations(owner.id, classId, parseRoster('invited@school.example'), new Date());
  if (!issued.ok || !issued.issued[0]) throw new Error('setup failed');
  invitationId = issued.issued[0].id;
  invitationToken = issued.issued[0].token;
  // A deck of the owner's, assigned to the class, with a student's open report on one of its cards.
  const owned = await makeTinyDeck('authz-owned', owner.id);
  const ownedAssignment = await createAssignment(owner.id, classId, { deckId: 'authz-owned', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
  if (!('id' in ownedAssignment)) throw new Error('setup failed');
  const report = await reportCard(student.id, { cardId: owned.c1, reason: 'typo', note: null, source: 'review' }, new Date());
  if (!report) throw new Error('setup failed: report');
  reportId = report.id;
});

beforeEach(async () => {
  session.user = null;
});

const actions: [string, () => Promise<{ ok: boolean }>][] = [
  ['renew the join code', () => teach.regenerateJoinCodeAction(null, { classId })],
  ['archive the class', () => teach.setArchivedAction(null, { classId, archived: 'true' })],
  ['remove a student', () => teach.removeStudentAction(null, { classId, userId: users.student.id })],
  ['create an assignment', () => assignmentActions.createAssignmentAction(null, { ...assignmentFields, classId })],
  ['edit an assignment', () => assignmentActions.updateAssignmentAction(null, { ...assignmentFields, assignmentId })],
  ['delete an assignment', () => assignmentActions.deleteAssignmentAction(null, { assignmentId })],
  ['preview a roster (read who is enrolled or invited)', () => invitations.previewRosterAction(null, { classId, roster: `invited@school.example\n${users.student.email}` })],
  ['send invitations', () => invitations.sendInvitationsAction(null, { classId, roster: 'someone@school.example' })],
  ['send an invitation again', () => invitations.resendInvitationAction(null, { classId, invitationId })],
  ['revoke an invitation', () => invitations.revokeInvitationAction(null, { classId, invitationId })],
  ['accept an invitation meant for another address', () => inviteLinks.acceptInvitationAction(null, { token: invitationToken })],
  ['give an extension', () => staff.grantExtensionAction(null, { assignmentId, userIds: [users.student.id], dueDate: later, dueTime: '12:00' })],
  ['remove an extension', () => staff.removeExtensionAction(null, { assignmentId, userId: users.student.id })],
  ['add a co-instructor', () => staff.addCoInstructorAction(null, { classId, email: users.other.email })],
  ['remove a co-instructor', () => staff.removeCoInstructorAction(null, { classId, userId: users.other.id })],
  ['answer a report on the deck', () => reportDecisions.handleReportAction(null, { reportId, decision: 'fixed', reply: 'Mine now' })],
];

describe.each<Persona>(['signed out', 'student', 'other instructor'])('as %s', (persona) => {
  it.each(actions)('cannot %s, and nothing is written', async (_name, run) => {
    as(persona);
    const before = await snapshot();
    const result = await run();
    expect(result.ok).toBe(false);
    expect(await snapshot()).toBe(before);
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
      const before = await snapshot();
      expect((await teach.createClassAction(null, { name: 'Mine now', timeZone: 'UTC' })).ok).toBe(false);
      expect(await snapshot()).toBe(before);
    }
  });

  it('a signed-out visitor cannot join a class', async () => {
    const row = await (await engine()).get(sql`SELECT ${classes.joinCode} AS "c" FROM ${classes} WHERE ${classes.id} = ${classId}`, z.object({ c: z.string() }));
    if (!row) throw new Error('the class is gone');
    const code = row.c;
    const before = await snapshot();
    expect((await join.joinClassAction(null, { code })).ok).toBe(false);
    expect((await join.findClassAction(null, { code })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('another instructor cannot assign into this class even with their own deck', async () => {
    await makeTinyDeck('others-deck', users.other.id);
    as('other instructor');
    const before = await snapshot();
    expect((await assignmentActions.createAssignmentAction(null, { ...assignmentFields, deckId: 'others-deck', classId })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('the owner cannot assign another instructor’s private deck', async () => {
    await makeTinyDeck('private-deck', users.other.id);
    as('owner');
    const before = await snapshot();
    const result = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, deckId: 'private-deck', classId });
    expect(result).toMatchObject({ ok: false, fieldErrors: { deckId: ['Choose one of your decks.'] } });
    expect(await snapshot()).toBe(before);
  });
});

describe('invitation tokens', () => {
  it('a guessed, truncated or foreign-shaped token opens nothing, and nothing is written', async () => {
    as('student');
    const before = await snapshot();
    const guesses = ['A'.repeat(43), invitationToken.slice(0, 42), `${invitationToken}x`, invitationToken.toUpperCase() === invitationToken ? 'b'.repeat(43) : invitationToken.toUpperCase()];
    for (const token of guesses) expect((await inviteLinks.acceptInvitationAction(null, { token })).ok).toBe(false);
    expect((await inviteLinks.signUpWithInvitationAction(null, { token: 'A'.repeat(43), name: 'X', password: 'a long fresh passphrase' })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('another instructor cannot revoke or resend by guessing the class id of their own class', async () => {
    as('other instructor');
    const theirs = await createClass(users.other.id, { name: 'Theirs', timeZone: 'UTC' }, new Date());
    const before = await snapshot();
    expect((await invitations.revokeInvitationAction(null, { classId: theirs, invitationId })).ok).toBe(false);
    expect((await invitations.resendInvitationAction(null, { classId: theirs, invitationId })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('the invited address alone can spend the token, once', async () => {
    const invited = await acceptInvitation(invitationToken, { id: users.student.id, email: users.student.email }, new Date());
    expect(invited).toMatchObject({ ok: false, reason: 'other-account' });
  });
});

describe('the student detail page (data layer)', () => {
  it('shows an enrolled student to the class’s instructor only', async () => {
    const at = new Date();
    expect((await studentDetailFor(users.owner.id, classId, users.student.id, at))?.student.userId).toBe(users.student.id);
    // Another instructor, the student themself, and a made-up class id see nothing.
    expect(await studentDetailFor(users.other.id, classId, users.student.id, at)).toBeUndefined();
    expect(await studentDetailFor(users.student.id, classId, users.student.id, at)).toBeUndefined();
    expect(await studentDetailFor(users.owner.id, classId + 1000, users.student.id, at)).toBeUndefined();
    // Someone not on this class's roster, even a student of the other instructor's class.
    const stranger = await makeUser('student');
    const otherClass = await createClass(users.other.id, { name: 'Theirs', timeZone: 'UTC' }, at);
    await enroll(otherClass, stranger.id, Date.now());
    expect(await studentDetailFor(users.owner.id, classId, stranger.id, at)).toBeUndefined();
    expect(await studentDetailFor(users.owner.id, otherClass, stranger.id, at)).toBeUndefined();
    expect((await studentDetailFor(users.other.id, otherClass, stranger.id, at))?.student.userId).toBe(stranger.id);
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
    expect(await reportDecisions.handleReportAction(null, { reportId, decision: 'fixed', reply: 'Corrected.' })).toMatchObject({ ok: true });
  });

  it('gets field errors, and no write, for bad assignment input', async () => {
    as('owner');
    const before = await snapshot();
    const past = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, dueDate: '2020-01-01', classId });
    expect(past).toMatchObject({ ok: false, fieldErrors: { dueDate: ['Choose a due date in the future.'] } });
    const noSections = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, scope: 'sections', classId });
    expect(noSections).toMatchObject({ ok: false, fieldErrors: { sectionKeys: ['Tick at least one section.'] } });
    const badSection = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, scope: 'sections', sectionKeys: ['nope'], classId });
    expect(badSection).toMatchObject({ ok: false, fieldErrors: { sectionKeys: ['Tick sections of the chosen deck.'] } });
    const badGoal = await assignmentActions.createAssignmentAction(null, { ...assignmentFields, goalQuizScore: '140', classId });
    expect(badGoal.ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });
});

describe('a co-instructor', () => {
  // Class A: owned by `owner`, co-taught by `co`; class B: owned by `other`. Each has a student and an assignment.
  let co: SessionUser;
  let late: SessionUser;
  let a: { classId: number; assignmentId: number; studentId: number };
  let b: { classId: number; assignmentId: number; studentId: number };

  async function classWithStudent(ownerId: number, name: string) {
    const id = await createClass(ownerId, { name, timeZone: 'UTC' }, new Date());
    const student = await makeUser('student');
    await enroll(id, student.id, Date.now());
    const made = await createAssignment(ownerId, id, { deckId: 'authz', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
    if (!('id' in made)) throw new Error('setup failed');
    return { classId: id, assignmentId: made.id, studentId: student.id };
  }

  /** Every read and write an instructor has on a class, as [name, run → allowed?]. */
  function rights(c: { classId: number; assignmentId: number; studentId: number }): [string, () => Promise<boolean>][] {
    const ok = (p: Promise<{ ok: boolean }>) => p.then((r) => r.ok);
    const redirects = (p: Promise<unknown>) => p.then(() => false, (e: Error) => e.message.startsWith('REDIRECT'));
    return [
      ['see the class', async () => await classForInstructor(session.user!.id, c.classId) !== undefined],
      ['see the analytics', async () => await assignmentAnalyticsFor(session.user!.id, c.classId, c.assignmentId, new Date()) !== undefined],
      ['download the gradebook', async () => (await GET(new Request('http://test/'), { params: Promise.resolve({ id: String(c.classId) }) })).status === 200],
      ['renew the join code', () => ok(teach.regenerateJoinCodeAction(null, { classId: c.classId }))],
      ['create an assignment', () => redirects(assignmentActions.createAssignmentAction(null, { ...assignmentFields, classId: c.classId }))],
      ['edit an assignment', () => redirects(assignmentActions.updateAssignmentAction(null, { ...assignmentFields, assignmentId: c.assignmentId }))],
      ['give an extension', () => ok(staff.grantExtensionAction(null, { assignmentId: c.assignmentId, userIds: [c.studentId], dueDate: later, dueTime: '12:00' }))],
      ['remove that extension', () => ok(staff.removeExtensionAction(null, { assignmentId: c.assignmentId, userId: c.studentId }))],
      ['remove a student', () => ok(teach.removeStudentAction(null, { classId: c.classId, userId: c.studentId }))],
      ['let them back in', () => ok(teach.letBackInAction(null, { classId: c.classId, userId: c.studentId }))],
      ['delete an assignment', () => redirects(assignmentActions.deleteAssignmentAction(null, { assignmentId: c.assignmentId }))],
    ];
  }

  beforeAll(async () => {
    co = await makeUser('instructor');
    late = await makeUser('instructor');
    a = await classWithStudent(users.owner.id, 'Co-taught A');
    b = await classWithStudent(users.other.id, 'Not theirs B');
    session.user = users.owner;
    expect(await staff.addCoInstructorAction(null, { classId: a.classId, email: co.email.toUpperCase() })).toMatchObject({ ok: true });
  });

  it('has no right in class B, and nothing is written', async () => {
    session.user = co;
    const before = await snapshot();
    for (const [name, run] of rights(b)) expect(await run(), name).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('has every right of an instructor in class A', async () => {
    session.user = co;
    for (const [name, run] of rights(a)) expect(await run(), name).toBe(true);
    // The last right deleted the assignment: give the class a new one for the tests below.
    const made = await createAssignment(users.owner.id, a.classId, { deckId: 'authz', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
    if (!('id' in made)) throw new Error('setup failed');
    a.assignmentId = made.id;
  });

  it('may add another instructor, but not archive the class or remove instructors (owner only)', async () => {
    session.user = co;
    expect(await staff.addCoInstructorAction(null, { classId: a.classId, email: late.email })).toMatchObject({ ok: true });
    const before = await snapshot();
    expect(await teach.setArchivedAction(null, { classId: a.classId, archived: 'true' })).toEqual({ ok: false, error: 'Only the instructor who created this class can archive it.' });
    expect(await staff.removeCoInstructorAction(null, { classId: a.classId, userId: late.id })).toEqual({
      ok: false,
      error: 'Only the instructor who created this class can remove co-instructors.',
    });
    expect(await snapshot()).toBe(before);
  });

  it('cannot be added twice, nor as a student, an unknown email or a student of the class', async () => {
    session.user = users.owner;
    const before = await snapshot();
    const found = await (await engine()).get(sql`SELECT ${usersTable.email} AS "email" FROM ${usersTable} WHERE ${usersTable.id} = ${a.studentId}`, z.object({ email: z.string() }));
    if (!found) throw new Error('the student is gone');
    const student = found.email;
    const cases: [Record<string, unknown>, string][] = [
      [{ classId: a.classId, email: co.email }, 'They already teach this class.'],
      [{ classId: a.classId, email: users.owner.email }, 'They already teach this class.'],
      [{ classId: a.classId, email: 'nobody@nowhere.test' }, 'Nobody has an account with that email. Ask them to sign up first.'],
      [{ classId: a.classId, email: users.student.email }, 'That account is not an instructor’s.'],
      [{ classId: a.classId, email: 'not an email' }, 'Please correct the highlighted fields.'],
      [{ classId: b.classId, email: co.email }, 'That class was not found.'],
    ];
    for (const [input, error] of cases) expect(await staff.addCoInstructorAction(null, input), JSON.stringify(input)).toMatchObject({ ok: false, error });
    expect(student).toContain('@');
    expect(await snapshot()).toBe(before);
  });

  it('gets field errors, and no write, for a bad extension', async () => {
    session.user = co;
    const before = await snapshot();
    const base = { assignmentId: a.assignmentId, userIds: [a.studentId], dueDate: later, dueTime: '12:00' };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tooFar = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    expect(await staff.grantExtensionAction(null, { ...base, dueDate: yesterday })).toMatchObject({ ok: false, fieldErrors: { dueDate: ['Choose a date after the assignment’s due date.'] } });
    expect(await staff.grantExtensionAction(null, { ...base, dueDate: tooFar })).toMatchObject({ ok: false, fieldErrors: { dueDate: ['Choose a date at most a year after the assignment’s due date.'] } });
    expect(await staff.grantExtensionAction(null, { ...base, dueDate: '2026-02-30' })).toMatchObject({ ok: false, fieldErrors: { dueDate: ['Choose a real date.'] } });
    expect(await staff.grantExtensionAction(null, { ...base, userIds: [] })).toMatchObject({ ok: false, fieldErrors: { userIds: ['Tick at least one student.'] } });
    expect(await staff.grantExtensionAction(null, { ...base, userIds: Array.from({ length: 1001 }, (_, i) => i + 1) })).toMatchObject({ ok: false });
    expect(await staff.grantExtensionAction(null, { ...base, userIds: [a.studentId, b.studentId] })).toMatchObject({ ok: false, fieldErrors: { userIds: ['Tick students of this class.'] } });
    expect(await snapshot()).toBe(before);
  });

  it('once removed by the owner, has no right in A on the next request', async () => {
    session.user = users.owner;
    expect(await staff.removeCoInstructorAction(null, { classId: a.classId, userId: co.id })).toMatchObject({ ok: true });
    session.user = co;
    const before = await snapshot();
    for (const [name, run] of rights(a)) expect(await run(), name).toBe(false);
    expect(await snapshot()).toBe(before);
  });
});
