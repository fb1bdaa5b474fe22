/**
 * Typed errors shared by every entry point.
 *
 * @module
 */
import type * as z from 'zod/v4';

import { closestMatch } from './internal/suggest.ts';

/** One problem found in input data, with where it is. */
export interface ValidationIssue {
  /** Path to the offending value, as keys and array indices (`['contact', 'email']`). */
  readonly path: readonly (string | number)[];
  /** The same path as text, for people: `contact.email`, `activities[2].at`, or `(root)`. */
  readonly pathText: string;
  /** What is wrong, in words a CRM admin understands. */
  readonly message: string;
  /** A stable machine-readable code (zod's issue code, or a leadkit code such as `duplicate_key`). */
  readonly code: string;
}

/** The most problems a {@link ValidationError} keeps (and its message lists); `issueCount` counts them all. */
export const MAX_REPORTED_ISSUES = 100;
const MAX_MESSAGE_LINES = 20;

/**
 * Input data (JSON, CSV rows, API payloads, definitions) did not validate.
 * Returned inside `{ ok: false, error }` by every `parse*` function, and thrown by `define*` functions.
 * It lists every problem, not only the first one (the first 100, with the total in `issueCount`), each with its
 * path.
 */
export class ValidationError extends Error {
  /** Discriminates leadkit errors. */
  readonly code = 'validation_failed' as const;
  /** The problems found, each with its path: every one, or the first 100. */
  readonly issues: readonly ValidationIssue[];
  /** How many problems were found in all (more than `issues.length` when the list was cut). */
  readonly issueCount: number;

  /**
   * @param what - what was being validated, for the message (`lead`, `ICP definition`).
   * @param issues - the problems found; at least one.
   * @param issueCount - the number found in all, when `issues` holds only the first ones.
   */
  constructor(what: string, issues: readonly ValidationIssue[], issueCount = issues.length) {
    const kept = issues.length > MAX_REPORTED_ISSUES ? issues.slice(0, MAX_REPORTED_ISSUES) : issues;
    const total = Math.max(issueCount, issues.length);
    const lines = kept.slice(0, MAX_MESSAGE_LINES).map((issue) => `  - ${issue.pathText}: ${issue.message}`);
    if (total > lines.length) lines.push(`  … and ${(total - lines.length).toLocaleString('en-US')} more`);
    super(`Invalid ${what} (${total.toLocaleString('en-US')} problem${total === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ValidationError';
    this.issues = kept;
    this.issueCount = total;
  }
}

/**
 * A value as it may appear in a message: text quoted and cut to 60 characters, numbers as written (`NaN`,
 * `Infinity`), a big integer with its `n`, and objects and lists named, never printed (an input may be huge, cyclic
 * or hostile). Never throws. Internal (not exported by leadkit). `showValue('x'.repeat(1000))` is the first 57
 * characters quoted, then `… (1,000 characters)`; `showValue(Number.NaN)` is `NaN`.
 */
export function showValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}… (${value.length.toLocaleString('en-US')} characters)` : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`.length > 40 ? 'a big integer' : `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
      return Array.isArray(value) ? `a list of ${value.length.toLocaleString('en-US')}` : 'an object';
  }
}

/** Renders a path as `contact.email` or `activities[2].at`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Builds a {@link ValidationIssue} from a path, message and code. */
export function issue(path: readonly (string | number)[], message: string, code = 'custom'): ValidationIssue {
  return { path, pathText: formatPath(path), message, code };
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  bigint: 'a big integer',
};

/** The received value in words (`a number (12)`, `text ("x")`, `a list`), for messages. */
export function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return 'a date';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  if (typeof input === 'number') return `a number (${showValue(input)})`;
  if (typeof input === 'string') return `text (${showValue(input)})`;
  const type = typeof input;
  return typeNames[type] ?? type;
}

function limit(issueLike: { origin?: string }, inclusive: boolean | undefined, value: unknown, word: 'least' | 'most'): string {
  const strict = inclusive === false;
  const origin = issueLike.origin;
  if (origin === 'string') return `must be at ${word} ${String(value)} characters long`;
  if (origin === 'array' || origin === 'set') return `must have at ${word} ${String(value)} item${value === 1 ? '' : 's'}`;
  if (origin === 'date') return `must be ${word === 'least' ? 'on or after' : 'on or before'} ${String(value)}`;
  if (strict) return `must be ${word === 'least' ? 'greater' : 'less'} than ${String(value)}`;
  return `must be at ${word} ${String(value)}`;
}

function quoteList(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(showValue);
  return shown.join(', ') + (values.length > 12 ? `, … (${values.length} in all)` : '');
}

/** ` (did you mean "email_opened"?)` for a text input close to one of the allowed values, else nothing. */
function suggestion(input: unknown, values: readonly unknown[]): string {
  if (typeof input !== 'string') return '';
  const match = closestMatch(
    input,
    values.filter((value): value is string => typeof value === 'string'),
  );
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}

/**
 * Turns one raw zod issue into a sentence a CRM admin understands.
 * Messages set on the schema itself (`{ error: '…' }`) are kept as they are.
 */
