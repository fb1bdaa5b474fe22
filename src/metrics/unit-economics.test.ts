import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { money, moneyToDecimal } from '../models/money.ts';
import { cacPayback, clvToCacRatio, customerAcquisitionCost, customerLifetimeValue, leadToCustomerRate } from './unit-economics.ts';

describe('unit economics', () => {
  it('computes CAC, CLV, payback and ratios from hand-computed examples', () => {
    expect(customerAcquisitionCost({ salesAndMarketingSpend: money('50000', 'USD'), newCustomers: 25 })).toEqual(money('2000', 'USD'));
    expect(customerAcquisitionCost({ salesAndMarketingSpend: money('50000', 'USD'), newCustomers: 0 })).toBeUndefined();
    expect(customerLifetimeValue({ monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8, monthlyChurnRate: 0.02 })).toEqual(money('20000', 'USD'));
    expect(customerLifetimeValue({ monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8, monthlyChurnRate: 0 })).toBeUndefined();
    expect(cacPayback({ customerAcquisitionCost: money('6000', 'USD'), monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8 })).toEqual({
      months: 15,
      days: 456.5625,
    });
    expect(cacPayback({ customerAcquisitionCost: money('6000', 'USD'), monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0 })).toBeUndefined();
    // A subnormal margin would give Infinity months (found by the property test): never pays back.
    expect(cacPayback({ customerAcquisitionCost: money('6000', 'USD'), monthlyRevenuePerAccount: money('0.01', 'USD'), grossMargin: 5e-324 })).toBeUndefined();
    expect(leadToCustomerRate({ leads: 8000, customers: 842 })).toBeCloseTo(0.10525);
    expect(leadToCustomerRate({ leads: 0, customers: 0 })).toBeUndefined();
    expect(clvToCacRatio({ customerLifetimeValue: money('20000', 'USD'), customerAcquisitionCost: money('5000', 'USD') })).toBe(4);
  });

  it('never mixes currencies and refuses rates outside 0–1', () => {
    expect(() => cacPayback({ customerAcquisitionCost: money('6000', 'EUR'), monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8 })).toThrow(
      /EUR and USD/,
    );
    expect(() => clvToCacRatio({ customerLifetimeValue: money('1', 'EUR'), customerAcquisitionCost: money('1', 'USD') })).toThrow(RangeError);
    expect(() => customerLifetimeValue({ monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 80, monthlyChurnRate: 0.02 })).toThrow(RangeError);
    expect(() => leadToCustomerRate({ leads: 1, customers: 2 })).toThrow(RangeError);
    expect(() => customerAcquisitionCost({ salesAndMarketingSpend: money('1', 'USD'), newCustomers: -1 })).toThrow(RangeError);
  });

  // Regression (issue 12, item 9): CLV returned amountMinor 1e22, which moneyToDecimal printed as "1e+.22".
  it('refuses a value Money cannot hold, and amounts that are not Money', () => {
    expect(() => customerLifetimeValue({ monthlyRevenuePerAccount: money('1000000', 'USD'), grossMargin: 1, monthlyChurnRate: 1e-14 })).toThrow(
      /customerLifetimeValue: the result \(1e\+22 minor units of USD\) is beyond what Money holds/,
    );
    const notMoney = { amountMinor: Number.NaN, currency: 'USD' };
    expect(() => customerLifetimeValue({ monthlyRevenuePerAccount: notMoney, grossMargin: 1, monthlyChurnRate: 0.1 })).toThrow(
      /monthlyRevenuePerAccount must be a safe integer/,
    );
    expect(() => customerAcquisitionCost({ salesAndMarketingSpend: { amountMinor: 0.5, currency: 'USD' }, newCustomers: 1 })).toThrow(RangeError);
    expect(() => cacPayback({ customerAcquisitionCost: notMoney, monthlyRevenuePerAccount: money('1', 'USD'), grossMargin: 0.5 })).toThrow(RangeError);
    expect(() => clvToCacRatio({ customerLifetimeValue: { amountMinor: 1e22, currency: 'USD' }, customerAcquisitionCost: money('1', 'USD') })).toThrow(
      RangeError,
    );
  });

  const validMoney = (value: { amountMinor: number } | undefined): boolean =>
    value === undefined || (Number.isSafeInteger(value.amountMinor) && !Object.is(value.amountMinor, -0));
  test.prop([
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 1_000_000 }),
  ])('CAC and CLV are valid Money or refused with a RangeError, never 1e22 or NaN', (amountMinor, margin, churn, customers) => {
    const amount = { amountMinor, currency: 'USD' };
    for (const compute of [
      () => customerLifetimeValue({ monthlyRevenuePerAccount: amount, grossMargin: margin, monthlyChurnRate: churn }),
      () => customerAcquisitionCost({ salesAndMarketingSpend: amount, newCustomers: customers }),
    ]) {
      try {
        const value = compute();
        expect(validMoney(value)).toBe(true);
        if (value !== undefined) expect(moneyToDecimal(value)).toMatch(/^-?\d+\.\d{2}$/);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
      }
    }
  });

  test.prop([fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 })])('the lead-to-customer rate is within 0–1', (a, b) => {
    const rate = leadToCustomerRate({ leads: Math.max(a, b), customers: Math.min(a, b) });
    if (rate !== undefined) expect(rate >= 0 && rate <= 1).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true })])(
    'CLV is ARPA × margin ÷ churn in the ARPA currency',
    (arpa, margin, churn) => {
      const value = customerLifetimeValue({ monthlyRevenuePerAccount: { amountMinor: arpa, currency: 'EUR' }, grossMargin: margin, monthlyChurnRate: churn });
      expect(value?.currency).toBe('EUR');
      expect(Math.abs((value?.amountMinor ?? 0) - (arpa * margin) / churn)).toBeLessThanOrEqual(0.5);
    },
  );
});
