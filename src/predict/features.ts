import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { ActivityType, PageKind, type Activity } from '../models/activity.ts';
import { SchemaVersion } from '../models/lead.ts';
import type { Lead } from '../models/lead.ts';
import { leadFieldGetters } from '../internal/lead-fields.ts';
import { isFreeEmailDomain } from '../metrics/free-email-domains.ts';
import { currencyExponent } from '../models/money.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';

const DAY_MS = 86_400_000;

/** The category a missing value falls into (a lead without an industry, a custom field left blank). */
export const MISSING_CATEGORY = '(missing)';
/** The category that values too rare in the training data (or never seen in it) share. */
export const RARE_CATEGORY = '(rare)';

/**
 * Categorical lead fields a feature can read. `contact.emailKind` is derived: `free` for a free e-mail provider
 * (gmail.com, hotmail.fr …: the domains of `FREE_EMAIL_DOMAINS` in `leadkit/metrics`), `business` otherwise.
 */
export const LeadCategoricalField = z.enum([
  'source',
  'campaign',
  'ownerId',
  'stage',
  'company.industry',
  'company.country',
  'company.region',
  'contact.seniority',
  'contact.department',
  'contact.decisionRole',
  'contact.emailKind',
]);
/** A categorical lead field a feature can read. */
export type LeadCategoricalField = z.output<typeof LeadCategoricalField>;

/**
 * Numeric lead fields a feature can read. `company.annualRevenue` is in the currency's major unit (dollars, not
 * cents; currencies are not converted). `leadAgeDays` is the age of the lead at the time of prediction.
 */
export const LeadNumericField = z.enum(['company.employeeCount', 'company.annualRevenue', 'leadAgeDays']);
/** A numeric lead field a feature can read. */
export type LeadNumericField = z.output<typeof LeadNumericField>;

const Name = z.string().min(1).max(200);

/** Which activities an activity feature counts: by type, by page kind (page views), and within a window. */
export const FeatureActivityFilter = z.strictObject({
  /** Activity types to count (all types when absent). */
  types: z.array(ActivityType).min(1).max(50).optional(),
  /** For page views: only pages of these kinds (`pricing`). Other activity types are unaffected. */
  pageKinds: z.array(PageKind).min(1).max(20).optional(),
  /** Count only activities of the last `windowDays` days before the time of prediction. */
  windowDays: z.number().positive().max(36_500).optional(),
});
/** Which activities an activity feature counts. */
export type FeatureActivityFilter = z.output<typeof FeatureActivityFilter>;

/**
 * Where a numeric feature reads its value: a lead field, a custom field, a count of activities, or the days since the
 * last matching activity (missing when there is none).
 */
export const NumericFeatureSource = z.union([
  LeadNumericField,
  z.strictObject({ customField: Name }),
  z.strictObject({ activityCount: FeatureActivityFilter }),
  z.strictObject({ daysSinceLastActivity: FeatureActivityFilter.omit({ windowDays: true }) }),
]);
/** Where a numeric feature reads its value. */
export type NumericFeatureSource = z.output<typeof NumericFeatureSource>;

const Cuts = z.array(z.number().finite()).min(1).max(100);
const Sentinels = z.array(z.number().finite()).min(1).max(20);

function ascending(cuts: readonly number[]): boolean {
  for (let b = 1; b < cuts.length; b++) if ((cuts[b] as number) <= (cuts[b - 1] as number)) return false;
  return true;
}

/**
 * A number turned into categories by ascending cut points (`[25, 35]`: `< 25`, `25 to < 35`, `>= 35`), so that
 * logistic regression learns one weight per range instead of a straight line (ages, counts with a threshold effect).
 * `missingWhen` lists sentinel values that mean "no value" (such as 999 for "never contacted"): they fall into
 * `(missing)`.
 */
export const BinnedNumberSource = z
  .strictObject({
    /** Where the number is read. */
    binned: NumericFeatureSource,
    /** Ascending cut points. */
    bins: Cuts,
    /** Values that mean "missing" (sentinels). */
    missingWhen: Sentinels.optional(),
  })
  .refine((source) => ascending(source.bins), { message: 'bins must be strictly ascending', path: ['bins'] });
/** A number turned into categories by cut points. */
export type BinnedNumberSource = z.output<typeof BinnedNumberSource>;

/** A categorical source that is not a cross: a lead field, a custom field by name, or a binned number. */
export const SimpleCategoricalSource = z.union([LeadCategoricalField, z.strictObject({ customField: Name }), BinnedNumberSource]);
/** A categorical source that is not a cross. */
export type SimpleCategoricalSource = z.output<typeof SimpleCategoricalSource>;

