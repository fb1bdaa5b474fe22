/**
 * The Olist marketing funnel (8,000 real MQLs and the 842 deals closed from them) mapped onto leadkit's models and
 * funnel history, and its funnel report: conversion overall and by origin, the MQL-to-won cycle length percentiles
 * overall and by origin, and the monthly cohorts (with conversion within 90 days on mature cohorts only, since the
 * latest leads may still close: they are open, not lost).
 *
 * Run: `npx tsx examples/olist-funnel.ts`. Data: `../shared/data/olist-marketing-funnel/` (CC BY-NC-SA 4.0, Olist;
 * read in place, never copied into the package).
 *
 * Mapping: each MQL is a `Lead` created on `first_contact_date` (midnight UTC) in stage `mql`; a closed deal adds a
 * `win` to `customer` at `won_date` (read as UTC) and a won `outcome`. Bad rows are reported, not dropped silently:
 * a deal won before its lead's first contact is kept as won but left out of the cycle length (the report's
 * `negativeCycles`), blank origins are kept as `(blank)`, and rows that cannot be read at all are listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lead } from '../src/models/lead.ts';
import type { LeadSource } from '../src/models/lead-source.ts';
import { funnelReport, type DistributionSummary, type FunnelMetrics, type FunnelReport, type MetricsFunnel } from '../src/metrics/index.ts';

/** Where the data set lives, from this file: `<repo>/../shared/data/olist-marketing-funnel/`. */
export const OLIST_DIRECTORY = fileURLToPath(new URL('../../shared/data/olist-marketing-funnel/', import.meta.url));

/** Whether both CSV files of the data set are in `directory` (they are not part of the repository: see the README). */
export function hasOlistData(directory: string = OLIST_DIRECTORY): boolean {
  return existsSync(`${directory}/olist_marketing_qualified_leads_dataset.csv`) && existsSync(`${directory}/olist_closed_deals_dataset.csv`);
}

/** The Olist funnel: MQLs are won or still open (the data has no lost deals). */
export const olistFunnel = {
  stages: [
    { id: 'mql', label: 'MQL', kind: 'open' },
    { id: 'customer', label: 'Won', kind: 'won' },
    { id: 'lost', label: 'Lost', kind: 'lost' },
  ],
} as const satisfies MetricsFunnel;

/** A row that could not be mapped as it is, and what was done with it. */
export interface OlistProblem {
  /** File and 1-based line number (the header is line 1). */
  readonly where: string;
  /** What is wrong and what the example did. */
  readonly message: string;
}

/** The mapped data. */
export interface OlistData {
  /** One lead per MQL, with its history. */
  readonly leads: Lead[];
  /** Problems found while mapping. */
  readonly problems: OlistProblem[];
  /** Leads with a blank origin (kept, as `(blank)`). */
  readonly blankOrigins: number;
  /** The end of the data: midnight UTC after the latest event. */
  readonly asOf: Date;
}

/** Splits one CSV line, with double-quoted fields (`"cat, wolf"`). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const values = splitCsvLine(line);
    return Object.fromEntries(header.map((name, index) => [name, values[index] ?? '']));
  });
}

const sources: Record<string, LeadSource> = {
  organic_search: 'organic_search',
  paid_search: 'paid_ads',
  display: 'paid_ads',
  social: 'social',
  referral: 'referral',
  email: 'newsletter',
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * Loads and maps the data set. Never throws on a bad row: it is reported in `problems`.
 *
 * @param directory - the folder holding the two CSV files.
 */
export function loadOlistFunnel(directory: string = OLIST_DIRECTORY): OlistData {
  const problems: OlistProblem[] = [];
  const mqlFile = 'olist_marketing_qualified_leads_dataset.csv';
  const dealFile = 'olist_closed_deals_dataset.csv';
  const deals = new Map<string, { wonAt: Date; line: number }>();
  let latestMs = 0;
  readCsv(`${directory}/${dealFile}`).forEach((row, index) => {
    const wonDate = row['won_date'] ?? '';
    const mqlId = row['mql_id'] ?? '';
    if (!timestampPattern.test(wonDate) || mqlId === '') {
      problems.push({ where: `${dealFile}:${index + 2}`, message: `unreadable won_date ${JSON.stringify(wonDate)} or mql_id; deal left out` });
      return;
    }
    const wonAt = new Date(`${wonDate.replace(' ', 'T')}Z`);
    latestMs = Math.max(latestMs, wonAt.getTime());
    deals.set(mqlId, { wonAt, line: index + 2 });
  });
  const leads: Lead[] = [];
  let blankOrigins = 0;
  const seen = new Set<string>();
  readCsv(`${directory}/${mqlFile}`).forEach((row, index) => {
    const id = row['mql_id'] ?? '';
    const firstContact = row['first_contact_date'] ?? '';
    if (id === '' || !datePattern.test(firstContact) || Number.isNaN(new Date(`${firstContact}T00:00:00Z`).getTime())) {
      problems.push({ where: `${mqlFile}:${index + 2}`, message: `unreadable mql_id or first_contact_date ${JSON.stringify(firstContact)}; lead left out` });
      return;
    }
    seen.add(id);
    const createdAt = new Date(`${firstContact}T00:00:00Z`);
    latestMs = Math.max(latestMs, createdAt.getTime());
    let origin = row['origin'] ?? '';
    if (origin === '') {
      blankOrigins++;
      origin = '(blank)';
    }
    const deal = deals.get(id);
    const lead: Lead = {
      id,
      contact: {},
      source: sources[origin] ?? 'other',
      createdAt,
      stage: deal === undefined ? 'mql' : 'customer',
      stageHistory: [{ from: null, to: 'mql', event: 'import', at: createdAt }],
      activities: [],
      customFields: { origin, landingPageId: row['landing_page_id'] ?? null },
    };
    if (deal !== undefined) {
      lead.stageHistory?.push({ from: 'mql', to: 'customer', event: 'win', at: deal.wonAt });
      lead.outcome = { status: 'won', at: deal.wonAt };
      if (deal.wonAt.getTime() < createdAt.getTime())
        problems.push({
          where: `${dealFile}:${deal.line}`,
          message: `deal ${id} was won on ${deal.wonAt.toISOString()}, before its first contact on ${firstContact}; kept as won, left out of the cycle length`,
        });
    }
    leads.push(lead);
  });
  for (const [id, deal] of deals) if (!seen.has(id)) problems.push({ where: `${dealFile}:${deal.line}`, message: `deal for unknown MQL ${id}; left out` });
  const asOf = new Date(Math.floor(latestMs / 86_400_000 + 1) * 86_400_000);
  return { leads, problems, blankOrigins, asOf };
}

