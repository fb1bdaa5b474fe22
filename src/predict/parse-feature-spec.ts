import { leadFieldCatalog, resolveFieldPath, type LeadFieldCatalog, type LeadFieldKind } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { issue, type ValidationError, type ValidationIssue } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import {
  FeatureSpec,
  type CategoricalFeatureSource,
  type FeatureSpecJson,
  type NumericFeatureSource,
  type SimpleCategoricalSource,
} from './feature-spec-definition.ts';

type Use = 'category' | 'number' | 'date';

const advice: Record<Use, Partial<Record<LeadFieldKind, string>>> = {
  category: {
    list: 'holds a list of text, and a categorical feature takes one value per lead: read one custom field instead',
    money: 'is an amount of money: use a numeric feature (read in major units), or a binned one',
    date: 'is a date: use a numeric feature { "daysSince": "<path>" }',
  },
  number: {
    text: 'holds text: use a categorical feature',
    list: 'holds a list of text: a numeric feature takes one number per lead',
    date: 'is a date: read it as { "daysSince": "<path>" }',
  },
  date: {
    text: 'holds text, not a date',
    number: 'holds a number, not a date: read it as a numeric feature',
    boolean: 'holds true or false, not a date',
    money: 'is an amount of money, not a date',
    list: 'holds a list of text, not a date',
  },
};

function pathIssues(path: string, use: Use, catalog: LeadFieldCatalog, at: readonly (string | number)[]): ValidationIssue[] {
  const resolved = resolveFieldPath(path, catalog);
  if (!resolved.ok) return [issue([...at], resolved.message, 'unknown_field')];
  const problem = advice[use][resolved.field.kind];
  return problem === undefined ? [] : [issue([...at], `${path} ${problem.replace('<path>', path)}`, 'unsuited_field')];
}

function numericSourceIssues(source: NumericFeatureSource, catalog: LeadFieldCatalog, at: readonly (string | number)[]): ValidationIssue[] {
  if (typeof source === 'string') return pathIssues(source, 'number', catalog, at);
  if ('daysSince' in source) return pathIssues(source.daysSince, 'date', catalog, [...at, 'daysSince']);
  return [];
}

function simpleCategoricalIssues(source: SimpleCategoricalSource, catalog: LeadFieldCatalog, at: readonly (string | number)[]): ValidationIssue[] {
  if (typeof source === 'string') return pathIssues(source, 'category', catalog, at);
  return numericSourceIssues(source.binned, catalog, [...at, 'binned']);
}

function categoricalSourceIssues(source: CategoricalFeatureSource, catalog: LeadFieldCatalog, at: readonly (string | number)[]): ValidationIssue[] {
  if (typeof source === 'object' && 'cross' in source)
    return source.cross.flatMap((part, index) => simpleCategoricalIssues(part, catalog, [...at, 'cross', index]));
  return simpleCategoricalIssues(source, catalog, at);
}

/**
 * Every field problem of a parsed spec against a lead schema's fields (internal): a path that names no field (with a
 * "did you mean"), or a field that cannot be read the way the feature reads it (a date as a category, text as a
 * number).
 */
export function featureSpecFieldIssues(spec: FeatureSpec, catalog: LeadFieldCatalog): ValidationIssue[] {
  return spec.features.flatMap((feature, index) =>
    feature.kind === 'categorical'
      ? categoricalSourceIssues(feature.from, catalog, ['features', index, 'from'])
      : numericSourceIssues(feature.from, catalog, ['features', index, 'from']),
  );
}

/**
 * Validates a feature spec from JSON (a database, a file), listing every problem with its path: its form, and every
 * field path against your lead schema (`options.lead`, `Lead` and `customFields.*` by default), with a "did you mean"
 * for a typo. Never throws.
 *
 * @example
 * ```ts
 * import * as z from 'zod/v4';
 *
 * const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']) });
 * const result = parseFeatureSpec(JSON.parse(stored), { lead: CrmLead }); // paths may name accountTier too
 * if (!result.ok) console.error(result.error.message); // features[0].from: "company.industy" is not a field … Did you mean "company.industry"?
 * ```
 */
export function parseFeatureSpec(input: unknown, options: LeadSchemaOptions = {}): Result<FeatureSpec, ValidationError> {
  return parseWith(FeatureSpec, input, 'feature spec', { check: (spec) => featureSpecFieldIssues(spec, leadFieldCatalog(options.lead)) });
}

/**
 * Defines a feature spec in code: validated as {@link parseFeatureSpec} does (paths checked against `options.lead`)
 * and returned as written, with its literal types.
 *
 * @example
 * ```ts
 * const spec = defineFeatureSpec({
 *   missingWhen: ['unknown'],
 *   features: [
 *     { kind: 'categorical', name: 'industry', from: 'company.industry' },
 *     { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p' },
 *     { kind: 'numeric', name: 'pricing', label: 'pricing page views', from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 } },
 *   ],
 * });
 * ```
 * @throws ValidationError listing every problem when the spec is invalid (a programmer error for a spec written in
 * code; use {@link parseFeatureSpec} for stored specs).
 */
export function defineFeatureSpec<const S extends FeatureSpecJson>(spec: S, options: LeadSchemaOptions = {}): S & FeatureSpec {
  const parsed = parseFeatureSpec(spec, options);
  if (!parsed.ok) throw parsed.error;
  return spec as S & FeatureSpec;
}
