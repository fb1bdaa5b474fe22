import { conditionFieldIssues, fieldUseIssues } from '../conditions/check-fields.ts';
import { leadFieldCatalog, type LeadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import type { ValidationError, ValidationIssue } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { ScoringModel, scoringModelCrossIssues, type ScoringModelJson } from './scoring-model-definition.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every field problem of a model against a lead schema's fields (internal): unknown paths (with a "did you mean"),
 * tests that do not suit a field, values not in a field's closed list, a money field without a currency. It reads the
 * model defensively, so it also runs on a model that did not parse, to list every problem at once.
 */
export function scoringModelFieldIssues(model: unknown, catalog: LeadFieldCatalog): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  if (!isRecord(model)) return problems;
  const rules = Array.isArray(model['rules']) ? model['rules'] : [];
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule)) return;
    const at = ['rules', index];
    if ((rule['kind'] === 'points' || rule['kind'] === 'disqualify') && rule['when'] !== undefined)
      problems.push(...conditionFieldIssues(rule['when'], catalog, [...at, 'when']));
    const field = rule['field'];
    if (typeof field !== 'string') return;
    if (rule['kind'] === 'values' && isRecord(rule['values'])) {
      const keys = Object.keys(rule['values']);
      problems.push(
        ...fieldUseIssues(field, { test: 'values', values: keys, caseSensitive: rule['caseSensitive'] === true }, catalog, [...at, 'field'], (position) => [
          ...at,
          'values',
          keys[position] as string,
        ]),
      );
    } else if (rule['kind'] === 'bands') {
      problems.push(
        ...fieldUseIssues(
          field,
          { test: 'range', currency: typeof rule['currency'] === 'string' ? rule['currency'] : undefined },
          catalog,
          [...at, 'field'],
          () => [...at, 'bands'],
        ),
      );
    }
  });
  const grading = isRecord(model['grading']) ? model['grading'] : undefined;
  const overrides = grading !== undefined && Array.isArray(grading['overrides']) ? grading['overrides'] : [];
  overrides.forEach((override: unknown, index) => {
    if (isRecord(override)) problems.push(...conditionFieldIssues(override['when'], catalog, ['grading', 'overrides', index, 'when']));
  });
  return problems;
}

/**
 * Parses untrusted JSON (from a database, an API) into a validated {@link ScoringModel}, listing every problem with
 * its path: the shape of each rule, the problems that involve several parts (duplicate rule ids, a floor above a
 * cap) even when other parts are invalid, `__proto__` keys, and the field paths against your lead schema
 * (`options.lead`, `Lead` by default), with a "did you mean" for a typo.
 *
 * @example
 * ```ts
 * const parsed = parseScoringModel(JSON.parse(text));
 * if (!parsed.ok) console.error(parsed.error.message);
 * ```
 */
export function parseScoringModel(input: unknown, options: LeadSchemaOptions = {}): Result<ScoringModel, ValidationError> {
  const fieldIssues = (model: unknown) => scoringModelFieldIssues(model, leadFieldCatalog(options.lead));
  return parseWith(ScoringModel, input, 'scoring model', {
    checkInput: (model) => [...scoringModelCrossIssues(model), ...fieldIssues(model)],
    check: fieldIssues,
  });
}

/**
 * Defines a scoring model in code: validated as {@link parseScoringModel} does and returned as plain data (the
 * same JSON a team stores in a database). `const` inference keeps rule ids literal.
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
export function defineScoringModel<const M extends ScoringModelJson>(model: M, options: LeadSchemaOptions = {}): M & ScoringModel {
  const parsed = parseScoringModel(model, options);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as M & ScoringModel;
}

/**
 * Exports a model to plain JSON data (a deep copy without `undefined` fields), ready for `JSON.stringify` and a
 * database. `compileScoringModel(scoringModelToJson(model))` scores exactly as the original.
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(scoringModelToJson(scorer.model)); // a compiled scorer keeps its model
 * ```
 */
export function scoringModelToJson(model: ScoringModel | ScoringModelJson): ScoringModelJson {
  return JSON.parse(JSON.stringify(model)) as ScoringModelJson;
}
