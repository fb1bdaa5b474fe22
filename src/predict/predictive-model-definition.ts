import * as z from 'zod/v4';
import { showValue } from '../errors.ts';
import { CategoricalFeatureSource, FeatureSpec } from './feature-spec-definition.ts';

/** The `format` tag of every stored predictive model. */
export const PREDICTIVE_MODEL_FORMAT = 'leadkit.predictive-model' as const;
/** The version of the stored predictive model documents this release reads and writes. */
export const PREDICTIVE_MODEL_VERSION = 1 as const;

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Finite = z.number().finite();
const Name = z.string().min(1).max(200);
const Folds = z.number().int().min(2).max(20);

/** A problem with one feature found while training: the model was trained, but the feature may not mean what it should. */
export const TrainingWarning = z.strictObject({
  /** The feature's name. */
  feature: Name,
  /**
   * `mostly_missing`: the value is missing for at least 95% of the training leads (a misspelled path, a column the
   * export leaves blank); `no_contribution`: the feature cannot tell leads apart (one value for every lead, or every
   * value too rare to be used), so it contributes nothing.
   */
  code: z.enum(['mostly_missing', 'no_contribution']),
  /** The problem in words. */
  message: z.string().max(1000),
});
/** A problem with one feature found while training. */
export type TrainingWarning = z.output<typeof TrainingWarning>;

/** How often one feature was missing in the training data. */
export const FeatureTrainingSummary = z.strictObject({
  /** The feature's name. */
  name: Name,
  /** Training examples whose value was missing. */
  missing: Count,
});
/** How often one feature was missing in the training data. */
export type FeatureTrainingSummary = z.output<typeof FeatureTrainingSummary>;

/** The training report: how many examples a model was trained on, and what was found about its features. */
export const TrainingSummary = z.strictObject({
  /** Won and lost examples used. */
  examples: Count,
  /** Won examples. */
  won: Count,
  /** Lost examples. */
  lost: Count,
  /** Open leads (no outcome yet) that were passed in and left out: they are right-censored, not lost. */
  openSkipped: Count,
  /**
   * Leads with an outcome but no outcome date, left out because features are read at the outcome (`featuresAt:
   * 'outcome'`); absent when there were none. Train with a fixed `featuresAt` to use them.
   */
  undatedSkipped: Count.optional(),
  /** Per feature, in spec order: how often it was missing. */
  features: z.array(FeatureTrainingSummary).max(500),
  /** Features that are almost always missing or contribute nothing. */
  warnings: z.array(TrainingWarning).max(1000),
});
/** The training report of a model. */
export type TrainingSummary = z.output<typeof TrainingSummary>;

/**
 * The probabilities at the 25th, 50th and 75th percentiles of the training predictions: a prediction above the
 * last is in the `very_high` tier, and so on (as HubSpot's contact priority does).
 */
export const PredictionTierCuts = z.tuple([Finite, Finite, Finite]);
/** Quartile cut points of the training predictions. */
export type PredictionTierCuts = z.output<typeof PredictionTierCuts>;

/**
 * Platt scaling: the calibrated log-odds are `slope × log-odds + intercept`, fitted by logistic regression of the
 * outcomes on the model's out-of-fold log-odds. Strictly increasing, so the ranking (and the AUC) is unchanged.
 */
export const PlattCalibration = z.strictObject({
  /** Discriminates the method. */
  method: z.literal('platt'),
  /** The slope: below 1 when the model was overconfident (naive Bayes usually is). */
  slope: Finite.positive(),
  /** The intercept. */
  intercept: Finite,
  /** The folds the out-of-fold log-odds came from (absent: fitted on held-out leads by `calibrateModel`). */
  folds: Folds.optional(),
});
/** Platt scaling. */
export type PlattCalibration = z.output<typeof PlattCalibration>;

/**
 * Isotonic regression: a non-decreasing step function from the model's log-odds to a probability, fitted on
 * out-of-fold log-odds (pool adjacent violators), interpolated linearly between the ends of its steps. Leads within
 * one step share a probability (ties), so it can lower the AUC a little where Platt scaling cannot.
 */
export const IsotonicCalibration = z
  .strictObject({
    /** Discriminates the method. */
    method: z.literal('isotonic'),
    /** `[log-odds, probability]`, log-odds strictly ascending, probabilities non-decreasing and within (0, 1). */
    points: z
      .array(z.tuple([Finite, z.number().gt(0).lt(1)]))
      .min(1)
      .max(100_000),
    /** The folds the out-of-fold log-odds came from (absent: fitted on held-out leads by `calibrateModel`). */
    folds: Folds.optional(),
  })
  .refine(
    (calibration) =>
      calibration.points.every(
        (point, index) =>
          index === 0 ||
          (point[0] > (calibration.points[index - 1] as [number, number])[0] && point[1] >= (calibration.points[index - 1] as [number, number])[1]),
      ),
    { message: 'points must have strictly ascending log-odds and non-decreasing probabilities', path: ['points'] },
  );
/** Isotonic regression. */
export type IsotonicCalibration = z.output<typeof IsotonicCalibration>;

