import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { dataDecayReport } from './data-decay.ts';
import { findStaleRecords, weightedPipeline } from './pipeline.ts';
import { speedToLead } from './speed-to-lead.ts';
import { testFunnel } from './test-fixtures.ts';

const range = { min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z') };
const asOf = new Date('2024-06-30T00:00:00Z');
const stageIds = testFunnel.stages.map((stage) => stage.id);

const deal = fc.record({
  createdAt: fc.date({ ...range, noInvalidDate: true }),
  stage: fc.constantFrom(...stageIds),
  amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
  currency: fc.constantFrom('USD', 'EUR', 'JPY'),
});

describe('pipeline properties', () => {
  test.prop([fc.array(deal, { maxLength: 60 })])('the weighted pipeline is per currency, at most the total, and counts are conserved', (deals) => {
    const pipeline = weightedPipeline(deals, { funnel: testFunnel, asOf, amountOf: (entry) => ({ amountMinor: entry.amountMinor, currency: entry.currency }) });
    const open = deals.filter((entry) => entry.createdAt.getTime() <= asOf.getTime() && testFunnel.stages.find((stage) => stage.id === entry.stage)?.kind === 'open');
    expect(pipeline.byCurrency.reduce((sum, currency) => sum + currency.records, 0)).toBe(open.length);
    for (const currency of pipeline.byCurrency) {
      expect(currency.weighted.currency).toBe(currency.currency);
      expect(currency.weighted.amountMinor).toBeLessThanOrEqual(currency.total.amountMinor);
      expect(currency.total.amountMinor).toBe(open.filter((entry) => entry.currency === currency.currency).reduce((sum, entry) => sum + entry.amountMinor, 0));
    }
    for (const stale of findStaleRecords(deals, { funnel: testFunnel, asOf })) expect(stale.daysInStage).toBeGreaterThan(stale.rottingDays);
  });

  test.prop([fc.array(arbitraryLead(range), { maxLength: 30 }), fc.integer({ min: 1, max: 500 })])('speed-to-lead and decay counts are conserved', (leads, slaHours) => {
    const speed = speedToLead(leads, { asOf, slaHours });
    expect(speed.withinSla + speed.breached + speed.pending).toBe(speed.withSla);
    expect(speed.withSla).toBe(speed.leads);
    expect(speed.touched).toBeLessThanOrEqual(speed.leads);
    expect(speed.responseTime.count).toBe(speed.touched);
    if (speed.responseTime.min !== undefined) expect(speed.responseTime.min).toBeGreaterThanOrEqual(0);
    const decay = dataDecayReport(leads, { asOf });
    expect(decay.staleIds.length).toBeLessThanOrEqual(decay.records);
    if (decay.expectedValidShare !== undefined) expect(decay.expectedValidShare >= 0 && decay.expectedValidShare <= 1).toBe(true);
  });
});