/**
 * Where a categorical feature reads its value: a lead field, a custom field by name, a binned number, or the cross of
 * two to four such sources (`{ cross: [{ customField: 'month' }, { customField: 'day_of_week' }] }` gives `may × mon`;
 * missing when any part is missing), which lets logistic regression learn an interaction.
 */
export const CategoricalFeatureSource = z.union([SimpleCategoricalSource, z.strictObject({ cross: z.array(SimpleCategoricalSource).min(2).max(4) })]);
/** Where a categorical feature reads its value. */
export type CategoricalFeatureSource = z.output<typeof CategoricalFeatureSource>;

/** A categorical feature: one value per lead out of a set of categories. */
export const CategoricalFeature = z.strictObject({
  kind: z.literal('categorical'),
  /** Unique name of the feature. */
  name: Name,
  /** Words for explanations (`industry`); defaults to the name. */
  label: Name.optional(),
  /** Where the value is read. */
  from: CategoricalFeatureSource,
  /**
   * Values seen fewer times than this in the training data share the `(rare)` category in logistic regression
   * (default 1: every value seen keeps its own). Naive Bayes uses its own `minValueCount` instead.
   */
  minCount: z.number().int().min(1).max(1_000_000).optional(),
});
/** A categorical feature. */
export type CategoricalFeature = z.output<typeof CategoricalFeature>;

/** A numeric feature: a number per lead, possibly missing. */
export const NumericFeature = z.strictObject({
  kind: z.literal('numeric'),
  /** Unique name of the feature. */
  name: Name,
  /** Words for explanations (`employees`); defaults to the name. */
  label: Name.optional(),
  /** Where the value is read. */
  from: NumericFeatureSource,
  /**
   * Values that mean "no value" rather than a number (sentinels such as 999 or -1 for "never contacted"): they are
   * treated as missing, so logistic regression imputes them and learns an "is missing" weight, and naive Bayes puts
   * them in `(missing)`.
   */
  missingWhen: Sentinels.optional(),
  /** Bounds the value is capped to before any transform (`{ max: 3 }`: 3 and more count as 3). */
  clip: z.strictObject({ min: z.number().finite().optional(), max: z.number().finite().optional() }).optional(),
  /** `log1p` compresses long tails (employees, revenue) before logistic regression; default `none`. */
  transform: z.enum(['none', 'log1p']).optional(),
  /** What logistic regression uses for a missing value: the training mean (default) or zero. */
  missing: z.enum(['mean', 'zero']).optional(),
  /** Whether logistic regression adds an "is missing" input when the training data had missing values (default true). */
  missingIndicator: z.boolean().optional(),
  /**
   * Ascending cut points that turn the number into categories for naive Bayes (`[10, 50]`: below 10, 10 to 50,
   * 50 and above). Naive Bayes ignores a numeric feature without bins.
   */
  bins: z.array(z.number().finite()).min(1).max(100).optional(),
});
/** A numeric feature. */
export type NumericFeature = z.output<typeof NumericFeature>;

/** One feature of a {@link FeatureSpec}. */
export const PredictiveFeature = z.discriminatedUnion('kind', [CategoricalFeature, NumericFeature]);
/** One feature of a feature spec. */
export type PredictiveFeature = z.output<typeof PredictiveFeature>;

/**
 * A declarative, serializable description of the model inputs read from a lead. The same spec is used to train and
 * to score, and it is stored inside every trained model.
 *
 * @example
 * ```ts
 * const spec = FeatureSpec.parse({
 *   features: [
 *     { kind: 'categorical', name: 'industry', from: 'company.industry' },
 *     { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 200, 1000] },
 *     { kind: 'numeric', name: 'pricingViews', from: { activityCount: { types: ['page_viewed'], pageKinds: ['pricing'], windowDays: 90 } }, bins: [1, 3] },
 *   ],
 * });
 * ```
 */
export const FeatureSpec = z
  .strictObject({
    /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
    schemaVersion: SchemaVersion.optional(),
    /** The features, in order. Names must be unique. */
    features: z.array(PredictiveFeature).min(1).max(500),
  })
  .superRefine((spec, context) => {
    const seen = new Set<string>();
    spec.features.forEach((feature, index) => {
      if (seen.has(feature.name))
        context.issues.push({ code: 'custom', message: `duplicate feature name ${JSON.stringify(feature.name)}`, input: feature.name, path: ['features', index, 'name'] });
      seen.add(feature.name);
      if (feature.kind === 'numeric' && feature.bins !== undefined && !ascending(feature.bins))
        context.issues.push({ code: 'custom', message: 'bins must be strictly ascending', input: feature.bins, path: ['features', index, 'bins'] });
      const clip = feature.kind === 'numeric' ? feature.clip : undefined;
      if (clip?.min !== undefined && clip.max !== undefined && clip.min > clip.max)
        context.issues.push({ code: 'custom', message: 'clip.min must not exceed clip.max', input: clip, path: ['features', index, 'clip'] });
    });
  });
