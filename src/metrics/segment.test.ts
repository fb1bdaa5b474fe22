import { fc, test } from '@fast-check/vitest';
import * as z from 'zod/v4';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { funnelReportBySegment } from './funnel-report-by-segment.ts';
import { SegmentDefinition, compileSegment, parseSegmentDefinition, segmentLeads } from './segment.ts';
import { history, testFunnel } from './test-fixtures.ts';

const at = (iso: string) => new Date(iso);
const asOf = at('2024-03-01T00:00:00Z');
function lead(id: string, fields: Partial<Lead> = {}): Lead {
  return { id, contact: {}, source: 'website_form', createdAt: at('2024-01-01T00:00:00Z'), activities: [], ...fields };
}

const leads: Lead[] = [
  lead('saas-cto', {
    contact: { jobTitle: 'Chief Technology Officer', seniority: 'c_level' },
    company: { name: 'A', industry: 'Software', employeeCount: 120, technologies: ['aws'] },
    activities: [
      { type: 'page_viewed', at: at('2024-02-25T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
      { type: 'page_viewed', at: at('2024-02-26T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
    ],
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['mql', '2024-01-05T00:00:00Z'], ['customer', '2024-02-01T00:00:00Z']),
    customFields: { plan: 'pro' },
  }),
  lead('bank-vp', {
    contact: { jobTitle: 'VP Engineering', seniority: 'vp' },
    company: { name: 'B', industry: 'banking', employeeCount: 5000 },
    activities: [{ type: 'email_opened', at: at('2023-10-01T00:00:00Z') }],
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['lost', '2024-01-10T00:00:00Z']),
  }),
  lead('student', { contact: { seniority: 'student' }, stageHistory: history(['lead', '2024-01-01T00:00:00Z']) }),
];

const midMarketSoftware = SegmentDefinition.parse({
  id: 'mid-market-software',
  label: 'Mid-market software',
  category: 'firmographic',
  rule: {
    type: 'all',
    rules: [
      { type: 'field', field: 'company.industry', operator: 'in', value: ['software', 'saas'] },
      { type: 'range', field: 'company.employeeCount', min: 50, max: 200 },
    ],
  },
});
const executives = SegmentDefinition.parse({
  id: 'executives',
  category: 'demographic',
  rule: { type: 'any', rules: [{ type: 'field', field: 'contact.seniority', operator: 'in', value: ['c_level', 'vp'] }, { type: 'field', field: 'contact.jobTitle', operator: 'contains', value: 'chief' }] },
});
const pricingVisitors = SegmentDefinition.parse({
  id: 'pricing-visitors',
  category: 'behavioural',
  rule: { type: 'activity', activityTypes: ['page_viewed'], pageKinds: ['pricing'], withinDays: 30, atLeast: 2 },
});
const dormant = SegmentDefinition.parse({ id: 'dormant', category: 'engagement', rule: { type: 'recency', inactiveForDays: 90 } });
const notPro = SegmentDefinition.parse({ id: 'not-pro', rule: { type: 'not', rule: { type: 'field', field: 'customFields.plan', operator: 'equals', value: 'PRO' } } });
const segments = [midMarketSoftware, executives, pricingVisitors, dormant, notPro];

describe('segments', () => {
  it('matches demographic, firmographic, behavioural and engagement rules', () => {
    const members = (definition: SegmentDefinition) => leads.filter((entry) => compileSegment(definition).matches(entry, asOf)).map((entry) => entry.id);
    expect(members(midMarketSoftware)).toEqual(['saas-cto']);
    expect(members(executives)).toEqual(['saas-cto', 'bank-vp']);
    expect(members(pricingVisitors)).toEqual(['saas-cto']);
    expect(members(dormant)).toEqual(['bank-vp', 'student']);
    expect(members(notPro)).toEqual(['bank-vp', 'student']);
    // As of an earlier date the pricing visits had not happened yet.
    expect(compileSegment(pricingVisitors).matches(leads[0] as Lead, at('2024-02-25T12:00:00Z'))).toBe(false);
  });

  it('counts leads per segment; a lead can be in several', () => {
    expect(segmentLeads(leads, segments, { asOf })).toEqual({
      total: 3,
      unsegmented: 0,
      segments: [
        { id: 'mid-market-software', label: 'Mid-market software', count: 1 },
        { id: 'executives', label: 'executives', count: 2 },
        { id: 'pricing-visitors', label: 'pricing-visitors', count: 1 },
        { id: 'dormant', label: 'dormant', count: 2 },
        { id: 'not-pro', label: 'not-pro', count: 2 },
      ],
    });
  });

  it('reports the funnel per segment', () => {
    const report = funnelReportBySegment(leads, [executives, dormant], { funnel: testFunnel, asOf });
    expect(report.overall).toMatchObject({ records: 3, won: 1, lost: 1, open: 1 });
    expect(report.segments.map((segment) => [segment.id, segment.metrics.records, segment.metrics.won, segment.metrics.winRate])).toEqual([
      ['executives', 2, 1, 0.5],
      ['dormant', 2, 0, 0],
    ]);
  });

  it('is serializable data with a schema, and refuses bad definitions with paths', () => {
    const json = JSON.parse(JSON.stringify(midMarketSoftware));
    expect(parseSegmentDefinition(json)).toEqual({ ok: true, value: midMarketSoftware });
    const bad = parseSegmentDefinition({ id: 's', rule: { type: 'all', rules: [{ type: 'field', field: 'contact.password', operator: 'equals' }, { type: 'range', field: 'x', min: 'a' }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((entry) => entry.pathText)).toEqual(expect.arrayContaining(['rule.rules[0].field']));
    expect(() => z.toJSONSchema(SegmentDefinition, { io: 'input' })).not.toThrow();
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(leads);
    segmentLeads(leads, segments, { asOf });
    funnelReportBySegment(leads, segments, { funnel: testFunnel, asOf });
    expect(leads).toEqual(copy);
  });

  test.prop([fc.array(fc.constantFrom(...leads), { maxLength: 30 })])('segment funnel counts never exceed the overall ones', (sample) => {
    const report = funnelReportBySegment(sample, segments, { funnel: testFunnel, asOf });
    const counts = segmentLeads(sample, segments, { asOf });
    report.segments.forEach((segment, index) => {
      expect(segment.metrics.records).toBe(counts.segments[index]?.count);
      expect(segment.metrics.records).toBeLessThanOrEqual(report.overall.records);
      expect(segment.metrics.won).toBeLessThanOrEqual(report.overall.won);
    });
  });
});
