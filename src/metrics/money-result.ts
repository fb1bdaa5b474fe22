/**
 * Internal to `leadkit/metrics`: the one rule for amounts of money a metric reads or returns. `Money` holds a safe
 * integer number of minor units; a metric computed from valid amounts can still leave that range (a lifetime value
 * at a churn of 1e-12, a pipeline of a billion deals) or become `NaN`, and such a value would print as `"1e+.22"` or
 * `"N.aN"` and fail to store. It is refused instead, with a `RangeError` that says which metric and why.
 */
import type { Money } from '../models/money.ts';

/**
 * Checks an amount given to a metric.
 *
 * @throws RangeError when `value.amountMinor` is not a safe integer.
 */
export function checkMoney(value: Money, name: string): Money {
  if (!Number.isSafeInteger(value.amountMinor))
    throw new RangeError(`${name} must be a safe integer number of minor units, not ${String(value.amountMinor)} (${value.currency})`);
  return value;
}

/**
 * The `Money` for an amount a metric computed in minor units: rounded to a whole minor unit (never `-0`).
 *
 * @throws RangeError when the rounded amount is not a safe integer (beyond ±9,007,199,254,740,991 minor units, or
 * not a number).
 */
export function moneyResult(amountMinor: number, currency: string, metric: string): Money {
  const rounded = Math.round(amountMinor) + 0;
  if (!Number.isSafeInteger(rounded))
    throw new RangeError(
      `${metric}: the result (${String(amountMinor)} minor units of ${currency}) is beyond what Money holds (a whole number of minor units up to ±${Number.MAX_SAFE_INTEGER})`,
    );
  return { amountMinor: rounded, currency };
}
