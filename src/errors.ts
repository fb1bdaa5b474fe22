/**
 * Typed errors shared by every entry point.
 *
 * @module
 */
import type * as z from 'zod/v4';

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

/**
 * Input data (JSON, CSV rows, API payloads, definitions) did not validate.
 * Returned inside `{ ok: false, error }` by every `parse*` function and by `define*` functions' safe forms.
 * It lists every problem, not only the first one.
 */
export class ValidationError extends Error {
  /** Discriminates leadkit errors. */
  readonly code = 'validation_failed' as const;
  /** Every problem found, each with its path. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param what - what was being validated, for the message (`lead`, `ICP definition`).
   * @param issues - the problems found; at least one.
   */
  constructor(what: string, issues: readonly ValidationIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.pathText}: ${issue.message}`);
    super(`Invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ValidationError';
    this.issues = issues;
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

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
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
  const shown = values.slice(0, 12).map((value) => JSON.stringify(value));
  return shown.join(', ') + (values.length > 12 ? `, … (${values.length} in all)` : '');
}

/**
 * Turns one raw zod issue into a sentence a CRM admin understands.
 * Messages set on the schema itself (`{ error: '…' }`) are kept as they are.
 */
export function humanizeZodIssue(raw: z.core.$ZodRawIssue): string | undefined {
  switch (raw.code) {
    case 'invalid_type': {
      const expected = typeNames[raw.expected] ?? raw.expected;
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
      if (format === 'email') return `${JSON.stringify(raw.input)} is not a valid e-mail address`;
      if (format === 'datetime')
        return `${JSON.stringify(raw.input)} is not a real ISO 8601 date-time with a time zone (for example 2024-05-01T09:30:00Z)`;
      if (format === 'date') return `${JSON.stringify(raw.input)} is not a real calendar date (YYYY-MM-DD)`;
      if (format === 'url') return `${JSON.stringify(raw.input)} is not a valid URL`;
      if (format === 'regex') return `${JSON.stringify(raw.input)} has the wrong format`;
      return `${JSON.stringify(raw.input)} is not a valid ${format}`;
    }
    case 'invalid_value':
      return `must be one of ${quoteList(raw.values)}, not ${JSON.stringify(raw.input)}`;
    case 'unrecognized_keys':
      return `has unknown field${raw.keys.length === 1 ? '' : 's'} ${quoteList(raw.keys)}`;
    case 'invalid_union':
      return 'does not match any of the allowed shapes';
    case 'not_multiple_of':
      return `must be a multiple of ${String(raw.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

/** Converts zod's issues into leadkit's {@link ValidationIssue}s. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((zodIssue) => {
    const path = zodIssue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    return { path, pathText: formatPath(path), message: zodIssue.message, code: zodIssue.code };
  });
}
