import type { FeatureContribution, Prediction } from './types.ts';

/** A value shared by at least this share of the training leads is true of nearly everyone: never a top reason. */
export const COMMON_VALUE_SHARE = 0.9;

/** Effects smaller than this (odds changed by under 0.5%) are not worth naming as top reasons. */
export const NEGLIGIBLE_EFFECT = 0.005;

/** A share as a percentage for people: `12%`, `4.5%`, `0.04%`, `0%`. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent === 0 || percent >= 10) return `${Math.round(percent)}%`;
  if (percent >= 1) return `${Number(percent.toFixed(1))}%`;
  return `${Number(percent.toPrecision(1))}%`;
}

/** A number for people, with its unit: `305 s`, `1,234.5`, `0.0123`. */
export function formatAmount(value: number, unit?: string): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Number(value.toPrecision(4));
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = (whole ?? '').includes('e') ? (whole ?? '') : (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
  return unit === undefined ? text : `${text} ${unit}`;
}

function formatFactor(factor: number): string {
  return factor >= 10 ? factor.toFixed(0) : factor.toFixed(factor >= 1.995 ? 1 : 2);
}

/**
 * A contribution in words a salesperson can act on: the lead's value, how it compares with the training leads, and
 * how much it moves the odds of winning against the stated baseline. Naive Bayes compares leads with this value with
 * all leads; logistic regression compares this lead with the average lead, the other features held equal, so the two
 * can point different ways for the same value, and when logistic regression goes against the plain comparison the
 * sentence says why.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel;
 *
 * const prediction = predictLead(model, lead, { asOf });
 * prediction.contributions.map(describeContribution);
 * // naive Bayes: 'job "retired": 23% of such leads won, against 12% of all leads; raises the odds of winning 1.44×'
 * // logistic:    'time on site 305 s: below the typical 600 s of won leads; 8% of leads in this range (240 to < 420) won, against 12% of all leads; lowers the odds of winning 1.45× against the average lead, other features held equal'
 * ```
 */
export function describeContribution(contribution: FeatureContribution): string {
  const subject =
    contribution.kind === 'categorical' ? `${contribution.label} ${JSON.stringify(contribution.value)}` : `${contribution.label} ${contribution.value}`;
  if (contribution.status === 'missing') return `no ${contribution.label} on file`;
  if (contribution.status === 'unseen') return `${subject}: too rare in the training data to weigh`;
  const direction = contribution.effect > 0 ? 'raises' : 'lowers';
  const size = formatFactor(contribution.effect > 0 ? contribution.factor : 1 / contribution.factor);
  if (contribution.effect === 0) return `${subject}: ${contribution.comparison}; no effect on the odds of winning`;
  if (contribution.against === 'all leads') return `${subject}: ${contribution.comparison}; ${direction} the odds of winning ${size}×`;
  if (contribution.agrees)
    return `${subject}: ${contribution.comparison}; ${direction} the odds of winning ${size}× against the average lead, other features held equal`;
  return `${subject}: ${contribution.comparison}, but this lead's other features account for that: with them held equal, it ${direction} the odds of winning ${size}× against the average lead`;
}

const calibrationWords = { none: 'not calibrated', platt: 'calibrated by Platt scaling', isotonic: 'calibrated by isotonic regression' } as const;

/**
 * Explains a prediction as text for people (lines joined with `\n`): the chance to win with its score, tier and
 * calibration, then the reasons either way, then the data gaps.
 *
 * @example
 * ```ts
 * declare const model: PredictiveModel;
 *
 * console.log(explainPrediction(predictLead(model, lead, { asOf })));
 * // 6.7% chance to win (score 7, tier medium; calibrated by Platt scaling)
 * //   + job "retired": 23% of such leads won, against 12% of all leads; raises the odds of winning 1.44×
 * //   …
 * //   - month "may": 6.9% of such leads won, against 12% of all leads; lowers the odds of winning 1.31×
 * //   …
 * //   ? no education on file
 * ```
 */
export function explainPrediction(prediction: Prediction): string {
  const percent = prediction.probability * 100;
  const chance = percent >= 10 ? percent.toFixed(0) : percent >= 1 ? percent.toFixed(1) : percent.toPrecision(1);
  const header = `${chance}% chance to win (score ${prediction.score}, tier ${prediction.tier.replace('_', ' ')}; ${calibrationWords[prediction.calibration]})`;
  return [
    header,
    ...prediction.topPositive.map((item) => `  + ${describeContribution(item)}`),
    ...prediction.topNegative.map((item) => `  - ${describeContribution(item)}`),
    ...prediction.dataGaps.map((gap) => `  ? ${gap}`),
  ].join('\n');
}
