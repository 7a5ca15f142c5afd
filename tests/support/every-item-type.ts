// A small deck with every item type (lib/content/schema.ts ITEM_TYPES) and the awkward text a round
// trip must survive: commas, quotes, line breaks, leading = - + @ and apostrophes, tags, both kinds of
// evidence, a second section, typed example answers, the right option not first.
import type { DeckSectionRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';

export const ROUND_TRIP_SECTIONS: DeckSectionRecord[] = [
  { id: 'introduction', title: 'Introduction', notes: 'Why the CSTO went into Kazakhstan.' },
  { id: 'one-sided-support', title: 'One-Sided Support', notes: 'Whom Russian peacekeepers help.' },
];

export const ROUND_TRIP_ITEMS: Item[] = [
  {
    id: 'csto-request',
    type: 'basic',
    section: 'introduction',
    tags: ['csto', 'kazakhstan'],
    skill: 'recall',
    evidence: { quote: 'Tokayev asked the CSTO for help', paragraph: 'Introduction, ¶1' },
    front: 'Who asked the CSTO for help, and when?',
    back: '=Tokayev, "on January 5"',
    explanation: 'Line one.\nLine two, with a comma.',
  },
  {
    id: 'csto-members',
    type: 'cloze',
    section: 'introduction',
    tags: [],
    skill: 'recall',
    evidence: { paragraph: 'Introduction, ¶2' },
    text: 'The CSTO has {{c1::six}} members; its troops arrived in {{c2::January 2022}}.',
  },
  {
    id: 'peacekeeping-principle',
    type: 'mcq',
    section: 'one-sided-support',
    tags: ['principles'],
    skill: 'understanding',
    evidence: { quote: 'take one side' },
    question: 'Which principle do Russian peacekeepers break most often?',
    options: [
      { text: 'Consent of the parties', correct: false, explanation: 'Moscow was invited, so consent was not the problem.' },
      { text: "'-Use of force", correct: false, explanation: '-She mentions it, but not as the main charge.' },
      { text: 'Impartiality', correct: true, explanation: 'Right: "they take one side", she writes.' },
      { text: '+Mandate, limits', correct: false, explanation: '@Not discussed.' },
      { text: 'Transparency', correct: false, explanation: 'Not her point.' },
    ],
    explanation: 'Partiality is her main charge.',
  },
  {
    id: 'troops-left',
    type: 'truefalse',
    section: 'introduction',
    tags: [],
    skill: 'recall',
    evidence: { paragraph: 'Introduction, ¶4' },
    statement: 'The CSTO troops stayed in Kazakhstan for a year.',
    answer: false,
    explanation: 'They left within weeks.',
  },
  {
    id: 'troop-count',
    type: 'typed',
    section: 'one-sided-support',
    tags: ['numbers'],
    skill: 'recall',
    evidence: { paragraph: 'One-Sided Support, ¶2' },
    question: 'How many troops did the CSTO send?',
    answers: ['About 2,500', '2500'],
    examples: { accept: ['2,500'], reject: ['25'] },
    explanation: 'Roughly 2,500, mostly Russian.',
  },
  {
    id: 'deployment-steps',
    type: 'ordering',
    section: 'one-sided-support',
    tags: [],
    skill: 'understanding',
    evidence: { quote: 'asked', paragraph: 'Introduction' },
    prompt: 'Put the events in order.',
    steps: ['Protests begin', 'Tokayev asks for help', 'Troops arrive', 'Troops leave'],
    explanation: 'January 2 to January 19.',
  },
];
