import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { CategoricalFeatureSource, FeatureSpec } from './features.ts';

/** The `format` tag of every stored predictive model. */
export const PREDICTIVE_MODEL_FORMAT = 'leadkit.predictive-model' as const;
/** The version of the stored predictive model documents this release reads and writes. */
export const PREDICTIVE_MODEL_VERSION = 1 as const;

const Count = z.number().int().nonnegative();
const Finite = z.number().finite();
const Name = z.string().min(1).max(200);

/** How many examples a model was trained on. */
export const TrainingSummary = z.strictObject({
  /** Won and lost examples used. */
  examples: Count,
  /** Won examples. */
  won: Count,
  /** Lost examples. */
  lost: Count,
  /** Open leads (no outcome yet) that were passed in and left out: they are right-censored, not lost. */
  openSkipped: Count,
});
/** How many examples a model was trained on. */
export type TrainingSummary = z.output<typeof TrainingSummary>;

/**
 * The probabilities at the 25th, 50th and 75th percentiles of the training predictions: a prediction above the
 * last is in the `very_high` tier, and so on (as HubSpot's contact priority does).
 */
export const PredictionTierCuts = z.tuple([Finite, Finite, Finite]);
/** Quartile cut points of the training predictions. */
export type PredictionTierCuts = z.output<typeof PredictionTierCuts>;

/** Won and lost counts of every value of one feature: `[value, won, lost]`, sorted by value. */
export const NaiveBayesFeatureCounts = z.strictObject({
  /** The feature name. */
  name: Name,
  /** `[value, won, lost]` per value seen, sorted by value. */
  values: z.array(z.tuple([z.string(), Count, Count])),
});
/** Won and lost counts of every value of one feature. */
export type NaiveBayesFeatureCounts = z.output<typeof NaiveBayesFeatureCounts>;

/** A naive Bayes frequency table: won and lost counts overall and per (feature, value). */
export const NaiveBayesTable = z.strictObject({
  /** Won examples. */
  won: Count,
  /** Lost examples. */
  lost: Count,
  /** Counts per feature, in the order of the spec's usable features. */
  features: z.array(NaiveBayesFeatureCounts),
});
/** A naive Bayes frequency table. */
export type NaiveBayesTable = z.output<typeof NaiveBayesTable>;

const envelope = {
  /** Always `leadkit.predictive-model`. */
  format: z.literal(PREDICTIVE_MODEL_FORMAT),
  /** Document version. */
  version: z.literal(PREDICTIVE_MODEL_VERSION, {
    error: (iss) => `this model has version ${JSON.stringify(iss.input)}, but this leadkit reads version ${PREDICTIVE_MODEL_VERSION}`,
  }),
  /** The feature spec used to train it, and to score with it. */
  spec: FeatureSpec,
  /** Quartile cut points of the training predictions. */
  tierCuts: PredictionTierCuts,
  /** The training data it saw. */
  summary: TrainingSummary,
};

/**
 * A trained naive Bayes model in the manner of Odoo's predictive lead scoring: frequency tables of won and lost
 * counts per (feature, value), additive smoothing, optional per-segment tables with a fallback to the global table.
 * Plain JSON data.
 */
export const NaiveBayesModel = z.strictObject({
  ...envelope,
  /** Discriminates the model kind. */
  type: z.literal('naive-bayes'),
  /** Additive (Laplace) smoothing added to every count. */
  smoothing: z.number().positive().max(1_000_000),
  /** Values seen fewer times than this (won + lost) in the table used are ignored when scoring. */
  minValueCount: z.number().int().min(1),
  /** Segments with fewer examples than this use the global table. */
  minSegmentExamples: z.number().int().min(1),
  /** Predicted probabilities are clamped into `[min, max]`, away from 0 and 1. */
  clamp: z.tuple([z.number().gt(0).lt(1), z.number().gt(0).lt(1)]).refine(([min, max]) => min <= max, 'the minimum must not exceed the maximum'),
  /** Where the segment (such as the sales team) is read, when the model has per-segment tables. */
  segmentBy: CategoricalFeatureSource.optional(),
  /** The table over all examples. */
  global: NaiveBayesTable,
  /** `[segment, table]` per segment seen, sorted by segment. */
  segments: z.array(z.tuple([z.string(), NaiveBayesTable])),
});
/** A trained naive Bayes model. */
export type NaiveBayesModel = z.output<typeof NaiveBayesModel>;

/** Weights of a categorical feature in a logistic model: one per level, plus the rare and missing buckets. */
export const LogisticCategoricalWeights = z.strictObject({
  /** Discriminates the feature kind. */
  kind: z.literal('categorical'),
  /** The feature name. */
  name: Name,
  /** `[level, weight]` per level kept, sorted by level. */
  levels: z.array(z.tuple([z.string(), Finite])),
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
  features: z.array(z.discriminatedUnion('kind', [LogisticCategoricalWeights, LogisticNumericWeights])),
  /** Newton iterations run. */
  iterations: Count,
  /** The candidates tried when the strength was chosen by cross-validation. */
  crossValidation: z.array(CrossValidationResult).optional(),
});
/** A trained logistic regression model. */
export type LogisticModel = z.output<typeof LogisticModel>;

/**
 * A trained predictive model, naive Bayes or logistic: versioned, zod-validated plain JSON that loads back to give
 * identical predictions.
 */
export const PredictiveModel = z.discriminatedUnion('type', [NaiveBayesModel, LogisticModel]).superRefine((model, context) => {
  const names = model.type === 'logistic' ? model.features.map((feature) => feature.name) : model.global.features.map((feature) => feature.name);
  const expected = model.spec.features
    .filter((feature) => model.type === 'logistic' || feature.kind === 'categorical' || feature.bins !== undefined)
    .map((feature) => feature.name);
  if (names.length !== expected.length || names.some((name, index) => name !== expected[index]))
    context.issues.push({
      code: 'custom',
      message: `the model's features (${names.join(', ')}) do not match its spec (${expected.join(', ')})`,
      input: names,
      path: [model.type === 'logistic' ? 'features' : 'global'],
    });
  if (model.type === 'logistic')
    model.features.forEach((weights, index) => {
      if (weights.kind !== model.spec.features[index]?.kind)
        context.issues.push({ code: 'custom', message: `feature ${JSON.stringify(weights.name)} has the wrong kind`, input: weights.kind, path: ['features', index, 'kind'] });
    });
});
/** A trained predictive model. */
export type PredictiveModel = z.output<typeof PredictiveModel>;

/**
 * Validates a stored predictive model (for example `JSON.parse` of a file), listing every problem with its path.
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(model);
 * const loaded = parsePredictiveModel(JSON.parse(stored));
 * if (loaded.ok) predict(loaded.value, lead, { asOf }); // identical to predict(model, lead, { asOf })
 * ```
 */
export function parsePredictiveModel(input: unknown): Result<PredictiveModel, ValidationError> {
  return parseWith(PredictiveModel, input, 'predictive model');
}
