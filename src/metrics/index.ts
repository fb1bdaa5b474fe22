/**
 * Funnel and revenue metrics, segmentation and data hygiene: one-pass funnel reports from stage history (conversion,
 * skips, win rate, cycle length, time in stage, cohorts), pipeline figures, unit economics with units in their types,
 * serializable segments, and duplicate detection, merging and data decay for leads.
 *
 * @example
 * ```ts
 * import { funnelReport } from 'leadkit/metrics';
 *
 * const report = funnelReport(leads, { funnel, asOf: new Date('2024-07-01T00:00:00Z'), cohortBy: 'month' });
 * console.log(report.overall.winRate, report.overall.cycleLength.median);
 * ```
 *
 * @module
 */
export { summarizeDistribution, type DistributionSummary } from './distribution.ts';
export {
  funnelReport,
  type FunnelCohort,
  type FunnelCohortBy,
  type FunnelDataIssues,
  type FunnelMetrics,
  type MetricsRecord,
  type FunnelReport,
  type FunnelReportOptions,
  type StageHistoryEntry,
  type StageMetrics,
  type TimeInStage,
  type WindowConversion,
} from './funnel-report.ts';
export { DAYS_PER_MONTH, MILLISECONDS_PER_DAY, toRate, type Days, type Rate } from './rate.ts';
export type { MetricsFunnel, MetricsStage, MetricsStageKind } from './stages.ts';
export {
  findStaleRecords,
  pipelineVelocity,
  weightedPipeline,
  type CurrencyPipeline,
  type FindStaleRecordsOptions,
  type PipelineVelocityInput,
  type StaleRecord,
  type WeightedPipeline,
  type WeightedPipelineOptions,
} from './pipeline.ts';
export {
  DEFAULT_SALES_TOUCH_TYPES,
  speedToLead,
  type SpeedToLeadOptions,
  type SpeedToLeadRecord,
  type SpeedToLeadReport,
} from './speed-to-lead.ts';
export {
  cacPayback,
  clvToCacRatio,
  customerAcquisitionCost,
  customerLifetimeValue,
  leadToCustomerRate,
  type CacPayback,
  type CacPaybackInput,
  type ClvToCacRatioInput,
  type CustomerAcquisitionCostInput,
  type CustomerLifetimeValueInput,
  type LeadToCustomerRateInput,
} from './unit-economics.ts';
export { FREE_EMAIL_DOMAINS, isFreeEmailDomain } from '../internal/free-email-domains.ts';
export { companyDomainOf, domainFromWebsite, leadDedupKeys, normalizeEmail, normalizePhone, type LeadDedupKeys } from './dedup-keys.ts';
export {
  findDuplicates,
  type DuplicateEvidence,
  type DuplicateGroup,
  type DuplicateReason,
  type FindDuplicatesOptions,
} from './find-duplicates.ts';
export { mergeLeads, type MergedLead, type MergeFieldPolicy, type MergePolicy, type MergeSource } from './merge-leads.ts';
export {
  DEFAULT_MONTHLY_DECAY_RATE,
  dataDecayReport,
  expectedValidShare,
  type DataDecayOptions,
  type DataDecayReport,
  type DecayRecord,
} from './data-decay.ts';
export { SegmentCategory, SegmentDefinition, defineSegment, parseSegment, type SegmentDefinitionJson } from './segment-definition.ts';
export { compileSegment, type CompiledSegment } from './compile-segment.ts';
export { segmentLeads, type SegmentCount, type SegmentCounts } from './segment-leads.ts';
export { funnelReportBySegment, type SegmentFunnelMetrics, type SegmentFunnelReport } from './funnel-report-by-segment.ts';
