import { instantDate, instantMs } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { compileSegment } from './compile-segment.ts';
import { createFunnelEngine } from './funnel-engine.ts';
import type { FunnelDataIssues, FunnelMetrics, FunnelReportOptions } from './funnel-report.ts';
import type { SegmentDefinition } from './segment-definition.ts';

/** The funnel figures of one segment. */
export interface SegmentFunnelMetrics {
  /** Segment id. */
  readonly id: string;
  /** Segment label. */
  readonly label: string;
  /** Its funnel figures. */
  readonly metrics: FunnelMetrics;
}

/** The result of {@link funnelReportBySegment}. */
export interface SegmentFunnelReport {
  /** The instant the report describes. */
  readonly asOf: Date;
  /** All leads in range. */
  readonly overall: FunnelMetrics;
  /** Per segment, in the order given; a lead counts in every segment it belongs to. */
  readonly segments: readonly SegmentFunnelMetrics[];
  /** Problems found in the data. */
  readonly dataIssues: FunnelDataIssues;
}

/**
 * The funnel report per segment, in one pass: each lead is replayed once and counted in the overall figures and in
 * every segment it matches (membership is evaluated as of `asOf`). Options are those of `funnelReport` without
 * `cohortBy`.
 *
 * @example
 * ```ts
 * const midMarketSaas = defineSegment({ id: 'mid-market-saas', when: { all: [
 *   { field: 'company.industry', equals: 'software' }, { field: 'company.employeeCount', min: 50, max: 200 },
 * ] } });
 * const enterprise = defineSegment({ id: 'enterprise', when: { field: 'company.employeeCount', min: 1000 } });
 * const bySegment = funnelReportBySegment([midMarketSaas, enterprise], leads, { funnel, asOf });
 * for (const segment of bySegment.segments) console.log(segment.label, segment.metrics.winRate);
 * ```
 * @throws RangeError on the configuration errors `funnelReport` throws for.
 */
export function funnelReportBySegment<L extends Lead>(
  segments: readonly SegmentDefinition[],
  leads: Iterable<L>,
  options: Omit<FunnelReportOptions<L>, 'cohortBy'>,
): SegmentFunnelReport {
  const engine = createFunnelEngine(options as FunnelReportOptions<never>);
  const asOfMs = instantMs(options.asOf, 'asOf');
  const compiled = segments.map((segment) => compileSegment(segment));
  const overall = engine.createAccumulator();
  const accumulators = compiled.map(() => engine.createAccumulator());
  for (const lead of leads) {
    if (!engine.replay(lead)) continue;
    engine.commit(overall);
    for (let index = 0; index < compiled.length; index++)
      if (compiled[index]?.holds(lead, asOfMs) === true) engine.commit(accumulators[index] as (typeof accumulators)[number]);
  }
  return {
    asOf: instantDate(options.asOf, 'asOf'),
    overall: engine.summarize(overall),
    segments: compiled.map((segment, index) => ({
      id: segment.id,
      label: segment.label,
      metrics: engine.summarize(accumulators[index] as (typeof accumulators)[number]),
    })),
    dataIssues: { ...engine.issues },
  };
}
