/**
 * The time of an option date in ms (internal), refusing an invalid date: an `asOf` of `Invalid Date` would make every
 * comparison false and empty a report without a word.
 *
 * @throws RangeError when `date` is not a valid date.
 */
export function instantMs(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}
