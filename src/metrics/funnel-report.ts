import { instantDate, type Instant } from '../internal/instant.ts';
import type { DistributionSummary } from './distribution.ts';
import { createFunnelEngine, type FunnelAccumulator } from './funnel-engine.ts';
import { MILLISECONDS_PER_DAY, type Days, type Rate } from './rate.ts';
import type { MetricsFunnel, MetricsStageKind } from './stages.ts';
import { utcMonthIndex } from './utc-month.ts';

/** One entry of a record's stage history, as the metrics read it (a `StageChange` from `leadkit/models` fits). */
export interface StageHistoryEntry {
  /** The stage entered. */
  readonly to: string;
  /** When. */
  readonly at: Date;
}

/**
 * Anything with a funnel history: a `Lead`, an opportunity, an account. The metrics read only these fields.
 *
 * Every metric ({@link funnelReport}, `weightedPipeline`, `findStaleRecords`, segments on `stage`) places a record
 * by one rule. The history is a log read **in its array order**, as the funnel's `transition` appends it: the stage
 * as of `asOf` is that of the last entry, in array order, dated at or before `asOf`, entered at that entry's date.
 * An entry dated before the entry above it still counts (its stay counts as 0 days and the funnel report counts it
 * in `dataIssues.outOfOrderEntries`). Entries after `asOf`, entries with an invalid date and entries naming a stage
 * that is not in the funnel are skipped. Without history (absent or empty), the record is taken to have entered its
 * current `stage` when it was created; with a history, `stage` is not read (it may be later than `asOf`).
 */
export interface MetricsRecord {
  /** When the record was created; defaults to the first history entry with a valid date. */
  readonly createdAt?: Date | undefined;
  /** The current stage id (read only when there is no history). */
  readonly stage?: string | undefined;
  /** Stage changes, oldest first (read in array order). */
  readonly stageHistory?: readonly StageHistoryEntry[] | undefined;
}

/**
 * How records are grouped into cohorts: by the UTC week (starting Monday) or month they were created in, or by a
 * key you compute (source, owner, segment). A key of `undefined` leaves the record out of every cohort (it still
 * counts in the overall figures).
 */
export type FunnelCohortBy<R> = 'week' | 'month' | ((record: R) => string | undefined);

/** Options of {@link funnelReport}. */
export interface FunnelReportOptions<R extends MetricsRecord> {
  /** The funnel: its stages in order (a `leadkit/funnel` definition can be passed as it is). */
  readonly funnel: MetricsFunnel;
  /** The report is computed as of this instant: later history entries and later records are ignored. */
  readonly asOf: Instant;
  /** Only records created at or after this instant. */
  readonly from?: Instant;
  /** Only records created before this instant. */
  readonly to?: Instant;
  /**
   * The main path (stage ids in order) along which conversion and skips are measured. Defaults to the open and won
   * stages in funnel order up to the last won stage, leaving out side stages (`side: true`, or open stages listed
   * after the last won stage, such as `nurture`).
   */
  readonly path?: readonly string[];
  /** Group records into cohorts as well (see {@link FunnelCohortBy}). */
  readonly cohortBy?: FunnelCohortBy<R>;
  /**
   * Measure the sales cycle from the first entry into this stage (say `mql`) instead of from creation. Won records
   * that never entered it have no cycle: they count as won, are left out of `cycleLength` and are counted in
   * `dataIssues.wonWithoutCycleStart`. It does not move `conversionWithinWindow`, which is always measured from
   * creation.
   */
  readonly cycleStartStage?: string;
  /**
   * Also report the share of records won within this many days of creation (mature records only). The window always
   * starts at creation, even with `cycleStartStage`: maturity is then the same for every record, whether or not it
   * reached that stage.
   */
  readonly conversionWindowDays?: Days;
  /** Count disqualified records in the win-rate denominator (default: no, only won + lost). */
  readonly countDisqualifiedAsLost?: boolean;
  /** Collect durations for time in stage and cycle length (default true; false for counts only). */
  readonly durations?: boolean;
}

/** Time spent in a stage, over the records that entered it. Durations are in days. */
export interface TimeInStage {
  /** The most recent stay of each record (up to `asOf` when the record is still in the stage). */
  readonly latest: DistributionSummary;
  /** The total of all stays of each record in the stage (records that came back count every stay). */
  readonly cumulative: DistributionSummary;
}

