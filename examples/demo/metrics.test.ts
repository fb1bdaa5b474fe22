import { describe, expect, it } from 'vitest';
import { b2bFunnel } from '../../src/funnel/index.ts';
import { funnelReport, speedToLead } from '../../src/metrics/index.ts';
import { loadSampleLeads, SAMPLE_AS_OF } from '../data/load.ts';
import { funnelDemo } from './funnel.ts';
import { metricsDemo } from './metrics.ts';

describe('metricsDemo on the sample (the funnel report of `npm run demo`)', () => {
  const { records } = funnelDemo(loadSampleLeads(), SAMPLE_AS_OF);
  const before = structuredClone(records);
  const lines = metricsDemo(records, SAMPLE_AS_OF);
  const report = funnelReport(records, { funnel: b2bFunnel, asOf: SAMPLE_AS_OF });

  it('shows time spent in every open stage of the path, as the report computes it', () => {
    for (const id of ['lead', 'mql', 'sql', 'opportunity']) {
      const row = lines.find((line) => line.startsWith(`  ${id.padEnd(14)}`));
      const match = row === undefined ? null : /\s(\d+\.\d) d$/.exec(row);
      expect(match).not.toBeNull();
      const median = report.overall.stages.find((stage) => stage.id === id)!.timeInStage.latest.median!;
      expect(Number(match![1])).toBe(Number(median.toFixed(1)));
      expect(median).toBeGreaterThan(0.5);
    }
  });

  it('reports speed to lead with a breach rate between 10 % and 50 % of the SLA of the lead stage', () => {
    const speed = speedToLead(records, { asOf: SAMPLE_AS_OF, funnel: b2bFunnel });
    const line = lines.find((text) => text.startsWith('  SLA (24 h for a new lead)'));
    expect(line).toContain(`${speed.withinSla} met, ${speed.breached} breached (${((100 * speed.breached) / speed.withSla).toFixed(1)}%`);
    expect(speed.breached / speed.withSla).toBeGreaterThanOrEqual(0.1);
    expect(speed.breached / speed.withSla).toBeLessThanOrEqual(0.5);
    // Most leads are answered within hours, not weeks.
    expect(speed.responseTime.median).toBeLessThan(1);
  });

  it('breaks conversion down by channel: every record once, and channels that convert differently', () => {
    const start = lines.findIndex((line) => line.startsWith('Conversion by channel'));
    const rows = [];
    for (const line of lines.slice(start + 2)) {
      const match = /^ {2}(.+?) \(.+\)\s+(\d+)\s+(\d+)\s+(\d+\.\d)%/.exec(line);
      if (match === null) break;
      rows.push({ channel: match[1], records: Number(match[2]), won: Number(match[3]), rate: Number(match[4]) });
    }
    expect(rows.reduce((sum, row) => sum + row.records, 0)).toBe(records.length);
    expect(rows.reduce((sum, row) => sum + row.won, 0)).toBe(report.overall.won);
    const sizable = rows.filter((row) => row.records >= 30).map((row) => row.rate);
    expect(sizable.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...sizable)).toBeGreaterThan(2 * Math.min(...sizable));
  });

  it('does not mutate the records', () => {
    expect(records).toEqual(before);
  });
});
