/**
 * The declarative scoring model: plain JSON, validated by zod, versioned with `schemaVersion`.
 *
 * @module
 */
import * as z from 'zod/v4';
import { ActivityType, PageKind } from '../models/activity.ts';
import { CurrencyCode } from '../models/money.ts';

const Identifier = z.string().min(1).max(200);
const Label = z.string().min(1).max(500);
const Points = z.number().refine(Number.isFinite, 'must be a finite number');
/**
 * The most points one rule, value or band may give or take (a billion). With it, and the bounds on weights and on
 * `normalize.max`, every score a model can compute is a finite number: no sum of rules overflows to Infinity.
 */
export const MAX_RULE_POINTS = 1e9;
const RulePoints = z
  .number()
  .min(-MAX_RULE_POINTS, { error: 'must be at least -1,000,000,000 points' })
  .max(MAX_RULE_POINTS, { error: 'must be at most 1,000,000,000 points' });
const MAX_WEIGHT = 1e6;
const PositiveDays = z.number().positive().refine(Number.isFinite, 'must be a finite number of days');

/** The lead fields a condition, value rule or band rule can read. */
export const ScoringFieldName = z.enum([
  'company.name',
  'company.domain',
  'company.industry',
  'company.employeeCount',
  'company.annualRevenue',
  'company.country',
  'company.region',
  'company.city',
  'company.technologies',
  'company.tags',
  'contact.jobTitle',
  'contact.seniority',
  'contact.department',
  'contact.decisionRole',
  'contact.email',
  'contact.emailDomain',
  'contact.phone',
  'source',
  'campaign',
  'stage',
  'ownerId',
  'painPoints',
]);

const notAField = (input: unknown): string =>
  `${JSON.stringify(input)} is not a lead field a scoring rule can read (such as company.industry, contact.jobTitle or customFields.<name>)`;

/**
 * A lead field a rule reads: one of {@link ScoringFieldName}, or `customFields.<name>` for your own fields.
 * `company.annualRevenue` reads the amount in major units (dollars, not cents); `contact.emailDomain` is the
 * lower-cased part of the e-mail after `@`.
 */
export const ScoringField = z.union(
  // The message is on the pattern too: zod reports the one string option's issue for a string matching neither.
  [ScoringFieldName, z.string().regex(/^customFields\.[^.]{1,200}$/, { error: (iss) => notAField(iss.input) })],
  {
    error: (iss) => notAField(iss.input),
    // The regular expression only narrows strings at run time; the type says the same, so a typo is a compile error.
  },
) as unknown as z.ZodType<ScoringField, ScoringField>;
/** A lead field a rule reads: a {@link ScoringFieldName} or `customFields.<name>`. */
export type ScoringField = z.output<typeof ScoringFieldName> | `customFields.${string}`;

const ScalarValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

/**
 * Which activities an activity rule or condition counts. `url` is a plain prefix (`/pricing`) or, when it holds
 * `*`, a glob matched against the whole URL (`/blog/*`); never a regular expression.
 */
export const ActivityMatch = z.strictObject({
  /** One activity type or a list. */
  type: z.union([ActivityType, z.array(ActivityType).min(1).max(50)]),
  /** Page kinds (page views only). */
  pageKind: z.union([PageKind, z.array(PageKind).min(1).max(50)]).optional(),
  /** URL prefix or `*` glob (page views and e-mail clicks). */
  url: z.string().min(1).max(2048).optional(),
  /** Bounce kind (e-mail bounces only). */
  bounce: z.enum(['hard', 'soft']).optional(),
  /** Call direction (calls only). */
  direction: z.enum(['inbound', 'outbound']).optional(),
  /** Campaign (e-mail activities only). */
  campaign: z.string().min(1).max(500).optional(),
});
/** Which activities a rule counts. */
export type ActivityMatch = z.output<typeof ActivityMatch>;

