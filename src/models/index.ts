/**
 * The domain models: zod v4 schemas for leads, prospects, companies, contacts, activities and money, with the
 * TypeScript types inferred from them under the same names, and the JSON ↔ `Date` codecs.
 *
 * @example
 * ```ts
 * import { parseLead, leadToJson } from 'leadkit/models';
 *
 * function onLead(body: unknown) {                         // your API handler, given the request's JSON
 *   const result = parseLead(body);
 *   if (!result.ok) return reply(400, result.error.issues); // every problem, with its path
 *   const lead = result.value;                               // dates are Dates
 *   const stored = JSON.stringify(leadToJson(lead));         // and back to ISO strings
 *   return reply(201, { id: lead.id });
 * }
 * ```
 *
 * @module
 */
export { Activity, ActivityType, PageKind, type ActivityOf } from './activity.ts';
export { DateTime, toJson } from './codecs.ts';
export { Company } from './company.ts';
export { Consent, GdprBasis } from './consent.ts';
export { Contact, DecisionRole, Department, Seniority } from './contact.ts';
export { CountryCode, countryCodeList, isCountryCode, suggestCountryCode } from './country.ts';
export { Lead, SCHEMA_VERSION, SchemaVersion, type LeadJson } from './lead.ts';
export { LeadSource, leadSourceDirection } from './lead-source.ts';
export { CurrencyCode, Money, currencyCodeList, currencyExponent, minorUnitsPerMajor, money, moneyToDecimal, moneyToNumber } from './money.ts';
export { Outcome } from './outcome.ts';
export {
  IcpFitSummary,
  Qualification,
  QualificationVerdict,
  isProspect,
  toProspect,
  type Prospect,
  type ToProspectOptions,
} from './prospect.ts';
export {
  ProspectDocument,
  parseActivity,
  parseCompany,
  parseContact,
  parseLead,
  parseMoney,
  parseProspect,
  leadToJson,
  prospectToJson,
  type ProspectJson,
} from './documents.ts';
export { StageChange } from './stage-change.ts';
export { CustomFieldValue, CustomFields, Metadata } from './text.ts';
export { parseWith, type ParseWithOptions } from '../parse.ts';
export { ValidationError, type ValidationIssue } from '../errors.ts';
export { ok, err, type Result, type Ok, type Err } from '../result.ts';
export type { Instant } from '../internal/instant.ts';