/** How a model's probabilities are calibrated, when they are. */
export const ModelCalibration = z.discriminatedUnion('method', [PlattCalibration, IsotonicCalibration]);
/** How a model's probabilities are calibrated. */
export type ModelCalibration = z.output<typeof ModelCalibration>;

/** Won and lost counts of every value of one feature: `[value, won, lost]`, sorted by value. */
export const NaiveBayesFeatureCounts = z.strictObject({
  /** The feature name. */
  name: Name,
  /** `[value, won, lost]` per value seen, sorted by value. */
  values: z.array(z.tuple([z.string().max(10_000), Count, Count])).max(100_000),
});
/** Won and lost counts of every value of one feature. */
export type NaiveBayesFeatureCounts = z.output<typeof NaiveBayesFeatureCounts>;

/** A naive Bayes frequency table: won and lost counts overall and per (feature, value). */
export const NaiveBayesTable = z.strictObject({
  /** Won examples. */
  won: Count,
  /** Lost examples. */
  lost: Count,
  /** Counts per feature, in spec order. */
  features: z.array(NaiveBayesFeatureCounts).max(500),
});
/** A naive Bayes frequency table. */
export type NaiveBayesTable = z.output<typeof NaiveBayesTable>;

const envelope = {
  /** Always `leadkit.predictive-model`. */
  format: z.literal(PREDICTIVE_MODEL_FORMAT),
  /** Document version. */
  version: z.literal(PREDICTIVE_MODEL_VERSION, {
    // showValue, not JSON.stringify: the input may be anything, a BigInt included (found by the never-throws property).
    error: (iss) => `this model has version ${showValue(iss.input)}, but this leadkit reads version ${PREDICTIVE_MODEL_VERSION}`,
  }),
  /** The feature spec used to train it, and to score with it. */
  spec: FeatureSpec,
  /** Quartile cut points of the training predictions. */
  tierCuts: PredictionTierCuts,
  /** The training report. */
  summary: TrainingSummary,
  /** How its probabilities are calibrated (absent: not calibrated). */
  calibration: ModelCalibration.optional(),
};

const StoredCuts = z.array(Finite).max(100);

/**
 * A trained naive Bayes model in the manner of Odoo's predictive lead scoring: frequency tables of won and lost
 * counts per (feature, value), additive smoothing, optional per-segment tables with a fallback to the global table,
 * numbers cut into bins (given, or learned at quantiles of the training values). Plain JSON data.
 */
export const NaiveBayesModel = z.strictObject({
  ...envelope,
  /** Discriminates the model kind. */
  type: z.literal('naive-bayes'),
  /** Additive (Laplace) smoothing added to every count. */
  smoothing: z.number().positive().max(1_000_000),
  /** Values seen fewer times than this (won + lost) in the table used are ignored when scoring. */
  minValueCount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Segments with fewer examples than this use the global table. */
  minSegmentExamples: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Where the segment (such as the sales team) is read, when the model has per-segment tables. */
  segmentBy: CategoricalFeatureSource.optional(),
  /** `[feature name, cut points]` for every numeric feature, in spec order: the bins given or learned. */
  bins: z.array(z.tuple([Name, StoredCuts])).max(500),
  /** The table over all examples. */
  global: NaiveBayesTable,
  /** `[segment, table]` per segment seen, sorted by segment. */
  segments: z.array(z.tuple([z.string().max(10_000), NaiveBayesTable])).max(100_000),
});
/** A trained naive Bayes model. */
export type NaiveBayesModel = z.output<typeof NaiveBayesModel>;

/** Weights of a categorical feature in a logistic model: one per level, plus the rare and missing buckets. */
export const LogisticCategoricalWeights = z.strictObject({
  /** Discriminates the feature kind. */
  kind: z.literal('categorical'),
  /** The feature name. */
  name: Name,
  /** `[level, weight, won, lost]` per level kept, sorted by level: its weight and its training counts. */
  levels: z.array(z.tuple([z.string().max(10_000), Finite, Count, Count])).max(100_000),
  /** The weight of values too rare in the training data, or never seen. */
  rare: Finite,
  /** The weight of a missing value. */
  missing: Finite,
  /** The feature's average effect (log-odds) over the training data: explanations are relative to it. */
  average: Finite,
});
/** Weights of a categorical feature in a logistic model. */
export type LogisticCategoricalWeights = z.output<typeof LogisticCategoricalWeights>;