/** A condition on a lead, as JSON. Exactly one form per object; see {@link ScoringCondition}. */
export interface ScoringConditionJson {
  /** Field tested by the field operators. */
  readonly field?: ScoringField | undefined;
  /** The field equals this value (exact; for list fields: the list holds it). */
  readonly equals?: string | number | boolean | undefined;
  /** The field is one of these values (exact; for list fields: the lists share a value). */
  readonly in?: readonly (string | number | boolean)[] | undefined;
  /** Numeric field at least this (inclusive). */
  readonly min?: number | undefined;
  /** Numeric field at most this (inclusive). */
  readonly max?: number | undefined;
  /** The field is present (`true`) or missing (`false`). */
  readonly exists?: boolean | undefined;
  /** Text field contains this text, ignoring case (for list fields: any item does). */
  readonly contains?: string | undefined;
  /** Text field starts with this text, ignoring case. */
  readonly startsWith?: string | undefined;
  /** Text field ends with this text, ignoring case. */
  readonly endsWith?: string | undefined;
  /** Every sub-condition holds. */
  readonly all?: readonly ScoringConditionJson[] | undefined;
  /** At least one sub-condition holds. */
  readonly any?: readonly ScoringConditionJson[] | undefined;
  /** The sub-condition does not hold. */
  readonly not?: ScoringConditionJson | undefined;
  /** The lead has matching activities (on or before `asOf`). */
  readonly activity?: ActivityMatch | undefined;
  /** With `activity`: at least this many (default 1). */
  readonly atLeast?: number | undefined;
  /** With `activity`: only activities in the last N days count. */
  readonly withinDays?: number | undefined;
}

const fieldOperators = ['equals', 'in', 'min', 'max', 'exists', 'contains', 'startsWith', 'endsWith'] as const;
const logicalOperators = ['all', 'any', 'not', 'activity'] as const;

/**
 * A condition on a lead: a field test (`{ field, equals | in | min/max | exists | contains | startsWith | endsWith }`),
 * a combination (`{ all: [...] }`, `{ any: [...] }`, `{ not: ... }`) or an activity test
 * (`{ activity: { type: 'demo_requested' }, withinDays: 30, atLeast: 1 }`). A missing field never matches
 * (except `exists: false`).
 *
 * @example
 * ```ts
 * const vp = ScoringCondition.parse({ field: 'contact.jobTitle', contains: 'vp' });
 * ```
 */
export const ScoringCondition: z.ZodType<ScoringConditionJson, ScoringConditionJson> = z
  .strictObject({
    field: ScoringField.optional(),
    equals: ScalarValue.optional(),
    in: z.array(ScalarValue).min(1).max(10_000).optional(),
    min: Points.optional(),
    max: Points.optional(),
    exists: z.boolean().optional(),
    contains: z.string().min(1).max(500).optional(),
    startsWith: z.string().min(1).max(500).optional(),
    endsWith: z.string().min(1).max(500).optional(),
    get all() {
      return z.array(ScoringCondition).min(1).max(1000).optional();
    },
    get any() {
      return z.array(ScoringCondition).min(1).max(1000).optional();
    },
    get not() {
      return ScoringCondition.optional();
    },
    activity: ActivityMatch.optional(),
    atLeast: z.number().int().positive().optional(),
    withinDays: PositiveDays.optional(),
  })
  .check((context) => {
    const value = context.value;
    const present = (key: string): boolean => (value as Record<string, unknown>)[key] !== undefined;
    const fieldOps = fieldOperators.filter(present);
    const logical = logicalOperators.filter(present);
    const add = (message: string, path: (string | number)[] = []): void => {
      context.issues.push({ code: 'custom', message, input: value, path });
    };
    const rangeOnly = fieldOps.every((op) => op === 'min' || op === 'max');
    if (logical.length + (fieldOps.length > 0 ? 1 : 0) !== 1 || (fieldOps.length > 1 && !rangeOnly)) {
      add(
        'must have exactly one form: a field test (equals, in, min/max, exists, contains, startsWith, endsWith), all, any, not or activity',
      );
      return;
    }
    if (fieldOps.length > 0 && value.field === undefined) add('a field test needs a "field"', ['field']);
    if (fieldOps.length === 0 && value.field !== undefined) add('"field" needs an operator such as equals or in', ['field']);
    if (value.activity === undefined && (value.atLeast !== undefined || value.withinDays !== undefined))
      add('"atLeast" and "withinDays" only go with "activity"');
    if (value.min !== undefined && value.max !== undefined && value.min > value.max) add('"min" must not be above "max"', ['min']);
  });
