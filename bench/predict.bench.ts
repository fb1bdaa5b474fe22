/**
 * Predictive scoring benchmarks: training time on 45,000 leads, and scoring speed (no explanations) of naive Bayes
 * and logistic regression against plain hand-written loops over the same weights: on 5 features of generated CRM
 * leads, and on an export-like lead with 30 custom fields (20 categories, 10 numbers), as an imported export gives.
 * Each case checks that both sides compute the same probabilities before timing them.
 * Run: npm run bench -- predict
 */
import { createRandom } from '../src/internal/random.ts';
import type { Lead } from '../src/models/index.ts';
import {
  compilePredictor,
  defineFeatureSpec,
  trainLogistic,
  trainNaiveBayes,
  type LogisticModel,
  type NaiveBayesModel,
  type PredictiveFeature,
} from '../src/predict/index.ts';
import { generateLeads } from '../src/testing/index.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const asOfMs = asOf.getTime();

function seconds(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

function opsPerSecond(leads: readonly Lead[], score: (lead: Lead) => number): number {
  let sink = 0;
  for (const lead of leads) sink += score(lead); // warm up
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < 300) {
      for (const lead of leads) sink += score(lead);
      count += leads.length;
    }
    best = Math.max(best, count / ((performance.now() - start) / 1000));
  }
  if (Number.isNaN(sink)) throw new Error('NaN score');
  return best;
}

function check(leads: readonly Lead[], leadkit: (lead: Lead) => number, baseline: (lead: Lead) => number, name: string): void {
  for (const lead of leads) {
    const a = leadkit(lead);
    const b = baseline(lead);
    if (Math.abs(a - b) > 1e-12) throw new Error(`${name}: leadkit ${a} ≠ hand-written ${b} for ${lead.id}`);
  }
}

function line(name: string, leadkit: number, baseline: number): void {
  console.log(`BENCH ${name} ops_per_s=${Math.round(leadkit)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(leadkit / baseline).toFixed(3)}`);
}

function sigmoid(logit: number): number {
  const x = logit > 30 ? 30 : logit < -30 ? -30 : logit;
  return 1 / (1 + Math.exp(-x));
}

/** The log factors of a naive Bayes table, read straight from the counts (what a hand-written scorer would precompute). */
function naiveBayesFactors(model: NaiveBayesModel): { prior: number; factors: Map<string, number>[] } {
  const a = model.smoothing;
  const table = model.global;
  return {
    prior: Math.log((table.won + a) / (table.lost + a)),
    factors: table.features.map((feature) => {
      const k = feature.values.length;
      return new Map(
        feature.values
          .filter(([, won, lost]) => won + lost >= model.minValueCount)
          .map(([value, won, lost]) => [value, Math.log((won + a) / (table.won + a * k)) - Math.log((lost + a) / (table.lost + a * k))]),
      );
    }),
  };
}

// --- Five features of generated CRM leads -------------------------------------------------------------------------

const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'country', from: 'company.country' },
    { kind: 'categorical', name: 'source', from: 'source' },
    { kind: 'categorical', name: 'seniority', from: 'contact.seniority' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 200, 2000] },
  ],
});

const training = generateLeads({ seed: 1, count: 45_000, asOf, activities: { min: 0, max: 4 } });
const scoring = generateLeads({ seed: 2, count: 20_000, asOf, activities: { min: 0, max: 4 }, outcomes: false });

let naiveBayes: NaiveBayesModel | undefined;
let logistic: LogisticModel | undefined;
const oneHot = new Set(training.flatMap((lead) => [`i${lead.company?.industry}`, `c${lead.company?.country}`, `s${lead.source}`, `r${lead.contact.seniority}`]))
  .size;
console.log(`# ${training.length} training leads, ${oneHot} one-hot inputs + 1 numeric`);
console.log(`BENCH nb-train seconds=${seconds(() => (naiveBayes = trainNaiveBayes(spec, training))).toFixed(3)}`);
console.log(`BENCH logistic-train seconds=${seconds(() => (logistic = trainLogistic(spec, training))).toFixed(3)}`);
if (naiveBayes === undefined || logistic === undefined) throw new Error('training failed');

