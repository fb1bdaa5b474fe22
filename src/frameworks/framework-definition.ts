/**
 * The JSON form of frameworks and scales, as zod schemas, and the parse functions that read them from outside.
 *
 * @module
 */
import { showValue } from '../errors.ts';
import * as z from 'zod/v4';
import { type ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { Id, LongText, ShortText } from '../models/text.ts';
import { SchemaVersion } from '../models/lead.ts';
import { parseWith } from '../parse.ts';
import { ok, type Result } from '../result.ts';
import { completeFramework, frameworkIssues, type Framework, type FrameworkInput } from './define-framework.ts';
import { questionBankIssues, type QuestionBank } from './question-bank.ts';
import { builtinScales, scaleIssues, type RatingScale } from './scales.ts';

type Refinement = z.core.$RefinementCtx;

function report(problems: readonly ValidationIssue[], context: Refinement): void {
  for (const problem of problems) context.addIssue({ code: 'custom', message: problem.message, path: [...problem.path], input: undefined });
}

/** One level of a rating scale, as JSON. */
export const ScaleLevelDefinition = z.object({
  /** The stored rating value (a number or a word). */
  value: z.union([z.string().min(1).max(100), z.number()]),
  /** What a rep sees. */
  label: ShortText,
  /** What the level means. */
  description: LongText.optional(),
  /** Points the level earns (ignored for an `unknown` level). */
  points: z.number(),
  /** `met`, `partial`, `not_met` or `unknown`. */
  status: z.enum(['met', 'partial', 'not_met', 'unknown']),
});

const RatingScaleShape = z.object({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id of the scale. */
  id: Id,
  /** Display name. */
  name: ShortText,
  /** When to use it. */
  description: LongText.optional(),
  /** The levels, lowest first by convention. */
  levels: z.array(ScaleLevelDefinition).min(2).max(50),
});

/** A rating scale as JSON: id, name and levels (unique values, at least one `met` level). */
export const RatingScaleDefinition = RatingScaleShape.superRefine((scale, context) => report(scaleIssues(scale), context));
/** A rating scale as JSON. */
export type RatingScaleDefinition = z.input<typeof RatingScaleDefinition>;

/** One criterion of a framework, as JSON. */
export const CriterionDefinition = z.object({
  /** Identifier: a letter, then letters, digits or `_`. */
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, {
    error: (iss) => `${showValue(iss.input)} is not a criterion key: use a letter, then letters, digits or _ (at most 64)`,
  }),
  /** Display name. */
  label: ShortText,
  /** What it checks. */
  description: LongText.default(''),
  /** Questions a rep can ask, best first. */
  questions: z.array(ShortText).max(100).default([]),
  /** Relative weight (default 1). */
  weight: z.number().min(0).max(1_000_000).default(1),
  /** Hard gate (default false). */
  required: z.boolean().default(false),
  /** Shared concept (`budget`, `authority`, …). */
  concept: z.string().min(1).max(100).optional(),
});

/** The rule that says when a lead is qualified, as JSON. */
export const QualificationRuleDefinition = z.object({
  /** At least this many criteria met. */
  minMet: z.int().min(0).optional(),
  /** Normalized score (0–100) at least this. */
  minScore: z.number().min(0).max(100).optional(),
});

const FrameworkShape = z.object({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id. */
  id: Id,
  /** Display name. */
  name: ShortText,
  /** What it is for. */
  description: LongText.default(''),
  /** Version of this definition. */
  version: z.int().min(1).default(1),
  /** The scale: a full definition, or the id of a known scale (`zero-to-two`). */
  scale: z.union([RatingScaleShape, Id]),
  /** The criteria, in order. */
  criteria: z.array(CriterionDefinition).min(1).max(200),
  /** When a lead is qualified (default: every criterion met). */
  rule: QualificationRuleDefinition.default({}),
  /** Evidence older than this many days is stale (default 90). */
  staleAfterDays: z.number().positive().max(36_500).default(90),
});

/**
 * A qualification framework as JSON, the form a team stores in a database. The scale is either written out or
 * named by id. Checks the content too: unique criterion keys, a rule that can be met, a consistent scale.
 *
 * @example
 * ```ts
 * const result = FrameworkDefinition.safeParse(JSON.parse(text)); // or parseFramework(…) for leadkit's errors
 * ```
 */
export const FrameworkDefinition = FrameworkShape.superRefine((definition, context) =>
  report(frameworkIssues(definition as FrameworkInput, { scale: typeof definition.scale !== 'string' }), context),
);
/** A qualification framework as JSON. */
export type FrameworkDefinition = z.input<typeof FrameworkDefinition>;

