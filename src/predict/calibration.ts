import type { Lead } from '../models/lead.ts';
import { compileModel } from './compile-model.ts';
import type { IsotonicCalibration, ModelCalibration, PlattCalibration, PredictiveModel } from './predictive-model-definition.ts';
import { labelledExamples, probabilityOfLogOdds, tierCutsOf } from './training-data.ts';
import type { FeaturesAt } from './types.ts';

/** How a model's probabilities are calibrated: `none`, Platt scaling or isotonic regression. */
export type CalibrationMethod = 'none' | 'platt' | 'isotonic';

// Isotonic probabilities are kept this far from 0 and 1, so that log loss stays finite.
const PROBABILITY_FLOOR = 1e-6;
// Platt's slope is kept positive, so that the calibrated probability never reverses the ranking.
const MIN_SLOPE = 1e-6;
const MAX_POINTS = 100_000;

function plattLoss(scores: ArrayLike<number>, targets: Float64Array, slope: number, intercept: number): number {
  let total = 0;
  for (let index = 0; index < scores.length; index++) {
    const eta = slope * (scores[index] as number) + intercept;
    const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    total += softplus - (targets[index] as number) * eta;
  }
  return total;
}

/**
 * Fits Platt scaling to log-odds and outcomes: the slope and intercept of a logistic regression of the outcomes on the
 * log-odds, with Platt's targets `(won + 1) / (won + 2)` and `1 / (lost + 2)` instead of 1 and 0 (so that separable
 * scores keep finite parameters), by Newton's method with a line search. The slope is kept positive.
 */
export function fitPlatt(logOdds: ArrayLike<number>, labels: readonly boolean[]): { slope: number; intercept: number } {
  let won = 0;
  for (const label of labels) if (label) won++;
  const lost = labels.length - won;
  const high = (won + 1) / (won + 2);
  const low = 1 / (lost + 2);
  const targets = Float64Array.from(labels, (label) => (label ? high : low));
  let slope = 1;
  let intercept = Math.log((won + 1) / (lost + 1));
  let current = plattLoss(logOdds, targets, slope, intercept);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let index = 0; index < logOdds.length; index++) {
      const score = logOdds[index] as number;
      const p = probabilityOfLogOdds(slope * score + intercept);
      const residual = p - (targets[index] as number);
      const curvature = p * (1 - p);
      ga += residual * score;
      gb += residual;
      haa += curvature * score * score;
      hab += curvature * score;
      hbb += curvature;
    }
    const determinant = haa * hbb - hab * hab;
    if (!(determinant > 0)) break;
    const stepA = (hbb * ga - hab * gb) / determinant;
    const stepB = (haa * gb - hab * ga) / determinant;
    if (Math.abs(stepA) < 1e-10 && Math.abs(stepB) < 1e-10) break;
    let size = 1;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      const nextSlope = slope - size * stepA;
      const nextIntercept = intercept - size * stepB;
      const value = plattLoss(logOdds, targets, nextSlope, nextIntercept);
      if (value <= current) {
        slope = nextSlope;
        intercept = nextIntercept;
        accepted = value < current;
        current = value;
        break;
      }
      size /= 2;
    }
    if (!accepted) break;
  }
  if (!(slope >= MIN_SLOPE) || !Number.isFinite(intercept)) {
    // No positive relation between the model's log-odds and the outcomes: keep the order, fit the base rate.
    slope = MIN_SLOPE;
    intercept = Math.log((won + 1) / (lost + 1));
  }
  return { slope, intercept };
}

/**
 * Fits isotonic regression to log-odds and outcomes by pooling adjacent violators: the non-decreasing step function
 * closest (in squared error) to the outcomes, as `[log-odds, probability]` points at the ends of each step (equal
 * log-odds share a step). Probabilities are kept within [1e-6, 1 − 1e-6].
 */
export function fitIsotonic(logOdds: ArrayLike<number>, labels: readonly boolean[]): [number, number][] {
  const order = Array.from({ length: logOdds.length }, (_, index) => index).sort((a, b) => (logOdds[a] as number) - (logOdds[b] as number));
  // Blocks: [lowest log-odds, highest log-odds, won, count].
  const blocks: [number, number, number, number][] = [];
  let start = 0;
  while (start < order.length) {
    const score = logOdds[order[start] as number] as number;
    let end = start;
    let won = 0;
    while (end < order.length && logOdds[order[end] as number] === score) {
      if (labels[order[end] as number]) won++;
      end++;
    }
    blocks.push([score, score, won, end - start]);
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as [number, number, number, number];
      const before = blocks[blocks.length - 2] as [number, number, number, number];
      if (before[2] / before[3] <= last[2] / last[3]) break;
      blocks.pop();
      before[1] = last[1];
      before[2] += last[2];
      before[3] += last[3];
    }
    start = end;
  }
  const points: [number, number][] = [];
  for (const [lowest, highest, won, count] of blocks) {
    const rate = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, won / count));
    points.push([lowest, rate]);
    if (highest > lowest) points.push([highest, rate]);
  }
  if (points.length <= MAX_POINTS) return points;
  const step = Math.ceil(points.length / MAX_POINTS);
  return points.filter((_, index) => index % step === 0 || index === points.length - 1);
}

