import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { parseIcp } from './define-icp.ts';
import type { Icp, IcpDefinitionJson } from './definition.ts';
import { matchIcp } from './match-icp.ts';
import { rankIcps } from './rank-icps.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const DAY = 86_400_000;
const leads = arbitraryLead({ min: new Date(asOf.getTime() - 200 * DAY), max: new Date(asOf.getTime() + 5 * DAY), maxActivities: 15 });

const weight = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }));
const flags = fc.constantFrom({}, {}, {}, { required: true }, { exclude: true });

// Conditions that never read company.employeeCount, so the property below can vary it alone.
const condition = fc.oneof(
  fc.record({ kind: fc.constant('oneOf'), field: fc.constant('company.industry'), values: fc.subarray(['software', 'technology', 'retail'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('oneOf'), field: fc.constant('contact.seniority'), values: fc.subarray(['student', 'vp', 'c_level', 'manager'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('oneOf'), field: fc.constant('contact.emailDomain'), values: fc.constant(['acme.com', 'globex.com']) }),
  fc.record({ kind: fc.constant('oneOf'), field: fc.constant('company.country'), values: fc.subarray(['US', 'GB', 'DE', 'JP'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('moneyRange'), currency: fc.constantFrom('USD', 'EUR'), min: fc.constantFrom('0', '1000000'), max: fc.constantFrom('50000000', '90000000000') }),
  fc.record({ kind: fc.constant('technologies'), anyOf: fc.subarray(['aws', 'gcp', 'salesforce'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('technologies'), allOf: fc.subarray(['aws', 'gcp', 'salesforce'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('painPoints'), anyOf: fc.subarray(['lack of scalable storage', 'data silos'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('jobTitle'), anyOf: fc.subarray(['cto', 'it director', 'student'], { minLength: 1 }) }),
  fc.record({
    kind: fc.constant('intent'),
    signals: fc.subarray([{ activity: 'demo_requested' }, { activity: 'page_viewed', pageKind: 'pricing' }, { activity: 'email_clicked' }], { minLength: 1 }),
    withinDays: fc.integer({ min: 1, max: 120 }),
    minCount: fc.integer({ min: 1, max: 3 }),
  }),
);
const criterion = fc.tuple(condition, weight, flags).map(([base, criterionWeight, extra]) => ({ ...base, weight: criterionWeight, ...extra }));
const criteria = fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/), criterion, { minKeys: 0, maxKeys: 7 });

function icpFrom(definition: IcpDefinitionJson): Icp {
  const parsed = parseIcp(definition);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const icps = fc.tuple(criteria, fc.double({ min: 0.01, max: 10, noNaN: true })).map(([extra, baseWeight]) =>
  icpFrom({
    id: 'generated',
    criteria: { ...extra, base: { kind: 'oneOf', field: 'source', values: ['website_form', 'referral'], weight: baseWeight } } as IcpDefinitionJson['criteria'],
  }),
);

describe('matchIcp properties', () => {
  it('scores a whole number within 0–100 whose criterion points add up to it exactly', () => {
    fc.assert(
      fc.property(icps, leads, (icp, lead) => {
        const match = matchIcp(icp, lead, { asOf });
        for (const value of [match.score, match.scoreBeforeDisqualification]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        const points = match.criteria.map((result) => result.points);
        expect(points.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
        expect(points.reduce((sum, value) => sum + value, 0)).toBe(match.score);
        for (const result of match.criteria) if (result.points > 0) expect(result.status === 'matched' && !result.exclude).toBe(true);
        expect(match.matchedWeight + match.missedWeight + match.unknownWeight).toBeCloseTo(match.totalWeight, 9);
        expect(match.knownWeightShare).toBeGreaterThanOrEqual(0);
        expect(match.knownWeightShare).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('grades F exactly when disqualified, and any matched exclusion disqualifies', () => {
    fc.assert(
      fc.property(icps, leads, (icp, lead) => {
        const match = matchIcp(icp, lead, { asOf });
        expect(match.grade === 'F').toBe(match.disqualified);
        const excludedHit = match.criteria.some((result) => result.exclude && result.status === 'matched');
        const requiredMiss = match.criteria.some((result) => result.required && result.status === 'missed');
        expect(match.disqualified).toBe(excludedHit || requiredMiss);
        if (excludedHit) expect(match).toMatchObject({ grade: 'F', score: 0 });
      }),
      { numRuns: 300 },
    );
  });

  it('never scores unknown data below a miss, nor above a match', () => {
    const employees = fc.tuple(weight, flags.filter((extra) => !('exclude' in extra)));
    fc.assert(
      fc.property(icps, leads, employees, (generated, lead, [employeeWeight, extra]) => {
        const icp = icpFrom({
          ...generated,
          criteria: { ...generated.criteria, employees: { kind: 'range', field: 'company.employeeCount', min: 50, max: 200, weight: employeeWeight, ...extra } },
        } as IcpDefinitionJson);
        const company = { name: 'Acme', ...lead.company };
        delete company.employeeCount;
        const variant = (employeeCount?: number): Lead => ({ ...lead, company: employeeCount === undefined ? company : { ...company, employeeCount } });
        const unknown = matchIcp(icp, variant(), { asOf });
        const missed = matchIcp(icp, variant(10_000), { asOf });
        const matched = matchIcp(icp, variant(120), { asOf });
        expect(unknown.unknown).toContain('employees');
        expect(unknown.score).toBeGreaterThanOrEqual(missed.score);
        expect(unknown.scoreBeforeDisqualification).toBeGreaterThanOrEqual(missed.scoreBeforeDisqualification);
        expect(matched.scoreBeforeDisqualification).toBeGreaterThanOrEqual(unknown.scoreBeforeDisqualification);
        if (!missed.disqualified) expect(unknown.disqualified).toBe(false);
        expect(unknown.disqualified).toBe(matched.disqualified);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not mutate the lead or the ICP', () => {
    fc.assert(
      fc.property(icps, leads, (icp, lead) => {
        const before = { icp: structuredClone(icp), lead: structuredClone(lead) };
        const first = matchIcp(icp, lead, { asOf });
        expect(matchIcp(icp, lead, { asOf })).toEqual(first);
        expect({ icp, lead }).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('survives a JSON round trip of the ICP with the same results', () => {
    fc.assert(
      fc.property(icps, leads, (icp, lead) => {
        const stored = parseIcp(JSON.parse(JSON.stringify(icp)));
        expect(stored.ok).toBe(true);
        if (stored.ok) expect(matchIcp(stored.value, lead, { asOf })).toEqual(matchIcp(icp, lead, { asOf }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('rankIcps properties', () => {
  it('returns every ICP once, qualified fits first by descending score, ties in input order', () => {
    fc.assert(
      fc.property(fc.array(icps, { maxLength: 5 }), leads, (list, lead) => {
        const withIds = list.map((icp, index) => ({ ...icp, id: `icp-${index}` }));
        const ranked = rankIcps(withIds, lead, { asOf });
        expect(ranked.map((match) => match.icpId).sort()).toEqual(withIds.map((icp) => icp.id).sort());
        for (let index = 1; index < ranked.length; index++) {
          const previous = ranked[index - 1];
          const current = ranked[index];
          if (previous === undefined || current === undefined) continue;
          expect(Number(previous.disqualified)).toBeLessThanOrEqual(Number(current.disqualified));
          if (previous.disqualified === current.disqualified) expect(previous.score).toBeGreaterThanOrEqual(current.score);
        }
      }),
      { numRuns: 100 },
    );
  });
});

// Near-valid definitions: real kinds with any kind of value in each field, so refinements meet half-valid data.
const junkValue = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.array(fc.oneof(fc.string(), fc.integer())), fc.constantFrom('10.555', '1e7', 'USD', 'contact.seniority', 'vp'));
const nearValidCriterion = fc.record(
  {
    kind: fc.constantFrom('oneOf', 'range', 'moneyRange', 'technologies', 'painPoints', 'jobTitle', 'intent', 'anyOf'),
    field: fc.oneof(fc.constantFrom('contact.seniority', 'company.country', 'source', 'company.employeeCount', '__proto__.x'), junkValue),
    values: junkValue,
    min: junkValue,
    max: junkValue,
    currency: fc.oneof(fc.constantFrom('USD', 'JPY', 'KWD'), junkValue),
    anyOf: junkValue,
    allOf: junkValue,
    signals: fc.oneof(fc.array(fc.record({ activity: fc.constantFrom('page_viewed', 'call'), pageKind: junkValue, urlIncludes: junkValue }, { requiredKeys: [] })), junkValue),
    withinDays: junkValue,
    conditions: fc.oneof(fc.array(fc.record({ kind: fc.constantFrom('oneOf', 'range', 'anyOf'), field: junkValue, values: junkValue })), junkValue),
    weight: junkValue,
    required: junkValue,
    exclude: junkValue,
  },
  { requiredKeys: ['kind'] },
);

describe('parseIcp properties', () => {
  it('never throws on near-valid definitions, and every accepted one matches leads', () => {
    fc.assert(
      fc.property(fc.record({ id: fc.string(), criteria: fc.dictionary(fc.string(), nearValidCriterion, { maxKeys: 4 }), grades: junkValue }, { requiredKeys: ['id', 'criteria'] }), leads, (input, lead) => {
        const parsed = parseIcp(input);
        if (parsed.ok) expect(matchIcp(parsed.value, lead, { asOf }).score).toBeGreaterThanOrEqual(0);
        else expect(parsed.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary input and explains every refusal with a path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json().map((text) => JSON.parse(text) as unknown), fc.record({ id: fc.string(), criteria: fc.anything() })), (input) => {
        const parsed = parseIcp(input);
        if (!parsed.ok) for (const found of parsed.error.issues) expect(typeof found.pathText).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
