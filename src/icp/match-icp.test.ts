import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { Lead } from '../models/lead.ts';
import { toProspect } from '../models/prospect.ts';
import { defineIcp } from './define-icp.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
import { explainIcpMatch } from './explain-icp-match.ts';
import { asOf, daysAgo, makeLead } from './fixtures.test-helpers.ts';
import { compileIcp, icpGrade, matchIcp, type IcpMatch } from './match-icp.ts';
import { rankIcps } from './rank-icps.ts';
import { toIcpFitSummary } from './to-icp-fit-summary.ts';

function statuses(match: IcpMatch): Record<string, string> {
  return Object.fromEntries(match.criteria.map((criterion) => [criterion.key, criterion.status]));
}

function pointsOf(match: IcpMatch): Record<string, number> {
  return Object.fromEntries(match.criteria.map((criterion) => [criterion.key, criterion.points]));
}

const idealLead = makeLead({
  id: 'ideal',
  contact: { firstName: 'Ada', email: 'ada@stor.io', jobTitle: 'CTO', seniority: 'c_level' },
  company: {
    name: 'Stor',
    domain: 'stor.io',
    industry: 'technology',
    employeeCount: 120,
    annualRevenue: { amount: '25000000', currency: 'USD' },
    technologies: ['aws'],
  },
  painPoints: ['Lack of scalable storage'],
  activities: [{ type: 'page_viewed', at: daysAgo(10), url: 'https://stor.io/pricing', pageKind: 'pricing' }],
});

describe('matchIcp on the cloud-storage ICP (worked examples)', () => {
  // Weights: industry 3, employees 2, revenue 2, painPoint 2, intent 3, decisionMaker 2 (14 in all).
  it('gives a lead that fits on every criterion 100, grade A', () => {
    const match = matchIcp(cloudStorageIcp, idealLead, { asOf });
    expect(match).toMatchObject({ icpId: 'cloud-storage', score: 100, grade: 'A', disqualified: false, unknownWeight: 0, knownWeightShare: 1 });
    expect(match.matched).toEqual(['industry', 'employees', 'revenue', 'painPoint', 'intent', 'decisionMaker']);
    // 100 × weight / 14, largest remainders first: 21.43, 14.29, 14.29, 14.29, 21.43, 14.29
    expect(pointsOf(match)).toEqual({ industry: 22, employees: 14, revenue: 14, painPoint: 14, intent: 22, decisionMaker: 14 });
  });

  it('leaves unknown data out of the score and reports its weight', () => {
    const lead = makeLead({
      contact: { jobTitle: 'IT Director' },
      company: { name: 'Big', industry: 'technology', employeeCount: 450, annualRevenue: { amount: '30000000', currency: 'EUR' } },
      activities: [{ type: 'demo_requested', at: daysAgo(5) }],
    });
    const match = matchIcp(cloudStorageIcp, lead, { asOf });
    expect(statuses(match)).toEqual({
      industry: 'matched',
      employees: 'missed',
      revenue: 'unknown',
      painPoint: 'unknown',
      intent: 'matched',
      decisionMaker: 'matched',
    });
    // matched 3 + 3 + 2 = 8 of a known 10 → 80
    expect(match).toMatchObject({ score: 80, grade: 'A', matchedWeight: 8, missedWeight: 2, unknownWeight: 4, totalWeight: 14 });
    expect(match.knownWeightShare).toBeCloseTo(10 / 14, 12);
    expect(pointsOf(match)).toEqual({ industry: 30, employees: 0, revenue: 0, painPoint: 0, intent: 30, decisionMaker: 20 });
    const revenue = match.criteria.find((criterion) => criterion.key === 'revenue');
    expect(revenue?.leadValue).toEqual({ amountMinor: 3_000_000_000, currency: 'EUR' });
    expect(revenue?.reason).toContain('in EUR, not USD (never converted)');
  });

  it('splits points by largest remainder so they add up to the rounded score', () => {
    const lead = makeLead({
      contact: { jobTitle: 'CTO' },
      company: { name: 'Mid', industry: 'technology', employeeCount: 500, annualRevenue: { amount: '5000000', currency: 'USD' } },
      painPoints: ['data silos'],
      activities: [{ type: 'demo_requested', at: daysAgo(1) }],
    });
    const match = matchIcp(cloudStorageIcp, lead, { asOf });
    // 8 / 14 = 57.14 → 57: 21.43 + 21.43 + 14.29, the first remainder gets the spare point
    expect(match).toMatchObject({ score: 57, grade: 'C' });
    expect(pointsOf(match)).toEqual({ industry: 22, employees: 0, revenue: 0, painPoint: 0, intent: 21, decisionMaker: 14 });
  });

  it('gives 0 and grade D when nothing could be checked', () => {
    const match = matchIcp(cloudStorageIcp, makeLead({ contact: {}, activities: [] }), { asOf });
    // intent is never unknown: no activity is a miss
    expect(match).toMatchObject({ score: 0, grade: 'D', matched: [], missed: ['intent'] });
    const onlyFirmographics = defineIcp({ id: 'f', criteria: { size: { kind: 'range', field: 'company.employeeCount', min: 1 } } });
    expect(matchIcp(onlyFirmographics, makeLead(), { asOf })).toMatchObject({ score: 0, grade: 'D', unknown: ['size'], knownWeightShare: 0 });
  });
});

