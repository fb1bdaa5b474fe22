import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Money } from '../models/money.ts';
import { cacPayback, clvToCacRatio, customerAcquisitionCost } from './unit-economics.ts';

const currency = fc.constantFrom('USD', 'EUR', 'JPY');
const amount = fc.integer({ min: 0, max: 10 ** 12 });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const of = (amountMinor: number, code: string): Money => ({ amountMinor, currency: code });

describe('unit economics properties', () => {
  test.prop([amount, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), currency])(
    'CAC is spend ÷ customers rounded to a minor unit, in the spend currency, and never grows with more customers',
    (spend, a, b, code) => {
      const [fewer, more] = a <= b ? [a, b] : [b, a];
      const cac = customerAcquisitionCost({ salesAndMarketingSpend: of(spend, code), newCustomers: fewer });
      if (fewer === 0) {
        expect(cac).toBeUndefined();
        return;
      }
      expect(cac?.currency).toBe(code);
      expect(Number.isInteger(cac?.amountMinor)).toBe(true);
      expect(Math.abs((cac?.amountMinor as number) * fewer - spend)).toBeLessThanOrEqual(fewer / 2);
      const cheaper = customerAcquisitionCost({ salesAndMarketingSpend: of(spend, code), newCustomers: more });
      expect(cheaper?.amountMinor).toBeLessThanOrEqual(cac?.amountMinor as number);
    },
  );

  test.prop([
    amount,
    fc.oneof(
      fc.integer({ min: -1_000, max: -1 }),
      fc.double({ min: 0.01, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)),
    ),
  ])('CAC refuses a negative or fractional number of customers', (spend, customers) => {
    expect(() => customerAcquisitionCost({ salesAndMarketingSpend: of(spend, 'USD'), newCustomers: customers })).toThrow(RangeError);
  });

  test.prop([amount, amount, amount, rate, currency])(
    'CAC payback × monthly gross profit is the CAC, in months and days, and never shrinks with a higher CAC',
    (cacA, cacB, arpa, margin, code) => {
      const [lower, higher] = cacA <= cacB ? [cacA, cacB] : [cacB, cacA];
      const payback = cacPayback({ customerAcquisitionCost: of(lower, code), monthlyRevenuePerAccount: of(arpa, code), grossMargin: margin });
      const profit = arpa * margin;
      // No profit, or a profit so small (a subnormal margin) that the months overflow: it never pays back.
      if (!(profit > 0) || !Number.isFinite(lower / profit)) {
        expect(payback).toBeUndefined();
        return;
      }
      expect(payback).toBeDefined();
      const months = payback?.months as number;
      expect(Number.isFinite(months) && months >= 0).toBe(true);
      expect(Math.abs(months * profit - lower)).toBeLessThanOrEqual(1e-9 * Math.max(1, lower));
      expect(payback?.days).toBe(months * 30.4375);
      const longer = cacPayback({ customerAcquisitionCost: of(higher, code), monthlyRevenuePerAccount: of(arpa, code), grossMargin: margin });
      // Longer, or never (undefined).
      if (longer !== undefined) expect(longer.months).toBeGreaterThanOrEqual(months);
    },
  );

  test.prop([amount, amount, currency, currency])('CAC payback and CLV ÷ CAC refuse amounts in two currencies', (a, b, first, second) => {
    fc.pre(first !== second);
    expect(() => cacPayback({ customerAcquisitionCost: of(a, first), monthlyRevenuePerAccount: of(b, second), grossMargin: 0.5 })).toThrow(RangeError);
    expect(() => clvToCacRatio({ customerLifetimeValue: of(a, first), customerAcquisitionCost: of(b, second) })).toThrow(RangeError);
  });

  test.prop([amount, amount, fc.integer({ min: 1, max: 1000 }), currency])(
    'CLV ÷ CAC times the CAC is the CLV, and does not depend on the unit',
    (clv, cac, scale, code) => {
      const ratio = clvToCacRatio({ customerLifetimeValue: of(clv, code), customerAcquisitionCost: of(cac, code) });
      if (cac === 0) {
        expect(ratio).toBeUndefined();
        return;
      }
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(Math.abs((ratio as number) * cac - clv)).toBeLessThanOrEqual(1e-9 * Math.max(1, clv));
      const scaled = clvToCacRatio({ customerLifetimeValue: of(clv * scale, code), customerAcquisitionCost: of(cac * scale, code) });
      expect(scaled).toBeCloseTo(ratio as number, 9);
    },
  );
});
