/**
 * Reading assessments from JSON, and checking assessments written in code, against their framework.
 *
 * @module
 */
import { showValue } from '../errors.ts';
import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { isReservedKey } from '../internal/reserved-key.ts';
import { instantMs, type Instant } from '../internal/instant.ts';
import { DateTime } from '../models/codecs.ts';
import { SchemaVersion } from '../models/lead.ts';
import { Id, LongText, ShortText } from '../models/text.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { evidenceSources, type Assessment } from './assessment.ts';
import type { Framework } from './define-framework.ts';
import type { RatingValue } from './scales.ts';

const RatingValueSchema = z.union([z.string().min(1).max(100), z.number()]);

/** A date that is valid and not after `asOfMs`, when given (the same rule for JSON strings and `Date`s). */
function notAfter(date: z.ZodType<Date>, asOfMs: number): z.ZodType<Date> {
  const asOfText = new Date(asOfMs).toISOString();
  return date.refine((value) => value.getTime() <= asOfMs, { error: `is in the future: it must not be after ${asOfText} (asOf)` });
}

function criterionRating(rating: z.ZodType, assessedAt: z.ZodType) {
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
  /** Ratings by criterion key (a key that names a member of every object, such as `constructor`, is refused). */
  criteria: z.record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)
      .refine((key) => !isReservedKey(key), { error: (iss) => `${showValue(iss.input)} is not allowed as a key` }),
    criterionRating(RatingValueSchema, DateTime),
  ),
});
/** Any assessment as JSON. */
export type AssessmentDocument = z.input<typeof AssessmentDocument>;

/** Options of {@link parseAssessment} and {@link defineAssessment}. */
export interface ParseAssessmentOptions {
  /** Assessment dates after this are refused as being in the future (a `Date` or epoch milliseconds). */
  readonly asOf: Instant;
}

function assessmentSchema(framework: Framework<string, RatingValue>, assessedAt: z.ZodType) {
  const values = framework.scale.levels.map((level) => level.value);
  const rating = criterionRating(z.literal(values as [RatingValue, ...RatingValue[]]), assessedAt);
  const shape: Record<string, z.ZodOptional<typeof rating>> = {};
  for (const criterion of framework.criteria) Object.defineProperty(shape, criterion.key, { value: rating.optional(), enumerable: true });
  return z.object({
    frameworkId: z.literal(framework.id, {
      error: (iss) =>
        iss.input === undefined
          ? `is required but missing (expected ${JSON.stringify(framework.id)})`
          : `is ${showValue(iss.input)}, but this is an assessment for ${JSON.stringify(framework.id)}`,
    }),
    leadId: Id.optional(),
    criteria: z.strictObject(shape),
  });
}

function checked<K extends string, V extends RatingValue>(
  framework: Framework<K, V>,
  input: unknown,
  assessedAt: z.ZodType,
): Result<Assessment<K, V>, ValidationError> {
  // Reserved keys are refused as every parse refuses them (zod would assign a `__proto__` key rather than keep it).
  return parseWith(assessmentSchema(framework, assessedAt), input, `${framework.name} assessment`, { forbiddenKeys: RESERVED_KEYS }) as Result<
    Assessment<K, V>,
    ValidationError
  >;
}

/**
 * Reads an assessment for a framework from untrusted data, with path-specific errors: an unknown criterion key
 * (at `criteria.budjet`: `is not a known field (did you mean "budget"?)`), a rating off the scale (`criteria.budget.rating`), a date in the future relative to `asOf`
 * (`criteria.need.assessedAt`), a `frameworkId` that is not the framework's, a `__proto__` key. Dates become
 * `Date`s. Never throws on bad data.
 *
 * @throws RangeError when `options.asOf` is not a valid instant (a programmer error; the same check as every
 * function that takes `asOf`).
 * @example
 * ```ts
 * function onAssessment(body: unknown) {               // your API handler, given the request's JSON
 *   const result = parseAssessment(bantFramework, body, { asOf });
 *   if (!result.ok) return reply(400, result.error.issues);
 *   return reply(200, evaluateAssessment(bantFramework, result.value, { asOf }));
 * }
 * ```
 */
export function parseAssessment<K extends string, V extends RatingValue>(
  framework: Framework<K, V>,
  input: unknown,
  options: ParseAssessmentOptions,
): Result<Assessment<K, V>, ValidationError> {
  return checked(framework, input, notAfter(DateTime, instantMs(options.asOf, 'asOf')));
}

const DateValue = z.date({ error: 'is not a valid date' }).refine((date) => !Number.isNaN(date.getTime()), 'is not a valid date');

/**
 * Checks an assessment written in code against its framework, with the rules of {@link parseAssessment}
 * (criterion keys of the framework, ratings on its scale, valid dates not after `asOf`, confidence 0–1), and
 * returns a copy. `assessedAt` is a `Date` here, not an ISO string. The input is not mutated.
 *
 * @throws ValidationError when the assessment breaks those rules (a programmer error in code; use
 * {@link parseAssessment} for data from outside, which returns the error).
 * @throws RangeError when `options.asOf` is not a valid instant.
 * @example
 * ```ts
 * const assessment = defineAssessment(bantFramework, {
 *   frameworkId: 'bant',
 *   criteria: { budget: { rating: 'strong', assessedAt: new Date('2025-06-20T10:00:00Z') } },
 * }, { asOf: new Date('2025-06-30T00:00:00Z') });
 * ```
 */
export function defineAssessment<K extends string, V extends RatingValue>(
  framework: Framework<K, V>,
  assessment: NoInfer<Assessment<K, V>>,
  options: ParseAssessmentOptions,
): Assessment<K, V> {
  const result = checked(framework, assessment, notAfter(DateValue, instantMs(options.asOf, 'asOf')));
  if (!result.ok) throw result.error;
  return result.value;
}
