/**
 * The one place where zod schemas meet leadkit's result type.
 *
 * @module
 */
import type * as z from 'zod/v4';
import { ValidationError, fromZodIssues, humanizeZodIssue } from './errors.ts';
import { err, ok, type Result } from './result.ts';

/**
 * Validates (and decodes, for schemas with codecs) `input` with `schema`, returning every problem with its path.
 * Never throws for bad data.
 *
 * @param schema - any zod v4 schema.
 * @param input - untrusted data, usually from JSON.
 * @param what - a noun for the error message, such as `lead` or `ICP definition`.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): Result<z.output<S>, ValidationError> {
  const parsed = schema.safeParse(input, { error: humanizeZodIssue });
  if (parsed.success) return ok(parsed.data);
  return err(new ValidationError(what, fromZodIssues(parsed.error.issues)));
}
