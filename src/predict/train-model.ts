import { leadFieldCatalog, type LeadSchema } from '../conditions/field-path.ts';
import { issue, ValidationError, type ValidationIssue } from '../errors.ts';
import { createRandom } from '../internal/random.ts';
import { closestMatch } from '../internal/suggest.ts';
import type { Lead } from '../models/lead.ts';
import { err, ok, type Result } from '../result.ts';
import { calibratedProbability, fitCalibration, type CalibrationMethod } from './calibration.ts';
import { compileModel } from './compile-model.ts';
import { readFeatureColumns } from './feature-columns.ts';
import type { CategoricalFeatureSource, FeatureSpec, NumericFeatureSource } from './feature-spec-definition.ts';
import { trainLogistic, type LogisticOptions } from './logistic.ts';
import { trainNaiveBayes, type NaiveBayesOptions } from './naive-bayes.ts';
import { parseFeatureSpec } from './parse-feature-spec.ts';
import type { LogisticModel, NaiveBayesModel, PredictiveModel } from './predictive-model-definition.ts';
import { labelledExamples, tierCutsOf, type LabelledExample } from './training-data.ts';

/** Minimum-data checks of {@link trainModel}. */
export interface MinimumTrainingData {
  /** Refuse to train with fewer won examples than this (default 20). */
  readonly minWon?: number;
  /** Refuse to train with fewer lost examples than this (default 20). */
  readonly minLost?: number;
}

/** How {@link trainModel} calibrates the probabilities: a method, and how many folds give the out-of-fold log-odds. */
export interface CalibrationOptions {
  /** Platt scaling (keeps the ranking exactly) or isotonic regression (a step function: more flexible, makes ties). */
  readonly method: 'platt' | 'isotonic';
  /** Stratified folds (default 5, from 2 to 20). */
  readonly folds?: number;
}

/** Options every model of {@link trainModel} takes. */
export interface CommonTrainOptions extends MinimumTrainingData {
  /**
   * Calibration fitted on out-of-fold predictions of the training leads: `platt`, `isotonic` or `none`, or
   * `{ method, folds }`. Default: `platt` for naive Bayes (its raw probabilities are overconfident), `none` for
   * logistic regression (close to calibrated by construction).
   */
  readonly calibration?: CalibrationMethod | CalibrationOptions;
  /** Seed of the calibration folds (and of logistic regression's cross-validation folds); default 1. */
  readonly seed?: number;
  /** Your lead schema, when the spec names fields of an extended lead (`Lead.extend({ … })`); `Lead` by default. */
  readonly lead?: LeadSchema;
}

/** Options of {@link trainModel} for naive Bayes. */
export interface NaiveBayesTrainOptions extends NaiveBayesOptions, CommonTrainOptions {
  /** Which model. */
  readonly model: 'naive-bayes';
}

/** Options of {@link trainModel} for logistic regression. */
export interface LogisticTrainOptions extends LogisticOptions, CommonTrainOptions {
  /** Which model. */
  readonly model: 'logistic';
}

/** Options of {@link trainModel}: which model, its options, the minimum-data checks and the calibration. */
export type TrainModelOptions = NaiveBayesTrainOptions | LogisticTrainOptions;

/**
 * Training was refused because there are too few won or lost examples to learn from (as CRMs refuse: a model
 * trained on a handful of outcomes would only repeat noise).
 */
export class PredictiveTrainingError extends Error {
  /** Discriminates leadkit errors. */
  readonly code = 'not_enough_examples' as const;
  /** Won examples found. */
  readonly won: number;
  /** Lost examples found. */
  readonly lost: number;
  /** Won examples required. */
  readonly minWon: number;
  /** Lost examples required. */
  readonly minLost: number;

  /**
   * @param counts - the won and lost examples found and required.
   */
  constructor(counts: { readonly won: number; readonly lost: number; readonly minWon: number; readonly minLost: number }) {
    super(
      `Not enough outcomes to train a predictive model: ${counts.won} won (at least ${counts.minWon} needed) and ${counts.lost} lost (at least ${counts.minLost} needed). Open leads do not count.`,
    );
    this.name = 'PredictiveTrainingError';
    this.won = counts.won;
    this.lost = counts.lost;
    this.minWon = counts.minWon;
    this.minLost = counts.minLost;
  }
}

interface NamedPath {
  /** The field path read. */
  readonly path: string;
  /** The slot key of the read (`customFields.job`, `daysSince:createdAt`). */
  readonly slotKey: string;
  /** Where the path is in the spec. */
  readonly at: (string | number)[];
}

