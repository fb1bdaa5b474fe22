import * as z from 'zod/v4';
import { ActivityType, PageKind } from '../models/activity.ts';
import { DecisionRole, Department, Seniority } from '../models/contact.ts';
import { isCountryCode } from '../models/country.ts';
import { SchemaVersion } from '../models/lead.ts';
import { LeadSource } from '../models/lead-source.ts';
import { CurrencyCode, money } from '../models/money.ts';
import { Id, LongText, ShortText } from '../models/text.ts';

const forbiddenSegments = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A dotted path to a value of the lead: `company.industry`, `contact.seniority`, `source`, or a field you added
 * with `Lead.extend` (`plan`, `customFields.tier`). `contact.emailDomain` is derived from `contact.email`.
 * Only own properties are read, so a path never reaches a prototype.
 */
export const IcpFieldPath = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, {
    error: (iss) => `${JSON.stringify(iss.input)} is not a field path such as "company.industry"`,
  })
  .refine((path) => !path.split('.').some((segment) => forbiddenSegments.has(segment)), {
    error: (iss) => `${JSON.stringify(iss.input)} may not use "constructor" or "prototype"`,
  });

const Values = z.array(ShortText).min(1).max(10_000);
const decimalAmountPattern = /^\d{1,16}(\.\d{1,4})?$/;
const DecimalAmount = z.string().regex(decimalAmountPattern, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a decimal amount such as "10000000" or "2500.50"`,
});

// Fields whose values come from a closed list: an ICP listing a value outside it is a typo, not a criterion.
const closedLists: Record<string, { readonly values: ReadonlySet<string>; readonly noun: string }> = {
  'contact.seniority': { values: new Set(Seniority.options), noun: 'seniority' },
  'contact.department': { values: new Set(Department.options), noun: 'department' },
  'contact.decisionRole': { values: new Set(DecisionRole.options), noun: 'decision role' },
  source: { values: new Set(LeadSource.options), noun: 'lead source' },
};

const oneOfShape = {
  /** Matched when the value at `field` is one of `values` (ignoring case); a list field matches when any item does. */
  kind: z.literal('oneOf'),
  /** Where the value is read. */
  field: IcpFieldPath,
  /** The accepted values. */
  values: Values,
};
const rangeShape = {
  /** Matched when the number at `field` is within `min`–`max` (both inclusive; either may be left out). */
  kind: z.literal('range'),
  /** Where the number is read (`company.employeeCount`). */
  field: IcpFieldPath,
  /** Smallest accepted value. */
  min: z.number().finite().optional(),
  /** Largest accepted value. */
  max: z.number().finite().optional(),
};
const moneyRangeShape = {
  /** Matched when the amount at `field` is within `min`–`max` in `currency`; another currency is `unknown`, never converted. */
  kind: z.literal('moneyRange'),
  /** Where the amount of money is read; `company.annualRevenue` when left out. */
  field: IcpFieldPath.default('company.annualRevenue'),
  /** The one currency the range is written in. */
  currency: CurrencyCode,
  /** Smallest accepted amount, a decimal string in the currency's major unit (`"10000000"`). */
  min: DecimalAmount.optional(),
  /** Largest accepted amount, a decimal string in the currency's major unit (`"50000000"`). */
  max: DecimalAmount.optional(),
};
const listShape = <const K extends string>(kind: K) => ({
  kind: z.literal(kind),
  /** Matched when at least one of these is present. Give `anyOf` or `allOf`, not both. */
  anyOf: Values.optional(),
  /** Matched when every one of these is present. Give `anyOf` or `allOf`, not both. */
  allOf: Values.optional(),
});
const jobTitleShape = {
  /** Matched when the contact's job title contains one of the phrases as whole words, ignoring case (`cto`, `it director`). */
  kind: z.literal('jobTitle'),
  /** The accepted phrases. */
  anyOf: Values,
};

/** One kind of activity that shows buying intent: `{ activity: 'page_viewed', pageKind: 'pricing' }`, `{ activity: 'demo_requested' }`. */
export const IcpIntentSignal = z
  .strictObject({
    /** The activity type. */
    activity: ActivityType,
    /** For page views: the page kind required. */
    pageKind: PageKind.optional(),
    /** For page views and e-mail clicks: text the URL must contain, ignoring case (`/pricing`). */
    urlIncludes: ShortText.optional(),
  })
  .superRefine((signal, context) => {
    if (signal.pageKind !== undefined && signal.activity !== 'page_viewed')
      context.addIssue({ code: 'custom', path: ['pageKind'], message: `only applies to page_viewed, not ${signal.activity}` });
    if (signal.urlIncludes !== undefined && signal.activity !== 'page_viewed' && signal.activity !== 'email_clicked')
      context.addIssue({ code: 'custom', path: ['urlIncludes'], message: `only applies to page_viewed and email_clicked, not ${signal.activity}` });
  });
/** One kind of activity that shows buying intent. */
export type IcpIntentSignal = z.output<typeof IcpIntentSignal>;

const intentShape = {
  /** Matched when the lead has at least `minCount` of the `signals` in the `withinDays` days up to `asOf`. Never unknown. */
  kind: z.literal('intent'),
  /** The activities that count; any of them. */
  signals: z.array(IcpIntentSignal).min(1).max(100),
  /** How far back from `asOf` an activity counts, in days. */
  withinDays: z.number().int().min(1).max(36_500),
  /** How many matching activities are needed (default 1). */
  minCount: z.number().int().min(1).max(10_000).default(1),
};

type Context = z.core.$RefinementCtx;

function checkOneOf(value: { field: string; values: readonly string[] }, context: Context): void {
  const closed = closedLists[value.field];
  value.values.forEach((entry, index) => {
    if (closed !== undefined && !closed.values.has(entry.toLowerCase()))
      context.addIssue({
        code: 'custom',
        path: ['values', index],
        message: `${JSON.stringify(entry)} is not a ${closed.noun}; use one of ${[...closed.values].join(', ')}`,
      });
    if (value.field === 'company.country' && !isCountryCode(entry.toUpperCase()))
      context.addIssue({ code: 'custom', path: ['values', index], message: `${JSON.stringify(entry)} is not an ISO 3166-1 alpha-2 country code` });
  });
}

function checkRange(value: { min?: number | undefined; max?: number | undefined }, context: Context): void {
  if (value.min === undefined && value.max === undefined)
    context.addIssue({ code: 'custom', path: ['min'], message: 'a range needs min, max or both' });
  if (value.min !== undefined && value.max !== undefined && value.min > value.max)
    context.addIssue({ code: 'custom', path: ['max'], message: `must be at least min (${value.min})` });
}

function checkMoneyRange(value: { currency: string; min?: string | undefined; max?: string | undefined }, context: Context): void {
  const minor: Record<'min' | 'max', number | undefined> = { min: undefined, max: undefined };
  for (const bound of ['min', 'max'] as const) {
    const amount = value[bound];
    // A malformed amount already has its own issue from the pattern.
    if (amount === undefined || !decimalAmountPattern.test(amount)) continue;
    try {
      minor[bound] = money(amount, value.currency).amountMinor;
    } catch {
      context.addIssue({ code: 'custom', path: [bound], message: `${JSON.stringify(amount)} has more decimal places than ${value.currency} allows or is too large` });
    }
  }
  if (value.min === undefined && value.max === undefined)
    context.addIssue({ code: 'custom', path: ['min'], message: 'a range needs min, max or both' });
  if (minor.min !== undefined && minor.max !== undefined && minor.min > minor.max)
    context.addIssue({ code: 'custom', path: ['max'], message: `must be at least min (${value.min ?? ''})` });
}

function checkList(value: { anyOf?: readonly string[] | undefined; allOf?: readonly string[] | undefined }, context: Context): void {
  if ((value.anyOf === undefined) === (value.allOf === undefined))
    context.addIssue({ code: 'custom', path: ['anyOf'], message: 'give exactly one of anyOf or allOf' });
}

const technologiesShape = listShape('technologies');
const painPointsShape = listShape('painPoints');

const criterionShape = {
  /** A short name for people (`Target industry`); the criterion key when left out. */
  label: ShortText.optional(),
  /** How much the criterion counts in the score, relative to the others (default 1; 0 reports without scoring). */
  weight: z.number().finite().min(0).max(1_000_000).default(1),
  /** A miss disqualifies the lead (grade F). Unknown data does not. */
  required: z.boolean().optional(),
  /** Anti-ICP: a match disqualifies the lead (grade F); the criterion never adds points. */
  exclude: z.boolean().optional(),
};

function checkCriterion(value: { required?: boolean | undefined; exclude?: boolean | undefined }, context: Context): void {
  if (value.required === true && value.exclude === true)
    context.addIssue({ code: 'custom', path: ['exclude'], message: 'a criterion cannot be both required and excluded' });
}

const oneOfCondition = z.strictObject(oneOfShape).superRefine(checkOneOf);
const rangeCondition = z.strictObject(rangeShape).superRefine(checkRange);
const moneyRangeCondition = z.strictObject(moneyRangeShape).superRefine(checkMoneyRange);
const technologiesCondition = z.strictObject(technologiesShape).superRefine(checkList);
const painPointsCondition = z.strictObject(painPointsShape).superRefine(checkList);
const jobTitleCondition = z.strictObject(jobTitleShape);
const intentCondition = z.strictObject(intentShape);

/** A condition that is not a combination: one of the kinds `oneOf`, `range`, `moneyRange`, `technologies`, `painPoints`, `jobTitle`, `intent`. */
export const IcpBaseCondition = z.discriminatedUnion('kind', [
  oneOfCondition,
  rangeCondition,
  moneyRangeCondition,
  technologiesCondition,
  painPointsCondition,
  jobTitleCondition,
  intentCondition,
]);
/** A condition that is not a combination. */
export type IcpBaseCondition = z.output<typeof IcpBaseCondition>;

const anyOfShape = {
  /** Matched when any of `conditions` is matched (`IT director` or `CTO`); unknown when none matched and some were unknown. */
  kind: z.literal('anyOf'),
  /** The alternatives. */
  conditions: z.array(IcpBaseCondition).min(1).max(50),
};

/**
 * What an ICP criterion tests, discriminated by `kind`. Every kind reads one value of the lead; a missing value is
 * `unknown`, never a miss (except `intent`, where no matching activity is a miss).
 */
export const IcpCondition = z.discriminatedUnion('kind', [
  oneOfCondition,
  rangeCondition,
  moneyRangeCondition,
  technologiesCondition,
  painPointsCondition,
  jobTitleCondition,
  intentCondition,
  z.strictObject(anyOfShape),
]);
/** What an ICP criterion tests. */
export type IcpCondition = z.output<typeof IcpCondition>;

/**
 * One criterion of an ICP: a condition with a weight, optionally `required` (a miss disqualifies) or `exclude`
 * (anti-ICP: a match disqualifies).
 *
 * @example
 * ```ts
 * const industry = IcpCriterion.parse({ kind: 'oneOf', field: 'company.industry', values: ['technology'], weight: 3, required: true });
 * ```
 */
export const IcpCriterion = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...oneOfShape, ...criterionShape }).superRefine(checkOneOf),
    z.strictObject({ ...rangeShape, ...criterionShape }).superRefine(checkRange),
    z.strictObject({ ...moneyRangeShape, ...criterionShape }).superRefine(checkMoneyRange),
    z.strictObject({ ...technologiesShape, ...criterionShape }).superRefine(checkList),
    z.strictObject({ ...painPointsShape, ...criterionShape }).superRefine(checkList),
    z.strictObject({ ...jobTitleShape, ...criterionShape }),
    z.strictObject({ ...intentShape, ...criterionShape }),
    z.strictObject({ ...anyOfShape, ...criterionShape }),
  ])
  .superRefine(checkCriterion);
/** One criterion of an ICP. */
export type IcpCriterion = z.output<typeof IcpCriterion>;

/** A criterion key: a letter, then letters, digits, `_` or `-` (`industry`, `employee-count`). */
export const IcpCriterionKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a criterion key (a letter, then letters, digits, "_" or "-", at most 100)`,
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
 * intent signals, each with a weight, some required, some excluding (anti-ICP). Store it as JSON; read it back with
 * `parseIcp`.
 *
 * @example
 * ```ts
 * const parsed = IcpDefinition.safeParse({
 *   id: 'mid-market-saas',
 *   criteria: { industry: { kind: 'oneOf', field: 'company.industry', values: ['software'], weight: 3 } },
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
  .superRefine((value, context) => {
    const criteria = Object.values(value.criteria);
    if (criteria.length === 0) context.addIssue({ code: 'custom', path: ['criteria'], message: 'an ICP needs at least one criterion' });
    else if (criteria.length > 200) context.addIssue({ code: 'custom', path: ['criteria'], message: 'an ICP may have at most 200 criteria' });
    else if (!criteria.some((criterion) => criterion.exclude !== true && criterion.weight > 0))
      context.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'an ICP needs at least one scoring criterion (not `exclude`) with a weight above 0',
      });
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
