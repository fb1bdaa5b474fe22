import { compileLogistic } from './logistic.ts';
import { compileNaiveBayes } from './naive-bayes.ts';
import type { PredictiveModel } from './predictive-model-definition.ts';
import type { CompiledModel } from './types.ts';

/** Compiles either kind of model into its log-odds and explanation functions, before calibration (internal). */
export function compileModel(model: PredictiveModel): CompiledModel {
  return model.type === 'logistic' ? compileLogistic(model) : compileNaiveBayes(model);
}