/** A condition on a lead (see {@link ScoringCondition}). */
export type ScoringCondition = ScoringConditionJson;

/**
 * How the points of an activity fade with its age (fit rules never decay):
 * `halfLife` (`points × 0.5^(age / days)`), `step` (lose `loss` of the points every `everyDays`, compounding:
 * HubSpot's "50% a month" is `{ kind: 'step', everyDays: 30, loss: 0.5 }`), `linear` (lose `loss` of the original
 * points per `everyDays`, down to 0) or `window` (full points for `days`, nothing after).
 */
export const ScoreDecay = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('halfLife'), days: PositiveDays }),
  z.strictObject({ kind: z.literal('step'), everyDays: PositiveDays, loss: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('linear'), everyDays: PositiveDays, loss: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('window'), days: PositiveDays }),
]);
/** How an activity's points fade with age. */
export type ScoreDecay = z.output<typeof ScoreDecay>;

const ruleBase = {
  /** Stable id, unique in the model. */
  id: Identifier,
  /** Human label shown in explanations. */
  label: Label,
};

/** Points when a condition on the lead holds (negative points allowed). Group defaults to `fit`. */
export const PointsRule = z.strictObject({
  kind: z.literal('points'),
  ...ruleBase,
  group: Identifier.optional(),
  when: ScoringCondition,
  points: RulePoints,
});
/** Points when a condition holds. */
export type PointsRule = z.output<typeof PointsRule>;

/**
 * Points per value of a field (industry → points). Exact match; for list fields (technologies) the points of
 * every listed value the lead has are added. `otherwise` applies when the field is present but not listed.
 */
export const ValuePointsRule = z.strictObject({
  kind: z.literal('values'),
  ...ruleBase,
  group: Identifier.optional(),
  field: ScoringField,
  values: z.record(z.string().min(1).max(500), RulePoints),
  otherwise: RulePoints.optional(),
});
/** Points per value of a field. */
export type ValuePointsRule = z.output<typeof ValuePointsRule>;

/** One numeric band: `min` and `max` inclusive, either may be left open. */
export const ScoreBand = z.strictObject({
  min: Points.optional(),
  max: Points.optional(),
  points: RulePoints,
});
/** One numeric band. */
export type ScoreBand = z.output<typeof ScoreBand>;

/** Points per numeric band (employees 1–49: 0, 50–200: +10 …); the first band that holds the value wins. */
export const BandPointsRule = z.strictObject({
  kind: z.literal('bands'),
  ...ruleBase,
  group: Identifier.optional(),
  field: ScoringField,
  /** For `company.annualRevenue`: only revenue in this currency counts (other currencies are unknown). */
  currency: CurrencyCode.optional(),
  bands: z.array(ScoreBand).min(1).max(1000),
});
/** Points per numeric band. */
export type BandPointsRule = z.output<typeof BandPointsRule>;

/**
 * Engagement points per matching activity, with optional decay, a count cap (only the `maxCount` most valuable
 * activities count) and a points cap (`maxPoints`, on the magnitude). Activities after `asOf` are ignored.
 * Group defaults to `engagement`.
 */
export const ActivityPointsRule = z.strictObject({
  kind: z.literal('activity'),
  ...ruleBase,
  group: Identifier.optional(),
  match: ActivityMatch,
  points: RulePoints,
  decay: ScoreDecay.optional(),
  maxCount: z.number().int().positive().max(10_000).optional(),
  maxPoints: z.number().nonnegative().max(MAX_RULE_POINTS, { error: 'must be at most 1,000,000,000 points' }).optional(),
});
/** Engagement points per matching activity. */
export type ActivityPointsRule = z.output<typeof ActivityPointsRule>;

/** A gate: when it holds the lead is disqualified (grade F) whatever its points (students, competitors, free e-mail). */
export const Disqualifier = z.strictObject({
  kind: z.literal('disqualify'),
  ...ruleBase,
  when: ScoringCondition,
});
/** A disqualifying gate. */
export type Disqualifier = z.output<typeof Disqualifier>;