// Hand-written naive Bayes: the log factors read straight from the counts, one Map per feature. The generated values
// are already lower case, so the hand-written code can skip the case folding leadkit does.
{
  const model = naiveBayes;
  const { prior, factors } = naiveBayesFactors(model);
  const [industry, country, source, seniority, employees] = factors as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  const bin = (n: number | undefined) => (n === undefined ? '(missing)' : n < 50 ? '< 50' : n < 200 ? '50 to < 200' : n < 2000 ? '200 to < 2000' : '>= 2000');
  const handWritten = (lead: Lead): number =>
    sigmoid(
      prior +
        (industry.get(lead.company?.industry ?? '(missing)') ?? 0) +
        (country.get(lead.company?.country?.toLowerCase() ?? '(missing)') ?? 0) +
        (source.get(lead.source) ?? 0) +
        (seniority.get(lead.contact.seniority ?? '(missing)') ?? 0) +
        (employees.get(bin(lead.company?.employeeCount)) ?? 0),
    );
  const predictor = compilePredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOfMs);
  check(scoring, leadkit, handWritten, 'nb-score');
  line('nb-score-vs-handwritten', opsPerSecond(scoring, leadkit), opsPerSecond(scoring, handWritten));
}

// Hand-written logistic regression: one weight Map per categorical feature and the standardised number.
{
  const model = logistic;
  type Weights = { map: Map<string, number>; rare: number; missing: number };
  const maps = model.features.map((feature) =>
    feature.kind === 'categorical'
      ? { map: new Map(feature.levels.map(([level, weight]) => [level, weight])), rare: feature.rare, missing: feature.missing }
      : undefined,
  );
  const numeric = model.features[4];
  if (numeric?.kind !== 'numeric') throw new Error('expected numeric');
  const [industry, country, source, seniority] = maps as Weights[] as [Weights, Weights, Weights, Weights];
  const weight = (table: Weights, value: string | undefined) => (value === undefined ? table.missing : (table.map.get(value) ?? table.rare));
  const missingEmployees = numeric.weight * ((numeric.impute - numeric.center) / numeric.scale) + (numeric.missingWeight ?? 0);
  const handWritten = (lead: Lead): number => {
    const employeeCount = lead.company?.employeeCount;
    return sigmoid(
      model.intercept +
        weight(industry, lead.company?.industry) +
        weight(country, lead.company?.country?.toLowerCase()) +
        weight(source, lead.source) +
        weight(seniority, lead.contact.seniority) +
        (employeeCount === undefined ? missingEmployees : numeric.weight * ((Math.log1p(employeeCount) - numeric.center) / numeric.scale)),
    );
  };
  const predictor = compilePredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOfMs);
  check(scoring, leadkit, handWritten, 'logistic-score');
  line('logistic-score-vs-handwritten', opsPerSecond(scoring, leadkit), opsPerSecond(scoring, handWritten));
}

// --- Thirty features of an export-like lead (20 categories, 10 numbers in custom fields) ---------------------------

const categoryNames = Array.from({ length: 20 }, (_, index) => `c${index}`);
const numberNames = Array.from({ length: 10 }, (_, index) => `n${index}`);
function exportLeads(seed: number, count: number, outcomes: boolean): Lead[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const fields: Record<string, string | number> = {};
    let signal = 0;
    categoryNames.forEach((name, column) => {
      const level = random.int(0, 3 + (column % 9));
      if (random.chance(0.05)) return; // a blank cell
      fields[name] = `v${level}`;
      signal += level === 0 ? 0.4 : 0;
    });
    numberNames.forEach((name, column) => {
      if (random.chance(0.03)) return;
      const value = Math.round(random.next() * 10 ** (1 + (column % 4)));
      fields[name] = value;
      signal += column < 3 ? value / 10 ** (1 + (column % 4)) : 0;
    });
    const won = random.chance(1 / (1 + Math.exp(3 - signal)));
    return {
      id: `x${seed}-${index}`,
      contact: {},
      source: 'other',
      createdAt: asOf,
      activities: [],
      customFields: fields,
      ...(outcomes ? { outcome: { status: won ? 'won' : 'lost', at: asOf } } : {}),
    } satisfies Lead;
  });
}
const wideSpec = defineFeatureSpec({
  features: [
    ...categoryNames.map((name): PredictiveFeature => ({ kind: 'categorical', name, from: `customFields.${name}` })),
    ...numberNames.map((name): PredictiveFeature => ({ kind: 'numeric', name, from: `customFields.${name}` })),
  ],
});
const wideTraining = exportLeads(3, 20_000, true);
const wideScoring = exportLeads(4, 20_000, false);
console.log(`# ${wideSpec.features.length} features over custom fields: ${wideTraining.length} training leads, ${wideScoring.length} scored`);