function numericPaths(source: NumericFeatureSource, at: (string | number)[]): NamedPath[] {
  if (typeof source === 'string') return [{ path: source, slotKey: source, at }];
  if ('daysSince' in source) return [{ path: source.daysSince, slotKey: `daysSince:${source.daysSince}`, at: [...at, 'daysSince'] }];
  return [];
}

function categoricalPaths(source: CategoricalFeatureSource, at: (string | number)[]): NamedPath[] {
  if (typeof source === 'string') return [{ path: source, slotKey: source, at }];
  if ('cross' in source) return source.cross.flatMap((part, index) => categoricalPaths(part, [...at, 'cross', index]));
  return numericPaths(source.binned, [...at, 'binned']);
}

/** Paths the data has: every custom field name seen, and every field of the catalog. */
function knownPaths(examples: readonly LabelledExample[], schema: LeadSchema | undefined): string[] {
  const custom = new Set<string>();
  for (const example of examples) {
    const fields = example.lead.customFields;
    if (fields === undefined || fields === null) continue;
    for (const key of Object.keys(fields)) if (custom.size < 10_000) custom.add(`customFields.${key}`);
  }
  const catalog = [...leadFieldCatalog(schema).fields.keys()].filter((path) => !path.endsWith('.*'));
  return [...custom, ...catalog];
}

/**
 * A path that no training lead has at all is a typo far more often than a column nobody fills in: refuse it, with
 * the closest path the data does have.
 */
function absentPathIssues(spec: FeatureSpec, examples: readonly LabelledExample[], schema: LeadSchema | undefined): ValidationIssue[] {
  if (examples.length === 0) return [];
  const { reads, present } = readFeatureColumns(spec, examples);
  const slotOf = new Map(reads.slotKeys.map((key, index) => [key, index]));
  const named = spec.features.flatMap((feature, index) =>
    feature.kind === 'categorical' ? categoricalPaths(feature.from, ['features', index, 'from']) : numericPaths(feature.from, ['features', index, 'from']),
  );
  const absent = named.filter((item) => present[slotOf.get(item.slotKey) ?? -1] === 0);
  if (absent.length === 0) return [];
  const candidates = knownPaths(examples, schema).filter((path) => !absent.some((item) => item.path === path));
  return absent.map((item) => {
    const suggestion = closestMatch(item.path, candidates);
    const hint = suggestion === undefined ? '' : ` Did you mean ${JSON.stringify(suggestion)}?`;
    return issue(item.at, `no training lead has ${item.path}, so the feature would be missing for every lead (a misspelled path?).${hint}`, 'absent_field');
  });
}

function calibrationOf(options: TrainModelOptions): CalibrationOptions | undefined {
  const requested = options.calibration ?? (options.model === 'naive-bayes' ? 'platt' : 'none');
  if (requested === 'none') return undefined;
  return typeof requested === 'string' ? { method: requested } : requested;
}

function stratifiedFolds(examples: readonly LabelledExample[], folds: number, seed: number): Int32Array {
  const random = createRandom(seed);
  const fold = new Int32Array(examples.length);
  for (const won of [true, false]) {
    const members: number[] = [];
    examples.forEach((example, index) => {
      if (example.won === won) members.push(index);
    });
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((index, position) => {
      fold[index] = position % folds;
    });
  }
  return fold;
}

function trainOne(spec: FeatureSpec, leads: readonly Lead[], options: TrainModelOptions): PredictiveModel {
  return options.model === 'logistic' ? trainLogistic(spec, leads, options) : trainNaiveBayes(spec, leads, options);
}

/** Out-of-fold log-odds of every example: each from a model trained on the other folds. */
function outOfFoldLogOdds(
  spec: FeatureSpec,
  examples: readonly LabelledExample[],
  model: PredictiveModel,
  options: TrainModelOptions,
  folds: number,
): Float64Array {
  const fold = stratifiedFolds(examples, folds, options.seed ?? 1);
  const scores = new Float64Array(examples.length);
  // The folds reuse the strength the full model chose, rather than cross-validating again inside each fold.
  const foldOptions: TrainModelOptions = model.type === 'logistic' && options.model === 'logistic' ? { ...options, l2: model.l2 } : options;
  for (let k = 0; k < folds; k++) {
    const inside: Lead[] = [];
    const held: LabelledExample[] = [];
    examples.forEach((example, index) => {
      if (fold[index] === k) held.push(example);
      else inside.push(example.lead);
    });
    if (held.length === 0) continue;
    const { logOdds } = compileModel(trainOne(spec, inside, foldOptions));
    examples.forEach((example, index) => {
      if (fold[index] === k) scores[index] = logOdds(example.lead, example.asOfMs);
    });
  }
  return scores;
}

