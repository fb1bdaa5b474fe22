/**
 * Predictive scoring benchmarks: training time on 45,000 leads with about 50 one-hot inputs, and scoring speed of
 * naive Bayes and logistic regression (no explanations) against a plain hand-written loop over the same weights.
 * Run: npx tsx bench/predict.bench.ts
 */
import type { Lead } from '../src/models/index.ts';
import { createPredictor, defineFeatureSpec, trainLogistic, trainNaiveBayes, type LogisticModel, type NaiveBayesModel } from '../src/predict/index.ts';
import { generateLeads } from '../src/testing/index.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
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

function seconds(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

function opsPerSecond(score: (lead: Lead) => number): number {
  let sink = 0;
  for (const lead of scoring) sink += score(lead); // warm up
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < 300) {
      for (const lead of scoring) sink += score(lead);
      count += scoring.length;
    }
    best = Math.max(best, count / ((performance.now() - start) / 1000));
  }
  if (Number.isNaN(sink)) throw new Error('NaN score');
  return best;
}

function check(leadkit: (lead: Lead) => number, baseline: (lead: Lead) => number, name: string): void {
  for (const lead of scoring) {
    const a = leadkit(lead);
    const b = baseline(lead);
    if (Math.abs(a - b) > 1e-12) throw new Error(`${name}: leadkit ${a} ≠ hand-written ${b} for ${lead.id}`);
  }
}

function line(name: string, leadkit: number, baseline: number): void {
  console.log(`BENCH ${name} ops_per_s=${Math.round(leadkit)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(leadkit / baseline).toFixed(3)}`);
}

let naiveBayes: NaiveBayesModel | undefined;
let logistic: LogisticModel | undefined;
const oneHot = new Set(training.flatMap((lead) => [`i${lead.company?.industry}`, `c${lead.company?.country}`, `s${lead.source}`, `r${lead.contact.seniority}`])).size;
console.log(`# ${training.length} training leads, ${oneHot} one-hot inputs + 1 numeric`);
console.log(`BENCH nb-train seconds=${seconds(() => (naiveBayes = trainNaiveBayes(spec, training))).toFixed(3)}`);
console.log(`BENCH logistic-train seconds=${seconds(() => (logistic = trainLogistic(spec, training))).toFixed(3)}`);
if (naiveBayes === undefined || logistic === undefined) throw new Error('training failed');

// Hand-written naive Bayes: the log factors read straight from the counts, one Map per feature.
{
  const model = naiveBayes;
  const a = model.smoothing;
  const table = model.global;
  const factors = table.features.map((feature) => {
    const k = feature.values.length;
    return new Map(
      feature.values
        .filter(([, won, lost]) => won + lost >= model.minValueCount)
        .map(([value, won, lost]) => [value, Math.log((won + a) / (table.won + a * k)) - Math.log((lost + a) / (table.lost + a * k))]),
    );
  });
  const [industry, country, source, seniority, employees] = factors as [Map<string, number>, Map<string, number>, Map<string, number>, Map<string, number>, Map<string, number>];
  const prior = Math.log((table.won + a) / (table.lost + a));
  const bin = (n: number | undefined) => (n === undefined ? '(missing)' : n < 50 ? '< 50' : n < 200 ? '50 to < 200' : n < 2000 ? '200 to < 2000' : '>= 2000');
  const handWritten = (lead: Lead): number => {
    const logit =
      prior +
      (industry.get(lead.company?.industry ?? '(missing)') ?? 0) +
      (country.get(lead.company?.country ?? '(missing)') ?? 0) +
      (source.get(lead.source) ?? 0) +
      (seniority.get(lead.contact.seniority ?? '(missing)') ?? 0) +
      (employees.get(bin(lead.company?.employeeCount)) ?? 0);
    const p = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : Math.exp(logit) / (1 + Math.exp(logit));
    return Math.min(model.clamp[1], Math.max(model.clamp[0], p));
  };
  const predictor = createPredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOf);
  check(leadkit, handWritten, 'nb-score');
  line('nb-score-vs-handwritten', opsPerSecond(leadkit), opsPerSecond(handWritten));
}

// Hand-written logistic regression: one weight Map per categorical feature and the standardised number.
{
  const model = logistic;
  const maps = model.features.map((feature) => (feature.kind === 'categorical' ? { map: new Map(feature.levels), rare: feature.rare, missing: feature.missing } : undefined));
  const numeric = model.features[4];
  if (numeric?.kind !== 'numeric') throw new Error('expected numeric');
  const [industry, country, source, seniority] = maps as { map: Map<string, number>; rare: number; missing: number }[] as [
    { map: Map<string, number>; rare: number; missing: number },
    { map: Map<string, number>; rare: number; missing: number },
    { map: Map<string, number>; rare: number; missing: number },
    { map: Map<string, number>; rare: number; missing: number },
  ];
  const weight = (table: { map: Map<string, number>; rare: number; missing: number }, value: string | undefined) =>
    value === undefined ? table.missing : (table.map.get(value) ?? table.rare);
  const missingEmployees = numeric.weight * ((numeric.impute - numeric.center) / numeric.scale) + (numeric.missingWeight ?? 0);
  const handWritten = (lead: Lead): number => {
    const employeeCount = lead.company?.employeeCount;
    const logit =
      model.intercept +
      weight(industry, lead.company?.industry) +
      weight(country, lead.company?.country) +
      weight(source, lead.source) +
      weight(seniority, lead.contact.seniority) +
      (employeeCount === undefined ? missingEmployees : numeric.weight * ((Math.log1p(employeeCount) - numeric.center) / numeric.scale));
    const p = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : Math.exp(logit) / (1 + Math.exp(logit));
    return p < 1e-12 ? 1e-12 : p > 1 - 1e-12 ? 1 - 1e-12 : p;
  };
  const predictor = createPredictor(model);
  const leadkit = (lead: Lead) => predictor.probability(lead, asOf);
  check(leadkit, handWritten, 'logistic-score');
  line('logistic-score-vs-handwritten', opsPerSecond(leadkit), opsPerSecond(handWritten));
}
