import * as z from 'zod/v4';
import { conditionFieldIssues } from '../conditions/check-fields.ts';
import { Condition } from '../conditions/condition-definition.ts';
import { leadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import type { ValidationError } from '../errors.ts';
import { SchemaVersion } from '../models/lead.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';

/** The kind of segmentation, for grouping segments in a UI. */
export const SegmentCategory = z.enum(['demographic', 'firmographic', 'behavioral', 'engagement', 'mixed']);
/** The kind of segmentation. */
export type SegmentCategory = z.output<typeof SegmentCategory>;

/**
 * A segment as plain, serializable data: an id, a label, a category and the condition a lead must meet (`when`, in the
 * one condition language of `leadkit/conditions`). A lead belongs when the condition holds as of `asOf`: activity
 * windows end at `asOf`, `stage` is the stage as of `asOf`, other fields are read as they are on the lead. A condition
 * that is unknown for a lead (a test on a field the lead lacks) leaves it out.
 *
 * @example
 * ```ts
 * const midMarketSaas = SegmentDefinition.parse({
 *   id: 'mid-market-saas',
 *   label: 'Mid-market software',
 *   category: 'firmographic',
 *   when: { all: [
 *     { field: 'company.industry', equals: 'software' },
 *     { field: 'company.employeeCount', min: 50, max: 200 },
 *   ] },
 * });
 * ```
 */
export const SegmentDefinition = z.strictObject({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id. */
  id: z.string().min(1).max(200),
  /** Name shown to people. */
  label: z.string().min(1).max(500).optional(),
  /** What it is for. */
  description: z.string().max(10_000).optional(),
  /** Kind of segmentation. */
  category: SegmentCategory.optional(),
  /** Who belongs. */
  when: Condition,
});
/** A segment as plain data. */
export type SegmentDefinition = z.output<typeof SegmentDefinition>;
/** A segment as JSON input. */
export type SegmentDefinitionJson = z.input<typeof SegmentDefinition>;

/**
 * Parses a segment from untrusted JSON, listing every problem with its path, field paths included (checked against
 * `options.lead`, `Lead` by default, with a "did you mean").
 *
 * @example
 * ```ts
 * const result = parseSegment(JSON.parse(text));
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export function parseSegment(input: unknown, options: LeadSchemaOptions = {}): Result<SegmentDefinition, ValidationError> {
  const fieldIssues = (segment: unknown) =>
    typeof segment === 'object' && segment !== null ? conditionFieldIssues((segment as { when?: unknown }).when, leadFieldCatalog(options.lead), ['when']) : [];
  return parseWith(SegmentDefinition, input, 'segment', { check: fieldIssues, checkInput: fieldIssues });
}

/**
 * Defines a segment in code, validated as {@link parseSegment} does; `const` inference keeps the id literal.
 *
 * @example
 * ```ts
 * const engaged = defineSegment({ id: 'engaged', category: 'engagement', when: { activity: {}, withinDays: 30 } });
 * ```
 * @throws ValidationError listing every problem when the segment is invalid (a programmer error in code).
 */
export function defineSegment<const S extends SegmentDefinitionJson>(segment: S, options: LeadSchemaOptions = {}): S & SegmentDefinition {
  const parsed = parseSegment(segment, options);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as S & SegmentDefinition;
}
