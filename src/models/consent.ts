import * as z from 'zod/v4';
import { DateTime } from './codecs.ts';

/** The GDPR article 6 lawful basis for processing a person's data. */
export const GdprBasis = z.enum(['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests']);
/** The GDPR lawful basis for processing. */
export type GdprBasis = z.output<typeof GdprBasis>;

/** What a person has agreed to, or refused. */
export const Consent = z.object({
  /** The person opted out of marketing e-mail. */
  emailOptOut: z.boolean().optional(),
  /** The person must not be called. */
  doNotCall: z.boolean().optional(),
  /** Lawful basis for processing under GDPR. */
  gdprBasis: GdprBasis.optional(),
  /** When consent was given or last confirmed. */
  consentedAt: DateTime.optional(),
});
/** What a person has agreed to, or refused. */
export type Consent = z.output<typeof Consent>;
