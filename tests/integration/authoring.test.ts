import { getTableColumns, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import { assignments, cards, cardStates, classes, decks, enrollments } from '@/db/schema';
import { addSection, createDeck, deckForEditor, deckForExport, moveSection, updateDeckMeta } from '@/db/queries/authoring-decks';
import { AuthoringError, DeckNotFoundError } from '@/db/queries/authoring-edit';
import { importRows, previewImport, retireItem, saveItem } from '@/db/queries/authoring-items';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { emptyDraft, itemToDraft, type ItemDraft } from '@/lib/content/item-form';
import { loadRealDeck, makeUser } from '../support/fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (min: number) => new Date(T0.getTime() + min * 60_000);
type U = Awaited<ReturnType<typeof makeUser>>;

const cardRow = z.object({
  id: int,
  key: z.string(),
  itemId: z.string(),
  prompt: z.string(),
  payload: jsonText(z.record(z.string(), z.unknown())),
  retiredAt: int.nullable(),
  sectionId: int,
  position: int,
});
async function cardsOf(deckId: string) {
  const e = await engine();
  const c = cards;
  return e.all(
    sql`SELECT ${c.id} AS "id", ${c.key} AS "key", ${c.itemId} AS "itemId", ${c.prompt} AS "prompt", ${e.fragments.jsonText(c.payload)} AS "payload",
          ${c.retiredAt} AS "retiredAt", ${c.sectionId} AS "sectionId", ${c.position} AS "position"
        FROM ${c} WHERE ${c.deckId} = ${deckId} ORDER BY ${c.position}`,
    cardRow,
  );
}
const liveCards = async (deckId: string) => (await cardsOf(deckId)).filter((c) => c.retiredAt === null);
/** Every column of the card's state, under its schema name (undefined when there is none). */
async function stateOf(userId: number, cardId: number) {
  const columns = Object.entries(getTableColumns(cardStates)).map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`);
  return (await engine()).get(
    sql`SELECT ${sql.join(columns, sql`, `)} FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND ${cardStates.cardId} = ${cardId}`,
    z.record(z.string(), z.unknown()),
  );
}

const newDeck = async (user: U, title = 'Peacekeeping basics') =>
  createDeck(user, { title, author: 'Iris Instructor', sourceUrl: 'https://example.org/article', description: 'A deck for my class.', sectionTitle: 'Introduction', sectionNotes: '' }, T0);

const basic = (front: string, back: string): ItemDraft => ({ ...emptyDraft('basic', 'introduction'), front, back, evidenceParagraph: 'Introduction, ¶1' });

/** Lets `student` study `deckId` the way the app allows: the deck is assigned to a class they are in. */
async function enrol(instructor: U, student: U, deckId: string) {
  const e = await engine();
  const cls = await e.get(
    sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}) VALUES (${instructor.id}, 'Class', ${`J-${deckId}`})
        RETURNING ${classes.id} AS "id"`,
    z.object({ id: int }),
  );
  if (!cls) throw new Error('inserting a class returned no id');
  await e.run(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${cls.id}, ${student.id}, ${T0.getTime()})`);
  await e.run(
    sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}) VALUES (${cls.id}, ${deckId}, ${later(60 * 24 * 7).getTime()})`,
  );
}

