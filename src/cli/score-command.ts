import { createWriteStream, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { compileIcp } from '../icp/match-icp.ts';
import { parseIcp } from '../icp/define-icp.ts';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from '../scoring/compile.ts';
import { parseScoringModel } from '../scoring/define-scoring-model.ts';
import { explainScore, topReasons } from '../scoring/explain.ts';
import type { LeadScore } from '../scoring/types.ts';
import { CliError, EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { type InputFormat, openInput } from './open-input.ts';
import { createOutputSink, type OutputSink } from './output-sink.ts';
import { createProgress } from './progress.ts';
import { readAsOf, readDefinition } from './read-definition.ts';
import { type LeadRow, readLeadRowBatches, type RowProblem } from './read-lead-rows.ts';
import { type MappingOptions, resolveMapping } from './resolve-mapping.ts';
import { csvLine } from './csv-line.ts';
import { createTopHeap } from './top-heap.ts';

/** Output formats of `leadkit score`. */
export type ScoreFormat = 'table' | 'csv' | 'jsonl';

/** Options of `leadkit score` (see `leadkit score --help`). */
export interface ScoreCommandOptions extends MappingOptions {
  readonly model: string;
  readonly icp?: string | undefined;
  readonly asOf?: string | undefined;
  readonly format?: string | undefined;
  readonly top?: string | undefined;
  readonly explain?: boolean | undefined;
  readonly rejects?: string | undefined;
  readonly out?: string | undefined;
  readonly encoding?: string | undefined;
  readonly input?: string | undefined;
  readonly progress?: boolean | undefined;
}

interface ScoredRow {
  readonly row: number;
  readonly lead: Lead;
  readonly result: LeadScore;
  readonly icp: { readonly score: number; readonly grade: string } | undefined;
}

const round = (value: number): number => Math.round(value * 100) / 100;

function reasonsText(result: LeadScore): string {
  const reasons = topReasons(result, 3).map((item) => `${item.label} ${item.points >= 0 ? '+' : ''}${round(item.points)}`);
  const gates = result.disqualifications.map((gate) => `disqualified: ${gate.label}`);
  return [...gates, ...reasons].join('; ');
}

/** Writes scored rows in one format: a header once, then a line (or a few) per row. */
interface RowWriter {
  header(): string;
  row(scored: ScoredRow): string;
}

function rowWriter(format: ScoreFormat, withIcp: boolean, explain: boolean): RowWriter {
  if (format === 'jsonl')
    return {
      header: () => '',
      row: ({ row, lead, result, icp }) =>
        `${JSON.stringify({
          row,
          id: lead.id,
          email: lead.contact.email,
          company: lead.company?.name,
          score: result.score,
          fit: result.fit,
          engagement: result.engagement,
          grade: result.grade,
          band: result.band,
          salesReady: result.salesReady,
          disqualified: result.disqualified,
          reasons: topReasons(result, 3).map((item) => ({ ruleId: item.ruleId, label: item.label, points: item.points })),
          disqualifications: result.disqualifications.map((gate) => gate.label),
          ...(icp === undefined ? {} : { icp }),
          ...(explain ? { contributions: result.contributions } : {}),
        })}\n`,
    };
  if (format === 'csv')
    return {
      header: () =>
        csvLine([
          'row',
          'id',
          'email',
          'company',
          'score',
          'fit',
          'engagement',
          'grade',
          'band',
          'sales_ready',
          'disqualified',
          'reasons',
          ...(withIcp ? ['icp_score', 'icp_grade'] : []),
          ...(explain ? ['explanation'] : []),
        ]),
      row: ({ row, lead, result, icp }) =>
        csvLine([
          row,
          lead.id,
          lead.contact.email ?? '',
          lead.company?.name ?? '',
          round(result.score),
          round(result.fit),
          round(result.engagement),
          result.grade ?? '',
          result.band ?? '',
          result.salesReady,
          result.disqualified,
          reasonsText(result),
          ...(icp === undefined ? [] : [icp.score, icp.grade]),
          ...(explain ? [explainScore(result)] : []),
        ]),
    };
  const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  return {
    header: () =>
      `${'row'.padStart(7)}  ${cut('id', 16)} ${'score'.padStart(7)} ${'fit'.padStart(6)} ${'eng'.padStart(6)}  ${cut('grade', 5)} ${cut('band', 10)}${withIcp ? ` ${'icp'.padStart(5)}` : ''}  reasons\n`,
    row: ({ row, lead, result, icp }) => {
      const line =
        `${String(row).padStart(7)}  ${cut(lead.id, 16)} ${round(result.score).toFixed(2).padStart(7)} ${round(result.fit).toFixed(2).padStart(6)} ${round(result.engagement).toFixed(2).padStart(6)}  ${cut(result.grade ?? '-', 5)} ${cut(result.band ?? '-', 10)}${icp === undefined ? '' : ` ${`${icp.score}${icp.grade}`.padStart(5)}`}  ${reasonsText(result)}`.trimEnd() +
        '\n';
      if (!explain) return line;
      return `${line}${explainScore(result)
        .split('\n')
        .map((text) => `         ${text}\n`)
        .join('')}`;
    },
  };
}

function parseTop(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1) throw new CliError(`--top ${JSON.stringify(text)}: give a whole number of rows, 1 or more`, EXIT_USAGE);
  return count;
}

function parseFormat(text: string | undefined, fallback: ScoreFormat): ScoreFormat {
  if (text === undefined) return fallback;
  if (text === 'table' || text === 'csv' || text === 'jsonl') return text;
  throw new CliError(`--format ${JSON.stringify(text)}: use table, csv or jsonl`, EXIT_USAGE);
}

/** Reads `--input`: the input format when the file name does not say it. */
export function parseInputFormat(text: string | undefined): InputFormat | undefined {
  if (text === undefined || text === 'csv' || text === 'jsonl') return text;
  throw new CliError(`--input ${JSON.stringify(text)}: use csv or jsonl`, EXIT_USAGE);
}

function problemLine(row: number, problem: RowProblem): string {
  return `row ${row}${problem.column === '' ? '' : `, ${problem.column.includes('.') || problem.column.includes('[') ? problem.column : `column ${JSON.stringify(problem.column)}`}`}: ${problem.problem}`;
}

/** Ends a file stream and waits for its 'close', which comes after its 'error' if opening or writing it failed. */
async function closeStream(stream: Writable): Promise<void> {
  if (stream.closed) return;
  await new Promise<void>((done) => {
    stream.once('close', done);
    if (!stream.destroyed) stream.end();
  });
}

/**
 * `leadkit score`: streams the input through the mapping, scores and grades every lead and writes the results with
 * the top reasons; rows the mapping refuses go to `--rejects` and the run goes on. Returns the exit code.
 */
export async function scoreCommand(io: CliIo, file: string, options: ScoreCommandOptions): Promise<number> {
  const asOf = readAsOf(options.asOf, io.now);
  const top = parseTop(options.top);
  const inputFormat = parseInputFormat(options.input);
  const model = readDefinition(io.cwd, options.model, '--model', 'scoring model', (input) => parseScoringModel(input));
  const scorer = compileScoringModel(model);
  const icpMatcher = options.icp === undefined ? undefined : compileIcp(readDefinition(io.cwd, options.icp, '--icp', 'ICP', (input) => parseIcp(input)));
  const mapping = resolveMapping(io.cwd, options);
  const format = parseFormat(options.format, io.stdout.isTTY === true && options.out === undefined ? 'table' : 'csv');
  const explain = options.explain === true;
  for (const [option, path] of [
    ['--out', options.out],
    ['--rejects', options.rejects],
  ] as const)
    if (path !== undefined && !existsSync(dirname(resolve(io.cwd, path))))
      throw new CliError(`${path}: its directory does not exist (given to ${option}): create it first, or check the path`, EXIT_USAGE);
  const input = await openInput(io, file, inputFormat);
  const outStream = options.out === undefined ? io.stdout : createWriteStream(resolve(io.cwd, options.out));
  const out = createOutputSink(outStream, options.out ?? 'standard output');
  const rejectsStream = options.rejects === undefined ? undefined : createWriteStream(resolve(io.cwd, options.rejects));
  const rejects: OutputSink | undefined =
    rejectsStream === undefined || options.rejects === undefined ? undefined : createOutputSink(rejectsStream, options.rejects);
  rejects?.write(csvLine(['row', 'column', 'problem', 'expected', 'value']));
  const writer = rowWriter(format, icpMatcher !== undefined, explain);
  const progress = createProgress(io.stderr, { enabled: options.progress !== false, elapsed: io.elapsed, size: input.size, bytesRead: input.bytesRead });
  const started = io.elapsed();
  const stop = (): void => input.close();
  io.signal.addEventListener('abort', stop);

  let rows = 0;
  let scored = 0;
  let rejected = 0;
  const shownProblems: string[] = [];
  const score = (row: number, lead: Lead): ScoredRow => {
    const icp = icpMatcher === undefined ? undefined : icpMatcher(lead, { asOf });
    return { row, lead, result: scorer(lead, { asOf }), icp: icp === undefined ? undefined : { score: icp.score, grade: icp.grade } };
  };
  interface Ranked {
    readonly row: number;
    readonly lead: Lead;
    readonly value: number;
    readonly disqualified: boolean;
  }
  const heap =
    top === undefined
      ? undefined
      : createTopHeap<Ranked>(top, (a, b) => (a.disqualified !== b.disqualified ? !a.disqualified : a.value !== b.value ? a.value > b.value : a.row < b.row));
  const asOfMs = asOf.getTime();
  if (heap === undefined) out.write(writer.header());
  // Handles a row; returns the flush to await when a sink has a full chunk (most rows return nothing to await).
  const onRow = (item: LeadRow): Promise<void> | undefined => {
    rows++;
    if (!item.ok) {
      rejected++;
      for (const problem of item.problems) {
        rejects?.write(csvLine([item.row, problem.column, problem.problem, problem.expected, problem.value]));
        if (shownProblems.length < 5) shownProblems.push(problemLine(item.row, problem));
      }
      return rejects?.flush();
    }
    scored++;
    if (heap !== undefined) {
      heap.offer({ row: item.row, lead: item.lead, value: scorer.scoreValue(item.lead, asOfMs), disqualified: scorer.isDisqualified(item.lead, asOfMs) });
      return undefined;
    }
    out.write(writer.row(score(item.row, item.lead)));
    return out.wantsFlush() ? out.flush() : undefined;
  };
  try {
    reading: for await (const batch of readLeadRowBatches(input, { mapping, encoding: options.encoding })) {
      for (const item of batch) {
        const flushing = onRow(item);
        if (flushing === undefined) continue;
        await flushing;
        // Ctrl-C and a closed output take effect at a flush, or between batches.
        if (io.signal.aborted || out.closed()) break reading;
      }
      progress.tick(rows);
      if (io.signal.aborted || out.closed()) break;
    }
  } catch (error) {
    // Reading stops with an error when Ctrl-C closed the input: that is the interruption, not a failure.
    if (!io.signal.aborted) {
      progress.done();
      await out.flush(true);
      throw error;
    }
  } finally {
    io.signal.removeEventListener('abort', stop);
    progress.done();
  }
  if (heap !== undefined && !out.closed()) {
    out.write(writer.header());
    for (const ranked of heap.sorted()) out.write(writer.row(score(ranked.row, ranked.lead)));
  }
  await out.flush(true);
  await rejects?.flush(true);
  if (outStream !== io.stdout) await closeStream(outStream);
  if (rejectsStream !== undefined) await closeStream(rejectsStream);
  // A file that could not be opened or written fails now at the latest (its error may come after the last flush).
  await out.flush(true);
  await rejects?.flush(true);
  if (out.closed()) return EXIT_OK;
  const seconds = (io.elapsed() - started) / 1000;
  const interrupted = io.signal.aborted;
  const summary = `${interrupted ? 'interrupted: ' : ''}${scored.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows scored${
    rejected > 0
      ? `, ${rejected.toLocaleString('en-US')} rejected${options.rejects === undefined ? ' (give --rejects FILE for the list)' : ` (see ${options.rejects})`}`
      : ''
  }${top === undefined ? '' : `, top ${Math.min(top, scored)} written`} in ${seconds.toFixed(1)} s (${input.name})`;
  if (options.rejects === undefined) for (const line of shownProblems) io.stderr.write(`${line}\n`);
  io.stderr.write(`leadkit score: ${summary}\n`);
  if (interrupted) return EXIT_INTERRUPTED;
  return rejected > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
