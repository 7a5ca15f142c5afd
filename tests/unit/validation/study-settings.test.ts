import { describe, expect, it } from 'vitest';
import { studySettingsSchema, timeZoneOptions } from '@/lib/validation/study-settings';

const valid = {
  desiredRetention: '0.85',
  newPerDay: '5',
  reviewsPerDay: '200',
  timeZone: 'Europe/Berlin',
  rolloverHour: '4',
  passFail: 'false',
  maximumInterval: '36500',
  leechThreshold: '8',
  quizFeedback: 'immediate',
};

function errorsFor(input: Record<string, string>) {
  const r = studySettingsSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('study settings input', () => {
  it('parses form strings into typed values', () => {
    expect(studySettingsSchema.parse({ ...valid, passFail: 'true', quizFeedback: 'end' })).toEqual({
      desiredRetention: 0.85,
      newPerDay: 5,
      reviewsPerDay: 200,
      timeZone: 'Europe/Berlin',
      rolloverHour: 4,
      passFail: true,
      maximumInterval: 36500,
      leechThreshold: 8,
      quizFeedback: 'end',
    });
  });

  it('accepts the edges of every range, and 0 to turn leeches off', () => {
    const edges = { ...valid, desiredRetention: '0.70', newPerDay: '0', reviewsPerDay: '9999', rolloverHour: '23', maximumInterval: '1', leechThreshold: '0' };
    expect(errorsFor(edges)).toEqual({});
    expect(errorsFor({ ...valid, desiredRetention: '0.97', rolloverHour: '0' })).toEqual({});
  });

  it('names each field that is out of range', () => {
    expect(errorsFor({ ...valid, desiredRetention: '0.99' })).toEqual({ desiredRetention: 'Choose a desired retention from 0.70 to 0.97.' });
    expect(errorsFor({ ...valid, desiredRetention: '0.69' })).toHaveProperty('desiredRetention');
    expect(errorsFor({ ...valid, desiredRetention: 'lots' })).toHaveProperty('desiredRetention');
    expect(errorsFor({ ...valid, newPerDay: '10000' })).toEqual({ newPerDay: 'New cards per day must be a whole number from 0 to 9999.' });
    expect(errorsFor({ ...valid, reviewsPerDay: '-1' })).toHaveProperty('reviewsPerDay');
    expect(errorsFor({ ...valid, newPerDay: '5.5' })).toHaveProperty('newPerDay');
    expect(errorsFor({ ...valid, rolloverHour: '24' })).toHaveProperty('rolloverHour');
    expect(errorsFor({ ...valid, maximumInterval: '0' })).toHaveProperty('maximumInterval');
    expect(errorsFor({ ...valid, maximumInterval: '36501' })).toHaveProperty('maximumInterval');
    expect(errorsFor({ ...valid, leechThreshold: '100' })).toHaveProperty('leechThreshold');
    expect(errorsFor({ ...valid, timeZone: 'Mars/Olympus' })).toEqual({ timeZone: 'Choose a time zone from the list.' });
    expect(errorsFor({ ...valid, quizFeedback: 'never' })).toHaveProperty('quizFeedback');
    expect(errorsFor({ ...valid, passFail: 'maybe' })).toHaveProperty('passFail');
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(errorsFor({ ...valid, desiredRetention: '2', newPerDay: 'x', timeZone: '' })).sort()).toEqual(['desiredRetention', 'newPerDay', 'timeZone']);
  });

  it('rounds the retention to the two decimals the form offers', () => {
    expect(studySettingsSchema.parse({ ...valid, desiredRetention: '0.8500000001' }).desiredRetention).toBe(0.85);
  });

  it('offers UTC first and keeps an alias the list leaves out', () => {
    const zones = timeZoneOptions('Asia/Calcutta');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Calcutta');
    expect(zones).toContain('Europe/Berlin');
    expect(timeZoneOptions('UTC').filter((z) => z === 'UTC')).toHaveLength(1);
    expect(timeZoneOptions('Mars/Olympus')).not.toContain('Mars/Olympus');
  });
});
