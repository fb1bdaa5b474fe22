import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { dataDecayReport } from './data-decay.ts';
import { findStaleRecords, pipelineVelocity, weightedPipeline } from './pipeline.ts';
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
    const open = deals.filter(
      (entry) => entry.createdAt.getTime() <= asOf.getTime() && testFunnel.stages.find((stage) => stage.id === entry.stage)?.kind === 'open',
    );
    expect(pipeline.byCurrency.reduce((sum, currency) => sum + currency.records, 0)).toBe(open.length);
    for (const currency of pipeline.byCurrency) {
      expect(currency.weighted.currency).toBe(currency.currency);
      expect(currency.weighted.amountMinor).toBeLessThanOrEqual(currency.total.amountMinor);
      expect(currency.total.amountMinor).toBe(open.filter((entry) => entry.currency === currency.currency).reduce((sum, entry) => sum + entry.amountMinor, 0));
    }
    for (const stale of findStaleRecords(deals, { funnel: testFunnel, asOf })) expect(stale.daysInStage).toBeGreaterThan(stale.rottingDays);
  });

  const velocityInput = fc.record({
    opportunities: fc.integer({ min: 0, max: 100_000 }),
    winRate: fc.double({ min: 0, max: 1, noNaN: true }),
    dealMinor: fc.integer({ min: 0, max: 10 ** 10 }),
    cycleLengthDays: fc.double({ min: 0.5, max: 2000, noNaN: true }),
  });
  const velocity = (input: { opportunities: number; winRate: number; dealMinor: number; cycleLengthDays: number }) =>
    pipelineVelocity({
      opportunities: input.opportunities,
      winRate: input.winRate,
      averageDealSize: { amountMinor: input.dealMinor, currency: 'EUR' },
      cycleLengthDays: input.cycleLengthDays,
    });

  test.prop([velocityInput])('pipeline velocity is opportunities × win rate × deal size ÷ cycle length, rounded, in the deal currency', (input) => {
    const result = velocity(input);
    expect(result.currency).toBe('EUR');
    expect(result.amountMinor).toBe(Math.round((input.opportunities * input.winRate * input.dealMinor) / input.cycleLengthDays));
    expect(result.amountMinor).toBeGreaterThanOrEqual(0);
    if (input.opportunities === 0 || input.winRate === 0 || input.dealMinor === 0) expect(result.amountMinor).toBe(0);
  });

  test.prop([
    fc.oneof(fc.double({ min: 0, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY)),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.double({ min: Number.MIN_VALUE, noNaN: true }),
  ])('pipeline velocity is always valid Money, or refused with a RangeError', (opportunities, winRate, dealMinor, cycleLengthDays) => {
    try {
      const result = pipelineVelocity({ opportunities, winRate, averageDealSize: { amountMinor: dealMinor, currency: 'EUR' }, cycleLengthDays });
      expect(Number.isSafeInteger(result.amountMinor)).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
    }
  });

  test.prop([velocityInput, velocityInput])('pipeline velocity grows with opportunities, win rate and deal size, and shrinks with a longer cycle', (a, b) => {
    const low = {
      opportunities: Math.min(a.opportunities, b.opportunities),
      winRate: Math.min(a.winRate, b.winRate),
      dealMinor: Math.min(a.dealMinor, b.dealMinor),
      cycleLengthDays: Math.max(a.cycleLengthDays, b.cycleLengthDays),
    };
    const high = {
      opportunities: Math.max(a.opportunities, b.opportunities),
      winRate: Math.max(a.winRate, b.winRate),
      dealMinor: Math.max(a.dealMinor, b.dealMinor),
      cycleLengthDays: Math.min(a.cycleLengthDays, b.cycleLengthDays),
    };
    expect(velocity(low).amountMinor).toBeLessThanOrEqual(velocity(high).amountMinor);
  });

  test.prop([
    velocityInput,
    fc.oneof(
      fc.record({ cycleLengthDays: fc.oneof(fc.double({ min: -1000, max: 0, noNaN: true }), fc.constant(Number.NaN)) }),
      fc.record({
        winRate: fc.oneof(fc.double({ min: 1.000001, max: 100, noNaN: true }), fc.double({ min: -100, max: -0.000001, noNaN: true }), fc.constant(Number.NaN)),
      }),
      fc.record({ opportunities: fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.constant(Number.NaN)) }),
    ),
  ])('pipeline velocity refuses a non-positive cycle, a win rate outside 0–1 and negative opportunities', (input, broken) => {
    expect(() => velocity({ ...input, ...broken })).toThrow(RangeError);
  });

  test.prop([fc.array(arbitraryLead(range), { maxLength: 30 }), fc.integer({ min: 1, max: 500 })])(
    'speed-to-lead and decay counts are conserved',
    (leads, slaHours) => {
      const speed = speedToLead(leads, { asOf, slaHours });
      expect(speed.withinSla + speed.breached + speed.pending).toBe(speed.withSla);
      expect(speed.withSla).toBe(speed.leads);
      expect(speed.touched).toBeLessThanOrEqual(speed.leads);
      expect(speed.responseTime.count).toBe(speed.touched);
      if (speed.responseTime.min !== undefined) expect(speed.responseTime.min).toBeGreaterThanOrEqual(0);
      const decay = dataDecayReport(leads, { asOf });
      expect(decay.staleIds.length).toBeLessThanOrEqual(decay.records);
      if (decay.expectedValidShare !== undefined) expect(decay.expectedValidShare >= 0 && decay.expectedValidShare <= 1).toBe(true);
    },
  );
});
