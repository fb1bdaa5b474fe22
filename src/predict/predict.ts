import type { Lead } from '../models/lead.ts';
import { evaluatePredictions, type EvaluatePredictionsOptions, type PredictionEvaluation } from './evaluate.ts';
import { compileLogistic } from './logistic.ts';
import type { PredictiveModel } from './model.ts';
import { compileNaiveBayes } from './naive-bayes.ts';
import { labelledExamples, tierCutsOf, tierOf } from './training-data.ts';
import type { CompiledModel, FeatureContribution, FeaturesAt, Prediction } from './types.ts';

/** A model compiled once for scoring many leads. */
export interface Predictor {
  /** Probability of winning, strictly between 0 and 1 (fast: no explanation, no allocation). */
  readonly probability: (lead: Lead, asOf: Date) => number;
  /** The full prediction with its explanation. */
  readonly predict: (lead: Lead, asOf: Date) => Prediction;
}

function compile(model: PredictiveModel): CompiledModel {
  return model.type === 'logistic' ? compileLogistic(model) : compileNaiveBayes(model);
}

// Effects smaller than this (odds changed by under 0.5%) are not worth naming as top factors.
const NEGLIGIBLE_EFFECT = 0.005;

function formatFactor(factor: number): string {
  return factor >= 10 ? factor.toFixed(0) : factor.toFixed(factor >= 1.995 ? 1 : 2);
}

/**
 * A contribution in words: `industry is "software": raises the odds of winning 2.1×`.
 *
 * @example
 * ```ts
 * prediction.topPositive.map(describeContribution);
 * ```
 */
export function describeContribution(contribution: FeatureContribution): string {
  const subject = `${contribution.label} is ${JSON.stringify(contribution.value)}`;
  if (contribution.effect > 0) return `${subject}: raises the odds of winning ${formatFactor(contribution.factor)}×`;
  if (contribution.effect < 0) return `${subject}: lowers the odds of winning ${formatFactor(1 / contribution.factor)}×`;
  return `${subject}: no effect`;
}

/**
 * Compiles a model once into fast functions, for scoring many leads.
 *
 * @example
 * ```ts
 * const predictor = createPredictor(model);
 * const ranked = openLeads.map((lead) => ({ lead, p: predictor.probability(lead, asOf) })).sort((a, b) => b.p - a.p);
 * const why = predictor.predict(ranked[0].lead, asOf).reasons;
 * ```
 */
export function createPredictor(model: PredictiveModel): Predictor {
  const compiled = compile(model);
  const tierCuts = model.tierCuts;
  return {
    probability: (lead, asOf) => compiled.probability(lead, asOf.getTime()),
    predict: (lead, asOf) => {
      const asOfMs = asOf.getTime();
      const probability = compiled.probability(lead, asOfMs);
      const { baseline, contributions } = compiled.explain(lead, asOfMs);
      const topPositive = contributions.filter((item) => item.effect > NEGLIGIBLE_EFFECT).sort((a, b) => b.effect - a.effect).slice(0, 3);
      const topNegative = contributions.filter((item) => item.effect < -NEGLIGIBLE_EFFECT).sort((a, b) => a.effect - b.effect).slice(0, 3);
      return {
        probability,
        score: Math.min(99, Math.max(1, Math.round(probability * 100))),
        tier: tierOf(probability, tierCuts),
        baseline,
        contributions,
        topPositive,
        topNegative,
        reasons: [...topPositive, ...topNegative].map(describeContribution),
      };
    },
  };
}

/**
 * Predicts one lead's chance of winning at `asOf`, with a 1–99 score, a quartile tier and the explanation: each
 * feature's contribution and the top positive and negative factors in words. Compiles the model on each call: for
 * many leads use {@link createPredictor}.
 *
 * @example
 * ```ts
 * const prediction = predict(model, lead, { asOf: new Date('2025-06-30T00:00:00Z') });
 * // { probability: 0.62, score: 62, tier: 'very_high', reasons: ['industry is "software": raises the odds of winning 2.1×', …] }
 * ```
 */
export function predict(model: PredictiveModel, lead: Lead, options: { readonly asOf: Date }): Prediction {
  return createPredictor(model).predict(lead, options.asOf);
}

/**
 * Recomputes a model's quartile tier cut points from the predictions on a set of leads with outcomes (for example
 * after {@link updateNaiveBayes}, with all the training leads). Returns a new model.
 *
 * @example
 * ```ts
 * const current = recalibrateTiers(updateNaiveBayes(model, newOutcomes), allClosedLeads);
 * ```
 */
export function recalibrateTiers<M extends PredictiveModel>(model: M, leads: readonly Lead[], options: { readonly featuresAt?: FeaturesAt } = {}): M {
  const { probability } = compile(model);
  const { examples } = labelledExamples(leads, options.featuresAt);
  return { ...model, tierCuts: tierCutsOf(examples.map((example) => probability(example.lead, example.asOfMs))) };
}

/** Options of {@link evaluateModel}. */
export interface EvaluateModelOptions extends EvaluatePredictionsOptions {
  /** When each lead's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

/**
 * Evaluates a model on held-out leads with outcomes (open leads are skipped): ROC AUC, log loss, Brier score,
 * calibration and lift by decile, and a confusion matrix.
 *
 * @example
 * ```ts
 * const { train: older, test: newer } = splitByTime(leads);
 * const model = train(spec, older, { model: 'naive-bayes' });
 * if (model.ok) console.log(evaluateModel(model.value, newer).rocAuc);
 * ```
 */
export function evaluateModel(model: PredictiveModel, leads: readonly Lead[], options: EvaluateModelOptions = {}): PredictionEvaluation {
  const { probability } = compile(model);
  const { examples } = labelledExamples(leads, options.featuresAt);
  return evaluatePredictions(
    examples.map((example) => probability(example.lead, example.asOfMs)),
    examples.map((example) => example.won),
    options,
  );
}
