import { compileFieldReader } from '../conditions/field-path.ts';
import { parseFunnel } from '../funnel/define-funnel.ts';
import { b2bFunnel } from '../funnel/presets/b2b.ts';
import { hubspotLifecycleFunnel } from '../funnel/presets/hubspot.ts';
import { salesforceLeadStatusFunnel } from '../funnel/presets/salesforce-lead.ts';
import { salesforceOpportunityFunnel } from '../funnel/presets/salesforce-opportunity.ts';
import type { DistributionSummary } from '../metrics/distribution.ts';
import { type FunnelMetrics, type FunnelReport, funnelReport, type MetricsRecord, type StageHistoryEntry } from '../metrics/funnel-report.ts';
import type { MetricsFunnel } from '../metrics/stages.ts';
import { CliError, EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { csvLine } from './csv-line.ts';
import { openInput } from './open-input.ts';
import { createProgress } from './progress.ts';
import { readAsOf, readDefinition } from './read-definition.ts';
import { readLeadRowBatches } from './read-lead-rows.ts';
import { type MappingOptions, resolveMapping } from './resolve-mapping.ts';
import { parseInputFormat } from './score-command.ts';

/** Options of `leadkit report`. */
export interface ReportCommandOptions extends MappingOptions {
  readonly funnel?: string | undefined;
  readonly asOf?: string | undefined;
  readonly by?: string | undefined;
  readonly format?: string | undefined;
  readonly encoding?: string | undefined;
  readonly input?: string | undefined;
  readonly progress?: boolean | undefined;
}

/** The funnel presets `--funnel` takes by name. */
const FUNNELS: Readonly<Record<string, MetricsFunnel>> = {
  b2b: b2bFunnel,
  hubspot: hubspotLifecycleFunnel,
  'salesforce-lead': salesforceLeadStatusFunnel,
  'salesforce-opportunity': salesforceOpportunityFunnel,
};

/** A lead reduced to what the funnel report reads, so that a large file is not held in memory as leads. */
interface ReportRecord extends MetricsRecord {
  readonly cohort: string | undefined;
}

function funnelFrom(io: CliIo, options: ReportCommandOptions): { readonly funnel: MetricsFunnel; readonly name: string } {
  const name = options.funnel ?? (options.preset === 'hubspot' ? 'hubspot' : options.preset?.startsWith('salesforce') === true ? 'salesforce-lead' : 'b2b');
  const preset = FUNNELS[name];
  if (preset !== undefined) return { funnel: preset, name };
  if (!name.toLowerCase().endsWith('.json'))
    throw new CliError(`--funnel ${JSON.stringify(name)}: not a funnel preset (${Object.keys(FUNNELS).join(', ')}) nor a .json file`, EXIT_USAGE);
  return { funnel: readDefinition(io.cwd, name, '--funnel', 'funnel', (input) => parseFunnel(input)), name };
}

const days = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(1));
const percent = (value: number | undefined): string => (value === undefined ? '-' : `${(value * 100).toFixed(1)}%`);
const spread = (summary: DistributionSummary): string => `${days(summary.median)} / ${days(summary.p90)} (n=${summary.count})`;

function metricsTable(metrics: FunnelMetrics): string[] {
  const lines = [
    `records ${metrics.records}: open ${metrics.open}, won ${metrics.won}, lost ${metrics.lost}, disqualified ${metrics.disqualified}; win rate ${percent(metrics.winRate)}`,
    `cycle length in days, median / p90: ${spread(metrics.cycleLength)}`,
    '',
    `  ${'stage'.padEnd(26)} ${'entered'.padStart(8)} ${'advanced'.padStart(9)} ${'conversion'.padStart(11)} ${'skip'.padStart(7)} ${'current'.padStart(8)}  days in stage, median / p90`,
  ];
  for (const stage of metrics.stages)
    lines.push(
      `  ${`${stage.label}${stage.onPath ? '' : ' *'}`.slice(0, 26).padEnd(26)} ${String(stage.entered).padStart(8)} ${String(stage.advanced).padStart(9)} ${percent(stage.conversionRate).padStart(11)} ${percent(stage.skipRate).padStart(7)} ${String(stage.current).padStart(8)}  ${spread(stage.timeInStage.cumulative)}`,
    );
  return lines;
}

