import { ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { forbiddenKeyIssues } from '../internal/forbidden-keys.ts';
import { parseWith } from '../parse.ts';
import { err, type Result } from '../result.ts';
import { ScoringModel, scoringModelCrossIssues, type ScoringModelJson } from './model.ts';

/**
 * Validates a scoring model written in code and returns it as plain data (the same JSON a team stores in a
 * database). `const` inference keeps rule ids literal.
 *
 * @example
 * ```ts
 * const model = defineScoringModel({
 *   schemaVersion: 1,
 *   id: 'priority',
 *   rules: [{ kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10 } }],
 * });
 * ```
 * @throws ValidationError listing every problem when the model is invalid (a programmer error in code).
 */
export function defineScoringModel<const M extends ScoringModelJson>(model: M): M {
  const parsed = parseScoringModel(model);
  if (!parsed.ok) throw parsed.error;
  return model;
}

/**
 * Parses untrusted JSON (from a database, an API) into a validated {@link ScoringModel}, listing every problem
 * with its path, including those that involve several parts (duplicate rule ids, a floor above a cap) when other
 * parts are invalid too. A `__proto__` key anywhere is reported (it would otherwise be dropped without a word, and
 * with it a group's cap or a listed value).
 *
 * @example
 * ```ts
 * const parsed = parseScoringModel(JSON.parse(text));
 * if (!parsed.ok) console.error(parsed.error.message);
 * ```
 */
export function parseScoringModel(input: unknown): Result<ScoringModel, ValidationError> {
  const forbidden = forbiddenKeyIssues(input, ['__proto__']);
  const parsed = parseWith(ScoringModel, input, 'scoring model');
  if (parsed.ok && forbidden.length === 0) return parsed;
  const issues: ValidationIssue[] = [...forbidden, ...(parsed.ok ? [] : parsed.error.issues)];
  // zod skips the model's own checks when a part is invalid: run them on the raw input, once per problem.
  if (!parsed.ok)
    for (const problem of scoringModelCrossIssues(input)) {
      const found = issue(problem.path, problem.message);
      if (!issues.some((known) => known.pathText === found.pathText && known.message === found.message)) issues.push(found);
    }
  return err(new ValidationError('scoring model', issues));
}

/**
 * Exports a model to plain JSON data (a deep copy without `undefined` fields), ready for `JSON.stringify` and a
 * database. `compileScoringModel(scoringModelToJson(model))` scores exactly as the original.
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(scoringModelToJson(model));
 * ```
 */
export function scoringModelToJson(model: ScoringModel | ScoringModelJson): ScoringModelJson {
  return JSON.parse(JSON.stringify(model)) as ScoringModelJson;
}