describe('matchIcp: criterion kinds', () => {
  const icp = defineIcp({
    id: 'kinds',
    criteria: {
      industry: { kind: 'oneOf', field: 'company.industry', values: ['Software'] },
      tags: { kind: 'oneOf', field: 'company.tags', values: ['enterprise'] },
      seniority: { kind: 'oneOf', field: 'contact.seniority', values: ['vp', 'c_level'] },
      emailDomain: { kind: 'oneOf', field: 'contact.emailDomain', values: ['acme.com'] },
      source: { kind: 'oneOf', field: 'source', values: ['referral'] },
      employees: { kind: 'range', field: 'company.employeeCount', min: 50, max: 200 },
      techAny: { kind: 'technologies', anyOf: ['AWS', 'gcp'] },
      techAll: { kind: 'technologies', allOf: ['aws', 'snowflake'] },
      pain: { kind: 'painPoints', anyOf: ['lack of scalable storage solutions'] },
      title: { kind: 'jobTitle', anyOf: ['it director', 'cto'] },
    },
  });

  it('compares text ignoring case and reads list fields item by item', () => {
    const lead = makeLead({
      contact: { email: 'Ada@ACME.com', seniority: 'vp', jobTitle: 'Director of Sales' },
      source: 'referral',
      company: { name: 'A', industry: 'software', tags: ['smb', 'Enterprise'], employeeCount: 200, technologies: ['aws'] },
      painPoints: ['  LACK of scalable   storage '],
    });
    expect(statuses(matchIcp(icp, lead, { asOf }))).toEqual({
      industry: 'matched',
      tags: 'matched',
      seniority: 'matched',
      emailDomain: 'matched',
      source: 'matched',
      employees: 'matched',
      techAny: 'matched',
      techAll: 'missed',
      pain: 'matched',
      // "director" alone is not "it director"
      title: 'missed',
    });
  });

  it('matches job titles on whole words only', () => {
    const titles = { 'IT Director': 'matched', 'CTO / Co-founder': 'matched', 'Director, IT': 'missed', Doctor: 'missed', 'Head of IT Security': 'missed' };
    for (const [jobTitle, status] of Object.entries(titles))
      expect(statuses(matchIcp(icp, makeLead({ contact: { jobTitle } }), { asOf })).title, jobTitle).toBe(status);
  });

  it('treats missing data as unknown, never as a miss', () => {
    const match = matchIcp(icp, makeLead({ contact: {}, company: { name: 'A', technologies: [] }, painPoints: [] }), { asOf });
    expect(match.unknown).toEqual(['industry', 'tags', 'seniority', 'emailDomain', 'employees', 'techAny', 'techAll', 'pain', 'title']);
    expect(match.missed).toEqual(['source']);
    expect(match.criteria.find((criterion) => criterion.key === 'industry')).toMatchObject({ leadValue: null, reason: expect.stringContaining('is missing') });
  });

  it('reads fields of extended lead types by path, own properties only', () => {
    const TieredLead = Lead.extend({ plan: z.enum(['free', 'pro', 'enterprise']), account: z.object({ seats: z.number() }) });
    const lead = TieredLead.parse({ ...makeLead(), createdAt: '2025-01-01T00:00:00Z', plan: 'pro', account: { seats: 40 } });
    const tiered = defineIcp({
      id: 'tiered',
      criteria: {
        plan: { kind: 'oneOf', field: 'plan', values: ['pro', 'enterprise'] },
        seats: { kind: 'range', field: 'account.seats', min: 25 },
        custom: { kind: 'oneOf', field: 'customFields.tier', values: ['gold'] },
        inherited: { kind: 'oneOf', field: 'contact.toString', values: ['x'] },
      },
    });
    const match = matchIcp(tiered, lead, { asOf });
    expect(statuses(match)).toEqual({ plan: 'matched', seats: 'matched', custom: 'unknown', inherited: 'unknown' });
    expect(match.lead).toBe(lead);
    expect(match.lead.plan).toBe('pro');
  });

  it('never converts money between currencies', () => {
    const revenue = defineIcp({ id: 'r', criteria: { revenue: { kind: 'moneyRange', currency: 'USD', min: '10000000', max: '50000000' } } });
    const at = (amount: string, currency: string) =>
      matchIcp(revenue, makeLead({ company: { name: 'A', annualRevenue: { amount, currency } } }), { asOf }).criteria[0]?.status;
    expect(at('10000000', 'USD')).toBe('matched');
    expect(at('50000000.00', 'USD')).toBe('matched');
    expect(at('50000000.01', 'USD')).toBe('missed');
    expect(at('9999999.99', 'USD')).toBe('missed');
    expect(at('20000000', 'EUR')).toBe('unknown');
  });

  it('counts intent signals inside the window up to asOf only', () => {
    const intent = defineIcp({
      id: 'i',
      criteria: {
        pricing: { kind: 'intent', signals: [{ activity: 'page_viewed', pageKind: 'pricing' }, { activity: 'email_clicked', urlIncludes: '/Pricing' }], withinDays: 30 },
        twoDemos: { kind: 'intent', signals: [{ activity: 'demo_requested' }], withinDays: 30, minCount: 2 },
      },
    });
    const check = (activities: unknown[]) => statuses(matchIcp(intent, makeLead({ activities: activities as never }), { asOf }));
    expect(check([{ type: 'page_viewed', at: daysAgo(29), url: '/pricing', pageKind: 'pricing' }]).pricing).toBe('matched');
    expect(check([{ type: 'page_viewed', at: daysAgo(30), url: '/pricing', pageKind: 'pricing' }]).pricing).toBe('missed');
    expect(check([{ type: 'page_viewed', at: daysAgo(-1), url: '/pricing', pageKind: 'pricing' }]).pricing).toBe('missed');
    expect(check([{ type: 'page_viewed', at: daysAgo(1), url: '/blog', pageKind: 'blog' }]).pricing).toBe('missed');
    expect(check([{ type: 'email_clicked', at: daysAgo(1), url: 'https://x.io/pricing?utm=1' }]).pricing).toBe('matched');
    expect(check([{ type: 'demo_requested', at: daysAgo(1) }]).twoDemos).toBe('missed');
    expect(check([{ type: 'demo_requested', at: daysAgo(1) }, { type: 'demo_requested', at: daysAgo(2) }]).twoDemos).toBe('matched');
    const match = matchIcp(intent, makeLead({ activities: [{ type: 'demo_requested', at: '2025-06-20T12:00:00Z' }] }), { asOf });
    expect(match.criteria[1]?.leadValue).toEqual(['demo_requested on 2025-06-20']);
  });

  it('combines alternatives with anyOf: matched if any, unknown if none matched but some unknown', () => {
    const roles = defineIcp({
      id: 'roles',
      criteria: {
        buyer: {
          kind: 'anyOf',
          conditions: [
            { kind: 'jobTitle', anyOf: ['cto'] },
            { kind: 'oneOf', field: 'contact.decisionRole', values: ['economic_buyer'] },
          ],
        },
      },
    });
    const status = (contact: Record<string, string>) => matchIcp(roles, makeLead({ contact: contact as never }), { asOf }).criteria[0]?.status;
    expect(status({ jobTitle: 'CTO' })).toBe('matched');
    expect(status({ jobTitle: 'Engineer', decisionRole: 'economic_buyer' })).toBe('matched');
    expect(status({ jobTitle: 'Engineer' })).toBe('unknown');
    expect(status({ jobTitle: 'Engineer', decisionRole: 'user' })).toBe('missed');
  });
});

