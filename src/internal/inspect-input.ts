/**
 * Internal: one linear pass over untrusted input before zod reads it, so that no input can crash, hang or quietly
 * lose part of a definition. It finds:
 * - keys zod would drop without a word (`__proto__`, assigned as the prototype rather than kept as a key) and, where a
 *   definition asks for it, keys that name inherited members (`constructor`, `toString`);
 * - nesting deeper than {@link MAX_INPUT_DEPTH} levels (zod and every compiler recurse: a 10,000-deep condition would
 *   overflow the stack);
 * - cycles (an object that contains itself) and in-memory objects that share parts so often that reading them as a
 *   tree would take more than {@link MAX_INPUT_NODES} steps.
 * Each object is visited once (a visited set), so the pass is linear in the size of the input.
 */
import { issue, type ValidationIssue } from '../errors.ts';

/** The deepest nesting of objects and arrays any leadkit document may have (a condition nests one level per `not`). */
export const MAX_INPUT_DEPTH = 64;
/** The most values a document may hold when read as a tree (shared parts counted each time they are reached). */
export const MAX_INPUT_NODES = 5_000_000;

/** Keys that name inherited members of every object: refused where keys become names (criteria, stages, fields). */
export const RESERVED_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];

interface Frame {
  readonly value: object;
  readonly path: (string | number)[];
  readonly depth: number;
  readonly keys: (string | number)[];
  next: number;
  size: number;
}

/** What {@link inspectInput} found: problems to report (zod must not read the input when `blocking` is set). */
export interface InputInspection {
  /** Every problem found, each with its path. */
  readonly issues: ValidationIssue[];
  /** The input cannot be given to zod (too deep, cyclic or too large): report `issues` only. */
  readonly blocking: boolean;
}

/**
 * Inspects untrusted input (see the module comment). `forbidden` lists the keys reported wherever they appear as own
 * keys (`__proto__` always).
 */
export function inspectInput(input: unknown, forbidden: readonly string[] = ['__proto__']): InputInspection {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) return { issues, blocking: false };
  const forbiddenSet = new Set(forbidden);
  forbiddenSet.add('__proto__');
  // Size of each finished object as a tree (shared parts are counted once per path that reaches them).
  const sizes = new Map<object, number>();
  const onStack = new Set<object>();
  let blocking = false;
  const tooLarge = (path: (string | number)[]): InputInspection => {
    issues.push(issue(path, `holds more than ${MAX_INPUT_NODES.toLocaleString('en-US')} values when read as a tree`, 'too_large'));
    return { issues, blocking: true };
  };
  const stack: Frame[] = [];
  const push = (value: object, path: (string | number)[], depth: number): void => {
    const keys: (string | number)[] = Array.isArray(value) ? Array.from({ length: value.length }, (_, index) => index) : Object.keys(value);
    if (!Array.isArray(value))
      for (const key of keys as string[]) if (forbiddenSet.has(key)) issues.push(issue([...path, key], `"${key}" is not allowed as a key`, 'forbidden_key'));
    stack.push({ value, path, depth, keys, next: 0, size: 1 });
    onStack.add(value);
  };
  push(input, [], 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.keys.length) {
      stack.pop();
      onStack.delete(frame.value);
      sizes.set(frame.value, frame.size);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) {
        parent.size += frame.size;
        if (parent.size > MAX_INPUT_NODES) return tooLarge(parent.path);
      }
      continue;
    }
    const key = frame.keys[frame.next++] as string | number;
    if (typeof key === 'string' && forbiddenSet.has(key)) continue;
    const child = (frame.value as Record<string | number, unknown>)[key];
    if (typeof child !== 'object' || child === null) {
      if (++frame.size > MAX_INPUT_NODES) return tooLarge(frame.path);
      continue;
    }
    const path = [...frame.path, key];
    if (onStack.has(child)) {
      issues.push(issue(path, 'refers back to a value that contains it (a cycle): a document must be a tree', 'cycle'));
      blocking = true;
      continue;
    }
    const known = sizes.get(child);
    if (known !== undefined) {
      frame.size += known;
    } else if (frame.depth + 1 > MAX_INPUT_DEPTH) {
      issues.push(issue(path, `is nested deeper than ${MAX_INPUT_DEPTH} levels, the most a leadkit document may have`, 'too_deep'));
      blocking = true;
      continue;
    } else {
      push(child, path, frame.depth + 1);
    }
    if (frame.size > MAX_INPUT_NODES) return tooLarge(frame.path);
    if (issues.length > 1000) return { issues, blocking: true };
  }
  return { issues, blocking };
}
