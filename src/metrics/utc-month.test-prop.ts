import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { utcMonthIndex } from './utc-month.ts';

/** The reference: the month `Date` itself gives. */
const viaDate = (ms: number) => {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

describe('utcMonthIndex', () => {
  it('agrees with Date on month edges, leap days and negative times', () => {
    const instants = [
      0,
      -1,
      1,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1970, 0, 1),
      Date.UTC(2000, 1, 29),
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2000, 2, 1),
      Date.UTC(1900, 1, 28, 23, 59, 59, 999),
      Date.UTC(1900, 2, 1),
      Date.UTC(2100, 1, 28),
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 1, 29, 12),
      Date.UTC(2023, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 0, 1),
      Date.UTC(1600, 1, 29),
      new Date('0000-01-01T00:00:00Z').getTime(),
      new Date('0000-02-29T12:00:00Z').getTime(),
      new Date('-000001-12-31T23:59:59.999Z').getTime(),
      new Date('-000400-02-29T00:00:00Z').getTime(),
      -8.64e15,
      8.64e15,
      8.64e15 - 1,
      -8.64e15 + 1,
    ];
    for (const ms of instants) expect([ms, utcMonthIndex(ms)]).toEqual([ms, viaDate(ms)]);
    // Every day of the leap years 2000 and 2024 and of the common years 1900 and 2023.
    for (const year of [1900, 2000, 2023, 2024])
      for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
        expect(utcMonthIndex(ms)).toBe(viaDate(ms));
        expect(utcMonthIndex(ms + 86_399_999)).toBe(viaDate(ms + 86_399_999));
      }
  });

  test.prop([fc.integer({ min: -8.64e15, max: 8.64e15 })])('agrees with Date over the whole range of valid times', (ms) => {
    expect(utcMonthIndex(ms)).toBe(viaDate(ms));
  });

  test.prop([fc.integer({ min: -400 * 366, max: 400 * 366 }), fc.integer({ min: 0, max: 86_399_999 })])(
    'agrees with Date at every time of day, within a few centuries of the epoch',
    (day, time) => {
      const ms = day * 86_400_000 + time;
      expect(utcMonthIndex(ms)).toBe(viaDate(ms));
    },
  );
});
