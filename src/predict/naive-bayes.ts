import type { Lead } from '../models/lead.ts';
import {
  binLabel,
  categoricalReader,
  featureLabel,
  MISSING_CATEGORY,
  numericFeatureReader,
  type CategoricalFeatureSource,
  type FeatureSpec,
} from './features.ts';
import {
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  type NaiveBayesModel,
  type NaiveBayesTable,
  type TrainingSummary,
} from './model.ts';
import { compareText, labelledExamples, sigmoid, tierCutsOf, type LabelledExample } from './training-data.ts';
import type { CompiledModel, FeatureContribution, FeaturesAt } from './types.ts';

/** Options of naive Bayes training. */
export interface NaiveBayesOptions {
  /** Additive smoothing added to every count (default 1, Laplace). */
  readonly smoothing?: number;
  /** Values seen fewer times than this (won + lost) are ignored when scoring (default 5). */
  readonly minValueCount?: number;
  /** Per-segment tables (for example per sales team, `'ownerId'` or `{ customField: 'team' }`). */
  readonly segmentBy?: CategoricalFeatureSource;
  /** Segments with fewer examples than this fall back to the global table (default 50). */
  readonly minSegmentExamples?: number;
  /** Probabilities are clamped into this range, away from 0 and 1 (default `[0.01, 0.99]`). */
  readonly clamp?: readonly [number, number];
  /** When each example's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

interface NaiveBayesInput {
  readonly name: string;
  readonly label: string;
  readonly read: (lead: Lead, asOfMs: number) => string;
}

/** The spec's features naive Bayes uses: categorical ones, and numeric ones with bins. */
function naiveBayesInputs(spec: FeatureSpec): NaiveBayesInput[] {
  const inputs: NaiveBayesInput[] = [];
  for (const feature of spec.features) {
    if (feature.kind === 'categorical') {
      const read = categoricalReader(feature.from);
      inputs.push({ name: feature.name, label: featureLabel(feature), read: (lead, asOfMs) => read(lead, asOfMs) ?? MISSING_CATEGORY });
    } else if (feature.bins !== undefined) {
      const read = numericFeatureReader(feature);
      const bins = feature.bins;
      inputs.push({ name: feature.name, label: featureLabel(feature), read: (lead, asOfMs) => binLabel(read(lead, asOfMs), bins) });
    }
  }
  return inputs;
}

interface Counter {
  won: number;
  lost: number;
  readonly features: Map<string, [number, number]>[];
}

function toCounter(table: NaiveBayesTable): Counter {
  return {
    won: table.won,
    lost: table.lost,
    features: table.features.map((feature) => new Map(feature.values.map(([value, won, lost]) => [value, [won, lost]]))),
  };
}

function emptyCounter(inputs: readonly NaiveBayesInput[]): Counter {
  return { won: 0, lost: 0, features: inputs.map(() => new Map()) };
}

function toTable(counter: Counter, inputs: readonly NaiveBayesInput[]): NaiveBayesTable {
  return {
    won: counter.won,
    lost: counter.lost,
    features: inputs.map((input, index) => ({
      name: input.name,
      values: [...(counter.features[index] as Map<string, [number, number]>).entries()]
        .map(([value, [won, lost]]): [string, number, number] => [value, won, lost])
        .sort((a, b) => compareText(a[0], b[0])),
    })),
  };
}

function count(counter: Counter, inputs: readonly NaiveBayesInput[], example: LabelledExample): void {
  if (example.won) counter.won++;
  else counter.lost++;
  for (let index = 0; index < inputs.length; index++) {
    const value = (inputs[index] as NaiveBayesInput).read(example.lead, example.asOfMs);
    const counts = counter.features[index] as Map<string, [number, number]>;
    const entry = counts.get(value);
    if (entry === undefined) counts.set(value, example.won ? [1, 0] : [0, 1]);
    else entry[example.won ? 0 : 1]++;
  }
}

/** Adds examples to the counts of a model (or of an empty one) and returns the new tables and summary. */
function accumulate(
  spec: FeatureSpec,
  segmentBy: CategoricalFeatureSource | undefined,
  start: { readonly global: NaiveBayesTable; readonly segments: readonly (readonly [string, NaiveBayesTable])[]; readonly summary: TrainingSummary } | undefined,
  leads: readonly Lead[],
  featuresAt: FeaturesAt | undefined,
): { global: NaiveBayesTable; segments: [string, NaiveBayesTable][]; summary: TrainingSummary; examples: LabelledExample[] } {
  const inputs = naiveBayesInputs(spec);
  const global = start === undefined ? emptyCounter(inputs) : toCounter(start.global);
  const segments = new Map<string, Counter>(start === undefined ? [] : start.segments.map(([segment, table]) => [segment, toCounter(table)]));
  const readSegment = segmentBy === undefined ? undefined : categoricalReader(segmentBy);
  const { examples, openSkipped } = labelledExamples(leads, featuresAt);
  for (const example of examples) {
    count(global, inputs, example);
    if (readSegment !== undefined) {
      const segment = readSegment(example.lead, example.asOfMs) ?? MISSING_CATEGORY;
      let counter = segments.get(segment);
      if (counter === undefined) {
        counter = emptyCounter(inputs);
        segments.set(segment, counter);
      }
      count(counter, inputs, example);
    }
  }
  const previous = start?.summary ?? { examples: 0, won: 0, lost: 0, openSkipped: 0 };
  return {
    global: toTable(global, inputs),
    segments: [...segments.entries()].map(([segment, counter]): [string, NaiveBayesTable] => [segment, toTable(counter, inputs)]).sort((a, b) => compareText(a[0], b[0])),
    summary: {
      examples: previous.examples + examples.length,
      won: global.won,
      lost: global.lost,
      openSkipped: previous.openSkipped + openSkipped,
    },
    examples,
  };
}

interface CompiledTable {
  readonly prior: number;
  /** Per input: value → log factor (only values seen at least `minValueCount` times). */
  readonly factors: Map<string, number>[];
}

function compileTable(table: NaiveBayesTable, smoothing: number, minValueCount: number): CompiledTable {
  const prior = Math.log((table.won + smoothing) / (table.lost + smoothing));
  const factors = table.features.map((feature) => {
    const levels = feature.values.length;
    const wonDenominator = table.won + smoothing * levels;
    const lostDenominator = table.lost + smoothing * levels;
    const map = new Map<string, number>();
    for (const [value, won, lost] of feature.values)
      if (won + lost >= minValueCount) map.set(value, Math.log((won + smoothing) / wonDenominator) - Math.log((lost + smoothing) / lostDenominator));
    return map;
  });
  return { prior, factors };
}

/** Compiles a naive Bayes model into fast prediction and explanation functions. */
export function compileNaiveBayes(model: NaiveBayesModel): CompiledModel {
  const inputs = naiveBayesInputs(model.spec);
  const global = compileTable(model.global, model.smoothing, model.minValueCount);
  const segments = new Map<string, CompiledTable>();
  for (const [segment, table] of model.segments)
    if (table.won + table.lost >= model.minSegmentExamples) segments.set(segment, compileTable(table, model.smoothing, model.minValueCount));
  const readSegment = model.segmentBy === undefined ? undefined : categoricalReader(model.segmentBy);
  const [low, high] = model.clamp;
  const count = inputs.length;
  const tableFor = (lead: Lead, asOfMs: number): CompiledTable =>
    readSegment === undefined ? global : (segments.get(readSegment(lead, asOfMs) ?? MISSING_CATEGORY) ?? global);

  const probability = (lead: Lead, asOfMs: number): number => {
    const table = tableFor(lead, asOfMs);
    let logit = table.prior;
    for (let index = 0; index < count; index++) {
      const factor = (table.factors[index] as Map<string, number>).get((inputs[index] as NaiveBayesInput).read(lead, asOfMs));
      if (factor !== undefined) logit += factor;
    }
    const p = sigmoid(logit);
    return p < low ? low : p > high ? high : p;
  };

  const explain = (lead: Lead, asOfMs: number): { baseline: number; contributions: FeatureContribution[] } => {
    const table = tableFor(lead, asOfMs);
    const contributions: FeatureContribution[] = [];
    for (let index = 0; index < count; index++) {
      const input = inputs[index] as NaiveBayesInput;
      const value = input.read(lead, asOfMs);
      const effect = (table.factors[index] as Map<string, number>).get(value) ?? 0;
      contributions.push({ feature: input.name, label: input.label, value, effect, factor: Math.exp(effect) });
    }
    return { baseline: table.prior, contributions };
  };

  return { probability, explain };
}

function tierCutsFor(model: NaiveBayesModel, examples: readonly LabelledExample[]): NaiveBayesModel['tierCuts'] {
  const { probability } = compileNaiveBayes(model);
  return tierCutsOf(examples.map((example) => probability(example.lead, example.asOfMs)));
}

/**
 * Trains a naive Bayes model from leads with outcomes (open leads are skipped and counted): won and lost counts per
 * (feature, value) of the spec's categorical features and binned numeric features. Prefer {@link train}, which also
 * checks that there is enough data.
 *
 * @example
 * ```ts
 * const model = trainNaiveBayes(spec, leads, { segmentBy: 'ownerId', minSegmentExamples: 100 });
 * ```
 */
export function trainNaiveBayes(spec: FeatureSpec, leads: readonly Lead[], options: NaiveBayesOptions = {}): NaiveBayesModel {
  const counted = accumulate(spec, options.segmentBy, undefined, leads, options.featuresAt);
  const model: NaiveBayesModel = {
    format: PREDICTIVE_MODEL_FORMAT,
    version: PREDICTIVE_MODEL_VERSION,
    type: 'naive-bayes',
    spec,
    smoothing: options.smoothing ?? 1,
    minValueCount: options.minValueCount ?? 5,
    minSegmentExamples: options.minSegmentExamples ?? 50,
    clamp: [options.clamp?.[0] ?? 0.01, options.clamp?.[1] ?? 0.99],
    ...(options.segmentBy === undefined ? {} : { segmentBy: options.segmentBy }),
    global: counted.global,
    segments: counted.segments,
    tierCuts: [0.25, 0.5, 0.75],
    summary: counted.summary,
  };
  return { ...model, tierCuts: tierCutsFor(model, counted.examples) };
}

/**
 * Adds newly won or lost leads to a naive Bayes model's counts without retraining from scratch (as Odoo does): the
 * counts, and so every prediction, are the same as a full retrain on all the data. The tier cut points are kept;
 * recompute them with {@link recalibrateTiers} when the population has changed. The model is not mutated.
 *
 * @example
 * ```ts
 * const updated = updateNaiveBayes(model, [justWonLead, justLostLead]);
 * ```
 */
export function updateNaiveBayes(model: NaiveBayesModel, leads: readonly Lead[], options: { readonly featuresAt?: FeaturesAt } = {}): NaiveBayesModel {
  const counted = accumulate(model.spec, model.segmentBy, model, leads, options.featuresAt);
  return { ...model, global: counted.global, segments: counted.segments, summary: counted.summary };
}
