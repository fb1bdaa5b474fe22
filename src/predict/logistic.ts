import { createRandom } from '../internal/random.ts';
import type { Lead } from '../models/lead.ts';
import { choleskySolve } from './cholesky.ts';
import { compileEffects, type EffectOf, type FeatureScorer } from './compile-effects.ts';
import { COMMON_VALUE_SHARE, formatAmount, formatPercent } from './describe-contribution.ts';
import { readFeatureColumns, type FeatureColumns } from './feature-columns.ts';
import { binIndex, binLabel, compileFeatureReads, readSlots, transformNumber, untransformNumber, type FeatureRead } from './feature-readers.ts';
import { quantileBins } from './quantile-bins.ts';
import { featureLabel, MISSING_CATEGORY, type CategoricalFeature, type FeatureSpec, type NumericFeature } from './feature-spec-definition.ts';
import {
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  type CrossValidationResult,
  type LogisticCategoricalWeights,
  type LogisticModel,
  type LogisticNumericWeights,
  type TrainingWarning,
} from './predictive-model-definition.ts';
import { compareText, labelledExamples, medianOf, probabilityOfLogOdds, sigmoid, tierCutsOf, type LabelledExample } from './training-data.ts';
import { mostlyMissingWarning } from './training-warnings.ts';
import type { CompiledModel, FeatureContribution, FeaturesAt } from './types.ts';

/** Choose the L2 strength by stratified k-fold cross-validation (lowest mean held-out log loss). */
export interface CrossValidateL2 {
  /** Strengths to try (default `[0.01, 0.1, 1, 10, 100]`). */
  readonly candidates?: readonly number[];
  /** Number of folds (default 5). */
  readonly folds?: number;
}

/** Options of logistic regression training. */
export interface LogisticOptions {
  /**
   * L2 strength: the penalty is `l2/2 · ‖w‖²` (intercept excluded) on the summed log loss, so `l2 = 1` matches
   * scikit-learn's default `C = 1`. Default 1. Pass `{ crossValidate: {…} }` to choose it by k-fold cross-validation.
   */
  readonly l2?: number | { readonly crossValidate: CrossValidateL2 };
  /** Seed of the cross-validation folds (default 1). */
  readonly seed?: number;
  /** Newton iterations at most (default 100). */
  readonly maxIterations?: number;
  /** When each example's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

/** The fitted input layout of one feature (internal). */
type Column =
  | {
      readonly kind: 'categorical';
      readonly feature: CategoricalFeature;
      readonly levels: readonly string[];
      readonly index: Map<string, number>;
      /** `[won, lost]` per level. */
      readonly counts: readonly (readonly [number, number])[];
      /** First column; then levels, rare, missing. */
      readonly start: number;
      readonly missing: number;
      readonly rare: number;
    }
  | {
      readonly kind: 'numeric';
      readonly feature: NumericFeature;
      readonly center: number;
      readonly scale: number;
      readonly impute: number;
      readonly column: number;
      readonly indicator: number | undefined;
      readonly missing: number;
      /** Every present value is the same. */
      readonly constant: boolean;
      readonly wonMedian: number | undefined;
      readonly mostCommon: readonly [number, number] | undefined;
      readonly ranges: { readonly cuts: number[]; readonly counts: [number, number][] };
    };

interface Design {
  readonly rows: number;
  readonly width: number;
  readonly nonZeros: number;
  readonly columnIndex: Int32Array;
  readonly values: Float64Array;
  readonly labels: Uint8Array;
  readonly columns: readonly Column[];
}

function mostCommonOf(values: ArrayLike<number>): readonly [number, number] | undefined {
  const counts = new Map<number, number>();
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (value === value) counts.set(value === 0 ? 0 : value, (counts.get(value === 0 ? 0 : value) ?? 0) + 1);
  }
  let best: readonly [number, number] | undefined;
  for (const [value, count] of counts) if (best === undefined || count > best[1] || (count === best[1] && value < best[0])) best = [value, count];
  return best;
}

