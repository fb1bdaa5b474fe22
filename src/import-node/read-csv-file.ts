import { createReadStream } from 'node:fs';
import type { CompiledMapping } from '../import/compile-mapping.ts';
import type { ImportRecordsOptions, ImportRun } from '../import/import-records.ts';
import type { ImportMapping } from '../import/mapping-definition.ts';
import { importCsv, readCsv, type ReadCsvOptions } from '../import/read-csv.ts';
import type { Lead } from '../models/lead.ts';

/**
 * Reads a CSV file from disk into rows of cells (the header first), streaming: `readCsv` on the file's bytes, 64 KiB at
 * a time.
 *
 * @example
 * ```ts
 * for await (const cells of readCsvFile('export.csv', { delimiter: ';' })) console.log(cells);
 * ```
 * @throws ValidationError (code `invalid_encoding`) when the bytes are not text in the stated encoding; the file
 * system's errors (no such file) as they are.
 */
export function readCsvFile(path: string, options: ReadCsvOptions = {}): AsyncGenerator<string[]> {
  return readCsv(createReadStream(path, { highWaterMark: 65_536 }), options);
}

/**
 * Imports a CSV file from disk with a mapping: `importCsv` on the file, streaming, so a file of a million rows runs in
 * flat memory.
 *
 * @example
 * ```ts
 * const run = importCsvFile(salesforceLeads(), 'leads.csv');
 * for await (const row of run) if (!row.ok) console.warn(row.issues);
 * ```
 */
export function importCsvFile<L extends Lead = Lead>(
  mapping: ImportMapping | CompiledMapping<L>,
  path: string,
  options: ReadCsvOptions & ImportRecordsOptions = {},
): ImportRun<L> {
  return importCsv(mapping, createReadStream(path, { highWaterMark: 65_536 }), options);
}
