import { describe, expect, it } from 'vitest';
import { leadToJson, parseLead } from '../models/index.ts';
import { generateLeads } from './generate-leads.ts';

const asOf = new Date('2024-06-30T00:00:00Z');

describe('generateLeads', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateLeads({ seed: 1, count: 50, asOf })).toEqual(generateLeads({ seed: 1, count: 50, asOf }));
    expect(generateLeads({ seed: 2, count: 50, asOf })).not.toEqual(generateLeads({ seed: 1, count: 50, asOf }));
  });

  it('makes valid leads whose activities lie between creation and asOf, in time order', () => {
    const leads = generateLeads({ seed: 3, count: 300, asOf, activities: { min: 2, max: 20 } });
    for (const lead of leads) {
      expect(parseLead(JSON.parse(JSON.stringify(leadToJson(lead)))).ok).toBe(true);
      expect(lead.createdAt.getTime()).toBeLessThan(asOf.getTime());
      expect(lead.activities.length).toBeGreaterThanOrEqual(2);
      expect(lead.activities.length).toBeLessThanOrEqual(20);
      for (let i = 0; i < lead.activities.length; i++) {
        const at = lead.activities[i]!.at.getTime();
        expect(at).toBeGreaterThanOrEqual(lead.createdAt.getTime());
        expect(at).toBeLessThanOrEqual(asOf.getTime());
        if (i > 0) expect(at).toBeGreaterThanOrEqual(lead.activities[i - 1]!.at.getTime());
      }
      if (lead.outcome) expect(lead.outcome.at.getTime()).toBeLessThanOrEqual(asOf.getTime());
    }
  });

  it('gives outcomes whose odds follow fit, so predictive models have a signal', () => {
    const leads = generateLeads({ seed: 4, count: 4000, asOf });
    const rate = (group: typeof leads) => group.filter((l) => l.outcome?.status === 'won').length / group.filter((l) => l.outcome).length;
    const decisionMakers = leads.filter((l) => l.contact.decisionRole === 'decision_maker' || l.contact.decisionRole === 'economic_buyer');
    const others = leads.filter((l) => !decisionMakers.includes(l));
    expect(rate(decisionMakers)).toBeGreaterThan(rate(others));
    expect(generateLeads({ seed: 4, count: 100, asOf, outcomes: false }).some((l) => l.outcome)).toBe(false);
  });
});
