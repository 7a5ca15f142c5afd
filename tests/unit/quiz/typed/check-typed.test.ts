/**
 * The typed-answer checker, rule by rule: tables of answers it must accept (and what it says it
 * accepted them as) and must reject, against the real accepted answers of the article's deck.
 */
import { describe, expect, it } from 'vitest';
import { checkTyped, type TypedRule } from '@/lib/quiz/typed/check-typed';
import { ITEMS, type ItemId } from './deck-items';

type Accept = [item: ItemId, answer: string, rule: TypedRule, acceptedAs?: string];
type Reject = [item: ItemId, answer: string];

function check(item: ItemId, answer: string) {
  const { question, answers } = ITEMS[item];
  return checkTyped(answer, answers, question);
}

function table(name: string, accept: Accept[], reject: Reject[]) {
  describe(name, () => {
    it.each(accept)('%s: accepts “%s” (%s)', (item, answer, rule, acceptedAs) => {
      const v = check(item, answer);
      expect(v.correct).toBe(true);
      expect(v.rule).toBe(rule);
      if (rule === 'exact') expect(v.acceptedAs).toBeUndefined();
      else expect(v.acceptedAs).toBe(acceptedAs ?? v.matched);
      if (acceptedAs) expect(v.acceptedAs).toBe(acceptedAs);
    });
    it.each(reject)('%s: rejects “%s”', (item, answer) => {
      expect(check(item, answer)).toEqual({ correct: false });
    });
  });
}

table(
  'numbers, units and approximators',
  [
    ['kazakhstan-troop-number', '2,500 troops', 'number', '2,500'],
    ['kazakhstan-troop-number', 'around 2,500', 'number', '2,500'],
    ['kazakhstan-troop-number', '~2500', 'exact'],
    ['kazakhstan-troop-number', 'roughly 2500 soldiers', 'number', '2,500'],
    ['kazakhstan-troop-number', 'c. 2,500', 'number', '2,500'],
    ['kazakhstan-troop-number', 'two thousand five hundred', 'exact'],
    ['kazakhstan-troop-number', 'about 2.5 thousand troops', 'number', '2,500'],
    ['csto-age-at-first-deployment', 'about 30 years', 'number', 'thirty years'],
    ['csto-age-at-first-deployment', 'three decades', 'number', 'thirty years'],
    ['csto-age-at-first-deployment', 'Thirty', 'exact'],
    ['csto-age-at-first-deployment', 'approximately thirty years', 'number', 'thirty years'],
    ['csto-age-at-first-deployment', '30 yrs', 'number', 'thirty years'],
  ],
  [
    ['kazakhstan-troop-number', '3,000'],
    ['kazakhstan-troop-number', 'about 3,000 troops'],
    ['kazakhstan-troop-number', '25,000'],
    ['kazakhstan-troop-number', '250'],
    ['kazakhstan-troop-number', 'over 2,500'],
    ['kazakhstan-troop-number', '2,500 tanks'],
    ['csto-age-at-first-deployment', 'twenty years'],
    ['csto-age-at-first-deployment', 'three years'],
    ['csto-age-at-first-deployment', '30 months'],
    ['csto-age-at-first-deployment', 'four decades'],
    ['csto-age-at-first-deployment', '31'],
  ],
);

table(
  'dates',
  [
    ['tokayev-request-date', 'January 5, 2022', 'date', 'January 5'],
    ['tokayev-request-date', '5 January 2022', 'date', 'January 5'],
    ['tokayev-request-date', 'the fifth of January', 'date', 'January 5'],
    ['tokayev-request-date', 'Jan 5th', 'date', 'January 5'],
    ['tokayev-request-date', '5/1/2022', 'date', 'January 5'],
    ['tokayev-request-date', '2022-01-05', 'date', 'January 5'],
    ['tokayev-request-date', 'January 5', 'exact'],
    ['nato-1992-statement-date', 'december, 1992', 'exact'],
    ['nato-1992-statement-date', '1992-12', 'date', 'December 1992'],
    ['nato-1992-statement-date', 'Dec 3 1992', 'date', 'December 1992'],
    ['socor-timing', 'November 2020', 'date', 'late 2020'],
    ['socor-timing', 'September 2020', 'date', 'late 2020'],
    ['socor-timing', 'the end of 2020', 'exact'],
    ['socor-timing', 'late-2020', 'exact'],
  ],
  [
    ['tokayev-request-date', 'January 6'],
    ['tokayev-request-date', 'January 6, 2022'],
    ['tokayev-request-date', '5 February'],
    ['tokayev-request-date', 'January 5, 2023'],
    ['tokayev-request-date', 'January'],
    ['tokayev-request-date', '2022'],
    ['tokayev-request-date', '6/1/2022'],
    ['nato-1992-statement-date', 'November 1992'],
    ['nato-1992-statement-date', 'December 1993'],
    ['nato-1992-statement-date', '1992'],
    ['socor-timing', 'early 2020'],
    ['socor-timing', 'March 2020'],
    ['socor-timing', 'late 2021'],
    ['socor-timing', 'November 2021'],
  ],
);