/** The values cut at 5 quantiles, with won and lost counts per range (for explanations). */
function rangesOf(values: Float64Array, examples: readonly LabelledExample[]): { cuts: number[]; counts: [number, number][] } {
  const cuts = quantileBins(Array.from(values), { bins: 5 });
  const counts = Array.from({ length: cuts.length + 1 }, (): [number, number] => [0, 0]);
  values.forEach((value, row) => {
    if (Number.isNaN(value)) return;
    const range = counts[binIndex(value, cuts)] as [number, number];
    range[(examples[row] as LabelledExample).won ? 0 : 1]++;
  });
  return { cuts, counts };
}

function buildDesign(spec: FeatureSpec, examples: readonly LabelledExample[], read: FeatureColumns): Design {
  const rows = examples.length;
  const columns: Column[] = [];
  const raw: ((string | undefined)[] | Float64Array)[] = [];
  let width = 1;
  let nonZeros = 1;
  spec.features.forEach((feature, f) => {
    const source = read.columns[f];
    if (feature.kind === 'categorical' && source?.kind === 'categorical') {
      const values = source.keys as (string | undefined)[];
      const counts = new Map<string, [number, number]>();
      let missing = 0;
      values.forEach((value, row) => {
        if (value === undefined) {
          missing++;
          return;
        }
        const entry = counts.get(value);
        const won = (examples[row] as LabelledExample).won;
        if (entry === undefined) counts.set(value, won ? [1, 0] : [0, 1]);
        else entry[won ? 0 : 1]++;
      });
      const minCount = feature.minCount ?? 1;
      const levels = [...counts.entries()]
        .filter(([, [won, lost]]) => won + lost >= minCount)
        .map(([value]) => value)
        .sort(compareText);
      let rare = 0;
      for (const [value, [won, lost]] of counts) if (won + lost < minCount && value !== undefined) rare += won + lost;
      columns.push({
        kind: 'categorical',
        feature,
        levels,
        index: new Map(levels.map((level, index) => [level, index])),
        counts: levels.map((level) => counts.get(level) as [number, number]),
        start: width,
        missing,
        rare,
      });
      raw.push(values);
      width += levels.length + 2;
      nonZeros += 1;
    } else if (feature.kind === 'numeric' && source?.kind === 'numeric') {
      const values = source.values.map((value) => transformNumber(value, feature.transform));
      let sum = 0;
      let present = 0;
      let first = Number.NaN;
      let constant = true;
      const won: number[] = [];
      values.forEach((value, row) => {
        if (Number.isNaN(value)) return;
        sum += value;
        present++;
        if (present === 1) first = value;
        else if (value !== first) constant = false;
        if ((examples[row] as LabelledExample).won) won.push(source.values[row] as number);
      });
      const center = present === 0 ? 0 : sum / present;
      let squares = 0;
      for (const value of values) if (!Number.isNaN(value)) squares += (value - center) ** 2;
      const deviation = present === 0 ? 0 : Math.sqrt(squares / present);
      const scale = deviation > 1e-12 ? deviation : 1;
      const impute = feature.missing === 'zero' ? 0 : center;
      const indicator = feature.missingIndicator !== false && present < rows ? width + 1 : undefined;
      columns.push({
        kind: 'numeric',
        feature,
        center,
        scale,
        impute,
        column: width,
        indicator,
        missing: rows - present,
        constant,
        wonMedian: medianOf(won),
        mostCommon: mostCommonOf(source.values),
        ranges: rangesOf(source.values, examples),
      });
      raw.push(values);
      width += indicator === undefined ? 1 : 2;
      nonZeros += indicator === undefined ? 1 : 2;
    } else throw new TypeError(`feature ${feature.name} was read as the wrong kind`);
  });
  const columnIndex = new Int32Array(rows * nonZeros);
  const values = new Float64Array(rows * nonZeros);
  const labels = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    const base = row * nonZeros;
    columnIndex[base] = 0;
    values[base] = 1;
    let slot = base + 1;
    labels[row] = (examples[row] as LabelledExample).won ? 1 : 0;
    columns.forEach((column, f) => {
      if (column.kind === 'categorical') {
        const value = (raw[f] as (string | undefined)[])[row];
        const level = value === undefined ? column.levels.length + 1 : (column.index.get(value) ?? column.levels.length);
        columnIndex[slot] = column.start + level;
        values[slot++] = 1;
      } else {
        const value = (raw[f] as Float64Array)[row] as number;
        const missing = Number.isNaN(value);
        columnIndex[slot] = column.column;
        values[slot++] = ((missing ? column.impute : value) - column.center) / column.scale;
        if (column.indicator !== undefined) {
          columnIndex[slot] = column.indicator;
          values[slot++] = missing ? 1 : 0;
        }
      }
    });
  }
  return { rows, width, nonZeros, columnIndex, values, labels, columns };
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function linear(design: Design, weights: Float64Array, row: number): number {
  const base = row * design.nonZeros;
  let eta = 0;
  for (let k = 0; k < design.nonZeros; k++) eta += (weights[design.columnIndex[base + k] as number] as number) * (design.values[base + k] as number);
  return eta;
}

