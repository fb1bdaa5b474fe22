/**
 * The declarative scoring model: plain JSON, validated by zod, versioned with `schemaVersion`.
 *
 * @module
 */
import * as z from 'zod/v4';
import { ActivityFilter } from '../conditions/activity-filter.ts';
import { Condition } from '../conditions/condition-definition.ts';
import { FieldPath } from '../conditions/field-path.ts';
import { issue, type ValidationIssue, showValue } from '../errors.ts';
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

/**
 * Points when a condition on the lead holds (negative points allowed; an unknown condition gives none). Group
 * defaults to `fit`.
 */
export const PointsRule = z.strictObject({
  kind: z.literal('points'),
  ...ruleBase,
  group: Identifier.optional(),
  when: Condition,
  points: RulePoints,
});
/** Points when a condition holds. */
export type PointsRule = z.output<typeof PointsRule>;

/**
 * Points per value of a field (industry → points), values compared ignoring case (unless `caseSensitive`); for list
 * fields (technologies) the points of every listed value the lead has are added. `otherwise` applies when the field
 * has a value that is not listed.
 */
export const ValuePointsRule = z.strictObject({
  kind: z.literal('values'),
  ...ruleBase,
  group: Identifier.optional(),
  field: FieldPath,
  values: z.record(z.string().min(1).max(500), RulePoints),
  otherwise: RulePoints.optional(),
  /** Compare values exactly instead of ignoring case. */
  caseSensitive: z.boolean().optional(),
});
/** Points per value of a field. */
export type ValuePointsRule = z.output<typeof ValuePointsRule>;

/** One numeric band: `min` and `max` inclusive (`min` not above `max`), either may be left open. */
export const ScoreBand = z
  .strictObject({
    min: Points.optional(),
    max: Points.optional(),
    points: RulePoints,
  })
  .check((context) => {
    const { min, max } = context.value;
    if (min !== undefined && max !== undefined && min > max)
      context.issues.push({ code: 'custom', message: `min (${min}) is above max (${max}): no value is in the band`, input: context.value, path: ['min'] });
  });
/** One numeric band. */
export type ScoreBand = z.output<typeof ScoreBand>;

