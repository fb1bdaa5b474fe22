import { describe, expect, it } from 'vitest';
import { money } from '../models/money.ts';
import { findStaleRecords, pipelineVelocity, weightedPipeline } from './pipeline.ts';
import { history, testFunnel } from './test-fixtures.ts';

const asOf = new Date('2024-03-01T00:00:00Z');
const deals = [
  {
    id: 'd1',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['opportunity', '2024-02-25T00:00:00Z']),
    amount: money('10000', 'USD'),
  },
  {
    id: 'd2',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['sql', '2024-01-10T00:00:00Z']),
    amount: money('5000', 'USD'),
  },
  { id: 'd3', createdAt: new Date('2024-01-01T00:00:00Z'), stage: 'mql', amount: money('3000', 'EUR') },
  {
    id: 'd4',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-02-01T00:00:00Z']),
    amount: money('9000', 'USD'),
  },
  { id: 'd5', createdAt: new Date('2024-02-28T00:00:00Z'), stage: 'lead', amount: undefined },
  // Moves to opportunity after asOf: as of asOf it is still in sql.
  {
    id: 'd6',
    createdAt: new Date('2024-02-20T00:00:00Z'),
    stageHistory: history(['sql', '2024-02-20T00:00:00Z'], ['opportunity', '2024-03-05T00:00:00Z']),
    amount: money('1000', 'USD'),
  },
];

describe('weightedPipeline', () => {
  it('weighs open records by stage probability, one total per currency', () => {
    const pipeline = weightedPipeline(deals, { funnel: testFunnel, asOf, amountOf: (deal) => deal.amount });
    expect(pipeline).toEqual({
      byCurrency: [
        { currency: 'EUR', records: 1, total: money('3000', 'EUR'), weighted: money('300', 'EUR') },
        // 10000 × 0.5 + 5000 × 0.2 + 1000 × 0.2
        { currency: 'USD', records: 3, total: money('16000', 'USD'), weighted: money('6200', 'USD') },
      ],
      recordsWithoutAmount: 1,
      recordsWithoutDate: 0,
      invalidDates: 0,
    });
  });

  // Regression (issue 12, item 9): an amount of NaN (or 0.5) made every total of its currency NaN.
  it('leaves amounts that are not Money out of the totals, counted, and refuses totals Money cannot hold', () => {
    const [first, second, third] = deals as [(typeof deals)[number], (typeof deals)[number], (typeof deals)[number]];
    const odd = [{ ...first, amount: { amountMinor: Number.NaN, currency: 'USD' } }, { ...second, amount: { amountMinor: 0.5, currency: 'USD' } }, third];
    const pipeline = weightedPipeline(odd, { funnel: testFunnel, asOf, amountOf: (deal) => deal.amount });
    expect(pipeline.byCurrency).toEqual([{ currency: 'EUR', records: 1, total: money('3000', 'EUR'), weighted: money('300', 'EUR') }]);
    expect(pipeline.recordsWithoutAmount).toBe(2);
    const huge = [first, first].map((deal) => ({ ...deal, amount: { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' } }));
    expect(() => weightedPipeline(huge, { funnel: testFunnel, asOf, amountOf: (deal) => deal.amount })).toThrow(
      /weightedPipeline: the result .* is beyond what Money holds/,
    );
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(deals);
    weightedPipeline(deals, { funnel: testFunnel, asOf, amountOf: (deal) => deal.amount });
    expect(deals).toEqual(copy);
  });
});

describe('pipelineVelocity', () => {
  it('is opportunities × win rate × deal size ÷ cycle length', () => {
    expect(pipelineVelocity({ opportunities: 40, winRate: 0.25, averageDealSize: money('12000', 'USD'), cycleLengthDays: 60 })).toEqual(money('2000', 'USD'));
  });
  it('refuses impossible inputs', () => {
    expect(() => pipelineVelocity({ opportunities: 1, winRate: 25, averageDealSize: money('1', 'USD'), cycleLengthDays: 1 })).toThrow(RangeError);
    expect(() => pipelineVelocity({ opportunities: 1, winRate: 0.2, averageDealSize: money('1', 'USD'), cycleLengthDays: 0 })).toThrow(RangeError);
  });

  // Regression (issue 12, item 9): Infinity opportunities passed the checks and the velocity was Infinity.
  it('refuses a velocity Money cannot hold, and a deal size that is not Money', () => {
    expect(() => pipelineVelocity({ opportunities: Number.POSITIVE_INFINITY, winRate: 0.5, averageDealSize: money('1', 'USD'), cycleLengthDays: 30 })).toThrow(
      /pipelineVelocity: the result \(Infinity minor units of USD\) is beyond what Money holds/,
    );
    expect(() => pipelineVelocity({ opportunities: 10, winRate: 0.5, averageDealSize: money('1', 'USD'), cycleLengthDays: 1e-300 })).toThrow(RangeError);
    expect(() =>
      pipelineVelocity({ opportunities: 10, winRate: 0.5, averageDealSize: { amountMinor: Number.NaN, currency: 'USD' }, cycleLengthDays: 30 }),
    ).toThrow(/averageDealSize must be a safe integer/);
  });
});

describe('findStaleRecords', () => {
  it('lists records past their stage rotting threshold, most overdue first', () => {
    const stale = findStaleRecords(deals, { funnel: testFunnel, asOf });
    // d2: 51 days in sql (14), d3: 60 days in mql (14), d5: 2 days in lead (7): fresh, d1: 5 days in opportunity (30).
    expect(stale.map((entry) => [entry.record.id, entry.stageId, entry.daysInStage, entry.rottingDays])).toEqual([
      ['d3', 'mql', 60, 14],
      ['d2', 'sql', 51, 14],
    ]);
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(deals);
    findStaleRecords(deals, { funnel: testFunnel, asOf });
    expect(deals).toEqual(copy);
  });
});