function objective(design: Design, rows: Int32Array, weights: Float64Array, l2: number): number {
  let total = 0;
  for (const row of rows) {
    const eta = linear(design, weights, row);
    total += softplus(eta) - (design.labels[row] as number) * eta;
  }
  let penalty = 0;
  for (let j = 1; j < design.width; j++) penalty += (weights[j] as number) ** 2;
  return total + 0.5 * l2 * penalty;
}

/** Newton's method (IRLS) with a Cholesky solve and a backtracking line search; converges on separable data because l2 > 0. */
function fitWeights(design: Design, rows: Int32Array, l2: number, maxIterations: number): { weights: Float64Array; iterations: number } {
  const width = design.width;
  const nonZeros = design.nonZeros;
  const weights = new Float64Array(width);
  let positives = 0;
  for (const row of rows) positives += design.labels[row] as number;
  weights[0] = Math.log((positives + 0.5) / (rows.length - positives + 0.5));
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  let current = objective(design, rows, weights, l2);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    for (const row of rows) {
      const base = row * nonZeros;
      const p = sigmoid(linear(design, weights, row));
      const residual = p - (design.labels[row] as number);
      const curvature = p * (1 - p);
      for (let a = 0; a < nonZeros; a++) {
        const columnA = design.columnIndex[base + a] as number;
        const valueA = design.values[base + a] as number;
        gradient[columnA] = (gradient[columnA] as number) + residual * valueA;
        const scaled = curvature * valueA;
        if (scaled === 0) continue;
        for (let b = a; b < nonZeros; b++) {
          const columnB = design.columnIndex[base + b] as number;
          const at = columnA <= columnB ? columnA * width + columnB : columnB * width + columnA;
          hessian[at] = (hessian[at] as number) + scaled * (design.values[base + b] as number);
        }
      }
    }
    for (let j = 0; j < width; j++) {
      if (j > 0) {
        gradient[j] = (gradient[j] as number) + l2 * (weights[j] as number);
        hessian[j * width + j] = (hessian[j * width + j] as number) + l2;
      }
      for (let k = j + 1; k < width; k++) hessian[k * width + j] = hessian[j * width + k] as number;
    }
    let step = choleskySolve(hessian, gradient, width);
    for (let jitter = 1e-10; step === undefined && jitter < 1; jitter *= 100) {
      const damped = Float64Array.from(hessian);
      for (let j = 0; j < width; j++) damped[j * width + j] = (damped[j * width + j] as number) + jitter * (1 + Math.abs(damped[j * width + j] as number));
      step = choleskySolve(damped, gradient, width);
    }
    if (step === undefined) break;
    let decrement = 0;
    for (let j = 0; j < width; j++) decrement += (gradient[j] as number) * (step[j] as number);
    if (decrement / 2 <= 1e-12 * (1 + Math.abs(current))) break;
    const candidate = new Float64Array(width);
    let size = 1;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      for (let j = 0; j < width; j++) candidate[j] = (weights[j] as number) - size * (step[j] as number);
      const value = objective(design, rows, candidate, l2);
      if (value <= current - 1e-4 * size * decrement) {
        weights.set(candidate);
        current = value;
        accepted = true;
        break;
      }
      size /= 2;
    }
    if (!accepted) break;
  }
  return { weights, iterations };
}

