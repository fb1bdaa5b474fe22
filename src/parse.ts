/**
 * The one place where zod schemas meet leadkit's result type.
 *
 * @module
 */
import type * as z from 'zod/v4';
import { ValidationError, fromZodIssues, humanizeZodIssue, type ValidationIssue } from './errors.ts';
import { inspectInput } from './internal/inspect-input.ts';
import { err, ok, type Result } from './result.ts';

/** Options of {@link parseWith}. */
export interface ParseWithOptions<T> {
  /**
   * Keys refused wherever they appear as own keys of the input (`__proto__` always is). Definitions whose keys
   * become names (criteria, stages) refuse `RESERVED_KEYS` too.
   */
  readonly forbiddenKeys?: readonly string[] | undefined;
  /** Problems that involve several parts of the value, found once the value has parsed. */
  readonly check?: ((value: T) => readonly ValidationIssue[]) | undefined;
  /**
   * Problems that involve several parts, found on the raw input even when parts of it are invalid (so that every
   * problem is listed at once). Must not assume anything of the input's shape.
   */
  readonly checkInput?: ((input: unknown) => readonly ValidationIssue[]) | undefined;
}

function issueKey(found: ValidationIssue): string {
  return `${found.pathText}\u0000${found.message}`;
}

/**
 * Validates (and decodes, for schemas with codecs) `input` with `schema`, returning every problem with its path.
 * Never throws, whatever the input: cycles, nesting deeper than 64 levels, `__proto__` keys and values that cannot
 * be printed (BigInt, symbols) are problems like any other.
 *
 * @param schema - any zod v4 schema.
 * @param input - untrusted data, usually from JSON.
 * @param what - a noun for the error message, such as `lead` or `ICP definition`.
 * @param options - extra keys to refuse and checks across parts.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  options: ParseWithOptions<z.output<S>> = {},
): Result<z.output<S>, ValidationError> {
  const inspection = inspectInput(input, options.forbiddenKeys);
  if (inspection.blocking) return err(new ValidationError(what, inspection.issues));
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(input, { error: humanizeZodIssue, reportInput: true }) as z.ZodSafeParseResult<z.output<S>>;
  } catch (error) {
    // A schema's own code threw (a getter on a hostile object, a stack overflow): report it, never rethrow.
    const message = error instanceof Error ? error.message : 'could not be read';
    return err(
      new ValidationError(what, [
        ...inspection.issues,
        { path: [], pathText: '(root)', message: `could not be read: ${message.slice(0, 200)}`, code: 'unreadable' },
      ]),
    );
  }
  const issues: ValidationIssue[] = [...inspection.issues];
  const seen = new Set(issues.map(issueKey));
  const add = (found: ValidationIssue): void => {
    const key = issueKey(found);
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(found);
  };
  if (parsed.success) {
    for (const found of options.check?.(parsed.data) ?? []) add(found);
    if (issues.length === 0) return ok(parsed.data);
  } else {
    // A forbidden key is already reported as such: zod's "unknown field" for it would say it twice.
    const forbidden = new Set(['__proto__', ...(options.forbiddenKeys ?? [])]);
    const zodIssues = parsed.error.issues.filter((found) => found.code !== 'unrecognized_keys' || !found.keys.every((key) => forbidden.has(key)));
    for (const found of fromZodIssues(zodIssues)) add(found);
    if (options.checkInput !== undefined) for (const found of options.checkInput(input)) add(found);
  }
  return err(new ValidationError(what, issues));
}
