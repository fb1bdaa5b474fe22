/**
 * Predictive lead scoring: learn from won and lost leads, and explain every prediction in words a salesperson can act
 * on. A declarative feature spec that reads fields by the one dotted path (checked against your lead schema), naive
 * Bayes (in the manner of Odoo, with learned numeric bins and incremental updates) and L2-regularised logistic
 * regression in pure TypeScript, calibration (Platt scaling, isotonic regression), time-aware and stratified splits,
 * evaluation (ROC AUC, log loss, Brier, calibration, lift, confusion matrix), models stored as versioned JSON, and an
 * adapter that makes a model a `Scorer`.
 *
 * @example
 * ```ts
 * import { defineFeatureSpec, evaluateModel, predictLead, splitStratified, trainModel } from 'leadkit/predict';
 *
 * const spec = defineFeatureSpec({
 *   missingWhen: ['unknown'],
 *   features: [
 *     { kind: 'categorical', name: 'industry', from: 'company.industry' },
 *     { kind: 'categorical', name: 'job', label: 'job title', from: 'customFields.job' },
 *     { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p' },
 *   ],
 * });
 * declare const closedLeads: Lead[], openLead: Lead; // your won and lost leads, and one to predict
 *
 * const { train, test } = splitStratified(closedLeads, { testFraction: 0.3, seed: 1 });
 * const result = trainModel(spec, train, { model: 'naive-bayes' }); // calibrated (Platt) by default
 * if (result.ok) {
 *   console.log(evaluateModel(result.value, test).rocAuc);
 *   console.log(predictLead(result.value, openLead, { asOf }).reasons);
 * }
 * ```
 *
 * @module
 */
export {
  ActivityCountSource,
  BinCuts,
  BinnedNumberSource,
  CategoricalFeature,
  CategoricalFeatureSource,
  CrossSource,
  DaysSinceLastActivitySource,
  DaysSinceSource,
  FeatureSpec,
  MISSING_CATEGORY,
  NumberMissingMarkers,
  NumericFeature,
  NumericFeatureSource,
  PredictiveFeature,
  QuantileBins,
  RARE_CATEGORY,
  SimpleCategoricalSource,
  TextMissingMarkers,
  type FeatureSpecJson,
} from './feature-spec-definition.ts';
export { defineFeatureSpec, parseFeatureSpec } from './parse-feature-spec.ts';
export { binLabel } from './feature-readers.ts';
export { quantileBins, type QuantileBinsOptions } from './quantile-bins.ts';
export { extractFeatures, type FeatureValue } from './extract-features.ts';
export {
  CrossValidationResult,
  FeatureTrainingSummary,
  IsotonicCalibration,
  LogisticCategoricalWeights,
  LogisticModel,
  LogisticNumericWeights,
  ModelCalibration,
  NaiveBayesFeatureCounts,
  NaiveBayesModel,
  NaiveBayesTable,
  PlattCalibration,
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  PredictionTierCuts,
  PredictiveModel,
  TrainingSummary,
  TrainingWarning,
} from './predictive-model-definition.ts';
export { parsePredictiveModel } from './parse-predictive-model.ts';
export { trainNaiveBayes, updateNaiveBayes, type NaiveBayesOptions } from './naive-bayes.ts';
export { trainLogistic, type CrossValidateL2, type LogisticOptions } from './logistic.ts';
export {
  PredictiveTrainingError,
  trainModel,
  type CalibrationOptions,
  type CommonTrainOptions,
  type LogisticTrainOptions,
  type MinimumTrainingData,
  type NaiveBayesTrainOptions,
  type TrainModelOptions,
} from './train-model.ts';
export { calibrateModel, type CalibrateModelOptions, type CalibrationMethod } from './calibration.ts';
export { splitByTime, splitStratified, type SplitByTimeOptions, type SplitStratifiedOptions, type TrainTestSplit } from './split.ts';
export {
  brierScore,
  calibrationTable,
  confusionMatrix,
  evaluatePredictions,
  liftTable,
  logLoss,
  rocAuc,
  type CalibrationRow,
  type ConfusionMatrix,
  type EvaluatePredictionsOptions,
  type GroupOptions,
  type LiftRow,
  type PredictionEvaluation,
} from './evaluate.ts';
export { evaluateModel, type CalibrationMeasures, type EvaluateModelOptions, type ModelEvaluation } from './evaluate-model.ts';
export { compilePredictor, predictLead, recalibrateTiers, type CompiledPredictor, type PredictOptions } from './compile-predictor.ts';
export { describeContribution, explainPrediction } from './describe-contribution.ts';
export { predictiveScorer, type PredictiveScorerOptions } from './predictive-scorer.ts';
export type { FeatureContribution, FeaturesAt, Prediction, PredictionTier } from './types.ts';