/** The figures of one stage. */
export interface StageMetrics {
  /** Stage id. */
  readonly id: string;
  /** Stage label (the id when the stage has none). */
  readonly label: string;
  /** Stage kind. */
  readonly kind: MetricsStageKind;
  /** Whether the stage is on the main path (conversion and skip rates are measured along it). */
  readonly onPath: boolean;
  /** Records that entered the stage at least once. */
  readonly entered: number;
  /** Of those, records that reached a later stage of the path (converted). */
  readonly advanced: number;
  /** Of those, records that also entered the next stage of the path. */
  readonly enteredNext: number;
  /** Records that moved from an earlier path stage to a later one without ever entering this one. */
  readonly skipped: number;
  /** Records in this stage as of `asOf`. */
  readonly current: number;
  /** `advanced / entered`; `undefined` off the path, for the last path stage, or with no record. */
  readonly conversionRate: Rate | undefined;
  /** `enteredNext / entered`: stage-to-stage conversion; `undefined` like `conversionRate`. */
  readonly nextStageConversionRate: Rate | undefined;
  /** `skipped / (entered + skipped)`; `undefined` off the path or with no record. */
  readonly skipRate: Rate | undefined;
  /** Time spent in the stage. */
  readonly timeInStage: TimeInStage;
}

/** The share of mature records won within a number of days of creation (from creation even with `cycleStartStage`). */
export interface WindowConversion {
  /** The window, in days. */
  readonly days: Days;
  /** Records created at least `days` before `asOf` (younger ones have not had the time: right-censored). */
  readonly mature: number;
  /** Mature records won within the window. */
  readonly converted: number;
  /** `converted / mature`. */
  readonly rate: Rate | undefined;
}

/**
 * The funnel figures of a group of records. The record counts are conserved:
 * `records = open + won + lost + disqualified`.
 */
export interface FunnelMetrics {
  /** Records in the group. */
  readonly records: number;
  /** Records neither won nor closed as of `asOf` (right-censored: they may still convert). */
  readonly open: number;
  /** Records that entered a won stage and are not now in a lost or disqualified stage. */
  readonly won: number;
  /** Records now in a lost stage. */
  readonly lost: number;
  /** Records now in a disqualified stage. */
  readonly disqualified: number;
  /**
   * `won / (won + lost)`. Open records are left out (not lost yet), and so are disqualified ones (they were never
   * real opportunities) unless `countDisqualifiedAsLost` is set.
   */
  readonly winRate: Rate | undefined;
  /** Records that skipped at least one path stage, over records that moved forward at least once. */
  readonly stageSkipRate: Rate | undefined;
  /** Days from creation (or `cycleStartStage`) to the first won stage, over won records. */
  readonly cycleLength: DistributionSummary;
  /** Set when `conversionWindowDays` is given. */
  readonly conversionWithinWindow: WindowConversion | undefined;
  /** Per stage, in funnel order. */
  readonly stages: readonly StageMetrics[];
}

/** The figures of one cohort. */
export interface FunnelCohort {
  /** The cohort key: `2024-05` for a month, the Monday `2024-05-06` for a week, or your key. */
  readonly key: string;
  /** Its figures. */
  readonly metrics: FunnelMetrics;
}

/** Problems found in the data; the report goes on, and says how many. */
export interface FunnelDataIssues {
  /** History entries (or current stages) naming a stage that is not in the funnel; ignored. */
  readonly unknownStageEntries: number;
  /** History entries earlier than the entry before them; the stay in between counts as 0 days. */
  readonly outOfOrderEntries: number;
  /** Won records whose won date is before the cycle start; counted as won, left out of the cycle length. */
  readonly negativeCycles: number;
  /**
   * With `cycleStartStage`, won records that never entered that stage (by `asOf`); counted as won, left out of the
   * cycle length. Always 0 without `cycleStartStage`.
   */
  readonly wonWithoutCycleStart: number;
  /** Records with no valid date (neither a valid `createdAt` nor a history entry with a valid date); left out. */
  readonly recordsWithoutDate: number;
  /** History entries after `asOf`; ignored. */
  readonly entriesAfterAsOf: number;
  /**
   * Dates that are not valid dates (an `Invalid Date`): a `createdAt` (the first history entry with a valid date
   * stands in for it; with none, the record is left out and counted in `recordsWithoutDate`), or a history entry
   * (ignored). History entries are read for the records in the report, and for those left out for lack of a date.
   */
  readonly invalidDates: number;
}

