/**
 * Internal: the one place that says how a named lead field (`company.industry`, `contact.seniority`, …) is read,
 * shared by scoring models, segments and predictive features, so that a field means the same everywhere. Each getter
 * is a small function of its own, so every read site stays monomorphic.
 */
import type { Lead } from '../models/lead.ts';

/** Getters of the plain lead fields that definitions can name. */
export const leadFieldGetters = {
  'company.name': (lead: Lead) => lead.company?.name,
  'company.domain': (lead: Lead) => lead.company?.domain,
  'company.industry': (lead: Lead) => lead.company?.industry,
  'company.employeeCount': (lead: Lead) => lead.company?.employeeCount,
  'company.country': (lead: Lead) => lead.company?.country,
  'company.region': (lead: Lead) => lead.company?.region,
  'company.city': (lead: Lead) => lead.company?.city,
  'company.technologies': (lead: Lead) => lead.company?.technologies,
  'company.tags': (lead: Lead) => lead.company?.tags,
  'contact.jobTitle': (lead: Lead) => lead.contact.jobTitle,
  'contact.seniority': (lead: Lead) => lead.contact.seniority,
  'contact.department': (lead: Lead) => lead.contact.department,
  'contact.decisionRole': (lead: Lead) => lead.contact.decisionRole,
  'contact.email': (lead: Lead) => lead.contact.email,
  'contact.phone': (lead: Lead) => lead.contact.phone,
  source: (lead: Lead) => lead.source,
  campaign: (lead: Lead) => lead.campaign,
  stage: (lead: Lead) => lead.stage,
  ownerId: (lead: Lead) => lead.ownerId,
  painPoints: (lead: Lead) => lead.painPoints,
} as const;

/** A plain lead field with a getter in {@link leadFieldGetters}. */
export type LeadFieldPath = keyof typeof leadFieldGetters;

/** Whether `field` is one of {@link leadFieldGetters} (own keys only: never `__proto__` or `toString`). */
export function isLeadFieldPath(field: string): field is LeadFieldPath {
  return Object.hasOwn(leadFieldGetters, field);
}

/** The lower-cased domain of an e-mail address (after the last `@`), or `undefined` when there is none. */
export function emailDomainOf(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : email.slice(at + 1).toLowerCase();
}

/** A getter of one custom field: own properties only, so a definition cannot read `__proto__` or inherited members. */
export function customFieldGetter(name: string): (lead: Lead) => unknown {
  return (lead) => {
    const fields = lead.customFields;
    return fields !== undefined && Object.hasOwn(fields, name) ? fields[name] : undefined;
  };
}
