import * as z from 'zod/v4';
import { describeReceived, showValue } from '../errors.ts';

// ISO 4217 active currency codes. Exponent (minor-unit digits) is 2 unless listed below.
const currencyCodes =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'.split(
    ' ',
  );
const zeroDecimal = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' '));
const threeDecimal = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));
const fourDecimal = new Set(['CLF', 'UYW']);
const knownCurrencies = new Set(currencyCodes);

/** An ISO 4217 currency code in upper case (`USD`, `EUR`, `JPY`). Unknown codes are refused. */
export const CurrencyCode = z.string().refine((code) => knownCurrencies.has(code), {
  error: (iss) => `${showValue(iss.input)} is not an ISO 4217 currency code (such as USD, EUR, GBP)`,
});

/** An ISO 4217 currency code. */
export type CurrencyCode = z.output<typeof CurrencyCode>;

/**
 * The number of minor-unit digits of a currency: 2 for USD (cents), 0 for JPY, 3 for KWD.
 *
 * @throws RangeError when the code is not an ISO 4217 currency.
 */
export function currencyExponent(currency: string): number {
  if (!knownCurrencies.has(currency)) throw new RangeError(`Unknown ISO 4217 currency: ${currency}`);
  if (zeroDecimal.has(currency)) return 0;
  if (threeDecimal.has(currency)) return 3;
  if (fourDecimal.has(currency)) return 4;
  return 2;
}

const minorUnitDivisors = [1, 10, 100, 1000, 10_000];

/**
 * How many minor units make one major unit of a currency: 100 for USD, 1 for JPY, 1,000 for KWD. Divide
 * `amountMinor` by it for the amount in major units (dollars, not cents).
 *
 * @throws RangeError when the code is not an ISO 4217 currency.
 */
export function minorUnitsPerMajor(currency: string): number {
  return minorUnitDivisors[currencyExponent(currency)] as number;
}

/** The amount in the currency's major unit as a number (`{ amountMinor: 1250, currency: 'USD' }` → `12.5`). */
export function moneyToNumber(value: Money): number {
  return value.amountMinor / minorUnitsPerMajor(value.currency);
}

const decimalPattern = /^-?\d{1,16}(\.\d{1,4})?$/;

/** Converts a decimal string to minor units, or returns a reason it cannot. No floating point is involved. */
function decimalToMinor(amount: string, currency: string): number | string {
  if (!decimalPattern.test(amount)) return `${showValue(amount)} is not a decimal amount such as "1250.50"`;
  if (!knownCurrencies.has(currency)) return 'has an unknown currency';
  const exponent = currencyExponent(currency);
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  if (fraction.length > exponent) return `${showValue(amount)} has more decimal places than ${currency} allows (${exponent})`;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return `${showValue(amount)} is too large`;
  return negative ? -minor : minor;
}

const MinorUnits = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer number of minor units');

/** The in-memory form of {@link Money}. */
const MoneyValue = z.object({
  /** The amount in the currency's minor units (cents for USD): an integer, never a float. */
  amountMinor: MinorUnits,
  /** ISO 4217 currency code. */
  currency: CurrencyCode,
});

const MoneyInput = z.union(
  [z.strictObject({ amountMinor: MinorUnits, currency: CurrencyCode }), z.strictObject({ amount: z.string(), currency: CurrencyCode })],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `must be an amount of money such as { "amount": "12.50", "currency": "USD" } (or { "amountMinor": 1250, "currency": "USD" }), not ${describeReceived(iss.input)}`
        : undefined,
  },
);

/**
 * An amount of money: an integer number of minor units and an ISO 4217 currency. No floating point money.
 * JSON accepts either `{ "amountMinor": 1250050, "currency": "USD" }` or a decimal string
 * `{ "amount": "12500.50", "currency": "USD" }`; it always writes the minor-unit form.
 *
 * @example
 * ```ts
 * const revenue = Money.parse({ amount: '25000000', currency: 'USD' }); // { amountMinor: 2500000000, currency: 'USD' }
 * ```
 */
export const Money = z.codec(MoneyInput, MoneyValue, {
  decode: (input, context) => {
    if ('amountMinor' in input) return { amountMinor: input.amountMinor, currency: input.currency };
    const minor = decimalToMinor(input.amount, input.currency);
    if (typeof minor === 'string') {
      context.issues.push({ code: 'custom', message: minor, input: input.amount, path: ['amount'] });
      return z.NEVER;
    }
    return { amountMinor: minor, currency: input.currency };
  },
  encode: (value) => ({ amountMinor: value.amountMinor, currency: value.currency }),
});

/** An amount of money in minor units with its currency. */
export type Money = z.output<typeof Money>;

/**
 * Builds a {@link Money} from a decimal string, for code (not for untrusted input: use `Money.safeParse`).
 *
 * @example
 * ```ts
 * money('10000000', 'USD'); // { amountMinor: 1000000000, currency: 'USD' }
 * ```
 * @throws RangeError when the amount is not a decimal string or the currency is unknown.
 */
export function money(amount: string, currency: string): Money {
  const minor = decimalToMinor(amount, currency);
  if (typeof minor === 'string') throw new RangeError(`money(${showValue(amount)}, ${currency}): ${minor}`);
  return { amountMinor: minor, currency };
}

/**
 * Renders an amount as a decimal string in its currency's major unit (`{ amountMinor: 1250, currency: 'USD' }` →
 * `"12.50"`).
 *
 * @throws RangeError when `amountMinor` is not a safe integer (it printed `"1e+.22"` for 1e22 and `"N.aN"` for
 * `NaN`: not `Money`), or the currency is not an ISO 4217 code.
 */
export function moneyToDecimal(value: Money): string {
  // `String(1e22)` is "1e+22": only a safe integer has the plain digits this slices.
  if (!Number.isSafeInteger(value.amountMinor))
    throw new RangeError(`moneyToDecimal: amountMinor must be a safe integer number of minor units, not ${String(value.amountMinor)}`);
  const exponent = currencyExponent(value.currency);
  const negative = value.amountMinor < 0;
  const digits = String(Math.abs(value.amountMinor)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Every ISO 4217 currency code leadkit knows, in alphabetical order. */
export const currencyCodeList: readonly string[] = currencyCodes;

/** Whether a text is one of {@link currencyCodeList} (a set lookup: for checks made once per imported row). @internal */
export function isCurrencyCode(code: string): boolean {
  return knownCurrencies.has(code);
}
