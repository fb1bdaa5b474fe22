import type { ValidationIssue } from '../errors.ts';
import type { CompiledMapping } from '../import/compile-mapping.ts';
import type { ImportedRow } from '../import/import-result.ts';
import { importCsvBatches } from '../import/read-csv.ts';
import type { Lead } from '../models/lead.ts';
import { parseLead } from '../models/documents.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import type { OpenedInput } from './open-input.ts';

/** One problem of one input row, as the rejects file lists it. */
export interface RowProblem {
  /** The column (CSV) or the path in the JSON (`contact.email`); empty when the problem is the whole row. */
  readonly column: string;
  /** What is wrong. */
  readonly problem: string;
  /** What was expected, when known. */
  readonly expected: string;
  /** The value as read, shown for people (quoted, cut). */
  readonly value: string;
}

/** A row of the input: a lead, or the row's problems. */
export type LeadRow =
  | { readonly ok: true; readonly row: number; readonly lead: Lead }
  | { readonly ok: false; readonly row: number; readonly problems: readonly RowProblem[] };

/** Options of {@link readLeadRows}. */
export interface ReadLeadRowsOptions {
  /** The mapping of CSV columns (or JSONL records) to leads; JSONL without one is read as leads (`parseLead`). */
  readonly mapping: CompiledMapping | undefined;
  /** The text encoding (`--encoding`), else the byte-order mark's, else UTF-8. */
  readonly encoding: string | undefined;
}

function fromImported(row: ImportedRow): LeadRow {
  if (row.ok) return row;
  return {
    ok: false,
    row: row.row,
    problems: row.issues.map((issue) => ({ column: issue.column ?? '', problem: issue.message, expected: issue.expected ?? '', value: issue.value ?? '' })),
  };
}

function encodingProblem(input: OpenedInput, encoding: string, row: number, detail: string): CliError {
  const hint =
    encoding.toLowerCase().replace('_', '-') === 'utf-8'
      ? 'save it as UTF-8, or give its encoding with --encoding (such as --encoding windows-1252 for Latin-1, --encoding utf-16le)'
      : 'check the --encoding given';
  return new CliError(`${input.name}: is not ${encoding} text at or after row ${row} (${detail}): ${hint}`, EXIT_USAGE);
}

/**
 * The rows of an input as leads or problems, streaming, a chunk of the input at a time (one step of the caller's
 * async loop per chunk, not per row): CSV through the mapping (`importCsvBatches`), JSONL a line at a time through
 * the mapping or `parseLead`. An encoding error stops the read with a one-line error (exit 2).
 */
export async function* readLeadRowBatches(input: OpenedInput, options: ReadLeadRowsOptions): AsyncGenerator<LeadRow[]> {
  const encoding = options.encoding ?? input.encodingFromMark ?? 'utf-8';
  try {
    new TextDecoder(encoding);
  } catch {
    throw new CliError(`--encoding ${JSON.stringify(encoding)}: is not an encoding Node knows: use utf-8, windows-1252, latin1, utf-16le…`, EXIT_USAGE);
  }
  if (input.format === 'csv') {
    if (options.mapping === undefined)
      throw new CliError(
        `${input.name}: a CSV file needs a mapping: give --mapping mapping.json (leadkit init writes a starter) or --preset hubspot|salesforce`,
        EXIT_USAGE,
      );
    const run = options.mapping.start();
    for await (const batch of importCsvBatches(run, input.chunks, { encoding })) {
      const rows: LeadRow[] = [];
      for (const row of batch) {
        if (!row.ok && row.issues[0]?.code === 'invalid_encoding') {
          // The rows before the bad bytes are handled first; then the read stops.
          if (rows.length > 0) yield rows;
          throw encodingProblem(input, encoding, row.row, row.issues[0].message.replace(/^is not \S+ text \(|\):.*$/g, ''));
        }
        rows.push(fromImported(row));
      }
      yield rows;
    }
    return;
  }
  yield* readJsonLines(input, encoding, options.mapping);
}

async function* readJsonLines(input: OpenedInput, encoding: string, mapping: CompiledMapping | undefined): AsyncGenerator<LeadRow[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const run = mapping?.start();
  let carry = '';
  let line = 0;
  const readLine = (text: string): LeadRow | undefined => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return {
        ok: false,
        row: line,
        problems: [{ column: '', problem: `is not valid JSON (${(error as Error).message})`, expected: 'one JSON object per line', value: '' }],
      };
    }
    if (run !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { ok: false, row: line, problems: [{ column: '', problem: 'is not a JSON object', expected: 'one JSON object per line', value: '' }] };
      const imported = fromImported(run.importRecord(value as Record<string, unknown>));
      return { ...imported, row: line };
    }
    const parsed = parseLead(value);
    if (parsed.ok) return { ok: true, row: line, lead: parsed.value };
    return {
      ok: false,
      row: line,
      problems: parsed.error.issues.map((issue: ValidationIssue) => ({ column: issue.pathText, problem: issue.message, expected: '', value: '' })),
    };
  };
  for await (const chunk of input.chunks) {
    let text: string;
    try {
      text = carry + decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw encodingProblem(input, encoding, line + 1, (error as Error).message);
    }
    let start = 0;
    const rows: LeadRow[] = [];
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const row = readLine(text.slice(start, end));
      start = end + 1;
      if (row !== undefined) rows.push(row);
    }
    carry = text.slice(start);
    if (rows.length > 0) yield rows;
  }
  let rest: string;
  try {
    rest = carry + decoder.decode();
  } catch (error) {
    throw encodingProblem(input, encoding, line + 1, (error as Error).message);
  }
  if (rest !== '') {
    const row = readLine(rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest);
    if (row !== undefined) yield [row];
  }
}
