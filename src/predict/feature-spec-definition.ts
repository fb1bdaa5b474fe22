import * as z from 'zod/v4';
import { ActivityFilter } from '../conditions/activity-filter.ts';
import { FieldPath } from '../conditions/field-path.ts';
import { SchemaVersion } from '../models/lead.ts';

/** The category a missing value falls into (a lead without an industry, a custom field left blank or `unknown`). */
export const MISSING_CATEGORY = '(missing)';
/** The category that values too rare in the training data (or never seen in it) share. */
export const RARE_CATEGORY = '(rare)';

const Name = z.string().min(1).max(200);
const Days = z.number().positive().max(36_500);

/**
 * Text values that mean "no value" (`unknown`, `n/a`, `-`), compared with the one text rule (ignoring case unless the
 * feature says `caseSensitive: true`; whitespace counts). An empty list declares none.
 */
export const TextMissingMarkers = z.array(z.string().max(200)).max(100);
/** Text values that mean "no value". */
export type TextMissingMarkers = z.output<typeof TextMissingMarkers>;

/** Numbers that mean "no value" (sentinels such as 999 or -1 for "never contacted"). */
export const NumberMissingMarkers = z.array(z.number().finite()).min(1).max(20);
/** Numbers that mean "no value". */
export type NumberMissingMarkers = z.output<typeof NumberMissingMarkers>;

function ascending(cuts: readonly number[]): boolean {
  for (let b = 1; b < cuts.length; b++) if ((cuts[b] as number) <= (cuts[b - 1] as number)) return false;
  return true;
}

/** Strictly ascending cut points (`[25, 35]`: `< 25`, `25 to < 35`, `>= 35`), at most 100. */
export const BinCuts = z.array(z.number().finite()).min(1).max(100).refine(ascending, { message: 'bins must be strictly ascending' });
/** Strictly ascending cut points. */
export type BinCuts = z.output<typeof BinCuts>;

/**
 * A count of the lead's activities that the one activity filter keeps (`{ type: 'page_viewed', pageKind: 'pricing' }`,
 * as conditions use it), dated at or before the time of prediction and, with `withinDays`, no older than that.
 */
export const ActivityCountSource = z.strictObject({
  /** Which activities count (an empty filter counts every activity). */
  activityCount: ActivityFilter,
  /** Count only the activities of the last `withinDays` days before the time of prediction (the window conditions use). */
  withinDays: Days.optional(),
});
/** A count of the lead's activities. */
export type ActivityCountSource = z.output<typeof ActivityCountSource>;

/** The days from the last activity the filter keeps to the time of prediction; missing when there is none. */
export const DaysSinceLastActivitySource = z.strictObject({
  /** Which activities count. */
  daysSinceLastActivity: ActivityFilter,
});
/** The days since the last matching activity. */
export type DaysSinceLastActivitySource = z.output<typeof DaysSinceLastActivitySource>;

/**
 * The days from a date field of the lead to the time of prediction (`{ daysSince: 'createdAt' }` is the lead's age);
 * negative when the date is later; missing when the field is.
 */
export const DaysSinceSource = z.strictObject({
  /** The path of a date field (`createdAt`, `lastVerifiedAt`, `customFields.signedUpAt`). */
  daysSince: FieldPath,
});
/** The days since a date field. */
export type DaysSinceSource = z.output<typeof DaysSinceSource>;

/**
 * Where a numeric feature reads its value: a field by its dotted path (`company.employeeCount`,
 * `company.annualRevenue` in major units, `customFields.age`, a field of an extended lead), a count of activities,
 * the days since the last matching activity, or the days since a date field.
 */
export const NumericFeatureSource = z.union([FieldPath, ActivityCountSource, DaysSinceLastActivitySource, DaysSinceSource]);
/** Where a numeric feature reads its value. */
export type NumericFeatureSource = z.output<typeof NumericFeatureSource>;

