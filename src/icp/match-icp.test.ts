import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { compileCondition } from '../conditions/compile-condition.ts';
import { ValidationError } from '../errors.ts';
import { MILLISECONDS_PER_DAY } from '../internal/instant.ts';
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
    // Another currency is never converted: the revenue is shown and said not to be comparable.
    expect(revenue?.reason).toBe(
      'USD 10M–50M revenue: unknown, company.annualRevenue is EUR 30,000,000, which this test cannot compare; expected company.annualRevenue between USD 10,000,000 and USD 50,000,000',
    );
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
    // An activity test is never unknown: no activity is a miss.
    expect(match).toMatchObject({ score: 0, grade: 'D', matched: [], missed: ['intent'] });
    const onlyFirmographics = defineIcp({ id: 'f', criteria: { size: { when: { field: 'company.employeeCount', min: 1 } } } });
    expect(matchIcp(onlyFirmographics, makeLead(), { asOf })).toMatchObject({ score: 0, grade: 'D', unknown: ['size'], knownWeightShare: 0 });
  });
});

describe('matchIcp: criterion conditions', () => {
  // The old kinds, written in the one condition language.
  const icp = defineIcp({
    id: 'conditions',
    criteria: {
      industry: { when: { field: 'company.industry', in: ['Software'] } },
      tags: { when: { field: 'company.tags', in: ['enterprise'] } },
      seniority: { when: { field: 'contact.seniority', in: ['vp', 'c_level'] } },
      emailDomain: { when: { field: 'contact.emailDomain', in: ['acme.com'] } },
      source: { when: { field: 'source', in: ['referral'] } },
      employees: { when: { field: 'company.employeeCount', min: 50, max: 200 } },
      techAny: { when: { field: 'company.technologies', in: ['AWS', 'gcp'] } },
      techAll: {
        when: {
          all: [
            { field: 'company.technologies', equals: 'aws' },
            { field: 'company.technologies', equals: 'snowflake' },
          ],
        },
      },
      pain: { when: { field: 'painPoints', contains: 'lack of scalable storage' } },
      title: { when: { field: 'contact.jobTitle', containsWords: ['it director', 'cto'] } },
    },
  });

  it('compares text ignoring case and reads list fields item by item', () => {
    const lead = makeLead({
      contact: { email: 'Ada@ACME.com', seniority: 'vp', jobTitle: 'Director of Sales' },
      source: 'referral',
      company: { name: 'A', industry: 'software', tags: ['smb', 'Enterprise'], employeeCount: 200, technologies: ['aws'] },
      painPoints: ['data silos', 'LACK of scalable storage solutions'],
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

  it('compares exactly only when the condition says caseSensitive: true', () => {
    const exact = defineIcp({ id: 'exact', criteria: { industry: { when: { field: 'company.industry', equals: 'Software', caseSensitive: true } } } });
    const status = (industry: string) => matchIcp(exact, makeLead({ company: { name: 'A', industry } }), { asOf }).criteria[0]?.status;
    expect(status('Software')).toBe('matched');
    expect(status('software')).toBe('missed');
    expect(statuses(matchIcp(icp, makeLead({ company: { name: 'A', industry: 'SOFTWARE' } }), { asOf })).industry).toBe('matched');
  });

  it('reads a pain point as a one-way substring, ignoring case but not spacing', () => {
    // Changed on purpose: the old painPoints kind also matched when the lead's text was part of the phrase, and
    // collapsed spaces. `contains` is one-way (the lead's pain point contains the phrase), and whitespace counts.
    const cases: [string[], string][] = [
      [['Lack of scalable storage solutions'], 'matched'],
      [['LACK OF SCALABLE STORAGE'], 'matched'],
      [['lack of storage'], 'missed'],
      [['  LACK of scalable   storage '], 'missed'],
      [['data silos'], 'missed'],
      [[], 'unknown'],
    ];
    for (const [painPoints, status] of cases) expect(statuses(matchIcp(icp, makeLead({ painPoints }), { asOf })).pain, painPoints.join('|')).toBe(status);
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
    expect(match.criteria.find((criterion) => criterion.key === 'industry')).toMatchObject({
      leadValue: null,
      reason: expect.stringContaining('company.industry is missing'),
    });
    // Empty text counts as missing too (a lead built in code may hold it; the Lead schema refuses it).
    expect(statuses(matchIcp(icp, { ...makeLead(), company: { name: 'A', industry: '' } }, { asOf })).industry).toBe('unknown');
  });

  it('gives each criterion the outcome of its condition, as compileCondition gives it', () => {
    const leads = [
      idealLead,
      makeLead({ contact: {}, company: { name: 'A', technologies: [] } }),
      makeLead({ company: { name: 'B', industry: 'retail', technologies: ['aws', 'snowflake'] } }),
    ];
    for (const lead of leads)
      for (const result of matchIcp(icp, lead, { asOf }).criteria)
        expect(result.status, `${lead.id} ${result.key}`).toBe(compileCondition(result.when).evaluate(lead, { asOf }));
  });

  it('reads fields of extended lead types by path, own properties only', () => {
    const TieredLead = Lead.extend({ plan: z.enum(['free', 'pro', 'enterprise']), account: z.object({ seats: z.number() }) });
    const lead = TieredLead.parse({ ...makeLead(), createdAt: '2025-01-01T00:00:00Z', plan: 'pro', account: { seats: 40 } });
    const tiered = defineIcp(
      {
        id: 'tiered',
        criteria: {
          plan: { when: { field: 'plan', in: ['pro', 'enterprise'] } },
          seats: { when: { field: 'account.seats', min: 25 } },
          custom: { when: { field: 'customFields.tier', in: ['gold'] } },
        },
      },
      { lead: TieredLead },
    );
    const match = matchIcp(tiered, lead, { asOf });
    expect(statuses(match)).toEqual({ plan: 'matched', seats: 'matched', custom: 'unknown' });
    expect(match.lead).toBe(lead);
    expect(match.lead.plan).toBe('pro');
    // Inherited properties are never read: the same values on a prototype are unknown.
    const { plan: _plan, account: _account, ...rest } = lead;
    const inheriting = Object.setPrototypeOf(
      { ...rest, customFields: Object.create({ tier: 'gold' }) as Record<string, never> },
      { plan: 'pro', account: { seats: 40 } },
    ) as Lead;
    expect(statuses(matchIcp(tiered, inheriting, { asOf }))).toEqual({ plan: 'unknown', seats: 'unknown', custom: 'unknown' });
    expect(statuses(matchIcp(tiered, { ...rest, customFields: { tier: 'GOLD' } }, { asOf })).custom).toBe('matched');
    // A path naming an inherited member is refused when the ICP is defined, not read as unknown later.
    expect(() => defineIcp({ id: 'inherited', criteria: { a: { when: { field: 'contact.toString', in: ['x'] } } } }, { lead: TieredLead })).toThrow(
      ValidationError,
    );
  });

  it('never converts money between currencies; bounds are major units', () => {
    const revenue = defineIcp({
      id: 'r',
      criteria: { revenue: { when: { field: 'company.annualRevenue', currency: 'USD', min: 10_000_000, max: 50_000_000 } } },
    });
    const at = (amount: string, currency: string) =>
      matchIcp(revenue, makeLead({ company: { name: 'A', annualRevenue: { amount, currency } } }), { asOf }).criteria[0]?.status;
    expect(at('10000000', 'USD')).toBe('matched');
    expect(at('50000000.00', 'USD')).toBe('matched');
    expect(at('50000000.01', 'USD')).toBe('missed');
    expect(at('9999999.99', 'USD')).toBe('missed');
    expect(at('20000000', 'EUR')).toBe('unknown');
    // A currency without minor units reads the same way.
    const yen = defineIcp({ id: 'y', criteria: { revenue: { when: { field: 'company.annualRevenue', currency: 'JPY', min: 1_000_000_000 } } } });
    expect(matchIcp(yen, makeLead({ company: { name: 'A', annualRevenue: { amount: '1000000000', currency: 'JPY' } } }), { asOf }).criteria[0]?.status).toBe(
      'matched',
    );
    expect(matchIcp(yen, makeLead({ company: { name: 'A', annualRevenue: { amount: '999999999', currency: 'JPY' } } }), { asOf }).criteria[0]?.status).toBe(
      'missed',
    );
  });

  it('counts intent activities inside the window up to asOf only', () => {
    const intent = defineIcp({
      id: 'i',
      criteria: {
        pricing: {
          when: {
            any: [
              { activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 30 },
              { activity: { type: 'email_clicked', url: '*/Pricing*' }, withinDays: 30 },
            ],
          },
        },
        twoDemos: { when: { activity: { type: 'demo_requested' }, withinDays: 30, atLeast: 2 } },
      },
    });
    const check = (activities: unknown[]) => statuses(matchIcp(intent, makeLead({ activities: activities as never }), { asOf }));
    const pricingView = (at: string) => [{ type: 'page_viewed', at, url: '/pricing', pageKind: 'pricing' }];
    expect(check(pricingView(daysAgo(29))).pricing).toBe('matched');
    // The window is inclusive now: an activity exactly 30 days before asOf counts (the old intent kind left it out);
    // one millisecond earlier does not.
    expect(check(pricingView(daysAgo(30))).pricing).toBe('matched');
    expect(check(pricingView(new Date(asOf.getTime() - 30 * MILLISECONDS_PER_DAY - 1).toISOString())).pricing).toBe('missed');
    expect(check(pricingView(asOf.toISOString())).pricing).toBe('matched');
    expect(check(pricingView(new Date(asOf.getTime() + 1).toISOString())).pricing).toBe('missed');
    expect(check([{ type: 'page_viewed', at: daysAgo(1), url: '/blog', pageKind: 'blog' }]).pricing).toBe('missed');
    // URL patterns ignore case, as every text comparison does.
    expect(check([{ type: 'email_clicked', at: daysAgo(1), url: 'https://x.io/pricing?utm=1' }]).pricing).toBe('matched');
    expect(check([{ type: 'email_clicked', at: daysAgo(1), url: 'https://x.io/blog' }]).pricing).toBe('missed');
    expect(check([{ type: 'demo_requested', at: daysAgo(1) }]).twoDemos).toBe('missed');
    expect(
      check([
        { type: 'demo_requested', at: daysAgo(1) },
        { type: 'demo_requested', at: daysAgo(2) },
      ]).twoDemos,
    ).toBe('matched');
    const match = matchIcp(intent, makeLead({ activities: [{ type: 'demo_requested', at: '2025-06-20T12:00:00Z' }] }), { asOf });
    expect(match.criteria[1]?.leadValue).toEqual(['demo_requested on 2025-06-20']);
  });

  it('counts several activity types together in one test, but each part of an any apart', () => {
    const counts = defineIcp({
      id: 'c',
      criteria: {
        together: { when: { activity: { type: ['demo_requested', 'meeting_booked'] }, withinDays: 30, atLeast: 2 } },
        apart: {
          when: {
            any: [
              { activity: { type: 'demo_requested' }, withinDays: 30, atLeast: 2 },
              { activity: { type: 'meeting_booked' }, withinDays: 30, atLeast: 2 },
            ],
          },
        },
      },
    });
    const lead = makeLead({
      activities: [
        { type: 'demo_requested', at: daysAgo(3) },
        { type: 'meeting_booked', at: daysAgo(2) },
      ],
    });
    expect(statuses(matchIcp(counts, lead, { asOf }))).toEqual({ together: 'matched', apart: 'missed' });
  });

  it('combines with any, all and not by three-valued logic', () => {
    const roles = defineIcp({
      id: 'roles',
      criteria: {
        buyer: {
          when: {
            any: [
              { field: 'contact.jobTitle', containsWords: 'cto' },
              { field: 'contact.decisionRole', in: ['economic_buyer'] },
            ],
          },
        },
        seniorBuyer: {
          when: {
            all: [
              { field: 'contact.jobTitle', containsWords: 'cto' },
              { field: 'contact.decisionRole', in: ['economic_buyer'] },
            ],
          },
        },
        notUser: { when: { not: { field: 'contact.decisionRole', equals: 'user' } } },
      },
    });
    const status = (contact: Record<string, string>) => statuses(matchIcp(roles, makeLead({ contact: contact as never }), { asOf }));
    // any: matched if one part is; unknown if none is but one is unknown; missed if every part missed.
    expect(status({ jobTitle: 'CTO' }).buyer).toBe('matched');
    expect(status({ jobTitle: 'Engineer', decisionRole: 'economic_buyer' }).buyer).toBe('matched');
    expect(status({ jobTitle: 'Engineer' }).buyer).toBe('unknown');
    expect(status({ jobTitle: 'Engineer', decisionRole: 'user' }).buyer).toBe('missed');
    // all: missed if one part missed, even when another is unknown; unknown if none missed but one is unknown.
    expect(status({ jobTitle: 'Engineer' }).seniorBuyer).toBe('missed');
    expect(status({ jobTitle: 'CTO' }).seniorBuyer).toBe('unknown');
    expect(status({ jobTitle: 'CTO', decisionRole: 'economic_buyer' }).seniorBuyer).toBe('matched');
    // not keeps unknown unknown: a lead without a decision role is not known to be "not a user".
    expect(status({}).notUser).toBe('unknown');
    expect(status({ decisionRole: 'user' }).notUser).toBe('missed');
    expect(status({ decisionRole: 'champion' }).notUser).toBe('matched');
  });

  it('tests presence with exists, which is never unknown', () => {
    const known = defineIcp({
      id: 'k',
      criteria: { phone: { when: { field: 'contact.phone', exists: true } }, noPhone: { when: { field: 'contact.phone', exists: false } } },
    });
    expect(statuses(matchIcp(known, makeLead({ contact: { phone: '+15550100' } }), { asOf }))).toEqual({ phone: 'matched', noPhone: 'missed' });
    expect(statuses(matchIcp(known, makeLead({ contact: {} }), { asOf }))).toEqual({ phone: 'missed', noPhone: 'matched' });
    expect(statuses(matchIcp(known, { ...makeLead(), contact: { phone: '' } }, { asOf }))).toEqual({ phone: 'missed', noPhone: 'matched' });
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
    expect(match.criteria.find((criterion) => criterion.key === 'student')?.status).toBe('unknown');
  });
});

describe('grades', () => {
  it('uses the default and custom thresholds', () => {
    expect([80, 79, 60, 59, 40, 39, 0].map((score) => icpGrade(score))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
    const strict = defineIcp({ id: 's', grades: { A: 95, B: 90, C: 50 }, criteria: { a: { when: { field: 'company.employeeCount', min: 1 } } } });
    expect(matchIcp(strict, makeLead({ company: { name: 'A', employeeCount: 3 } }), { asOf }).grade).toBe('A');
    const half = defineIcp({
      id: 'h',
      grades: { A: 95, B: 90, C: 50 },
      criteria: { a: { when: { field: 'company.employeeCount', min: 1 } }, b: { when: { field: 'source', equals: 'referral' } } },
    });
    expect(matchIcp(half, makeLead({ company: { name: 'A', employeeCount: 3 } }), { asOf })).toMatchObject({ score: 50, grade: 'C' });
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

  it('takes asOf as a Date or epoch milliseconds', () => {
    const byNumber = matchIcp(cloudStorageIcp, idealLead, { asOf: asOf.getTime() });
    expect(byNumber).toEqual(matchIcp(cloudStorageIcp, idealLead, { asOf }));
    expect(byNumber.asOf).toEqual(asOf);
    // A later asOf moves the intent window: 100 days on, the pricing visit (10 days before asOf) no longer counts.
    expect(statuses(matchIcp(cloudStorageIcp, idealLead, { asOf: asOf.getTime() + 100 * MILLISECONDS_PER_DAY })).intent).toBe('missed');
  });

  it('throws a RangeError for an invalid asOf', () => {
    for (const invalid of [new Date('nope'), Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => matchIcp(cloudStorageIcp, idealLead, { asOf: invalid })).toThrow(RangeError);
      expect(() => matchIcp(cloudStorageIcp, idealLead, { asOf: invalid })).toThrow(/^asOf is not a valid instant/);
      expect(() => compileIcp(cloudStorageIcp)(idealLead, { asOf: invalid })).toThrow(RangeError);
      expect(() => rankIcps([cloudStorageIcp], idealLead, { asOf: invalid })).toThrow(RangeError);
    }
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
    const a = defineIcp({ id: 'a', criteria: { size: { when: { field: 'company.employeeCount', min: 1 } } } });
    const b = defineIcp({ id: 'b', criteria: { size: { when: { field: 'company.employeeCount', min: 1 } } } });
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

  it('explains every criterion with its points, as one text of lines', () => {
    // explainIcpMatch returns one string now (lines joined with \n), no longer an array of lines.
    const text = explainIcpMatch(matchIcp(cloudStorageIcp, idealLead, { asOf }));
    expect(typeof text).toBe('string');
    const lines = text.split('\n');
    expect(lines[0]).toBe('ideal fits cloud-storage 100/100, grade A (checked 100% of the weight)');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('   +22 Technology industry: matched, company.industry is "technology"; expected company.industry is one of technology, software');
    expect(lines[6]).toMatch(
      /^ +\+14 IT director or CTO involved: matched, contact\.jobTitle is "CTO"; expected contact\.jobTitle contains the words "it director"/,
    );
    const disqualified = explainIcpMatch(matchIcp(midMarketSaasIcp, makeLead({ company: { name: 'S', industry: 'retail' } }), { asOf }));
    expect(disqualified.split('\n')[0]).toContain('is disqualified by mid-market-saas (grade F; industry;');
    expect(disqualified).toContain('±0 Free e-mail address: missed, contact.emailKind is "business"; excluded contact.emailKind is free');
  });
});

describe('matchIcp: points per criterion', () => {
  const software = { field: 'company.industry', in: ['software'] } as const;
  const large = { field: 'company.employeeCount', min: 100 } as const;
  const usa = { field: 'company.country', in: ['US'] } as const;
  const lead = makeLead({ company: { name: 'Acme', industry: 'software', employeeCount: 500, country: 'US' } });
  const pointsOf = (criteria: Record<string, { when: typeof software | typeof large | typeof usa; weight: number }>) =>
    matchIcp(defineIcp({ schemaVersion: 1, id: 'p', name: 'P', criteria }), lead, { asOf }).criteria.map((criterion) => criterion.points);

  it('gives the point left over by equal weights to the earliest criterion', () => {
    expect(pointsOf({ a: { when: software, weight: 1 }, b: { when: large, weight: 1 }, c: { when: usa, weight: 1 } })).toEqual([34, 33, 33]);
  });

  it('gives the points left over to the largest remainders', () => {
    expect(pointsOf({ a: { when: software, weight: 1 }, b: { when: large, weight: 2 } })).toEqual([33, 67]);
    expect(pointsOf({ a: { when: software, weight: 2 }, b: { when: large, weight: 1 } })).toEqual([67, 33]);
    // 42.86 and 57.14: the smaller share has the larger remainder, so it gets the point.
    expect(pointsOf({ a: { when: software, weight: 3 }, b: { when: large, weight: 4 } })).toEqual([43, 57]);
  });
});
