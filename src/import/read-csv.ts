import Papa from 'papaparse';
import { issue, ValidationError } from '../errors.ts';
import type { Lead } from '../models/lead.ts';
import { compileMapping, type CompiledMapping, type MappingRun } from './compile-mapping.ts';
import type { ImportedRow, ImportIssue, RejectedRow } from './import-result.ts';
import type { ImportRecordsOptions, ImportRun } from './import-records.ts';
import type { ImportMapping } from './mapping-definition.ts';

/** Text or bytes of a CSV file: a string, bytes, or an (async) iterable of chunks (a Node stream, a `fetch` body). */
export type CsvSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<Uint8Array | string>;

/** Options of {@link readCsv} and {@link importCsv}. */
export interface ReadCsvOptions {
  /** The separator: `,`, `;`, tab or `|`; `auto` (default) picks the one the header line uses most. */
  readonly delimiter?: ',' | ';' | '\t' | '|' | 'auto' | undefined;
  /**
   * The text encoding of bytes (a `TextDecoder` label such as `utf-8`, the default, `windows-1252` or `utf-16le`).
   * Bytes that are not valid in it are reported, never read as replacement characters. A byte-order mark is skipped.
   */
  readonly encoding?: string | undefined;
  /**
   * Characters read per parse (default 65,536): the memory a read holds at once. Bytes are decoded in pieces of this
   * many bytes, at most 65,536.
   */
  readonly chunkSize?: number | undefined;
}

const CHUNK = 65_536;
const DECODE_PIECE = 65_536;

/** Bytes that are not text in the stated encoding (the decoder's TypeError, told apart from any error of the source). */
class NotTextError extends Error {}

/** A fatal decoder whose refusals are {@link NotTextError}s. */
function textDecoder(encoding: string): (bytes?: Uint8Array | ArrayBuffer, stream?: boolean) => string {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (bytes, stream = false) => {
    try {
      return decoder.decode(bytes, { stream });
    } catch (error) {
      throw new NotTextError(error instanceof Error ? error.message : String(error));
    }
  };
}

async function* textChunks(source: CsvSource, encoding: string, chunkSize: number): AsyncGenerator<string> {
  if (typeof source === 'string') {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    for (let start = 0; start < text.length; start += chunkSize) yield text.slice(start, start + chunkSize);
    return;
  }
  const decode = textDecoder(encoding);
  const piece = Math.min(chunkSize, DECODE_PIECE);
  let first = true;
  // Bytes are decoded at most 64 KiB at a time, each piece its own text: V8 makes a text over 128 KiB in its large
  // object space, and decoding a file read in 256 KiB chunks took seven times as long as in 64 KiB pieces.
  function* fromChunk(chunk: string | Uint8Array): Generator<string> {
    if (typeof chunk === 'string') {
      yield first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      first = false;
      return;
    }
    first = false;
    for (let start = 0; start < chunk.length; start += piece) {
      const text = decode(chunk.subarray(start, start + piece), true);
      if (text !== '') yield text;
    }
  }
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) yield* fromChunk(source instanceof Uint8Array ? source : new Uint8Array(source));
  else if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield* fromChunk(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (Symbol.asyncIterator in source) for await (const chunk of source as AsyncIterable<string | Uint8Array>) yield* fromChunk(chunk);
  else for (const chunk of source as Iterable<string | Uint8Array>) yield* fromChunk(chunk);
  const rest = decode();
  if (rest !== '') yield rest;
}

/** The separator the header line uses most, outside quotes (`,` when none). */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [char, count] of counts)
    if (count > bestCount) {
      best = char;
      bestCount = count;
    }
  return best;
}

/** The line ending of the first line: CRLF, LF or CR. */
function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Reads CSV text into rows of cells, the header first, with papaparse (RFC 4180: quoted cells with separators,
 * quotes and line breaks inside, CRLF or LF line ends, a byte-order mark, `;`, tab or `|` separators). It streams: it
 * holds one chunk of text and the rows parsed from it, whatever the size of the file. Blank lines are skipped. It
 * runs in browsers and on edge runtimes (no Node API); `readCsvFile` in `leadkit/import-node` reads a file.
 *
 * @example
 * ```ts
 * for await (const cells of readCsv('Email;Country\r\nada@acme.com;"United Kingdom"\r\n')) console.log(cells);
 * // ['Email', 'Country'], then ['ada@acme.com', 'United Kingdom']
 * ```
 * @throws ValidationError (code `invalid_encoding`) when the bytes are not text in the stated encoding.
 */
export async function* readCsv(source: CsvSource, options: ReadCsvOptions = {}): AsyncGenerator<string[]> {
  for await (const batch of readCsvBatches(source, options)) yield* batch;
}

