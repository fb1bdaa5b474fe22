import * as z from 'zod/v4';
import { FieldPath } from '../conditions/field-path.ts';
import { ActivityType } from '../models/activity.ts';
import { SchemaVersion } from '../models/lead.ts';
import { CurrencyCode } from '../models/money.ts';

/** A column name (a CSV header, an API property name). */
export const ColumnName = z.string().min(1).max(500);

/** One column, or several names the same column may have (`["firstname", "First Name"]`): the first present wins. */
export const ColumnNames = z.union([ColumnName, z.array(ColumnName).min(1).max(20)]);
/** One column or several names of it. */
export type ColumnNames = z.output<typeof ColumnNames>;

/** How numbers are written: decimal separator and thousands grouping. */
export const NumberFormatDefinition = z.strictObject({
  /** `.` (default) or `,`. */
  decimal: z.enum(['.', ',']).optional(),
  /** `,` (default with `.`), `.` (default with `,`), a space, an apostrophe, or `''` for none. */
  grouping: z.enum([',', '.', ' ', "'", '']).optional(),
});

const DateFormats = z.union([z.string().min(1).max(100), z.array(z.string().min(1).max(100)).min(1).max(20)]);

/** How dates are written: date-fns formats (tried in order) and the IANA time zone of text without an offset. */
export const DateFormatDefinition = z.strictObject({
  /**
   * date-fns formats such as `yyyy-MM-dd HH:mm` or `dd/MM/yyyy`, or `epochMilliseconds` / `epochSeconds`; ISO 8601
   * (with or without an offset) when omitted.
   */
  format: DateFormats.optional(),
  /** The zone in which a date without an offset is read (`America/New_York`); the mapping's `timeZone` by default. */
  timeZone: z.string().min(1).max(100).optional(),
});

/** A value a value map may give: text, a number, true/false, or `null` for "missing". */
export const MappedValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
/** A value a value map may give. */
export type MappedValue = z.output<typeof MappedValue>;

/** What a value map does with a value it does not list. */
export const ValueMapOtherwise = z.union([z.enum(['keep', 'missing', 'reject']), z.strictObject({ value: MappedValue })]);
/** What a value map does with a value it does not list. */
export type ValueMapOtherwise = z.output<typeof ValueMapOtherwise>;

/**
 * One step of a column's pipeline. Steps run in order on the value read from the column (after the missing-value
 * check); a step after `split` runs on each item of the list.
 * - `trim`, `lowercase` (with `foldText`, leadkit's one case rule), `uppercase`, `slug` (lower case, runs of other
 *   characters as `-`: `COMPUTER_SOFTWARE` and `Computer Software` both give `computer-software`);
 * - `{ map: { from: to }, otherwise?, caseSensitive? }`: a value map (keys compared after trimming, ignoring case
 *   unless `caseSensitive`); a value it does not list is kept (`otherwise: 'keep'`, the default), made missing, refused
 *   (`'reject'`), or replaced (`{ value }`); the summary lists the values that fell to `otherwise`. Map to `null` for
 *   missing;
 * - `number` or `{ number: { decimal, grouping } }`; `boolean` or `{ boolean: { true: [...], false: [...] } }`;
 * - `money` or `{ money: { currency, currencyColumn, decimal, grouping } }`: an amount in the fixed currency, or in
 *   the currency named by another column of the row;
 * - `date` or `{ date: { format, timeZone } }`;
 * - `country` (names, aliases and codes to ISO 3166-1 alpha-2), `seniority` (job title to seniority, see
 *   `seniorityFromTitle`), `domain` (a web address to a bare lower-case domain);
 * - `{ split: ";" }`: a list.
 */