/** The origin of a mapped Olist lead. */
export function olistOrigin(lead: Lead): string {
  const origin = lead.customFields?.['origin'];
  return typeof origin === 'string' ? origin : '(blank)';
}

/** The three reports the example prints. */
export interface OlistReports {
  readonly overall: FunnelReport;
  readonly byOrigin: FunnelReport;
  readonly byMonth: FunnelReport;
}

/** Computes the overall, per-origin and monthly reports (90-day conversion window). */
export function olistReports(data: OlistData): OlistReports {
  const options = { funnel: olistFunnel, asOf: data.asOf, conversionWindowDays: 90 } as const;
  return {
    overall: funnelReport(data.leads, options),
    byOrigin: funnelReport(data.leads, { ...options, cohortBy: olistOrigin }),
    byMonth: funnelReport(data.leads, { ...options, cohortBy: 'month' }),
  };
}

const percent = (rate: number | undefined) => (rate === undefined ? '   n/a' : `${(rate * 100).toFixed(1).padStart(5)}%`);
const days = (value: number | undefined) => (value === undefined ? '  n/a' : value.toFixed(0).padStart(5));
const cycle = (summary: DistributionSummary) => `p25 ${days(summary.p25)}  median ${days(summary.median)}  p75 ${days(summary.p75)}  p90 ${days(summary.p90)}`;
const conversion = (metrics: FunnelMetrics) => (metrics.records === 0 ? undefined : metrics.won / metrics.records);

/** The report as lines of text. */
export function olistReportLines(data: OlistData, reports: OlistReports = olistReports(data)): string[] {
  const { overall, byOrigin, byMonth } = reports;
  const o = overall.overall;
  const lines = [
    `Olist marketing funnel as of ${data.asOf.toISOString().slice(0, 10)} (end of the data)`,
    `MQLs ${o.records}, won ${o.won} (${percent(conversion(o)).trim()}), still open ${o.open}: right-censored, not lost`,
    `(the data records no lost deal, so the win rate won / (won + lost) is not meaningful here; conversion is won / MQLs)`,
    `Won within 90 days of first contact (mature MQLs only): ${o.conversionWithinWindow?.converted} of ${o.conversionWithinWindow?.mature} = ${percent(o.conversionWithinWindow?.rate).trim()}`,
    `Cycle length MQL → won (days, ${o.cycleLength.count} deals): ${cycle(o.cycleLength)}`,
    '',
    'By origin                MQLs    won   conv.  cycle (days)',
  ];
  const origins = [...byOrigin.cohorts].sort((a, b) => b.metrics.records - a.metrics.records);
  for (const cohort of origins)
    lines.push(
      `  ${cohort.key.padEnd(20)} ${String(cohort.metrics.records).padStart(5)} ${String(cohort.metrics.won).padStart(6)}  ${percent(conversion(cohort.metrics))}  ${cycle(cohort.metrics.cycleLength)}`,
    );
  lines.push('', 'Monthly cohorts (first contact)  MQLs    won   conv.  won ≤ 90 days (mature)  median cycle');
  for (const cohort of byMonth.cohorts) {
    const window = cohort.metrics.conversionWithinWindow;
    const windowText = window === undefined || window.mature === 0 ? '   not mature yet' : `${percent(window.rate)} of ${String(window.mature).padStart(4)}`;
    lines.push(
      `  ${cohort.key.padEnd(30)} ${String(cohort.metrics.records).padStart(5)} ${String(cohort.metrics.won).padStart(6)}  ${percent(conversion(cohort.metrics))}  ${windowText.padEnd(22)}  ${days(cohort.metrics.cycleLength.median)}`,
    );
  }
  const issues = overall.dataIssues;
  lines.push(
    '',
    `Data problems: ${data.problems.length} row(s) reported, ${data.blankOrigins} blank origins kept as (blank), ${issues.negativeCycles} deal(s) won before first contact left out of the cycle length`,
  );
  for (const problem of data.problems) lines.push(`  ${problem.where}: ${problem.message}`);
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!hasOlistData())
    console.log(`The Olist data set is not in ${OLIST_DIRECTORY} (it is not part of the repository: see the README, "Sample and real data").`);
  else for (const line of olistReportLines(loadOlistFunnel())) console.log(line);
}
