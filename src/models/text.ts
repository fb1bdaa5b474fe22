import * as z from 'zod/v4';
import { showValue } from '../errors.ts';

/** Non-empty text of at most 500 characters (names, titles, labels). */
export const ShortText = z.string().min(1).max(500);
/** Free text of at most 10,000 characters (notes, descriptions). */
export const LongText = z.string().max(10_000);
/** An identifier: 1–200 characters. */
export const Id = z.string().min(1).max(200);
/** A lower-case internet domain such as `acme.com`. */
export const Domain = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, {
    error: (iss) => `${showValue(iss.input)} is not a lower-case domain name such as "acme.com"`,
  });

/** A value a team may store in a custom field: JSON scalars or a list of strings. */
export const CustomFieldValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(10_000)).max(1000)]);
/** A value of a custom field. */
export type CustomFieldValue = z.output<typeof CustomFieldValue>;

/** Custom fields keyed by name (`__proto__` and friends are dropped by zod, never assigned). */
export const CustomFields = z.record(z.string().min(1).max(200), CustomFieldValue);
/** Custom fields keyed by name. */
export type CustomFields = z.output<typeof CustomFields>;

/** Free-form metadata of an activity: JSON scalars only. */
export const Metadata = z.record(z.string().min(1).max(200), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]));
/** Free-form metadata of an activity. */
export type Metadata = z.output<typeof Metadata>;
