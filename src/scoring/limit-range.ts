/**
 * Internal arithmetic shared by the compiled engine and the combinators: bounding a sum of contributions while
 * keeping "the contributions add up exactly to the score" true in floating point.
 */
import type { ScoreContribution } from './types.ts';

/** The contribution that lifts a total up to a positive floor: `points` added, shown as raised by the floor. */
export function floorContribution(points: number): ScoreContribution {
  return {
    ruleId: '@floor',
    label: 'Minimum score',
    group: '@total',
    rawPoints: 0,
    decayFactor: 1,
    decayedPoints: 0,
    weight: 1,
    cappedPoints: -points,
    points,
    occurrences: 0,
  };
}

/** The left-to-right floating-point sum of `values[indices[k]]` (or of all values when `indices` is undefined). */
export function sumOf(values: ArrayLike<number>, indices: ArrayLike<number> | undefined): number {
  let sum = 0;
  if (indices === undefined) {
    for (let index = 0; index < values.length; index++) sum += values[index] as number;
  } else {
    for (let k = 0; k < indices.length; k++) sum += values[indices[k] as number] as number;
  }
  return sum;
}

function step(value: number, direction: 1 | -1): number {
  const delta = Math.max(Math.abs(value) * Number.EPSILON, Number.MIN_VALUE);
  return value + direction * delta;
}

/** The index (among the selected) of the largest positive value (`sign` 1) or the lowest negative one (-1), or -1. */
function extreme(values: ArrayLike<number>, indices: ArrayLike<number> | undefined, count: number, sign: 1 | -1): number {
  let found = -1;
  for (let k = 0; k < count; k++) {
    const index = indices === undefined ? k : (indices[k] as number);
    const value = (values[index] as number) * sign;
    if (value > 0 && (found < 0 || value > (values[found] as number) * sign)) found = index;
  }
  return found;
}

/**
 * Brings the left-to-right sum of the selected `values` into `[floor, cap]` (`cap ≥ 0`, `floor ≤ cap`, either may
 * be undefined): an excess is taken from the positive values in proportion to their size, a deficit from the
 * negative ones, and the points moved are recorded in `capped`. A final correction makes both bounds hold exactly
 * in floating point. Returns the points still missing to reach a positive `floor` once no negative value is left
 * to give back (0 otherwise); the caller adds them as a contribution of their own (see {@link floorLift}).
 * Mutates `values` and `capped` (internal scratch buffers, never user data).
 */
export function limitRange(
  values: { [index: number]: number; readonly length: number },
  capped: { [index: number]: number; readonly length: number },
  indices: ArrayLike<number> | undefined,
  floor: number | undefined,
  cap: number | undefined,
): number {
  const count = indices === undefined ? values.length : indices.length;
  let sum = sumOf(values, indices);
  if (cap !== undefined && sum > cap) {
    let positive = 0;
    for (let k = 0; k < count; k++) {
      const value = values[indices === undefined ? k : (indices[k] as number)] as number;
      if (value > 0) positive += value;
    }
    const excess = sum - cap;
    for (let k = 0; k < count; k++) {
      const index = indices === undefined ? k : (indices[k] as number);
      const value = values[index] as number;
      if (value <= 0) continue;
      const next = Math.max(0, value - excess * (value / positive));
      capped[index] = (capped[index] as number) + (value - next);
      values[index] = next;
    }
    sum = sumOf(values, indices);
  }
  if (floor !== undefined && sum < floor) {
    let negative = 0;
    for (let k = 0; k < count; k++) {
      const value = values[indices === undefined ? k : (indices[k] as number)] as number;
      if (value < 0) negative -= value;
    }
    const deficit = floor - sum;
    for (let k = 0; k < count; k++) {
      const index = indices === undefined ? k : (indices[k] as number);
      const value = values[index] as number;
      if (value >= 0) continue;
      const next = Math.min(0, value + deficit * (-value / negative));
      capped[index] = (capped[index] as number) + (value - next);
      values[index] = next;
    }
    sum = sumOf(values, indices);
  }
  // Rounding can leave the sum just outside a bound, and fixing one bound can cross the other when they are close
  // (cap = floor = 0): move the largest value by exactly what is missing (or one step when that changes nothing)
  // until both hold. This ends in a round or two except when the values are far larger than the room between the
  // bounds allows for rounding; then values are zeroed, smallest first, until the sum is within bounds (all zero at
  // worst: a sum of 0 is never above a cap, and a positive floor is then reached by the caller's lift).
  const outside = (): boolean => (cap !== undefined && sum > cap) || (floor !== undefined && sum < floor && extreme(values, indices, count, -1) >= 0);
  for (let round = 0; round < 64 && outside(); round++) {
    const direction = cap !== undefined && sum > cap ? 1 : -1;
    const chosen = extreme(values, indices, count, direction);
    if (chosen < 0) break;
    const value = values[chosen] as number;
    let next = direction === 1 ? Math.max(0, value - (sum - (cap as number))) : Math.min(0, value + ((floor as number) - sum));
    if (next === value) next = direction === 1 ? Math.max(0, step(value, -1)) : Math.min(0, step(value, 1));
    capped[chosen] = (capped[chosen] as number) + (value - next);
    values[chosen] = next;
    sum = sumOf(values, indices);
  }
  if (outside()) {
    const order = Array.from({ length: count }, (_, k) => (indices === undefined ? k : (indices[k] as number)));
    order.sort((left, right) => Math.abs(values[left] as number) - Math.abs(values[right] as number));
    for (const index of order) {
      if (!outside()) break;
      capped[index] = (capped[index] as number) + (values[index] as number);
      values[index] = 0;
      sum = sumOf(values, indices);
    }
  }
  return floor !== undefined && sum < floor ? floorLift(sum, floor, cap) : 0;
}

/**
 * The points to add to `sum` so that `sum + lift` is at least `floor` (and at most `cap`) in floating point: the
 * `@floor` contribution of a positive floor.
 */
export function floorLift(sum: number, floor: number, cap: number | undefined): number {
  let lift = floor - sum;
  for (let round = 0; sum + lift < floor && round < 64; round++) lift = step(lift, 1);
  for (let round = 0; cap !== undefined && sum + lift > cap && round < 64; round++) lift = step(lift, -1);
  return lift;
}