/** A feature spec (see {@link FeatureSpec}). */
export type FeatureSpec = z.output<typeof FeatureSpec>;

/**
 * Validates a feature spec from JSON, listing every problem with its path.
 *
 * @example
 * ```ts
 * const result = parseFeatureSpec(JSON.parse(stored));
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export function parseFeatureSpec(input: unknown): Result<FeatureSpec, ValidationError> {
  return parseWith(FeatureSpec, input, 'feature spec');
}

/**
 * Checks a feature spec written in code and returns it unchanged, with its literal types.
 *
 * @example
 * ```ts
 * const spec = defineFeatureSpec({ features: [{ kind: 'categorical', name: 'industry', from: 'company.industry' }] });
 * ```
 * @throws ValidationError when the spec is invalid (a programmer error for a spec written in code; use
 * {@link parseFeatureSpec} for stored specs).
 */
export function defineFeatureSpec<const S extends FeatureSpec>(spec: S): S {
  const parsed = parseFeatureSpec(spec);
  if (!parsed.ok) throw parsed.error;
  return spec;
}

/** The words used for a feature in explanations. */
export function featureLabel(feature: PredictiveFeature): string {
  return feature.label ?? feature.name;
}


/** Reads a categorical value; `undefined` when missing. */
export type CategoricalReader = (lead: Lead, asOfMs: number) => string | undefined;
/** Reads a numeric value (before any transform); `NaN` when missing. */
export type NumericReader = (lead: Lead, asOfMs: number) => number;

