import type { Lead } from '../models/lead.ts';
import { calibratedProbability } from './calibration.ts';
import { compileModel } from './compile-model.ts';
import { brierScore, calibrationTable, evaluatePredictions, logLoss, type EvaluatePredictionsOptions, type PredictionEvaluation } from './evaluate.ts';
import type { PredictiveModel } from './predictive-model-definition.ts';
import { labelledExamples, probabilityOfLogOdds } from './training-data.ts';
import type { FeaturesAt } from './types.ts';

/** Options of {@link evaluateModel}. */
export interface EvaluateModelOptions extends EvaluatePredictionsOptions {
  /** When each lead's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

/** A model's evaluation; for a calibrated model, also the measures of its probabilities before calibration. */
export interface ModelEvaluation extends PredictionEvaluation {
  /** The same measures of the uncalibrated probabilities, when the model is calibrated (absent otherwise). */
  readonly beforeCalibration?: CalibrationMeasures;
}

/** The calibration measures of a set of probabilities. */
export interface CalibrationMeasures {
  /** Mean log loss. */
  readonly logLoss: number;
  /** Brier score. */
  readonly brierScore: number;
  /** The calibration table (group 1 holds the highest predictions, as in the lift table). */
  readonly calibration: PredictionEvaluation['calibration'];
}

/**
 * Evaluates a model on held-out leads with outcomes (open leads are skipped): ROC AUC, log loss, Brier score, the
 * calibration and lift tables (group 1 holds the highest predictions in both) and a confusion matrix. For a
 * calibrated model it also reports the log loss, Brier score and calibration table of its probabilities before
 * calibration, so the two can be compared.
 *
 * @example
 * ```ts
 * const { train, test } = splitStratified(leads, { testFraction: 0.3, seed: 1 });
 * const model = trainModel(spec, train, { model: 'naive-bayes', calibration: 'platt' });
 * if (model.ok) {
 *   const evaluation = evaluateModel(model.value, test);
 *   console.log(evaluation.rocAuc, evaluation.brierScore, evaluation.beforeCalibration?.brierScore);
 * }
 * ```
 * @throws RangeError when `featuresAt` is an invalid instant, or `groups` is not a positive integer.
 */
export function evaluateModel(model: PredictiveModel, leads: readonly Lead[], options: EvaluateModelOptions = {}): ModelEvaluation {
  const { logOdds } = compileModel(model);
  const calibrate = calibratedProbability(model.calibration);
  const { examples } = labelledExamples(leads, options.featuresAt);
  const scores = examples.map((example) => logOdds(example.lead, example.asOfMs));
  const labels = examples.map((example) => example.won);
  const evaluation = evaluatePredictions(scores.map(calibrate), labels, options);
  if (model.calibration === undefined) return evaluation;
  const raw = scores.map(probabilityOfLogOdds);
  return {
    ...evaluation,
    beforeCalibration: {
      logLoss: logLoss(raw, labels),
      brierScore: brierScore(raw, labels),
      calibration: calibrationTable(raw, labels, { groups: options.groups ?? 10 }),
    },
  };
}
