import * as z from 'zod/v4';
import { describe, expect, it } from 'vitest';
import { leadFieldCatalog } from '../conditions/field-path.ts';
import { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel, parseScoringModel, scoringModelFieldIssues } from './define-scoring-model.ts';

const catalog = leadFieldCatalog();
const seen = (model: unknown): [string, string][] => scoringModelFieldIssues(model, catalog).map((problem) => [problem.pathText, problem.code]);

describe('scoringModelFieldIssues', () => {
  it('finds nothing in what is not an object or has no list of rules', () => {
    for (const model of [null, 3, 'x', [{ kind: 'points', when: { field: 'nope' } }]]) expect(scoringModelFieldIssues(model, catalog)).toEqual([]);
    expect(seen({ rules: { 0: { kind: 'points', when: { field: 'nope' } } } })).toEqual([]);
    expect(seen({ rules: [null, 'rule', { kind: 'values' }, { kind: 'values', field: 7, values: { x: 1 } }] })).toEqual([]);
  });

  it('checks the conditions of point rules and gates (nested ones too), and no other kind of rule', () => {
    expect(
      seen({
        rules: [
          { kind: 'points', when: { field: 'company.sise', exists: true } },
          { kind: 'disqualify', when: { all: [{ field: 'source', exists: true }, { not: { field: 'contact.emial', exists: true } }] } },
          { kind: 'activity', when: { field: 'company.sise', exists: true } },
          { kind: 'values', when: { field: 'company.sise', exists: true } },
          { kind: 'points' },
        ],
      }),
    ).toEqual([
      ['rules[0].when.field', 'unknown_field'],
      ['rules[1].when.all[1].not.field', 'unknown_field'],
    ]);
  });

  it('checks the field of value rules and each listed value at its own path, ignoring case unless the rule compares exactly', () => {
    expect(
      seen({
        rules: [
          { kind: 'values', field: 'company.sise', values: { a: 1 } },
          { kind: 'values', field: 'source', values: { Referral: 1, nonsense: 2, EVENT: 3 } },
          { kind: 'values', field: 'source', caseSensitive: true, values: { Referral: 1, referral: 2 } },
          { kind: 'values', field: 'source', values: ['nonsense'] },
          { kind: 'points', field: 'source', values: { nonsense: 1 } },
        ],
      }),
    ).toEqual([
      ['rules[0].field', 'unknown_field'],
      ['rules[1].values.nonsense', 'unknown_value'],
      ['rules[2].values.Referral', 'unknown_value'],
    ]);
  });

  it('checks the field of band rules: a number or an amount of money in a currency', () => {
    const band = (field: string, currency?: unknown) => ({ kind: 'bands', field, ...(currency === undefined ? {} : { currency }), bands: [{ min: 1 }] });
    const problems = scoringModelFieldIssues(
      {
        rules: [
          band('company.employeeCount'),
          band('company.annualRevenue'),
          band('company.annualRevenue', 'EUR'),
          band('company.annualRevenue', 7),
          band('company.employeeCount', 'EUR'),
          band('contact.jobTitle'),
          band('company.sise'),
        ],
      },
      catalog,
    );
    expect(problems.map((problem) => [problem.pathText, problem.code])).toEqual([
      ['rules[1].field', 'currency_required'],
      ['rules[3].field', 'currency_required'],
      ['rules[4].field', 'currency_not_money'],
      ['rules[5].field', 'unsuited_test'],
      ['rules[6].field', 'unknown_field'],
    ]);
    expect(problems[2]?.message).toBe('company.employeeCount is not an amount of money: "currency" does not apply');
  });

  it('checks the conditions of the overrides, skipping what is not an override', () => {
    expect(
      seen({
        grading: { overrides: [{ when: { field: 'source', exists: true } }, 'x', { when: { field: 'company.sise', exists: true } }] },
      }),
    ).toEqual([['grading.overrides[2].when.field', 'unknown_field']]);
    expect(seen({ grading: { overrides: { when: { field: 'company.sise', exists: true } } } })).toEqual([]);
    expect(seen({ grading: 'none' })).toEqual([]);
  });
});

describe('a scoring model against an extended lead', () => {
  const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']) });
  const model = {
    schemaVersion: 1 as const,
    id: 'tier',
    rules: [{ kind: 'values' as const, id: 'tier', label: 'Tier', field: 'accountTier', values: { strategic: 20 } }],
  };

  it('accepts the extended fields with { lead } and refuses them, with a reason, without', () => {
    expect(parseScoringModel(model, { lead: CrmLead }).ok).toBe(true);
    const refused = parseScoringModel(model);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues.map((problem) => [problem.pathText, problem.code])).toEqual([['rules[0].field', 'unknown_field']]);
    expect(() => defineScoringModel(model)).toThrow(ValidationError);
    const typo = parseScoringModel({ ...model, rules: [{ ...model.rules[0], values: { strategik: 20 } }] }, { lead: CrmLead });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.issues.map((problem) => problem.pathText)).toEqual(['rules[0].values.strategik']);
  });

  it('compiles against the schema it was checked with, and refuses one that lacks its fields', () => {
    const defined = defineScoringModel(model, { lead: CrmLead });
    const lead = {
      ...({ id: 'l', contact: {}, company: { name: 'A' }, source: 'referral', createdAt: new Date(0), activities: [] } as Lead),
      accountTier: 'strategic',
    };
    expect(compileScoringModel(defined, { lead: CrmLead })(lead, { asOf: 0 }).score).toBe(20);
    expect(compileScoringModel(defined)(lead, { asOf: 0 }).score).toBe(20);
    let thrown: unknown;
    try {
      compileScoringModel(defined, { lead: Lead });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues.map((problem) => problem.pathText)).toEqual(['rules[0].field']);
    expect((thrown as ValidationError).message).toContain('scoring model');
  });
});
