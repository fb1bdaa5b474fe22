import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import type { Condition } from '../conditions/condition-definition.ts';
import type { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import type { IcpFitSummary } from '../models/prospect.ts';
import type { Result } from '../result.ts';
import { defineIcp, parseIcp, type IcpCriterionKeyOf } from './define-icp.ts';
import type { Icp, IcpDefinition, IcpDefinitionJson } from './icp-definition.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
import { explainIcpMatch } from './explain-icp-match.ts';
import { compileIcp, matchIcp, type IcpCriterionResult, type IcpGrade, type IcpMatch } from './match-icp.ts';
import { rankIcps, type IcpCriterionKeyOfIcp } from './rank-icps.ts';
import { toIcpFitSummary } from './to-icp-fit-summary.ts';

declare const lead: Lead;
declare const asOf: Date;

const icp = defineIcp({
  id: 'typed',
  criteria: {
    industry: { when: { field: 'company.industry', in: ['software'] }, weight: 3 },
    employees: { when: { field: 'company.employeeCount', min: 50, max: 200 } },
  },
});

describe('ICP types', () => {
  it('infers criterion keys as literal types', () => {
    expectTypeOf(icp).toEqualTypeOf<Icp<'industry' | 'employees'>>();
    expectTypeOf<IcpCriterionKeyOf<{ id: 'x'; criteria: { a: { when: { field: 'company.employeeCount'; min: 1 } } } }>>().toEqualTypeOf<'a'>();
    const match = matchIcp(icp, lead, { asOf });
    expectTypeOf(match.matched).toEqualTypeOf<readonly ('industry' | 'employees')[]>();
    expectTypeOf(match.criteria[0]!.key).toEqualTypeOf<'industry' | 'employees'>();
    expectTypeOf(match.grade).toEqualTypeOf<IcpGrade>();
    expectTypeOf<keyof typeof cloudStorageIcp.criteria>().toEqualTypeOf<'industry' | 'employees' | 'revenue' | 'painPoint' | 'intent' | 'decisionMaker'>();
    // @ts-expect-error `size` is not a criterion of this ICP
    icp.criteria.size;
  });

  it('makes a malformed definition in code a type error', () => {
    // @ts-expect-error a criterion needs `when`
    defineIcp({ id: 'x', criteria: { a: { weight: 2 } } });
    // @ts-expect-error weight must be a number
    defineIcp({ id: 'x', criteria: { a: { when: { field: 'company.employeeCount', min: 1 }, weight: 'high' } } });
    // @ts-expect-error not an activity type
    defineIcp({ id: 'x', criteria: { a: { when: { activity: { type: 'fax_sent' } }, withinDays: 3 } } });
    // @ts-expect-error `in` takes a list
    defineIcp({ id: 'x', criteria: { a: { when: { field: 'company.industry', in: 'software' } } } });
    // @ts-expect-error min is a number (money bounds too, in major units)
    defineIcp({ id: 'x', criteria: { a: { when: { field: 'company.annualRevenue', currency: 'USD', min: '10000000' } } } });
    // @ts-expect-error `required` is a boolean
    defineIcp({ id: 'x', criteria: { a: { when: { field: 'source', exists: true }, required: 'yes' } } });
  });

  it('gives each criterion result its condition, and no `kind` any more', () => {
    expectTypeOf<IcpCriterionResult['when']>().toEqualTypeOf<Condition>();
    expectTypeOf<IcpCriterionResult>().not.toHaveProperty('kind');
    expectTypeOf<IcpCriterionResult['status']>().toEqualTypeOf<'matched' | 'missed' | 'unknown'>();
  });

  it('explains a match as one text', () => {
    expectTypeOf(explainIcpMatch(matchIcp(icp, lead, { asOf }))).toEqualTypeOf<string>();
  });

  it('takes asOf as a Date or epoch milliseconds, and nothing else', () => {
    expectTypeOf(matchIcp(icp, lead, { asOf: 1_751_241_600_000 })).toEqualTypeOf<IcpMatch<'industry' | 'employees', Lead>>();
    expectTypeOf(matchIcp(icp, lead, { asOf }).asOf).toEqualTypeOf<Date>();
    // @ts-expect-error an ISO string is not an instant: parse it first
    matchIcp(icp, lead, { asOf: '2025-06-30T00:00:00Z' });
  });

  it('lets extended lead types flow through', () => {
    const TieredLead = Lead.extend({ plan: z.enum(['free', 'pro']) });
    type TieredLead = z.output<typeof TieredLead>;
    const tiered = {} as TieredLead;
    const match = matchIcp(icp, tiered, { asOf });
    expectTypeOf(match).toEqualTypeOf<IcpMatch<'industry' | 'employees', TieredLead>>();
    expectTypeOf(match.lead.plan).toEqualTypeOf<'free' | 'pro'>();
    expectTypeOf(compileIcp(icp)(tiered, { asOf }).lead).toEqualTypeOf<TieredLead>();
    expectTypeOf(rankIcps([icp], tiered, { asOf })[0]!.lead).toEqualTypeOf<TieredLead>();
    expectTypeOf(toIcpFitSummary(match)).toEqualTypeOf<IcpFitSummary>();
    // The extended schema is an option of define, parse and compile; its fields are named by path.
    const byPlan = defineIcp({ id: 'plan', criteria: { pro: { when: { field: 'plan', equals: 'pro' } } } }, { lead: TieredLead });
    expectTypeOf(byPlan).toEqualTypeOf<Icp<'pro'>>();
    expectTypeOf(parseIcp({}, { lead: TieredLead })).toEqualTypeOf<Result<Icp, ValidationError>>();
    compileIcp(byPlan, { lead: TieredLead });
    // @ts-expect-error the lead option is a zod schema of leads, not a field list
    parseIcp({}, { lead: ['plan'] });
    // @ts-expect-error a lead is required
    matchIcp(icp, { id: 'x' }, { asOf });
    // @ts-expect-error asOf is required
    matchIcp(icp, lead, {});
  });

  it('ranks ICPs with different criteria together', () => {
    const ranked = rankIcps([cloudStorageIcp, icp], lead, { asOf });
    expectTypeOf(ranked).toEqualTypeOf<IcpMatch<IcpCriterionKeyOfIcp<typeof cloudStorageIcp> | 'industry' | 'employees', Lead>[]>();
    const both = rankIcps([cloudStorageIcp, midMarketSaasIcp], lead, { asOf });
    // the keys of both ICPs: `revenue` only in cloud-storage, `crm` only in mid-market-saas
    expectTypeOf<'crm' | 'revenue' | 'industry'>().toExtend<(typeof both)[number]['missed'][number]>();
    expectTypeOf<'nope'>().not.toExtend<(typeof both)[number]['missed'][number]>();
    const icps: Icp[] = [cloudStorageIcp, midMarketSaasIcp];
    expectTypeOf(rankIcps(icps, lead, { asOf })).toEqualTypeOf<IcpMatch<string, Lead>[]>();
  });

  it('types the parse results and the schema; there is no safeDefineIcp', () => {
    expectTypeOf(parseIcp({})).toEqualTypeOf<Result<Icp, ValidationError>>();
    expectTypeOf<typeof import('./index.ts')>().not.toHaveProperty('safeDefineIcp');
    expectTypeOf<IcpDefinition>().toEqualTypeOf<z.output<typeof import('./icp-definition.ts').IcpDefinition>>();
    expectTypeOf<IcpDefinitionJson['criteria'][string]['weight']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<IcpDefinition['criteria'][string]['weight']>().toEqualTypeOf<number>();
    expectTypeOf<IcpDefinitionJson['criteria'][string]['when']>().toEqualTypeOf<Condition>();
  });
});
