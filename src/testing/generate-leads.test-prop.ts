import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { leadToJson, parseLead } from '../models/index.ts';
import { generateLeads, type GenerateLeadsOptions } from './generate-leads.ts';

const DAY = 86_400_000;

/** Any options a caller may pass: seeds, sizes, instants and activity budgets. */
const options: fc.Arbitrary<GenerateLeadsOptions> = fc
  .record({
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
    count: fc.integer({ min: 0, max: 25 }),
    asOf: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59.999Z'), noInvalidDate: true }),
    budget: fc.option(fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 })), { nil: undefined }),
    outcomes: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ budget, outcomes, ...rest }) => ({
    ...rest,
    ...(budget === undefined ? {} : { activities: { min: Math.min(...budget), max: Math.max(...budget) } }),
    ...(outcomes === undefined ? {} : { outcomes }),
  }));

describe('generateLeads properties', () => {
  test.prop([options], { numRuns: 60 })('makes count leads that parse with parseLead after a JSON round trip', (given) => {
    const leads = generateLeads(given);
    expect(leads).toHaveLength(given.count);
    expect(new Set(leads.map((lead) => lead.id)).size).toBe(given.count);
    for (const lead of leads) {
      const parsed = parseLead(JSON.parse(JSON.stringify(leadToJson(lead))));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value).toEqual({ ...lead, schemaVersion: 1 });
    }
  });

  test.prop([options], { numRuns: 60 })('keeps every date within bounds: created in the year before asOf, nothing after asOf', (given) => {
    const asOfMs = (given.asOf as Date).getTime();
    const min = given.activities?.min ?? 0;
    const max = given.activities?.max ?? 12;
    for (const lead of generateLeads(given)) {
      const created = lead.createdAt.getTime();
      expect(created).toBeLessThan(asOfMs);
      expect(created).toBeGreaterThanOrEqual(asOfMs - 366 * DAY);
      expect(lead.activities.length).toBeGreaterThanOrEqual(min);
      expect(lead.activities.length).toBeLessThanOrEqual(max);
      let previous = created;
      for (const activity of lead.activities) {
        expect(activity.at.getTime()).toBeGreaterThanOrEqual(previous);
        expect(activity.at.getTime()).toBeLessThanOrEqual(asOfMs);
        previous = activity.at.getTime();
      }
      const verified = lead.lastVerifiedAt?.getTime();
      if (verified !== undefined) expect(verified >= created && verified <= asOfMs).toBe(true);
      if (lead.outcome !== undefined) {
        expect(given.outcomes).not.toBe(false);
        expect(lead.outcome.at.getTime()).toBeGreaterThan(created);
        expect(lead.outcome.at.getTime()).toBeLessThanOrEqual(asOfMs);
      }
    }
  });

  test.prop([options], { numRuns: 40 })('gives the same leads for the same options, and does not depend on how asOf is given', (given) => {
    const leads = generateLeads(given);
    expect(generateLeads({ ...given })).toEqual(leads);
    expect(generateLeads({ ...given, asOf: (given.asOf as Date).getTime() })).toEqual(leads);
  });
});