describe('matchIcp: required and excluded criteria', () => {
  it('grades F with score 0 when an exclusion matches, keeping the score it would have had', () => {
    const student = makeLead({
      contact: { email: 'kim@gmail.com', jobTitle: 'Student', seniority: 'student' },
      company: { name: 'Uni', industry: 'software', employeeCount: 500, country: 'US' },
    });
    const match = matchIcp(midMarketSaasIcp, student, { asOf });
    expect(match).toMatchObject({ grade: 'F', score: 0, disqualified: true, disqualifiedBy: ['student', 'freeEmail'] });
    expect(match.scoreBeforeDisqualification).toBeGreaterThan(0);
    expect(match.criteria.every((criterion) => criterion.points === 0)).toBe(true);
    expect(match.criteria.find((criterion) => criterion.key === 'student')).toMatchObject({ exclude: true, disqualifies: true, status: 'matched' });
  });

  it('grades F when a required criterion misses, but not when its data is unknown', () => {
    const retail = matchIcp(midMarketSaasIcp, makeLead({ company: { name: 'Shop', industry: 'retail' } }), { asOf });
    expect(retail).toMatchObject({ grade: 'F', disqualifiedBy: ['industry'] });
    expect(retail.criteria[0]?.reason).toContain('required, missed: disqualifies');
    const unknownIndustry = matchIcp(midMarketSaasIcp, makeLead({ company: { name: 'Shop', employeeCount: 300 } }), { asOf });
    // employees (2) matched, engagement (2) missed (no activity), everything else unknown
    expect(unknownIndustry).toMatchObject({ disqualified: false, grade: 'C', score: 50, missed: ['engaged'], unknown: expect.arrayContaining(['industry']) });
  });

  it('does not let an unknown exclusion disqualify', () => {
    const match = matchIcp(midMarketSaasIcp, makeLead({ contact: {}, company: { name: 'A', industry: 'software' } }), { asOf });
    expect(match.disqualified).toBe(false);
    expect(match.criteria.find((criterion) => criterion.key === 'competitor')?.status).toBe('unknown');
  });
});

