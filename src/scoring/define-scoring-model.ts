import type { ValidationError } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { ScoringModel, type ScoringModelJson } from './model.ts';

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
  const parsed = parseWith(ScoringModel, model, 'scoring model');
  if (!parsed.ok) throw parsed.error;
  return model;
}

/**
 * Parses untrusted JSON (from a database, an API) into a validated {@link ScoringModel}, listing every problem
 * with its path.
 *
 * @example
 * ```ts
 * const parsed = parseScoringModel(JSON.parse(text));
 * if (!parsed.ok) console.error(parsed.error.message);
 * ```
 */
export function parseScoringModel(input: unknown): Result<ScoringModel, ValidationError> {
  return parseWith(ScoringModel, input, 'scoring model');
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