export const ImportStep = z.union([
  z.enum(['trim', 'lowercase', 'uppercase', 'slug', 'number', 'boolean', 'money', 'date', 'country', 'seniority', 'domain']),
  z.strictObject({
    map: z.record(z.string().max(500), MappedValue),
    otherwise: ValueMapOtherwise.optional(),
    caseSensitive: z.boolean().optional(),
  }),
  z.strictObject({ number: NumberFormatDefinition }),
  z.strictObject({
    boolean: z.strictObject({ true: z.array(z.string().max(100)).max(50).optional(), false: z.array(z.string().max(100)).max(50).optional() }),
  }),
  z.strictObject({
    money: z.strictObject({
      currency: CurrencyCode.optional(),
      currencyColumn: ColumnNames.optional(),
      decimal: z.enum(['.', ',']).optional(),
      grouping: z.enum([',', '.', ' ', "'", '']).optional(),
    }),
  }),
  z.strictObject({ date: DateFormatDefinition }),
  z.strictObject({ split: z.string().min(1).max(10) }),
]);
/** One step of a column's pipeline. */
export type ImportStep = z.output<typeof ImportStep>;

/** Where a column goes: a field path and the steps on the way. */
export const ColumnTarget = z.strictObject({
  /** The field the value is written to: one dotted path (`contact.email`, `customFields.plan`, `accountTier`). */
  to: FieldPath,
  /** The pipeline (see {@link ImportStep}). A step for the field's kind is added when the pipeline gives text to a number, boolean, date, money, list or country field. */
  steps: z.array(ImportStep).max(20).optional(),
  /** Keep the value only when the lead gets this field too (an opportunity's `CloseDate` is `outcome.at` only when it is closed). */
  requires: FieldPath.optional(),
});
/** Where a column goes. */
export type ColumnTarget = z.output<typeof ColumnTarget>;

/** A column's mapping: a field path (shorthand for `{ to }`), a target, or several targets fed by the same column. */
export const ColumnMapping = z.union([
  FieldPath,
  ColumnTarget,
  z
    .array(z.union([FieldPath, ColumnTarget]))
    .min(1)
    .max(10),
]);
/** A column's mapping. */
export type ColumnMapping = z.output<typeof ColumnMapping>;

/**
 * Activities made from engagement counts and dates (HubSpot's "Number of Pageviews" with first and last visit, an
 * e-mail open count with the last open date). An approximation, marked as such: `count` events (at most
 * `maxEvents`), the first at `firstAt` (else the lead's `createdAt`, else `lastAt`), the last at `lastAt`, the rest
 * evenly between; each carries `metadata: { approximated: true, count, column }`. With a date and no count, one
 * event. Without any date, none (a row warning says so).
 */
export const ActivitiesFromColumns = z.strictObject({
  /** The activity type; `other` needs `name`. */
  type: ActivityType,
  /** The name of an `other` activity (`Chat`). */
  name: z.string().min(1).max(500).optional(),
  /** How many such events there were. */
  count: ColumnNames.optional(),
  /** When the first happened. */
  firstAt: ColumnNames.optional(),
  /** When the last happened. */
  lastAt: ColumnNames.optional(),
  /** The page address of page views (the last page seen, say); `(not in export)` when absent. */
  url: ColumnNames.optional(),
  /** The most events made from one count (default 10): scoring caps rarely count more, and each event costs memory. */
  maxEvents: z.int().min(1).max(1000).optional(),
});
/** Activities made from engagement counts and dates. */
export type ActivitiesFromColumns = z.output<typeof ActivitiesFromColumns>;

/** A stage whose entry date a column holds (HubSpot's "Became a Lead Date"). */
export const StageDateColumn = z.strictObject({
  /** The stage id entered. */
  stage: z.string().min(1).max(200),
  /** The column(s) holding the date. */
  columns: ColumnNames,
  /** The event of the history entry (default `import`). */
  event: z.string().min(1).max(500).optional(),
});
/** A stage whose entry date a column holds. */
export type StageDateColumn = z.output<typeof StageDateColumn>;

/** A column read through steps (the stage column of a history table). */
export const ColumnWithSteps = z.union([ColumnName, z.strictObject({ column: ColumnNames, steps: z.array(ImportStep).max(20).optional() })]);
/** A column read through steps. */
export type ColumnWithSteps = z.output<typeof ColumnWithSteps>;

/**
 * A separate history table of stage changes (Salesforce's `LeadHistory` or `OpportunityHistory`), read with
 * `readStageHistory` and joined to the records by id.
 */