/** The result of {@link funnelReport}. */
export interface FunnelReport {
  /** The instant the report describes. */
  readonly asOf: Date;
  /** All records in range. */
  readonly overall: FunnelMetrics;
  /** Per cohort, sorted by key (empty without `cohortBy`). */
  readonly cohorts: readonly FunnelCohort[];
  /** Problems found in the data. */
  readonly dataIssues: FunnelDataIssues;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Monday-start week number since the epoch (1970-01-01 was a Thursday). */
function weekNumber(ms: number): number {
  return Math.floor((Math.floor(ms / MILLISECONDS_PER_DAY) + 3) / 7);
}

function weekLabel(week: number): string {
  const monday = new Date((week * 7 - 3) * MILLISECONDS_PER_DAY);
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  // `month - year * 12`, not `month % 12`, which is negative before year 0.
  return `${year}-${pad(month - year * 12 + 1)}`;
}

/**
 * Computes the funnel report of records with stage history, in one pass over any iterable: per stage, entered,
 * converted and skipped counts, conversion and skip rates and time in stage; overall, won/lost/open counts, the win
 * rate, the stage-skip rate, the sales cycle length and, optionally, conversion within N days; the same per cohort.
 * Scratch state is reused between records, so the pass allocates nothing per record (durations go into chunked
 * buffers of plain double arrays that grow without copying, and week and month cohort keys are computed from the time
 * value). Nothing is mutated.
 *
 * @example
 * ```ts
 * const report = funnelReport(leads, { funnel: b2bFunnel, asOf: new Date('2024-07-01T00:00:00Z'), cohortBy: 'month' });
 * report.overall.winRate;                        // won / (won + lost)
 * report.overall.stages.find((s) => s.id === 'mql')?.conversionRate;
 * report.overall.cycleLength.median;             // days
 * ```
 * @throws RangeError when the funnel lists a stage twice, `path` or `cycleStartStage` names an unknown stage, or
 * `asOf`, `from` or `to` is not a valid date (programmer errors).
 */
export function funnelReport<R extends MetricsRecord>(records: Iterable<R>, options: FunnelReportOptions<R>): FunnelReport {
  const engine = createFunnelEngine(options as FunnelReportOptions<never>);
  const overall = engine.createAccumulator();
  const cohortBy = options.cohortBy;
  const numericCohorts = new Map<number, FunnelAccumulator>();
  const namedCohorts = new Map<string, FunnelAccumulator>();
  for (const record of records) {
    if (!engine.replay(record)) continue;
    engine.commit(overall);
    if (cohortBy === undefined) continue;
    let accumulator: FunnelAccumulator | undefined;
    if (typeof cohortBy === 'function') {
      const key = cohortBy(record);
      if (key === undefined) continue;
      accumulator = namedCohorts.get(key);
      if (accumulator === undefined) namedCohorts.set(key, (accumulator = engine.createAccumulator()));
    } else {
      const start = engine.startMs();
      let key: number;
      // Both keys are computed from the time value: no `Date` is allocated per record.
      if (cohortBy === 'week') key = weekNumber(start);
      else key = utcMonthIndex(start);
      accumulator = numericCohorts.get(key);
      if (accumulator === undefined) numericCohorts.set(key, (accumulator = engine.createAccumulator()));
    }
    engine.commit(accumulator);
  }
  const cohorts: FunnelCohort[] = [];
  if (typeof cohortBy === 'function') {
    for (const key of [...namedCohorts.keys()].sort()) cohorts.push({ key, metrics: engine.summarize(namedCohorts.get(key) as FunnelAccumulator) });
  } else if (cohortBy !== undefined) {
    for (const key of [...numericCohorts.keys()].sort((a, b) => a - b))
      cohorts.push({
        key: cohortBy === 'week' ? weekLabel(key) : monthLabel(key),
        metrics: engine.summarize(numericCohorts.get(key) as FunnelAccumulator),
      });
  }
  return { asOf: instantDate(options.asOf, 'asOf'), overall: engine.summarize(overall), cohorts, dataIssues: { ...engine.issues } };
}
