import type { Lead } from '../models/lead.ts';
import { currencyExponent } from '../models/money.ts';
import { customFieldGetter, emailDomainOf, isLeadFieldPath, leadFieldGetters } from '../internal/lead-fields.ts';
import type { ScoringField } from './model.ts';

/** What a field accessor returns: a scalar, a list of strings, or `undefined` when unknown. */
export type FieldValue = string | number | boolean | readonly string[] | null | undefined;

/** Reads one field of a lead; compiled once per rule so the hot path does no string parsing. */
export type FieldAccessor = (lead: Lead) => FieldValue;

const powersOfTen = [1, 10, 100, 1000, 10_000];

/**
 * Compiles a {@link ScoringField} path into an accessor. `currency` restricts `company.annualRevenue` to one
 * currency (revenue in another currency reads as unknown).
 */
export function fieldAccessor(field: ScoringField, currency?: string): FieldAccessor {
  if (field === 'company.annualRevenue') {
    if (currency !== undefined) {
      // One currency: its minor-unit divisor is known once, at compile time.
      const divisor = powersOfTen[currencyExponent(currency)] ?? 100;
      return (lead) => {
        const revenue = lead.company?.annualRevenue;
        return revenue === undefined || revenue.currency !== currency ? undefined : revenue.amountMinor / divisor;
      };
    }
    return (lead) => {
      const revenue = lead.company?.annualRevenue;
      if (revenue === undefined) return undefined;
      return revenue.amountMinor / (powersOfTen[currencyExponent(revenue.currency)] ?? 100);
    };
  }
  if (field === 'contact.emailDomain') return (lead) => emailDomainOf(lead.contact.email);
  if (isLeadFieldPath(field)) return leadFieldGetters[field];
  return customFieldGetter(field.slice('customFields.'.length)) as FieldAccessor;
}
