import { instantMs, instantMsOrNaN, type Instant } from '../internal/instant.ts';
import type { StageChange } from '../models/stage-change.ts';
import type { Funnel, FunnelEvent, FunnelRecord } from './types.ts';

/** One stay of a record in a stage, read from its history. */
export interface StageVisit {
  /** The stage. */
  readonly stage: string;
  /** When the record entered it. */
  readonly enteredAt: Date;
  /** When it left, or `null` if it was still there at `asOf`. */
  readonly leftAt: Date | null;
  /** How long it stayed, in milliseconds (until `asOf` for the current stage). Never negative. */
  readonly milliseconds: number;
}

/** Time a record spent in one stage, read from its history. */
export interface StageTime {
  /** The stage. */
  readonly stage: string;
  /** When the record first entered it. */
  readonly firstEnteredAt: Date;
  /** When it last entered it. */
  readonly lastEnteredAt: Date;
  /** How many times it entered it. */
  readonly visits: number;
  /** Length of the latest stay, in milliseconds. */
  readonly latestMilliseconds: number;
  /** Total of every stay, in milliseconds. */
  readonly totalMilliseconds: number;
  /** Whether the record was in this stage at `asOf`. */
  readonly current: boolean;
}

/** Options of {@link stageVisits} and {@link timeInStages}. */
export interface StageHistoryOptions {
  /** The instant the history is read as of (a `Date` or epoch milliseconds): later entries are ignored. */
  readonly asOf: Instant;
}

/** The entries with a valid date at or before `asOfMs`, in array order, each with its time. */
function datedEntriesAsOf(record: FunnelRecord, asOfMs: number): { readonly entry: StageChange; readonly time: number }[] {
  const dated: { entry: StageChange; time: number }[] = [];
  for (const entry of record.stageHistory ?? []) {
    const time = instantMsOrNaN(entry?.at);
    if (time <= asOfMs) dated.push({ entry, time });
  }
  return dated;
}

/**
 * Every stay of a record in a stage, oldest first, as of `asOf` (entries after `asOf` are ignored, so the result is
 * what was known then). The visits are contiguous: each ends when the next begins, and the last ends at `asOf`, so
 * their lengths add up to the time since the first entry. An entry without a valid date is skipped, as the metrics
 * skip it (its stay is counted in the one before).
 *
 * @throws RangeError when `options.asOf` is not a valid instant.
 * @example
 * ```ts
 * stageVisits(lead, { asOf: new Date('2024-06-01T00:00:00Z') });
 * // [{ stage: 'lead', enteredAt, leftAt, milliseconds }, { stage: 'mql', enteredAt, leftAt: null, milliseconds }]
 * ```
 */
export function stageVisits(record: FunnelRecord, options: StageHistoryOptions): StageVisit[] {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const entries = datedEntriesAsOf(record, asOfMs);
  const visits: StageVisit[] = [];
  for (let index = 0; index < entries.length; index++) {
    const { entry, time } = entries[index] as (typeof entries)[number];
    const next = entries[index + 1];
    visits.push({
      stage: entry.to,
      enteredAt: entry.at,
      leftAt: next === undefined ? null : next.entry.at,
      milliseconds: Math.max(0, (next === undefined ? asOfMs : next.time) - time),
    });
  }
  return visits;
}

/**
 * Time in each stage as of `asOf`: latest stay and cumulative, with the dates the record first and last entered it,
 * in the order stages were first entered. The totals add up to the time since the record's first dated history
 * entry; entries without a valid date are skipped, as in {@link stageVisits}.
 *
 * @throws RangeError when `options.asOf` is not a valid instant.
 * @example
 * ```ts
 * const times = timeInStages(lead, { asOf });
 * const mql = times.find((time) => time.stage === 'mql');
 * if (mql !== undefined) console.log(mql.totalMilliseconds / MILLISECONDS_PER_DAY); // days spent as an MQL
 * ```
 */
export function timeInStages(record: FunnelRecord, options: StageHistoryOptions): StageTime[] {
  const visits = stageVisits(record, options);
  const byStage = new Map<
    string,
    { firstEnteredAt: Date; lastEnteredAt: Date; visits: number; latestMilliseconds: number; totalMilliseconds: number; current: boolean }
  >();
  for (const visit of visits) {
    const time = byStage.get(visit.stage);
    if (time === undefined)
      byStage.set(visit.stage, {
        firstEnteredAt: visit.enteredAt,
        lastEnteredAt: visit.enteredAt,
        visits: 1,
        latestMilliseconds: visit.milliseconds,
        totalMilliseconds: visit.milliseconds,
        current: visit.leftAt === null,
      });
    else {
      time.lastEnteredAt = visit.enteredAt;
      time.visits += 1;
      time.latestMilliseconds = visit.milliseconds;
      time.totalMilliseconds += visit.milliseconds;
      time.current = visit.leftAt === null;
    }
  }
  return Array.from(byStage, ([stage, time]) => ({ stage, ...time }));
}

/** Options of {@link enteredStageAt}. */
export interface EnteredStageAtOptions {
  /** The `first` (default) or `last` time the record entered the stage. */
  readonly which?: 'first' | 'last';
}

/**
 * When a record entered a stage, read from its history, or `undefined` if it never did (entries without a valid
 * date are skipped).
 *
 * @example
 * ```ts
 * const becameMql = enteredStageAt(lead, 'mql');
 * const lastRecycled = enteredStageAt(lead, 'nurture', { which: 'last' });
 * ```
 */
export function enteredStageAt(record: FunnelRecord, stage: string, options: EnteredStageAtOptions = {}): Date | undefined {
  const history = record.stageHistory ?? [];
  const entered = (entry: StageChange | undefined): boolean => entry?.to === stage && !Number.isNaN(instantMsOrNaN(entry.at));
  if (options.which === 'last') {
    for (let index = history.length - 1; index >= 0; index--) if (entered(history[index])) return (history[index] as StageChange).at;
    return undefined;
  }
  return history.find(entered)?.at;
}

/**
 * The events recorded in a record's history (type, time, who and why), oldest first: the log {@link replay} needs to
 * rebuild the record. Pass the funnel to type the events with its event types (history stores them as text; replay
 * refuses any the funnel does not know). Each event carries the
 * record's qualification, if it has one, which only an event entering the qualified stage uses.
 *
 * @example
 * ```ts
 * const events = historyToEvents(lead, b2bFunnel);
 * const rebuilt = replay(b2bFunnel, { ...lead, stage: undefined, stageHistory: [] }, events);
 * ```
 */
export function historyToEvents<E extends string = string>(record: FunnelRecord, _funnel?: Funnel<string, E, never>): FunnelEvent<E>[] {
  const qualification = (record as { qualification?: FunnelEvent['qualification'] }).qualification;
  return (record.stageHistory ?? []).map((entry) => ({
    type: entry.event as E,
    at: entry.at,
    ...(entry.by === undefined ? {} : { by: entry.by }),
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    ...(qualification === undefined
      ? {}
      : { qualification: { verdict: qualification.verdict, ...(qualification.icpFit === undefined ? {} : { icpFit: qualification.icpFit }) } }),
  }));
}