const QuestionBankShape = z.object({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id. */
  id: Id,
  /** Display name. */
  name: ShortText,
  /** What it is for. */
  description: LongText.optional(),
  /** Sections, in order. */
  sections: z
    .array(
      z.object({
        /** Stable key. */
        key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
        /** Display name. */
        label: ShortText,
        /** What it is for. */
        description: LongText.optional(),
        /** Shared concept. */
        concept: z.string().min(1).max(100).optional(),
        /** Questions, in order. */
        questions: z.array(ShortText).min(1).max(100),
      }),
    )
    .min(1)
    .max(200),
});

/** A question bank as JSON: sections of questions (unique section keys, at least one question each). */
export const QuestionBankDefinition = QuestionBankShape.superRefine((bank, context) => report(questionBankIssues(bank), context));
/** A question bank as JSON. */
export type QuestionBankDefinition = z.input<typeof QuestionBankDefinition>;

/** Options of {@link parseFramework}. */
export interface ParseFrameworkOptions {
  /** Scales a definition may name by id (default: the built-in scales). */
  readonly scales?: readonly RatingScale[] | undefined;
}

/**
 * Reads a framework definition from untrusted data (JSON from a database or an API). Returns every problem at once,
 * each with its path: fields of the wrong type (`criteria[0].label`, `scale.levels[1].status` inside a scale written
 * out), duplicate or reserved criterion keys (`criteria[2].key`), an unknown scale id, a rule that cannot be met, an
 * inconsistent scale, a reserved key (`__proto__`) anywhere. The problems across fields are reported even when some
 * field has the wrong type. Never throws.
 *
 * @example
 * ```ts
 * const framework = parseFramework(JSON.parse(text));
 * if (!framework.ok) console.error(framework.error.message); // every problem, with its path
 * else {
 *   const assessment = parseAssessment(framework.value, json, { asOf }); // keys and ratings checked against it
 *   if (assessment.ok) console.log(evaluateAssessment(framework.value, assessment.value, { asOf }).summary);
 * }
 * ```
 */
export function parseFramework(input: unknown, options: ParseFrameworkOptions = {}): Result<Framework, ValidationError> {
  const scales = options.scales ?? builtinScales;
  const scaleId = typeof input === 'object' && input !== null ? (input as { scale?: unknown }).scale : undefined;
  const named = typeof scaleId === 'string' ? scales.find((candidate) => candidate.id === scaleId) : undefined;
  const content = (definition: unknown): ValidationIssue[] => [
    ...(typeof scaleId === 'string' && named === undefined && Id.safeParse(scaleId).success
      ? [issue(['scale'], `there is no scale ${JSON.stringify(scaleId)}; known scales: ${scales.map((known) => known.id).join(', ')}`, 'unknown_scale')]
      : []),
    ...frameworkIssues(definition as FrameworkInput, { scale: typeof scaleId !== 'string', crossFieldOnly: true }),
  ];
  const parsed = parseWith(FrameworkShape, input, 'framework definition', { forbiddenKeys: RESERVED_KEYS, check: content, checkInput: content });
  if (!parsed.ok) return parsed;
  return ok(completeFramework({ ...parsed.value, scale: named ?? (parsed.value.scale as RatingScale) }));
}

/**
 * Reads a rating scale from untrusted data, returning every problem with its path (a repeated value, no `met`
 * level, a met level worth less than one that is not met, a reserved key).
 *
 * @example
 * ```ts
 * const result = parseRatingScale({ id: 'tick', name: 'Tick', levels: [{ value: 0, label: 'No', points: 0, status: 'not_met' }, { value: 1, label: 'Yes', points: 1, status: 'met' }] });
 * ```
 */
export function parseRatingScale(input: unknown): Result<RatingScale, ValidationError> {
  const content = (scale: unknown): ValidationIssue[] => scaleIssues(scale as RatingScale, [], { crossFieldOnly: true });
  return parseWith(RatingScaleShape, input, 'rating scale', { forbiddenKeys: RESERVED_KEYS, check: content, checkInput: content });
}

/**
 * Reads a question bank from untrusted data, returning every problem with its path (repeated or reserved section
 * keys, a section without questions, a reserved key anywhere).
 *
 * @example
 * ```ts
 * const result = parseQuestionBank(JSON.parse(text));
 * ```
 */
export function parseQuestionBank(input: unknown): Result<QuestionBank, ValidationError> {
  const content = (bank: unknown): ValidationIssue[] => questionBankIssues(bank as QuestionBank, { crossFieldOnly: true });
  return parseWith(QuestionBankShape, input, 'question bank', { forbiddenKeys: RESERVED_KEYS, check: content, checkInput: content });
}
