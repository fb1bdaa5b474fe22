import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import type { IcpFitSummary } from '../models/prospect.ts';
import type { Result } from '../result.ts';
import { defineIcp, parseIcp, safeDefineIcp, type IcpCriterionKeyOf } from './define-icp.ts';
import type { Icp, IcpDefinition, IcpDefinitionJson } from './definition.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
import { compileIcp, matchIcp, type IcpGrade, type IcpMatch } from './match-icp.ts';
import { rankIcps, type IcpCriterionKeyOfIcp } from './rank-icps.ts';
import { toIcpFitSummary } from './to-icp-fit-summary.ts';

declare const lead: Lead;
declare const asOf: Date;

const icp = defineIcp({
  id: 'typed',
  criteria: {
    industry: { kind: 'oneOf', field: 'company.industry', values: ['software'], weight: 3 },
    employees: { kind: 'range', field: 'company.employeeCount', min: 50, max: 200 },
  },
});

describe('ICP types', () => {
  it('infers criterion keys as literal types', () => {
    expectTypeOf(icp).toEqualTypeOf<Icp<'industry' | 'employees'>>();
    expectTypeOf<IcpCriterionKeyOf<{ id: 'x'; criteria: { a: { kind: 'range'; field: 'x'; min: 1 } } }>>().toEqualTypeOf<'a'>();
    const match = matchIcp(icp, lead, { asOf });
    expectTypeOf(match.matched).toEqualTypeOf<readonly ('industry' | 'employees')[]>();
    expectTypeOf(match.criteria[0]!.key).toEqualTypeOf<'industry' | 'employees'>();
    expectTypeOf(match.grade).toEqualTypeOf<IcpGrade>();
    expectTypeOf<keyof typeof cloudStorageIcp.criteria>().toEqualTypeOf<'industry' | 'employees' | 'revenue' | 'painPoint' | 'intent' | 'decisionMaker'>();
    // @ts-expect-error `size` is not a criterion of this ICP
    icp.criteria.size;
  });

  it('makes a malformed definition in code a type error', () => {
    // @ts-expect-error `between` is not a kind
    defineIcp({ id: 'x', criteria: { a: { kind: 'between', field: 'company.employeeCount' } } });
    // @ts-expect-error weight must be a number
    defineIcp({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1, weight: 'high' } } });
    // @ts-expect-error not an activity type
    defineIcp({ id: 'x', criteria: { a: { kind: 'intent', signals: [{ activity: 'fax_sent' }], withinDays: 3 } } });
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

  it('types the parse results and the schema', () => {
    expectTypeOf(parseIcp({})).toEqualTypeOf<Result<Icp, ValidationError>>();
    expectTypeOf(safeDefineIcp({ id: 'x', criteria: { a: { kind: 'range', field: 'x', min: 1 } } })).toEqualTypeOf<Result<Icp<'a'>, ValidationError>>();
    expectTypeOf<IcpDefinition>().toEqualTypeOf<z.output<typeof import('./definition.ts').IcpDefinition>>();
    expectTypeOf<IcpDefinitionJson['criteria'][string]['weight']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<IcpDefinition['criteria'][string]['weight']>().toEqualTypeOf<number>();
  });
});