function customText(lead: Lead, name: string): string | undefined {
  const fields = lead.customFields;
  if (fields === undefined || !Object.hasOwn(fields, name)) return undefined;
  const value = fields[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function customNumber(lead: Lead, name: string): number {
  const fields = lead.customFields;
  if (fields === undefined || !Object.hasOwn(fields, name)) return Number.NaN;
  const value = fields[name];
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }
  return Number.NaN;
}

/** Compiles where a categorical feature reads its value into a fast reader. */
export function categoricalReader(source: CategoricalFeatureSource): CategoricalReader {
  if (typeof source === 'object') {
    if ('cross' in source) {
      const parts = source.cross.map((part) => categoricalReader(part));
      return (lead, asOfMs) => {
        let value = '';
        for (let index = 0; index < parts.length; index++) {
          const part = (parts[index] as CategoricalReader)(lead, asOfMs);
          if (part === undefined) return undefined;
          value = index === 0 ? part : `${value} × ${part}`;
        }
        return value;
      };
    }
    if ('binned' in source) {
      const read = sentinelReader(numericReader(source.binned), source.missingWhen);
      const bins = source.bins;
      return (lead, asOfMs) => {
        const value = read(lead, asOfMs);
        return Number.isNaN(value) ? undefined : binLabel(value, bins);
      };
    }
    const name = source.customField;
    return (lead) => customText(lead, name);
  }
  if (source === 'contact.emailKind')
    return (lead) => {
      const email = lead.contact.email;
      if (email === undefined) return undefined;
      // The one list of free e-mail domains, shared with the hygiene metrics (FREE_EMAIL_DOMAINS).
      return isFreeEmailDomain(email) ? 'free' : 'business';
    };
  return leadFieldGetters[source];
}

function activityMatcher(filter: Omit<FeatureActivityFilter, 'windowDays'>): (activity: Activity) => boolean {
  const types = filter.types === undefined ? undefined : new Set<string>(filter.types);
  const pageKinds = filter.pageKinds === undefined ? undefined : new Set<string>(filter.pageKinds);
  return (activity) => {
    if (types !== undefined && !types.has(activity.type)) return false;
    if (pageKinds !== undefined && activity.type === 'page_viewed')
      return activity.pageKind !== undefined && pageKinds.has(activity.pageKind);
    return true;
  };
}

/** Compiles where a numeric feature reads its value into a fast reader (before any transform). */
export function numericReader(source: NumericFeatureSource): NumericReader {
  if (typeof source === 'object') {
    if ('customField' in source) {
      const name = source.customField;
      return (lead) => customNumber(lead, name);
    }
    if ('activityCount' in source) {
      const matches = activityMatcher(source.activityCount);
      const windowMs = source.activityCount.windowDays === undefined ? Number.POSITIVE_INFINITY : source.activityCount.windowDays * DAY_MS;
      return (lead, asOfMs) => {
        let count = 0;
        const from = asOfMs - windowMs;
        for (const activity of lead.activities) {
          const at = activity.at.getTime();
          if (at <= asOfMs && at > from && matches(activity)) count++;
        }
        return count;
      };
    }
    const matches = activityMatcher(source.daysSinceLastActivity);
    return (lead, asOfMs) => {
      let latest = Number.NEGATIVE_INFINITY;
      for (const activity of lead.activities) {
        const at = activity.at.getTime();
        if (at <= asOfMs && at > latest && matches(activity)) latest = at;
      }
      return latest === Number.NEGATIVE_INFINITY ? Number.NaN : (asOfMs - latest) / DAY_MS;
    };
  }
  switch (source) {
    case 'company.employeeCount':
      return (lead) => lead.company?.employeeCount ?? Number.NaN;
    case 'company.annualRevenue':
      return (lead) => {
        const revenue = lead.company?.annualRevenue;
        if (revenue === undefined) return Number.NaN;
        return revenue.amountMinor / 10 ** currencyExponent(revenue.currency);
      };
    case 'leadAgeDays':
      return (lead, asOfMs) => (asOfMs - lead.createdAt.getTime()) / DAY_MS;
  }
}

function sentinelReader(read: NumericReader, missingWhen: readonly number[] | undefined): NumericReader {
  if (missingWhen === undefined) return read;
  const sentinels = new Set(missingWhen);
  return (lead, asOfMs) => {
    const value = read(lead, asOfMs);
    return sentinels.has(value) ? Number.NaN : value;
  };
}

/**
 * Compiles how a numeric feature reads its value into a fast reader: the source, its sentinel values as missing
 * (`NaN`) and its clip bounds, before any transform.
 */
export function numericFeatureReader(feature: Pick<NumericFeature, 'from' | 'missingWhen' | 'clip'>): NumericReader {
  const read = sentinelReader(numericReader(feature.from), feature.missingWhen);
  const min = feature.clip?.min ?? Number.NEGATIVE_INFINITY;
  const max = feature.clip?.max ?? Number.POSITIVE_INFINITY;
  if (feature.clip === undefined) return read;
  return (lead, asOfMs) => {
    const value = read(lead, asOfMs);
    return value < min ? min : value > max ? max : value;
  };
}

/** Applies a numeric feature's transform (`log1p` is applied symmetrically to negative values). */
export function transformNumber(value: number, transform: NumericFeature['transform']): number {
  if (transform !== 'log1p') return value;
  return value < 0 ? -Math.log1p(-value) : Math.log1p(value);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/**
 * The category of a number given ascending cut points: `[10, 50]` gives `< 10`, `10 to < 50` and `>= 50`;
 * `NaN` gives `(missing)`.
 */
export function binLabel(value: number, bins: readonly number[]): string {
  if (Number.isNaN(value)) return MISSING_CATEGORY;
  const first = bins[0] as number;
  if (value < first) return `< ${formatNumber(first)}`;
  for (let b = 1; b < bins.length; b++) {
    const upper = bins[b] as number;
    if (value < upper) return `${formatNumber(bins[b - 1] as number)} to < ${formatNumber(upper)}`;
  }
  return `>= ${formatNumber(bins[bins.length - 1] as number)}`;
}

/** A feature's value for one lead, as shown in explanations. */
export type FeatureValue = string | number | undefined;

/**
 * Reads every feature of a spec from a lead at a point in time, as raw values (`undefined` when missing): what the
 * models see, for debugging a spec or showing it to users.
 *
 * @example
 * ```ts
 * extractFeatures(spec, lead, { asOf: new Date('2025-06-30T00:00:00Z') }); // { industry: 'software', employees: 120, … }
 * ```
 */
export function extractFeatures(spec: FeatureSpec, lead: Lead, options: { readonly asOf: Date }): Record<string, FeatureValue> {
  const asOfMs = options.asOf.getTime();
  const values: Record<string, FeatureValue> = Object.create(null) as Record<string, FeatureValue>;
  for (const feature of spec.features) {
    if (feature.kind === 'categorical') values[feature.name] = categoricalReader(feature.from)(lead, asOfMs);
    else {
      const number = numericFeatureReader(feature)(lead, asOfMs);
      values[feature.name] = Number.isNaN(number) ? undefined : number;
    }
  }
  return values;
}