describe('grades', () => {
  it('uses the default and custom thresholds', () => {
    expect([80, 79, 60, 59, 40, 39, 0].map((score) => icpGrade(score))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
    const strict = defineIcp({ id: 's', grades: { A: 95, B: 90, C: 50 }, criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1 } } });
    expect(matchIcp(strict, makeLead({ company: { name: 'A', employeeCount: 3 } }), { asOf }).grade).toBe('A');
  });
});

describe('matchIcp: contract', () => {
  it('does not mutate its inputs', () => {
    const lead = structuredClone(idealLead);
    const icp = structuredClone(cloudStorageIcp);
    const before = { lead: structuredClone(lead), icp: structuredClone(icp) };
    matchIcp(icp, lead, { asOf });
    rankIcps([icp, midMarketSaasIcp], lead, { asOf });
    explainIcpMatch(matchIcp(icp, lead, { asOf }));
    expect({ lead, icp }).toEqual(before);
  });

  it('is reproducible: the same inputs give equal results, compiled or not', () => {
    const matcher = compileIcp(cloudStorageIcp);
    expect(matcher(idealLead, { asOf })).toEqual(matchIcp(cloudStorageIcp, idealLead, { asOf }));
  });

  it('throws a RangeError for an invalid asOf', () => {
    expect(() => matchIcp(cloudStorageIcp, idealLead, { asOf: new Date('nope') })).toThrow(RangeError);
  });
});