function reportCsv(report: FunnelReport): string {
  let text = csvLine([
    'cohort',
    'stage',
    'entered',
    'advanced',
    'entered_next',
    'skipped',
    'current',
    'conversion_rate',
    'skip_rate',
    'days_in_stage_median',
    'days_in_stage_p90',
  ]);
  const rows = (key: string, metrics: FunnelMetrics): void => {
    for (const stage of metrics.stages)
      text += csvLine([
        key,
        stage.id,
        stage.entered,
        stage.advanced,
        stage.enteredNext,
        stage.skipped,
        stage.current,
        stage.conversionRate ?? '',
        stage.skipRate ?? '',
        stage.timeInStage.cumulative.median ?? '',
        stage.timeInStage.cumulative.p90 ?? '',
      ]);
  };
  rows('(all)', report.overall);
  for (const cohort of report.cohorts) rows(cohort.key, cohort.metrics);
  return text;
}

/**
 * `leadkit report`: the funnel report of a file (conversion, cycle length percentiles, time in stage, cohorts) as a
 * table, CSV or JSON. Rows are read as a stream and kept only as their stage history.
 */
export async function reportCommand(io: CliIo, file: string, options: ReportCommandOptions): Promise<number> {
  const asOf = readAsOf(options.asOf, io.now);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json') throw new CliError(`--format ${JSON.stringify(format)}: use table, csv or json`, EXIT_USAGE);
  const { funnel, name: funnelName } = funnelFrom(io, options);
  const inputFormat = parseInputFormat(options.input);
  const by = options.by === 'origin' ? 'source' : options.by;
  const cohortReader = by === undefined || by === 'month' || by === 'week' ? undefined : compileFieldReader(by);
  const mapping = resolveMapping(io.cwd, options);
  const input = await openInput(io, file, inputFormat);
  const progress = createProgress(io.stderr, { enabled: options.progress !== false, elapsed: io.elapsed, size: input.size, bytesRead: input.bytesRead });
  const stop = (): void => input.close();
  io.signal.addEventListener('abort', stop);
  const asOfMs = asOf.getTime();
  const records: ReportRecord[] = [];
  let rows = 0;
  let rejected = 0;
  try {
    for await (const batch of readLeadRowBatches(input, { mapping, encoding: options.encoding })) {
      for (const row of batch) {
        rows++;
        if (!row.ok) {
          rejected++;
          continue;
        }
        const { lead } = row;
        const cohortValue = cohortReader?.(lead, asOfMs);
        records.push({
          createdAt: lead.createdAt,
          stage: lead.stage,
          stageHistory: lead.stageHistory?.map((change): StageHistoryEntry => ({ to: change.to, at: change.at })),
          cohort: cohortValue === undefined || cohortValue === null ? undefined : String(cohortValue),
        });
      }
      progress.tick(rows);
      // Ctrl-C takes effect between batches (a batch is handled without giving the event loop a turn).
      if (io.signal.aborted) break;
    }
  } catch (error) {
    if (!io.signal.aborted) throw error;
  } finally {
    io.signal.removeEventListener('abort', stop);
    progress.done();
  }
  if (io.signal.aborted) {
    io.stderr.write(`leadkit report: interrupted after ${rows.toLocaleString('en-US')} rows; no report written\n`);
    return EXIT_INTERRUPTED;
  }
  const report = funnelReport(records, {
    funnel,
    asOf,
    ...(by === 'month' || by === 'week' ? { cohortBy: by } : cohortReader === undefined ? {} : { cohortBy: (record: ReportRecord) => record.cohort }),
  });
  if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'csv') io.stdout.write(reportCsv(report));
  else {
    const lines = [`Funnel report: ${funnelName}, as of ${asOf.toISOString()} (${input.name})`, '', ...metricsTable(report.overall)];
    for (const cohort of report.cohorts) lines.push('', `Cohort ${cohort.key}:`, ...metricsTable(cohort.metrics));
    const issues = Object.entries(report.dataIssues).filter(([, count]) => count > 0);
    if (issues.length > 0) lines.push('', `data issues: ${issues.map(([name, count]) => `${name} ${count}`).join(', ')}`);
    lines.push('', '* a side stage (not on the main path)');
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  io.stderr.write(
    `leadkit report: ${records.length.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows read${rejected > 0 ? `, ${rejected} rejected (leadkit score --rejects FILE lists them)` : ''}\n`,
  );
  return rejected > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
