// Imports may not say when a lead was created or closed: metrics count such records as undated instead of failing.
import { describe, expect, it } from 'vitest';
import { b2bFunnel } from '../funnel/index.ts';
import type { Lead } from '../models/index.ts';
import { dataDecayReport } from './data-decay.ts';
import { funnelReport } from './funnel-report.ts';
import { speedToLead } from './speed-to-lead.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const dated: Lead = {
  id: 'dated',
  contact: {},
  source: 'referral',
  createdAt: new Date('2024-05-01T00:00:00Z'),
  stage: 'lead',
  activities: [{ type: 'call', at: new Date('2024-05-01T02:00:00Z'), direction: 'outbound' }],
};
const undated: Lead = { id: 'undated', contact: {}, source: 'other', stage: 'lead', activities: [] };
const verifiedOnly: Lead = { id: 'verified', contact: {}, source: 'other', lastVerifiedAt: new Date('2024-05-20T00:00:00Z'), activities: [] };

describe('metrics on leads without dates', () => {
  it('funnelReport counts a lead without createdAt or a dated history in recordsWithoutDate', () => {
    const report = funnelReport([dated, undated], { funnel: b2bFunnel, asOf });
    expect(report.overall.records).toBe(1);
    expect(report.dataIssues.recordsWithoutDate).toBe(1);
  });

  it('speedToLead counts them as undated', () => {
    const report = speedToLead([dated, undated], { asOf, slaHours: 24 });
    expect(report).toMatchObject({ leads: 1, undated: 1, touched: 1, invalidDates: 0 });
  });

  it('dataDecayReport ages an undated record from its verification, and counts it undated without one', () => {
    const report = dataDecayReport([dated, undated, verifiedOnly], { asOf });
    expect(report).toMatchObject({ records: 2, undated: 1 });
  });

  it('does not mutate its input', () => {
    const before = structuredClone(undated);
    funnelReport([undated], { funnel: b2bFunnel, asOf });
    speedToLead([undated], { asOf });
    dataDecayReport([undated], { asOf });
    expect(undated).toEqual(before);
  });
});
