/**
 * Internal: finds keys in untrusted JSON that zod would drop without a word (`__proto__` is assigned as the
 * prototype, not kept as a key), so that a parse can report them instead of silently ignoring part of a definition.
 */
import { issue, type ValidationIssue } from '../errors.ts';

/** Deepest nesting searched, and most issues reported: enough for any definition, bounded for hostile input. */
const MAX_DEPTH = 12;
const MAX_ISSUES = 20;

/**
 * The issues for every own key of `input` (searched recursively through objects and arrays) that is one of
 * `forbidden`, each with its path.
 */
export function forbiddenKeyIssues(input: unknown, forbidden: readonly string[]): ValidationIssue[] {
  const found: ValidationIssue[] = [];
  const visit = (value: unknown, path: (string | number)[], depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || found.length >= MAX_ISSUES) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    for (const key of forbidden) if (Object.hasOwn(value, key)) found.push(issue([...path, key], `"${key}" is not allowed as a key`, 'forbidden_key'));
    for (const [key, item] of Object.entries(value)) if (!forbidden.includes(key)) visit(item, [...path, key], depth + 1);
  };
  visit(input, [], 0);
  return found.slice(0, MAX_ISSUES);
}
