import type { ValidationIssue } from '../errors.ts';
import type { Lead } from '../models/lead.ts';

/**
 * One problem of one row: a {@link ValidationIssue} with the row number, the column and the value as read, and what
 * was expected. Its `pathText` reads `row 12, column "Annual Revenue"`.
 */
export interface ImportIssue extends ValidationIssue {
  /** The row number: 1 for the first record (the first line after a CSV header). */
  readonly row: number;
  /** The column the value came from, when one did. */
  readonly column: string | undefined;
  /** The field it was going to, when there was one. */
  readonly field: string | undefined;
  /** The value as read, shown for people (quoted, cut to 60 characters); `undefined` when the problem is no value. */
  readonly value: string | undefined;
  /** What the column should have held, in words (`a number such as 1,234.5`). */
  readonly expected: string | undefined;
}

/** A row that became a lead, with warnings about what the mapping could not keep or had to approximate. */
export interface ImportedLead<L extends Lead = Lead> {
  /** Always `true`. */
  readonly ok: true;
  /** The row number (1 for the first record). */
  readonly row: number;
  /** The lead. */
  readonly lead: L;
  /** Things worth knowing that did not stop the row (a value left out, a stage without a date). */
  readonly warnings: readonly ImportIssue[];
}

/** A row that did not become a lead, with every problem found and the record as read. */
export interface RejectedRow {
  /** Always `false`. */
  readonly ok: false;
  /** The row number (1 for the first record). */
  readonly row: number;
  /** Every problem of the row, each naming its column. */
  readonly issues: readonly ImportIssue[];
  /** The record as read (column → value), to show or fix it. */
  readonly record: Readonly<Record<string, unknown>>;
}

/** What became of one row: a lead or its problems. */
export type ImportedRow<L extends Lead = Lead> = ImportedLead<L> | RejectedRow;

/** How often a value fell to a value map's `otherwise`. */
export interface OtherwiseCount {
  /** The value as read. */
  readonly value: string;
  /** Rows in which it fell to `otherwise`. */
  readonly count: number;
}

/** What the mapping did with one column. */
export interface ColumnSummary {
  /** The column name. */
  readonly column: string;
  /** Where it went: field paths, `customFields.<name>` for an unmapped column kept, or `dropped`. */
  readonly targets: readonly string[];
  /** Rows read that had the column. */
  readonly present: number;
  /** Rows with a value in it (not missing). */
  readonly filled: number;
  /** `filled / rows read` (0 with no row). */
  readonly fillRate: number;
  /** Values that caused a row problem in this column. */
  readonly problems: number;
  /** Values that fell to a value map's `otherwise`, most frequent first (at most 50 distinct). */
  readonly otherwise: readonly OtherwiseCount[];
}

/** What an import did, for people to check a mapping: counts, and per column its fill rate and unmapped values. */
export interface ImportSummary {
  /** Rows read. */
  readonly rowsRead: number;
  /** Rows that became leads. */
  readonly imported: number;
  /** Rows refused (see their issues). */
  readonly rejected: number;
  /** Warnings given on imported rows. */
  readonly warnings: number;
  /** Imported leads without a `createdAt` (time-based metrics count them as undated). */
  readonly undated: number;
  /** Columns of the mapping that no row had (a renamed export column, a typo). */
  readonly missingColumns: readonly string[];
  /** Every column seen or mapped, in the order first seen (mapped columns first). */
  readonly columns: readonly ColumnSummary[];
  /** Problems of the file itself (an encoding that is not the one stated, duplicate header names). */
  readonly fileIssues: readonly ImportIssue[];
}