export function humanizeZodIssue(raw: z.core.$ZodRawIssue): string | undefined {
  switch (raw.code) {
    case 'invalid_type': {
      const expected = typeNames[raw.expected] ?? raw.expected;
      // An issue of a parse without `reportInput` has no input key: what was given is unknown, not missing.
      if (!Object.hasOwn(raw, 'input')) return raw.expected === 'date' ? 'is not a valid date' : `must be ${expected}`;
      if (raw.input === undefined) return `is required but missing (expected ${expected})`;
      if (raw.expected === 'date') return 'is not a valid date';
      return `must be ${expected}, not ${describeReceived(raw.input)}`;
    }
    case 'too_small':
      return limit(raw, raw.inclusive, raw.minimum, 'least');
    case 'too_big':
      return limit(raw, raw.inclusive, raw.maximum, 'most');
    case 'invalid_format': {
      const format = raw.format;
      const shown = showValue(raw.input);
      if (format === 'email') return `${shown} is not a valid e-mail address`;
      if (format === 'datetime') return `${shown} is not a real ISO 8601 date-time with a time zone (for example 2024-05-01T09:30:00Z)`;
      if (format === 'date') return `${shown} is not a real calendar date (YYYY-MM-DD)`;
      if (format === 'url') return `${shown} is not a valid URL`;
      if (format === 'regex') return `${shown} has the wrong format`;
      return `${shown} is not a valid ${format}`;
    }
    case 'invalid_value':
      return `must be one of ${quoteList(raw.values)}, not ${showValue(raw.input)}${suggestion(raw.input, raw.values)}`;
    case 'unrecognized_keys': {
      // The known fields, from the object schema, for a "did you mean".
      const shape = (raw as { inst?: { _zod?: { def?: { shape?: object } } } }).inst?._zod?.def?.shape;
      const known = shape === undefined ? [] : Object.keys(shape);
      if (raw.keys.length === 1)
        return `is not a known field${suggestion(raw.keys[0], known)}${known.length > 0 && known.length <= 12 ? `; known fields: ${known.join(', ')}` : ''}`;
      return `has unknown fields ${quoteList(raw.keys)}`;
    }
    case 'invalid_union': {
      const options = (raw as { options?: readonly unknown[] }).options;
      const discriminator = (raw as { discriminator?: string }).discriminator;
      if (discriminator !== undefined && options !== undefined) {
        const input = raw.input as Record<string, unknown> | undefined;
        const given = typeof input === 'object' && input !== null ? input[discriminator] : undefined;
        return given === undefined
          ? `is required but missing: one of ${quoteList(options)}`
          : `must be one of ${quoteList(options)}, not ${showValue(given)}${suggestion(given, options)}`;
      }
      return undefined;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(raw.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

type Key = string | number;

function pathOf(zodIssue: z.core.$ZodIssue, prefix: readonly Key[]): Key[] {
  return [...prefix, ...zodIssue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
}

// zod's own wording (not set by leadkit or a schema): such messages are rewritten in words for people.
const zodWording = /^(Invalid|Too (small|big)|Unrecognized key)/;

function messageOf(zodIssue: z.core.$ZodIssue): string {
  if (!zodWording.test(zodIssue.message)) return zodIssue.message;
  return humanizeZodIssue(zodIssue as unknown as z.core.$ZodRawIssue) ?? zodIssue.message;
}

/** How far a union's branch got: the branch that read deepest into the input, with the fewest problems, is the one meant. */
function branchScore(branch: readonly z.core.$ZodIssue[]): number {
  let depth = 0;
  let rootMismatch = 0;
  for (const found of branch) {
    depth = Math.max(depth, found.path.length);
    if (found.path.length === 0 && (found.code === 'invalid_type' || found.code === 'unrecognized_keys' || found.code === 'invalid_value')) rootMismatch++;
  }
  return depth * 1000 - rootMismatch * 100 - branch.length;
}

function flatten(zodIssue: z.core.$ZodIssue, prefix: readonly Key[], out: ValidationIssue[]): void {
  const path = pathOf(zodIssue, prefix);
  if (zodIssue.code === 'invalid_union' && zodIssue.errors.length > 0) {
    const branches = zodIssue.errors;
    const scored = branches.map((branch) => ({ branch, score: branchScore(branch) }));
    scored.sort((left, right) => right.score - left.score);
    const best = (scored[0] as { branch: readonly z.core.$ZodIssue[] }).branch;
    const atRoot = best.every((found) => found.path.length === 0 && found.code === 'invalid_type');
    if (!atRoot) {
      for (const found of best) flatten(found, path, out);
      return;
    }
    // No branch got past the type of the value: the schema's own message if it has one, else the types that would do.
    if (!zodWording.test(zodIssue.message)) {
      out.push({ path, pathText: formatPath(path), message: zodIssue.message, code: 'invalid_type' });
      return;
    }
    const expected = [
      ...new Set(
        branches.flatMap((branch) =>
          branch
            .filter((found) => found.path.length === 0 && found.code === 'invalid_type')
            .map((found) => typeNames[(found as { expected: string }).expected] ?? (found as { expected: string }).expected),
        ),
      ),
    ];
    const input = (zodIssue as { input?: unknown }).input;
    out.push({ path, pathText: formatPath(path), message: `must be ${expected.join(' or ')}, not ${describeReceived(input)}`, code: 'invalid_type' });
    return;
  }
  // One unknown key is reported at its own path (`criteria.budjet`), so a reader finds it.
  const keyPath = zodIssue.code === 'unrecognized_keys' && zodIssue.keys.length === 1 ? [...path, zodIssue.keys[0] as string] : path;
  out.push({ path: keyPath, pathText: formatPath(keyPath), message: messageOf(zodIssue), code: zodIssue.code });
}

/**
 * Converts zod's issues into leadkit's {@link ValidationIssue}s. A union that no branch matched is reported by the
 * branch that got furthest (so `company.annualRevenue.amount` names the field), or, when no branch got past the
 * value's type, by the types that would do.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const zodIssue of issues) flatten(zodIssue, [], out);
  return out;
}
