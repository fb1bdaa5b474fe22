/**
 * The shared result type: domain outcomes a caller must handle are returned as values, not thrown.
 *
 * @module
 */

/** A successful outcome carrying its value. */
export interface Ok<T> {
  /** Always `true` for a success. */
  readonly ok: true;
  /** The value produced. */
  readonly value: T;
}

/** A refused or failed outcome carrying its error. */
export interface Err<E> {
  /** Always `false` for a failure. */
  readonly ok: false;
  /** Why it failed. */
  readonly error: E;
}

/**
 * Either `{ ok: true, value }` or `{ ok: false, error }`.
 *
 * @example
 * ```ts
 * const result = parseLead(json);
 * if (result.ok) use(result.value);
 * else console.error(result.error.message);
 * ```
 */
export type Result<T, E> = Ok<T> | Err<E>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
