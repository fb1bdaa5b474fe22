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

function entriesAsOf(record: FunnelRecord, asOf: Date): readonly StageChange[] {
  const history = record.stageHistory ?? [];
  const limit = asOf.getTime();
  let end = history.length;
  while (end > 0 && (history[end - 1] as StageChange).at.getTime() > limit) end--;
  return end === history.length ? history : history.slice(0, end);
}

/**
 * Every stay of a record in a stage, oldest first, as of `asOf` (entries after `asOf` are ignored, so the result is
 * what was known then). The visits are contiguous: each ends when the next begins, and the last ends at `asOf`, so
 * their lengths add up to the time since the first entry.
 *
 * @example
 * ```ts
 * stageVisits(lead, new Date('2024-06-01T00:00:00Z'));
 * // [{ stage: 'lead', enteredAt, leftAt, milliseconds }, { stage: 'mql', enteredAt, leftAt: null, milliseconds }]
 * ```
 */
export function stageVisits(record: FunnelRecord, asOf: Date): StageVisit[] {
  const entries = entriesAsOf(record, asOf);
  const visits: StageVisit[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as StageChange;
    const next = entries[index + 1];
    const leftAt = next === undefined ? null : next.at;
    const end = leftAt ?? asOf;
    visits.push({ stage: entry.to, enteredAt: entry.at, leftAt, milliseconds: Math.max(0, end.getTime() - entry.at.getTime()) });
  }
  return visits;
}

/**
 * Time in each stage as of `asOf`: latest stay and cumulative, with the dates the record first and last entered it,
 * in the order stages were first entered. The totals add up to the time since the record's first history entry.
 *
 * @example
 * ```ts
 * const times = timeInStages(lead, asOf);
 * const mql = times.find((time) => time.stage === 'mql');
 * mql?.totalMilliseconds / 86_400_000; // days spent as an MQL
 * ```
 */
export function timeInStages(record: FunnelRecord, asOf: Date): StageTime[] {
  const visits = stageVisits(record, asOf);
  const byStage = new Map<string, { firstEnteredAt: Date; lastEnteredAt: Date; visits: number; latestMilliseconds: number; totalMilliseconds: number; current: boolean }>();
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
 * When a record entered a stage, read from its history, or `undefined` if it never did.
 *
 * @example
 * ```ts
 * const becameMql = enteredStageAt(lead, 'mql');
 * const lastRecycled = enteredStageAt(lead, 'nurture', { which: 'last' });
 * ```
 */
export function enteredStageAt(record: FunnelRecord, stage: string, options: EnteredStageAtOptions = {}): Date | undefined {
  const history = record.stageHistory ?? [];
  if (options.which === 'last') {
    for (let index = history.length - 1; index >= 0; index--) if ((history[index] as StageChange).to === stage) return (history[index] as StageChange).at;
    return undefined;
  }
  return history.find((entry) => entry.to === stage)?.at;
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
