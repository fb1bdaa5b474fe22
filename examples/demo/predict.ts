import type { Activity, Lead } from '../../src/models/index.ts';
import { compilePredictor, defineFeatureSpec, evaluateModel, rocAuc, splitByTime, trainModel } from '../../src/predict/index.ts';
import { compileScoringModel, defineScoringModel, scoreAll } from '../../src/scoring/index.ts';
import { demoScoringModel } from './scoring.ts';

const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry', minCount: 15 },
    { kind: 'categorical', name: 'role', label: 'decision role', from: 'contact.decisionRole' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 2000] },
    { kind: 'numeric', name: 'demos', label: 'demos and meetings', from: { activityCount: { type: ['demo_requested', 'meeting_held'] } }, bins: [1] },
    { kind: 'numeric', name: 'pricing', label: 'pricing page views', from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' } }, bins: [1] },
  ],
});

const DAY_MS = 86_400_000;

/** Buying signals: a pricing-page view, a demo request, a meeting booked or held. */
const isHighIntent = (activity: Activity): boolean =>
  (activity.type === 'page_viewed' && activity.pageKind === 'pricing') ||
  activity.type === 'demo_requested' ||
  activity.type === 'meeting_booked' ||
  activity.type === 'meeting_held';

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** How many buying signals closed leads showed before their outcome, and how long before it the last one came. */
function signalsBeforeOutcome(closed: readonly Lead[]): { perLead: number; lastDaysBefore: number | undefined } {
  let total = 0;
  const gaps: number[] = [];
  for (const lead of closed) {
    const outcomeAt = lead.outcome?.at;
    if (outcomeAt === undefined) continue;
    const outcomeMs = outcomeAt.getTime();
    let lastMs = Number.NEGATIVE_INFINITY;
    for (const activity of lead.activities) {
      if (!isHighIntent(activity) || activity.at.getTime() > outcomeMs) continue;
      total++;
      lastMs = Math.max(lastMs, activity.at.getTime());
    }
    if (lastMs !== Number.NEGATIVE_INFINITY) gaps.push((outcomeMs - lastMs) / DAY_MS);
  }
  return { perLead: total / Math.max(1, closed.length), lastDaysBefore: median(gaps) };
}

/**
 * The predictive scoring demo: trains a logistic regression on the sample leads that have outcomes (open leads are
 * right-censored and left out), evaluates it on the newest 30% (time split), and compares it with the rule-based
 * scoring model of the scoring demo (ROC AUC of its scores as of `asOf`, with `rocAuc`), saying why both rank won
 * leads above lost ones; then shows the open lead with the best prediction and its top factors in words.
 */
export function predictDemo(leads: readonly Lead[], asOf: Date): string[] {
  const closed = leads.filter((lead) => lead.outcome !== undefined);
  const won = closed.filter((lead) => lead.outcome?.status === 'won').length;
  const lines = [`Predictive scoring: ${closed.length} leads with outcomes (${won} won, ${closed.length - won} lost), ${leads.length - closed.length} open`];
  const { train: older, test: newer } = splitByTime(closed, { testFraction: 0.3 });
  const heldOut = trainModel(spec, older, { model: 'logistic', l2: { crossValidate: { candidates: [1, 10, 30, 100] } }, minWon: 10, minLost: 10 });
  if (!heldOut.ok) return [...lines, `  ${heldOut.error.message}`];
  const evaluation = evaluateModel(heldOut.value, newer);
  lines.push(
    `  logistic regression trained on the oldest ${older.length}, tested on the newest ${newer.length}: ROC AUC ${evaluation.rocAuc.toFixed(2)}, top-decile lift ${(evaluation.lift[0]?.lift ?? Number.NaN).toFixed(1)}`,
  );
  if (!(evaluation.rocAuc >= 0.65))
    lines.push(`  (${closed.length} outcomes are too few for a reliable model: the held-out AUC is close to chance; see docs/predict.md)`);

  // The rule-based model of the scoring demo, on the same leads: the scores that demo computes, as of asOf.
  const scores = new Map(scoreAll(compileScoringModel(defineScoringModel(demoScoringModel)), leads, { asOf }).map(({ lead, result }) => [lead, result.score]));
  const scoringAuc = (group: readonly Lead[]) =>
    rocAuc(
      group.map((lead) => scores.get(lead) ?? Number.NaN),
      group.map((lead) => lead.outcome?.status === 'won'),
    );
  lines.push(
    `  the rule-based scoring model of part 2 (its scores as of ${asOf.toISOString().slice(0, 10)}): ROC AUC ${scoringAuc(closed).toFixed(2)} over the ${closed.length} closed leads, ${scoringAuc(newer).toFixed(2)} over the newest ${newer.length}`,
    '    (its engagement points decay, so a lead closed months ago is scored on little more than its fit)',
  );
  const wonSignals = signalsBeforeOutcome(closed.filter((lead) => lead.outcome?.status === 'won'));
  const lostSignals = signalsBeforeOutcome(closed.filter((lead) => lead.outcome?.status === 'lost'));
  const lastBefore = (value: number | undefined) => {
    if (value === undefined) return 'none';
    const days = value.toFixed(0);
    return `the last one a median of ${days} ${days === '1' ? 'day' : 'days'} before it`;
  };
  lines.push(
    `  why: before their outcome, won leads showed ${wonSignals.perLead.toFixed(1)} buying signals each (pricing views, demo requests, meetings), ${lastBefore(wonSignals.lastDaysBefore)};`,
    `       lost leads ${lostSignals.perLead.toFixed(1)}, ${lastBefore(lostSignals.lastDaysBefore)}`,
  );
  const model = trainModel(spec, closed, { model: 'logistic', l2: { crossValidate: { candidates: [1, 10, 30, 100] } }, minWon: 10, minLost: 10 });
  if (!model.ok) return [...lines, `  ${model.error.message}`];
  const predictor = compilePredictor(model.value);
  const open = leads.filter((lead) => lead.outcome === undefined);
  let best: Lead | undefined;
  let bestProbability = -1;
  for (const lead of open) {
    const probability = predictor.probability(lead, asOf);
    if (probability > bestProbability) [best, bestProbability] = [lead, probability];
  }
  if (best === undefined) return [...lines, '  no open lead to score'];
  const prediction = predictor.predict(best, { asOf });
  lines.push(
    `  best open lead ${best.id} (${best.contact.jobTitle ?? 'unknown title'} at ${best.company?.name ?? 'unknown company'}): ${(prediction.probability * 100).toFixed(0)}% chance to win, score ${prediction.score}, tier ${prediction.tier.replace('_', ' ')}`,
  );
  for (const reason of prediction.reasons) lines.push(`    - ${reason}`);
  return lines;
}
