import { leadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import type { ValidationError } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { featureSpecFieldIssues } from './parse-feature-spec.ts';
import { PredictiveModel } from './predictive-model-definition.ts';

/**
 * Validates a stored predictive model (for example `JSON.parse` of a file), listing every problem with its path: its
 * form, its features against its spec, and the spec's field paths against your lead schema (`options.lead`, `Lead`
 * by default). Never throws, whatever the input.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel; // from trainModel
 *
 * const stored = JSON.stringify(model);
 * const loaded = parsePredictiveModel(JSON.parse(stored));
 * if (loaded.ok) predictLead(loaded.value, lead, { asOf }); // identical to predictLead(model, lead, { asOf })
 * ```
 */
export function parsePredictiveModel(input: unknown, options: LeadSchemaOptions = {}): Result<PredictiveModel, ValidationError> {
  return parseWith(PredictiveModel, input, 'predictive model', {
    check: (model) =>
      featureSpecFieldIssues(model.spec, leadFieldCatalog(options.lead)).map((found) => ({
        ...found,
        path: ['spec', ...found.path],
        pathText: `spec.${found.pathText}`,
      })),
  });
}
