function checkLengths(probabilities: readonly number[], labels: readonly boolean[]): void {
  if (probabilities.length !== labels.length)
    throw new RangeError(`probabilities (${probabilities.length}) and labels (${labels.length}) must have the same length`);
}

/**
 * The area under the ROC curve: the probability that a random won example is ranked above a random lost one, ties
 * counting one half (Mann–Whitney with average ranks). 1 is a perfect ranking, 0.5 a random one, 0 a reversed one.
 * `NaN` when there are no won or no lost examples. Works on any scores, not only probabilities.
 *
 * @example
 * ```ts
 * rocAuc([0.9, 0.8, 0.3, 0.1], [true, false, true, false]); // 0.75
 * ```
 * @throws RangeError when the two lists differ in length.
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  checkLengths(scores, labels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let positiveRankSum = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && scores[order[end] as number] === scores[order[start] as number]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++)
      if (labels[order[k] as number]) {
        positives++;
        positiveRankSum += averageRank;
      }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The mean log loss (cross-entropy) of predicted probabilities: lower is better; probabilities are clipped into
 * `[1e-15, 1 − 1e-15]`. `NaN` for empty lists.
 *
 * @example
 * ```ts
 * logLoss([0.8, 0.3], [true, false]); // (−ln 0.8 − ln 0.7) / 2 ≈ 0.290
 * ```
 * @throws RangeError when the two lists differ in length.
 */
export function logLoss(probabilities: readonly number[], labels: readonly boolean[]): number {
  checkLengths(probabilities, labels);
  let total = 0;
  for (let index = 0; index < probabilities.length; index++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[index] as number));
    total -= labels[index] ? Math.log(p) : Math.log(1 - p);
  }
  return probabilities.length === 0 ? Number.NaN : total / probabilities.length;
}

/**
 * The Brier score: mean squared difference between predicted probability and outcome (1 won, 0 lost). Lower is
 * better. `NaN` for empty lists.
 *
 * @example
 * ```ts
 * brierScore([0.8, 0.3], [true, false]); // (0.04 + 0.09) / 2 = 0.065
 * ```
 * @throws RangeError when the two lists differ in length.
 */
export function brierScore(probabilities: readonly number[], labels: readonly boolean[]): number {
  checkLengths(probabilities, labels);
  let total = 0;
  for (let index = 0; index < probabilities.length; index++) total += ((probabilities[index] as number) - (labels[index] ? 1 : 0)) ** 2;
  return probabilities.length === 0 ? Number.NaN : total / probabilities.length;
}

/**
 * One row of a calibration table: a group of examples with similar predictions. Groups are numbered as in the lift
 * table: group 1 holds the highest predictions.
 */
export interface CalibrationRow {
  /** 1 for the group with the highest predictions (the same numbering as {@link LiftRow}). */
  readonly group: number;
  /** Examples in the group. */
  readonly count: number;
  /** Lowest prediction in the group. */
  readonly minPredicted: number;
  /** Highest prediction in the group. */
  readonly maxPredicted: number;
  /** Mean prediction in the group. */
  readonly meanPredicted: number;
  /** Share of the group that was won: close to `meanPredicted` when the model is calibrated. */
  readonly observedRate: number;
}

/** Options of {@link calibrationTable} and {@link liftTable}. */
export interface GroupOptions {
  /**
   * How many groups of (nearly) equal size (default 10, deciles): a positive integer. More groups than examples give
   * one example per group (the number is clamped to the number of examples).
   */
  readonly groups?: number;
}

/** The examples from the highest prediction down (ties in input order). */
function descendingOrder(probabilities: readonly number[]): number[] {
  return Array.from({ length: probabilities.length }, (_, index) => index).sort((a, b) => (probabilities[b] as number) - (probabilities[a] as number) || a - b);
}

function groupCount(options: GroupOptions, examples: number): number {
  const groups = options.groups ?? 10;
  if (!Number.isInteger(groups) || groups < 1) throw new RangeError(`groups must be a positive integer, not ${groups}`);
  return Math.max(1, Math.min(groups, examples));
}

/**
 * A calibration table: the examples sorted from the highest prediction down and cut into groups of (nearly) equal
 * size (deciles by default), each with its mean prediction and observed win rate. Group 1 holds the highest
 * predictions, as in {@link liftTable}, so row k of both tables describes the same examples.
 *
 * @example
 * ```ts
 * const probabilities = [0.9, 0.8, 0.6, 0.3, 0.2, 0.1]; // a model's predictions
 * const won = [true, true, false, true, false, false];    // what happened
 * for (const row of calibrationTable(probabilities, won, { groups: 3 })) console.log(row.group, row.meanPredicted, row.observedRate);
 * // 1 0.85 1, then 2 0.45 0.5, then 3 0.15 0 (means in floating point: 0.8500000000000001…)
 * ```
 * @throws RangeError when the two lists differ in length or `groups` is not a positive integer.
 */