/** {@link readCsv} a chunk at a time: the rows parsed from each chunk of text, in one array (internal: one await per chunk, not per row). */
async function* readCsvBatches(source: CsvSource, options: ReadCsvOptions = {}): AsyncGenerator<string[][]> {
  const encoding = options.encoding ?? 'utf-8';
  const chunkSize = options.chunkSize ?? CHUNK;
  let parser: Papa.Parser | undefined;
  let carry = '';
  let rowsRead = 0;
  const chunks = textChunks(source, encoding, chunkSize);
  let pending: string | undefined;
  // Parses `input`; `final` when no text follows. Yields the complete rows and keeps the rest for the next chunk.
  const parse = (input: string, final: boolean): string[][] => {
    if (parser === undefined) {
      const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(input) : options.delimiter;
      parser = new Papa.Parser({ delimiter, newline: detectNewline(input), quoteChar: '"', escapeChar: '"' });
    }
    const result = parser.parse(input, 0, !final);
    carry = final ? '' : input.slice(result.meta.cursor);
    const rows = (result.data as string[][]).filter((row) => !(row.length === 1 && row[0] === ''));
    rowsRead += rows.length;
    return rows;
  };
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await chunks.next();
    } catch (error) {
      if (!(error instanceof NotTextError)) throw error;
      // The rows read so far are complete lines: give them, then the problem.
      if (parser !== undefined || pending !== undefined) yield parse(carry + (pending ?? ''), false);
      throw new ValidationError('CSV file', [
        issue(
          [rowsRead + 1],
          `is not ${encoding} text (${error.message.slice(0, 120)}): save the file as UTF-8, or give its encoding (such as encoding: "windows-1252")`,
          'invalid_encoding',
        ),
      ]);
    }
    const last = next.done === true;
    // Read one chunk ahead, so the last chunk is parsed as the last.
    if (!last && pending === undefined) {
      pending = next.value;
      continue;
    }
    const input = carry + (pending ?? '');
    pending = last ? undefined : next.value;
    // The separator and the line end are read from the whole first line.
    if (parser === undefined && !last && !hasLineEnd(input)) {
      carry = input;
      continue;
    }
    yield parse(input, last);
    if (last) return;
  }
}

function hasLineEnd(text: string): boolean {
  const cr = text.indexOf('\r');
  return text.includes('\n') || (cr >= 0 && cr < text.length - 1);
}

/**
 * Reads a CSV file with {@link readCsv} and imports its rows with a mapping: the fast path of `importRecords` for CSV
 * (each row's cells are read by position under the header, without building an object). Yields per row the lead or
 * the row's problems: a row with more or fewer cells than the header, or bytes that are not text in the stated
 * encoding (the import stops there), are problems like any other. Never throws on bad data. Holds one chunk and one
 * row at a time.
 *
 * @example
 * ```ts
 * const run = importCsv(hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' }), text);
 * for await (const row of run) if (!row.ok) console.warn(row.issues);
 * console.log(run.summary().rejected);
 * ```
 */
export function importCsv<L extends Lead = Lead>(
  mapping: ImportMapping | CompiledMapping<L>,
  source: CsvSource,
  options: ReadCsvOptions & ImportRecordsOptions = {},
): ImportRun<L> {
  const compiled =
    typeof (mapping as CompiledMapping<L>).start === 'function' ? (mapping as CompiledMapping<L>) : compileMapping<L>(mapping as ImportMapping, options);
  const run = compiled.start(options);
  return {
    summary: () => run.summary(),
    async *[Symbol.asyncIterator]() {
      // A row at a time: the summary counts only the rows handed out so far.
      for await (const item of cellBatches(run, source, options)) {
        if (!('cells' in item)) yield item;
        else for (const cells of item.cells) yield run.importCells(item.header, cells);
      }
    },
  };
}

/**
 * The rows {@link importCsv} yields, a parsed chunk of the file at a time (for callers that handle many thousand rows
 * a second, such as the command: one step of an async loop per chunk rather than per row). Internal.
 */
export async function* importCsvBatches<L extends Lead>(run: MappingRun<L>, source: CsvSource, options: ReadCsvOptions = {}): AsyncGenerator<ImportedRow<L>[]> {
  for await (const item of cellBatches(run, source, options)) {
    if (!('cells' in item)) yield [item];
    else if (item.cells.length > 0) yield item.cells.map((cells) => run.importCells(item.header, cells));
  }
}

/**
 * The data rows of a CSV file as cells under its unique header, a parsed chunk at a time. Bytes that are not text in
 * the stated encoding end it with a rejected row (recorded as a file issue of the run).
 */
async function* cellBatches(
  run: MappingRun<Lead>,
  source: CsvSource,
  options: ReadCsvOptions,
): AsyncGenerator<{ readonly header: readonly string[]; readonly cells: readonly string[][] } | RejectedRow> {
  let header: string[] | undefined;
  try {
    for await (const batch of readCsvBatches(source, options)) {
      let cells = batch;
      if (header === undefined) {
        if (batch.length === 0) continue;
        header = uniqueHeader(batch[0] as string[], (found) => run.addFileIssue(found));
        cells = batch.slice(1);
      }
      if (cells.length > 0) yield { header, cells };
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const summary = run.summary();
    const row = summary.rowsRead + 1;
    const found: ImportIssue = {
      ...(error.issues[0] as ImportIssue),
      path: [row],
      pathText: `row ${row}`,
      row,
      column: undefined,
      field: undefined,
      value: undefined,
      expected: `${options.encoding ?? 'utf-8'} text`,
    };
    run.addFileIssue(found);
    yield { ok: false, row, issues: [found], record: {} };
  }
}

/** Header names, trimmed; a repeated name gets ` (2)`, ` (3)`… and a file issue says so. */
function uniqueHeader(cells: readonly string[], report: (found: ImportIssue) => void): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const name = cell.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const renamed = `${name} (${count})`;
    report({
      path: [0, name],
      pathText: `header, column ${JSON.stringify(name)}`,
      message: `appears ${count} times in the header: read as ${JSON.stringify(renamed)}`,
      code: 'duplicate_column',
      row: 0,
      column: name,
      field: undefined,
      value: undefined,
      expected: 'unique column names',
    });
    return renamed;
  });
}
