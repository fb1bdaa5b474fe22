import type { Lead } from '../models/lead.ts';
import { compileEffects, type EffectOf, type FeatureScorer } from './compile-effects.ts';
import { COMMON_VALUE_SHARE, formatAmount, formatPercent } from './describe-contribution.ts';
import { readFeatureColumns, type FeatureColumns } from './feature-columns.ts';
import { binLabel, compileFeatureReads, readSlots, type FeatureRead, type FeatureReads } from './feature-readers.ts';
import { featureLabel, MISSING_CATEGORY, type CategoricalFeatureSource, type FeatureSpec, type NumericFeature } from './feature-spec-definition.ts';
import { quantileBins } from './quantile-bins.ts';
import {
  PREDICTIVE_MODEL_FORMAT,
  PREDICTIVE_MODEL_VERSION,
  type NaiveBayesModel,
  type NaiveBayesTable,
  type TrainingSummary,
  type TrainingWarning,
} from './predictive-model-definition.ts';
import { compareText, labelledExamples, probabilityOfLogOdds, tierCutsOf, type LabelledExample } from './training-data.ts';
import type { CompiledModel, FeatureContribution, FeaturesAt } from './types.ts';
import { mostlyMissingWarning } from './training-warnings.ts';

/** Options of naive Bayes training. */
export interface NaiveBayesOptions {
  /** Additive smoothing added to every count (default 1, Laplace). */
  readonly smoothing?: number;
  /** Values seen fewer times than this (won + lost) are ignored when scoring (default 5). */
  readonly minValueCount?: number;
  /** Per-segment tables (for example per sales team, `'ownerId'` or `'customFields.team'`). */
  readonly segmentBy?: CategoricalFeatureSource;
  /** Segments with fewer examples than this fall back to the global table (default 50). */
  readonly minSegmentExamples?: number;
  /**
   * The number of quantile bins learned for a numeric feature without `bins` (default 5, from 1 to 100): cut points
   * at quantiles of its training values (see {@link quantileBins}).
   */
  readonly numericBins?: number;
  /** When each example's features are read (default `'outcome'`: at its outcome date). */
  readonly featuresAt?: FeaturesAt;
}

const SEGMENT_FEATURE = '\u0000segment';

