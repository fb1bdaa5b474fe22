import * as z from 'zod/v4';
import { showValue } from '../errors.ts';
import { ShortText } from './text.ts';

/** How senior a person is. */
export const Seniority = z.enum(['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner', 'partner', 'student']);
/** How senior a person is. */
export type Seniority = z.output<typeof Seniority>;

/** The department a person works in. */
export const Department = z.enum([
  'executive',
  'engineering',
  'it',
  'product',
  'marketing',
  'sales',
  'customer_success',
  'finance',
  'operations',
  'hr',
  'legal',
  'procurement',
  'education',
  'other',
]);
/** The department a person works in. */
export type Department = z.output<typeof Department>;

/** The role a person plays in the buying decision. */
export const DecisionRole = z.enum(['economic_buyer', 'decision_maker', 'influencer', 'champion', 'user', 'gatekeeper']);
/** The role a person plays in the buying decision. */
export type DecisionRole = z.output<typeof DecisionRole>;

/**
 * A person. All fields are optional because leads arrive with whatever a form or list had;
 * a lead without any way to reach the person is still a lead.
 *
 * @example
 * ```ts
 * const contact = Contact.parse({ firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'CTO', seniority: 'c_level', decisionRole: 'decision_maker' });
 * ```
 */
export const Contact = z.object({
  /** Given name. */
  firstName: ShortText.optional(),
  /** Family name. */
  lastName: ShortText.optional(),
  /** E-mail address. */
  email: z.email().max(254).optional(),
  /** Phone number as entered; see `leadkit/metrics` for normalisation. */
  phone: z
    .string()
    .max(40)
    .regex(/^\+?[0-9 ().\-/]{3,40}$/, { error: (iss) => `${showValue(iss.input)} is not a phone number` })
    .optional(),
  /** Job title as written (`VP Engineering`). */
  jobTitle: ShortText.optional(),
  /** Seniority derived from the title or enriched. */
  seniority: Seniority.optional(),
  /** Department. */
  department: Department.optional(),
  /** Role in the buying decision. */
  decisionRole: DecisionRole.optional(),
});

/** A person at a lead or prospect. */
export type Contact = z.output<typeof Contact>;
