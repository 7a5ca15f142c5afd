/**
 * Students' reports on cards (issue 16 item 4), through the real actions with a stubbed session:
 * who may report which card, one open report per student and card, the author's view and answer,
 * and the student reading that answer once.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/app/_lib/session';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cardReports as cr, classInstructors as ci, users } from '@/db/schema';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { reportCardAction, dismissReportNoticeAction } = await import('@/app/(study)/reports/actions');
const { handleReportAction } = await import('@/app/(teach)/teach/decks/report-actions');
const { handledReportsFor, openReportCounts, reportsForDeck } = await import('@/db/queries/card-reports');
const { createClass } = await import('@/db/queries/classes');
const { createAssignment } = await import('@/db/queries/assignments');
const { openSharedDeckReports } = await import('@/db/admin/shared-deck-reports');
const { engine } = await import('@/db/engine');
const { exec, makeUser } = await import('../support/fixtures');
const { enroll, makeTinyDeck } = await import('../support/teach-fixtures');
type TinyDeck = import('../support/teach-fixtures').TinyDeck;

let author: SessionUser;
let otherAuthor: SessionUser;
let student: SessionUser;
let outsider: SessionUser;
let cards: TinyDeck;
let privateCards: TinyDeck;
let sharedCards: TinyDeck;
let coInstructor: SessionUser;

const rows = async () =>
  (await engine()).all(
    sql`SELECT ${cr.id} AS "id", ${cr.userId} AS "userId", ${cr.cardId} AS "cardId", ${cr.reason} AS "reason", ${cr.note} AS "note", ${cr.source} AS "source",
          ${cr.status} AS "status", ${cr.reply} AS "reply"
        FROM ${cr} ORDER BY ${cr.id}`,
    z.object({ id: int, userId: int, cardId: int, reason: z.string(), note: z.string().nullable(), source: z.string(), status: z.string(), reply: z.string().nullable() }),
  );
/** Every column of every report, each under its schema name. */
const snapshot = async () => {
  const columns = Object.entries(getTableColumns(cr)).map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`);
  return JSON.stringify(await (await engine()).all(sql`SELECT ${sql.join(columns, sql`, `)} FROM ${cr} ORDER BY ${cr.id}`, z.record(z.string(), z.unknown())));
};

beforeAll(async () => {
  author = { ...(await makeUser('instructor')), sessionId: 's1' } as SessionUser;
  otherAuthor = { ...(await makeUser('instructor')), sessionId: 's2' } as SessionUser;
  student = { ...(await makeUser('student')), sessionId: 's3' } as SessionUser;
  outsider = { ...(await makeUser('student')), sessionId: 's4' } as SessionUser;
  await exec(sql`UPDATE ${users} SET ${bare(users.name)} = 'Sam Student' WHERE ${users.id} = ${student.id}`);
  cards = await makeTinyDeck('reported', author.id);
  privateCards = await makeTinyDeck('unassigned', author.id);
  sharedCards = await makeTinyDeck('shared-reading');
  coInstructor = { ...(await makeUser('instructor')), sessionId: 's5' } as SessionUser;
  const classId = await createClass(author.id, { name: 'Reports', timeZone: 'UTC' }, new Date());
  const made = await createAssignment(author.id, classId, { deckId: 'reported', sectionKeys: null, dueAt: Date.now() + 86_400_000, goalQuizScore: null, goalRecall: null }, new Date());
  if (!('id' in made)) throw new Error(made.error);
  await enroll(classId, student.id, Date.now());
  await exec(sql`INSERT INTO ${ci} (${bare(ci.classId)}, ${bare(ci.userId)}, ${bare(ci.addedAt)}) VALUES (${classId}, ${coInstructor.id}, 0)`);
});

beforeEach(async () => {
  session.user = null;
});

describe('reporting a card', () => {
  it('a student reports a card of an assigned deck; a second report updates the open one', async () => {
    session.user = student;
    expect(await reportCardAction(null, { cardId: cards.c1, reason: 'typo', note: 'teh', source: 'review' })).toMatchObject({ ok: true, data: { updated: false } });
    expect(await reportCardAction(null, { cardId: cards.c1, reason: 'wrong', note: 'Actually the date is wrong', source: 'quiz' })).toMatchObject({ ok: true, data: { updated: true } });
    expect((await rows()).filter((r) => r.cardId === cards.c1)).toEqual([
      expect.objectContaining({ userId: student.id, reason: 'wrong', note: 'Actually the date is wrong', source: 'quiz', status: 'open', reply: null }),
    ]);
  });

  it.each([
    ['a signed-out visitor', () => null, () => cards.c2],
    ['a student outside the class', () => outsider, () => cards.c2],
    ['a student, on an unassigned private deck', () => student, () => privateCards.c1],
    ['a student, on a card that does not exist', () => student, () => 987654],
  ])('%s cannot report, and nothing is written', async (_name, who, card) => {
    session.user = who();
    const before = await snapshot();
    expect((await reportCardAction(null, { cardId: card(), reason: 'typo', note: '', source: 'review' })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a note that is too long, with a field error and no write', async () => {
    session.user = student;
    const before = await snapshot();
    expect(await reportCardAction(null, { cardId: cards.c2, reason: 'other', note: 'x'.repeat(501), source: 'review' })).toMatchObject({ ok: false, fieldErrors: { note: ['Use at most 500 characters.'] } });
    expect(await snapshot()).toBe(before);
  });
});

describe('the author', () => {
  it('sees the reports of their deck and its open count; another instructor sees none', async () => {
    const mine = await reportsForDeck(author.id, 'reported');
    expect(mine).toEqual([expect.objectContaining({ cardId: cards.c1, itemId: 'c1', studentName: 'Sam Student', reason: 'wrong', status: 'open' })]);
    expect((await openReportCounts(author.id)).get('reported')).toBe(1);
    expect(await reportsForDeck(otherAuthor.id, 'reported')).toEqual([]);
    expect((await openReportCounts(otherAuthor.id)).size).toBe(0);
  });

  it('another instructor and the student cannot answer it; the author can, once', async () => {
    const [report] = await reportsForDeck(author.id, 'reported');
    const input = { reportId: report!.id, decision: 'fixed', reply: 'Corrected the date, thanks.' };
    for (const who of [otherAuthor, student, null]) {
      session.user = who;
      const before = await snapshot();
      expect((await handleReportAction(null, input)).ok).toBe(false);
      expect(await snapshot()).toBe(before);
    }
    session.user = author;
    expect(await handleReportAction(null, input)).toMatchObject({ ok: true });
    expect(await handleReportAction(null, { ...input, decision: 'dismissed' })).toMatchObject({ ok: false, error: 'This report is not open on one of your decks or from one of your students.' });
    expect((await reportsForDeck(author.id, 'reported'))[0]).toMatchObject({ status: 'fixed', reply: 'Corrected the date, thanks.' });
    expect((await openReportCounts(author.id)).get('reported')).toBeUndefined();
  });
});

describe('the student reads the answer', () => {
  it('once, until they dismiss it; nobody else can dismiss it; a new report on the card starts a new one', async () => {
    const [handled] = await handledReportsFor(student.id);
    expect(handled).toMatchObject({ status: 'fixed', reply: 'Corrected the date, thanks.', prompt: expect.any(String) });
    expect(await handledReportsFor(outsider.id)).toEqual([]);

    session.user = outsider;
    expect((await dismissReportNoticeAction(null, { reportId: handled!.id })).ok).toBe(false);
    session.user = student;
    expect(await dismissReportNoticeAction(null, { reportId: handled!.id })).toMatchObject({ ok: true });
    expect(await handledReportsFor(student.id)).toEqual([]);
    expect((await dismissReportNoticeAction(null, { reportId: handled!.id })).ok).toBe(false);

    expect(await reportCardAction(null, { cardId: cards.c1, reason: 'unclear', note: '', source: 'review' })).toMatchObject({ ok: true, data: { updated: false } });
    expect((await rows()).filter((r) => r.cardId === cards.c1).map((r) => r.status)).toEqual(['fixed', 'open']);
  });

  it('the database itself refuses a second open report for the same student and card', async () => {
    const insert = () =>
      exec(sql`INSERT INTO ${cr} (${bare(cr.cardId)}, ${bare(cr.userId)}, ${bare(cr.reason)}, ${bare(cr.source)}, ${bare(cr.status)}, ${bare(cr.createdAt)}, ${bare(cr.updatedAt)})
               VALUES (${cards.c1}, ${student.id}, 'typo', 'review', 'open', 0, 0)`);
    // SQLite: "UNIQUE constraint failed"; PostgreSQL: "duplicate key value violates unique constraint".
    await expect(insert()).rejects.toThrow(/UNIQUE constraint failed|violates unique constraint/);
  });
});

describe('a shared deck (no author in the app)', () => {
  it('the author of their own deck is told the author reads it', async () => {
    session.user = student;
    expect(await reportCardAction(null, { cardId: cards.c2, reason: 'typo', note: '', source: 'review' })).toMatchObject({ ok: true, data: { readBy: 'author' } });
  });

  it("a student's report reaches the instructors of their class (owner and co-instructor), not other instructors", async () => {
    session.user = student;
    expect(await reportCardAction(null, { cardId: sharedCards.c3, reason: 'wrong', note: 'It was false', source: 'quiz' })).toMatchObject({ ok: true, data: { readBy: 'instructors', updated: false } });
    for (const teacher of [author, coInstructor]) {
      expect(await reportsForDeck(teacher.id, 'shared-reading')).toEqual([expect.objectContaining({ cardId: sharedCards.c3, studentName: 'Sam Student', reason: 'wrong', status: 'open', repliedBy: null })]);
      expect((await openReportCounts(teacher.id)).get('shared-reading')).toBe(1);
    }
    expect(await reportsForDeck(otherAuthor.id, 'shared-reading')).toEqual([]);
    expect((await openReportCounts(otherAuthor.id)).get('shared-reading')).toBeUndefined();
  });

  it('a student in no class is told the maintainers read it; no instructor sees it, `npm run reports` lists it', async () => {
    session.user = outsider;
    expect(await reportCardAction(null, { cardId: sharedCards.c1, reason: 'other', note: 'Source link is dead', source: 'review' })).toMatchObject({ ok: true, data: { readBy: 'maintainers' } });
    for (const teacher of [author, coInstructor, otherAuthor]) {
      expect((await reportsForDeck(teacher.id, 'shared-reading')).map((r) => r.cardId)).not.toContain(sharedCards.c1);
    }
    const listed = await openSharedDeckReports(await engine());
    expect(listed.filter((r) => r.deckId === 'shared-reading').map((r) => [r.itemId, r.reason, r.note])).toEqual([
      ['c1', 'other', 'Source link is dead'],
      ['c3', 'wrong', 'It was false'],
    ]);
    // Reports on an authored deck are the author's, not the maintainers'.
    expect(listed.every((r) => r.deckId === 'shared-reading')).toBe(true);
  });

  it('another instructor cannot answer it; the co-instructor can, and the student reads who replied', async () => {
    const [report] = await reportsForDeck(author.id, 'shared-reading');
    const input = { reportId: report!.id, decision: 'dismissed', reply: 'It is true: see ¶3.' };
    session.user = otherAuthor;
    const before = await snapshot();
    expect((await handleReportAction(null, input)).ok).toBe(false);
    expect(await snapshot()).toBe(before);
    session.user = coInstructor;
    expect(await handleReportAction(null, input)).toMatchObject({ ok: true });
    expect((await reportsForDeck(author.id, 'shared-reading'))[0]).toMatchObject({ status: 'dismissed', reply: 'It is true: see ¶3.', repliedBy: coInstructor.name });
    expect((await handledReportsFor(student.id)).map((r) => r.reply)).toContain('It is true: see ¶3.');
    expect((await openSharedDeckReports(await engine())).map((r) => r.id)).not.toContain(report!.id);
  });
});
