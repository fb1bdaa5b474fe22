import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { MILLISECONDS_PER_DAY } from '../internal/instant.ts';
import { Lead } from '../models/lead.ts';
import { compileSegment } from './compile-segment.ts';
import { defineSegment, type SegmentDefinitionJson } from './segment-definition.ts';
import { asOf, at, dormant, executives, lead, leads, midMarketSoftware, notPro, pricingVisitors } from './segment.test-fixtures.ts';
import { history } from './test-fixtures.ts';

const members = (definition: Parameters<typeof compileSegment>[0], when: Date | number = asOf, sample: readonly Lead[] = leads) => {
  const segment = compileSegment(definition);
  return sample.filter((entry) => segment.matches(entry, { asOf: when })).map((entry) => entry.id);
};
const segmentOf = (when: SegmentDefinitionJson['when']) => compileSegment(defineSegment({ id: 's', when }));

describe('compileSegment', () => {
  it('matches demographic, firmographic, behavioral and engagement conditions', () => {
    expect(members(midMarketSoftware)).toEqual(['saas-cto']);
    expect(members(executives)).toEqual(['saas-cto', 'bank-vp']);
    expect(members(pricingVisitors)).toEqual(['saas-cto']);
    expect(members(dormant)).toEqual(['bank-vp', 'student']);
    expect(members(notPro)).toEqual(['bank-vp', 'student']);
    // As of an earlier date the pricing visits had not happened yet.
    expect(compileSegment(pricingVisitors).matches(leads[0] as Lead, { asOf: at('2024-02-25T12:00:00Z') })).toBe(false);
  });

  it('takes asOf as a Date or epoch milliseconds, and refuses an invalid one', () => {
    expect(members(pricingVisitors, asOf.getTime())).toEqual(['saas-cto']);
    expect(members(pricingVisitors, at('2024-02-25T12:00:00Z').getTime())).toEqual([]);
    const segment = compileSegment(pricingVisitors);
    for (const invalid of [new Date(Number.NaN), Number.NaN, Number.NEGATIVE_INFINITY])
      expect(() => segment.matches(leads[0] as Lead, { asOf: invalid })).toThrow(/^asOf is not a valid instant/);
  });

  it('leaves out a lead whose data is unknown, even under not (changed on purpose)', () => {
    // The old `not` rule was two-valued: "not plan = PRO" held for a lead without a plan. In the one condition
    // language a test on a missing field is unknown, `not` keeps it unknown, and a segment takes only leads for which
    // its condition holds. `notPro` in the fixtures spells out "or has no plan" to keep the old membership.
    expect(members(defineSegment({ id: 'plain-not-pro', when: { not: { field: 'customFields.plan', equals: 'PRO' } } }))).toEqual([]);
    expect(members(defineSegment({ id: 'pro', when: { field: 'customFields.plan', equals: 'PRO' } }))).toEqual(['saas-cto']);
    // The old `not_in` ("present and none of them") is exactly `not` of `in`.
    const notSoftware = defineSegment({ id: 'not-software', when: { not: { field: 'company.industry', in: ['software', 'retail'] } } });
    expect(members(notSoftware)).toEqual(['bank-vp']);
    // exists never is unknown: the old `exists` and `missing` operators.
    expect(members(defineSegment({ id: 'has-company', when: { field: 'company.industry', exists: true } }))).toEqual(['saas-cto', 'bank-vp']);
    expect(members(defineSegment({ id: 'no-company', when: { field: 'company.industry', exists: false } }))).toEqual(['student']);
  });

  it('pins the engagement boundary: a lead active exactly N days before asOf is not inactive for N days', () => {
    // Old `{ recency: inactiveForDays: 90 }` held when `asOf - last activity >= 90 days`, so a lead whose last activity
    // was exactly 90 days old was dormant. The activity window is inclusive (`age <= 90 days`), so that activity
    // counts as recent and `{ not: { activity: {}, withinDays: 90 } }` does not hold; one millisecond older, it does.
    const lastActive = (ageMs: number) => lead('l', { activities: [{ type: 'email_opened', at: new Date(asOf.getTime() - ageMs) }] });
    const segment = compileSegment(dormant);
    expect(segment.matches(lastActive(89 * MILLISECONDS_PER_DAY), { asOf })).toBe(false);
    expect(segment.matches(lastActive(90 * MILLISECONDS_PER_DAY), { asOf })).toBe(false);
    expect(segment.matches(lastActive(90 * MILLISECONDS_PER_DAY + 1), { asOf })).toBe(true);
    // Active within N days (the old `activeWithinDays`) is inclusive too, as it was.
    const active = segmentOf({ activity: {}, withinDays: 90 });
    expect(active.matches(lastActive(90 * MILLISECONDS_PER_DAY), { asOf })).toBe(true);
    expect(active.matches(lastActive(90 * MILLISECONDS_PER_DAY + 1), { asOf })).toBe(false);
    // Activities after asOf never count, so a lead only active later is dormant as of asOf.
    expect(segment.matches(lastActive(-MILLISECONDS_PER_DAY), { asOf })).toBe(true);
  });

  it('counts activities by type and page kind, with atLeast and atMost', () => {
    const views = (count: number) =>
      lead('v', {
        activities: Array.from({ length: count }, (_, index) => ({
          type: 'page_viewed' as const,
          at: at(`2024-02-2${index}T00:00:00Z`),
          url: '/pricing',
          pageKind: 'pricing' as const,
        })),
      });
    const oneOrTwo = segmentOf({ activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 30, atLeast: 1, atMost: 2 });
    expect([0, 1, 2, 3].map((count) => oneOrTwo.matches(views(count), { asOf }))).toEqual([false, true, true, false]);
    const never = segmentOf({ activity: { type: 'page_viewed' }, atLeast: 0, atMost: 0 });
    expect([0, 1].map((count) => never.matches(views(count), { asOf }))).toEqual([true, false]);
    const blog = segmentOf({ activity: { type: 'page_viewed', pageKind: 'blog' } });
    expect(blog.matches(views(3), { asOf })).toBe(false);
  });

  it('reads the stage as of asOf from the history; other fields as they are on the lead', () => {
    const customers = defineSegment({ id: 'customers', when: { field: 'stage', equals: 'customer' } });
    const wonInJune = lead('won-in-june', {
      stage: 'customer',
      stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-06-01T00:00:00Z']),
    });
    const segment = compileSegment(customers);
    expect(segment.matches(wonInJune, { asOf })).toBe(false);
    expect(segment.matches(wonInJune, { asOf: at('2024-06-01T00:00:00Z') })).toBe(true);
    // Out of order: the last entry in array order counts, as in the funnel report.
    const outOfOrder = lead('ooo', {
      stage: 'lost',
      stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-02-01T00:00:00Z'], ['mql', '2024-01-10T00:00:00Z']),
    });
    expect(segment.matches(outOfOrder, { asOf })).toBe(false);
    expect(segmentOf({ field: 'stage', equals: 'mql' }).matches(outOfOrder, { asOf })).toBe(true);
    // Without history, the lead's stage is read, from its creation on.
    expect(segment.matches(lead('no-history', { stage: 'customer' }), { asOf })).toBe(true);
    expect(segment.matches(lead('no-history', { stage: 'customer' }), { asOf: at('2023-12-31T00:00:00Z') })).toBe(false);
  });

  it('reads contains with a list as "contains any of them", ignoring case, and on a list field item by item', () => {
    const software = leads[0] as Lead;
    const matches = (when: SegmentDefinitionJson['when']) => segmentOf(when).matches(software, { asOf });
    expect(matches({ field: 'company.industry', contains: ['bank', 'soft'] })).toBe(true);
    expect(matches({ field: 'company.industry', contains: ['SOFT'] })).toBe(true);
    expect(matches({ field: 'company.industry', contains: ['bank', 'retail'] })).toBe(false);
    expect(matches({ field: 'company.technologies', contains: ['gcp', 'AWS'] })).toBe(true);
    expect(matches({ field: 'company.technologies', contains: ['gcp'] })).toBe(false);
    // Changed on purpose: on a list field, `contains` now tests each item as text ("one item contains it"), so 'aw'
    // is in ['aws']; the old rule compared whole items. A whole item is tested with `in` or `equals`.
    expect(matches({ field: 'company.technologies', contains: 'aw' })).toBe(true);
    expect(matches({ field: 'company.technologies', in: ['aw'] })).toBe(false);
    expect(matches({ field: 'company.technologies', equals: 'AWS' })).toBe(true);
    expect(matches({ field: 'company.technologies', equals: 'AWS', caseSensitive: true })).toBe(false);
  });

  it('checks the definition against an extended lead schema when given one ({ lead })', () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']) });
    type CrmLead = z.output<typeof CrmLead>;
    const strategic = defineSegment({ id: 'strategic', when: { field: 'accountTier', equals: 'strategic' } }, { lead: CrmLead });
    const segment = compileSegment<CrmLead>(strategic, { lead: CrmLead });
    expect(segment.matches({ ...lead('a'), accountTier: 'strategic' }, { asOf })).toBe(true);
    expect(segment.matches({ ...lead('b'), accountTier: 'growth' }, { asOf })).toBe(false);
    // The same definition against the plain Lead schema names a field it lacks: a programmer error.
    expect(() => compileSegment(strategic, { lead: Lead })).toThrow(ValidationError);
    expect(() => compileSegment(strategic)).not.toThrow();
  });

  it('does not mutate its input', () => {
    const definition = structuredClone(executives);
    const sample = structuredClone(leads);
    const segment = compileSegment(definition);
    for (const entry of sample) segment.matches(entry, { asOf });
    expect(definition).toEqual(executives);
    expect(sample).toEqual(leads);
  });
});