/** The reads of a model's spec, plus the segment as a last categorical feature when there is one. */
function readsOf(spec: FeatureSpec, segmentBy: CategoricalFeatureSource | undefined): FeatureSpec {
  if (segmentBy === undefined) return spec;
  return { ...spec, features: [...spec.features, { kind: 'categorical', name: SEGMENT_FEATURE, from: segmentBy }] };
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

function emptyCounter(features: number): Counter {
  return { won: 0, lost: 0, features: Array.from({ length: features }, () => new Map()) };
}

function toTable(counter: Counter, spec: FeatureSpec): NaiveBayesTable {
  return {
    won: counter.won,
    lost: counter.lost,
    features: spec.features.map((feature, index) => ({
      name: feature.name,
      values: [...(counter.features[index] as Map<string, [number, number]>).entries()]
        .map(([value, [won, lost]]): [string, number, number] => [value, won, lost])
        .sort((a, b) => compareText(a[0], b[0])),
    })),
  };
}

/** The cut points of every numeric feature: given, or learned at quantiles of the training values. */
function learnBins(spec: FeatureSpec, columns: FeatureColumns, numericBins: number): [string, number[]][] {
  const bins: [string, number[]][] = [];
  spec.features.forEach((feature, index) => {
    if (feature.kind !== 'numeric') return;
    const column = columns.columns[index];
    if (Array.isArray(feature.bins)) bins.push([feature.name, [...feature.bins]]);
    else {
      const quantiles = (feature.bins as { readonly quantiles: number } | undefined)?.quantiles ?? numericBins;
      bins.push([feature.name, column?.kind === 'numeric' ? quantileBins(Array.from(column.values), { bins: quantiles }) : []]);
    }
  });
  return bins;
}

/** Each example's value of each feature as the table's key: its category, or its bin, or `(missing)`. */
function tableKeys(
  spec: FeatureSpec,
  columns: FeatureColumns,
  bins: readonly (readonly [string, readonly number[]])[],
): (row: number, feature: number) => string {
  const cutsOf = new Map(bins.map(([name, cuts]) => [name, cuts]));
  const perFeature = spec.features.map((feature, index) => {
    const column = columns.columns[index];
    if (column?.kind === 'categorical') return (row: number) => column.keys[row] ?? MISSING_CATEGORY;
    const cuts = cutsOf.get(feature.name) ?? [];
    const values = column?.kind === 'numeric' ? column.values : new Float64Array(0);
    return (row: number) => binLabel(values[row] as number, cuts);
  });
  return (row, feature) => (perFeature[feature] as (row: number) => string)(row);
}

interface Start {
  readonly global: NaiveBayesTable;
  readonly segments: readonly (readonly [string, NaiveBayesTable])[];
  readonly summary: TrainingSummary;
  readonly bins: readonly (readonly [string, readonly number[]])[];
}

interface Accumulated {
  global: NaiveBayesTable;
  segments: [string, NaiveBayesTable][];
  summary: Omit<TrainingSummary, 'warnings'>;
  bins: [string, number[]][];
  examples: LabelledExample[];
}

/** Adds examples to the counts of a model (or of an empty one) and returns the new tables and summary. */
function accumulate(
  spec: FeatureSpec,
  segmentBy: CategoricalFeatureSource | undefined,
  start: Start | undefined,
  leads: readonly Lead[],
  options: { readonly featuresAt?: FeaturesAt | undefined; readonly numericBins: number },
): Accumulated {
  const { examples, openSkipped, undatedSkipped } = labelledExamples(leads, options.featuresAt);
  const columns = readFeatureColumns(readsOf(spec, segmentBy), examples);
  const bins = start === undefined ? learnBins(spec, columns, options.numericBins) : start.bins.map(([name, cuts]): [string, number[]] => [name, [...cuts]]);
  const keyOf = tableKeys(spec, columns, bins);
  const featureCount = spec.features.length;
  const global = start === undefined ? emptyCounter(featureCount) : toCounter(start.global);
  const segments = new Map<string, Counter>(start === undefined ? [] : start.segments.map(([segment, table]) => [segment, toCounter(table)]));
  const segmentColumn = segmentBy === undefined ? undefined : columns.columns[featureCount];
  const missing = spec.features.map((_, index) => start?.summary.features[index]?.missing ?? 0);
  const count = (counter: Counter, row: number, won: boolean): void => {
    if (won) counter.won++;
    else counter.lost++;
    for (let feature = 0; feature < featureCount; feature++) {
      const value = keyOf(row, feature);
      const counts = counter.features[feature] as Map<string, [number, number]>;
      const entry = counts.get(value);
      if (entry === undefined) counts.set(value, won ? [1, 0] : [0, 1]);
      else entry[won ? 0 : 1]++;
    }
  };
  examples.forEach((example, row) => {
    count(global, row, example.won);
    for (let feature = 0; feature < featureCount; feature++) if (keyOf(row, feature) === MISSING_CATEGORY) missing[feature] = (missing[feature] as number) + 1;
    if (segmentColumn?.kind === 'categorical') {
      const segment = segmentColumn.keys[row] ?? MISSING_CATEGORY;
      let counter = segments.get(segment);
      if (counter === undefined) {
        counter = emptyCounter(featureCount);
        segments.set(segment, counter);
      }
      count(counter, row, example.won);
    }
  });
  const previous: { examples: number; openSkipped: number; undatedSkipped?: number | undefined } = start?.summary ?? { examples: 0, openSkipped: 0 };
  const undated = (previous.undatedSkipped ?? 0) + undatedSkipped;
  return {
    global: toTable(global, spec),
    segments: [...segments.entries()]
      .map(([segment, counter]): [string, NaiveBayesTable] => [segment, toTable(counter, spec)])
      .sort((a, b) => compareText(a[0], b[0])),
    summary: {
      examples: previous.examples + examples.length,
      won: global.won,
      lost: global.lost,
      openSkipped: previous.openSkipped + openSkipped,
      ...(undated === 0 ? {} : { undatedSkipped: undated }),
      features: spec.features.map((feature, index) => ({ name: feature.name, missing: missing[index] as number })),
    },
    bins,
    examples,
  };
}

/** The warnings of a naive Bayes model: features almost always missing, and features that cannot tell leads apart. */
function naiveBayesWarnings(
  spec: FeatureSpec,
  global: NaiveBayesTable,
  summary: Omit<TrainingSummary, 'warnings'>,
  minValueCount: number,
  bins: readonly (readonly [string, readonly number[]])[],
): TrainingWarning[] {
  const warnings: TrainingWarning[] = [];
  const cutsOf = new Map(bins.map(([name, cuts]) => [name, cuts]));
  spec.features.forEach((feature, index) => {
    const mostlyMissing = mostlyMissingWarning(feature.name, summary.features[index]?.missing ?? 0, summary.examples);
    if (mostlyMissing !== undefined) warnings.push(mostlyMissing);
    const values = global.features[index]?.values ?? [];
    const usable = values.filter(([, won, lost]) => won + lost >= minValueCount);
    const oneBin = feature.kind === 'numeric' && !Array.isArray(feature.bins) && cutsOf.get(feature.name)?.length === 0;
    if (summary.examples > 0 && usable.length < 2)
      warnings.push({
        feature: feature.name,
        code: 'no_contribution',
        message: oneBin
          ? `${feature.name}: one value holds so many training leads that its quantile bins meet in one, so it contributes nothing: give it bins that set that value apart`
          : usable.length === 0
            ? `${feature.name}: no value is seen ${minValueCount} times or more in the training data, so it contributes nothing`
            : `${feature.name}: every usable training value is ${JSON.stringify(usable[0]?.[0])}, so it contributes nothing`,
      });
  });
  return warnings;
}

/**
 * Trains a naive Bayes model from leads with outcomes (open leads are skipped and counted): won and lost counts per
 * (feature, value). Categories are counted as they are; numbers are cut into bins: the feature's `bins`, or bins
 * learned at quantiles of the training values (`numericBins`, default 5). Prefer {@link trainModel}, which also
 * checks the data and can calibrate the probabilities.
 *
 * @example
 * ```ts
 * const model = trainNaiveBayes(spec, leads, { segmentBy: 'ownerId', minSegmentExamples: 100 });
 * ```
 * @throws RangeError when `numericBins` is not an integer from 1 to 100, or `featuresAt` is an invalid instant.
 */
export function trainNaiveBayes(spec: FeatureSpec, leads: readonly Lead[], options: NaiveBayesOptions = {}): NaiveBayesModel {
  const numericBins = options.numericBins ?? 5;
  if (!Number.isInteger(numericBins) || numericBins < 1 || numericBins > 100)
    throw new RangeError(`numericBins must be an integer from 1 to 100, not ${numericBins}`);
  const counted = accumulate(spec, options.segmentBy, undefined, leads, { featuresAt: options.featuresAt, numericBins });
  const minValueCount = options.minValueCount ?? 5;
  const model: NaiveBayesModel = {
    format: PREDICTIVE_MODEL_FORMAT,
    version: PREDICTIVE_MODEL_VERSION,
    type: 'naive-bayes',
    spec,
    smoothing: options.smoothing ?? 1,
    minValueCount,
    minSegmentExamples: options.minSegmentExamples ?? 50,
    ...(options.segmentBy === undefined ? {} : { segmentBy: options.segmentBy }),
    bins: counted.bins,
    global: counted.global,
    segments: counted.segments,
    tierCuts: [0.25, 0.5, 0.75],
    summary: { ...counted.summary, warnings: naiveBayesWarnings(spec, counted.global, counted.summary, minValueCount, counted.bins) },
  };
  const { logOdds } = compileNaiveBayes(model);
  return { ...model, tierCuts: tierCutsOf(counted.examples.map((example) => probabilityOfLogOdds(logOdds(example.lead, example.asOfMs)))) };
}

/**
 * Adds newly won or lost leads to a naive Bayes model's counts without retraining from scratch (as Odoo does). The
 * bins stay those of the model, so the counts, and every prediction, are those of a full retrain on all the data when
 * the bins were given (learned bins are not learned again: retrain to move them). The tier cut points and any
 * calibration are kept; recompute the tiers with {@link recalibrateTiers} when the population has changed. The model
 * is not mutated.
 *
 * @example
 * ```ts
 * declare const model: NaiveBayesModel; // trained by trainModel(spec, leads, { model: 'naive-bayes' }) or trainNaiveBayes
 * declare const justWonLead: Lead, justLostLead: Lead;
 *
 * const updated = updateNaiveBayes(model, [justWonLead, justLostLead]);
 * ```
 * @throws RangeError when `featuresAt` is an invalid instant.
 */
export function updateNaiveBayes(model: NaiveBayesModel, leads: readonly Lead[], options: { readonly featuresAt?: FeaturesAt } = {}): NaiveBayesModel {
  const counted = accumulate(model.spec, model.segmentBy, model, leads, { featuresAt: options.featuresAt, numericBins: 10 });
  return {
    ...model,
    global: counted.global,
    segments: counted.segments,
    summary: { ...counted.summary, warnings: naiveBayesWarnings(model.spec, counted.global, counted.summary, model.minValueCount, counted.bins) },
  };
}

interface CompiledTable {
  readonly table: NaiveBayesTable;
  readonly prior: number;
  /** Per feature: value → log factor (only values seen at least `minValueCount` times). */
  readonly factors: Map<string, number>[];
  readonly effects: EffectOf[];
}

function binLabels(cuts: readonly number[]): string[] {
  if (cuts.length === 0) return [binLabel(0, cuts)];
  return Array.from({ length: cuts.length + 1 }, (_, index) => binLabel(index === 0 ? Number.NEGATIVE_INFINITY : (cuts[index - 1] as number), cuts));
}

function compileTable(model: NaiveBayesModel, table: NaiveBayesTable, reads: FeatureReads): CompiledTable {
  const smoothing = model.smoothing;
  const prior = Math.log((table.won + smoothing) / (table.lost + smoothing));
  const factors = table.features.map((feature) => {
    const levels = feature.values.length;
    const wonDenominator = table.won + smoothing * levels;
    const lostDenominator = table.lost + smoothing * levels;
    const map = new Map<string, number>();
    for (const [value, won, lost] of feature.values)
      if (won + lost >= model.minValueCount) map.set(value, Math.log((won + smoothing) / wonDenominator) - Math.log((lost + smoothing) / lostDenominator));
    return map;
  });
  const cutsOf = new Map(model.bins.map(([name, cuts]) => [name, cuts]));
  const scorers = model.spec.features.map((feature, index): FeatureScorer => {
    const map = factors[index] as Map<string, number>;
    const missing = map.get(MISSING_CATEGORY) ?? 0;
    if (feature.kind === 'categorical') return { kind: 'category', effects: map, missing, other: 0 };
    const cuts = cutsOf.get(feature.name) ?? [];
    return { kind: 'bins', cuts, effects: binLabels(cuts).map((label) => map.get(label) ?? 0), missing };
  });
  return { table, prior, factors, effects: compileEffects(reads, scorers) };
}

/** Compiles a naive Bayes model into fast log-odds and explanation functions (before any calibration). */
export function compileNaiveBayes(model: NaiveBayesModel): CompiledModel {
  const reads = compileFeatureReads(readsOf(model.spec, model.segmentBy));
  const global = compileTable(model, model.global, reads);
  const segments = new Map<string, CompiledTable>();
  for (const [segment, table] of model.segments)
    if (table.won + table.lost >= model.minSegmentExamples) segments.set(segment, compileTable(model, table, reads));
  const segmentRead = model.segmentBy === undefined ? undefined : (reads.features[model.spec.features.length] as Extract<FeatureRead, { kind: 'categorical' }>);
  const slots: unknown[] = new Array<unknown>(reads.slots.length);
  const count = model.spec.features.length;
  const tableFor = (values: readonly unknown[]): CompiledTable =>
    segmentRead === undefined ? global : (segments.get(segmentRead.key(values) ?? MISSING_CATEGORY) ?? global);

  const logOdds = (lead: Lead, asOfMs: number): number => {
    readSlots(reads, lead, asOfMs, slots);
    const table = tableFor(slots);
    let logit = table.prior;
    const effects = table.effects;
    for (let index = 0; index < count; index++) logit += (effects[index] as EffectOf)(slots);
    return logit;
  };

  const cutsOf = new Map(model.bins.map(([name, cuts]) => [name, cuts]));
  const explain = (lead: Lead, asOfMs: number): { baseline: number; contributions: FeatureContribution[] } => {
    const values = readSlots(reads, lead, asOfMs, new Array<unknown>(reads.slots.length));
    const compiled = tableFor(values);
    const { table } = compiled;
    const total = table.won + table.lost;
    const overall = total === 0 ? 0 : table.won / total;
    const contributions = model.spec.features.map((feature, index): FeatureContribution => {
      const read = reads.features[index] as FeatureRead;
      const label = featureLabel(feature);
      let key: string;
      let shown: string;
      if (read.kind === 'categorical') {
        key = read.key(values) ?? MISSING_CATEGORY;
        shown = key;
      } else {
        const number = read.value(values);
        key = binLabel(number, cutsOf.get(feature.name) ?? []);
        const unit = (feature as NumericFeature).unit;
        shown = Number.isNaN(number) ? MISSING_CATEGORY : `${formatAmount(number, unit)} (${key})`;
      }
      const factor = (compiled.factors[index] as Map<string, number>).get(key);
      const counts = table.features[index]?.values.find(([value]) => value === key);
      const base = { feature: feature.name, label, kind: feature.kind, value: shown, against: 'all leads' as const };
      if (key === MISSING_CATEGORY) {
        const effect = factor ?? 0;
        return { ...base, status: 'missing', effect, factor: Math.exp(effect), comparison: 'no value on file', agrees: true, common: false };
      }
      if (factor === undefined || counts === undefined)
        return {
          ...base,
          status: 'unseen',
          effect: 0,
          factor: 1,
          comparison: `seen ${counts === undefined ? 0 : counts[1] + counts[2]} times in training`,
          agrees: true,
          common: false,
        };
      const seen = counts[1] + counts[2];
      const rate = counts[1] / seen;
      const such = read.kind === 'numeric' ? 'leads in this range' : 'such leads';
      return {
        ...base,
        status: 'known',
        effect: factor,
        factor: Math.exp(factor),
        comparison: `${formatPercent(rate)} of ${such} won, against ${formatPercent(overall)} of all leads`,
        agrees: factor === 0 || (factor > 0 ? rate > overall : rate < overall),
        common: total > 0 && seen / total >= COMMON_VALUE_SHARE,
      };
    });
    return { baseline: compiled.prior, contributions };
  };

  return { logOdds, explain };
}
