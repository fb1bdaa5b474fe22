// The generator's funnel against the shape of a real one: 10,000 generated leads, walked through the B2B funnel as
// `npm run demo` walks the sample (examples/demo/funnel.ts), and their funnel report compared with the Olist
// marketing funnel's figures (documented in generateLeads' TSDoc; checked against the data itself when it is there).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { funnelDemo } from '../../examples/demo/funnel.ts';
import { OLIST_DIRECTORY, loadOlistFunnel, olistReports } from '../../examples/olist-funnel.ts';
import { b2bFunnel } from '../funnel/index.ts';
import { funnelReport, speedToLead } from '../metrics/index.ts';
import { generateLeads } from './generate-leads.ts';

/** The Olist marketing funnel (8,000 MQLs, 842 won), as `npx tsx examples/olist-funnel.ts` reports it. */
const olist = {
  conversion: 842 / 8000,
  conversionWithin90Days: 691 / 8000,
  cycleMedianDays: 15,
  cycleP90Days: 163,
  /** Conversion of its weakest and strongest origins with 60 MQLs or more (other 2.7 %, unknown 16.3 %). */
  originConversion: { lowest: 4 / 150, highest: 179 / 1099 },
};

const within = (value: number | undefined, target: number, factor: number) => value !== undefined && value >= target / factor && value <= target * factor;

describe('generated leads behave like a real funnel (10,000 leads against the Olist shape)', () => {
  const asOf = new Date('2025-06-30T00:00:00Z');
  const leads = generateLeads({ seed: 2024, count: 10_000, asOf });
  const { records } = funnelDemo(leads, asOf);
  const report = funnelReport(records, { funnel: b2bFunnel, asOf, conversionWindowDays: 90 });
  const overall = report.overall;

  it('converts about as many leads as Olist, over a cycle of the same shape', () => {
    expect(overall.records).toBe(10_000);
    const conversion = overall.won / overall.records;
    expect(conversion).toBeGreaterThanOrEqual(0.05);
    expect(conversion).toBeLessThanOrEqual(0.2);
    expect(within(overall.conversionWithinWindow?.rate, olist.conversionWithin90Days, 2)).toBe(true);
    expect(within(overall.cycleLength.median, olist.cycleMedianDays, 2)).toBe(true);
    expect(within(overall.cycleLength.p90, olist.cycleP90Days, 2)).toBe(true);
    // A long tail: Olist's p90 is ten times its median.
    expect(overall.cycleLength.p90! / overall.cycleLength.median!).toBeGreaterThan(4);
    // Right-censored: most leads are still open, as 7,158 of Olist's 8,000 MQLs are.
    expect(overall.open).toBeGreaterThan(overall.won + overall.lost);
  });

  it('spends time in every open stage: no stage is walked through in an instant', () => {
    for (const id of ['lead', 'mql', 'sql', 'opportunity']) {
      const stage = overall.stages.find((entry) => entry.id === id)!;
      expect(stage.entered).toBeGreaterThan(500);
      expect(stage.timeInStage.latest.median).toBeGreaterThan(0);
      expect(stage.timeInStage.latest.p25).toBeGreaterThan(0);
      expect(stage.nextStageConversionRate).toBeGreaterThan(0.2);
      expect(stage.nextStageConversionRate).toBeLessThan(0.9);
    }
  });

  it('answers most leads within hours, and breaches the funnel SLA for a minority', () => {
    const speed = speedToLead(records, { asOf, funnel: b2bFunnel });
    expect(speed.withSla).toBe(10_000);
    expect(speed.breached / speed.withSla).toBeGreaterThanOrEqual(0.1);
    expect(speed.breached / speed.withSla).toBeLessThanOrEqual(0.5);
    expect(speed.responseTime.median).toBeLessThan(1);
    expect(speed.touched).toBeLessThan(speed.leads);
  });

  it('converts differently by source, as Olist does by origin', () => {
    const bySource = funnelReport(records, { funnel: b2bFunnel, asOf, cohortBy: (record) => record.source }).cohorts;
    const rates = new Map(
      bySource.filter((cohort) => cohort.metrics.records >= 250).map((cohort) => [cohort.key, cohort.metrics.won / cohort.metrics.records]),
    );
    const overallRate = overall.won / overall.records;
    const values = [...rates.values()];
    expect(values.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...values) / Math.min(...values)).toBeGreaterThan(olist.originConversion.highest / olist.originConversion.lowest / 2);
    expect(rates.get('referral')).toBeGreaterThan(1.5 * overallRate);
    expect(rates.get('newsletter')).toBeLessThan(0.5 * overallRate);
    expect(rates.get('purchased_list')).toBeLessThan(0.5 * overallRate);
  });
});

const olistAbsent = existsSync(OLIST_DIRECTORY) ? undefined : 'skipped: ../shared/data/olist-marketing-funnel is absent (a fresh clone has no ../shared)';

describe.skipIf(olistAbsent !== undefined)(`the Olist figures used above are the data's${olistAbsent === undefined ? '' : ` (${olistAbsent})`}`, () => {
  it('conversion, 90-day conversion, cycle median and p90, and the range of conversion by origin', () => {
    const data = loadOlistFunnel();
    const { overall, byOrigin } = olistReports(data);
    expect(overall.overall.won / overall.overall.records).toBe(olist.conversion);
    expect(overall.overall.conversionWithinWindow?.rate).toBe(olist.conversionWithin90Days);
    expect(Math.round(overall.overall.cycleLength.median!)).toBe(olist.cycleMedianDays);
    expect(Math.round(overall.overall.cycleLength.p90!)).toBe(olist.cycleP90Days);
    const rates = byOrigin.cohorts
      .filter((cohort) => cohort.metrics.records >= 60 && cohort.key !== '(blank)')
      .map((cohort) => cohort.metrics.won / cohort.metrics.records);
    expect(Math.min(...rates)).toBe(olist.originConversion.lowest);
    expect(Math.max(...rates)).toBe(olist.originConversion.highest);
  });
});