// Hand-written naive Bayes over the same 30 custom fields: a Map per category, a binary search over cut points per number.
{
  const model = trainNaiveBayes(wideSpec, wideTraining);
  const { prior, factors } = naiveBayesFactors(model);
  const categoryTables = factors.slice(0, 20);
  const cuts = model.bins.map(([, values]) => Float64Array.from(values));
  const binTables = cuts.map((values, index) => {
    const table = factors[20 + index] as Map<string, number>;
    const labels = Array.from({ length: values.length + 1 }, (_, bin) =>
      bin === 0 ? `< ${values[0]}` : bin === values.length ? `>= ${values[values.length - 1]}` : `${values[bin - 1]} to < ${values[bin]}`,
    );
    return { effects: Float64Array.from(labels, (label) => table.get(label) ?? 0), missing: table.get('(missing)') ?? 0 };
  });
  const categoryMissing = categoryTables.map((table) => table.get('(missing)') ?? 0);
  const handWritten = (lead: Lead): number => {
    const fields = lead.customFields as Record<string, string | number | undefined>;
    let logit = prior;
    for (let index = 0; index < 20; index++) {
      const value = fields[categoryNames[index] as string];
      logit += value === undefined ? (categoryMissing[index] as number) : ((categoryTables[index] as Map<string, number>).get(value as string) ?? 0);
    }
    for (let index = 0; index < 10; index++) {
      const value = fields[numberNames[index] as string];
      const table = binTables[index] as { effects: Float64Array; missing: number };
      if (typeof value !== 'number') {
        logit += table.missing;
        continue;
      }
      const bins = cuts[index] as Float64Array;
      let low = 0;
      let high = bins.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((bins[middle] as number) <= value) low = middle + 1;
        else high = middle;
      }
      logit += table.effects[low] as number;
    }
    return sigmoid(logit);
  };
  const predictor = compilePredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOfMs);
  check(wideScoring, leadkit, handWritten, 'predict-30-features');
  line('predict-30-features-vs-handwritten', opsPerSecond(wideScoring, leadkit), opsPerSecond(wideScoring, handWritten));
}

// The same 30 fields through logistic regression: a weight Map per category, a standardised number per number.
{
  const model = trainLogistic(wideSpec, wideTraining);
  const categoryWeights = model.features.slice(0, 20).map((feature) => {
    if (feature.kind !== 'categorical') throw new Error('expected categorical');
    return { map: new Map(feature.levels.map(([level, weight]) => [level, weight])), rare: feature.rare, missing: feature.missing };
  });
  const numberWeights = model.features.slice(20).map((feature) => {
    if (feature.kind !== 'numeric') throw new Error('expected numeric');
    return {
      factor: feature.weight / feature.scale,
      center: feature.center,
      missing: feature.weight * ((feature.impute - feature.center) / feature.scale) + (feature.missingWeight ?? 0),
    };
  });
  const handWritten = (lead: Lead): number => {
    const fields = lead.customFields as Record<string, string | number | undefined>;
    let logit = model.intercept;
    for (let index = 0; index < 20; index++) {
      const value = fields[categoryNames[index] as string];
      const weights = categoryWeights[index] as { map: Map<string, number>; rare: number; missing: number };
      logit += value === undefined ? weights.missing : (weights.map.get(value as string) ?? weights.rare);
    }
    for (let index = 0; index < 10; index++) {
      const value = fields[numberNames[index] as string];
      const weights = numberWeights[index] as { factor: number; center: number; missing: number };
      logit += typeof value === 'number' ? weights.factor * (value - weights.center) : weights.missing;
    }
    return sigmoid(logit);
  };
  const predictor = compilePredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOfMs);
  check(wideScoring, leadkit, handWritten, 'predict-30-features-logistic');
  line('predict-30-features-logistic-vs-handwritten', opsPerSecond(wideScoring, leadkit), opsPerSecond(wideScoring, handWritten));
}
