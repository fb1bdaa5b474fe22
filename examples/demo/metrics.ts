/**
 * The metrics part of `npm run demo`: the funnel report of the sample records (leads with B2B stage history, as the
 * funnel demo leaves them), conversion by source, pipeline velocity, stale records, speed to lead, duplicates and
 * data decay.
 */
import { b2bFunnel } from '../../src/funnel/index.ts';
import { dataDecayReport, findDuplicates, findStaleRecords, funnelReport, pipelineVelocity, speedToLead, toRate, type Rate } from '../../src/metrics/index.ts';
import type { Lead } from '../../src/models/lead.ts';
import type { LeadSource } from '../../src/models/lead-source.ts';
import { moneyToDecimal } from '../../src/models/money.ts';

const percent = (rate: Rate | undefined) => (rate === undefined ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
const days = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} d`);
/** A response time in days, in the unit a sales manager reads it in: minutes, hours or days. */
const responseTime = (value: number | undefined) =>
  value === undefined ? 'n/a' : value < 1 / 24 ? `${Math.round(value * 1440)} min` : value < 2 ? `${(value * 24).toFixed(1)} h` : days(value);

/** Lead sources grouped by how the lead came, as marketing attribution reports group them. */
const channels: readonly { readonly label: string; readonly sources: readonly LeadSource[] }[] = [
  { label: 'referred', sources: ['referral', 'partner'] },
  { label: 'inbound web', sources: ['website_form', 'organic_search', 'paid_ads'] },
  { label: 'content and events', sources: ['content_download', 'webinar', 'event'] },
  { label: 'newsletter and social', sources: ['newsletter', 'social'] },
  { label: 'outbound', sources: ['cold_email', 'cold_call', 'purchased_list'] },
  { label: 'other', sources: ['other'] },
];
const channelOf = (source: LeadSource): string => channels.find((channel) => channel.sources.includes(source))?.label ?? 'other';

/** Returns the lines of the metrics demo for records with B2B stage history, as of `asOf`. */
export function metricsDemo(records: readonly Lead[], asOf: Date): string[] {
  const report = funnelReport(records, { funnel: b2bFunnel, asOf, cohortBy: 'month', conversionWindowDays: 90 });
  const overall = report.overall;
  const lines = [
    `Funnel report as of ${asOf.toISOString().slice(0, 10)}: ${overall.records} records, ${overall.won} won, ${overall.lost} lost, ${overall.disqualified} disqualified, ${overall.open} open`,
    `Win rate won / (won + lost): ${percent(overall.winRate)}; won within 90 days (mature records): ${percent(overall.conversionWithinWindow?.rate)}`,
    `Sales cycle (creation → won): median ${days(overall.cycleLength.median)}, p75 ${days(overall.cycleLength.p75)}, p90 ${days(overall.cycleLength.p90)}`,
    '  stage          entered  → next   converted  skipped  now   median days in stage',
  ];
  for (const stage of overall.stages) {
    if (stage.entered === 0 && stage.skipped === 0) continue;
    lines.push(
      `  ${stage.id.padEnd(14)} ${String(stage.entered).padStart(6)}  ${percent(stage.nextStageConversionRate).padStart(6)}  ${percent(stage.conversionRate).padStart(9)}  ${String(stage.skipped).padStart(7)}  ${String(stage.current).padStart(4)}   ${days(stage.timeInStage.latest.median)}`,
    );
  }
  const cohorts = report.cohorts.map((cohort) => `${cohort.key}: ${cohort.metrics.won}/${cohort.metrics.records}`);
  lines.push(`Monthly cohorts (won/records): ${cohorts.join(', ')}`);

  // Conversion by channel, as Olist reports it by origin (there from 2.7 % to 16.3 % of MQLs won). 400 leads are too
  // few for 14 sources (a handful of wins each), so sources are grouped by how the lead came.
  const bySource = funnelReport(records, { funnel: b2bFunnel, asOf, cohortBy: (record) => channelOf(record.source) });
  lines.push(`Conversion by channel (won / records; overall ${percent(toRate(overall.won / Math.max(1, overall.records)))}):`);
  lines.push(`  ${'channel'.padEnd(54)} records   won   conv.  median cycle`);
  for (const channel of channels) {
    const metrics = bySource.cohorts.find((cohort) => cohort.key === channel.label)?.metrics;
    if (metrics === undefined) continue;
    lines.push(
      `  ${`${channel.label} (${channel.sources.join(', ')})`.padEnd(54)} ${String(metrics.records).padStart(7)} ${String(metrics.won).padStart(5)}  ${percent(toRate(metrics.won / metrics.records)).padStart(6)}  ${days(metrics.cycleLength.median).padStart(12)}`,
    );
  }

  // Pipeline velocity from the data: open opportunities × win rate × average won deal size ÷ median cycle.
  const wonAmounts = records.flatMap((record) => (record.outcome?.status === 'won' && record.outcome.amount !== undefined ? [record.outcome.amount] : []));
  const currency = wonAmounts[0]?.currency;
  const sameCurrency = wonAmounts.filter((amount) => amount.currency === currency);
  const opportunities = overall.stages.find((stage) => stage.id === 'opportunity')?.current ?? 0;
  if (currency !== undefined && overall.winRate !== undefined && overall.cycleLength.median !== undefined && overall.cycleLength.median > 0) {
    const averageDealSize = { amountMinor: Math.round(sameCurrency.reduce((sum, amount) => sum + amount.amountMinor, 0) / sameCurrency.length), currency };
    const velocity = pipelineVelocity({ opportunities, winRate: overall.winRate, averageDealSize, cycleLengthDays: overall.cycleLength.median });
    lines.push(
      `Pipeline velocity: ${opportunities} open opportunities × ${percent(overall.winRate)} × ${moneyToDecimal(averageDealSize)} ${currency} ÷ ${days(overall.cycleLength.median)} = ${moneyToDecimal(velocity)} ${currency} a day`,
    );
  }

  const stale = findStaleRecords(records, { funnel: b2bFunnel, asOf });
  const worst = stale[0];
  lines.push(
    `Stale records (past their stage's rotting days): ${stale.length}${worst === undefined ? '' : `; most overdue ${worst.record.id}, ${worst.daysInStage.toFixed(0)} days in ${worst.stageId} (limit ${worst.rottingDays})`}`,
  );
  const speed = speedToLead(records, { asOf, funnel: b2bFunnel });
  const slaHours = b2bFunnel.stages.find((stage) => stage.id === 'lead')?.speedToLeadSlaHours;
  lines.push(
    `Speed to lead: ${speed.touched}/${speed.leads} touched by sales, first touch after median ${responseTime(speed.responseTime.median)}, p75 ${responseTime(speed.responseTime.p75)}, p90 ${responseTime(speed.responseTime.p90)}`,
    `  SLA (${slaHours ?? '?'} h for a new lead): ${speed.withinSla} met, ${speed.breached} breached (${percent(speed.withSla === 0 ? undefined : toRate(speed.breached / speed.withSla))}, untouched leads past the deadline included), ${speed.pending} pending`,
  );
  const duplicates = findDuplicates(records);
  lines.push(
    `Likely duplicates: ${duplicates.length} group(s)${duplicates[0] === undefined ? '' : `, e.g. ${duplicates[0].leads.map((lead) => lead.id).join(' + ')} (${duplicates[0].evidence.map((evidence) => evidence.reason).join(', ')})`}`,
  );
  const decay = dataDecayReport(records, { asOf, maxAgeDays: 180 });
  lines.push(
    `Data decay: ${decay.staleIds.length} record(s) not verified for 180 days (${decay.neverVerified} never verified); expected still valid at 2%/month: ${percent(decay.expectedValidShare)}`,
  );
  return lines;
}