function heldOutLogLoss(design: Design, rows: Int32Array, weights: Float64Array): number {
  let total = 0;
  for (const row of rows) {
    const eta = linear(design, weights, row);
    total += softplus(eta) - (design.labels[row] as number) * eta;
  }
  return total / Math.max(1, rows.length);
}

function crossValidate(design: Design, options: CrossValidateL2, seed: number, maxIterations: number): { l2: number; results: CrossValidationResult[] } {
  const candidates = options.candidates ?? [0.01, 0.1, 1, 10, 100];
  const folds = Math.max(2, Math.min(options.folds ?? 5, design.rows));
  const random = createRandom(seed);
  const fold = new Int32Array(design.rows);
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let row = 0; row < design.rows; row++) if (design.labels[row] === label) members.push(row);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((row, position) => {
      fold[row] = position % folds;
    });
  }
  const results: CrossValidationResult[] = [];
  for (const l2 of candidates) {
    let total = 0;
    for (let k = 0; k < folds; k++) {
      const train: number[] = [];
      const test: number[] = [];
      for (let row = 0; row < design.rows; row++) (fold[row] === k ? test : train).push(row);
      const { weights } = fitWeights(design, Int32Array.from(train), l2, maxIterations);
      total += heldOutLogLoss(design, Int32Array.from(test), weights);
    }
    results.push({ l2, logLoss: total / folds });
  }
  let best = results[0] as CrossValidationResult;
  for (const result of results) if (result.logLoss < best.logLoss) best = result;
  return { l2: best.l2, results };
}

function logisticWarnings(design: Design): TrainingWarning[] {
  const warnings: TrainingWarning[] = [];
  for (const column of design.columns) {
    const name = column.feature.name;
    const mostlyMissing = mostlyMissingWarning(name, column.missing, design.rows);
    if (mostlyMissing !== undefined) warnings.push(mostlyMissing);
    if (design.rows === 0) continue;
    const distinct =
      column.kind === 'categorical'
        ? column.levels.length + (column.missing > 0 ? 1 : 0) + (column.rare > 0 ? 1 : 0)
        : (column.missing < design.rows ? (column.constant ? 1 : 2) : 0) + (column.missing > 0 ? 1 : 0);
    if (distinct < 2)
      warnings.push({
        feature: name,
        code: 'no_contribution',
        message: `${name}: every training lead has the same value${distinct === 0 ? '' : ' (or none)'}, so it contributes nothing`,
      });
  }
  return warnings;
}

/**
 * Trains an L2-regularised logistic regression on standardised numeric and one-hot categorical inputs, by Newton's
 * method (IRLS) with a Cholesky solve, from leads with outcomes (open leads are skipped and counted). Deterministic.
 * Prefer {@link trainModel}, which also checks the data and can calibrate the probabilities.
 *
 * @example
 * ```ts
 * const model = trainLogistic(spec, leads, { l2: { crossValidate: { folds: 5 } }, seed: 7 });
 * ```
 * @throws RangeError when `l2` or a cross-validation candidate is not a positive finite number, or `featuresAt` is
 * an invalid instant.
 */
