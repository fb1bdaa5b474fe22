import { describe, expectTypeOf, it } from 'vitest';
import { b2bFunnel } from '../funnel/index.ts';
import type { Lead } from '../models/lead.ts';
import { funnelReport } from './funnel-report.ts';
import { mergeLeads } from './merge-leads.ts';
import { toRate, type Rate } from './rate.ts';
import type { MetricsFunnel } from './stages.ts';

describe('metrics types', () => {
  it('takes a leadkit/funnel definition and leads as they are', () => {
    expectTypeOf(b2bFunnel).toMatchTypeOf<MetricsFunnel>();
    expectTypeOf(funnelReport<Lead>).parameter(0).toEqualTypeOf<Iterable<Lead>>();
    expectTypeOf(funnelReport([] as Lead[], { funnel: b2bFunnel, asOf: new Date(0) }).overall.winRate).toEqualTypeOf<Rate | undefined>();
  });

  it('brands rates, so a plain number is not a Rate', () => {
    expectTypeOf(toRate(0.5)).toEqualTypeOf<Rate>();
    expectTypeOf<number>().not.toMatchTypeOf<Rate>();
  });

  it('keeps the lead type through a merge', () => {
    type TieredLead = Lead & { tier: 'gold' | 'silver' };
    expectTypeOf(mergeLeads<TieredLead>).returns.toHaveProperty('lead').toEqualTypeOf<TieredLead>();
  });
});
