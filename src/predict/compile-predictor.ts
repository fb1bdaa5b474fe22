import { instantMs, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { calibratedProbability } from './calibration.ts';
import { compileModel } from './compile-model.ts';
import { describeContribution, NEGLIGIBLE_EFFECT } from './describe-contribution.ts';
import type { PredictiveModel } from './predictive-model-definition.ts';
import { labelledExamples, tierCutsOf, tierOf } from './training-data.ts';
import type { FeatureContribution, FeaturesAt, Prediction } from './types.ts';

/** Options of a prediction: the instant the lead is scored at. */
export interface PredictOptions {
  /** When the lead is scored (activity windows and `daysSince` count back from it): a `Date` or epoch milliseconds. */
  readonly asOf: Instant;
}

/** A model compiled once for scoring many leads. */
export interface CompiledPredictor {
  /**
   * Probability of winning, strictly between 0 and 1 (calibrated when the model is): the number-only fast path,
   * which takes `asOf` as a plain argument (a `Date` or epoch milliseconds) and builds no explanation.
   *
   * @throws RangeError when `asOf` is not a valid instant.
   */
  readonly probability: (lead: Lead, asOf: Instant) => number;
  /**
   * The full prediction with its explanation.
   *
   * @throws RangeError when `options.asOf` is not a valid instant.
   */
  readonly predict: (lead: Lead, options: PredictOptions) => Prediction;
}

/** What can rank as a top reason: a known value, not shared by nearly everyone, whose effect is not smoothing alone. */
function isReason(item: FeatureContribution): boolean {
  return item.status === 'known' && !item.common && (item.against === 'average lead' || item.agrees);
}

/**
 * Compiles a model once into fast functions, for scoring many leads. Each field the spec names is read once per
 * lead, and a feature that reads one field caches its effect by value, so scoring costs about one map lookup per
 * feature.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel; // from trainModel, or parsePredictiveModel of a stored one
 *
 * const predictor = compilePredictor(model);
 * const ranked = openLeads.map((lead) => ({ lead, p: predictor.probability(lead, asOf) })).sort((a, b) => b.p - a.p);
 * const why = ranked[0] === undefined ? [] : predictor.predict(ranked[0].lead, { asOf }).reasons;
 * ```
 */
export function compilePredictor(model: PredictiveModel): CompiledPredictor {
  const compiled = compileModel(model);
  const calibrate = calibratedProbability(model.calibration);
  const platt = model.calibration?.method === 'platt' ? model.calibration : undefined;
  const tierCuts = model.tierCuts;
  const logOdds = compiled.logOdds;
  return {
    probability: (lead, asOf) => calibrate(logOdds(lead, instantMs(asOf, 'asOf'))),
    predict: (lead, options) => {
      const asOfMs = instantMs(options.asOf, 'asOf');
      const explained = compiled.explain(lead, asOfMs);
      // Platt scaling is linear in the log-odds: the contributions are scaled so that they add up to the calibrated log-odds.
      const slope = platt?.slope ?? 1;
      const baseline = platt === undefined ? explained.baseline : slope * explained.baseline + platt.intercept;
      const contributions =
        platt === undefined
          ? explained.contributions
          : explained.contributions.map((item) => ({ ...item, effect: slope * item.effect, factor: Math.exp(slope * item.effect) }));
      let sum = baseline;
      for (const item of contributions) sum += item.effect;
      // The same number as the fast path (the sum above differs from it only by rounding).
      const probability = calibrate(logOdds(lead, asOfMs));
      const topPositive = contributions
        .filter((item) => isReason(item) && item.effect > NEGLIGIBLE_EFFECT)
        .sort((a, b) => b.effect - a.effect)
        .slice(0, 3);
      const topNegative = contributions
        .filter((item) => isReason(item) && item.effect < -NEGLIGIBLE_EFFECT)
        .sort((a, b) => a.effect - b.effect)
        .slice(0, 3);
      return {
        probability,
        score: Math.min(99, Math.max(1, Math.round(probability * 100))),
        tier: tierOf(probability, tierCuts),
        calibration: model.calibration?.method ?? 'none',
        baseline,
        logOdds: sum,
        contributions,
        topPositive,
        topNegative,
        reasons: [...topPositive, ...topNegative].map(describeContribution),
        dataGaps: contributions.filter((item) => item.status !== 'known').map(describeContribution),
      };
    },
  };
}

/**
 * Predicts one lead's chance of winning at `asOf`, with a 1–99 score, a quartile tier and the explanation: each
 * feature's contribution, the top reasons either way in words, and the data gaps. Compiles the model on each call:
 * for many leads use {@link compilePredictor}.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel; // from trainModel, or parsePredictiveModel of a stored one
 *
 * const prediction = predictLead(model, lead, { asOf: new Date('2025-06-30T00:00:00Z') });
 * // { probability: 0.067, score: 7, tier: 'medium', reasons: ['job "retired": 23% of such leads won, against 12% of all leads; raises the odds of winning 1.44×', …], dataGaps: ['no education on file', …], … }
 * ```
 * @throws RangeError when `options.asOf` is not a valid instant.
 */
export function predictLead(model: PredictiveModel, lead: Lead, options: PredictOptions): Prediction {
  return compilePredictor(model).predict(lead, options);
}

/**
 * Recomputes a model's quartile tier cut points from the predictions on a set of leads with outcomes (for example
 * after {@link updateNaiveBayes}, with all the training leads). Returns a new model.
 *
 * @example
 * ```ts
 * declare const model: NaiveBayesModel;
 * declare const newOutcomes: Lead[], allClosedLeads: Lead[]; // leads closed since training, and every closed lead
 *
 * const current = recalibrateTiers(updateNaiveBayes(model, newOutcomes), allClosedLeads);
 * ```
 * @throws RangeError when `featuresAt` is an invalid instant.
 */
export function recalibrateTiers<M extends PredictiveModel>(model: M, leads: readonly Lead[], options: { readonly featuresAt?: FeaturesAt } = {}): M {
  const { logOdds } = compileModel(model);
  const calibrate = calibratedProbability(model.calibration);
  const { examples } = labelledExamples(leads, options.featuresAt);
  return { ...model, tierCuts: tierCutsOf(examples.map((example) => calibrate(logOdds(example.lead, example.asOfMs)))) };
}
