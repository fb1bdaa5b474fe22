import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import type { Lead } from '../models/lead.ts';
import { compileMapping, type CompiledMapping, type ImportRunOptions } from './compile-mapping.ts';
import type { ImportedRow, ImportSummary, RejectedRow } from './import-result.ts';
import type { ImportMapping } from './mapping-definition.ts';

/** Options of {@link importRecords}. */
export interface ImportRecordsOptions extends ImportRunOptions, LeadSchemaOptions {}

/** Records as {@link importRecords} reads them: any iterable or async iterable of column → value objects. */
export type RecordSource = Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>;

/**
 * An import in progress: iterate it for the rows (each a lead or its problems), then read {@link ImportRun.summary}.
 * It reads one record at a time and keeps none: only counts.
 */
export interface ImportRun<L extends Lead = Lead> extends AsyncIterable<ImportedRow<L>> {
  /** What the import did so far (complete once the iteration has ended). */
  summary(): ImportSummary;
}

/** Everything an import gave, for sources that fit in memory (see {@link collectImport}). */
export interface ImportAllResult<L extends Lead = Lead> {
  /** The leads, in row order. */
  readonly leads: L[];
  /** The rows refused, with their problems. */
  readonly rejected: RejectedRow[];
  /** What the import did. */
  readonly summary: ImportSummary;
}

function isCompiled<L extends Lead>(mapping: ImportMapping | CompiledMapping<L>): mapping is CompiledMapping<L> {
  return typeof (mapping as CompiledMapping<L>).start === 'function';
}

/**
 * Imports records (CSV rows read by `readCsv`, an API's property bags, a JSON array) with a mapping: yields, for each
 * row in order, the lead or the row's problems (row number, column, value as read, what was expected). It never throws
 * on bad data, never mutates a record, and holds no more than the row at hand (an async iterable of a million rows
 * runs in flat memory). Read the summary afterwards: rows read, imported and rejected, each column's fill rate and
 * the values that fell to a value map's `otherwise`.
 *
 * @example
 * ```ts
 * const run = importRecords(mapping, rows);
 * for await (const row of run) {
 *   if (row.ok) use(row.lead);
 *   else for (const issue of row.issues) console.warn(`${issue.pathText}: ${issue.message}`);
 * }
 * console.log(run.summary());
 * ```
 */
export function importRecords<L extends Lead = Lead>(
  mapping: ImportMapping | CompiledMapping<L>,
  records: RecordSource,
  options: ImportRecordsOptions = {},
): ImportRun<L> {
  const compiled = isCompiled(mapping) ? mapping : compileMapping<L>(mapping, options);
  const run = compiled.start(options);
  return {
    summary: () => run.summary(),
    async *[Symbol.asyncIterator]() {
      if (Symbol.asyncIterator in records)
        for await (const record of records as AsyncIterable<Readonly<Record<string, unknown>>>) yield run.importRecord(record);
      else for (const record of records as Iterable<Readonly<Record<string, unknown>>>) yield run.importRecord(record);
    },
  };
}

/**
 * Runs an import to its end and collects the leads, the rejected rows and the summary: for sources that fit in
 * memory (tests, examples, a few thousand rows). Works on {@link importRecords} and `importCsv` runs alike.
 *
 * @example
 * ```ts
 * const { leads, rejected, summary } = await collectImport(importRecords(mapping, rows));
 * ```
 */
export async function collectImport<L extends Lead>(run: ImportRun<L>): Promise<ImportAllResult<L>> {
  const leads: L[] = [];
  const rejected: RejectedRow[] = [];
  for await (const row of run) {
    if (row.ok) leads.push(row.lead);
    else rejected.push(row);
  }
  return { leads, rejected, summary: run.summary() };
}
