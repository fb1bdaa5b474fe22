import type { Instant } from '../internal/instant.ts';
import type { ActivityType } from '../models/activity.ts';
import { createSampleBuffer, pushSample, summarizeSamples, type DistributionSummary } from './distribution.ts';
import { instantMs } from '../internal/instant.ts';
import { MILLISECONDS_PER_DAY } from './rate.ts';
import type { MetricsFunnel } from './stages.ts';

/** What {@link speedToLead} reads of a lead (a `Lead` fits). */
export interface SpeedToLeadRecord {
  /** Lead id, listed when the SLA is breached. */
  readonly id: string;
  /** When the lead arrived; a lead without it is counted in `undated` (nothing to measure from). */
  readonly createdAt?: Date | undefined;
  /** Its first stage, used to find the stage's SLA. */
  readonly stage?: string | undefined;
  /** Stage history; the first entry's stage is the one the lead arrived in. */
  readonly stageHistory?: readonly { readonly to: string; readonly at: Date }[] | undefined;
  /** Engagement events. */
  readonly activities?: readonly { readonly type: string; readonly at: Date }[] | undefined;
}

/** The sales touches counted by default: an e-mail sent, a call, a meeting booked or held. */
export const DEFAULT_SALES_TOUCH_TYPES: readonly ActivityType[] = ['email_sent', 'call', 'meeting_booked', 'meeting_held'];

/** Options of {@link speedToLead}. */
export interface SpeedToLeadOptions {
  /** The instant of the report: later leads and touches are ignored. */
  readonly asOf: Instant;
  /** The SLA in hours for every lead; without it, each lead's first stage's `speedToLeadSlaHours` from `funnel`. */
  readonly slaHours?: number;
  /** The funnel whose stages carry `speedToLeadSlaHours`. */
  readonly funnel?: MetricsFunnel;
  /** Activity types that count as a sales touch (default {@link DEFAULT_SALES_TOUCH_TYPES}). */
  readonly touchTypes?: readonly string[];
}

/** The result of {@link speedToLead}. */
export interface SpeedToLeadReport {
  /**
   * Leads created by `asOf` (leads whose `createdAt` is not a valid date are left out, see `invalidDates`; leads
   * without one, see `undated`).
   */
  readonly leads: number;
  /** Leads without a `createdAt` (an import that did not say when): left out, since there is nothing to measure from. */
  readonly undated: number;
  /** Leads touched by sales at or after their creation. */
  readonly touched: number;
  /** Days from creation to the first touch, over touched leads. */
  readonly responseTime: DistributionSummary;
  /** Leads with an SLA (from `slaHours` or their first stage). */
  readonly withSla: number;
  /** Touched within their SLA. */
  readonly withinSla: number;
  /** Touched late, or not touched and past their SLA. */
  readonly breached: number;
  /** Not touched yet, SLA not over yet. */
  readonly pending: number;
  /** Ids of the breaching leads, in input order. */
  readonly breachedLeadIds: readonly string[];
  /**
   * Dates that are not valid dates: a lead's `createdAt` (the lead is left out) or a sales touch's `at` (the touch is
   * ignored). Never compared, never in `responseTime`.
   */
  readonly invalidDates: number;
}

/**
 * Speed to lead: how fast sales first touched each new lead (an e-mail sent, a call, a meeting), and how many leads
 * breached the SLA, as of `asOf`, in one pass. Touches before a lead's creation (outbound sequences) do not count.
 *
 * @example
 * ```ts
 * const report = speedToLead(leads, { asOf, slaHours: 24 });
 * report.responseTime.median; // days
 * report.breached;            // touched late, or still waiting past 24 hours
 * ```
 * @throws RangeError when `asOf` is not a valid date.
 */
export function speedToLead(leads: Iterable<SpeedToLeadRecord>, options: SpeedToLeadOptions): SpeedToLeadReport {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const touchTypes = new Set<string>(options.touchTypes ?? DEFAULT_SALES_TOUCH_TYPES);
  const stageSla = new Map<string, number>();
  for (const stage of options.funnel?.stages ?? []) if (stage.speedToLeadSlaHours !== undefined) stageSla.set(stage.id, stage.speedToLeadSlaHours);
  const responseTimes = createSampleBuffer();
  const breachedLeadIds: string[] = [];
  let leadCount = 0;
  let touched = 0;
  let withSla = 0;
  let withinSla = 0;
  let pending = 0;
  let invalidDates = 0;
  let undated = 0;
  for (const lead of leads) {
    const createdAt = lead.createdAt;
    if (createdAt === undefined) {
      undated++;
      continue;
    }
    const createdMs = createdAt.getTime();
    if (createdMs !== createdMs) {
      invalidDates++;
      continue;
    }
    if (createdMs > asOfMs) continue;
    leadCount++;
    let firstTouchMs = Infinity;
    const activities = lead.activities;
    if (activities !== undefined) {
      for (let index = 0; index < activities.length; index++) {
        const activity = activities[index] as { readonly type: string; readonly at: Date };
        if (!touchTypes.has(activity.type)) continue;
        const at = activity.at.getTime();
        if (at !== at) {
          invalidDates++;
          continue;
        }
        if (at >= createdMs && at <= asOfMs && at < firstTouchMs) firstTouchMs = at;
      }
    }
    const wasTouched = firstTouchMs !== Infinity;
    if (wasTouched) {
      touched++;
      pushSample(responseTimes, (firstTouchMs - createdMs) / MILLISECONDS_PER_DAY);
    }
    const firstStage = lead.stageHistory?.[0]?.to ?? lead.stage;
    const slaHours = options.slaHours ?? (firstStage === undefined ? undefined : stageSla.get(firstStage));
    if (slaHours === undefined) continue;
    withSla++;
    const deadlineMs = createdMs + slaHours * 3_600_000;
    if (wasTouched ? firstTouchMs <= deadlineMs : asOfMs <= deadlineMs) {
      if (wasTouched) withinSla++;
      else pending++;
    } else breachedLeadIds.push(lead.id);
  }
  return {
    leads: leadCount,
    undated,
    touched,
    responseTime: summarizeSamples(responseTimes),
    withSla,
    withinSla,
    breached: breachedLeadIds.length,
    pending,
    breachedLeadIds,
    invalidDates,
  };
}
