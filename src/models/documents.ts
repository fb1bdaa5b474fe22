import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { Activity } from './activity.ts';
import { Company } from './company.ts';
import { Contact } from './contact.ts';
import { Lead, SCHEMA_VERSION } from './lead.ts';
import { Money } from './money.ts';
import { Qualification, toProspect, type Prospect } from './prospect.ts';

/** The stored form of a {@link Prospect}: a lead with its qualification. */
export const ProspectDocument = Lead.extend({
  /** The evidence that made the lead a prospect. */
  qualification: Qualification,
});
/** A prospect as JSON (dates are ISO strings). */
export type ProspectJson = z.input<typeof ProspectDocument>;

/**
 * Validates and decodes a lead from JSON (ISO date strings become `Date`s). Never throws on bad data: the error lists
 * every problem with its path, in words a CRM admin understands.
 *
 * @example
 * ```ts
 * const result = parseLead({ id: 'l1', contact: { email: 'not-an-email' }, source: 'webinar', createdAt: '2024-02-30T00:00:00Z' });
 * // result.ok === false; result.error.issues:
 * //   contact.email: "not-an-email" is not a valid e-mail address
 * //   createdAt: "2024-02-30T00:00:00Z" is not a real ISO 8601 date-time …
 * ```
 */
export function parseLead(input: unknown): Result<Lead, ValidationError> {
  return parseWith(Lead, input, 'lead');
}

/** Validates and decodes a company from JSON. */
export function parseCompany(input: unknown): Result<Company, ValidationError> {
  return parseWith(Company, input, 'company');
}

/** Validates a contact from JSON. */
export function parseContact(input: unknown): Result<Contact, ValidationError> {
  return parseWith(Contact, input, 'contact');
}

/** Validates and decodes an activity (engagement event) from JSON. */
export function parseActivity(input: unknown): Result<Activity, ValidationError> {
  return parseWith(Activity, input, 'activity');
}

/** Validates an amount of money from JSON (minor units or a decimal string). */
export function parseMoney(input: unknown): Result<Money, ValidationError> {
  return parseWith(Money, input, 'amount of money');
}

/**
 * Validates a stored prospect and re-checks its qualification with {@link toProspect}: a document whose verdict
 * did not qualify is refused.
 */
export function parseProspect(input: unknown): Result<Prospect, ValidationError> {
  const parsed = parseWith(ProspectDocument, input, 'prospect');
  if (!parsed.ok) return parsed;
  const { qualification, ...lead } = parsed.value;
  return toProspect(lead, qualification);
}

/** Encodes a lead (or an extended lead, given its schema) as JSON-ready data with `schemaVersion`. */
export function leadToJson(lead: Lead): z.input<typeof Lead> {
  return { ...z.encode(Lead, lead), schemaVersion: SCHEMA_VERSION };
}

/** Encodes a prospect as JSON-ready data with `schemaVersion`. */
export function prospectToJson(prospect: Prospect): ProspectJson {
  return { ...z.encode(ProspectDocument, prospect), schemaVersion: SCHEMA_VERSION };
}