table(
  'titles and honorifics around a name',
  [
    ['tokayev-name', 'President Tokayev', 'title', 'Tokayev'],
    ['tokayev-name', 'president Kassym-Jomart Tokayev', 'title', 'Kassym-Jomart Tokayev'],
    ['pashinyan-csto-chair', 'Prime Minister Pashinyan', 'title', 'Pashinyan'],
    ['pashinyan-csto-chair', 'PM Nikol Pashinyan', 'title', 'Nikol Pashinyan'],
    ['pashinyan-csto-chair', 'Pashinyan, prime minister', 'title', 'Pashinyan'],
    ['tokayev-owes-putin', 'Mr Putin', 'title', 'Putin'],
    ['tokayev-owes-putin', 'President Vladimir Putin', 'title', 'Vladimir Putin'],
    ['tokayev-owes-putin', 'President Putn', 'typo', 'Putin'],
  ],
  [
    ['tokayev-name', 'President Nazarbayev'],
    ['tokayev-name', 'President'],
    ['pashinyan-csto-chair', 'Prime Minister Tokayev'],
    ['tokayev-owes-putin', 'Mr Medvedev'],
  ],
);

table(
  'full name with its abbreviation',
  [
    ['csto-name-typed', 'Collective Security Treaty Organization (CSTO)', 'abbreviation', 'Collective Security Treaty Organization'],
    ['csto-name-typed', 'CSTO (Collective Security Treaty Organisation)', 'abbreviation', 'CSTO'],
    ['isaf', 'International Security Assistance Force (ISAF)', 'abbreviation', 'International Security Assistance Force'],
    ['fmso-source', 'Foreign Military Studies Office [FMSO]', 'abbreviation', 'Foreign Military Studies Office'],
    ['un-charter-document', 'Charter of the United Nations', 'wording', 'United Nations Charter'],
    ['un-charter-document', 'the charter of the UN', 'wording', 'UN Charter'],
  ],
  [
    ['csto-name-typed', 'North Atlantic Treaty Organization (NATO)'],
    ['csto-name-typed', 'Collective Security Treaty Organization (NATO)'],
    ['csto-name-typed', 'NATO (Collective Security Treaty Organization)'],
    ['csto-name-typed', 'NATO'],
    ['un-charter-document', 'NATO Charter'],
    ['un-charter-document', 'Charter of NATO'],
    ['isaf', 'International Security Force'],
  ],
);

table(
  'two-part answers in either order',
  [
    ['competence-and-confidence', 'confidence, competence', 'order', 'competence and confidence'],
    ['competence-and-confidence', 'confidence competence', 'order', 'competence and confidence'],
    ['competence-and-confidence', 'both confidence & competence', 'order', 'competence and confidence'],
    ['competence-and-confidence', 'Competence and confidence', 'exact'],
    ['officer-served-in-bosnia', 'Herzegovina and Bosnia', 'order', 'Bosnia and Herzegovina'],
  ],
  [
    ['competence-and-confidence', 'competence'],
    ['competence-and-confidence', 'competence and courage'],
    ['competence-and-confidence', 'confidence, arrogance'],
    ['competence-and-confidence', 'competence, confidence, courage'],
  ],
);

table(
  'a trailing generic noun the question implies',
  [
    ['forty-fifth-brigade', '45th Spetsnaz', 'noun', '45th Spetsnaz Brigade'],
    ['forty-fifth-brigade', '45th Guards Spetsnaz unit', 'noun', '45th Guards Spetsnaz Brigade'],
    ['forty-fifth-brigade', 'forty-fifth Guards Spetsnaz Brigade', 'exact'],
    ['unbreakable-brotherhood', 'Unbreakable Brotherhood exercises', 'noun', 'Unbreakable Brotherhood'],
    ['unbreakable-brotherhood', 'the Unbreakable Brotherhood drills', 'noun', 'Unbreakable Brotherhood'],
    ['bosnia-dayton', 'Dayton Peace Agreement', 'noun', 'Dayton Accords'],
    ['bosnia-dayton', 'the Dayton agreements', 'noun', 'Dayton Accords'],
  ],
  [
    ['forty-fifth-brigade', '46th Guards Brigade'],
    ['forty-fifth-brigade', '45th'],
    ['forty-fifth-brigade', 'Guards Brigade'],
    ['forty-fifth-brigade', '46th Spetsnaz'],
    ['unbreakable-brotherhood', 'Brotherhood'],
    ['unbreakable-brotherhood', 'exercises'],
    ['bosnia-dayton', 'Paris Peace Agreement'],
    ['bosnia-dayton', 'Agreement'],
  ],
);

table(
  'typos, never in a number',
  [
    ['tokayev-name', 'Tokayv', 'typo', 'Tokayev'],
    ['tokayev-name', 'kasym jomart tokaev', 'typo'],
    ['unbreakable-brotherhood', 'Unbreakable Brotherhod', 'typo', 'Unbreakable Brotherhood'],
    ['unbreakable-brotherhood', 'Unbreakable Brotherhod exercises', 'typo', 'Unbreakable Brotherhood'],
  ],
  [
    ['tokayev-name', 'kasym jomrt tokaev'],
    ['csto-name-typed', 'CSTA'],
    ['forty-fifth-brigade', '44th Spetsnaz Brigade'],
    ['kazakhstan-troop-number', '2,501'],
  ],
);

describe('checkTyped without a question', () => {
  it('still normalises and forgives typos but knows no implied nouns or years', () => {
    expect(checkTyped('Unbreakable Brotherhood exercises', ['Unbreakable Brotherhood']).correct).toBe(false);
    expect(checkTyped('January 5, 2022', ['January 5']).correct).toBe(true);
    expect(checkTyped('', ['x'])).toEqual({ correct: false });
    expect(checkTyped('anything', [])).toEqual({ correct: false });
  });
});