/** Points per numeric band (employees 1–49: 0, 50–200: +10 …); the first band that holds the value wins. */
export const BandPointsRule = z.strictObject({
  kind: z.literal('bands'),
  ...ruleBase,
  group: Identifier.optional(),
  field: FieldPath,
  /** For an amount of money (`company.annualRevenue`), required: the currency the bands are in, in major units; other currencies are unknown, never converted. */
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
  /** Which activities count (the one activity filter of `leadkit/conditions`). */
  activity: ActivityFilter,
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
  when: Condition,
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
        when: Condition,
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
 * The problems that involve several parts of a model, found on a model of any shape (the parts that are not what
 * they should be are skipped), in one linear pass: duplicate rule ids, a group or total floor above its cap, an
 * override naming an unknown band, a sales-ready cell the matrix cannot produce, value lists that name one value twice
 * (ignoring case). Internal: zod runs a schema's own checks only once every part parses, so the parse functions also
 * run this on invalid input, to list every problem at once.
 */
export function scoringModelCrossIssues(model: unknown): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  if (!isRecord(model)) return problems;
  const seen = new Map<string, number>();
  if (Array.isArray(model['rules']))
    model['rules'].forEach((rule: unknown, index) => {
      if (!isRecord(rule)) return;
      const id = rule['id'];
      if (typeof id === 'string') {
        const first = seen.get(id);
        if (first !== undefined)
          problems.push(
            issue(['rules', index, 'id'], `duplicate rule id ${JSON.stringify(id.slice(0, 200))} (first used by rules[${first}])`, 'duplicate_key'),
          );
        else seen.set(id, index);
      }
      const values = rule['values'];
      if (rule['kind'] === 'values' && isRecord(values) && rule['caseSensitive'] !== true) {
        const folded = new Map<string, string>();
        for (const key of Object.keys(values)) {
          const other = folded.get(key.toLowerCase());
          if (other !== undefined)
            problems.push(
              issue(
                ['rules', index, 'values', key],
                `lists the same value as ${showValue(other)} (values are compared ignoring case): merge them, or set caseSensitive`,
                'duplicate_key',
              ),
            );
          else folded.set(key.toLowerCase(), key);
        }
      }
    });
  const checkLimits = (settings: unknown, path: (string | number)[]): void => {
    if (!isRecord(settings)) return;
    const { cap, floor } = settings;
    if (typeof cap === 'number' && typeof floor === 'number' && floor > cap) problems.push(issue(path, '"floor" must not be above "cap"'));
  };
  if (isRecord(model['groups'])) for (const [name, settings] of Object.entries(model['groups'])) checkLimits(settings, ['groups', name]);
  checkLimits(model['total'], ['total']);
  const grading = isRecord(model['grading']) ? model['grading'] : undefined;
  const bands = grading !== undefined && isRecord(grading['bands']) ? grading['bands'] : undefined;
  if (grading !== undefined && Array.isArray(grading['overrides'])) {
    const names = new Set<unknown>(
      bands !== undefined && Array.isArray(bands['thresholds'])
        ? bands['thresholds'].map((threshold: unknown) => (isRecord(threshold) ? threshold['band'] : undefined))
        : [],
    );
    if (bands !== undefined) names.add(bands['otherwise']);
    (grading['overrides'] as unknown[]).forEach((override, index) => {
      const band = isRecord(override) ? override['band'] : undefined;
      if (typeof band !== 'string' || names.has(band)) return;
      problems.push(
        issue(
          ['grading', 'overrides', index, 'band'],
          bands === undefined
            ? `band ${showValue(band)} cannot be set: the model has no bands (give grading.bands, or leave band out: an override makes a lead sales-ready)`
            : `band ${showValue(band)} is not one of the model's bands (${[...names]
                .filter((name) => typeof name === 'string')
                .map(showValue)
                .join(', ')})`,
        ),
      );
    });
  }
  const matrix = grading !== undefined && isRecord(grading['matrix']) ? grading['matrix'] : undefined;
  if (matrix !== undefined && Array.isArray(matrix['salesReady'])) {
    const gradesOf = (thresholds: unknown, otherwise: unknown): string[] =>
      [...(Array.isArray(thresholds) ? thresholds.map((threshold: unknown) => (isRecord(threshold) ? threshold['grade'] : undefined)) : []), otherwise].filter(
        (grade): grade is string => typeof grade === 'string',
      );
    const fitGrades = gradesOf(matrix['fit'], matrix['fitOtherwise']);
    const engagementGrades = gradesOf(matrix['engagement'], matrix['engagementOtherwise']);
    const cells = new Set(fitGrades.flatMap((fit) => engagementGrades.map((engagement) => fit + engagement)));
    (matrix['salesReady'] as unknown[]).forEach((cell, index) => {
      if (typeof cell === 'string' && !cells.has(cell))
        problems.push(
          issue(
            ['grading', 'matrix', 'salesReady', index],
            `the matrix cannot produce the cell ${showValue(cell)}: a cell is a fit grade (${fitGrades.map(showValue).join(', ')}) followed by an engagement grade (${engagementGrades.map(showValue).join(', ')})`,
          ),
        );
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
 *     { kind: 'activity', id: 'pricing', label: 'Pricing page view', activity: { type: 'page_viewed', url: '/pricing' }, points: 5, maxCount: 3, decay: { kind: 'halfLife', days: 30 } },
 *     { kind: 'disqualify', id: 'student', label: 'Student', when: { field: 'contact.seniority', equals: 'student' } },
 *   ],
 *   grading: { bands: { thresholds: [{ band: 'priority', min: 50, salesReady: true }], otherwise: 'nurture' } },
 * });
 * ```
 */
export const ScoringModel = z
  .strictObject({
    schemaVersion: z.literal(1, {
      error: (iss) => `this scoring model has schemaVersion ${showValue(iss.input)}, but this leadkit reads version 1`,
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
    for (const problem of scoringModelCrossIssues(context.value))
      context.issues.push({ code: 'custom', message: problem.message, input: context.value, path: [...problem.path] });
  });
/** A declarative scoring model (validated). */
export type ScoringModel = z.output<typeof ScoringModel>;
/** A declarative scoring model as JSON input. */
export type ScoringModelJson = z.input<typeof ScoringModel>;
