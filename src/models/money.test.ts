import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { leadSourceDirection } from './lead-source.ts';
import { currencyExponent, money, moneyToDecimal } from './money.ts';
import { formatPath } from '../errors.ts';

describe('money helpers', () => {
  it('know the minor units of each currency', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
  });

  // Regression (issue 12, item 9): 1e22 printed as "1e+.22" and NaN as "N.aN".
  it('refuse to print an amount that is not a safe integer number of minor units', () => {
    for (const amountMinor of [1e22, Number.NaN, Number.POSITIVE_INFINITY, 0.5, 2 ** 53])
      expect(() => moneyToDecimal({ amountMinor, currency: 'USD' })).toThrow(
        new RangeError(`moneyToDecimal: amountMinor must be a safe integer number of minor units, not ${amountMinor}`),
      );
    expect(moneyToDecimal({ amountMinor: -Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('-90071992547409.91');
  });

  it('convert decimal strings without floating point', () => {
    expect(money('0.1', 'USD')).toEqual({ amountMinor: 10, currency: 'USD' });
    expect(money('-12.34', 'EUR')).toEqual({ amountMinor: -1234, currency: 'EUR' });
    expect(money('1.234', 'KWD')).toEqual({ amountMinor: 1234, currency: 'KWD' });
    expect(() => money('1.5', 'JPY')).toThrow(/more decimal places/);
    expect(() => money('1e5', 'USD')).toThrow(RangeError);
    expect(moneyToDecimal({ amountMinor: 5, currency: 'USD' })).toBe('0.05');
    expect(moneyToDecimal({ amountMinor: -120050, currency: 'USD' })).toBe('-1200.50');
    expect(moneyToDecimal({ amountMinor: 1500, currency: 'JPY' })).toBe('1500');
  });

  test.prop([fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.constantFrom('USD', 'JPY', 'KWD', 'EUR')])(
    'moneyToDecimal and money are inverse',
    (amountMinor, currency) => {
      expect(money(moneyToDecimal({ amountMinor, currency }), currency)).toEqual({ amountMinor, currency });
    },
  );
});

describe('small model helpers', () => {
  it('tell inbound from outbound sources', () => {
    expect(leadSourceDirection('webinar')).toBe('inbound');
    expect(leadSourceDirection('cold_call')).toBe('outbound');
    expect(leadSourceDirection('other')).toBe('unknown');
  });

  it('format paths for people', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['activities', 2, 'at'])).toBe('activities[2].at');
  });
});
