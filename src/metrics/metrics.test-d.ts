import { describe, expectTypeOf, it } from 'vitest';
import { b2bFunnel } from '../funnel/index.ts';
import type { ValidationError } from '../errors.ts';
import type { Lead } from '../models/lead.ts';
import type { Result } from '../result.ts';
import type { DataDecayReport } from './data-decay.ts';
import { funnelReport, type FunnelDataIssues } from './funnel-report.ts';
import { mergeLeads, type MergeSource } from './merge-leads.ts';
import type { WeightedPipeline } from './pipeline.ts';
import { compileSegment, type CompiledSegment } from './compile-segment.ts';
import { funnelReportBySegment } from './funnel-report-by-segment.ts';
import { defineSegment, parseSegment, type SegmentCategory, type SegmentDefinition } from './segment-definition.ts';
import { segmentLeads, type SegmentCounts } from './segment-leads.ts';
import type { SpeedToLeadReport } from './speed-to-lead.ts';
import { toRate, type Rate } from './rate.ts';
import type { MetricsFunnel } from './stages.ts';

describe('metrics types', () => {
  it('takes a leadkit/funnel definition and leads as they are', () => {
    expectTypeOf(b2bFunnel).toMatchTypeOf<MetricsFunnel>();
    expectTypeOf(funnelReport<Lead>)
      .parameter(0)
      .toEqualTypeOf<Iterable<Lead>>();
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
    expectTypeOf(mergeLeads<TieredLead>)
      .returns.toHaveProperty('lead')
      .toEqualTypeOf<TieredLead>();
  });

  it('types segments: definitions first, asOf as a Date or epoch milliseconds', () => {
    const executives = defineSegment({ id: 'executives', category: 'demographic', when: { field: 'contact.seniority', in: ['vp', 'c_level'] } });
    expectTypeOf(executives.id).toEqualTypeOf<'executives'>();
    expectTypeOf(executives).toExtend<SegmentDefinition>();
    expectTypeOf(parseSegment({})).toEqualTypeOf<Result<SegmentDefinition, ValidationError>>();
    expectTypeOf<SegmentCategory>().toEqualTypeOf<'demographic' | 'firmographic' | 'behavioral' | 'engagement' | 'mixed'>();
    // @ts-expect-error British spelling is not a category
    defineSegment({ id: 's', category: 'behavioural', when: { activity: {}, withinDays: 30 } });
    // @ts-expect-error a segment has a condition `when`, no longer a `rule`
    defineSegment({ id: 's', rule: { type: 'field', field: 'source', operator: 'exists' } });
    const leads: Lead[] = [];
    expectTypeOf(segmentLeads([executives], leads, { asOf: new Date(0) })).toEqualTypeOf<SegmentCounts>();
    segmentLeads([executives], leads, { asOf: 0 });
    // @ts-expect-error leads no longer come first
    segmentLeads(leads, [executives], { asOf: new Date(0) });
    // @ts-expect-error leads no longer come first
    funnelReportBySegment(leads, [executives], { funnel: b2bFunnel, asOf: new Date(0) });
    const compiled = compileSegment(executives);
    expectTypeOf(compiled).toEqualTypeOf<CompiledSegment<Lead>>();
    expectTypeOf(compiled.matches({} as Lead, { asOf: 0 })).toEqualTypeOf<boolean>();
    // @ts-expect-error matches takes an options object, not a bare date
    compiled.matches({} as Lead, new Date(0));
  });
});
