import type { Lead } from '../models/lead.ts';
import { createFunnelEngine } from './funnel-engine.ts';
import type { FunnelDataIssues, FunnelMetrics, FunnelReportOptions } from './funnel-report.ts';
import { compileSegment, type SegmentDefinition } from './segment.ts';

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
 * const bySegment = funnelReportBySegment(leads, [midMarketSaas, enterprise], { funnel, asOf });
 * for (const segment of bySegment.segments) console.log(segment.label, segment.metrics.winRate);
 * ```
 * @throws RangeError on the configuration errors `funnelReport` throws for.
 */
export function funnelReportBySegment<L extends Lead>(
  leads: Iterable<L>,
  segments: readonly SegmentDefinition[],
  options: Omit<FunnelReportOptions<L>, 'cohortBy'>,
): SegmentFunnelReport {
  const engine = createFunnelEngine(options as FunnelReportOptions<never>);
  const compiled = segments.map(compileSegment);
  const overall = engine.createAccumulator();
  const accumulators = compiled.map(() => engine.createAccumulator());
  for (const lead of leads) {
    if (!engine.replay(lead)) continue;
    engine.commit(overall);
    for (let index = 0; index < compiled.length; index++)
      if (compiled[index]?.matches(lead, options.asOf)) engine.commit(accumulators[index] as (typeof accumulators)[number]);
  }
  return {
    asOf: options.asOf,
    overall: engine.summarize(overall),
    segments: compiled.map((segment, index) => ({
      id: segment.id,
      label: segment.label,
      metrics: engine.summarize(accumulators[index] as (typeof accumulators)[number]),
    })),
    dataIssues: { ...engine.issues },
  };
}
