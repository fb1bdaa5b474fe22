/**
 * Scoring speed on 100,000 synthetic leads and the shared 20-rule fit model (bench/fit-model.ts):
 * leadkit's compiled model (number only, and with full explanations) against a hand-written function, and against
 * json-rules-engine. Both sides are checked to give the same scores before anything is timed.
 * Run: npx tsx bench/scoring.bench.ts
 */
import { Engine } from 'json-rules-engine';
import type { Lead } from '../src/models/index.ts';
import { compileScoringModel, defineScoringModel } from '../src/scoring/index.ts';
import { generateLeads } from '../src/testing/index.ts';
import { fitBenchModel, handWrittenFitScore, jsonRulesDefinitions, jsonRulesFacts, readFitFields } from './fit-model.ts';
import { benchChecksum, interleavedRates } from './harness.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 42, count: 100_000, asOf, activities: { min: 0, max: 4 } });
const scorer = compileScoringModel(defineScoringModel(fitBenchModel));

// Correctness first: every lead, both sides, exactly equal.
for (const lead of leads) {
  const expected = handWrittenFitScore(lead);
  if (scorer.scoreValue(lead, asOf) !== expected || scorer(lead, { asOf }).score !== expected)
    throw new Error(`score mismatch for ${lead.id}: leadkit ${scorer.scoreValue(lead, asOf)}, hand-written ${expected}`);
}

const asOfMs = asOf.getTime();
const options = { asOf };
const sum = (score: (lead: Lead) => number, list: readonly Lead[]) => () => {
  let total = 0;
  for (let index = 0; index < list.length; index++) total += score(list[index] as Lead);
  return total;
};
const handWrittenPass = sum(handWrittenFitScore, leads);
const numberPass = sum((lead) => scorer.scoreValue(lead, asOfMs), leads);
const explainedPass = sum((lead) => scorer(lead, options).contributions.length, leads);
// The floor: only reading the values the rules depend on, with no rule applied. No implementation that reads the
// leads as objects can be faster than this on the same leads.
const readOnlyPass = sum(readFitFields, leads);
const [handWritten = 0, numberOnly = 0, explained = 0, readOnly = 0] = await interleavedRates(
  [handWrittenPass, numberPass, explainedPass, readOnlyPass].map((pass) => ({ pass, count: leads.length })),
);

// The same on the first 2,000 leads, passed over 50 times: the leads then stay in the CPU caches, which shows how much
// of the 100,000-lead figures is waiting on memory (both sides read the same objects).
const hot = leads.slice(0, 2000);
const repeat = (pass: () => number) => () => {
  let total = 0;
  for (let round = 0; round < 50; round++) total += pass();
  return total;
};
const [handWrittenHot = 0, numberOnlyHot = 0] = await interleavedRates([
  { pass: repeat(sum(handWrittenFitScore, hot)), count: hot.length * 50 },
  { pass: repeat(sum((lead) => scorer.scoreValue(lead, asOfMs), hot)), count: hot.length * 50 },
]);

// json-rules-engine, as it is meant to be used: the engine and its rules built once, then one `run` per lead with that
// lead's facts, awaited (it is async), each result checked against the hand-written score. It is compared like for
// like with leadkit's explained path (both return the rules that fired), on the same 20,000 leads, with the same
// warm-up and interleaved best-of-3 rounds (a pass of json-rules-engine over 100,000 leads takes about 11 s).
const engine = new Engine(jsonRulesDefinitions() as never, { allowUndefinedFacts: true });
engine.addOperator(
  'containsIgnoreCase',
  (factValue: unknown, value: unknown) => typeof factValue === 'string' && factValue.toLowerCase().includes(String(value).toLowerCase()),
);
engine.addOperator(
  'anyIn',
  (factValue: unknown, value: unknown) => Array.isArray(factValue) && Array.isArray(value) && factValue.some((item) => value.includes(item)),
);
async function jsonRulesScore(lead: Lead): Promise<number> {
  const { events } = await engine.run(jsonRulesFacts(lead));
  let total = 0;
  for (const event of events) total += (event.params as { points: number }).points;
  return total;
}
const subset = leads.slice(0, 20_000);
const expectedScores = Float64Array.from(subset, handWrittenFitScore);
const jsonRulesPass = async (): Promise<number> => {
  let fired = 0;
  for (let index = 0; index < subset.length; index++) {
    const theirs = await jsonRulesScore(subset[index] as Lead);
    if (theirs !== expectedScores[index])
      throw new Error(`json-rules-engine mismatch for ${(subset[index] as Lead).id}: ${theirs} vs ${expectedScores[index]}`);
    fired += theirs;
  }
  return fired;
};
const explainedSubsetPass = (): number => {
  let fired = 0;
  for (let index = 0; index < subset.length; index++) {
    const result = scorer(subset[index] as Lead, options);
    if (result.score !== expectedScores[index]) throw new Error(`leadkit mismatch for ${(subset[index] as Lead).id}`);
    fired += result.score;
  }
  return fired;
};
const [explainedSubset = 0, jsonRules = 0, numberSubset = 0] = await interleavedRates(
  [
    { pass: explainedSubsetPass, count: subset.length },
    { pass: jsonRulesPass, count: subset.length },
    { pass: sum((lead) => scorer.scoreValue(lead, asOfMs), subset), count: subset.length },
  ],
  3,
);

const line = (name: string, ours: number, baseline: number): string =>
  `BENCH ${name} ops_per_s=${Math.round(ours)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(ours / baseline).toFixed(3)}`;
console.log(
  `# 100,000 leads, 20 rules; hand-written ${Math.round(handWritten)}/s, leadkit number ${Math.round(numberOnly)}/s, explained ${Math.round(explained)}/s (checksum ${benchChecksum()})`,
);
console.log(
  `# 20,000 of them: leadkit explained ${Math.round(explainedSubset)}/s, number ${Math.round(numberSubset)}/s (${(numberSubset / jsonRules).toFixed(0)}× json-rules-engine), json-rules-engine ${Math.round(jsonRules)}/s`,
);
console.log(
  `# reading only the rules' fields (no rule applied): ${Math.round(readOnly)}/s: the most any implementation reading these 100,000 leads could reach`,
);
console.log(
  `# in cache (2,000 leads × 50): hand-written ${Math.round(handWrittenHot)}/s, leadkit number ${Math.round(numberOnlyHot)}/s, ratio ${(numberOnlyHot / handWrittenHot).toFixed(3)}, leadkit ${(numberOnlyHot / jsonRules).toFixed(0)}× json-rules-engine`,
);
console.log(line('scoring-vs-handwritten', numberOnly, handWritten));
console.log(line('scoring-explain-vs-handwritten', explained, handWritten));
console.log(line('scoring-vs-json-rules-engine', explainedSubset, jsonRules));
