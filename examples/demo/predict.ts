import type { Lead } from '../../src/models/index.ts';
import { createPredictor, defineFeatureSpec, evaluateModel, splitByTime, train } from '../../src/predict/index.ts';

const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry', minCount: 15 },
    { kind: 'categorical', name: 'role', label: 'decision role', from: 'contact.decisionRole' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 2000] },
    { kind: 'numeric', name: 'demos', label: 'demos and meetings', from: { activityCount: { types: ['demo_requested', 'meeting_held'] } }, bins: [1] },
    { kind: 'numeric', name: 'pricing', label: 'pricing page views', from: { activityCount: { types: ['page_viewed'], pageKinds: ['pricing'] } }, bins: [1] },
  ],
});

/**
 * The predictive scoring demo: trains a logistic regression on the sample leads that have outcomes (open leads are
 * right-censored and left out), evaluates it on the newest 30% (time split), then shows the open lead with the
 * best prediction and its top factors in words.
 */
export function predictDemo(leads: readonly Lead[], asOf: Date): string[] {
  const closed = leads.filter((lead) => lead.outcome !== undefined);
  const won = closed.filter((lead) => lead.outcome?.status === 'won').length;
  const lines = [`Predictive scoring: ${closed.length} leads with outcomes (${won} won, ${closed.length - won} lost), ${leads.length - closed.length} open`];
  const { train: older, test: newer } = splitByTime(closed, { testFraction: 0.3 });
  const heldOut = train(spec, older, { model: 'logistic', l2: { crossValidate: { candidates: [1, 10, 30, 100] } }, minWon: 10, minLost: 10 });
  if (!heldOut.ok) return [...lines, `  ${heldOut.error.message}`];
  const evaluation = evaluateModel(heldOut.value, newer);
  lines.push(
    `  logistic regression trained on the oldest ${older.length}, tested on the newest ${newer.length}: ROC AUC ${evaluation.rocAuc.toFixed(2)}, top-decile lift ${(evaluation.lift[0]?.lift ?? Number.NaN).toFixed(1)}`,
  );
  if (!(evaluation.rocAuc >= 0.65))
    lines.push(`  (${closed.length} outcomes are too few for a reliable model: the held-out AUC is close to chance; see docs/predict.md)`);
  const model = train(spec, closed, { model: 'logistic', l2: { crossValidate: { candidates: [1, 10, 30, 100] } }, minWon: 10, minLost: 10 });
  if (!model.ok) return [...lines, `  ${model.error.message}`];
  const predictor = createPredictor(model.value);
  const open = leads.filter((lead) => lead.outcome === undefined);
  let best: Lead | undefined;
  let bestProbability = -1;
  for (const lead of open) {
    const probability = predictor.probability(lead, asOf);
    if (probability > bestProbability) [best, bestProbability] = [lead, probability];
  }
  if (best === undefined) return [...lines, '  no open lead to score'];
  const prediction = predictor.predict(best, asOf);
  lines.push(
    `  best open lead ${best.id} (${best.contact.jobTitle ?? 'unknown title'} at ${best.company?.name ?? 'unknown company'}): ${(prediction.probability * 100).toFixed(0)}% chance to win, score ${prediction.score}, tier ${prediction.tier.replace('_', ' ')}`,
  );
  for (const reason of prediction.reasons) lines.push(`    - ${reason}`);
  return lines;
}
