import { MILLISECONDS_PER_DAY } from './rate.ts';

/**
 * The UTC calendar month of an instant as one number, `year × 12 + month` (month 0–11, as `getUTCMonth`), computed
 * from the time value without allocating a `Date` (internal: the funnel report's month cohorts call it per record).
 * It is Howard Hinnant's "civil from days" on whole days since the epoch, in the proleptic Gregorian calendar that
 * `Date` uses, so it is exact for every valid time value (±8.64e15 ms), negative times included.
 */
export function utcMonthIndex(ms: number): number {
  // Days counted from 0000-03-01, so that the leap day is the last day of the (March-based) year.
  const days = Math.floor(ms / MILLISECONDS_PER_DAY) + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // 0 = March … 9 = December, 10 = January, 11 = February (of the next civil year).
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const year = era * 400 + yearOfEra + (marchMonth >= 10 ? 1 : 0);
  return year * 12 + (marchMonth < 10 ? marchMonth + 2 : marchMonth - 10);
}