export function trainLogistic(spec: FeatureSpec, leads: readonly Lead[], options: LogisticOptions = {}): LogisticModel {
  const { examples, openSkipped, undatedSkipped } = labelledExamples(leads, options.featuresAt);
  const design = buildDesign(spec, examples, readFeatureColumns(spec, examples));
  const maxIterations = options.maxIterations ?? 100;
  const requested = options.l2 ?? 1;
  const check = (value: number): void => {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`l2 must be a positive finite number, not ${value}`);
  };
  let l2: number;
  let crossValidation: CrossValidationResult[] | undefined;
  if (typeof requested === 'number') {
    check(requested);
    l2 = requested;
  } else {
    for (const candidate of requested.crossValidate.candidates ?? []) check(candidate);
    const chosen = crossValidate(design, requested.crossValidate, options.seed ?? 1, maxIterations);
    l2 = chosen.l2;
    crossValidation = chosen.results;
  }
  const all = new Int32Array(design.rows);
  for (let row = 0; row < design.rows; row++) all[row] = row;
  const { weights, iterations } = fitWeights(design, all, l2, maxIterations);

  // Average effect of each feature over the training rows, so explanations say "compared with the average lead".
  const averages = new Float64Array(design.columns.length);
  for (let row = 0; row < design.rows; row++) {
    let slot = row * design.nonZeros + 1;
    design.columns.forEach((column, f) => {
      let effect = (weights[design.columnIndex[slot] as number] as number) * (design.values[slot] as number);
      slot++;
      if (column.kind === 'numeric' && column.indicator !== undefined) {
        effect += (weights[column.indicator] as number) * (design.values[slot] as number);
        slot++;
      }
      averages[f] = (averages[f] as number) + effect;
    });
  }
  const features = design.columns.map((column, f): LogisticCategoricalWeights | LogisticNumericWeights => {
    const average = design.rows === 0 ? 0 : (averages[f] as number) / design.rows;
    if (column.kind === 'categorical')
      return {
        kind: 'categorical',
        name: column.feature.name,
        levels: column.levels.map((level, index): [string, number, number, number] => {
          const [won, lost] = column.counts[index] as readonly [number, number];
          return [level, weights[column.start + index] as number, won, lost];
        }),
        rare: weights[column.start + column.levels.length] as number,
        missing: weights[column.start + column.levels.length + 1] as number,
        average,
      };
    return {
      kind: 'numeric',
      name: column.feature.name,
      center: column.center,
      scale: column.scale,
      impute: column.impute,
      weight: weights[column.column] as number,
      ...(column.indicator === undefined ? {} : { missingWeight: weights[column.indicator] as number }),
      average,
      ...(column.wonMedian === undefined ? {} : { wonMedian: column.wonMedian }),
      ...(column.mostCommon === undefined ? {} : { mostCommon: [column.mostCommon[0], column.mostCommon[1]] as [number, number] }),
      ranges: column.ranges,
    };
  });
  let won = 0;
  for (const example of examples) if (example.won) won++;
  const model: LogisticModel = {
    format: PREDICTIVE_MODEL_FORMAT,
    version: PREDICTIVE_MODEL_VERSION,
    type: 'logistic',
    spec,
    l2,
    intercept: weights[0] as number,
    features,
    iterations,
    ...(crossValidation === undefined ? {} : { crossValidation }),
    tierCuts: [0.25, 0.5, 0.75],
    summary: {
      examples: examples.length,
      won,
      lost: examples.length - won,
      openSkipped,
      ...(undatedSkipped === 0 ? {} : { undatedSkipped }),
      features: design.columns.map((column) => ({ name: column.feature.name, missing: column.missing })),
      warnings: logisticWarnings(design),
    },
  };
  const { logOdds } = compileLogistic(model);
  return { ...model, tierCuts: tierCutsOf(examples.map((example) => probabilityOfLogOdds(logOdds(example.lead, example.asOfMs)))) };
}

function scorerOf(weights: LogisticCategoricalWeights | LogisticNumericWeights, feature: CategoricalFeature | NumericFeature): FeatureScorer {
  if (weights.kind === 'categorical')
    return { kind: 'category', effects: new Map(weights.levels.map(([level, weight]) => [level, weight])), missing: weights.missing, other: weights.rare };
  const numeric = feature as NumericFeature;
  return {
    kind: 'linear',
    transform: numeric.transform,
    center: weights.center,
    scale: weights.scale,
    weight: weights.weight,
    missing: weights.weight * ((weights.impute - weights.center) / weights.scale) + (weights.missingWeight ?? 0),
  };
}