/**
 * A number turned into categories by ascending cut points (`[25, 35]`: `< 25`, `25 to < 35`, `>= 35`), so that
 * logistic regression learns one weight per range instead of a straight line (ages, counts with a threshold effect).
 * `missingWhen` lists sentinel values that mean "no value": they fall into `(missing)`.
 */
export const BinnedNumberSource = z.strictObject({
  /** Where the number is read. */
  binned: NumericFeatureSource,
  /** Ascending cut points. */
  bins: BinCuts,
  /** Values that mean "missing" (sentinels). */
  missingWhen: NumberMissingMarkers.optional(),
});
/** A number turned into categories by cut points. */
export type BinnedNumberSource = z.output<typeof BinnedNumberSource>;

/** A categorical source that is not a cross: a field by its dotted path, or a binned number. */
export const SimpleCategoricalSource = z.union([FieldPath, BinnedNumberSource]);
/** A categorical source that is not a cross. */
export type SimpleCategoricalSource = z.output<typeof SimpleCategoricalSource>;

/**
 * The combination of two to four categorical sources (`{ cross: ['customFields.month', 'customFields.weekday'] }`
 * gives `may × mon`), missing when any part is: it lets logistic regression learn an interaction.
 */
export const CrossSource = z.strictObject({
  /** The parts, in order. */
  cross: z.array(SimpleCategoricalSource).min(2).max(4),
});
/** The combination of two to four categorical sources. */
export type CrossSource = z.output<typeof CrossSource>;

/**
 * Where a categorical feature reads its value: a field by its dotted path (`company.industry`, `customFields.job`,
 * `contact.emailKind`, `accountTier` on an extended lead), a binned number, or a cross of such sources.
 */
export const CategoricalFeatureSource = z.union([SimpleCategoricalSource, CrossSource]);
/** Where a categorical feature reads its value. */
export type CategoricalFeatureSource = z.output<typeof CategoricalFeatureSource>;

/**
 * A categorical feature: one value per lead out of a set of categories. Text is compared by the one text rule: case
 * is ignored (`Manager` and `manager` are one category, shown lower-cased) unless `caseSensitive` is true.
 */
export const CategoricalFeature = z.strictObject({
  kind: z.literal('categorical'),
  /** Unique name of the feature. */
  name: Name,
  /** Words for explanations (`industry`, `job title`); defaults to the name. */
  label: Name.optional(),
  /** Where the value is read. */
  from: CategoricalFeatureSource,
  /**
   * Values seen fewer times than this in the training data share the `(rare)` category in logistic regression
   * (default 1: every value seen keeps its own). Naive Bayes uses its own `minValueCount` instead.
   */
  minCount: z.number().int().min(1).max(1_000_000).optional(),
  /** Text values that mean "no value" for this feature, instead of the spec's `missingWhen` (`[]`: none). */
  missingWhen: TextMissingMarkers.optional(),
  /** Compare text exactly: `Manager` and `manager` stay two categories, and markers must match in case. */
  caseSensitive: z.boolean().optional(),
});
/** A categorical feature. */
export type CategoricalFeature = z.output<typeof CategoricalFeature>;

/** Learned cut points: naive Bayes cuts the number at `quantiles` quantiles of its training values. */
export const QuantileBins = z.strictObject({
  /** The number of bins wanted (2 to 100); ties in the data can make fewer. */
  quantiles: z.number().int().min(2).max(100),
});
/** Learned cut points. */
export type QuantileBins = z.output<typeof QuantileBins>;