/** Makes the database refuse a third card of `deckId` ("disk full"), with each engine's trigger; returns what undoes it. */
async function refuseThirdCard(deckId: string): Promise<() => Promise<void>> {
  const e = await engine();
  const deck = deckId.replace(/'/g, "''");
  if (e.kind === 'sqlite') {
    await e.run(
      sql.raw(`CREATE TEMP TRIGGER fail_third_card BEFORE INSERT ON cards
        WHEN NEW.deck_id = '${deck}' AND (SELECT count(*) FROM cards WHERE deck_id = '${deck}') >= 2
        BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
    );
    return async () => void (await e.run(sql.raw('DROP TRIGGER fail_third_card')));
  }
  await e.run(
    sql.raw(`CREATE FUNCTION fail_third_card() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.deck_id = '${deck}' AND (SELECT count(*) FROM cards WHERE deck_id = '${deck}') >= 2 THEN RAISE EXCEPTION 'disk full'; END IF;
        RETURN NEW;
      END $$`),
  );
  await e.run(sql.raw('CREATE TRIGGER fail_third_card BEFORE INSERT ON cards FOR EACH ROW EXECUTE FUNCTION fail_third_card()'));
  return async () => {
    await e.run(sql.raw('DROP TRIGGER fail_third_card ON cards'));
    await e.run(sql.raw('DROP FUNCTION fail_third_card()'));
  };
}

describe('authoring decks on a real database', () => {
  let iris: U;
  let otto: U;
  let sam: U;
  beforeAll(async () => {
    await loadRealDeck();
    [iris, otto, sam] = await Promise.all([makeUser('instructor'), makeUser('instructor'), makeUser('student')]);
  });

  it('creates a deck owned by the instructor, with a slug id and its first section', async () => {
    const id = await newDeck(iris);
    expect(id).toMatch(/^peacekeeping-basics-[a-z0-9]{5}$/);
    const row = await (await engine()).get(
      sql`SELECT ${decks.ownerId} AS "ownerId", ${decks.title} AS "title", ${decks.sourceUrl} AS "sourceUrl" FROM ${decks} WHERE ${decks.id} = ${id}`,
      z.object({ ownerId: int.nullable(), title: z.string(), sourceUrl: z.string().nullable() }),
    );
    expect(row).toEqual({ ownerId: iris.id, title: 'Peacekeeping basics', sourceUrl: 'https://example.org/article' });
    expect((await deckForEditor(iris, id))?.deck.sections).toEqual([{ id: 'introduction', title: 'Introduction', notes: '' }]);
    expect((await deckForEditor(iris, id))?.items).toEqual([]);
  });

  it('edits an item in place: same card id, and a student keeps their card state', async () => {
    const deckId = await newDeck(iris);
    await enrol(iris, sam, deckId);
    const item = await saveItem(iris, deckId, undefined, basic('Who chaired the CSTO?', 'Pashinyan'), T0);
    expect(item.id).toMatch(/^who-chaired-the-csto-[a-z0-9]{5}$/);
    const [card] = await liveCards(deckId);
    const outcome = await recordReview(sam.id, { cardId: card!.id, grade: 3, clientId: 'r1', reviewedAt: T0, durationMs: 1000, source: 'review' }, await studySettingsFor(sam.id), T0);
    expect(outcome.ok).toBe(true);
    const before = await stateOf(sam.id, card!.id);
    expect(before).toBeDefined();

    await saveItem(iris, deckId, item.id, { ...itemToDraft(item), back: 'Nikol Pashinyan, Armenian prime minister' }, later(5));
    const after = await liveCards(deckId);
    expect(after.map((c) => c.id)).toEqual([card!.id]);
    expect(after[0]!.payload).toMatchObject({ back: 'Nikol Pashinyan, Armenian prime minister' });
    expect(await stateOf(sam.id, card!.id)).toEqual(before);
    expect((await deckForEditor(iris, deckId))?.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('keeps cloze card ids per number and retires a number that was removed', async () => {
    const deckId = await newDeck(iris);
    const draft = { ...emptyDraft('cloze', 'introduction'), text: 'About {{c1::2,500}} troops arrived in {{c2::Kazakhstan}}.', evidenceParagraph: '¶1' };
    const item = await saveItem(iris, deckId, undefined, draft, T0);
    const [c1, c2] = await liveCards(deckId);
    expect([c1!.key, c2!.key]).toEqual([`${item.id}::c1`, `${item.id}::c2`]);
    await saveItem(iris, deckId, item.id, { ...draft, text: 'About {{c1::2,500}} troops arrived in Kazakhstan.' }, later(1));
    expect((await liveCards(deckId)).map((c) => c.id)).toEqual([c1!.id]);
    expect((await cardsOf(deckId)).find((c) => c.id === c2!.id)?.retiredAt).toBe(later(1).getTime());
  });

  it('refuses a typed item whose example answers the checker judges otherwise, and keeps the examples of one it agrees with', async () => {
    const deckId = await newDeck(iris);
    const typed: ItemDraft = { ...emptyDraft('typed', 'introduction'), question: 'How many troops arrived?', answers: '2,500', explanation: 'E', evidenceParagraph: '¶1', examplesAccept: 'about 2,500\n3,000', examplesReject: '2,500 troops' };
    let caught: unknown;
    try {
      await saveItem(iris, deckId, undefined, typed, T0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthoringError);
    expect((caught as AuthoringError).fieldErrors).toEqual({
      examplesAccept: ['Example “3,000” must be accepted, but the checker marks it wrong (accepted answers: 2,500)'],
      examplesReject: ['Example “2,500 troops” must be rejected, but the checker accepts it: Accepted as “2,500” (the same number).'],
    });
    expect(await cardsOf(deckId)).toEqual([]);
    const saved = await saveItem(iris, deckId, undefined, { ...typed, examplesAccept: 'about 2,500', examplesReject: '3,000' }, T0);
    expect(saved).toMatchObject({ examples: { accept: ['about 2,500'], reject: ['3,000'] } });
    expect((await cardsOf(deckId))[0]!.payload).toMatchObject({ examples: { accept: ['about 2,500'], reject: ['3,000'] } });
  });

  it('rejects an invalid item with field errors and writes nothing', async () => {
    const deckId = await newDeck(iris);
    const mcq = { ...emptyDraft('mcq', 'introduction'), question: 'Which?', evidenceParagraph: '¶1', options: ['a', 'b', 'c'].map((t) => ({ text: t, explanation: `why ${t}` })) };
    const attempt = () => saveItem(iris, deckId, undefined, mcq, T0);
    await expect(attempt()).rejects.toThrow(AuthoringError);
    try {
      await attempt();
    } catch (error) {
      expect((error as AuthoringError).fieldErrors).toEqual({ options: ['multiple choice needs exactly one correct option, found 0'] });
    }
    await expect(saveItem(iris, deckId, undefined, { ...basic('q', 'a'), section: 'nowhere' }, T0)).rejects.toThrow(AuthoringError);
    expect(await cardsOf(deckId)).toEqual([]);
    await saveItem(iris, deckId, undefined, { ...mcq, correctOption: 2 }, T0);
    expect(await liveCards(deckId)).toHaveLength(1);
  });

  it('does not let a saved item change type', async () => {
    const deckId = await newDeck(iris);
    const item = await saveItem(iris, deckId, undefined, basic('q', 'a'), T0);
    const asTyped = { ...itemToDraft(item), type: 'typed' as const, question: 'q', answers: 'a', explanation: 'e' };
    await expect(saveItem(iris, deckId, item.id, asTyped, later(1))).rejects.toThrow(
      expect.objectContaining({ fieldErrors: { type: ['The type of a saved item cannot change; add a new item instead.'] } }),
    );
    expect((await liveCards(deckId)).map((c) => c.itemId)).toEqual([item.id]);
  });

  it('deleting an item retires its cards and keeps progress', async () => {
    const deckId = await newDeck(iris);
    await enrol(iris, sam, deckId);
    const item = await saveItem(iris, deckId, undefined, basic('Delete me?', 'Yes'), T0);
    const [card] = await liveCards(deckId);
    await recordReview(sam.id, { cardId: card!.id, grade: 3, clientId: 'del-1', reviewedAt: T0, durationMs: 1, source: 'review' }, await studySettingsFor(sam.id), T0);
    await retireItem(iris, deckId, item.id, later(3));
    expect(await cardsOf(deckId)).toEqual([expect.objectContaining({ id: card!.id, retiredAt: later(3).getTime() })]);
    expect(await stateOf(sam.id, card!.id)).toBeDefined();
    expect((await deckForEditor(iris, deckId))?.items).toEqual([]);
    await expect(retireItem(iris, deckId, item.id, later(4))).rejects.toThrow(AuthoringError);
  });

  it('previews an import without writing, then imports only the valid rows', async () => {
    const deckId = await newDeck(iris);
    await saveItem(iris, deckId, undefined, basic('Already here?', 'yes'), T0);
    const tsv = 'When did troops arrive?\tJanuary 2022\n\tno front\nalready HERE?\tdup\nWho asked?\tTokayev\tcsto\tNowhere\n';
    const preview = await previewImport(iris, deckId, tsv);
    expect(preview.map((r) => [r.line, r.errors.length > 0])).toEqual([[1, false], [2, true], [3, true], [4, false]]);
    expect(preview[3]?.notes).toEqual(['unknown section "Nowhere": goes into "Introduction"']);
    expect(await liveCards(deckId)).toHaveLength(1);

    expect(await importRows(iris, deckId, tsv, later(1))).toEqual({ imported: 2, skipped: 2 });
    expect((await liveCards(deckId)).map((c) => c.prompt)).toEqual(['Already here?', 'When did troops arrive?', 'Who asked?']);
  });

  it('imports in one transaction: a failure on the last card leaves the deck as it was', async () => {
    const deckId = await newDeck(iris);
    const allowAgain = await refuseThirdCard(deckId);
    try {
      await expect(importRows(iris, deckId, 'a\t1\nb\t2\nc\t3\n', T0)).rejects.toThrow(/disk full/);
      expect(await cardsOf(deckId)).toEqual([]);
    } finally {
      await allowAgain();
    }
    expect((await importRows(iris, deckId, 'a\t1\nb\t2\nc\t3\n', T0)).imported).toBe(3);
  });

  it('refuses an import with no valid row', async () => {
    const deckId = await newDeck(iris);
    await expect(importRows(iris, deckId, '\tx\n', T0)).rejects.toThrow(/None of the rows/);
  });

  it('keeps sections in order and moves their items with them', async () => {
    const deckId = await newDeck(iris);
    const key = await addSection(iris, deckId, { title: 'Second part', notes: 'Notes.' }, T0);
    expect(await addSection(iris, deckId, { title: 'Second part', notes: '' }, T0)).toBe('second-part-2');
    const a = await saveItem(iris, deckId, undefined, { ...basic('In second?', 'yes'), section: key }, T0);
    const b = await saveItem(iris, deckId, undefined, basic('In first?', 'yes'), T0);
    expect((await deckForEditor(iris, deckId))?.items.map((i) => i.id)).toEqual([b.id, a.id]);
    await moveSection(iris, deckId, key, 'up', later(1));
    const moved = (await deckForEditor(iris, deckId))!;
    expect(moved.deck.sections.map((s) => s.id)).toEqual(['second-part', 'introduction', 'second-part-2']);
    expect(moved.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await liveCards(deckId)).map((c) => c.itemId)).toEqual([a.id, b.id]);
  });

  it('another instructor can neither read nor change the deck; both may export the shared deck', async () => {
    const deckId = await newDeck(iris);
    const item = await saveItem(iris, deckId, undefined, basic('Mine?', 'yes'), T0);
    expect(await deckForEditor(otto, deckId)).toBeNull();
    expect(await deckForExport(otto, deckId)).toBeNull();
    await expect(saveItem(otto, deckId, item.id, { ...itemToDraft(item), back: 'hijacked' }, T0)).rejects.toThrow(DeckNotFoundError);
    await expect(retireItem(otto, deckId, item.id, T0)).rejects.toThrow(DeckNotFoundError);
    await expect(updateDeckMeta(otto, deckId, { title: 'x', author: 'x', sourceUrl: 'https://x.org', description: 'x' }, T0)).rejects.toThrow(DeckNotFoundError);
    await expect(previewImport(otto, deckId, 'a\tb')).rejects.toThrow(DeckNotFoundError);
    await expect(importRows(otto, deckId, 'a\tb', T0)).rejects.toThrow(DeckNotFoundError);
    expect((await liveCards(deckId))[0]!.payload).toMatchObject({ back: 'yes' });
    expect((await deckForExport(otto, 'war-for-peace'))?.items.length).toBeGreaterThan(50);
    expect(await deckForEditor(otto, 'war-for-peace')).toBeNull();
    expect((await deckForExport(iris, deckId))?.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('leaves the shared deck alone when content is loaded again', async () => {
    const again = await loadRealDeck();
    expect(again[0]).toMatchObject({ inserted: 0, updated: 0, retired: 0 });
    expect(again[0]!.unchanged).toBeGreaterThan(100);
  });
});
