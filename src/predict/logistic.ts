import { createRandom } from '../internal/random.ts';
import type { Lead } from '../models/lead.ts';
import { choleskySolve } from './cholesky.ts';
import {
  categoricalReader,
  featureLabel,
  MISSING_CATEGORY,
  numericFeatureReader,
  RARE_CATEGORY,
  transformNumber,
  type CategoricalFeature,
  type FeatureSpec,
  type NumericFeature,
} from './features.ts';
import {
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  type CrossValidationResult,
  type LogisticCategoricalWeights,
  type LogisticModel,
  type LogisticNumericWeights,
} from './model.ts';
import { compareText, labelledExamples, sigmoid, tierCutsOf, type LabelledExample } from './training-data.ts';
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
      /** First column; then levels, rare, missing. */
      readonly start: number;
    }
  | {
      readonly kind: 'numeric';
      readonly feature: NumericFeature;
      readonly center: number;
      readonly scale: number;
      readonly impute: number;
      readonly column: number;
      readonly indicator: number | undefined;
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

function buildDesign(spec: FeatureSpec, examples: readonly LabelledExample[]): Design {
  const rows = examples.length;
  const columns: Column[] = [];
  const raw: ((string | undefined)[] | number[])[] = [];
  let width = 1;
  let nonZeros = 1;
  for (const feature of spec.features) {
    if (feature.kind === 'categorical') {
      const read = categoricalReader(feature.from);
      const values = examples.map((example) => read(example.lead, example.asOfMs));
      const counts = new Map<string, number>();
      for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
      const minCount = feature.minCount ?? 1;
      const levels = [...counts.entries()].filter(([, count]) => count >= minCount).map(([value]) => value).sort(compareText);
      columns.push({ kind: 'categorical', feature, levels, index: new Map(levels.map((level, index) => [level, index])), start: width });
      raw.push(values);
      width += levels.length + 2;
      nonZeros += 1;
    } else {
      const read = numericFeatureReader(feature);
      const values = examples.map((example) => transformNumber(read(example.lead, example.asOfMs), feature.transform));
      let sum = 0;
      let present = 0;
      for (const value of values)
        if (!Number.isNaN(value)) {
          sum += value;
          present++;
        }
      const center = present === 0 ? 0 : sum / present;
      let squares = 0;
      for (const value of values) if (!Number.isNaN(value)) squares += (value - center) ** 2;
      const deviation = present === 0 ? 0 : Math.sqrt(squares / present);
      const scale = deviation > 1e-12 ? deviation : 1;
      const impute = feature.missing === 'zero' ? 0 : center;
      const indicator = feature.missingIndicator !== false && present < rows ? width + 1 : undefined;
      columns.push({ kind: 'numeric', feature, center, scale, impute, column: width, indicator });
      raw.push(values);
      width += indicator === undefined ? 1 : 2;
      nonZeros += indicator === undefined ? 1 : 2;
    }
  }
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
        const value = (raw[f] as number[])[row] as number;
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

/**
 * Trains an L2-regularised logistic regression on standardised numeric and one-hot categorical inputs, by Newton's
 * method (IRLS) with a Cholesky solve, from leads with outcomes (open leads are skipped and counted). Deterministic.
 * Prefer {@link train}, which also checks that there is enough data.
 *
 * @example
 * ```ts
 * const model = trainLogistic(spec, leads, { l2: { crossValidate: { folds: 5 } }, seed: 7 });
 * ```
 * @throws RangeError when `l2` or a cross-validation candidate is not a positive finite number.
 */
export function trainLogistic(spec: FeatureSpec, leads: readonly Lead[], options: LogisticOptions = {}): LogisticModel {
  const { examples, openSkipped } = labelledExamples(leads, options.featuresAt);
  const design = buildDesign(spec, examples);
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
        levels: column.levels.map((level, index): [string, number] => [level, weights[column.start + index] as number]),
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
    };
  });
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
      won: examples.reduce((won, example) => won + (example.won ? 1 : 0), 0),
      lost: examples.reduce((lost, example) => lost + (example.won ? 0 : 1), 0),
      openSkipped,
    },
  };
  const { probability } = compileLogistic(model);
  return { ...model, tierCuts: tierCutsOf(examples.map((example) => probability(example.lead, example.asOfMs))) };
}

interface CompiledInput {
  readonly name: string;
  readonly label: string;
  readonly average: number;
  /** Effect in log-odds, not centred on the average. */
  readonly effect: (lead: Lead, asOfMs: number) => number;
  readonly display: (lead: Lead, asOfMs: number) => string;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** Compiles a logistic model into fast prediction and explanation functions. */
export function compileLogistic(model: LogisticModel): CompiledModel {
  const inputs: CompiledInput[] = model.features.map((weights, index) => {
    const feature = model.spec.features[index] as CategoricalFeature | NumericFeature;
    const label = featureLabel(feature);
    if (weights.kind === 'categorical' && feature.kind === 'categorical') {
      const read = categoricalReader(feature.from);
      const levels = new Map(weights.levels);
      const rare = weights.rare;
      const missing = weights.missing;
      return {
        name: weights.name,
        label,
        average: weights.average,
        effect: (lead, asOfMs) => {
          const value = read(lead, asOfMs);
          return value === undefined ? missing : (levels.get(value) ?? rare);
        },
        display: (lead, asOfMs) => {
          const value = read(lead, asOfMs);
          if (value === undefined) return MISSING_CATEGORY;
          return levels.has(value) ? value : `${value} ${RARE_CATEGORY}`;
        },
      };
    }
    const numeric = weights as LogisticNumericWeights;
    const numericFeature = feature as NumericFeature;
    const read = numericFeatureReader(numericFeature);
    const transform = numericFeature.transform;
    const { center, scale, weight } = numeric;
    const missingEffect = weight * ((numeric.impute - center) / scale) + (numeric.missingWeight ?? 0);
    return {
      name: numeric.name,
      label,
      average: numeric.average,
      effect: (lead, asOfMs) => {
        const value = read(lead, asOfMs);
        if (Number.isNaN(value)) return missingEffect;
        return weight * ((transformNumber(value, transform) - center) / scale);
      },
      display: (lead, asOfMs) => {
        const value = read(lead, asOfMs);
        return Number.isNaN(value) ? MISSING_CATEGORY : formatValue(value);
      },
    };
  });
  const intercept = model.intercept;
  const count = inputs.length;
  let baseline = intercept;
  for (const input of inputs) baseline += input.average;

  const probability = (lead: Lead, asOfMs: number): number => {
    let logit = intercept;
    for (let index = 0; index < count; index++) logit += (inputs[index] as CompiledInput).effect(lead, asOfMs);
    // Keep the probability strictly inside (0, 1) even for extreme log-odds, where the sigmoid rounds to 0 or 1.
    const p = sigmoid(logit);
    return p < 1e-12 ? 1e-12 : p > 1 - 1e-12 ? 1 - 1e-12 : p;
  };
  const explain = (lead: Lead, asOfMs: number): { baseline: number; contributions: FeatureContribution[] } => ({
    baseline,
    contributions: inputs.map((input) => {
      const effect = input.effect(lead, asOfMs) - input.average;
      return { feature: input.name, label: input.label, value: input.display(lead, asOfMs), effect, factor: Math.exp(effect) };
    }),
  });
  return { probability, explain };
}