export const StageHistoryTable = z.strictObject({
  /** The column with the id of the record changed (`LeadId`, `OpportunityId`). */
  recordId: ColumnNames,
  /** When the change happened (`CreatedDate`). */
  at: ColumnNames,
  /** The stage entered (`NewValue`, `StageName`), through steps (a value map to stage ids). */
  stage: ColumnWithSteps,
  /** The stage left (`OldValue`), if the table says. */
  from: ColumnWithSteps.optional(),
  /** Who made the change (`CreatedById`). */
  by: ColumnNames.optional(),
  /** Keep only the rows whose column holds one of these values (`Field` in `["Status"]`). */
  where: z.strictObject({ column: ColumnNames, in: z.array(z.string().max(500)).min(1).max(100) }).optional(),
  /** The event of the history entries (default `import`). */
  event: z.string().min(1).max(500).optional(),
});
/** A separate history table of stage changes. */
export type StageHistoryTable = z.output<typeof StageHistoryTable>;

/**
 * How a flat record (a CSV row, an API property bag) becomes a lead, as plain JSON data: which column feeds which
 * field, through which steps; the text that means "missing"; the time zone of dates without an offset; the currency
 * of amounts; activities and a stage history made from columns; what happens to the columns it does not name (kept
 * in `customFields` unless `unmapped: 'drop'` or listed in `drop`: nothing is lost silently).
 *
 * @example
 * ```ts
 * const mapping = ImportMapping.parse({
 *   id: 'trade-show-list',
 *   timeZone: 'Europe/Berlin',
 *   currency: 'EUR',
 *   columns: {
 *     'Lead ID': 'id',
 *     'E-Mail': { to: 'contact.email', steps: ['trim', 'lowercase'] },
 *     Company: 'company.name',
 *     Land: { to: 'company.country', steps: [{ map: { Deutschland: 'DE', Österreich: 'AT' } }, 'country'] },
 *     Umsatz: { to: 'company.annualRevenue', steps: [{ money: { decimal: ',', grouping: '.' } }] },
 *   },
 *   defaults: { source: 'event' },
 * });
 * ```
 */
export const ImportMapping = z.strictObject({
  /** Version of the stored document: absent or 1. */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id. */
  id: z.string().min(1).max(200),
  /** Name shown to people. */
  label: z.string().min(1).max(500).optional(),
  /** What it is for. */
  description: z.string().max(10_000).optional(),
  /** Column name → where it goes. Order matters: when several columns feed one field, the first with a value wins. */
  columns: z.record(ColumnName, ColumnMapping),
  /** Values of fields no column gave (`{ "source": "other" }`). */
  defaults: z.record(z.string().min(1).max(300), z.union([MappedValue, z.array(z.string().max(10_000)).max(1000)])).optional(),
  /** Text that means "no value" (compared after trimming, ignoring case); `DEFAULT_MISSING_MARKERS` by default. */
  missing: z.array(z.string().max(100)).max(100).optional(),
  /** IANA time zone of dates written without an offset (default `UTC`): the portal's or org's zone. */
  timeZone: z.string().min(1).max(100).optional(),
  /** date-fns format(s) of every date column without its own (ISO 8601 by default). */
  dateFormat: DateFormats.optional(),
  /** Currency of every amount without its own. */
  currency: CurrencyCode.optional(),
  /** How numbers are written in every column without its own format. */
  numberFormat: NumberFormatDefinition.optional(),
  /** Separator of list fields fed text (default `;`, as HubSpot writes multiple checkboxes). */
  listSeparator: z.string().min(1).max(10).optional(),
  /** Activities made from engagement counts and dates. */
  activities: z.array(ActivitiesFromColumns).max(50).optional(),
  /** Stage entry dates held in columns, which become the stage history (sorted by date). */
  stageDates: z.array(StageDateColumn).max(50).optional(),
  /** A separate table of stage changes (see `readStageHistory`). */
  history: StageHistoryTable.optional(),
  /** What happens to the columns the mapping does not name: kept in `customFields` (default) or dropped. */
  unmapped: z.enum(['keep', 'drop']).optional(),
  /** Columns dropped on purpose (never kept in `customFields`). */
  drop: z.array(ColumnName).max(1000).optional(),
});
/** An import mapping as plain data. */
export type ImportMapping = z.output<typeof ImportMapping>;
/** An import mapping as JSON input. */
export type ImportMappingJson = z.input<typeof ImportMapping>;
