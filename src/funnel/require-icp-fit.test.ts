import { describe, expect, it } from 'vitest';
import { bantFramework } from '../frameworks/builtins/bant.ts';
import { defineIcp } from '../icp/define-icp.ts';
import { cloudStorageIcp, midMarketSaasIcp } from '../icp/example-icps.ts';
import type { Lead } from '../models/lead.ts';
import { addTransitionGuards } from './add-transition-guards.ts';
import { defineFunnel } from './define-funnel.ts';
import { at, bantVerdict, sampleLead } from './funnel.test-fixtures.ts';
import { b2bFunnelDefinition } from './presets/b2b.ts';
import { requireIcpFit } from './require-icp-fit.ts';
import { requireQualified } from './require-qualified.ts';
import { transition } from './transition.ts';

// sampleLead (software, 120 employees, CTO, no revenue, no pain points, no activities) against the cloud-storage ICP
// (weights: industry 3, employees 2, revenue 2, painPoint 2, intent 3, decisionMaker 2): matched 7 of the 10 known
// weight (intent missed; revenue and pain point unknown), so fit 70, grade B.
const qualifyAt = at('2024-05-03T09:00:00Z');
const event = { type: 'qualify', at: qualifyAt, by: 'rep-7' } as const;
const mql = (overrides: Partial<Lead> = {}): Lead =>
  sampleLead({
    stage: 'mql',
    stageHistory: [
      { from: null, to: 'lead', event: 'capture', at: at('2024-05-01T09:00:00Z') },
      { from: 'lead', to: 'mql', event: 'engage', at: at('2024-05-02T09:00:00Z') },
    ],
    ...overrides,
  });

describe('requireIcpFit', () => {
  it('passes at or above the minimum, naming score and grade, with the fit as evidence', () => {
    expect(requireIcpFit(cloudStorageIcp, 70).check(mql(), event, {})).toEqual({
      passed: true,
      reason: 'ICP cloud-storage fit 70 (grade B) reaches 70; no data for: USD 10M–50M revenue, Needs scalable storage',
      evidence: { icpFit: { icpId: 'cloud-storage', score: 70, grade: 'B' } },
    });
  });

  it('fails below the minimum, naming the missed criteria and the unknown ones', () => {
    const check = requireIcpFit(cloudStorageIcp, 80).check(mql(), event, {});
    expect(check).toEqual({
      passed: false,
      reason:
        'ICP cloud-storage fit 70 (grade B) is below 80; missed: Pricing page or demo request (90 days); no data for: USD 10M–50M revenue, Needs scalable storage',
      evidence: { icpFit: { icpId: 'cloud-storage', score: 70, grade: 'B' } },
    });
  });

  it('never passes a disqualified lead (grade F), naming the required or excluded criteria', () => {
    const guard = requireIcpFit(midMarketSaasIcp, 0);
    const retail = guard.check(mql({ company: { name: 'Shop', industry: 'retail', employeeCount: 300 } }), event, {});
    expect(retail.passed).toBe(false);
    expect(retail.evidence).toEqual({ icpFit: { icpId: 'mid-market-saas', score: 0, grade: 'F' } });
    expect(retail.reason).toMatch(
      /^ICP mid-market-saas fit 0 \(grade F\): disqualified \(required criterion missed: Software or technology; would have scored \d+\)/,
    );
    const student = guard.check(mql({ contact: { email: 'ada@gmail.com', jobTitle: 'Student' } }), event, {});
    expect(student.passed).toBe(false);
    expect(student.reason).toContain('excluded criterion matched: Student or intern');
    expect(student.reason).toContain('excluded criterion matched: Free e-mail address');
  });

  it('leaves unknown data out of the score, and fails when nothing can be checked', () => {
    const bare = mql({ company: undefined, contact: {} });
    const check = requireIcpFit(cloudStorageIcp, 1).check(bare, event, {});
    expect(check.passed).toBe(false);
    expect(check.reason).toBe(
      'ICP cloud-storage fit 0 (grade D) is below 1; missed: Pricing page or demo request (90 days); no data for: Technology industry, 50–200 employees, USD 10M–50M revenue, Needs scalable storage, IT director or CTO involved',
    );
    // Unknown revenue and pain point do not pull a lead that matches what is known below the minimum.
    expect(requireIcpFit(cloudStorageIcp, 100).check(mql({ activities: [{ type: 'demo_requested', at: at('2024-05-02T10:00:00Z') }] }), event, {}).passed).toBe(
      true,
    );
  });

  it('matches as of the event time, never the clock', () => {
    const demo = mql({ activities: [{ type: 'demo_requested', at: at('2024-05-02T10:00:00Z') }] });
    const guard = requireIcpFit(cloudStorageIcp, 100);
    expect(guard.check(demo, event, {}).passed).toBe(true);
    // 120 days later the demo request is outside the intent window (90 days).
    const late = guard.check(demo, { ...event, at: at('2024-08-31T09:00:00Z') }, {});
    expect(late).toMatchObject({ passed: false, evidence: { icpFit: { score: 70 } } });
    expect(guard.check(demo, { ...event, at: new Date(Number.NaN) }, {})).toMatchObject({ passed: false });
  });

  it('refuses an impossible minimum score', () => {
    expect(() => requireIcpFit(cloudStorageIcp, 101)).toThrow(RangeError);
    expect(() => requireIcpFit(cloudStorageIcp, Number.NaN)).toThrow(RangeError);
    expect(() => requireIcpFit(cloudStorageIcp, -1)).toThrow('requireIcpFit: minScore must be a number from 0 to 100, got -1');
    expect(() => requireIcpFit(cloudStorageIcp, '50' as unknown as number)).toThrow('requireIcpFit: minScore must be a number from 0 to 100, got 50');
  });

  it('names itself and its minimum, and names criteria without a label by their key', () => {
    const unlabelled = defineIcp({
      schemaVersion: 1,
      id: 'plain',
      name: 'Plain',
      criteria: {
        size: { when: { field: 'company.employeeCount', min: 1000 }, weight: 1 },
        revenue: { when: { field: 'company.annualRevenue', currency: 'USD', min: 1 }, weight: 1 },
        industry: { when: { field: 'company.industry', in: ['software'] }, weight: 1 },
      },
    });
    const guard = requireIcpFit(unlabelled, 60);
    expect([guard.name, guard.description]).toEqual(['icp-fit', 'ICP plain fit of at least 60']);
    expect(guard.check(mql(), event, {}).reason).toBe('ICP plain fit 50 (grade C) is below 60; missed: size; no data for: revenue');
    expect(requireIcpFit(unlabelled, 90).check(mql({ company: { name: 'Big', industry: 'software', employeeCount: 5000 } }), event, {}).reason).toBe(
      'ICP plain fit 100 (grade A) reaches 90; no data for: revenue',
    );
    // Nothing known, so nothing missed: no "missed" part.
    expect(guard.check(mql({ company: undefined }), event, {}).reason).toBe('ICP plain fit 0 (grade D) is below 60; no data for: size, revenue, industry');
  });

  it('refuses an event whose time is not valid, when called directly', () => {
    const full = requireIcpFit(midMarketSaasIcp, 100);
    expect(full.check(mql(), { ...event, at: new Date(Number.NaN) }, {})).toEqual({
      passed: false,
      reason: 'event.at is not a valid date, so the ICP fit cannot be matched',
    });
  });

  it('does not mutate its input', () => {
    const lead = mql({ activities: [{ type: 'demo_requested', at: at('2024-05-02T10:00:00Z') }] });
    const before = structuredClone(lead);
    const icpBefore = structuredClone(cloudStorageIcp);
    requireIcpFit(cloudStorageIcp, 60).check(lead, event, {});
    expect(lead).toEqual(before);
    expect(cloudStorageIcp).toEqual(icpBefore);
  });
});

