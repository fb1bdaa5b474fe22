import { createMissingValueTest } from '../conditions/missing-markers.ts';
import { foldText } from '../conditions/fold-text.ts';
import type { StageChange } from '../models/stage-change.ts';
import { compilePipeline, isFailure, MISSING, type RowValues, type StepContext } from './compile-steps.ts';
import type { StageHistoryIndex } from './compile-mapping.ts';
import type { ImportIssue } from './import-result.ts';
import type { RecordSource } from './import-records.ts';
import type { ColumnNames, ColumnWithSteps, ImportMapping } from './mapping-definition.ts';
import { showValue } from '../errors.ts';

/** What {@link readStageHistory} read: the histories by record id, and the rows it could not use. */
export interface StageHistoryRead {
  /** Stage changes by record id, oldest first (rows with the same time keep the table's order). */
  readonly histories: StageHistoryIndex;
  /** Rows read. */
  readonly rowsRead: number;
  /** Rows left out by the mapping's `where` (another field's history). */
  readonly rowsSkipped: number;
  /** Rows that could not be read (no id, no date, an unreadable date or stage), each naming its column. */
  readonly issues: readonly ImportIssue[];
}

function namesOf(columns: ColumnNames): readonly string[] {
  return typeof columns === 'string' ? [columns] : columns;
}

/**
 * Reads a separate table of stage changes (Salesforce's `LeadHistory` rows with `Field = Status`, or
 * `OpportunityHistory` rows) with the mapping's `history` section, into stage histories by record id, to give to
 * `importRecords` / `importCsv` as `{ stageHistory }`. Each entry is `{ from, to, event, at, by }`: `from` is the
 * table's old value when it has one, else the stage of the entry before. It holds the histories (not the records) in
 * memory. Never throws on bad data: unreadable rows are listed in `issues`.
 *
 * @example
 * ```ts
 * const mapping = salesforceLeads({ timeZone: 'UTC' });
 * const { histories } = await readStageHistory(mapping, rows) // LeadHistory rows;
 * const run = importRecords(mapping, json as Record<string, unknown>[], { stageHistory: histories });
 * ```
 * @throws RangeError when the mapping has no `history` section (a programmer error).
 */
export async function readStageHistory(mapping: ImportMapping, records: RecordSource): Promise<StageHistoryRead> {
  const table = mapping.history;
  if (table === undefined) throw new RangeError(`readStageHistory: the mapping ${JSON.stringify(mapping.id)} has no "history" section`);
  const isMissing = createMissingValueTest(mapping.missing);
  const context: StepContext = { mapping, isMissing, onOtherwise: () => undefined };
  const anyField = { path: 'stage', kind: 'any' as const, check: () => undefined };
  const stepsOf = (column: ColumnWithSteps | undefined) =>
    column === undefined
      ? undefined
      : typeof column === 'string'
        ? { names: [column], read: compilePipeline(['trim'], anyField, context) }
        : { names: namesOf(column.column), read: compilePipeline(column.steps ?? ['trim'], anyField, context) };
  const stage = stepsOf(table.stage) as { names: readonly string[]; read: ReturnType<typeof compilePipeline> };
  const from = stepsOf(table.from);
  const readDate = compilePipeline(['date'], { path: 'at', kind: 'date', check: () => undefined }, context);
  const where =
    table.where === undefined ? undefined : { names: namesOf(table.where.column), values: new Set(table.where.in.map((value) => foldText(value.trim()))) };
  const byId = new Map<string, { entry: StageChange; order: number }[]>();
  const issues: ImportIssue[] = [];
  let rowsRead = 0;
  let rowsSkipped = 0;
  const iterate = async function* (): AsyncGenerator<Readonly<Record<string, unknown>>> {
    if (Symbol.asyncIterator in records) yield* records as AsyncIterable<Readonly<Record<string, unknown>>>;
    else yield* records as Iterable<Readonly<Record<string, unknown>>>;
  };
  for await (const record of iterate()) {
    rowsRead++;
    const row = rowsRead;
    const get = (names: readonly string[]): { name: string; value: unknown } | undefined => {
      for (const name of names) if (Object.hasOwn(record, name) && !isMissing(record[name])) return { name, value: record[name] };
      return undefined;
    };
    const values: RowValues = { read: (names) => get(names)?.value };
    const problem = (column: string | undefined, raw: unknown, message: string, expected: string | undefined): void => {
      issues.push({
        path: column === undefined ? [row] : [row, column],
        pathText: `row ${row}${column === undefined ? '' : `, column ${JSON.stringify(column)}`}`,
        message,
        code: 'invalid_history_row',
        row,
        column,
        field: 'stageHistory',
        value: raw === undefined ? undefined : showValue(raw),
        expected,
      });
    };
    if (where !== undefined) {
      const found = get(where.names);
      if (found === undefined || typeof found.value !== 'string' || !where.values.has(foldText(found.value.trim()))) {
        rowsSkipped++;
        continue;
      }
    }
    const id = get(namesOf(table.recordId));
    if (id === undefined) {
      problem(namesOf(table.recordId)[0], undefined, 'has no record id', 'the id of the record changed');
      continue;
    }
    const atRaw = get(namesOf(table.at));
    const at = atRaw === undefined ? MISSING : readDate(typeof atRaw.value === 'string' ? atRaw.value.trim() : atRaw.value, values);
    if (at === MISSING || isFailure(at)) {
      problem(
        atRaw?.name ?? namesOf(table.at)[0],
        atRaw?.value,
        isFailure(at) ? at.message : 'has no date',
        isFailure(at) ? at.expected : 'the date of the change',
      );
      continue;
    }
    const stageRaw = get(stage.names);
    const to = stageRaw === undefined ? MISSING : stage.read(stageRaw.value, values);
    if (to === MISSING || isFailure(to) || typeof to !== 'string') {
      problem(
        stageRaw?.name ?? stage.names[0],
        stageRaw?.value,
        isFailure(to) ? to.message : 'has no stage',
        isFailure(to) ? to.expected : 'the stage entered',
      );
      continue;
    }
    let previous: string | null | undefined;
    if (from !== undefined) {
      const fromRaw = get(from.names);
      const value = fromRaw === undefined ? MISSING : from.read(fromRaw.value, values);
      previous = typeof value === 'string' ? value : null;
    }
    const by = table.by === undefined ? undefined : get(namesOf(table.by))?.value;
    const entry: StageChange = {
      from: previous ?? null,
      to,
      event: table.event ?? 'import',
      at: at as Date,
      ...(typeof by === 'string' && by.trim() !== '' ? { by: by.trim().slice(0, 500) } : {}),
    };
    const key = String(id.value).trim();
    let list = byId.get(key);
    if (list === undefined) {
      list = [];
      byId.set(key, list);
    }
    list.push({ entry, order: row });
    // `from` unknown (no old-value column): filled from the entry before once sorted.
    if (from === undefined) (entry as { from: string | null }).from = undefined as unknown as null;
  }
  const histories = new Map<string, StageChange[]>();
  for (const [id, list] of byId) {
    list.sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.order - b.order);
    const entries = list.map((item) => item.entry);
    entries.forEach((entry, index) => {
      if (entry.from === undefined) (entry as { from: string | null }).from = index === 0 ? null : (entries[index - 1] as StageChange).to;
    });
    histories.set(id, entries);
  }
  return { histories, rowsRead, rowsSkipped, issues };
}
