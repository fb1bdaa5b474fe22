import { describe, expect, it } from 'vitest';
import {
  RECORD_NOT_CREATED,
  RECORD_PLACED,
  RECORD_WITHOUT_DATE,
  recordStartMs,
  type StageAsOf,
  type StagedRecord,
  stageAsOf,
  startInvalidDates,
} from './stage-as-of.ts';

const ms = (iso: string): number => Date.parse(iso);
const at = (iso: string): Date => new Date(iso);
const invalid = new Date(Number.NaN);
const fresh = (): StageAsOf => ({ stageId: 'stale', sinceMs: -1, invalidDates: -1 });

describe('recordStartMs and startInvalidDates', () => {
  it('start at a valid createdAt, else at the first history entry with a valid date, else NaN', () => {
    const history = [
      { to: 'a', at: invalid },
      { to: 'b', at: at('2024-02-01T00:00:00Z') },
      { to: 'c', at: at('2024-01-01T00:00:00Z') },
    ];
    expect(recordStartMs({ createdAt: at('2024-03-01T00:00:00Z'), stageHistory: history })).toBe(ms('2024-03-01T00:00:00Z'));
    expect(recordStartMs({ createdAt: invalid, stageHistory: history })).toBe(ms('2024-02-01T00:00:00Z'));
    expect(recordStartMs({ stageHistory: history })).toBe(ms('2024-02-01T00:00:00Z'));
    expect(recordStartMs({ createdAt: invalid, stageHistory: [{ to: 'a', at: invalid }] })).toBeNaN();
    expect(recordStartMs({})).toBeNaN();
  });

  it('count an invalid createdAt, and every history entry when none gave a start', () => {
    const twoInvalid = [
      { to: 'a', at: invalid },
      { to: 'b', at: invalid },
    ];
    expect(startInvalidDates({ createdAt: invalid, stageHistory: twoInvalid }, Number.NaN)).toBe(3);
    expect(startInvalidDates({ stageHistory: twoInvalid }, Number.NaN)).toBe(2);
    expect(startInvalidDates({ createdAt: invalid }, Number.NaN)).toBe(1);
    expect(startInvalidDates({ createdAt: invalid, stageHistory: twoInvalid }, 0)).toBe(1);
    expect(startInvalidDates({ createdAt: at('2024-01-01T00:00:00Z'), stageHistory: twoInvalid }, 5)).toBe(0);
  });
});

describe('stageAsOf', () => {
  const asOf = ms('2024-06-01T00:00:00Z');

  it('places a record without a history in its stage since its start, from the instant it is created', () => {
    const target = fresh();
    const created = { createdAt: at('2024-06-01T00:00:00Z'), stage: 'new' };
    expect(stageAsOf(created, asOf, target)).toBe(RECORD_PLACED);
    expect(target).toEqual({ stageId: 'new', sinceMs: asOf, invalidDates: 0 });
    expect(stageAsOf({ ...created, stageHistory: [] }, asOf, target)).toBe(RECORD_PLACED);
    expect(target.stageId).toBe('new');
    expect(stageAsOf(created, asOf - 1, target)).toBe(RECORD_NOT_CREATED);
    expect(target.stageId).toBeUndefined();
  });

  it('refuses a record with no valid date, counting its invalid dates', () => {
    const target = fresh();
    expect(stageAsOf({ createdAt: invalid, stage: 'new', stageHistory: [{ to: 'a', at: invalid }] }, asOf, target)).toBe(RECORD_WITHOUT_DATE);
    expect(target.stageId).toBeUndefined();
    expect(target.invalidDates).toBe(2);
  });

  it('reads the history as a log: the last entry in array order at or before the instant, skipping the rest', () => {
    const record: StagedRecord = {
      createdAt: at('2024-01-01T00:00:00Z'),
      stage: 'won',
      stageHistory: [
        { to: 'lead', at: at('2024-01-01T00:00:00Z') },
        { to: 'mql', at: at('2024-03-01T00:00:00Z') },
        { to: 'odd', at: invalid },
        // Dated before the entry above it: still the later one in the log.
        { to: 'sql', at: at('2024-02-01T00:00:00Z') },
        { to: 'won', at: at('2024-06-01T00:00:01Z') },
      ],
    };
    const target = fresh();
    expect(stageAsOf(record, asOf, target)).toBe(RECORD_PLACED);
    expect(target).toEqual({ stageId: 'sql', sinceMs: ms('2024-02-01T00:00:00Z'), invalidDates: 1 });
    // An entry exactly at the instant counts.
    expect(stageAsOf(record, ms('2024-06-01T00:00:01Z'), target)).toBe(RECORD_PLACED);
    expect(target.stageId).toBe('won');
    // Entries naming a stage that is not known are skipped.
    stageAsOf(record, asOf, target, new Set(['lead', 'mql']));
    expect([target.stageId, target.sinceMs]).toEqual(['mql', ms('2024-03-01T00:00:00Z')]);
  });

  it('knows no stage when no history entry is usable, and starts at the first valid entry after an invalid createdAt', () => {
    const target = fresh();
    const record: StagedRecord = { createdAt: invalid, stage: 'won', stageHistory: [{ to: 'lead', at: at('2024-01-01T00:00:00Z') }] };
    expect(stageAsOf(record, asOf, target, new Set(['won']))).toBe(RECORD_PLACED);
    expect(target).toEqual({ stageId: undefined, sinceMs: ms('2024-01-01T00:00:00Z'), invalidDates: 1 });
    expect(stageAsOf(record, asOf, target)).toBe(RECORD_PLACED);
    expect(target).toEqual({ stageId: 'lead', sinceMs: ms('2024-01-01T00:00:00Z'), invalidDates: 1 });
  });
});