/** A numeric feature: a number per lead, possibly missing. */
export const NumericFeature = z.strictObject({
  kind: z.literal('numeric'),
  /** Unique name of the feature. */
  name: Name,
  /** Words for explanations (`time on site`); defaults to the name. */
  label: Name.optional(),
  /** The unit shown after the value in explanations (`s`, `days`, `employees`). */
  unit: z.string().min(1).max(30).optional(),
  /** Where the value is read. */
  from: NumericFeatureSource,
  /**
   * Values that mean "no value" rather than a number (sentinels such as 999 or -1 for "never contacted"): they are
   * missing, so logistic regression imputes them and learns an "is missing" weight, and naive Bayes puts them in
   * `(missing)`.
   */
  missingWhen: NumberMissingMarkers.optional(),
  /** Bounds the value is capped to before any transform (`{ max: 3 }`: 3 and more count as 3). */
  clip: z.strictObject({ min: z.number().finite().optional(), max: z.number().finite().optional() }).optional(),
  /** `log1p` compresses long tails (employees, revenue) before logistic regression; default `none`. */
  transform: z.enum(['none', 'log1p']).optional(),
  /** What logistic regression uses for a missing value: the training mean (default) or zero. */
  missing: z.enum(['mean', 'zero']).optional(),
  /** Whether logistic regression adds an "is missing" input when the training data had missing values (default true). */
  missingIndicator: z.boolean().optional(),
  /**
   * How naive Bayes turns the number into categories: ascending cut points (`[10, 50]`: below 10, 10 to 50, 50 and
   * above) or `{ quantiles: n }`, cut points learned from the training values. Without it, naive Bayes learns
   * quantile bins (its `numericBins` option, default 5). Logistic regression uses the number itself.
   */
  bins: z.union([BinCuts, QuantileBins]).optional(),
});
/** A numeric feature. */
export type NumericFeature = z.output<typeof NumericFeature>;

/** One feature of a {@link FeatureSpec}. */
export const PredictiveFeature = z.discriminatedUnion('kind', [CategoricalFeature, NumericFeature]);
/** One feature of a feature spec. */
export type PredictiveFeature = z.output<typeof PredictiveFeature>;

/**
 * A declarative, serializable description of the model inputs read from a lead. The same spec is used to train and
 * to score, and it is stored inside every trained model. Build one with `defineFeatureSpec` (in code) or
 * `parseFeatureSpec` (from JSON), which also check every field path against your lead schema.
 *
 * A value is missing when it is absent, `null`, empty text or an empty list (the one rule of conditions), when it is
 * text listed in `missingWhen` (the feature's own list, or else the spec's), or, for a number, when it is not a finite
 * number (text that does not read as one, `NaN`) or one of the feature's numeric `missingWhen` sentinels.
 */
export const FeatureSpec = z
  .strictObject({
    /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
    schemaVersion: SchemaVersion.optional(),
    /** Text values that mean "no value" in every text field the spec reads (`['unknown', 'n/a']`), unless a feature says otherwise. */
    missingWhen: TextMissingMarkers.optional(),
    /** The features, in order. Names must be unique. */
    features: z.array(PredictiveFeature).min(1).max(500),
  })
  .superRefine((spec, context) => {
    const seen = new Set<string>();
    spec.features.forEach((feature, index) => {
      if (seen.has(feature.name))
        context.issues.push({
          code: 'custom',
          message: `duplicate feature name ${JSON.stringify(feature.name)}`,
          input: feature.name,
          path: ['features', index, 'name'],
        });
      seen.add(feature.name);
      const clip = feature.kind === 'numeric' ? feature.clip : undefined;
      if (clip?.min !== undefined && clip.max !== undefined && clip.min > clip.max)
        context.issues.push({ code: 'custom', message: 'clip.min must not exceed clip.max', input: clip, path: ['features', index, 'clip'] });
    });
  });
/** A feature spec (see {@link FeatureSpec}). */
export type FeatureSpec = z.output<typeof FeatureSpec>;
/** A feature spec as written in code or JSON (see {@link FeatureSpec}). */
export type FeatureSpecJson = z.input<typeof FeatureSpec>;

/** The words used for a feature in explanations. */
export function featureLabel(feature: PredictiveFeature): string {
  return feature.label ?? feature.name;
}