/** Compiles a logistic model into fast log-odds and explanation functions (before any calibration). */
export function compileLogistic(model: LogisticModel): CompiledModel {
  const reads = compileFeatureReads(model.spec);
  const scorers = model.features.map((weights, index) => scorerOf(weights, model.spec.features[index] as CategoricalFeature | NumericFeature));
  const effects = compileEffects(reads, scorers);
  const intercept = model.intercept;
  const count = effects.length;
  const slots: unknown[] = new Array<unknown>(reads.slots.length);
  let baseline = intercept;
  for (const weights of model.features) baseline += weights.average;
  const examples = model.summary.examples;
  const overall = examples === 0 ? 0 : model.summary.won / examples;

  const logOdds = (lead: Lead, asOfMs: number): number => {
    readSlots(reads, lead, asOfMs, slots);
    let logit = intercept;
    for (let index = 0; index < count; index++) logit += (effects[index] as EffectOf)(slots);
    return logit;
  };

  const explain = (lead: Lead, asOfMs: number): { baseline: number; contributions: FeatureContribution[] } => {
    const values = readSlots(reads, lead, asOfMs, new Array<unknown>(reads.slots.length));
    const contributions = model.features.map((weights, index): FeatureContribution => {
      const feature = model.spec.features[index] as CategoricalFeature | NumericFeature;
      const read = reads.features[index] as FeatureRead;
      const effect = (effects[index] as EffectOf)(values) - weights.average;
      const base = {
        feature: feature.name,
        label: featureLabel(feature),
        kind: feature.kind,
        effect,
        factor: Math.exp(effect),
        against: 'average lead' as const,
      };
      if (weights.kind === 'categorical' && read.kind === 'categorical') {
        const key = read.key(values);
        if (key === undefined) return { ...base, value: MISSING_CATEGORY, status: 'missing', comparison: 'no value on file', agrees: true, common: false };
        const level = weights.levels.find(([value]) => value === key);
        if (level === undefined) return { ...base, value: key, status: 'unseen', comparison: 'too rare in the training data', agrees: true, common: false };
        const seen = level[2] + level[3];
        const rate = seen === 0 ? 0 : level[2] / seen;
        return {
          ...base,
          value: key,
          status: 'known',
          comparison: `${formatPercent(rate)} of such leads won, against ${formatPercent(overall)} of all leads`,
          agrees: effect === 0 || (effect > 0 ? rate > overall : rate < overall),
          common: examples > 0 && seen / examples >= COMMON_VALUE_SHARE,
        };
      }
      const numeric = weights as LogisticNumericWeights;
      const unit = (feature as NumericFeature).unit;
      const number = read.kind === 'numeric' ? read.value(values) : Number.NaN;
      if (Number.isNaN(number)) return { ...base, value: MISSING_CATEGORY, status: 'missing', comparison: 'no value on file', agrees: true, common: false };
      const typical = numeric.wonMedian;
      const parts: string[] = [];
      if (typical !== undefined)
        parts.push(`${number < typical ? 'below' : number > typical ? 'above' : 'at'} the typical ${formatAmount(typical, unit)} of won leads`);
      let agrees = true;
      const ranges = numeric.ranges;
      if (ranges !== undefined && ranges.cuts.length > 0) {
        const [won, lost] = ranges.counts[binIndex(number, ranges.cuts)] ?? [0, 0];
        if (won + lost > 0) {
          const rate = won / (won + lost);
          parts.push(`${formatPercent(rate)} of leads in this range (${binLabel(number, ranges.cuts)}) won, against ${formatPercent(overall)} of all leads`);
          agrees = effect === 0 || rate === overall || (effect > 0 ? rate > overall : rate < overall);
        }
      }
      if (parts.length === 0)
        parts.push(`against the average lead's ${formatAmount(untransformNumber(numeric.center, (feature as NumericFeature).transform), unit)}`);
      return {
        ...base,
        value: formatAmount(number, unit),
        status: 'known',
        comparison: parts.join('; '),
        agrees,
        common: numeric.mostCommon !== undefined && numeric.mostCommon[0] === number && examples > 0 && numeric.mostCommon[1] / examples >= COMMON_VALUE_SHARE,
      };
    });
    return { baseline, contributions };
  };
  return { logOdds, explain };
}
