/**
 * Reading assessments from JSON, checked against their framework.
 *
 * @module
 */
import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { DateTime } from '../models/codecs.ts';
import { SchemaVersion } from '../models/lead.ts';
import { Id, LongText, ShortText } from '../models/text.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { evidenceSources, type Assessment } from './assessment.ts';
import type { Framework } from './define-framework.ts';
import type { RatingValue } from './scales.ts';

const RatingValueSchema = z.union([z.string().min(1).max(100), z.number()]);

function criterionRating(rating: z.ZodType, asOf: Date | undefined) {
  const assessedAt =
    asOf === undefined
      ? DateTime
      : DateTime.refine((date) => date.getTime() <= asOf.getTime(), {
          error: `is in the future: it must not be after ${asOf.toISOString()} (asOf)`,
        });
  return z.object({
    rating,
    evidence: LongText.optional(),
    quote: LongText.optional(),
    source: z.enum(evidenceSources as [string, ...string[]]).optional(),
    confidence: z.number().min(0).max(1).optional(),
    assessedAt,
    assessedBy: ShortText.optional(),
    derivedFrom: z.object({ frameworkId: Id, criterion: Id, rating: RatingValueSchema }).optional(),
  });
}

/**
 * Any assessment as JSON, whatever its framework: criterion keys and ratings are not checked against a framework
 * (use {@link parseAssessment} for that). Published as a JSON Schema for other services.
 */
export const AssessmentDocument = z.object({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** The framework the ratings are for. */
  frameworkId: Id,
  /** The lead assessed. */
  leadId: Id.optional(),
  /** Ratings by criterion key. */
  criteria: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), criterionRating(RatingValueSchema, undefined)),
});
/** Any assessment as JSON. */
export type AssessmentDocument = z.input<typeof AssessmentDocument>;

/** Options of {@link parseAssessment}. */
export interface ParseAssessmentOptions {
  /** Assessment dates after this are refused as being in the future. */
  readonly asOf: Date;
}

/**
 * Reads an assessment for a framework from untrusted data, with path-specific errors: an unknown criterion key
 * (`criteria.budjet`), a rating off the scale (`criteria.budget.rating`), a date in the future relative to `asOf`
 * (`criteria.need.assessedAt`), a `frameworkId` that is not the framework's. Dates become `Date`s. Never throws.
 *
 * @example
 * ```ts
 * const result = parseAssessment(bantFramework, JSON.parse(body), { asOf });
 * if (!result.ok) return reply(400, result.error.issues);
 * const verdict = evaluate(bantFramework, result.value, { asOf });
 * ```
 */
export function parseAssessment<K extends string, V extends RatingValue>(
  framework: Framework<K, V>,
  input: unknown,
  options: ParseAssessmentOptions,
): Result<Assessment<K, V>, ValidationError> {
  const values = framework.scale.levels.map((level) => level.value);
  const rating = criterionRating(z.literal(values as [V, ...V[]]), options.asOf);
  const shape: Record<string, z.ZodOptional<typeof rating>> = {};
  for (const criterion of framework.criteria) Object.defineProperty(shape, criterion.key, { value: rating.optional(), enumerable: true });
  const schema = z.object({
    frameworkId: z.literal(framework.id, {
      error: (iss) =>
        iss.input === undefined
          ? `is required but missing (expected ${JSON.stringify(framework.id)})`
          : `is ${JSON.stringify(iss.input)}, but this is an assessment for ${JSON.stringify(framework.id)}`,
    }),
    leadId: Id.optional(),
    criteria: z.strictObject(shape),
  });
  return parseWith(schema, input, `${framework.name} assessment`) as Result<Assessment<K, V>, ValidationError>;
}