/** Any rule of a scoring model. */
export const ScoringRule = z.discriminatedUnion('kind', [PointsRule, ValuePointsRule, BandPointsRule, ActivityPointsRule, Disqualifier]);
/** Any rule of a scoring model. */
export type ScoringRule = z.output<typeof ScoringRule>;

/** Limits and weight of one group: `cap` (≥ 0) and `floor` (≤ 0) bound the group's score; `weight` multiplies it. */
export const ScoreGroupSettings = z.strictObject({
  cap: z.number().nonnegative().refine(Number.isFinite, 'must be finite').optional(),
  floor: z.number().nonpositive().refine(Number.isFinite, 'must be finite').optional(),
  weight: z.number().nonnegative().max(MAX_WEIGHT, { error: 'must be at most 1,000,000' }).optional(),
});
/** Limits and weight of one group. */
export type ScoreGroupSettings = z.output<typeof ScoreGroupSettings>;

/**
 * How the groups combine into the total, then the total's limits: `combine` (`sum` of weighted groups, or the
 * `max`/`min` group), `normalize` (scale so that `normalize.max` points become 100, then clamp to 0–100),
 * then `cap` (≥ 0) and `floor` (the minimum total, not above `cap`). A negative total is raised to a floor by
 * giving back points of the negative contributions; a positive floor that they cannot reach (such as "every lead
 * scores at least 10") adds a `@floor` contribution with the missing points.
 */
export const ScoreTotalSettings = z.strictObject({
  combine: z.enum(['sum', 'max', 'min']).optional(),
  normalize: z.strictObject({ max: z.number().min(1e-6, { error: 'must be at least 0.000001' }).refine(Number.isFinite, 'must be finite') }).optional(),
  cap: z.number().nonnegative().refine(Number.isFinite, 'must be finite').optional(),
  floor: z.number().refine(Number.isFinite, 'must be finite').optional(),
});
/** How groups combine and the total's limits. */
export type ScoreTotalSettings = z.output<typeof ScoreTotalSettings>;

/** A band threshold: a score of at least `min` is in `band`. */
export const BandThreshold = z.strictObject({
  band: Identifier,
  min: Points,
  /** Leads in this band are sales-ready. */
  salesReady: z.boolean().optional(),
});
/** A band threshold. */
export type BandThreshold = z.output<typeof BandThreshold>;

/** A grade threshold for one matrix axis (`{ grade: 'A', min: 60 }`). */
export const AxisThreshold = z.strictObject({ grade: z.string().min(1).max(20), min: Points });
/** A grade threshold for one matrix axis. */
export type AxisThreshold = z.output<typeof AxisThreshold>;

const descending = <T extends { min: number }>(thresholds: readonly T[]): boolean =>
  thresholds.every((threshold, index) => index === 0 || (thresholds[index - 1] as T).min > threshold.min);

/**
 * How scores become grades: `bands` on the total (highest first, with `hysteresis` points of stickiness given the
 * previous band), a fit × engagement `matrix` (cell = fit grade + engagement grade, such as `A1`) and high-intent
 * `overrides` (a demo request makes the lead sales-ready whatever its points).
 */
export const ScoreGrading = z.strictObject({
  bands: z
    .strictObject({
      thresholds: z.array(BandThreshold).min(1).max(100).refine(descending, 'thresholds must be ordered from the highest "min" down'),
      otherwise: Identifier,
      hysteresis: z.number().nonnegative().refine(Number.isFinite, 'must be finite').optional(),
    })
    .optional(),
  matrix: z
    .strictObject({
      fit: z.array(AxisThreshold).min(1).max(26).refine(descending, 'thresholds must be ordered from the highest "min" down'),
      fitOtherwise: z.string().min(1).max(20),
      engagement: z.array(AxisThreshold).min(1).max(26).refine(descending, 'thresholds must be ordered from the highest "min" down'),
      engagementOtherwise: z.string().min(1).max(20),
      /** Cells whose leads are sales-ready (`['A1', 'A2', 'B1']`). */
      salesReady: z.array(z.string().min(1).max(40)).max(1000).optional(),
    })
    .optional(),
  overrides: z
    .array(
      z.strictObject({
        id: Identifier,
        label: Label,
        when: ScoringCondition,
        /** The band to force (must be a band of `bands`, if given). */
        band: Identifier.optional(),
      }),
    )
    .max(1000)
    .optional(),
});
/** How scores become grades. */
export type ScoreGrading = z.output<typeof ScoreGrading>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The problems that involve several parts of a model (duplicate rule ids, a group floor above its cap, an override
 * naming an unknown band), found on a model of any shape: the parts that are not what they should be are skipped.
 * Internal: zod runs a schema's own checks only once every part parses, so the parse functions also run this on
 * invalid input, to list every problem at once.
 */
