/**
 * One condition language for every leadkit definition: scoring rules, overrides and gates, segments and ICP criteria
 * write conditions on a lead the same way, name fields with the same dotted paths, compare text the same way and
 * compile through the same compiler, so a condition gives one answer wherever it is used.
 *
 * @example
 * ```ts
 * import { compileCondition, defineCondition } from 'leadkit/conditions';
 *
 * const engagedDecisionMaker = defineCondition({
 *   all: [
 *     { field: 'contact.seniority', in: ['vp', 'c_level'] },
 *     { activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 30 },
 *   ],
 * });
 * compileCondition(engagedDecisionMaker).evaluate(lead, { asOf: new Date('2024-06-01T00:00:00Z') }); // 'matched' | 'missed' | 'unknown'
 * ```
 *
 * @module
 */
export { ActivityFilter, compileActivityFilter, describeActivityFilter, type ActivityFilterJson, type ActivityPredicate } from './activity-filter.ts';
export { Condition, FIELD_TESTS, type ConditionJson, type ConditionValue, type FieldTest, type TextOrList } from './condition-definition.ts';
export {
  compileCondition,
  describeCondition,
  isMissingValue,
  type CompiledCondition,
  type ConditionExplanation,
  type ConditionOptions,
  type ConditionOutcome,
  type LeadPredicate,
  type ObservedValue,
} from './compile-condition.ts';
export {
  FieldPath,
  LEAD_FIELD_PATHS,
  compileFieldReader,
  leadFieldCatalog,
  resolveFieldPath,
  stageAsOfInstant,
  type FieldPathText,
  type FieldReader,
  type LeadField,
  type LeadFieldCatalog,
  type LeadFieldKind,
  type LeadFieldPath,
  type LeadSchema,
} from './field-path.ts';
export { foldText } from './fold-text.ts';
export { DEFAULT_MISSING_MARKERS, createMissingValueTest, type MissingValueTest } from './missing-markers.ts';
export { defineCondition, parseCondition, type LeadSchemaOptions } from './parse-condition.ts';
export {
  MAX_MATCHED_URL_LENGTH,
  MAX_URL_PATTERN_LENGTH,
  MAX_URL_PATTERN_STARS,
  compileUrlPattern,
  matchUrlPattern,
  type MatchSteps,
  type UrlMatcher,
} from './url-pattern.ts';
