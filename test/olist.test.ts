// Real data: the Olist marketing funnel. The reference figures are computed here from the raw CSV files with a plain,
// independent computation (no leadkit code), then compared with the metrics of the example's mapped leads.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OLIST_DIRECTORY, hasOlistData, loadOlistFunnel, olistFunnel, olistReportLines, olistReports, type OlistData } from '../examples/olist-funnel.ts';
import { funnelReport } from '../src/metrics/index.ts';

const mqlPath = `${OLIST_DIRECTORY}/olist_marketing_qualified_leads_dataset.csv`;
const dealPath = `${OLIST_DIRECTORY}/olist_closed_deals_dataset.csv`;

/**
 * The reference: plain loops over the raw text. Only the first five columns are needed, and none of them is quoted.
 * `cutoff` (ms) computes it as of an earlier instant: later leads and later wins are left out.
 */
function reference(cutoff?: number) {
  const mqls = readFileSync(mqlPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const deals = readFileSync(dealPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const wonAt = new Map<string, number>();
  for (const deal of deals) {
    const closed = Date.parse(`${(deal[4] as string).replace(' ', 'T')}Z`);
    if (cutoff === undefined || closed <= cutoff) wonAt.set(deal[0] as string, closed);
  }
  // The end of the data: midnight UTC after the latest event (first contact or win).
  let latest = 0;
  for (const closed of wonAt.values()) latest = Math.max(latest, closed);
  for (const [, date] of mqls) latest = Math.max(latest, Date.parse(`${date}T00:00:00Z`));
  const asOf = cutoff ?? (Math.floor(latest / 86_400_000) + 1) * 86_400_000;
  let leads = 0;
  const byOrigin = new Map<string, { leads: number; won: number; cycles: number[] }>();
  const byMonth = new Map<string, { leads: number; won: number; mature: number; wonIn90: number }>();
  const cycles: number[] = [];
  let won = 0;
  let negative = 0;
  let mature = 0;
  let wonIn90 = 0;
  for (const [id, date, , rawOrigin] of mqls) {
    const origin = rawOrigin === '' || rawOrigin === undefined ? '(blank)' : rawOrigin;
    const created = Date.parse(`${date}T00:00:00Z`);
    if (created > asOf) continue;
    leads++;
    const originRow = byOrigin.get(origin) ?? { leads: 0, won: 0, cycles: [] };
    byOrigin.set(origin, originRow);
    const monthRow = byMonth.get((date as string).slice(0, 7)) ?? { leads: 0, won: 0, mature: 0, wonIn90: 0 };
    byMonth.set((date as string).slice(0, 7), monthRow);
    originRow.leads++;
    monthRow.leads++;
    // Mature: first contact at least 90 days before the end of the data (younger leads have not had the time).
    const isMature = asOf - created >= 90 * 86_400_000;
    if (isMature) {
      mature++;
      monthRow.mature++;
    }
    const closed = wonAt.get(id as string);
    if (closed === undefined) continue;
    won++;
    originRow.won++;
    monthRow.won++;
    const days = (closed - created) / 86_400_000;
    if (isMature && days <= 90) {
      wonIn90++;
      monthRow.wonIn90++;
    }
    if (days < 0) negative++;
    else {
      cycles.push(days);
      originRow.cycles.push(days);
    }
  }
  return { leads, won, negative, cycles, byOrigin, byMonth, asOf, mature, wonIn90 };
}

/** Linear-interpolation percentile of a list (sorted here). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return (sorted[lower] as number) + (position - lower) * ((sorted[upper] as number) - (sorted[lower] as number));
}

// The data is not in the repository: without it (a fresh clone) these tests are skipped, and say so.
const hasData = hasOlistData();
const suite = hasData
  ? 'Olist marketing funnel (real data)'
  : 'Olist marketing funnel (real data): skipped: ../shared/data/olist-marketing-funnel not found (see README: real data)';
if (!hasData) console.info(suite);

describe.skipIf(!hasData)(suite, () => {
  let expected: ReturnType<typeof reference>;
  let data: OlistData;
  let reports: ReturnType<typeof olistReports>;
  beforeAll(() => {
    expected = reference();
    data = loadOlistFunnel();
    reports = olistReports(data);
  });

  it('maps every MQL and reports the bad date and the blank origins instead of dropping them', () => {
    expect(data.leads).toHaveLength(expected.leads);
    expect(expected.leads).toBe(8000);
    expect(data.blankOrigins).toBe(expected.byOrigin.get('(blank)')?.leads);
    expect(data.problems).toHaveLength(expected.negative);
    expect(expected.negative).toBe(1);
    expect(data.problems[0]?.message).toMatch(/before its first contact/);
    expect(reports.overall.dataIssues.negativeCycles).toBe(expected.negative);
  });

  it('counts conversions overall; open leads are right-censored, not lost', () => {
    const overall = reports.overall.overall;
    expect(overall).toMatchObject({ records: expected.leads, won: expected.won, lost: 0, open: expected.leads - expected.won });
    expect(overall.stages[0]).toMatchObject({ id: 'mql', entered: expected.leads, advanced: expected.won });
    expect(overall.stages[0]?.conversionRate).toBeCloseTo(expected.won / expected.leads, 12);
  });

  it('computes the MQL-to-won cycle length percentiles', () => {
    const cycle = reports.overall.overall.cycleLength;
    expect(cycle.count).toBe(expected.cycles.length);
    expect(cycle.p25).toBeCloseTo(percentile(expected.cycles, 0.25), 9);
    expect(cycle.median).toBeCloseTo(percentile(expected.cycles, 0.5), 9);
    expect(cycle.p75).toBeCloseTo(percentile(expected.cycles, 0.75), 9);
    expect(cycle.p90).toBeCloseTo(percentile(expected.cycles, 0.9), 9);
  });

  it('breaks conversion and cycle length down by origin', () => {
    expect(reports.byOrigin.cohorts.map((cohort) => cohort.key).sort()).toEqual([...expected.byOrigin.keys()].sort());
    for (const cohort of reports.byOrigin.cohorts) {
      const row = expected.byOrigin.get(cohort.key);
      expect([cohort.key, cohort.metrics.records, cohort.metrics.won]).toEqual([cohort.key, row?.leads, row?.won]);
      expect(cohort.metrics.cycleLength.count).toBe(row?.cycles.length);
      const originCycles = row?.cycles ?? [];
      const { p25, median, p75, p90 } = cohort.metrics.cycleLength;
      if (originCycles.length === 0) expect([p25, median, p75, p90]).toEqual([undefined, undefined, undefined, undefined]);
      else
        expect([cohort.key, p25, median, p75, p90].map((value) => (typeof value === 'number' ? Number(value.toFixed(9)) : value))).toEqual([
          cohort.key,
          ...[0.25, 0.5, 0.75, 0.9].map((p) => Number(percentile(originCycles, p).toFixed(9))),
        ]);
    }
    // Origins with several deals make the percentiles differ, so the check above is not only of medians.
    expect(reports.byOrigin.cohorts.filter((cohort) => cohort.metrics.cycleLength.count >= 4).length).toBeGreaterThanOrEqual(3);
  });

  it('builds monthly cohorts with conversion within 90 days, on mature leads only', () => {
    expect(data.asOf.getTime()).toBe(expected.asOf);
    expect(reports.overall.overall.conversionWithinWindow).toMatchObject({ days: 90, mature: expected.mature, converted: expected.wonIn90 });
    expect(reports.byMonth.cohorts.map((cohort) => cohort.key)).toEqual([...expected.byMonth.keys()].sort());
    for (const cohort of reports.byMonth.cohorts) {
      const row = expected.byMonth.get(cohort.key);
      const window = cohort.metrics.conversionWithinWindow;
      expect([cohort.key, cohort.metrics.records, cohort.metrics.won, window?.mature, window?.converted]).toEqual([
        cohort.key,
        row?.leads,
        row?.won,
        row?.mature,
        row?.wonIn90,
      ]);
    }
  });

  it('honours maturity and asOf when the report is taken before the end of the data', () => {
    // At the end of the data every MQL is at least 90 days old; as of 2018-07-01 the spring cohorts are not.
    const cutoff = Date.parse('2018-07-01T00:00:00Z');
    const early = reference(cutoff);
    expect(early.mature).toBeLessThan(early.leads);
    const report = funnelReport(data.leads, { funnel: olistFunnel, asOf: new Date(cutoff), conversionWindowDays: 90, cohortBy: 'month' });
    expect(report.overall).toMatchObject({ records: early.leads, won: early.won });
    expect(report.overall.conversionWithinWindow).toMatchObject({ mature: early.mature, converted: early.wonIn90 });
    expect(
      report.cohorts.map((cohort) => [
        cohort.key,
        cohort.metrics.records,
        cohort.metrics.won,
        cohort.metrics.conversionWithinWindow?.mature,
        cohort.metrics.conversionWithinWindow?.converted,
      ]),
    ).toEqual([...early.byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, row]) => [key, row.leads, row.won, row.mature, row.wonIn90]));
  });

  it('prints the report with the problems listed', () => {
    const lines = olistReportLines(data, reports);
    expect(lines.some((line) => line.includes('organic_search'))).toBe(true);
    expect(lines.some((line) => line.includes('2018-05'))).toBe(true);
    expect(lines.some((line) => line.includes('before its first contact'))).toBe(true);
  });
});
