import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { funnelReportBySegment } from './funnel-report-by-segment.ts';
import { defineSegment } from './segment-definition.ts';
import { segmentLeads } from './segment-leads.ts';
import { asOf, at, dormant, executives, lead, leads, segments } from './segment.test-fixtures.ts';
import { history, testFunnel } from './test-fixtures.ts';

describe('segmentLeads', () => {
  it('counts leads per segment, definitions first; a lead can be in several', () => {
    expect(segmentLeads(segments, leads, { asOf })).toEqual({
      total: 3,
      leadsWithoutDate: 0,
      unsegmented: 0,
      segments: [
        { id: 'mid-market-software', label: 'Mid-market software', count: 1 },
        { id: 'executives', label: 'executives', count: 2 },
        { id: 'pricing-visitors', label: 'pricing-visitors', count: 1 },
        { id: 'dormant', label: 'dormant', count: 2 },
        { id: 'not-pro', label: 'not-pro', count: 2 },
      ],
    });
    // The student is in no segment but dormant and not-pro: without them, it is unsegmented.
    expect(segmentLeads([executives], leads, { asOf })).toMatchObject({ total: 3, unsegmented: 1, segments: [{ id: 'executives', count: 2 }] });
    // asOf may be epoch milliseconds.
    expect(segmentLeads(segments, leads, { asOf: asOf.getTime() })).toEqual(segmentLeads(segments, leads, { asOf }));
  });

  it('reports the funnel per segment, definitions first', () => {
    const report = funnelReportBySegment([executives, dormant], leads, { funnel: testFunnel, asOf });
    expect(report.overall).toMatchObject({ records: 3, won: 1, lost: 1, open: 1 });
    expect(report.segments.map((segment) => [segment.id, segment.metrics.records, segment.metrics.won, segment.metrics.winRate])).toEqual([
      ['executives', 2, 1, 0.5],
      ['dormant', 2, 0, 0],
    ]);
  });

  it('leaves out leads created after asOf, as the segment funnel report does', () => {
    const software = defineSegment({ id: 'software', when: { field: 'company.industry', equals: 'Software' } });
    const sample = [
      lead('now', { company: { name: 'A', industry: 'software' } }),
      lead('future', { createdAt: at('2025-01-01T00:00:00Z'), company: { name: 'F', industry: 'software' } }),
      lead('undated', { createdAt: new Date(Number.NaN), company: { name: 'U', industry: 'software' } }),
    ];
    const counts = segmentLeads([software], sample, { asOf });
    expect(counts).toEqual({ total: 1, leadsWithoutDate: 1, unsegmented: 0, segments: [{ id: 'software', label: 'software', count: 1 }] });
    const report = funnelReportBySegment([software], sample, { funnel: testFunnel, asOf });
    expect([report.overall.records, report.segments[0]?.metrics.records]).toEqual([counts.total, counts.segments[0]?.count]);
    expect(report.dataIssues.recordsWithoutDate).toBe(counts.leadsWithoutDate);
    expect(() => segmentLeads([software], sample, { asOf: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => segmentLeads([software], sample, { asOf: Number.NaN })).toThrow(/^asOf is not a valid instant/);
  });

  it('counts by the stage as of asOf, in both counts', () => {
    const customers = defineSegment({ id: 'customers', when: { field: 'stage', equals: 'customer' } });
    const wonInJune = lead('won-in-june', { stage: 'customer', stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-06-01T00:00:00Z']) });
    expect(funnelReportBySegment([customers], [wonInJune], { funnel: testFunnel, asOf }).segments[0]?.metrics.records).toBe(0);
    expect(segmentLeads([customers], [wonInJune], { asOf }).segments[0]?.count).toBe(0);
    const later = at('2024-07-01T00:00:00Z');
    expect(funnelReportBySegment([customers], [wonInJune], { funnel: testFunnel, asOf: later }).segments[0]?.metrics.records).toBe(1);
    expect(segmentLeads([customers], [wonInJune], { asOf: later }).segments[0]?.count).toBe(1);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(leads);
    const definitions = structuredClone(segments);
    segmentLeads(segments, leads, { asOf });
    funnelReportBySegment(segments, leads, { funnel: testFunnel, asOf });
    expect(leads).toEqual(copy);
    expect(segments).toEqual(definitions);
  });

  // A lead created after asOf, in every segment's reach: both counts must leave it out.
  const future = lead('future', {
    createdAt: at('2024-06-01T00:00:00Z'),
    contact: { seniority: 'c_level' },
    stageHistory: history(['lead', '2024-06-01T00:00:00Z']),
  });
  test.prop([fc.array(fc.constantFrom(...leads, future), { maxLength: 30 })])('segment funnel counts never exceed the overall ones', (sample) => {
    const report = funnelReportBySegment(segments, sample, { funnel: testFunnel, asOf });
    const counts = segmentLeads(segments, sample, { asOf });
    expect(counts.total).toBe(report.overall.records);
    expect(counts.total).toBe(sample.filter((entry) => entry !== future).length);
    report.segments.forEach((segment, index) => {
      expect(segment.metrics.records).toBe(counts.segments[index]?.count);
      expect(segment.metrics.records).toBeLessThanOrEqual(report.overall.records);
      expect(segment.metrics.won).toBeLessThanOrEqual(report.overall.won);
    });
  });
});
