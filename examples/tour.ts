// The README's tour, runnable: npx tsx examples/tour.ts
import { bantFramework, qualifyLead } from '../src/frameworks/index.ts';
import { b2bFunnel, transition } from '../src/funnel/index.ts';
import { cloudStorageIcp, matchIcp, toIcpFitSummary } from '../src/icp/index.ts';
import { parseLead } from '../src/models/index.ts';
import { compileScoringModel, defineScoringModel, explainScore } from '../src/scoring/index.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const parsed = parseLead({
  id: 'lead-42',
  source: 'website_form',
  createdAt: '2025-06-01T09:00:00Z',
  contact: { firstName: 'Ada', email: 'ada@nimbus.io', jobTitle: 'CTO', seniority: 'c_level', decisionRole: 'decision_maker' },
  company: {
    name: 'Nimbus',
    domain: 'nimbus.io',
    industry: 'technology',
    employeeCount: 120,
    country: 'US',
    annualRevenue: { amount: '25000000', currency: 'USD' },
  },
  painPoints: ['lack of scalable storage'],
  activities: [
    { type: 'page_viewed', at: '2025-06-20T10:00:00Z', url: '/pricing', pageKind: 'pricing' },
    { type: 'demo_requested', at: '2025-06-21T10:00:00Z' },
  ],
});
if (!parsed.ok) throw parsed.error; // every problem, with its path
const lead = parsed.value;

const fit = matchIcp(cloudStorageIcp, lead, { asOf }); // score 0–100, grade, per-criterion reasons
const scorer = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'priority',
    rules: [
      // plain JSON, validated once
      { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { technology: 10 } },
      { kind: 'activity', id: 'demo', label: 'Demo requested', activity: { type: 'demo_requested' }, points: 40, decay: { kind: 'halfLife', days: 30 } },
    ],
    grading: { bands: { thresholds: [{ band: 'priority', min: 40, salesReady: true }], otherwise: 'nurture' } },
  }),
);
const score = scorer(lead, { asOf }); // every point explained, decayed as of asOf
const at = new Date('2025-06-25T00:00:00Z');
const prospect = qualifyLead(
  bantFramework,
  lead,
  {
    frameworkId: 'bant',
    criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'strong', assessedAt: at } },
  },
  { asOf, by: 'rep-7', icpFit: toIcpFitSummary(fit), minIcpFit: 60 },
); // Result<Prospect<Lead>, …>
const entered = transition(b2bFunnel, lead, { type: 'capture', at: lead.createdAt ?? asOf }); // { ok, value } | { ok: false, error }

console.log(`ICP fit ${fit.score} (${fit.grade}); score ${score.score.toFixed(1)} (${score.grade})`);
console.log(explainScore(score));
console.log(prospect.ok ? `prospect, qualified by ${prospect.value.qualification.verdict.frameworkId}` : prospect.error.error.message);
console.log(entered.ok ? `funnel stage: ${entered.value.stage}` : entered.error.message);
