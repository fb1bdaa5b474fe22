import * as z from 'zod/v4';
import { CurrencyCode } from '../models/money.ts';

/**
 * A SQL identifier (a table or column name) as the mapping names it: 1–63 characters, no NUL. leadkit always
 * quotes it, so any other character (spaces, quotes, capitals, dots) is kept as written.
 */
export const SqlIdentifier = z
  .string()
  .min(1)
  .max(63)
  .refine((name) => !name.includes('\u0000'), 'must not hold the NUL character');

/** A table of the mapping: its name, and the schema it is in when it is not on the search path. */
const Table = {
  /** The table (or view) name. */
  table: SqlIdentifier,
  /** The schema it is in (`hubspot`), when it is not found without one. */
  schema: SqlIdentifier.optional(),
};

/**
 * Where one field of the lead is, as JSON: a column of the leads table (`"industry"`), or one of these objects:
 * - `{ "column": "plan", "type": "text" }`: a column with its type (`text`, `number`, `boolean`, `timestamp`), needed
 *   for a custom field (`customFields.plan`), whose type the lead schema does not say;
 * - `{ "amount": "annual_revenue", "currency": "annual_revenue_currency", "unit": "minor" }`: an amount of money, in
 *   minor units (cents, as `Money.amountMinor`) or `"major"` units (dollars), with its currency from a column or a
 *   fixed `"currencyCode"` (a CRM's portal currency);
 * - `{ "array": "technologies" }`: a list as an array column (`TEXT[]`, `VARCHAR[]`);
 * - `{ "column": "technologies", "separator": ";" }`: a list as delimited text (HubSpot's multiple checkboxes);
 * - `{ "table": "lead_technologies", "leadId": "lead_id", "value": "technology" }`: a list as a child table, one row
 *   per item.
 */
export type SqlFieldMappingJson =
  | string
  | { readonly column: string; readonly type?: 'text' | 'number' | 'boolean' | 'timestamp' | undefined }
  | {
      readonly amount: string;
      readonly unit: 'minor' | 'major';
      readonly currency?: string | undefined;
      readonly currencyCode?: string | undefined;
    }
  | { readonly array: string }
  | { readonly column: string; readonly separator: string }
  | { readonly table: string; readonly schema?: string | undefined; readonly leadId: string; readonly value: string };

/** Where one field of the lead is (see {@link SqlFieldMappingJson}). */
export const SqlFieldMapping = z.union([
  SqlIdentifier,
  z.strictObject({ column: SqlIdentifier, type: z.enum(['text', 'number', 'boolean', 'timestamp']).optional() }),
  z
    .strictObject({ amount: SqlIdentifier, unit: z.enum(['minor', 'major']), currency: SqlIdentifier.optional(), currencyCode: CurrencyCode.optional() })
    .check((context) => {
      const value = context.value;
      if ((value.currency === undefined) === (value.currencyCode === undefined))
        context.issues.push({
          code: 'custom',
          message: 'give either "currency" (the column holding the currency) or "currencyCode" (one currency for every row)',
          input: value,
          path: ['currency'],
        });
    }),
  z.strictObject({ array: SqlIdentifier }),
  z.strictObject({
    column: SqlIdentifier,
    separator: z
      .string()
      .length(1, { error: 'must be one character' })
      .refine((text) => text !== '\u0000', 'must not be NUL'),
  }),
  z.strictObject({ ...Table, leadId: SqlIdentifier, value: SqlIdentifier }),
]);
/** Where one field of the lead is. */
export type SqlFieldMapping = z.output<typeof SqlFieldMapping>;

/** The leads table of a mapping, as JSON: one row per lead. */
export interface SqlLeadsTableJson {
  /** The table (or view) name. */
  readonly table: string;
  /** Its schema, when needed. */
  readonly schema?: string | undefined;
  /** The column holding the lead id (joined with the activities' lead id). */
  readonly id: string;
  /** Where each field a model or a segment names is, by field path (`company.industry`, `customFields.plan`). */
  readonly fields?: Readonly<Record<string, SqlFieldMappingJson>> | undefined;
  /** A JSON column holding every custom field not listed in `fields` (`customFields.<name>` reads key `<name>`). */
  readonly customFields?: string | undefined;
  /** A column holding each lead's band of the previous run, for the model's hysteresis. */
  readonly previousBand?: string | undefined;
}

/** The activities table of a mapping, as JSON: one row per activity. */
export interface SqlActivitiesTableJson {
  /** The table (or view) name. */
  readonly table: string;
  /** Its schema, when needed. */
  readonly schema?: string | undefined;
  /** The column holding the id of the lead the activity belongs to. */
  readonly leadId: string;
  /** The column holding the activity type, as leadkit names it (`page_viewed`, `email_opened`). */
  readonly type: string;
  /** The column holding when it happened (a timestamp). */
  readonly at: string;
  /** The column holding the page kind of a page view, if any. */
  readonly pageKind?: string | undefined;
  /** The column holding the URL of a page view or an e-mail click, if any. */
  readonly url?: string | undefined;
  /** The column holding a bounce's kind (`hard`, `soft`), if any. */
  readonly bounce?: string | undefined;
  /** The column holding a call's direction (`inbound`, `outbound`), if any. */
  readonly direction?: string | undefined;
  /** The column holding an e-mail's campaign, if any. */
  readonly campaign?: string | undefined;
}

/** The stage history table of a mapping, as JSON: one row per stage change, for conditions on `stage`. */
export interface SqlStageHistoryTableJson {
  /** The table (or view) name. */
  readonly table: string;
  /** Its schema, when needed. */
  readonly schema?: string | undefined;
  /** The column holding the lead id. */
  readonly leadId: string;
  /** The column giving the order of a lead's changes (the position in `Lead.stageHistory`). */
  readonly position: string;
  /** The column holding the stage entered. */
  readonly to: string;
  /** The column holding when (a timestamp). */
  readonly at: string;
}

/**
 * Where leadkit finds leads in a database, as JSON: the leads table (one row per lead, a column or a child table per
 * field), the activities table and the stage history. Every name is quoted when it reaches SQL.
 */
export interface SqlMappingJson {
  /** The leads table. */
  readonly leads: SqlLeadsTableJson;
  /** The activities table (needed by activity rules and activity conditions). */
  readonly activities?: SqlActivitiesTableJson | undefined;
  /** The stage history (needed by conditions on `stage`, with `createdAt` and `stage` in `leads.fields`). */
  readonly stageHistory?: SqlStageHistoryTableJson | undefined;
}

/** The zod schema of a {@link SqlMappingJson} (the field paths are checked by `parseSqlMapping`). */
export const SqlMapping = z.strictObject({
  leads: z.strictObject({
    ...Table,
    id: SqlIdentifier,
    fields: z.record(z.string().min(1).max(300), SqlFieldMapping).optional(),
    customFields: SqlIdentifier.optional(),
    previousBand: SqlIdentifier.optional(),
  }),
  activities: z
    .strictObject({
      ...Table,
      leadId: SqlIdentifier,
      type: SqlIdentifier,
      at: SqlIdentifier,
      pageKind: SqlIdentifier.optional(),
      url: SqlIdentifier.optional(),
      bounce: SqlIdentifier.optional(),
      direction: SqlIdentifier.optional(),
      campaign: SqlIdentifier.optional(),
    })
    .optional(),
  stageHistory: z.strictObject({ ...Table, leadId: SqlIdentifier, position: SqlIdentifier, to: SqlIdentifier, at: SqlIdentifier }).optional(),
});
/** A validated mapping from leadkit's lead to database tables. */
export type SqlMapping = z.output<typeof SqlMapping>;
