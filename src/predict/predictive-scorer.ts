import type { Lead } from '../models/lead.ts';
import { contribution } from '../scoring/contribution.ts';
import type { ScoreContribution, Scorer } from '../scoring/types.ts';
import { compilePredictor } from './compile-predictor.ts';
import type { PredictiveModel } from './predictive-model-definition.ts';
import { sigmoid } from './training-data.ts';

/** Options of {@link predictiveScorer}. */
export interface PredictiveScorerOptions {
  /** The group of the contributions (default `predictive`). */
  readonly group?: string;
  /** Prefix of the contributions' rule ids (default `predict:`). */
  readonly ruleIdPrefix?: string;
}

/**
 * Turns a trained model into a {@link Scorer}, so it composes with rule-based scorers (`sumScorers`, `weightScorers` …).
 * The score is the probability of winning as a percentage (0–100). Its contributions start from the baseline
 * (`@baseline`: the average lead, or the prior) and add each feature's effect in turn (the change in percentage
 * points as the feature is taken into account, in spec order), then whatever is left (`@calibration`: isotonic
 * calibration, or log-odds beyond ±30); they add up to the score exactly, left to right.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel; // from trainModel
 *
 * const scorer = predictiveScorer(model);
 * const result = scorer(lead, { asOf }); // { score: 62.4, contributions: [{ ruleId: 'predict:@baseline', points: 23.1 }, …] }
 * ```
 */
export function predictiveScorer<L extends Lead = Lead>(model: PredictiveModel, options: PredictiveScorerOptions = {}): Scorer<L> {
  const predictor = compilePredictor(model);
  const group = options.group ?? 'predictive';
  const prefix = options.ruleIdPrefix ?? 'predict:';
  return (lead, scoreOptions) => {
    const prediction = predictor.predict(lead, { asOf: scoreOptions.asOf });
    const contributions: ScoreContribution[] = [];
    let logit = prediction.baseline;
    let previous = 100 * sigmoid(logit);
    let score = previous;
    contributions.push(
      contribution({
        ruleId: `${prefix}@baseline`,
        label: prediction.contributions[0]?.against === 'all leads' ? 'All leads' : 'Average lead',
        group,
        points: previous,
      }),
    );
    for (const item of prediction.contributions) {
      if (item.effect === 0) continue;
      logit += item.effect;
      const next = 100 * sigmoid(logit);
      const points = next - previous;
      previous = next;
      if (points === 0) continue;
      score += points;
      contributions.push(contribution({ ruleId: `${prefix}${item.feature}`, label: `${item.label} is ${item.value}`, group, points }));
    }
    const adjustment = 100 * prediction.probability - score;
    if (adjustment !== 0 && Math.abs(adjustment) > 1e-9) {
      score += adjustment;
      contributions.push(contribution({ ruleId: `${prefix}@calibration`, label: 'Calibration of the probability', group, points: adjustment }));
    }
    return { score, contributions, disqualifications: [] };
  };
}