export function scoringModelCrossIssues(model: unknown): { message: string; input: unknown; path: (string | number)[] }[] {
  const problems: { message: string; input: unknown; path: (string | number)[] }[] = [];
  if (!isRecord(model)) return problems;
  const seen = new Set<string>();
  if (Array.isArray(model['rules']))
    model['rules'].forEach((rule: unknown, index) => {
      const id = isRecord(rule) ? rule['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) problems.push({ message: `duplicate rule id ${JSON.stringify(id)}`, input: id, path: ['rules', index, 'id'] });
      seen.add(id);
    });
  const checkLimits = (settings: unknown, path: (string | number)[]): void => {
    if (!isRecord(settings)) return;
    const { cap, floor } = settings;
    if (typeof cap === 'number' && typeof floor === 'number' && floor > cap) problems.push({ message: '"floor" must not be above "cap"', input: settings, path });
  };
  if (isRecord(model['groups'])) for (const [name, settings] of Object.entries(model['groups'])) checkLimits(settings, ['groups', name]);
  checkLimits(model['total'], ['total']);
  const grading = isRecord(model['grading']) ? model['grading'] : undefined;
  const bands = grading !== undefined && isRecord(grading['bands']) ? grading['bands'] : undefined;
  if (bands !== undefined && Array.isArray(bands['thresholds']) && Array.isArray(grading?.['overrides'])) {
    const names = new Set<unknown>(bands['thresholds'].map((threshold: unknown) => (isRecord(threshold) ? threshold['band'] : undefined)));
    names.add(bands['otherwise']);
    (grading['overrides'] as unknown[]).forEach((override, index) => {
      const band = isRecord(override) ? override['band'] : undefined;
      if (typeof band === 'string' && !names.has(band))
        problems.push({ message: `band ${JSON.stringify(band)} is not one of the model's bands`, input: band, path: ['grading', 'overrides', index, 'band'] });
    });
  }
  return problems;
}

/**
 * A declarative scoring model: plain JSON a team can store in a database and share across services. Compile it
 * once with `compileScoringModel` and score many leads with the result.
 *
 * @example
 * ```ts
 * const model = ScoringModel.parse({
 *   schemaVersion: 1,
 *   id: 'cloud-storage',
 *   rules: [
 *     { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10 } },
 *     { kind: 'activity', id: 'pricing', label: 'Pricing page view', match: { type: 'page_viewed', url: '/pricing' }, points: 5, maxCount: 3, decay: { kind: 'halfLife', days: 30 } },
 *     { kind: 'disqualify', id: 'student', label: 'Student', when: { field: 'contact.seniority', equals: 'student' } },
 *   ],
 *   grading: { bands: { thresholds: [{ band: 'priority', min: 50, salesReady: true }], otherwise: 'nurture' } },
 * });
 * ```
 */
export const ScoringModel = z
  .strictObject({
    schemaVersion: z.literal(1, {
      error: (iss) => `this scoring model has schemaVersion ${JSON.stringify(iss.input)}, but this leadkit reads version 1`,
    }),
    id: Identifier,
    name: Label.optional(),
    description: z.string().max(10_000).optional(),
    rules: z.array(ScoringRule).max(10_000),
    groups: z.record(Identifier, ScoreGroupSettings).optional(),
    total: ScoreTotalSettings.optional(),
    grading: ScoreGrading.optional(),
  })
  .check((context) => {
    for (const problem of scoringModelCrossIssues(context.value)) context.issues.push({ code: 'custom', ...problem });
  });
/** A declarative scoring model (validated). */
export type ScoringModel = z.output<typeof ScoringModel>;
/** A declarative scoring model as JSON input. */
export type ScoringModelJson = z.input<typeof ScoringModel>;
