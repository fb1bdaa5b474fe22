/**
 * Internal arithmetic shared by the compiled engine and the combinators: bounding a sum of contributions while
 * keeping "the contributions add up exactly to the score" true in floating point.
 */

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

/**
 * Brings the left-to-right sum of the selected `values` into `[floor, cap]` (`cap ≥ 0`, `floor ≤ 0`, either may be
 * undefined): an excess is taken from the positive values in proportion to their size, a deficit from the
 * negative ones, and the points moved are recorded in `capped`. A final correction makes the bound hold exactly in
 * floating point. Mutates `values` and `capped` (internal scratch buffers, never user data).
 */
export function limitRange(
  values: { [index: number]: number; readonly length: number },
  capped: { [index: number]: number; readonly length: number },
  indices: ArrayLike<number> | undefined,
  floor: number | undefined,
  cap: number | undefined,
): void {
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
    for (let round = 0; sum > cap && round < 10_000; round++) {
      let largest = -1;
      for (let k = 0; k < count; k++) {
        const index = indices === undefined ? k : (indices[k] as number);
        if ((values[index] as number) > 0 && (largest < 0 || (values[index] as number) > (values[largest] as number))) largest = index;
      }
      if (largest < 0) break;
      const value = values[largest] as number;
      let next = Math.max(0, value - (sum - cap));
      if (next === value) next = Math.max(0, step(value, -1));
      capped[largest] = (capped[largest] as number) + (value - next);
      values[largest] = next;
      sum = sumOf(values, indices);
    }
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
    for (let round = 0; sum < floor && round < 10_000; round++) {
      let lowest = -1;
      for (let k = 0; k < count; k++) {
        const index = indices === undefined ? k : (indices[k] as number);
        if ((values[index] as number) < 0 && (lowest < 0 || (values[index] as number) < (values[lowest] as number))) lowest = index;
      }
      if (lowest < 0) break;
      const value = values[lowest] as number;
      let next = Math.min(0, value + (floor - sum));
      if (next === value) next = Math.min(0, step(value, 1));
      capped[lowest] = (capped[lowest] as number) + (value - next);
      values[lowest] = next;
      sum = sumOf(values, indices);
    }
  }
}
