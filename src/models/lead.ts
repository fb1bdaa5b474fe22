import * as z from 'zod/v4';
import { showValue } from '../errors.ts';
import { Activity } from './activity.ts';
import { DateTime } from './codecs.ts';
import { Company } from './company.ts';
import { Consent } from './consent.ts';
import { Contact } from './contact.ts';
import { LeadSource } from './lead-source.ts';
import { Outcome } from './outcome.ts';
import { StageChange } from './stage-change.ts';
import { CustomFields, Id, ShortText } from './text.ts';

/**
 * The version of the JSON documents this release writes. A document without `schemaVersion` is read as version 1.
 * A later leadkit that changes a document's shape bumps it and reads older versions through a migration.
 */
export const SCHEMA_VERSION = 1 as const;

/** The `schemaVersion` field of a stored document: absent (read as 1) or 1. */
export const SchemaVersion = z.literal(SCHEMA_VERSION, {
  error: (iss) =>
    `this document has schemaVersion ${showValue(iss.input)}, but this leadkit reads version ${SCHEMA_VERSION}; upgrade leadkit or migrate the data`,
});

/**
 * A lead: a person (and usually a company) who has shown some interest, not yet qualified.
 * Extend it with your own typed fields with `Lead.extend({...})`; every leadkit function is generic over the lead type.
 *
 * @example
 * ```ts
 * const lead = Lead.parse({
 *   id: 'lead-1',
 *   contact: { firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'CTO', seniority: 'c_level' },
 *   company: { name: 'Acme', industry: 'software', employeeCount: 120, country: 'US' },
 *   source: 'website_form',
 *   createdAt: '2024-05-01T09:30:00Z',
 *   activities: [{ type: 'demo_requested', at: '2024-05-02T10:00:00Z' }],
 * });
 * ```
 */
export const Lead = z.object({
  /** Version of the stored document; written by `leadToJson`, optional when reading. */
  schemaVersion: SchemaVersion.optional(),
  /** Stable identifier. */
  id: Id,
  /** The person. */
  contact: Contact,
  /** The organisation, when known. */
  company: Company.optional(),
  /**
   * Where the lead came from, in leadkit's closed list (`other` when the source system's value fits none of it).
   * Conditions on `source` keep their closed-list checks; the source system's own value goes in `sourceDetail`.
   */
  source: LeadSource,
  /**
   * The source as the source system wrote it (`Phone Inquiry`, `OFFLINE`, `Trade Show Berlin`), kept when an import
   * maps it onto `source` (often to `other`), so nothing the CRM said is lost.
   */
  sourceDetail: ShortText.optional(),
  /** Campaign that brought the lead, if any. */
  campaign: ShortText.optional(),
  /**
   * When the lead was created. Optional: an export may not say. Time-based metrics count a lead without it (and
   * without a dated stage history) as undated rather than refusing it; `generateLeads` always sets it.
   */
  createdAt: DateTime.optional(),
  /** When the lead was last changed. */
  updatedAt: DateTime.optional(),
  /** When the contact data was last verified; B2B data goes stale at about 2% a month. */
  lastVerifiedAt: DateTime.optional(),
  /** Owner (user id of the rep or team). */
  ownerId: ShortText.optional(),
  /** Current funnel stage id. */
  stage: Id.optional(),
  /** Funnel history, oldest first. */
  stageHistory: z.array(StageChange).optional(),
  /** Engagement events. Defaults to an empty list. */
  activities: z.array(Activity).default([]),
  /** Pain points the lead has told us about (`lack of scalable storage`). */
  painPoints: z.array(ShortText).max(1000).optional(),
  /** Consent and opt-outs. */
  consent: Consent.optional(),
  /** How the lead ended, once it has. */
  outcome: Outcome.optional(),
  /** Your own fields. For typed fields prefer `Lead.extend`. */
  customFields: CustomFields.optional(),
});

/** A lead (in memory: dates are `Date`s). */
export type Lead = z.output<typeof Lead>;
/** A lead as JSON (dates are ISO strings). */
export type LeadJson = z.input<typeof Lead>;