describe('rankIcps', () => {
  it('puts the best fit first and disqualified ICPs last', () => {
    const ranked = rankIcps([midMarketSaasIcp, cloudStorageIcp], idealLead, { asOf });
    expect(ranked.map((match) => match.icpId)).toEqual(['cloud-storage', 'mid-market-saas']);
    const retail = makeLead({ company: { name: 'Shop', industry: 'retail', employeeCount: 100 } });
    expect(rankIcps([midMarketSaasIcp, cloudStorageIcp], retail, { asOf }).map((match) => match.grade)).toEqual(['D', 'F']);
  });

  it('keeps the given order on ties', () => {
    const a = defineIcp({ id: 'a', criteria: { size: { kind: 'range', field: 'company.employeeCount', min: 1 } } });
    const b = defineIcp({ id: 'b', criteria: { size: { kind: 'range', field: 'company.employeeCount', min: 1 } } });
    const lead = makeLead({ company: { name: 'A', employeeCount: 5 } });
    expect(rankIcps([a, b], lead, { asOf }).map((match) => match.icpId)).toEqual(['a', 'b']);
    expect(rankIcps([b, a], lead, { asOf }).map((match) => match.icpId)).toEqual(['b', 'a']);
    expect(rankIcps([], lead, { asOf })).toEqual([]);
  });
});

describe('toIcpFitSummary and explainIcpMatch', () => {
  it('feeds toProspect', () => {
    const match = matchIcp(cloudStorageIcp, idealLead, { asOf });
    expect(toIcpFitSummary(match)).toEqual({ icpId: 'cloud-storage', score: 100, grade: 'A' });
    const prospect = toProspect(
      match.lead,
      { verdict: { frameworkId: 'bant', qualified: true, score: 75 }, icpFit: toIcpFitSummary(match), qualifiedAt: asOf, qualifiedBy: 'rep-1' },
      { minIcpFit: 60 },
    );
    expect(prospect.ok).toBe(true);
    const retail = matchIcp(midMarketSaasIcp, makeLead({ company: { name: 'Shop', industry: 'retail' } }), { asOf });
    const refused = toProspect(
      retail.lead,
      { verdict: { frameworkId: 'bant', qualified: true, score: 75 }, icpFit: toIcpFitSummary(retail), qualifiedAt: asOf, qualifiedBy: 'rep-1' },
      { minIcpFit: 0 },
    );
    expect(refused.ok).toBe(false);
  });

  it('explains every criterion with its points', () => {
    const lines = explainIcpMatch(matchIcp(cloudStorageIcp, idealLead, { asOf }));
    expect(lines[0]).toBe('ideal fits cloud-storage 100/100, grade A (checked 100% of the weight)');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^ +\+22 Technology industry: matched, company\.industry is "technology"/);
    const disqualified = explainIcpMatch(matchIcp(midMarketSaasIcp, makeLead({ company: { name: 'S', industry: 'retail' } }), { asOf }));
    expect(disqualified[0]).toContain('is disqualified by mid-market-saas (grade F; industry;');
  });
});
