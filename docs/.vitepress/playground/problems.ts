import type { ValidationIssue } from 'leadkit/models';
import type { PathSegment } from './json-paths.ts';

/** A problem to show: where (a path into the edited JSON) and what. */
export interface Problem {
  /** Path into the edited document (`[]` for the whole document). */
  readonly path: readonly PathSegment[];
  /** The path as text: `rules[2].points`, or `(root)`. */
  readonly pathText: string;
  /** What is wrong. */
  readonly message: string;
}

/** leadkit's issues as problems. */
export function fromIssues(issues: readonly ValidationIssue[], prefix: readonly PathSegment[] = [], prefixText = ''): Problem[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path],
    pathText:
      prefixText === ''
        ? issue.pathText
        : issue.pathText === '(root)'
          ? prefixText
          : issue.pathText.startsWith('[')
            ? `${prefixText}${issue.pathText}`
            : `${prefixText}.${issue.pathText}`,
    message: issue.message,
  }));
}

/** Reads JSON text: the value, or the syntax error as a problem at the root. */
export function readJson(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: { path: [], pathText: '(root)', message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
