import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { leadSourceDirection } from './lead-source.ts';
import { currencyExponent, Money, minorUnitsPerMajor, money, moneyToDecimal, moneyToNumber } from './money.ts';
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

  it('know four-decimal currencies, the units per major unit, and the amount as a number', () => {
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('UYW')).toBe(4);
    expect(() => currencyExponent('usd')).toThrow(new RangeError('Unknown ISO 4217 currency: usd'));
    expect(['JPY', 'EUR', 'KWD', 'CLF'].map(minorUnitsPerMajor)).toEqual([1, 100, 1000, 10_000]);
    expect(moneyToNumber({ amountMinor: 1250, currency: 'USD' })).toBe(12.5);
    expect(moneyToNumber({ amountMinor: 1250, currency: 'JPY' })).toBe(1250);
    expect(moneyToNumber({ amountMinor: -15, currency: 'CLF' })).toBe(-0.0015);
  });

  it('say why a decimal string is not an amount', () => {
    const reason = (amount: string, currency: string): string => {
      try {
        money(amount, currency);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(reason('12,50', 'USD')).toBe('money("12,50", USD): "12,50" is not a decimal amount such as "1250.50"');
    expect(reason('1.5', 'JPY')).toBe('money("1.5", JPY): "1.5" has more decimal places than JPY allows (0)');
    expect(reason('1.00001', 'CLF')).toBe('money("1.00001", CLF): "1.00001" is not a decimal amount such as "1250.50"');
    expect(reason('9999999999999999.99', 'USD')).toBe('money("9999999999999999.99", USD): "9999999999999999.99" is too large');
    expect(reason('1', 'XYZ')).toBe('money("1", XYZ): has an unknown currency');
    expect(reason('-0.5', 'USD')).toBe('accepted');
    expect(money('-0.5', 'USD')).toEqual({ amountMinor: -50, currency: 'USD' });
    expect(money('7', 'USD')).toEqual({ amountMinor: 700, currency: 'USD' });
    expect(moneyToDecimal({ amountMinor: 0, currency: 'USD' })).toBe('0.00');
    expect(moneyToDecimal({ amountMinor: 1, currency: 'CLF' })).toBe('0.0001');
  });

  it('parse JSON money in either form, naming the amount that is not one and the shape that is wrong', () => {
    expect(Money.parse({ amount: '12.50', currency: 'USD' })).toEqual({ amountMinor: 1250, currency: 'USD' });
    expect(Money.parse({ amountMinor: 1250, currency: 'USD' })).toEqual({ amountMinor: 1250, currency: 'USD' });
    const bad = Money.safeParse({ amount: '12.505', currency: 'USD' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((found) => [found.path.join('.'), found.message])).toEqual([
      ['amount', '"12.505" has more decimal places than USD allows (2)'],
    ]);
    // A long text is cut in the message, not echoed (found by the parse fuzzing: 100,000 characters gave a message as long).
    const long = Money.safeParse({ amount: 'x'.repeat(100_000), currency: 'USD' });
    expect(long.error?.issues[0]?.message).toBe(`"${'x'.repeat(57)}"… (100,000 characters) is not a decimal amount such as "1250.50"`);
    expect(() => money('9'.repeat(5000), 'USD')).toThrow(`money("${'9'.repeat(57)}"… (5,000 characters), USD): "${'9'.repeat(57)}"… (5,000 characters) is not`);
    const shape = Money.safeParse({ amount: 12.5, currency: 'USD' });
    expect(shape.error?.issues[0]?.message).toMatch(/^must be an amount of money such as \{ "amount": "12.50", "currency": "USD" \}/);
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
