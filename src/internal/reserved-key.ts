/**
 * Internal: reserved keys (see `RESERVED_KEYS`) given as values that become keys: a framework's criterion keys and a
 * question bank's section keys are the keys of every assessment written for it, so `constructor` or `toString` there
 * would be read from every object. `parseWith`'s `forbiddenKeys` finds such keys where they are keys already.
 */
import { issue, type ValidationIssue } from '../errors.ts';
import { RESERVED_KEYS } from './inspect-input.ts';

/** Whether `key` is one of `RESERVED_KEYS`. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.includes(key);
}

/** The issue for a reserved key named at `path`, worded and coded as `parseWith` reports a forbidden key. */
export function reservedKeyIssue(path: readonly (string | number)[], key: string): ValidationIssue {
  return issue(path, `"${key}" is not allowed as a key`, 'forbidden_key');
}
