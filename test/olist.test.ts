// Real data: the Olist marketing funnel. The reference figures are computed here from the raw CSV files with a plain,
// independent computation (no leadkit code), then compared with the metrics of the example's mapped leads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OLIST_DIRECTORY, loadOlistFunnel, olistReportLines, olistReports } from '../examples/olist-funnel.ts';

const mqlPath = `${OLIST_DIRECTORY}/olist_marketing_qualified_leads_dataset.csv`;
const dealPath = `${OLIST_DIRECTORY}/olist_closed_deals_dataset.csv`;

/** The reference: plain loops over the raw text. Only the first five columns are needed, and none of them is quoted. */
function reference() {
  const mqls = readFileSync(mqlPath, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const deals = readFileSync(dealPath, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const wonAt = new Map<string, number>();
  for (const deal of deals) wonAt.set(deal[0] as string, Date.parse(`${(deal[4] as string).replace(' ', 'T')}Z`));
  const byOrigin = new Map<string, { leads: number; won: number; cycles: number[] }>();
  const byMonth = new Map<string, { leads: number; won: number; wonIn90: number }>();
  const cycles: number[] = [];
  let won = 0;
  let negative = 0;
  for (const [id, date, , rawOrigin] of mqls) {
    const origin = rawOrigin === '' || rawOrigin === undefined ? '(blank)' : rawOrigin;
    const created = Date.parse(`${date}T00:00:00Z`);
    const originRow = byOrigin.get(origin) ?? { leads: 0, won: 0, cycles: [] };
    byOrigin.set(origin, originRow);
    const monthRow = byMonth.get((date as string).slice(0, 7)) ?? { leads: 0, won: 0, wonIn90: 0 };
    byMonth.set((date as string).slice(0, 7), monthRow);
    originRow.leads++;
    monthRow.leads++;
    const closed = wonAt.get(id as string);
    if (closed === undefined) continue;
    won++;
    originRow.won++;
    monthRow.won++;
    const days = (closed - created) / 86_400_000;
    if (days <= 90) monthRow.wonIn90++;
    if (days < 0) negative++;
    else {
      cycles.push(days);
      originRow.cycles.push(days);
    }
  }
  return { leads: mqls.length, won, negative, cycles, byOrigin, byMonth };
}

/** Linear-interpolation percentile of a list (sorted here). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return (sorted[lower] as number) + (position - lower) * ((sorted[upper] as number) - (sorted[lower] as number));
}

describe('Olist marketing funnel (real data)', () => {
  const expected = reference();
  const data = loadOlistFunnel();
  const reports = olistReports(data);

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
      if ((row?.cycles.length ?? 0) > 0) expect(cohort.metrics.cycleLength.median).toBeCloseTo(percentile(row?.cycles ?? [], 0.5), 9);
    }
  });

  it('builds monthly cohorts with conversion within 90 days', () => {
    expect(reports.byMonth.cohorts.map((cohort) => cohort.key)).toEqual([...expected.byMonth.keys()].sort());
    for (const cohort of reports.byMonth.cohorts) {
      const row = expected.byMonth.get(cohort.key);
      expect([cohort.key, cohort.metrics.records, cohort.metrics.won, cohort.metrics.conversionWithinWindow?.converted]).toEqual([cohort.key, row?.leads, row?.won, row?.wonIn90]);
    }
  });

  it('prints the report with the problems listed', () => {
    const lines = olistReportLines(data, reports);
    expect(lines.some((line) => line.includes('organic_search'))).toBe(true);
    expect(lines.some((line) => line.includes('2018-05'))).toBe(true);
    expect(lines.some((line) => line.includes('before its first contact'))).toBe(true);
  });
});
