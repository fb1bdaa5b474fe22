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
export function parseLead<S extends z.ZodType<Lead, unknown> = typeof Lead>(
  input: unknown,
  options: { readonly lead?: S } = {},
): Result<z.output<S>, ValidationError> {
  return parseWith((options.lead ?? Lead) as S, input, 'lead');
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

// Lead's own fields are encoded (dates to ISO text); any other field an extended lead has is kept as it is.
const LooseLead = /*@__PURE__*/ Lead.loose();

/**
 * Encodes a lead as JSON-ready data with `schemaVersion`: dates become ISO text. An extended lead keeps its own fields:
 * give its schema (`{ lead: CrmLead }`) to encode them too (its dates, its money); without it they are kept as they
 * are.
 *
 * @example
 * ```ts
 * import * as z from 'zod/v4';
 *
 * const stored = JSON.stringify(leadToJson(lead));
 *
 * const CrmLead = Lead.extend({ crmId: z.string(), renewsAt: DateTime });
 * declare const crmLead: z.output<typeof CrmLead>;
 * const crmStored = leadToJson(crmLead, { lead: CrmLead }); // renewsAt as ISO text too
 * ```
 */
export function leadToJson<L extends Lead>(
  lead: L,
  options: { readonly lead?: z.ZodType<L, unknown> } = {},
): z.input<typeof Lead> & Omit<Record<keyof L, unknown>, keyof Lead> {
  const encoded = options.lead === undefined ? z.encode(LooseLead, lead) : z.encode(options.lead, lead);
  return { ...(encoded as object), schemaVersion: SCHEMA_VERSION } as z.input<typeof Lead> & Omit<Record<keyof L, unknown>, keyof Lead>;
}

/** Encodes a prospect as JSON-ready data with `schemaVersion`. */
export function prospectToJson(prospect: Prospect): ProspectJson {
  return { ...z.encode(ProspectDocument, prospect), schemaVersion: SCHEMA_VERSION };
}
