import * as z from 'zod/v4';
import { showValue } from '../errors.ts';
import { Condition } from '../conditions/condition-definition.ts';
import { SchemaVersion } from '../models/lead.ts';
import { Id, LongText, ShortText } from '../models/text.ts';

/**
 * One criterion of an ICP: a condition on the lead (`when`, in the one condition language of `leadkit/conditions`)
 * with a weight, optionally `required` (a miss disqualifies) or `exclude` (anti-ICP: a match disqualifies). A
 * condition the lead lacks the data for is `unknown`: it is left out of the score, never counted as a miss.
 *
 * @example
 * ```ts
 * const industry = IcpCriterion.parse({ when: { field: 'company.industry', in: ['technology'] }, weight: 3, required: true });
 * ```
 */
export const IcpCriterion = z
  .strictObject({
    /** A short name for people (`Target industry`); the criterion key when left out. */
    label: ShortText.optional(),
    /** How much the criterion counts in the score, relative to the others (default 1; 0 reports without scoring). */
    weight: z.number().finite().min(0).max(1_000_000).default(1),
    /** A miss disqualifies the lead (grade F). Unknown data does not. */
    required: z.boolean().optional(),
    /** Anti-ICP: a match disqualifies the lead (grade F); the criterion never adds points. */
    exclude: z.boolean().optional(),
    /** What the criterion tests. */
    when: Condition,
  })
  .check((context) => {
    if (context.value.required === true && context.value.exclude === true)
      context.issues.push({ code: 'custom', path: ['exclude'], message: 'a criterion cannot be both required and excluded', input: context.value });
  });
/** One criterion of an ICP. */
export type IcpCriterion = z.output<typeof IcpCriterion>;

/** A criterion key: a letter, then letters, digits, `_` or `-` (`industry`, `employee-count`). */
export const IcpCriterionKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, {
  error: (iss) => `${showValue(iss.input)} is not a criterion key (a letter, then letters, digits, "_" or "-", at most 100)`,
});

/** The lowest score of grades A, B and C; below C is D. Defaults: A ≥ 80, B ≥ 60, C ≥ 40. */
export const IcpGradeThresholds = z
  .strictObject({
    /** Lowest score graded A. */
    A: z.number().min(0).max(100),
    /** Lowest score graded B. */
    B: z.number().min(0).max(100),
    /** Lowest score graded C. */
    C: z.number().min(0).max(100),
  })
  .superRefine((value, context) => {
    if (!(value.A > value.B)) context.addIssue({ code: 'custom', path: ['B'], message: `must be below A (${value.A})` });
    if (!(value.B > value.C)) context.addIssue({ code: 'custom', path: ['C'], message: `must be below B (${value.B})` });
  });
/** The lowest score of grades A, B and C. */
export type IcpGradeThresholds = z.output<typeof IcpGradeThresholds>;

/** The default grade thresholds: A ≥ 80, B ≥ 60, C ≥ 40, D below, F disqualified. */
export const DEFAULT_ICP_GRADE_THRESHOLDS: IcpGradeThresholds = Object.freeze({ A: 80, B: 60, C: 40 });

/**
 * An Ideal Customer Profile as plain, serializable data: criteria over company and contact fields, pain points and
 * intent signals (each a condition), each with a weight, some required, some excluding (anti-ICP). Store it as JSON;
 * read it back with `parseIcp`.
 *
 * @example
 * ```ts
 * const parsed = IcpDefinition.safeParse({
 *   id: 'mid-market-saas',
 *   criteria: { industry: { when: { field: 'company.industry', in: ['software'] }, weight: 3 } },
 * });
 * ```
 */
export const IcpDefinition = z
  .strictObject({
    /** Version of the stored document (1); optional when reading. */
    schemaVersion: SchemaVersion.optional(),
    /** Stable identifier (`mid-market-saas`). */
    id: Id,
    /** A name for people. */
    name: ShortText.optional(),
    /** What the profile is for. */
    description: LongText.optional(),
    /** The criteria, by key; the key names the criterion in every match result. */
    criteria: z.record(IcpCriterionKey, IcpCriterion),
    /** Grade thresholds; {@link DEFAULT_ICP_GRADE_THRESHOLDS} when left out. */
    grades: IcpGradeThresholds.optional(),
  })
  .check((context) => {
    const criteria = Object.values(context.value.criteria);
    const add = (message: string): void => {
      context.issues.push({ code: 'custom', path: ['criteria'], message, input: context.value });
    };
    if (criteria.length === 0) add('an ICP needs at least one criterion');
    else if (criteria.length > 200) add('an ICP may have at most 200 criteria');
    else if (!criteria.some((criterion) => criterion.exclude !== true && criterion.weight > 0))
      add('an ICP needs at least one scoring criterion (not `exclude`) with a weight above 0');
  });

/** A validated ICP definition (criterion keys as plain strings; see {@link Icp} for literal keys). */
export type IcpDefinition = z.output<typeof IcpDefinition>;
/** An ICP definition as written in JSON or code (defaults such as `weight: 1` may be left out). */
export type IcpDefinitionJson = z.input<typeof IcpDefinition>;

/**
 * A validated ICP whose criterion keys are the literal type `K` (from `defineIcp`), so match results name them
 * exactly: `match.missed` is `('industry' | 'employees')[]`.
 */
export type Icp<K extends string = string> = Omit<IcpDefinition, 'criteria'> & {
  /** The criteria, by key. */
  readonly criteria: { readonly [P in K]: IcpCriterion };
};
