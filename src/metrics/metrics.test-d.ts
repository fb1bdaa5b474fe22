import { describe, expectTypeOf, it } from 'vitest';
import { b2bFunnel } from '../funnel/index.ts';
import type { Lead } from '../models/lead.ts';
import type { DataDecayReport } from './data-decay.ts';
import { funnelReport, type FunnelDataIssues } from './funnel-report.ts';
import { mergeLeads, type MergeSource } from './merge-leads.ts';
import type { WeightedPipeline } from './pipeline.ts';
import type { SegmentCounts } from './segment.ts';
import type { SpeedToLeadReport } from './speed-to-lead.ts';
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

  it('lists every data issue of the funnel report as a count (a new one must be documented too)', () => {
    expectTypeOf<keyof FunnelDataIssues>().toEqualTypeOf<
      'unknownStageEntries' | 'outOfOrderEntries' | 'negativeCycles' | 'recordsWithoutDate' | 'entriesAfterAsOf' | 'invalidDates' | 'wonWithoutCycleStart'
    >();
    expectTypeOf<FunnelDataIssues[keyof FunnelDataIssues]>().toEqualTypeOf<number>();
    expectTypeOf<WeightedPipeline['recordsWithoutDate'] | WeightedPipeline['invalidDates']>().toEqualTypeOf<number>();
    expectTypeOf<SpeedToLeadReport['invalidDates'] | DataDecayReport['invalidDates'] | SegmentCounts['leadsWithoutDate']>().toEqualTypeOf<number>();
  });

  it('says where merged fields came from, stage history included', () => {
    // Indexed by path: a field may be absent (`noUncheckedIndexedAccess`).
    expectTypeOf(mergeLeads({} as Lead, {} as Lead).sources['stageHistory']).toEqualTypeOf<MergeSource | undefined>();
    expectTypeOf<MergeSource>().toEqualTypeOf<'first' | 'second' | 'both'>();
  });

  it('keeps the lead type through a merge', () => {
    type TieredLead = Lead & { tier: 'gold' | 'silver' };
    expectTypeOf(mergeLeads<TieredLead>).returns.toHaveProperty('lead').toEqualTypeOf<TieredLead>();
  });
});
