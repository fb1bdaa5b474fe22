/**
 * Solves `A x = b` for a symmetric positive definite `A` (row-major, `size × size`) by Cholesky decomposition.
 * Returns `undefined` when `A` is not positive definite. Internal to `leadkit/predict`; `A` and `b` are not mutated.
 */
export function choleskySolve(matrix: Float64Array, vector: Float64Array, size: number): Float64Array | undefined {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j] as number;
      for (let k = 0; k < j; k++) sum -= (lower[i * size + k] as number) * (lower[j * size + k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        lower[i * size + i] = Math.sqrt(sum);
      } else lower[i * size + j] = sum / (lower[j * size + j] as number);
    }
  }
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = vector[i] as number;
    for (let k = 0; k < i; k++) sum -= (lower[i * size + k] as number) * (y[k] as number);
    y[i] = sum / (lower[i * size + i] as number);
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (lower[k * size + i] as number) * (x[k] as number);
    x[i] = sum / (lower[i * size + i] as number);
  }
  return x;
}
