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
  });

  it('reports the funnel per segment', () => {
    const report = funnelReportBySegment(leads, [executives, dormant], { funnel: testFunnel, asOf });
    expect(report.overall).toMatchObject({ records: 3, won: 1, lost: 1, open: 1 });
    expect(report.segments.map((segment) => [segment.id, segment.metrics.records, segment.metrics.won, segment.metrics.winRate])).toEqual([
      ['executives', 2, 1, 0.5],
      ['dormant', 2, 0, 0],
    ]);
  });

  it('leaves out leads created after asOf, as the segment funnel report does', () => {
    const software = SegmentDefinition.parse({ id: 'software', rule: { type: 'field', field: 'company.industry', operator: 'equals', value: 'Software' } });
    const sample = [
      lead('now', { company: { name: 'A', industry: 'software' } }),
      lead('future', { createdAt: at('2025-01-01T00:00:00Z'), company: { name: 'F', industry: 'software' } }),
      lead('undated', { createdAt: new Date(Number.NaN), company: { name: 'U', industry: 'software' } }),
    ];
    const counts = segmentLeads(sample, [software], { asOf });
    expect(counts).toEqual({ total: 1, leadsWithoutDate: 1, unsegmented: 0, segments: [{ id: 'software', label: 'software', count: 1 }] });
    const report = funnelReportBySegment(sample, [software], { funnel: testFunnel, asOf });
    expect([report.overall.records, report.segments[0]?.metrics.records]).toEqual([counts.total, counts.segments[0]?.count]);
    expect(report.dataIssues.recordsWithoutDate).toBe(counts.leadsWithoutDate);
    expect(() => segmentLeads(sample, [software], { asOf: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('reads the stage as of asOf from the history; other fields as they are on the lead', () => {
    const customers = SegmentDefinition.parse({ id: 'customers', rule: { type: 'field', field: 'stage', operator: 'equals', value: 'customer' } });
    const wonInJune = lead('won-in-june', {
      stage: 'customer',
      stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-06-01T00:00:00Z']),
    });
    const segment = compileSegment(customers);
    expect(segment.matches(wonInJune, asOf)).toBe(false);
    expect(segment.matches(wonInJune, at('2024-06-01T00:00:00Z'))).toBe(true);
    // Out of order: the last entry in array order counts, as in the funnel report.
    const outOfOrder = lead('ooo', { stage: 'lost', stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-02-01T00:00:00Z'], ['mql', '2024-01-10T00:00:00Z']) });
    expect(segment.matches(outOfOrder, asOf)).toBe(false);
    expect(compileSegment({ id: 'mql', rule: { type: 'field', field: 'stage', operator: 'equals', value: 'mql' } }).matches(outOfOrder, asOf)).toBe(true);
    // Without history, the lead's stage is read, from its creation on.
    expect(segment.matches(lead('no-history', { stage: 'customer' }), asOf)).toBe(true);
    expect(segment.matches(lead('no-history', { stage: 'customer' }), at('2023-12-31T00:00:00Z'))).toBe(false);
    const report = funnelReportBySegment([wonInJune], [customers], { funnel: testFunnel, asOf });
    expect(report.segments[0]?.metrics.records).toBe(0);
    expect(segmentLeads([wonInJune], [customers], { asOf }).segments[0]?.count).toBe(0);
  });

  it('is serializable data with a schema, and refuses bad definitions with paths', () => {
    const json = JSON.parse(JSON.stringify(midMarketSoftware));
    expect(parseSegmentDefinition(json)).toEqual({ ok: true, value: midMarketSoftware });
    const bad = parseSegmentDefinition({ id: 's', rule: { type: 'all', rules: [{ type: 'field', field: 'contact.password', operator: 'equals' }, { type: 'range', field: 'x', min: 'a' }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((entry) => entry.pathText)).toEqual(expect.arrayContaining(['rule.rules[0].field']));
    expect(() => z.toJSONSchema(SegmentDefinition, { io: 'input' })).not.toThrow();
  });

  it('refuses definitions that cannot mean what they say, naming the path', () => {
    const refusal = (rule: unknown) => {
      const result = parseSegmentDefinition({ id: 's', rule: { type: 'all', rules: [{ type: 'field', field: 'source', operator: 'exists' }, rule] } });
      return result.ok ? undefined : result.error.issues.map((entry) => [entry.pathText, entry.message]);
    };
    for (const operator of ['equals', 'not_equals', 'in', 'not_in', 'contains'])
      expect(refusal({ type: 'field', field: 'company.industry', operator })).toEqual([['rule.rules[1].value', `The operator "${operator}" needs a value to compare with`]]);
    expect(refusal({ type: 'field', field: 'company.industry', operator: 'exists' })).toBeUndefined();
    // An empty list cannot mean what it says either: it matches no lead, or with a negation every lead having the field.
    for (const operator of ['equals', 'in', 'contains'])
      expect(refusal({ type: 'field', field: 'company.industry', operator, value: [] })).toEqual([
        ['rule.rules[1].value', `The operator "${operator}" needs at least one value: an empty list matches no lead`],
      ]);
    for (const operator of ['not_equals', 'not_in'])
      expect(refusal({ type: 'field', field: 'company.industry', operator, value: [] })).toEqual([
        ['rule.rules[1].value', `The operator "${operator}" needs at least one value: an empty list matches every lead that has the field`],
      ]);
    expect(refusal({ type: 'not', rule: { type: 'field', field: 'company.tags', operator: 'in', value: [] } })?.[0]?.[0]).toBe('rule.rules[1].rule.value');
    expect(refusal({ type: 'field', field: 'company.industry', operator: 'in', value: ['software'] })).toBeUndefined();
    expect(refusal({ type: 'field', field: 'company.industry', operator: 'not_in', value: [''] })).toBeUndefined();
    // exists and missing take no value: a list given to them is ignored, as any value is.
    expect(refusal({ type: 'field', field: 'company.industry', operator: 'missing', value: [] })).toBeUndefined();
    expect(refusal({ type: 'range', field: 'company.employeeCount', min: 500, max: 10 })).toEqual([['rule.rules[1].min', 'min (500) is above max (10): no value is in the range']]);
    expect(refusal({ type: 'range', field: 'company.employeeCount', min: 10, max: 10 })).toBeUndefined();
    expect(refusal({ type: 'activity', atLeast: 5, atMost: 1 })).toEqual([['rule.rules[1].atLeast', 'atLeast (5) is above atMost (1): no lead matches']]);
    expect(refusal({ type: 'activity', atMost: 0 })?.[0]?.[0]).toBe('rule.rules[1].atLeast');
    expect(refusal({ type: 'activity', atLeast: 0, atMost: 0 })).toBeUndefined();
    expect(refusal({ type: 'recency', activeWithinDays: 10, inactiveForDays: 30 })?.[0]?.[0]).toBe('rule.rules[1].inactiveForDays');
    expect(refusal({ type: 'recency', activeWithinDays: 30, inactiveForDays: 10 })).toBeUndefined();
  });

  it('reads contains with a list as "contains any of them"', () => {
    const containsAny = (value: string | string[], field: 'company.industry' | 'company.technologies' = 'company.industry') =>
      compileSegment(SegmentDefinition.parse({ id: 'c', rule: { type: 'field', field, operator: 'contains', value } }));
    const software = leads[0] as Lead;
    expect(containsAny(['bank', 'soft']).matches(software, asOf)).toBe(true);
    expect(containsAny(['SOFT']).matches(software, asOf)).toBe(true);
    expect(containsAny(['bank', 'retail']).matches(software, asOf)).toBe(false);
    expect(containsAny(['gcp', 'AWS'], 'company.technologies').matches(software, asOf)).toBe(true);
    expect(containsAny(['gcp'], 'company.technologies').matches(software, asOf)).toBe(false);
    // Text ignores case; a list field matches an item, not part of one.
    expect(containsAny('aw', 'company.technologies').matches(software, asOf)).toBe(false);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(leads);
    segmentLeads(leads, segments, { asOf });
    funnelReportBySegment(leads, segments, { funnel: testFunnel, asOf });
    expect(leads).toEqual(copy);
  });

  // A lead created after asOf, in every segment's reach: both counts must leave it out.
  const future = lead('future', { createdAt: at('2024-06-01T00:00:00Z'), contact: { seniority: 'c_level' }, stageHistory: history(['lead', '2024-06-01T00:00:00Z']) });
  test.prop([fc.array(fc.constantFrom(...leads, future), { maxLength: 30 })])('segment funnel counts never exceed the overall ones', (sample) => {
    const report = funnelReportBySegment(sample, segments, { funnel: testFunnel, asOf });
    const counts = segmentLeads(sample, segments, { asOf });
    expect(counts.total).toBe(report.overall.records);
    report.segments.forEach((segment, index) => {
      expect(segment.metrics.records).toBe(counts.segments[index]?.count);
      expect(segment.metrics.records).toBeLessThanOrEqual(report.overall.records);
      expect(segment.metrics.won).toBeLessThanOrEqual(report.overall.won);
    });
  });
});