/**
 * Trains a predictive model (naive Bayes or logistic regression) on leads with outcomes, with the checks a new user
 * needs. It refuses, as values: a spec that does not validate (paths checked against `options.lead`); a field path
 * that no training lead has (a `ValidationError` with the path and the closest path the data has); too few won or
 * lost examples (`PredictiveTrainingError`). Features that are almost always missing or contribute nothing are kept
 * and reported in `model.summary.warnings`. Open leads (no outcome) are skipped: they are right-censored, not lost.
 * Each example's features are read at its outcome date unless `featuresAt` says otherwise; data without dates
 * (leads that all share one date) train the same way. Naive Bayes is calibrated by default (Platt scaling fitted on
 * out-of-fold predictions; see `calibration`). Deterministic given `seed`; the inputs are not mutated.
 *
 * @example
 * ```ts
 * const result = trainModel(spec, leads, { model: 'naive-bayes' });
 * if (!result.ok) console.error(result.error.message); // "Not enough outcomes to train …", or a misspelled path
 * else {
 *   for (const warning of result.value.summary.warnings) console.warn(warning.message);
 *   console.log(predictLead(result.value, lead, { asOf }).reasons);
 * }
 * ```
 * @throws RangeError on a programmer error in the options: `l2` not a positive finite number, `numericBins` or
 * calibration `folds` out of range, an invalid `featuresAt` instant.
 */
export function trainModel(
  spec: FeatureSpec,
  leads: readonly Lead[],
  options: NaiveBayesTrainOptions,
): Result<NaiveBayesModel, PredictiveTrainingError | ValidationError>;
/**
 * Trains a logistic regression: see the first signature.
 *
 * @throws RangeError on a programmer error in the options (see the first signature).
 */
export function trainModel(
  spec: FeatureSpec,
  leads: readonly Lead[],
  options: LogisticTrainOptions,
): Result<LogisticModel, PredictiveTrainingError | ValidationError>;
/**
 * Trains either model, as the options say: see the first signature.
 *
 * @throws RangeError on a programmer error in the options (see the first signature).
 */
export function trainModel(
  spec: FeatureSpec,
  leads: readonly Lead[],
  options: TrainModelOptions,
): Result<PredictiveModel, PredictiveTrainingError | ValidationError>;
export function trainModel(
  spec: FeatureSpec,
  leads: readonly Lead[],
  options: TrainModelOptions,
): Result<PredictiveModel, PredictiveTrainingError | ValidationError> {
  const parsed = parseFeatureSpec(spec, { lead: options.lead });
  if (!parsed.ok) return parsed;
  const calibration = calibrationOf(options);
  const folds = calibration?.folds ?? 5;
  if (calibration !== undefined && (!Number.isInteger(folds) || folds < 2 || folds > 20))
    throw new RangeError(`calibration folds must be an integer from 2 to 20, not ${folds}`);
  const { examples } = labelledExamples(leads, options.featuresAt);
  let won = 0;
  for (const example of examples) if (example.won) won++;
  const lost = examples.length - won;
  const minWon = options.minWon ?? 20;
  const minLost = options.minLost ?? 20;
  if (won < minWon || lost < minLost || won + lost === 0) return err(new PredictiveTrainingError({ won, lost, minWon, minLost }));
  const absent = absentPathIssues(parsed.value, examples, options.lead);
  if (absent.length > 0) return err(new ValidationError('feature spec', absent));
  const model = trainOne(parsed.value, leads, options);
  if (calibration === undefined) return ok(model);
  // Every fold holds at least one won and one lost example when there are enough of them.
  const used = Math.min(folds, Math.max(2, Math.min(won, lost)));
  const scores = outOfFoldLogOdds(parsed.value, examples, model, options, used);
  const fitted = fitCalibration(
    calibration.method,
    scores,
    examples.map((example) => example.won),
    used,
  );
  const probability = calibratedProbability(fitted);
  const { logOdds } = compileModel(model);
  const tierCuts = tierCutsOf(examples.map((example) => probability(logOdds(example.lead, example.asOfMs))));
  return ok({ ...model, calibration: fitted, tierCuts });
}
