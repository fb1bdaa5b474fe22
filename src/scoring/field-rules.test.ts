import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import { isFieldRule, wholePointsBound } from './field-rules.ts';
import type { ScoringModelJson, ScoringRule } from './scoring-model-definition.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const lead = (company: Lead['company']): Lead => ({
  id: 'l',
  contact: {},
  company,
  source: 'referral',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
});
const compile = (rules: ScoringModelJson['rules']) => compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'm', rules }));
const pointsOf = (scorer: ReturnType<typeof compile>, company: Lead['company']): [string, number][] =>
  scorer(lead(company), { asOf }).contributions.map((item) => [item.ruleId, item.points]);

describe('rules on an amount of money', () => {
  it('compare the amount in major units of the rule’s currency, bounds included, and ignore other currencies', () => {
    const scorer = compile([
      {
        kind: 'bands',
        id: 'revenue',
        label: 'Revenue',
        field: 'company.annualRevenue',
        currency: 'USD',
        bands: [
          { min: 0, max: 1_000_000, points: 5 },
          { min: 1_000_000, points: 9 },
        ],
      },
      { kind: 'points', id: 'big', label: 'Big', when: { field: 'company.annualRevenue', currency: 'USD', min: 2_000_000 }, points: 3 },
      { kind: 'points', id: 'yen', label: 'Yen', when: { field: 'company.annualRevenue', currency: 'JPY', max: 500 }, points: 1 },
    ]);
    const usd = (amountMinor: number) => ({ name: 'A', annualRevenue: { amountMinor, currency: 'USD' } });
    expect(pointsOf(scorer, usd(100_000_000))).toEqual([['revenue', 5]]);
    expect(pointsOf(scorer, usd(100_000_001))).toEqual([['revenue', 9]]);
    expect(pointsOf(scorer, usd(200_000_000))).toEqual([
      ['revenue', 9],
      ['big', 3],
    ]);
    expect(pointsOf(scorer, usd(199_999_999))).toEqual([['revenue', 9]]);
    // Yen have no minor unit: 500 is 500 yen.
    expect(pointsOf(scorer, { name: 'A', annualRevenue: { amountMinor: 500, currency: 'JPY' } })).toEqual([['yen', 1]]);
    expect(pointsOf(scorer, { name: 'A', annualRevenue: { amountMinor: 501, currency: 'JPY' } })).toEqual([]);
    expect(pointsOf(scorer, { name: 'A', annualRevenue: { amountMinor: 300_000_000, currency: 'EUR' } })).toEqual([]);
    expect(pointsOf(scorer, { name: 'A' })).toEqual([]);
  });
});

describe('band rules sharing a field with other rules', () => {
  it('keep their bounds inclusive and the first band that holds', () => {
    const scorer = compile([
      {
        kind: 'bands',
        id: 'size',
        label: 'Size',
        field: 'company.employeeCount',
        bands: [
          { min: 50, max: 200, points: 5 },
          { min: 100, points: 50 },
        ],
      },
      { kind: 'values', id: 'exact', label: 'Exact', field: 'company.employeeCount', values: { '120': 3 } },
    ]);
    const size = (employeeCount: number) => pointsOf(scorer, { name: 'A', employeeCount });
    expect(size(49)).toEqual([]);
    expect(size(50)).toEqual([['size', 5]]);
    expect(size(120)).toEqual([
      ['size', 5],
      ['exact', 3],
    ]);
    expect(size(200)).toEqual([['size', 5]]);
    expect(size(201)).toEqual([['size', 50]]);
  });
});

describe('value rules on a list', () => {
  it('compare each item exactly when the rule says so, else ignoring case', () => {
    const scorer = compile([
      { kind: 'values', id: 'exact', label: 'Exact', field: 'company.technologies', caseSensitive: true, values: { aws: 5, GCP: 7 } },
      { kind: 'values', id: 'folded', label: 'Folded', field: 'company.technologies', values: { aws: 1, Café: 2 }, otherwise: -1 },
    ]);
    const tech = (technologies: string[]) => pointsOf(scorer, { name: 'A', technologies });
    expect(tech(['AWS'])).toEqual([['folded', 1]]);
    expect(tech(['aws', 'gcp'])).toEqual([
      ['exact', 5],
      ['folded', 1],
    ]);
    expect(tech(['GCP', 'CAFÉ'])).toEqual([
      ['exact', 7],
      ['folded', 2],
    ]);
    expect(tech(['oracle'])).toEqual([['folded', -1]]);
    expect(tech([])).toEqual([]);
  });
});

describe('isFieldRule', () => {
  it('is true for value and band rules and point rules on one field, false for the rest', () => {
    const rules: [ScoringRule, boolean][] = [
      [{ kind: 'values', id: 'v', label: 'V', field: 'source', values: { referral: 1 } }, true],
      [{ kind: 'bands', id: 'b', label: 'B', field: 'company.employeeCount', bands: [{ min: 1, points: 1 }] }, true],
      [{ kind: 'points', id: 'p', label: 'P', when: { field: 'source', exists: true }, points: 1 }, true],
      [{ kind: 'points', id: 'q', label: 'Q', when: { all: [{ field: 'source', exists: true }] }, points: 1 }, false],
      [{ kind: 'activity', id: 'a', label: 'A', activity: { type: 'email_opened' }, points: 1 }, false],
      [{ kind: 'disqualify', id: 'd', label: 'D', when: { field: 'source', exists: true } }, false],
    ];
    for (const [rule, expected] of rules) expect(isFieldRule(rule), rule.id).toBe(expected);
  });
});

describe('wholePointsBound', () => {
  it('is the largest magnitude a rule can give, a thousand listed values for a value rule, Infinity for fractions', () => {
    expect(wholePointsBound({ kind: 'values', id: 'v', label: 'V', field: 'source', values: { a: 3, b: -7 }, otherwise: 2 })).toBe(7000);
    expect(wholePointsBound({ kind: 'values', id: 'v', label: 'V', field: 'source', values: { a: 3 }, otherwise: -9 })).toBe(9000);
    expect(wholePointsBound({ kind: 'values', id: 'v', label: 'V', field: 'source', values: {} })).toBe(0);
    expect(wholePointsBound({ kind: 'values', id: 'v', label: 'V', field: 'source', values: { a: 0.5 } })).toBe(Infinity);
    expect(
      wholePointsBound({
        kind: 'bands',
        id: 'b',
        label: 'B',
        field: 'company.employeeCount',
        bands: [
          { min: 1, points: 5 },
          { min: 0, points: -9 },
        ],
      }),
    ).toBe(9);
    expect(wholePointsBound({ kind: 'bands', id: 'b', label: 'B', field: 'company.employeeCount', bands: [{ min: 1, points: 1.5 }] })).toBe(Infinity);
    expect(wholePointsBound({ kind: 'points', id: 'p', label: 'P', when: { field: 'source', exists: true }, points: -4 })).toBe(4);
    expect(wholePointsBound({ kind: 'points', id: 'p', label: 'P', when: { field: 'source', exists: true }, points: 2 ** 53 })).toBe(Infinity);
    expect(wholePointsBound({ kind: 'activity', id: 'a', label: 'A', activity: { type: 'email_opened' }, points: 1 })).toBe(Infinity);
    expect(wholePointsBound({ kind: 'disqualify', id: 'd', label: 'D', when: { field: 'source', exists: true } })).toBe(Infinity);
  });
});
