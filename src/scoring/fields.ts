import type { Lead } from '../models/lead.ts';
import { currencyExponent } from '../models/money.ts';
import type { ScoringField } from './model.ts';

/** What a field accessor returns: a scalar, a list of strings, or `undefined` when unknown. */
export type FieldValue = string | number | boolean | readonly string[] | null | undefined;

/** Reads one field of a lead; compiled once per rule so the hot path does no string parsing. */
export type FieldAccessor = (lead: Lead) => FieldValue;

const powersOfTen = [1, 10, 100, 1000, 10_000];

function emailDomain(lead: Lead): string | undefined {
  const email = lead.contact.email;
  if (email === undefined) return undefined;
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : email.slice(at + 1).toLowerCase();
}

/**
 * Compiles a {@link ScoringField} path into an accessor. `currency` restricts `company.annualRevenue` to one
 * currency (revenue in another currency reads as unknown).
 */
export function fieldAccessor(field: ScoringField, currency?: string): FieldAccessor {
  switch (field) {
    case 'company.name':
      return (lead) => lead.company?.name;
    case 'company.domain':
      return (lead) => lead.company?.domain;
    case 'company.industry':
      return (lead) => lead.company?.industry;
    case 'company.employeeCount':
      return (lead) => lead.company?.employeeCount;
    case 'company.annualRevenue':
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
    case 'company.country':
      return (lead) => lead.company?.country;
    case 'company.region':
      return (lead) => lead.company?.region;
    case 'company.city':
      return (lead) => lead.company?.city;
    case 'company.technologies':
      return (lead) => lead.company?.technologies;
    case 'company.tags':
      return (lead) => lead.company?.tags;
    case 'contact.jobTitle':
      return (lead) => lead.contact.jobTitle;
    case 'contact.seniority':
      return (lead) => lead.contact.seniority;
    case 'contact.department':
      return (lead) => lead.contact.department;
    case 'contact.decisionRole':
      return (lead) => lead.contact.decisionRole;
    case 'contact.email':
      return (lead) => lead.contact.email;
    case 'contact.emailDomain':
      return emailDomain;
    case 'contact.phone':
      return (lead) => lead.contact.phone;
    case 'source':
      return (lead) => lead.source;
    case 'campaign':
      return (lead) => lead.campaign;
    case 'stage':
      return (lead) => lead.stage;
    case 'ownerId':
      return (lead) => lead.ownerId;
    case 'painPoints':
      return (lead) => lead.painPoints;
    default: {
      const name = field.slice('customFields.'.length);
      return (lead) => {
        const fields = lead.customFields;
        // Own properties only: a model must not read `__proto__` or inherited members.
        return fields !== undefined && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
      };
    }
  }
}
