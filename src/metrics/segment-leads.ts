import { instantMs, type Instant } from '../internal/instant.ts';
import { recordStartMs } from '../internal/stage-as-of.ts';
import type { Lead } from '../models/lead.ts';
import { compileSegment } from './compile-segment.ts';
import type { SegmentDefinition } from './segment-definition.ts';

/** The count of one segment. */
export interface SegmentCount {
  /** Segment id. */
  readonly id: string;
  /** Segment label. */
  readonly label: string;
  /** Leads in the segment. */
  readonly count: number;
}

/** The result of {@link segmentLeads}. */
export interface SegmentCounts {
  /** Leads created by `asOf` (later ones are left out, as `funnelReportBySegment` leaves them out). */
  readonly total: number;
  /** Leads with no valid date (neither a valid `createdAt` nor a history entry with a valid date); left out. */
  readonly leadsWithoutDate: number;
  /** Leads in no segment. */
  readonly unsegmented: number;
  /** Per segment, in the order given. A lead can be in several segments, so counts may add up to more than `total`. */
  readonly segments: readonly SegmentCount[];
}

/**
 * Counts leads per segment in one pass, as of `asOf`; a lead can belong to several segments. Leads created after
 * `asOf` are left out, as `funnelReportBySegment` leaves them out (a lead's creation is its `createdAt`, else its
 * first history entry with a valid date).
 *
 * @example
 * ```ts
 * const midMarketSaas = defineSegment({ id: 'mid-market-saas', label: 'Mid-market software', when: { all: [
 *   { field: 'company.industry', equals: 'software' }, { field: 'company.employeeCount', min: 50, max: 200 },
 * ] } });
 * const engagedThisMonth = defineSegment({ id: 'engaged-this-month', when: { activity: {}, withinDays: 30 } });
 * segmentLeads([midMarketSaas, engagedThisMonth], leads, { asOf });
 * // on the 400 sample leads (examples/data) as of 2025-06-30:
 * // { total: 400, leadsWithoutDate: 0, unsegmented: 126, segments: [
 * //   { id: 'mid-market-saas', label: 'Mid-market software', count: 24 }, { id: 'engaged-this-month', label: 'engaged-this-month', count: 268 }] }
 * ```
 * @throws RangeError when `asOf` is not a valid instant.
 */
export function segmentLeads(segments: readonly SegmentDefinition[], leads: Iterable<Lead>, options: { readonly asOf: Instant }): SegmentCounts {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const compiled = segments.map((segment) => compileSegment(segment));
  const counts = new Array<number>(compiled.length).fill(0);
  let total = 0;
  let leadsWithoutDate = 0;
  let unsegmented = 0;
  for (const lead of leads) {
    const startMs = recordStartMs(lead);
    if (startMs !== startMs) {
      leadsWithoutDate++;
      continue;
    }
    if (startMs > asOfMs) continue;
    total++;
    let matched = false;
    for (let index = 0; index < compiled.length; index++)
      if (compiled[index]?.holds(lead, asOfMs) === true) {
        counts[index] = (counts[index] as number) + 1;
        matched = true;
      }
    if (!matched) unsegmented++;
  }
  return {
    total,
    leadsWithoutDate,
    unsegmented,
    segments: compiled.map((segment, index) => ({ id: segment.id, label: segment.label, count: counts[index] as number })),
  };
}