export function calibrationTable(probabilities: readonly number[], labels: readonly boolean[], options: GroupOptions = {}): CalibrationRow[] {
  checkLengths(probabilities, labels);
  const order = descendingOrder(probabilities);
  const n = order.length;
  const groups = groupCount(options, n);
  const rows: CalibrationRow[] = [];
  for (let group = 0; group < groups; group++) {
    const from = Math.floor((group * n) / groups);
    const to = Math.floor(((group + 1) * n) / groups);
    if (to <= from) continue;
    let sum = 0;
    let won = 0;
    for (let k = from; k < to; k++) {
      const index = order[k] as number;
      sum += probabilities[index] as number;
      if (labels[index]) won++;
    }
    rows.push({
      group: group + 1,
      count: to - from,
      minPredicted: probabilities[order[to - 1] as number] as number,
      maxPredicted: probabilities[order[from] as number] as number,
      meanPredicted: sum / (to - from),
      observedRate: won / (to - from),
    });
  }
  return rows;
}

/** One row of a lift and gains table. */
export interface LiftRow {
  /** 1 for the group with the highest predictions (the same numbering as {@link CalibrationRow}). */
  readonly group: number;
  /** Examples in the group. */
  readonly count: number;
  /** Won examples in the group. */
  readonly won: number;
  /** Win rate of the group. */
  readonly rate: number;
  /** The group's win rate divided by the overall win rate. */
  readonly lift: number;
  /** Examples in this group and the ones above it. */
  readonly cumulativeCount: number;
  /** Won examples in this group and the ones above it. */
  readonly cumulativeWon: number;
  /** Gain: the share of all won examples captured down to this group. */
  readonly gain: number;
  /** Win rate down to this group divided by the overall win rate. */
  readonly cumulativeLift: number;
}

/**
 * Lift and gains by group (deciles by default): the examples sorted from the highest prediction down and cut into
 * groups of (nearly) equal size, group 1 first (the highest predictions, as in {@link calibrationTable}). "The top
 * decile holds 3.1× the average win rate and 31% of all wins."
 *
 * @example
 * ```ts
 * const probabilities = [0.9, 0.8, 0.6, 0.3, 0.2, 0.1]; // a model's predictions
 * const won = [true, true, false, true, false, false];    // what happened
 * const [top] = liftTable(probabilities, won, { groups: 3 });
 * if (top !== undefined) console.log(`top third: lift ${top.lift.toFixed(1)}, ${(top.gain * 100).toFixed(0)}% of wins`); // lift 2.0, 67% of wins
 * ```
 * @throws RangeError when the two lists differ in length or `groups` is not a positive integer.
 */
export function liftTable(probabilities: readonly number[], labels: readonly boolean[], options: GroupOptions = {}): LiftRow[] {
  checkLengths(probabilities, labels);
  const order = descendingOrder(probabilities);
  const n = order.length;
  const groups = groupCount(options, n);
  let totalWon = 0;
  for (const label of labels) if (label) totalWon++;
  const baseRate = n === 0 ? 0 : totalWon / n;
  const rows: LiftRow[] = [];
  let cumulativeCount = 0;
  let cumulativeWon = 0;
  for (let group = 0; group < groups; group++) {
    const from = Math.floor((group * n) / groups);
    const to = Math.floor(((group + 1) * n) / groups);
    if (to <= from) continue;
    let won = 0;
    for (let k = from; k < to; k++) if (labels[order[k] as number]) won++;
    cumulativeCount += to - from;
    cumulativeWon += won;
    const rate = won / (to - from);
    rows.push({
      group: group + 1,
      count: to - from,
      won,
      rate,
      lift: baseRate === 0 ? Number.NaN : rate / baseRate,
      cumulativeCount,
      cumulativeWon,
      gain: totalWon === 0 ? Number.NaN : cumulativeWon / totalWon,
      cumulativeLift: baseRate === 0 ? Number.NaN : cumulativeWon / cumulativeCount / baseRate,
    });
  }
  return rows;
}

