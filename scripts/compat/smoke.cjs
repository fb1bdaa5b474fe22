// Smoke test of the built package from CommonJS (require): every entry point resolves to its .cjs build, and the
// shared chunks give one schema object, not one per entry.
const assert = require('node:assert/strict');

const root = require('leadkit');
const models = require('leadkit/models');
const frameworks = require('leadkit/frameworks');
const funnel = require('leadkit/funnel');
for (const entry of ['leadkit/icp', 'leadkit/scoring', 'leadkit/metrics', 'leadkit/predict']) assert.ok(Object.keys(require(entry)).length > 5, entry);

assert.equal(root.Lead, models.Lead);
const lead = models.parseLead({ id: 'l1', contact: { email: 'ada@acme.com' }, source: 'webinar', createdAt: '2025-05-01T09:00:00Z' });
assert.equal(lead.ok, true);
const verdict = frameworks.evaluateAssessment(frameworks.bantFramework, { frameworkId: 'bant', criteria: {} }, { asOf: 0 });
assert.equal(verdict.qualified, false);
const captured = funnel.transition(funnel.b2bFunnel, lead.value, { type: 'capture', at: lead.value.createdAt });
assert.equal(captured.ok, true);

console.log(`smoke (CommonJS) ok on Node ${process.versions.node}`);
