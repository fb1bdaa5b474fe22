// Smoke test of the built package, as a user installs it (ESM). Run by scripts/compat.sh in a temporary project that
// has installed the packed tarball; it imports every entry point and runs one short job through each core domain.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const root = await import('leadkit');
const models = await import('leadkit/models');
const frameworks = await import('leadkit/frameworks');
const funnel = await import('leadkit/funnel');
const metrics = await import('leadkit/metrics');
for (const entry of ['leadkit/icp', 'leadkit/scoring', 'leadkit/predict']) assert.ok(Object.keys(await import(entry)).length > 5, entry);

// models: JSON in, Dates out, errors as values
const lead = models.parseLead({ id: 'l1', contact: { email: 'ada@acme.com' }, source: 'webinar', createdAt: '2025-05-01T09:00:00Z' });
assert.equal(lead.ok, true);
assert.ok(lead.value.createdAt instanceof Date);
assert.equal(models.parseLead({ id: 'l2' }).ok, false);
assert.equal(models.moneyToDecimal(models.money('12.50', 'USD')), '12.50');

// frameworks: a built-in framework read back from JSON, an assessment evaluated as of a date
const bant = frameworks.parseFramework(JSON.parse(JSON.stringify(frameworks.bantFramework)));
assert.equal(bant.ok, true);
const assessedAt = '2025-05-02T10:00:00Z';
const assessment = frameworks.parseAssessment(
  frameworks.bantFramework,
  {
    frameworkId: 'bant',
    criteria: { budget: { rating: 'strong', assessedAt }, authority: { rating: 'strong', assessedAt }, need: { rating: 'strong', assessedAt } },
  },
  { asOf: Date.parse('2025-05-10T00:00:00Z') },
);
assert.equal(assessment.ok, true);
const verdict = frameworks.evaluateAssessment(frameworks.bantFramework, assessment.value, { asOf: new Date('2025-05-10T00:00:00Z') });
assert.equal(verdict.qualified, true);

// funnel: a pure transition and a diagram
const captured = funnel.transition(funnel.b2bFunnel, lead.value, { type: 'capture', at: lead.value.createdAt });
assert.equal(captured.ok && captured.value.stage, 'lead');
assert.match(funnel.toMermaid(funnel.b2bFunnel), /^stateDiagram-v2\n/);

// metrics: one pass over the funnel's records
const report = metrics.funnelReport([captured.value], { funnel: funnel.b2bFunnel, asOf: new Date('2025-06-01T00:00:00Z') });
assert.equal(report.overall.records, 1);

// the root entry re-exports the others; JSON Schemas ship beside the code
assert.equal(root.evaluateAssessment, frameworks.evaluateAssessment);
const require = createRequire(import.meta.url);
assert.equal(require('leadkit/schemas/Lead.json').type, 'object');

console.log(`smoke (ESM) ok on Node ${process.versions.node}`);