/** The standardisation and weight of a numeric feature in a logistic model. */
export const LogisticNumericWeights = z.strictObject({
  /** Discriminates the feature kind. */
  kind: z.literal('numeric'),
  /** The feature name. */
  name: Name,
  /** Mean of the (transformed) training values. */
  center: Finite,
  /** Standard deviation of the (transformed) training values (1 when they were all equal). */
  scale: Finite.positive(),
  /** The (transformed) value used when the value is missing. */
  impute: Finite,
  /** Weight of the standardised value. */
  weight: Finite,
  /** Weight of the "is missing" input, when the model has one. */
  missingWeight: Finite.optional(),
  /** The feature's average effect (log-odds) over the training data: explanations are relative to it. */
  average: Finite,
  /** The median of the won training leads' values (before any transform), for explanations. */
  wonMedian: Finite.optional(),
  /** The most common training value and how many training leads had it. */
  mostCommon: z.tuple([Finite, Count]).optional(),
  /**
   * The training values cut at 5 quantiles (as naive Bayes cuts them), with `[won, lost]` per range: explanations
   * say how often leads in the lead's range won, and when the model goes against that.
   */
  ranges: z
    .strictObject({
      /** Ascending cut points. */
      cuts: z.array(Finite).max(100),
      /** `[won, lost]` per range, `cuts.length + 1` of them. */
      counts: z.array(z.tuple([Count, Count])).max(101),
    })
    .refine(
      (ranges) => ranges.counts.length === ranges.cuts.length + 1 && ranges.cuts.every((cut, index) => index === 0 || cut > (ranges.cuts[index - 1] as number)),
      {
        message: 'ranges need ascending cuts and one count per range',
      },
    )
    .optional(),
});
/** The standardisation and weight of a numeric feature in a logistic model. */
export type LogisticNumericWeights = z.output<typeof LogisticNumericWeights>;

/** One candidate strength tried by cross-validation, with its mean held-out log loss. */
export const CrossValidationResult = z.strictObject({
  /** The L2 strength tried. */
  l2: Finite.positive(),
  /** Mean held-out log loss over the folds. */
  logLoss: Finite,
});
/** One candidate strength tried by cross-validation. */
export type CrossValidationResult = z.output<typeof CrossValidationResult>;

/** A trained L2-regularised logistic regression over standardised numeric and one-hot categorical inputs. Plain JSON data. */
export const LogisticModel = z.strictObject({
  ...envelope,
  /** Discriminates the model kind. */
  type: z.literal('logistic'),
  /** The L2 strength used (penalty `l2/2 · ‖w‖²` on the summed log loss; scikit-learn's `C = 1/l2`). */
  l2: Finite.positive(),
  /** The intercept (log-odds of a lead whose inputs are all zero). */
  intercept: Finite,
  /** Weights per feature, in spec order. */
  features: z.array(z.discriminatedUnion('kind', [LogisticCategoricalWeights, LogisticNumericWeights])).max(500),
  /** Newton iterations run. */
  iterations: Count,
  /** The candidates tried when the strength was chosen by cross-validation. */
  crossValidation: z.array(CrossValidationResult).max(100).optional(),
});
/** A trained logistic regression model. */
export type LogisticModel = z.output<typeof LogisticModel>;

function namesIssue(names: readonly string[], expected: readonly string[], path: (string | number)[]): z.core.$ZodRawIssue | undefined {
  if (names.length === expected.length && names.every((name, index) => name === expected[index])) return undefined;
  return { code: 'custom', message: `the model's features (${names.join(', ')}) do not match its spec (${expected.join(', ')})`, input: names, path };
}

/**
 * A trained predictive model, naive Bayes or logistic: versioned, zod-validated plain JSON that loads back to give
 * identical predictions.
 */
export const PredictiveModel = z.discriminatedUnion('type', [NaiveBayesModel, LogisticModel]).superRefine((model, context) => {
  const expected = model.spec.features.map((feature) => feature.name);
  const add = (found: z.core.$ZodRawIssue | undefined): void => {
    if (found !== undefined) context.issues.push(found);
  };
  if (model.type === 'logistic') {
    add(
      namesIssue(
        model.features.map((feature) => feature.name),
        expected,
        ['features'],
      ),
    );
    model.features.forEach((weights, index) => {
      const feature = model.spec.features[index];
      if (feature !== undefined && weights.kind !== feature.kind)
        context.issues.push({
          code: 'custom',
          message: `feature ${JSON.stringify(weights.name)} has the wrong kind`,
          input: weights.kind,
          path: ['features', index, 'kind'],
        });
    });
  } else {
    add(
      namesIssue(
        model.global.features.map((feature) => feature.name),
        expected,
        ['global'],
      ),
    );
    model.segments.forEach(([, table], index) =>
      add(
        namesIssue(
          table.features.map((feature) => feature.name),
          expected,
          ['segments', index, 1],
        ),
      ),
    );
    const numeric = model.spec.features.filter((feature) => feature.kind === 'numeric').map((feature) => feature.name);
    add(
      namesIssue(
        model.bins.map(([name]) => name),
        numeric,
        ['bins'],
      ),
    );
    model.bins.forEach(([, cuts], index) => {
      if (cuts.some((cut, at) => at > 0 && cut <= (cuts[at - 1] as number)))
        context.issues.push({ code: 'custom', message: 'bins must be strictly ascending', input: cuts, path: ['bins', index, 1] });
    });
  }
  if (model.summary.features.length > 0)
    add(
      namesIssue(
        model.summary.features.map((feature) => feature.name),
        expected,
        ['summary', 'features'],
      ),
    );
});
/** A trained predictive model. */
export type PredictiveModel = z.output<typeof PredictiveModel>;
