import { describe, expect, it } from 'vitest';
import { speedToLead } from './speed-to-lead.ts';
import { testFunnel } from './test-fixtures.ts';

const asOf = new Date('2024-03-01T12:00:00Z');
const leads = [
  // Touched after 6 hours.
  {
    id: 'a',
    createdAt: new Date('2024-03-01T00:00:00Z'),
    stage: 'lead',
    activities: [
      { type: 'page_viewed', at: new Date('2024-03-01T01:00:00Z') },
      { type: 'call', at: new Date('2024-03-01T06:00:00Z') },
    ],
  },
  // Touched after 2 days: late.
  { id: 'b', createdAt: new Date('2024-02-20T00:00:00Z'), stage: 'lead', activities: [{ type: 'email_sent', at: new Date('2024-02-22T00:00:00Z') }] },
  // Never touched, 10 days old: breached. The outbound e-mail before creation does not count.
  { id: 'c', createdAt: new Date('2024-02-20T00:00:00Z'), stage: 'lead', activities: [{ type: 'email_sent', at: new Date('2024-02-19T00:00:00Z') }] },
  // Never touched, 2 hours old: pending.
  { id: 'd', createdAt: new Date('2024-03-01T10:00:00Z'), stage: 'lead', activities: [] },
  // In a stage without an SLA.
  { id: 'e', createdAt: new Date('2024-02-01T00:00:00Z'), stage: 'mql' },
];

describe('speedToLead', () => {
  it('measures time to first sales touch and SLA breaches from the stage SLA', () => {
    const report = speedToLead(leads, { asOf, funnel: testFunnel });
    expect(report).toMatchObject({ leads: 5, touched: 2, withSla: 4, withinSla: 1, breached: 2, pending: 1, breachedLeadIds: ['b', 'c'] });
    expect(report.responseTime).toMatchObject({ count: 2, min: 0.25, max: 2 });
  });
  it('uses an explicit SLA for every lead', () => {
    expect(speedToLead(leads, { asOf, slaHours: 72 })).toMatchObject({ withSla: 5, withinSla: 2, breached: 2, pending: 1 });
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(leads);
    speedToLead(leads, { asOf, funnel: testFunnel });
    expect(leads).toEqual(copy);
  });
});
