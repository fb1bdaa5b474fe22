declare const rateBrand: unique symbol;

/**
 * A rate or share between 0 and 1 inclusive (0.25 is 25 %). Branded so a percentage (25) cannot be passed where a
 * rate is meant: obtain one from {@link toRate} or from a metric.
 */
export type Rate = number & { readonly [rateBrand]: true };

/** A duration in days (fractional: 0.5 is twelve hours). Every duration leadkit's metrics report is in days. */
export type Days = number;

export { MILLISECONDS_PER_DAY } from '../internal/instant.ts';

/** The average length of a month in days (365.25 / 12), used to turn monthly rates into daily ones. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Checks that a number is a rate between 0 and 1 and brands it as a {@link Rate}.
 *
 * @example
 * ```ts
 * const grossMargin = toRate(0.8);
 * toRate(80); // throws RangeError: a rate is between 0 and 1
 * ```
 * @throws RangeError when `value` is not a finite number between 0 and 1.
 */
export function toRate(value: number): Rate {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${value} is not a rate: a rate is between 0 and 1 (0.25 is 25 %)`);
  return value as Rate;
}

/** `numerator / denominator` as a rate, or `undefined` when the denominator is 0 (no data is not a 0 % rate). */
export function ratioOrUndefined(numerator: number, denominator: number): Rate | undefined {
  if (denominator <= 0) return undefined;
  return Math.min(1, Math.max(0, numerator / denominator)) as Rate;
}