/** A confusion matrix at a threshold, with the usual rates. */
export interface ConfusionMatrix {
  /** The threshold: a prediction at or above it counts as "will win". */
  readonly threshold: number;
  /** Predicted won, was won. */
  readonly truePositive: number;
  /** Predicted won, was lost. */
  readonly falsePositive: number;
  /** Predicted lost, was lost. */
  readonly trueNegative: number;
  /** Predicted lost, was won. */
  readonly falseNegative: number;
  /** Share of correct predictions. */
  readonly accuracy: number;
  /** Share of predicted wins that were won (`NaN` when none was predicted). */
  readonly precision: number;
  /** Share of wins that were predicted (`NaN` when there were none). */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
}

/**
 * The confusion matrix at a threshold (default 0.5): a prediction at or above it counts as "will win".
 *
 * @example
 * ```ts
 * confusionMatrix([0.9, 0.4, 0.6], [true, true, false], 0.5); // truePositive 1, falseNegative 1, falsePositive 1
 * ```
 * @throws RangeError when the two lists differ in length.
 */
export function confusionMatrix(probabilities: readonly number[], labels: readonly boolean[], threshold = 0.5): ConfusionMatrix {
  checkLengths(probabilities, labels);
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (let index = 0; index < probabilities.length; index++) {
    const predicted = (probabilities[index] as number) >= threshold;
    if (predicted) {
      if (labels[index]) truePositive++;
      else falsePositive++;
    } else if (labels[index]) falseNegative++;
    else trueNegative++;
  }
  const precision = truePositive / (truePositive + falsePositive);
  const recall = truePositive / (truePositive + falseNegative);
  return {
    threshold,
    truePositive,
    falsePositive,
    trueNegative,
    falseNegative,
    accuracy: (truePositive + trueNegative) / probabilities.length,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
  };
}

/** Every evaluation measure of a set of predictions. */
export interface PredictionEvaluation {
  /** Examples evaluated. */
  readonly count: number;
  /** Won examples. */
  readonly won: number;
  /** Overall win rate. */
  readonly baseRate: number;
  /** ROC AUC ({@link rocAuc}). */
  readonly rocAuc: number;
  /** Mean log loss ({@link logLoss}). */
  readonly logLoss: number;
  /** Brier score ({@link brierScore}). */
  readonly brierScore: number;
  /** Calibration by decile, group 1 the highest predictions ({@link calibrationTable}). */
  readonly calibration: readonly CalibrationRow[];
  /** Lift and gains by decile, group 1 the highest predictions ({@link liftTable}). */
  readonly lift: readonly LiftRow[];
  /** Confusion matrix at the threshold ({@link confusionMatrix}). */
  readonly confusion: ConfusionMatrix;
}

/** Options of {@link evaluatePredictions}. */
export interface EvaluatePredictionsOptions {
  /** Threshold of the confusion matrix (default 0.5). */
  readonly threshold?: number;
  /** Groups of the calibration and lift tables (default 10; clamped to the number of examples). */
  readonly groups?: number;
}

/**
 * Evaluates predicted probabilities against outcomes: ROC AUC, log loss, Brier score, calibration and lift by decile
 * (group 1 the highest predictions in both), and a confusion matrix. For any model, not only leadkit's.
 *
 * @example
 * ```ts
 * const probabilities = [0.9, 0.8, 0.6, 0.3, 0.2, 0.1]; // from any model
 * const outcomes = ['won', 'won', 'lost', 'won', 'lost', 'lost'];
 * const evaluation = evaluatePredictions(probabilities, outcomes.map((outcome) => outcome === 'won'), { threshold: 0.5, groups: 3 });
 * console.log(evaluation.rocAuc, evaluation.lift[0]?.lift, evaluation.confusion.precision); // 0.888… 2 0.666…
 * ```
 * @throws RangeError when the two lists differ in length.
 */
export function evaluatePredictions(
  probabilities: readonly number[],
  labels: readonly boolean[],
  options: EvaluatePredictionsOptions = {},
): PredictionEvaluation {
  checkLengths(probabilities, labels);
  let won = 0;
  for (const label of labels) if (label) won++;
  return {
    count: labels.length,
    won,
    baseRate: labels.length === 0 ? Number.NaN : won / labels.length,
    rocAuc: rocAuc(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    brierScore: brierScore(probabilities, labels),
    calibration: calibrationTable(probabilities, labels, { groups: options.groups ?? 10 }),
    lift: liftTable(probabilities, labels, { groups: options.groups ?? 10 }),
    confusion: confusionMatrix(probabilities, labels, options.threshold ?? 0.5),
  };
}
