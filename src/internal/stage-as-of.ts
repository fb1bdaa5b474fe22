// Where a record stood at an instant (internal): the one rule shared by the funnel report's replay, the pipeline
// metrics (weighted pipeline, stale records) and conditions on `stage`, so they never disagree on a record.

/** The parts of a record (a lead, a deal) that say where it stood when. */
export interface StagedRecord {
  /** When the record was created. */
  readonly createdAt?: Date | undefined;
  /** Its current stage. */
  readonly stage?: string | undefined;
  /** Its stage changes, oldest first. */
  readonly stageHistory?: readonly StageHistoryEntry[] | undefined;
}

/** One entry of a stage history: the stage entered and when. */
export interface StageHistoryEntry {
  /** The stage entered. */
  readonly to: string;
  /** When. */
  readonly at: Date;
}

/** Where a record stood at an instant (internal; written by {@link stageAsOf}). */
export interface StageAsOf {
  /** The stage id, or `undefined` when unknown. */
  stageId: string | undefined;
  /** When the record entered it, in ms (its start when there is no history). */
  sinceMs: number;
  /** Invalid dates met in the record: an invalid `createdAt`, and the history entries read that have one. */
  invalidDates: number;
}

/** {@link stageAsOf} placed the record. */
export const RECORD_PLACED = 0;
/** {@link stageAsOf}: the record was created after the instant. */
export const RECORD_NOT_CREATED = 1;
/** {@link stageAsOf}: the record has no valid date to start from (no valid `createdAt`, no valid history entry). */
export const RECORD_WITHOUT_DATE = 2;

/**
 * The start of a record in ms: its `createdAt` when it is a valid date, else the first history entry with a valid
 * date; `NaN` when there is neither.
 */
export function recordStartMs(record: StagedRecord): number {
  const createdAt = record.createdAt;
  if (createdAt !== undefined) {
    const ms = createdAt.getTime();
    if (ms === ms) return ms;
  }
  const history = record.stageHistory;
  if (history !== undefined)
    for (let index = 0; index < history.length; index++) {
      const ms = (history[index] as StageHistoryEntry).at.getTime();
      if (ms === ms) return ms;
    }
  return NaN;
}

/**
 * The invalid dates met in finding a record's start (`startMs` from {@link recordStartMs}): an invalid `createdAt`,
 * and, when no start was found, every history entry (all invalid, or one would be the start).
 */
export function startInvalidDates(record: StagedRecord, startMs: number): number {
  const createdAt = record.createdAt;
  const invalid = createdAt !== undefined && Number.isNaN(createdAt.getTime()) ? 1 : 0;
  return startMs === startMs || record.stageHistory === undefined ? invalid : invalid + record.stageHistory.length;
}

/**
 * Fills `target` with the stage a record was in at `asOfMs` and since when, by the rule every metric shares:
 * - the history is a log read in its order: the stage is that of the **last entry in array order** dated at or before
 *   `asOfMs` (an entry dated before the one above it still counts; the funnel report counts it as out of order and
 *   its stay as 0 days), and `sinceMs` is that entry's date;
 * - entries with an invalid date (counted in `target.invalidDates`), entries after `asOfMs` and, when `known` is
 *   given, entries naming a stage not in it are skipped; an invalid `createdAt` gives way to the first valid entry;
 * - a record without history (absent or empty) is in its `stage` since its start; a record whose history has no
 *   usable entry has no known stage (`stageId` is `undefined`): its current `stage` may be later than `asOfMs`.
 *
 * Writes into `target` to avoid allocating per record. Returns {@link RECORD_PLACED}, {@link RECORD_NOT_CREATED}
 * or {@link RECORD_WITHOUT_DATE}.
 */
export function stageAsOf(
  record: StagedRecord,
  asOfMs: number,
  target: StageAsOf,
  known?: { has(stageId: string): boolean },
): typeof RECORD_PLACED | typeof RECORD_NOT_CREATED | typeof RECORD_WITHOUT_DATE {
  const history = record.stageHistory;
  target.stageId = undefined;
  const startMs = recordStartMs(record);
  target.invalidDates = startInvalidDates(record, startMs);
  if (startMs !== startMs) return RECORD_WITHOUT_DATE;
  if (startMs > asOfMs) return RECORD_NOT_CREATED;
  target.sinceMs = startMs;
  if (history === undefined || history.length === 0) {
    target.stageId = record.stage;
    return RECORD_PLACED;
  }
  for (let index = 0; index < history.length; index++) {
    const entry = history[index] as StageHistoryEntry;
    const at = entry.at.getTime();
    if (at !== at) {
      target.invalidDates++;
      continue;
    }
    if (at > asOfMs) continue;
    if (known !== undefined && !known.has(entry.to)) continue;
    target.stageId = entry.to;
    target.sinceMs = at;
  }
  return RECORD_PLACED;
}
