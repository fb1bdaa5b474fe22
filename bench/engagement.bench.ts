/**
 * Engagement scoring speed: 100,000 leads with 30 activities each, five activity rules with half-life decay,
 * per-rule points caps and an engagement group cap, leadkit's compiled model (number only) against a hand-written
 * loop. Both sides are checked to agree (to 1e-9: the group cap is applied in proportion by leadkit and with
 * `Math.min` by hand) before timing. Run: npx tsx bench/engagement.bench.ts
 */
import type { Lead } from '../src/models/index.ts';
import { compileScoringModel, defineScoringModel } from '../src/scoring/index.ts';
import { generateLeads } from '../src/testing/index.ts';
import { engagementBenchModel } from './engagement-model.ts';
import { benchChecksum, rate } from './harness.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 100_000, asOf, activities: { min: 30, max: 30 }, outcomes: false });
const DAY = 86_400_000;

const model = engagementBenchModel;
const scorer = compileScoringModel(defineScoringModel(model));

const perMs = (days: number): number => 1 / (days * DAY);
const pricingRate = perMs(30);
const openRate = perMs(14);
const clickRate = perMs(21);
const downloadRate = perMs(45);
const demoRate = perMs(60);

function handWritten(lead: Lead, asOfMs: number): number {
  let pricing = 0;
  let open = 0;
  let click = 0;
  let download = 0;
  let demo = 0;
  for (const activity of lead.activities) {
    const age = asOfMs - activity.at.getTime();
    if (age < 0) continue;
    switch (activity.type) {
      case 'page_viewed':
        if (activity.pageKind === 'pricing') pricing += 10 * 0.5 ** (age * pricingRate);
        break;
      case 'email_opened':
        open += 1 * 0.5 ** (age * openRate);
        break;
      case 'email_clicked':
        click += 3 * 0.5 ** (age * clickRate);
        break;
      case 'content_downloaded':
        download += 8 * 0.5 ** (age * downloadRate);
        break;
      case 'demo_requested':
        demo += 25 * 0.5 ** (age * demoRate);
        break;
      default:
        break;
    }
  }
  const total = Math.min(pricing, 30) + Math.min(open, 5) + Math.min(click, 15) + Math.min(download, 24) + demo;
  return Math.min(total, 60);
}

const asOfMs = asOf.getTime();
for (const lead of leads) {
  const ours = scorer.scoreValue(lead, asOfMs);
  const theirs = handWritten(lead, asOfMs);
  if (Math.abs(ours - theirs) > 1e-9 || ours !== scorer(lead, { asOf }).score) throw new Error(`mismatch for ${lead.id}: ${ours} vs ${theirs}`);
}

const baseline = rate(() => {
  let total = 0;
  for (let index = 0; index < leads.length; index++) total += handWritten(leads[index] as Lead, asOfMs);
  return total;
}, leads.length);
const ours = rate(() => {
  let total = 0;
  for (let index = 0; index < leads.length; index++) total += scorer.scoreValue(leads[index] as Lead, asOfMs);
  return total;
}, leads.length);
console.log(`# 100,000 leads × 30 activities; checksum ${benchChecksum().toFixed(0)}`);
console.log(`BENCH engagement-vs-handwritten ops_per_s=${Math.round(ours)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(ours / baseline).toFixed(3)}`);
