/**
 * Predictive lead scoring: learn from won and lost leads, and explain every prediction. A declarative feature spec,
 * naive Bayes (in the manner of Odoo, with incremental updates) and L2-regularised logistic regression in pure
 * TypeScript, time-aware and stratified splits, evaluation (ROC AUC, log loss, Brier, calibration, lift, confusion
 * matrix), models stored as versioned JSON, and an adapter that makes a model a `Scorer`.
 *
 * @example
 * ```ts
 * import { defineFeatureSpec, splitByTime, train, evaluateModel, predict } from 'leadkit/predict';
 *
 * const spec = defineFeatureSpec({ features: [
 *   { kind: 'categorical', name: 'industry', from: 'company.industry' },
 *   { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 200, 1000] },
 * ] });
 * const { train: older, test: newer } = splitByTime(closedLeads, { testFraction: 0.3 });
 * const result = train(spec, older, { model: 'logistic' });
 * if (result.ok) {
 *   console.log(evaluateModel(result.value, newer).rocAuc);
 *   console.log(predict(result.value, openLead, { asOf }).reasons);
 * }
 * ```
 *
 * @module
 */
export {
  FeatureActivityFilter,
  BinnedNumberSource,
  CategoricalFeature,
  CategoricalFeatureSource,
  SimpleCategoricalSource,
  PredictiveFeature,
  FeatureSpec,
  LeadCategoricalField,
  LeadNumericField,
  MISSING_CATEGORY,
  NumericFeature,
  NumericFeatureSource,
  RARE_CATEGORY,
  binLabel,
  defineFeatureSpec,
  extractFeatures,
  parseFeatureSpec,
  type FeatureValue,
} from './features.ts';
export {
  CrossValidationResult,
  LogisticCategoricalWeights,
  LogisticModel,
  LogisticNumericWeights,
  NaiveBayesFeatureCounts,
  NaiveBayesModel,
  NaiveBayesTable,
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  PredictiveModel,
  PredictionTierCuts,
  TrainingSummary,
  parsePredictiveModel,
} from './model.ts';
export { trainNaiveBayes, updateNaiveBayes, type NaiveBayesOptions } from './naive-bayes.ts';
export { trainLogistic, type CrossValidateL2, type LogisticOptions } from './logistic.ts';
export { PredictiveTrainingError, train, type MinimumTrainingData, type TrainOptions, type TrainedModelFor } from './train.ts';
export { splitByTime, splitStratified, type SplitByTimeOptions, type SplitStratifiedOptions, type TrainTestSplit } from './split.ts';
export {
  brierScore,
  calibrationTable,
  confusionMatrix,
  evaluatePredictions,
  liftTable,
  logLoss,
  rocAuc,
  type CalibrationBin,
  type ConfusionMatrix,
  type EvaluatePredictionsOptions,
  type LiftRow,
  type PredictionEvaluation,
} from './evaluate.ts';
export {
  createPredictor,
  describeContribution,
  evaluateModel,
  predict,
  recalibrateTiers,
  type EvaluateModelOptions,
  type Predictor,
} from './predict.ts';
export { predictiveScorer, type PredictiveScorerOptions } from './predictive-scorer.ts';
export type { FeatureContribution, FeaturesAt, Prediction, PredictionTier } from './types.ts';