/** The probability of log-odds through isotonic points: linear between points, flat beyond the ends. */
function isotonicProbability(points: IsotonicCalibration['points'], logOdds: number): number {
  const first = points[0] as [number, number];
  const last = points[points.length - 1] as [number, number];
  if (!(logOdds > first[0])) return logOdds === logOdds ? first[1] : 0.5;
  if (logOdds >= last[0]) return last[1];
  let low = 0;
  let high = points.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if ((points[middle] as [number, number])[0] <= logOdds) low = middle;
    else high = middle;
  }
  const [x0, y0] = points[low] as [number, number];
  const [x1, y1] = points[high] as [number, number];
  // Rounding can carry the interpolation a last bit past the step's end (found by the monotonicity property).
  const y = y0 + ((y1 - y0) * (logOdds - x0)) / (x1 - x0);
  return y < y0 ? y0 : y > y1 ? y1 : y;
}

/** The function from a model's log-odds to its (calibrated) probability. */
export function calibratedProbability(calibration: ModelCalibration | undefined): (logOdds: number) => number {
  if (calibration === undefined) return probabilityOfLogOdds;
  if (calibration.method === 'platt') {
    const { slope, intercept } = calibration;
    return (logOdds) => probabilityOfLogOdds(slope * logOdds + intercept);
  }
  const points = calibration.points;
  return (logOdds) => isotonicProbability(points, logOdds);
}

/** Fits a calibration of either method to log-odds and outcomes. */
export function fitCalibration(
  method: 'platt' | 'isotonic',
  logOdds: ArrayLike<number>,
  labels: readonly boolean[],
  folds: number | undefined,
): PlattCalibration | IsotonicCalibration {
  const foldsPart = folds === undefined ? {} : { folds };
  if (method === 'platt') return { method, ...fitPlatt(logOdds, labels), ...foldsPart };
  return { method, points: fitIsotonic(logOdds, labels), ...foldsPart };
}

/** Options of {@link calibrateModel}. */
export interface CalibrateModelOptions {
  /** Platt scaling (default: keeps the ranking) or isotonic regression (a step function: more flexible, makes ties). */
  readonly method?: 'platt' | 'isotonic';
  /** When each lead's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

/**
 * Calibrates a trained model on held-out leads with outcomes (leads it was not trained on: a validation set):
 * fits Platt scaling or isotonic regression from the model's log-odds to the outcomes and returns the model with
 * its calibration and its tier cut points recomputed on those leads. `trainModel` with `calibration` does the same
 * on out-of-fold predictions of the training leads, without a separate set. The model is not mutated.
 *
 * @example
 * ```ts
 * const { train: trainingLeads, test: testLeads } = splitStratified(leads, { testFraction: 0.3, seed: 1 });
 * const { train: fit, test: validation } = splitStratified(trainingLeads, { testFraction: 0.2, seed: 3 });
 * const model = trainModel(spec, fit, { model: 'naive-bayes', calibration: 'none' });
 * if (model.ok) {
 *   const calibrated = calibrateModel(model.value, validation, { method: 'platt' });
 *   evaluateModel(calibrated, testLeads).brierScore; // usually lower than evaluateModel(model.value, testLeads).brierScore
 * }
 * ```
 * @throws RangeError when there are no held-out leads with an outcome, or `featuresAt` is an invalid instant.
 */
export function calibrateModel<M extends PredictiveModel>(model: M, leads: readonly Lead[], options: CalibrateModelOptions = {}): M {
  const { examples } = labelledExamples(leads, options.featuresAt);
  if (examples.length === 0) throw new RangeError('calibrateModel needs held-out leads with an outcome (won or lost)');
  const { logOdds } = compileModel(model);
  const scores = examples.map((example) => logOdds(example.lead, example.asOfMs));
  const calibration = fitCalibration(
    options.method ?? 'platt',
    scores,
    examples.map((example) => example.won),
    undefined,
  );
  const probability = calibratedProbability(calibration);
  return { ...model, calibration, tierCuts: tierCutsOf(scores.map(probability)) };
}
