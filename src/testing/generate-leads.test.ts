import { describe, expect, it } from 'vitest';
import type { Activity, Lead } from '../models/index.ts';
import { leadToJson, parseLead } from '../models/index.ts';
import { generateLeads } from './generate-leads.ts';

const asOf = new Date('2024-06-30T00:00:00Z');
const DAY = 86_400_000;

/** Activities that show engagement: the first of them is when a lead becomes an MQL. */
const engaging = new Set<Activity['type']>([
  'email_clicked',
  'email_replied',
  'form_submitted',
  'content_downloaded',
  'webinar_registered',
  'webinar_attended',
  'event_attended',
  'trial_started',
]);
const isEngaging = (activity: Activity) => engaging.has(activity.type) || (activity.type === 'page_viewed' && activity.pageKind === 'pricing');
const isBuyingSignal = (activity: Activity) =>
  (activity.type === 'page_viewed' && activity.pageKind === 'pricing') ||
  activity.type === 'demo_requested' ||
  activity.type === 'meeting_booked' ||
  activity.type === 'meeting_held';
const firstAt = (lead: Lead, test: (activity: Activity) => boolean) => lead.activities.find(test)?.at.getTime();

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

  it('gives the same leads without their outcomes when outcomes is false, and other ids with another prefix', () => {
    const leads = generateLeads({ seed: 5, count: 200, asOf });
    expect(leads.some((lead) => lead.outcome !== undefined)).toBe(true);
    const withoutOutcomes = leads.map(({ outcome: _outcome, ...lead }) => lead);
    expect(generateLeads({ seed: 5, count: 200, asOf, outcomes: false })).toEqual(withoutOutcomes);
    const prefixed = generateLeads({ seed: 5, count: 200, asOf, idPrefix: 'crm-' });
    expect(prefixed.map((lead) => lead.id)).toEqual(leads.map((lead) => lead.id.replace(/^lead-/, 'crm-')));
    expect(prefixed.map((lead) => lead.contact)).toEqual(leads.map((lead) => lead.contact));
  });

  it('takes asOf as a Date or epoch milliseconds, and does not mutate its options', () => {
    const options = { seed: 6, count: 20, asOf, activities: { min: 1, max: 5 } };
    const before = structuredClone(options);
    const leads = generateLeads(options);
    expect(options).toEqual(before);
    expect(generateLeads({ ...options, asOf: asOf.getTime() })).toEqual(leads);
  });

  it('refuses an invalid asOf, count or activity range (programmer errors)', () => {
    expect(() => generateLeads({ seed: 1, count: 1, asOf: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => generateLeads({ seed: 1, count: 1, asOf: Number.POSITIVE_INFINITY })).toThrow(/asOf is not a valid instant/);
    expect(() => generateLeads({ seed: 1, count: -1, asOf })).toThrow(RangeError);
    expect(() => generateLeads({ seed: 1, count: 1.5, asOf })).toThrow(/count/);
    expect(() => generateLeads({ seed: 1, count: 1, asOf, activities: { min: 3, max: 2 } })).toThrow(/activities/);
    expect(() => generateLeads({ seed: 1, count: 1, asOf, activities: { min: -1, max: 2 } })).toThrow(RangeError);
    expect(generateLeads({ seed: 1, count: 0, asOf })).toEqual([]);
  });

  it('keeps to a tight activity budget, the stage activities first', () => {
    const none = generateLeads({ seed: 7, count: 300, asOf, activities: { min: 0, max: 0 } });
    expect(none.every((lead) => lead.activities.length === 0)).toBe(true);
    for (const lead of generateLeads({ seed: 7, count: 2000, asOf, activities: { min: 0, max: 2 } })) {
      expect(lead.activities.length).toBeLessThanOrEqual(2);
      // A lead that got as far as a demo request or a meeting always shows the engagement that made it an MQL first.
      const sql = firstAt(lead, (activity) => activity.type === 'demo_requested' || activity.type === 'meeting_booked');
      if (sql !== undefined) expect(firstAt(lead, isEngaging)).toBeLessThanOrEqual(sql);
    }
  });

  it('leaves activities from which the funnel stages read back in order: engagement, then a demo or meeting, then a meeting held', () => {
    const leads = generateLeads({ seed: 8, count: 3000, asOf, activities: { min: 0, max: 16 } });
    let opportunities = 0;
    for (const lead of leads) {
      const mql = firstAt(lead, isEngaging);
      const sql = firstAt(lead, (activity) => activity.type === 'demo_requested' || activity.type === 'meeting_booked');
      const opportunity = firstAt(lead, (activity) => activity.type === 'meeting_held');
      if (sql !== undefined) expect(mql).toBeLessThanOrEqual(sql);
      if (opportunity !== undefined) {
        opportunities++;
        expect(sql).toBeLessThanOrEqual(opportunity);
      }
      // A won deal went through an opportunity; an outcome is after everything that led to it.
      if (lead.outcome?.status === 'won') expect(opportunity).toBeLessThanOrEqual(lead.outcome.at.getTime());
      if (lead.outcome !== undefined)
        for (const activity of lead.activities)
          if (activity.at.getTime() > lead.outcome.at.getTime()) expect(isEngaging(activity) || isBuyingSignal(activity)).toBe(false);
    }
    expect(opportunities).toBeGreaterThan(200);
  });

  it('gives won leads more buying signals than lost ones, and closer to the decision', () => {
    const leads = generateLeads({ seed: 9, count: 6000, asOf, activities: { min: 0, max: 16 } });
    const signals = (status: 'won' | 'lost') => {
      const closed = leads.filter((lead) => lead.outcome?.status === status);
      let count = 0;
      const gaps: number[] = [];
      for (const lead of closed) {
        const decided = lead.outcome!.at.getTime();
        const before = lead.activities.filter((activity) => isBuyingSignal(activity) && activity.at.getTime() <= decided);
        count += before.length;
        if (before.length > 0) gaps.push((decided - before.at(-1)!.at.getTime()) / DAY);
      }
      gaps.sort((a, b) => a - b);
      return { perLead: count / closed.length, medianGapDays: gaps[gaps.length >> 1]! };
    };
    const won = signals('won');
    const lost = signals('lost');
    expect(won.perLead).toBeGreaterThan(2 * lost.perLead);
    expect(won.medianGapDays).toBeLessThan(lost.medianGapDays);
  });

  it('touches most leads within hours: a first call or e-mail soon after creation, some never', () => {
    const leads = generateLeads({ seed: 10, count: 3000, asOf, activities: { min: 0, max: 16 } });
    const touches = new Set<Activity['type']>(['email_sent', 'call', 'meeting_booked', 'meeting_held']);
    const delays = leads
      .filter((lead) => lead.createdAt.getTime() <= asOf.getTime() - 15 * DAY)
      .map((lead) => (firstAt(lead, (activity) => touches.has(activity.type)) ?? Number.POSITIVE_INFINITY) - lead.createdAt.getTime());
    const share = (limitMs: number) => delays.filter((delay) => delay <= limitMs).length / delays.length;
    // Documented: 45 % within the hour, 75 % within the day, 92 % within two weeks.
    expect(share(3_600_000)).toBeGreaterThan(0.35);
    expect(share(3_600_000)).toBeLessThan(0.55);
    expect(share(DAY)).toBeGreaterThan(0.65);
    expect(share(DAY)).toBeLessThan(0.85);
    expect(share(14 * DAY)).toBeLessThan(1);
  });
});
