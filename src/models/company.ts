import * as z from 'zod/v4';
import { CountryCode } from './country.ts';
import { Money } from './money.ts';
import { Domain, ShortText } from './text.ts';

/**
 * An organisation: the firmographics an ICP and a scoring model look at. Only `name` is required;
 * everything else may be unknown, and unknown is never treated as a mismatch.
 *
 * @example
 * ```ts
 * const acme = Company.parse({ name: 'Acme', domain: 'acme.com', industry: 'software', employeeCount: 120, country: 'US' });
 * ```
 */
export const Company = z.object({
  /** Legal or trading name. */
  name: ShortText,
  /** Primary web domain, lower case, without `www.` (`acme.com`). */
  domain: Domain.optional(),
  /** Industry, as a lower-case slug your team agrees on (`software`, `financial-services`). */
  industry: ShortText.optional(),
  /** Number of employees. */
  employeeCount: z.number().int().nonnegative().optional(),
  /** Annual revenue. */
  annualRevenue: Money.optional(),
  /** ISO 3166-1 alpha-2 country of the headquarters. */
  country: CountryCode.optional(),
  /** Region or state. */
  region: ShortText.optional(),
  /** City. */
  city: ShortText.optional(),
  /** Technologies the company is known to use (`aws`, `salesforce`). */
  technologies: z.array(ShortText).max(1000).optional(),
  /** Free tags. */
  tags: z.array(ShortText).max(1000).optional(),
});

/** An organisation and its firmographics. */
export type Company = z.output<typeof Company>;
