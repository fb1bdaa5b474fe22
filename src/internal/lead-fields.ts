/**
 * Internal: the one table that says how a named lead field (`company.industry`, `contact.seniority`, …) is read,
 * shared by conditions, scoring models, segments, ICPs and predictive features, so that a field means the same
 * everywhere. Every built-in field has a code; {@link readLeadField} reads a field by code with one `switch` (no
 * closure call on the hot paths that read many fields), and {@link leadFieldGetter} gives a getter of one field.
 */
import type { Lead } from '../models/lead.ts';
import { isFreeEmailDomain } from './free-email-domains.ts';

/** What a built-in field read returns. */
export type LeadFieldValue = unknown;

const codes = new Map<string, number>([
  ['company.name', 1],
  ['company.domain', 2],
  ['company.industry', 3],
  ['company.employeeCount', 4],
  ['company.country', 5],
  ['company.region', 6],
  ['company.city', 7],
  ['company.technologies', 8],
  ['company.tags', 9],
  ['contact.jobTitle', 10],
  ['contact.seniority', 11],
  ['contact.department', 12],
  ['contact.decisionRole', 13],
  ['contact.email', 14],
  ['contact.phone', 15],
  ['source', 16],
  ['campaign', 17],
  ['ownerId', 18],
  ['painPoints', 19],
  ['company.annualRevenue', 20],
  ['contact.emailDomain', 21],
  ['contact.emailKind', 22],
  ['contact.firstName', 23],
  ['contact.lastName', 24],
  ['id', 25],
]);

/**
 * The fields computed from others rather than stored: `contact.emailDomain` (the lower-cased part of the e-mail
 * after the last `@`) and `contact.emailKind` (`free` for a free e-mail provider such as gmail.com, `business`
 * otherwise; missing without an e-mail).
 */
export const DERIVED_LEAD_FIELDS: ReadonlyMap<string, { readonly from: string; readonly description: string; readonly values?: readonly string[] }> = new Map([
  ['contact.emailDomain', { from: 'contact.email', description: 'the lower-cased domain of contact.email' }],
  ['contact.emailKind', { from: 'contact.email', description: '"free" for a free e-mail provider, "business" otherwise', values: ['free', 'business'] }],
]);

/** The code of a built-in field (`0` when the path is not one). Own entries only: never `__proto__` or `toString`. */
export function leadFieldCode(path: string): number {
  return codes.get(path) ?? 0;
}

/** The lower-cased domain of an e-mail address (after the last `@`), or `undefined` when there is none. */
export function emailDomainOf(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : email.slice(at + 1).toLowerCase();
}

function emailKindOf(email: string | undefined): 'free' | 'business' | undefined {
  const domain = emailDomainOf(email);
  if (domain === undefined || domain === '') return undefined;
  return isFreeEmailDomain(domain) ? 'free' : 'business';
}

/** Reads a built-in field by its code ({@link leadFieldCode}); `undefined` for code 0. */
export function readLeadField(code: number, lead: Lead): LeadFieldValue {
  return readLeadFieldOf(code, lead, lead.company, lead.contact);
}

/**
 * {@link readLeadField} with the lead's company and contact already read: a hot loop that reads many fields of one
 * lead reads them once (the reads of their parts then start early and overlap instead of waiting on one another).
 */
export function readLeadFieldOf(code: number, lead: Lead, company: Lead['company'], contact: Lead['contact']): LeadFieldValue {
  switch (code) {
    case 1:
      return company === undefined ? undefined : company.name;
    case 2:
      return company === undefined ? undefined : company.domain;
    case 3:
      return company === undefined ? undefined : company.industry;
    case 4:
      return company === undefined ? undefined : company.employeeCount;
    case 5:
      return company === undefined ? undefined : company.country;
    case 6:
      return company === undefined ? undefined : company.region;
    case 7:
      return company === undefined ? undefined : company.city;
    case 8:
      return company === undefined ? undefined : company.technologies;
    case 9:
      return company === undefined ? undefined : company.tags;
    case 10:
      return contact.jobTitle;
    case 11:
      return contact.seniority;
    case 12:
      return contact.department;
    case 13:
      return contact.decisionRole;
    case 14:
      return contact.email;
    case 15:
      return contact.phone;
    case 16:
      return lead.source;
    case 17:
      return lead.campaign;
    case 18:
      return lead.ownerId;
    case 19:
      return lead.painPoints;
    case 20:
      return company === undefined ? undefined : company.annualRevenue;
    case 21:
      return emailDomainOf(contact.email);
    case 22:
      return emailKindOf(contact.email);
    case 23:
      return contact.firstName;
    case 24:
      return contact.lastName;
    case 25:
      return lead.id;
    default:
      return undefined;
  }
}

/**
 * A getter of any field path: a built-in field by its code, `customFields.<name>` as an own property of the custom
 * fields (the name is the rest of the path, dots included), anything else (the fields of an extended lead,
 * `company.tier`) by walking own properties, so a path never reaches a prototype.
 */
export function leadFieldGetter(path: string): (lead: Lead) => LeadFieldValue {
  const code = leadFieldCode(path);
  if (code !== 0) return (lead) => readLeadField(code, lead);
  if (path.startsWith('customFields.')) {
    const name = path.slice('customFields.'.length);
    return (lead) => {
      const fields = lead.customFields;
      return fields !== undefined && fields !== null && Object.hasOwn(fields, name) ? fields[name] : undefined;
    };
  }
  const segments = path.split('.');
  return (lead) => {
    let current: unknown = lead;
    for (const segment of segments) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  };
}
