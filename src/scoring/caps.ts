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

// The bits of one double, to step to its neighbour.
const stepBuffer = new Float64Array(1);
const stepBits = new BigInt64Array(stepBuffer.buffer);

/** The next double after `value` toward +∞ (`direction` 1) or −∞ (-1): one unit in the last place. */
function step(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  stepBuffer[0] = value;
  stepBits[0] = (stepBits[0] as bigint) + (value > 0 === direction > 0 ? 1n : -1n);
  return stepBuffer[0] as number;
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
 * Scratch of {@link limitRange}: the values before a call moved them, indexed like `values`. A compiled scorer keeps one
 * and reuses it lead after lead (no module-level state: two scorers never share one).
 */
export interface LimitScratch {
  /** At least as long as the values limited. */
  originals: Float64Array;
}

/** The index of the `(n mod m)`-th of the m selected values of the given sign (in order), or -1 when there is none. */
function nthOfSign(values: ArrayLike<number>, indices: ArrayLike<number> | undefined, count: number, sign: 1 | -1, n: number): number {
  let matching = 0;
  for (let k = 0; k < count; k++) if ((values[indices === undefined ? k : (indices[k] as number)] as number) * sign > 0) matching++;
  if (matching === 0) return -1;
  let wanted = n % matching;
  for (let k = 0; k < count; k++) {
    const index = indices === undefined ? k : (indices[k] as number);
    if ((values[index] as number) * sign > 0 && wanted-- === 0) return index;
  }
  return -1;
}

/**
 * Brings the left-to-right sum of the selected `values` into `[floor, cap]` (`cap ≥ 0`, `floor ≤ cap`, either may
 * be undefined), landing exactly on the bound it broke: above the cap, the positive values are scaled down by one
 * factor so that they add up to `cap` minus the negative ones; below the floor, the negative values are scaled toward
 * 0 in the same way. The points moved are recorded in `capped`. A final correction of a few units in the last place
 * makes the sum equal the bound in floating point. Returns the points still missing to reach a positive `floor` once
 * no negative value is left to give back (0 otherwise); the caller adds them as a contribution of their own (see
 * {@link floorLift}). Mutates `values` and `capped` (internal scratch buffers, never user data).
 */
export function limitRange(
  values: { [index: number]: number; readonly length: number },
  capped: { [index: number]: number; readonly length: number },
  indices: ArrayLike<number> | undefined,
  floor: number | undefined,
  cap: number | undefined,
  scratch: LimitScratch = { originals: new Float64Array(values.length) },
): number {
  const count = indices === undefined ? values.length : indices.length;
  let sum = sumOf(values, indices);
  // The sum the values must reach exactly (NaN: none), and which of them move: the positive ones (1) for a cap,
  // the negative ones (-1) for a floor.
  let target = Number.NaN;
  let side: 1 | -1 = 1;
  if ((cap !== undefined && sum > cap) || (floor !== undefined && sum < floor)) {
    let positive = 0;
    let negative = 0;
    for (let k = 0; k < count; k++) {
      const value = values[indices === undefined ? k : (indices[k] as number)] as number;
      if (value > 0) positive += value;
      else negative += value;
    }
    let factor: number;
    if (cap !== undefined && sum > cap) {
      // The positive values must add up to `cap - negative`: a factor computed from that total, not from the
      // excess, so that values far above the cap are not cancelled down to nothing by rounding.
      factor = (cap - negative) / positive;
      target = cap;
    } else {
      side = -1;
      // The negative values must add up to `floor - positive`, or to 0 when a positive floor is beyond them.
      const reach = (floor as number) - positive;
      factor = reach >= 0 ? 0 : reach / negative;
      if (reach <= 0) target = floor as number;
    }
    // Between 0 and 1, and 0 when the sums overflowed (NaN).
    factor = factor > 0 ? Math.min(1, factor) : 0;
    if (scratch.originals.length < values.length) scratch.originals = new Float64Array(values.length);
    const originals = scratch.originals;
    for (let k = 0; k < count; k++) {
      const index = indices === undefined ? k : (indices[k] as number);
      const value = values[index] as number;
      originals[index] = value;
      if (side === 1 ? value <= 0 : value >= 0) continue;
      const next = factor === 0 ? 0 : value * factor;
      capped[index] = (capped[index] as number) + (value - next);
      values[index] = next;
    }
    sum = sumOf(values, indices);
  }
  // Land exactly on the bound: move a moved value (without changing its sign) by what rounding left, or by part of
  // it when that jumps past the bound. The largest first; as the sum rounds after each addition, a
  // bound one value cannot hit exactly may be hit through another, so they take turns when one is stuck.
  let turn = 0;
  for (let round = 0; round < 64 && target === target && sum !== target; round++) {
    const chosen = turn === 0 ? extreme(values, indices, count, side) : nthOfSign(values, indices, count, side, turn);
    if (chosen < 0) break;
    const value = values[chosen] as number;
    const below = sum < target;
    let moved = false;
    // What rounding left, or half or a quarter of it (the sum's own rounding can make the whole jump past the bound),
    // or one unit in the last place.
    const gap = target - sum;
    // Between 0 and the value before this call: never past 0, never back beyond where it started.
    const original = scratch.originals[chosen] as number;
    for (const next of [value + gap, value + gap / 2, value + gap / 4, step(value, below ? 1 : -1)]) {
      const bounded = side === 1 ? Math.min(original, Math.max(0, next)) : Math.max(original, Math.min(0, next));
      if (bounded === value) continue;
      values[chosen] = bounded;
      const after = sumOf(values, indices);
      // Keep a move that lands, or that comes closer without jumping past the bound.
      if (after === target || (below ? after < target && after > sum : after > target && after < sum)) {
        capped[chosen] = (capped[chosen] as number) + (value - bounded);
        sum = after;
        moved = true;
        break;
      }
      values[chosen] = value;
    }
    if (!moved) turn++;
  }
  // If rounding still leaves the sum outside a bound (values far larger than the room between close bounds, such as
  // cap = floor = 0), move the largest value toward it until both hold; failing that, zero values, smallest first
  // (all zero at worst: a sum of 0 is never above a cap, and a positive floor is then reached by the caller's lift).
  const outside = (): boolean => (cap !== undefined && sum > cap) || (floor !== undefined && sum < floor && extreme(values, indices, count, -1) >= 0);
  const move = (index: number, next: number): void => {
    capped[index] = (capped[index] as number) + ((values[index] as number) - next);
    values[index] = next;
    sum = sumOf(values, indices);
  };
  for (let round = 0; round < 64 && outside(); round++) {
    const direction = cap !== undefined && sum > cap ? 1 : -1;
    const chosen = extreme(values, indices, count, direction);
    if (chosen < 0) break;
    const value = values[chosen] as number;
    let next = direction === 1 ? Math.max(0, value - (sum - (cap as number))) : Math.min(0, value + ((floor as number) - sum));
    if (next === value) next = direction === 1 ? Math.max(0, step(value, -1)) : Math.min(0, step(value, 1));
    move(chosen, next);
  }
  if (outside()) {
    const order = Array.from({ length: count }, (_, k) => (indices === undefined ? k : (indices[k] as number)));
    order.sort((left, right) => Math.abs(values[left] as number) - Math.abs(values[right] as number));
    for (const index of order) {
      if (!outside()) break;
      move(index, 0);
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
