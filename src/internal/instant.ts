/**
 * Internal: the one check every time-dependent function runs on the instants it is given (`asOf`, `from`, `to`,
 * `at`), so that an invalid instant is refused the same way everywhere, with the same error.
 */

/** An instant as every leadkit function accepts it: a `Date`, or milliseconds since the Unix epoch. */
export type Instant = Date | number;

/** Milliseconds in one day (24 hours: leadkit counts days as elapsed time, so no day has 23 or 25 hours). */
export const MILLISECONDS_PER_DAY = 86_400_000;

/** The largest magnitude of a valid time value (±100,000,000 days around 1970, as for `Date`). */
const MAX_TIME = 8.64e15;

function describe(value: unknown): string {
  if (value instanceof Date) return 'Invalid Date';
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}

/**
 * The time value of an instant in milliseconds, refusing an invalid one: an `Invalid Date`, `NaN`, ±Infinity, a
 * number outside `Date`'s range or anything that is not a `Date` or a number. An invalid `asOf` would otherwise make
 * every comparison false: an undecayed score, nothing stale, an empty report, without a word.
 *
 * @param value - the instant given by the caller.
 * @param name - the option's name for the message (`asOf`, `options.from`).
 * @throws RangeError `"<name> is not a valid instant (got Invalid Date): pass a Date or epoch milliseconds"`.
 */
export function instantMs(value: Instant, name: string): number {
  const ms = instantMsOrNaN(value);
  if (ms !== ms) throw new RangeError(`${name} is not a valid instant (got ${describe(value)}): pass a Date or epoch milliseconds`);
  return ms;
}

/**
 * The same check without the throw, for instants that are data rather than arguments (an event's `at`, a history
 * entry's date), which a caller refuses or skips as a value: the time value in milliseconds, or `NaN`.
 */
export function instantMsOrNaN(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Number.NaN;
  return ms >= -MAX_TIME && ms <= MAX_TIME ? ms : Number.NaN;
}

/** The same instant as a `Date` (a new object; the input is not kept), after the check of {@link instantMs}. */
export function instantDate(value: Instant, name: string): Date {
  return new Date(instantMs(value, name));
}
