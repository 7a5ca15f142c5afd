/**
 * The class analytics decode what they read (issue 18): a multiple-choice card whose stored payload
 * is not a card payload fails with the query and the field named, instead of travelling on under a
 * cast (`JSON.parse(payload) as …`) until something far away breaks. A good payload gives its options.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { cards } from '@/db/schema';
import { itemQuizFacts } from '@/db/queries/assignment-facts';
import { createAssignment } from '@/db/queries/assignments';
import { createClass } from '@/db/queries/classes';
import { exec, makeUser } from '../support/fixtures';
import { DAY, makeTinyDeck, type TinyDeck } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T00:00:00Z');
let scope: { assignmentId: number; classId: number };
let card: TinyDeck;

beforeAll(async () => {
  const instructor = await makeUser('instructor');
  card = await makeTinyDeck('decode');
  const classId = await createClass(instructor.id, { name: 'Decode', timeZone: 'UTC' }, new Date(T0));
  const made = await createAssignment(instructor.id, classId, { deckId: 'decode', sectionKeys: null, dueAt: T0 + 7 * DAY, goalQuizScore: null, goalRecall: null }, new Date(T0));
  if (!('id' in made)) throw new Error(made.error);
  scope = { assignmentId: made.id, classId };
});

describe('itemQuizFacts', () => {
  it('names each multiple-choice card’s options from its decoded payload', async () => {
    const { optionTexts } = await itemQuizFacts(scope);
    expect(optionTexts.get(card.c2)).toEqual(['c2 option 0', 'c2 option 1', 'c2 option 2']);
    expect([...optionTexts.keys()].sort((a, b) => a - b)).toEqual([card.c2, card.c5]);
  });

  it.each([
    ['options that are not a list', { type: 'mcq', question: 'q', options: 'oops' }],
    ['an option without its text', { type: 'mcq', question: 'q', options: [{ correct: true, explanation: '' }] }],
    ['no type at all', { options: [] }],
  ])('refuses a payload with %s, naming the field', async (_name, payload) => {
    const f = (await engine()).fragments;
    await exec(sql`UPDATE ${cards} SET ${bare(cards.payload)} = ${f.json(payload)} WHERE ${cards.id} = ${card.c5}`);
    await expect(itemQuizFacts(scope)).rejects.toThrow(/does not decode: payload: unexpected JSON/);
  });
});