describe('requireIcpFit in a funnel', () => {
  const qualifying = {
    frameworkId: 'bant',
    criteria: {
      budget: { rating: 'strong' as const, assessedAt: qualifyAt },
      authority: { rating: 'strong' as const, assessedAt: qualifyAt },
      need: { rating: 'strong' as const, assessedAt: qualifyAt },
    },
  };
  const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['icp-fit', 'bant'] }), {
    guards: { 'icp-fit': requireIcpFit(cloudStorageIcp, 60), bant: requireQualified(bantFramework, () => qualifying) },
  });

  it('puts the fit into the prospect qualification when the lead enters the qualified stage', () => {
    const result = transition(funnel, mql(), event);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.stage).toBe('sql');
    expect(result.prospect?.qualification).toMatchObject({
      verdict: { frameworkId: 'bant', qualified: true },
      icpFit: { icpId: 'cloud-storage', score: 70, grade: 'B' },
      qualifiedAt: qualifyAt,
      qualifiedBy: 'rep-7',
    });
  });

  it("prefers the guard's fit to one carried by the event", () => {
    const icpOnly = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['icp-fit'] }), {
      guards: { 'icp-fit': requireIcpFit(cloudStorageIcp, 60) },
    });
    const result = transition(icpOnly, mql(), { ...event, qualification: { ...bantVerdict, icpFit: { icpId: 'other', score: 99, grade: 'A' } } });
    expect(result.ok && result.prospect?.qualification.icpFit).toEqual({ icpId: 'cloud-storage', score: 70, grade: 'B' });
  });

  it('refuses a poor fit with the guard name and its reason, leaving the record as it was', () => {
    const lead = mql({ company: { name: 'Shop', industry: 'retail', employeeCount: 5000 }, contact: { jobTitle: 'Buyer' } });
    const before = structuredClone(lead);
    const result = transition(funnel, lead, event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('guard_failed');
    expect(result.error.failedGuards).toEqual([
      {
        guard: 'icp-fit',
        reason:
          'ICP cloud-storage fit 0 (grade D) is below 60; missed: Technology industry, 50–200 employees, Pricing page or demo request (90 days), IT director or CTO involved; no data for: USD 10M–50M revenue, Needs scalable storage',
      },
    ]);
    expect(lead).toEqual(before);
  });
});
