import type { Money } from '../models/money.ts';
import { checkMoney, moneyResult } from './money-result.ts';
import { DAYS_PER_MONTH, ratioOrUndefined, toRate, type Days, type Rate } from './rate.ts';

function sameCurrency(a: Money, b: Money, what: string): void {
  if (a.currency !== b.currency)
    throw new RangeError(`${what}: amounts in ${a.currency} and ${b.currency} cannot be combined; convert them to one currency first`);
}

/** Inputs of {@link customerAcquisitionCost}. */
export interface CustomerAcquisitionCostInput {
  /** Sales and marketing spend over the period. */
  readonly salesAndMarketingSpend: Money;
  /** Customers won over the same period. */
  readonly newCustomers: number;
}

/**
 * Customer acquisition cost: sales and marketing spend ÷ new customers, over the same period, rounded to whole minor
 * units. `undefined` when no customer was won (the cost per customer is not defined).
 *
 * @example
 * ```ts
 * customerAcquisitionCost({ salesAndMarketingSpend: money('50000', 'USD'), newCustomers: 25 }); // $2,000.00
 * ```
 * @throws RangeError when `newCustomers` is negative or not an integer, or the spend is not a safe integer number of
 * minor units.
 */
export function customerAcquisitionCost(input: CustomerAcquisitionCostInput): Money | undefined {
  if (!(Number.isInteger(input.newCustomers) && input.newCustomers >= 0))
    throw new RangeError(`newCustomers must be a whole number ≥ 0, not ${input.newCustomers}`);
  const spend = checkMoney(input.salesAndMarketingSpend, 'salesAndMarketingSpend');
  if (input.newCustomers === 0) return undefined;
  return moneyResult(spend.amountMinor / input.newCustomers, spend.currency, 'customerAcquisitionCost');
}

/** Inputs of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueInput {
  /** Average revenue per account per month (ARPA). */
  readonly monthlyRevenuePerAccount: Money;
  /** Gross margin, 0–1. */
  readonly grossMargin: number;
  /** Share of customers lost per month, 0–1. */
  readonly monthlyChurnRate: number;
}

/**
 * Customer lifetime value: `ARPA × gross margin ÷ churn`, with ARPA and churn over the same period (a month), rounded
 * to whole minor units. `undefined` when churn is 0 (the value is unbounded).
 *
 * @example
 * ```ts
 * customerLifetimeValue({ monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8, monthlyChurnRate: 0.02 }); // $20,000.00
 * ```
 * @throws RangeError when the margin or the churn rate is not within 0–1, ARPA is not a safe integer number of minor
 * units, or the value is beyond what `Money` holds (a churn so small that the lifetime value exceeds ±9,007,199,254,740,991
 * minor units: treat such a churn as 0).
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): Money | undefined {
  const margin = toRate(input.grossMargin);
  const churn = toRate(input.monthlyChurnRate);
  const arpa = checkMoney(input.monthlyRevenuePerAccount, 'monthlyRevenuePerAccount');
  if (churn === 0) return undefined;
  return moneyResult((arpa.amountMinor * margin) / churn, arpa.currency, 'customerLifetimeValue');
}

/** Inputs of {@link cacPayback}. */
export interface CacPaybackInput {
  /** Customer acquisition cost. */
  readonly customerAcquisitionCost: Money;
  /** Average revenue per account per month. */
  readonly monthlyRevenuePerAccount: Money;
  /** Gross margin, 0–1. */
  readonly grossMargin: number;
}

/** How long a customer takes to pay back its acquisition cost. */
export interface CacPayback {
  /** In days (months × 30.4375). */
  readonly days: Days;
  /** In months, the unit finance teams quote. */
  readonly months: number;
}

/**
 * CAC payback: `CAC ÷ (monthly ARPA × gross margin)` months, also in days. `undefined` when the monthly gross profit
 * per account is 0 or less (it never pays back), or so small that the number of months is not finite.
 *
 * @example
 * ```ts
 * cacPayback({ customerAcquisitionCost: money('6000', 'USD'), monthlyRevenuePerAccount: money('500', 'USD'), grossMargin: 0.8 });
 * // { months: 15, days: 456.5625 }
 * ```
 * @throws RangeError when the two amounts are in different currencies or are not safe integer numbers of minor units,
 * or the margin is not within 0–1.
 */
export function cacPayback(input: CacPaybackInput): CacPayback | undefined {
  sameCurrency(input.customerAcquisitionCost, input.monthlyRevenuePerAccount, 'cacPayback');
  checkMoney(input.customerAcquisitionCost, 'customerAcquisitionCost');
  checkMoney(input.monthlyRevenuePerAccount, 'monthlyRevenuePerAccount');
  const monthlyProfit = input.monthlyRevenuePerAccount.amountMinor * toRate(input.grossMargin);
  if (!(monthlyProfit > 0)) return undefined;
  const months = input.customerAcquisitionCost.amountMinor / monthlyProfit;
  // A margin so small (say 5e-324) that the division overflows: no payback in any finite time.
  if (!Number.isFinite(months)) return undefined;
  return { months, days: months * DAYS_PER_MONTH };
}

/** Inputs of {@link leadToCustomerRate}. */
export interface LeadToCustomerRateInput {
  /** Leads created in the period (the cohort). */
  readonly leads: number;
  /** Of those leads, how many became customers. */
  readonly customers: number;
}

/**
 * Lead-to-customer conversion rate: customers ÷ leads of the same cohort, 0–1. `undefined` without leads.
 *
 * @example
 * ```ts
 * leadToCustomerRate({ leads: 8000, customers: 842 }); // 0.10525
 * ```
 * @throws RangeError when `customers` exceeds `leads` or either is negative.
 */
export function leadToCustomerRate(input: LeadToCustomerRateInput): Rate | undefined {
  if (!(input.leads >= 0 && input.customers >= 0 && input.customers <= input.leads))
    throw new RangeError(`customers (${input.customers}) must be between 0 and leads (${input.leads})`);
  return ratioOrUndefined(input.customers, input.leads);
}

/** Inputs of {@link clvToCacRatio}. */
export interface ClvToCacRatioInput {
  /** Customer lifetime value. */
  readonly customerLifetimeValue: Money;
  /** Customer acquisition cost. */
  readonly customerAcquisitionCost: Money;
}

/**
 * CLV ÷ CAC (a healthy SaaS business aims for 3 or more). `undefined` when CAC is 0.
 *
 * @example
 * ```ts
 * clvToCacRatio({ customerLifetimeValue: money('20000', 'USD'), customerAcquisitionCost: money('6000', 'USD') }); // 3.33…
 * ```
 * @throws RangeError when the two amounts are in different currencies or are not safe integer numbers of minor units.
 */
export function clvToCacRatio(input: ClvToCacRatioInput): number | undefined {
  sameCurrency(input.customerLifetimeValue, input.customerAcquisitionCost, 'clvToCacRatio');
  checkMoney(input.customerLifetimeValue, 'customerLifetimeValue');
  checkMoney(input.customerAcquisitionCost, 'customerAcquisitionCost');
  if (input.customerAcquisitionCost.amountMinor === 0) return undefined;
  return input.customerLifetimeValue.amountMinor / input.customerAcquisitionCost.amountMinor;
}
