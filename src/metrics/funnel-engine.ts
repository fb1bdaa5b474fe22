/**
 * The one-pass engine behind {@link funnelReport} and the per-segment report (internal). A record is first replayed
 * into scratch arrays that are reused for every record (no per-record allocation), then committed into one or more
 * accumulators (the overall figures, a cohort, the segments it belongs to).
 */
import { recordStartMs, startInvalidDates } from '../internal/stage-as-of.ts';
import { instantMs } from '../internal/instant.ts';
import { createSampleBuffer, pushSample, summarizeSamples, summarizeUnions, type DistributionSummary, type SampleBuffer } from './distribution.ts';
import { MILLISECONDS_PER_DAY, ratioOrUndefined } from './rate.ts';
import { KIND_DISQUALIFIED, KIND_LOST, KIND_WON, compileStages, type CompiledStages } from './stages.ts';
import type { FunnelDataIssues, FunnelMetrics, MetricsRecord, FunnelReportOptions, StageHistoryEntry, StageMetrics } from './funnel-report.ts';

const STATUS_OPEN = 0;
const STATUS_WON = 1;
const STATUS_LOST = 2;
const STATUS_DISQUALIFIED = 3;

/** Running totals of one group of records. */
export interface FunnelAccumulator {
  records: number;
  open: number;
  won: number;
  lost: number;
  disqualified: number;
  forwardMovers: number;
  skippers: number;
  windowMature: number;
  windowConverted: number;
  readonly entered: Int32Array;
  readonly advanced: Int32Array;
  readonly enteredNext: Int32Array;
  readonly skipped: Int32Array;
  readonly current: Int32Array;
  /** Per stage, time in stage of records whose latest stay equals their cumulative time (a single stay, mostly). */
  readonly sameStay: SampleBuffer[];
  /** Per stage, the latest stay of the other records. */
  readonly latestStay: SampleBuffer[];
  /** Per stage, the cumulative time of the other records. */
  readonly cumulativeStay: SampleBuffer[];
  readonly cycle: SampleBuffer;
}

/** The engine: replay a record, commit it, summarise accumulators. */
export interface FunnelEngine {
  readonly compiled: CompiledStages;
  readonly issues: { -readonly [K in keyof FunnelDataIssues]: FunnelDataIssues[K] };
  /** Replays one record into the scratch state; false when the record is outside the report (after `asOf`, out of range). */
  replay(record: MetricsRecord): boolean;
  /** The start (creation) time of the record last replayed, in ms. */
  startMs(): number;
  /** Adds the record last replayed to an accumulator. */
  commit(accumulator: FunnelAccumulator): void;
  createAccumulator(): FunnelAccumulator;
  summarize(accumulator: FunnelAccumulator): FunnelMetrics;
}

/** Creates an engine for one report. */
export function createFunnelEngine(options: FunnelReportOptions<never>): FunnelEngine {
  const compiled = compileStages(options.funnel, options.path);
  const { count, indexOf, kinds, rank, pathStages, stages } = compiled;
  const asOfMs = instantMs(options.asOf, 'asOf');
  const fromMs = options.from === undefined ? -Infinity : instantMs(options.from, 'from');
  const toMs = options.to === undefined ? Infinity : instantMs(options.to, 'to');
  const durations = options.durations !== false;
  const windowDays = options.conversionWindowDays;
  const windowMs = windowDays === undefined ? NaN : windowDays * MILLISECONDS_PER_DAY;
  const cycleStartIndex = options.cycleStartStage === undefined ? -1 : (indexOf.get(options.cycleStartStage) ?? -2);
  if (cycleStartIndex === -2) throw new RangeError(`cycleStartStage "${options.cycleStartStage}" is not a stage of the funnel`);
  const disqualifiedCountsAsLost = options.countDisqualifiedAsLost === true;
  // Module constants copied to locals: the hot loops then read no imported binding.
  const DAY = MILLISECONDS_PER_DAY;
  const WON = KIND_WON;
  const LOST = KIND_LOST;
  const DISQUALIFIED = KIND_DISQUALIFIED;

  // Scratch state of the record being replayed.
  const entered = new Uint8Array(count);
  const skippedFlag = new Uint8Array(count);
  const latest = new Float64Array(count);
  const cumulative = new Float64Array(count);
  let recordStatus = STATUS_OPEN;
  let recordCurrentIndex = -1;
  let recordMaxRank = -1;
  // Times of the record, kept in a typed array: a double in a closure variable would be boxed on every write.
  const times = new Float64Array(3);
  const START = 0;
  const WON_AT = 1;
  const CYCLE = 2;
  let recordMovedForward = false;
  let recordSkippedAny = false;

  const issues = {
    unknownStageEntries: 0,
    outOfOrderEntries: 0,
    negativeCycles: 0,
    recordsWithoutDate: 0,
    entriesAfterAsOf: 0,
    invalidDates: 0,
    wonWithoutCycleStart: 0,
  };

  function replay(record: MetricsRecord): boolean {
    const history = record.stageHistory;
    // No valid creation date: the first history entry with a valid date stands in for it (the rule of stageAsOf).
    const start = recordStartMs(record);
    issues.invalidDates += startInvalidDates(record, start);
    if (start !== start) {
      issues.recordsWithoutDate++;
      return false;
    }
    if (!(start <= asOfMs) || start < fromMs || start >= toMs) return false;
    for (let index = 0; index < count; index++) {
      entered[index] = 0;
      skippedFlag[index] = 0;
      latest[index] = 0;
      cumulative[index] = 0;
    }
    // Locals in the loop (not the closure variables): V8 keeps them in registers.
    let currentIndex = -1;
    let maxRank = -1;
    let movedForward = false;
    let wonMs = NaN;
    let cycleStartMs = cycleStartIndex === -1 ? start : NaN;
    let previousMs = start;
    if (history !== undefined) {
      for (let position = 0; position < history.length; position++) {
        const entry = history[position] as StageHistoryEntry;
        const at = entry.at.getTime();
        // An invalid date (NaN) would fail every comparison and turn durations into NaN: skip and count it.
        if (at !== at) {
          issues.invalidDates++;
          continue;
        }
        if (at > asOfMs) {
          issues.entriesAfterAsOf++;
          continue;
        }
        const index = indexOf.get(entry.to);
        if (index === undefined) {
          issues.unknownStageEntries++;
          continue;
        }
        if (currentIndex >= 0) {
          let stay = at - previousMs;
          if (stay < 0) {
            issues.outOfOrderEntries++;
            stay = 0;
          }
          if (durations) {
            const stayDays = stay / DAY;
            latest[currentIndex] = stayDays;
            cumulative[currentIndex] = (cumulative[currentIndex] as number) + stayDays;
          }
          const fromRank = rank[currentIndex] as number;
          const toRank = rank[index] as number;
          if (fromRank >= 0 && toRank > fromRank) {
            movedForward = true;
            for (let skippedRank = fromRank + 1; skippedRank < toRank; skippedRank++) skippedFlag[pathStages[skippedRank] as number] = 1;
          }
        }
        entered[index] = 1;
        const indexRank = rank[index] as number;
        if (indexRank > maxRank) maxRank = indexRank;
        if (kinds[index] === WON && Number.isNaN(wonMs)) wonMs = at;
        if (index === cycleStartIndex && Number.isNaN(cycleStartMs)) cycleStartMs = at;
        currentIndex = index;
        previousMs = at;
      }
    }
    // `stage` stands for the history only when there is none: with a history, a later current stage must not leak
    // into a report as of an earlier date (the rule of `stageAsOf`, shared by every metric).
    if ((history === undefined || history.length === 0) && record.stage !== undefined) {
      const index = indexOf.get(record.stage);
      if (index === undefined) issues.unknownStageEntries++;
      else {
        entered[index] = 1;
        currentIndex = index;
        const indexRank = rank[index] as number;
        if (indexRank > maxRank) maxRank = indexRank;
        if (kinds[index] === WON) wonMs = start;
        if (index === cycleStartIndex) cycleStartMs = start;
      }
    }
    if (currentIndex >= 0 && durations) {
      const stayDays = Math.max(0, asOfMs - previousMs) / DAY;
      latest[currentIndex] = stayDays;
      cumulative[currentIndex] = (cumulative[currentIndex] as number) + stayDays;
    }
    const currentKind = currentIndex >= 0 ? kinds[currentIndex] : 0;
    let status: number;
    if (currentKind === LOST) status = STATUS_LOST;
    else if (currentKind === DISQUALIFIED) status = STATUS_DISQUALIFIED;
    else if (!Number.isNaN(wonMs)) status = STATUS_WON;
    else status = STATUS_OPEN;
    const cycleMs = status === STATUS_WON ? wonMs - cycleStartMs : NaN;
    if (cycleMs < 0) issues.negativeCycles++;
    // Won without ever entering `cycleStartStage`: no cycle to measure (cycleMs is NaN), said rather than dropped.
    else if (status === STATUS_WON && cycleStartMs !== cycleStartMs) issues.wonWithoutCycleStart++;
    times[START] = start;
    times[WON_AT] = wonMs;
    times[CYCLE] = cycleMs;
    let skipped = false;
    for (let index = 0; index < count; index++) if (skippedFlag[index] === 1 && entered[index] === 0) skipped = true;
    recordStatus = status;
    recordCurrentIndex = currentIndex;
    recordMaxRank = maxRank;
    recordMovedForward = movedForward;
    recordSkippedAny = skipped;
    return true;
  }

  function createAccumulator(): FunnelAccumulator {
    const buffers = (): SampleBuffer[] => (durations ? Array.from({ length: count }, createSampleBuffer) : []);
    return {
      records: 0,
      open: 0,
      won: 0,
      lost: 0,
      disqualified: 0,
      forwardMovers: 0,
      skippers: 0,
      windowMature: 0,
      windowConverted: 0,
      entered: new Int32Array(count),
      advanced: new Int32Array(count),
      enteredNext: new Int32Array(count),
      skipped: new Int32Array(count),
      current: new Int32Array(count),
      sameStay: buffers(),
      latestStay: buffers(),
      cumulativeStay: buffers(),
      cycle: createSampleBuffer(),
    };
  }

  function commit(accumulator: FunnelAccumulator): void {
    const status = recordStatus;
    const currentIndex = recordCurrentIndex;
    const maxRank = recordMaxRank;
    accumulator.records++;
    if (status === STATUS_WON) {
      accumulator.won++;
      const cycleMs = times[CYCLE] as number;
      if (durations && cycleMs >= 0) pushSample(accumulator.cycle, cycleMs / DAY);
    } else if (status === STATUS_LOST) accumulator.lost++;
    else if (status === STATUS_DISQUALIFIED) accumulator.disqualified++;
    else accumulator.open++;
    if (recordMovedForward) accumulator.forwardMovers++;
    if (recordSkippedAny) accumulator.skippers++;
    if (currentIndex >= 0) (accumulator.current[currentIndex] as number)++;
    if (windowDays !== undefined && asOfMs - (times[START] as number) >= windowMs) {
      accumulator.windowMature++;
      if (status === STATUS_WON && (times[WON_AT] as number) - (times[START] as number) <= windowMs) accumulator.windowConverted++;
    }
    for (let index = 0; index < count; index++) {
      if (entered[index] === 1) {
        (accumulator.entered[index] as number)++;
        const indexRank = rank[index] as number;
        if (indexRank >= 0) {
          if (maxRank > indexRank) (accumulator.advanced[index] as number)++;
          if (indexRank + 1 < pathStages.length && entered[pathStages[indexRank + 1] as number] === 1) (accumulator.enteredNext[index] as number)++;
        }
        if (durations) {
          // Most records stay once in a stage: one sample then serves both distributions, halving the work.
          const latestDays = latest[index] as number;
          const cumulativeDays = cumulative[index] as number;
          if (latestDays === cumulativeDays) pushSample(accumulator.sameStay[index] as SampleBuffer, latestDays);
          else {
            pushSample(accumulator.latestStay[index] as SampleBuffer, latestDays);
            pushSample(accumulator.cumulativeStay[index] as SampleBuffer, cumulativeDays);
          }
        }
      } else if (skippedFlag[index] === 1) (accumulator.skipped[index] as number)++;
    }
  }

  const noDurations = summarizeSamples(createSampleBuffer());
  // Latest and cumulative time in a stage share the samples of the records that stayed once: one summary of both
  // reads those samples once per pass.
  function timeInStage(accumulator: FunnelAccumulator, index: number): { latest: DistributionSummary; cumulative: DistributionSummary } {
    if (!durations) return { latest: noDurations, cumulative: noDurations };
    const parts = [
      accumulator.sameStay[index] as SampleBuffer,
      accumulator.latestStay[index] as SampleBuffer,
      accumulator.cumulativeStay[index] as SampleBuffer,
    ];
    const [latest, cumulative] = summarizeUnions(parts, [
      [0, 1],
      [0, 2],
    ]) as [DistributionSummary, DistributionSummary];
    return { latest, cumulative };
  }

  function summarize(accumulator: FunnelAccumulator): FunnelMetrics {
    const stageMetrics: StageMetrics[] = stages.map((stage, index) => {
      const enteredCount = accumulator.entered[index] as number;
      const stageRank = rank[index] as number;
      const hasNext = stageRank >= 0 && stageRank + 1 < pathStages.length;
      const skippedCount = accumulator.skipped[index] as number;
      return {
        id: stage.id,
        label: stage.label ?? stage.id,
        kind: stage.kind,
        onPath: stageRank >= 0,
        entered: enteredCount,
        advanced: accumulator.advanced[index] as number,
        enteredNext: accumulator.enteredNext[index] as number,
        skipped: skippedCount,
        current: accumulator.current[index] as number,
        conversionRate: hasNext ? ratioOrUndefined(accumulator.advanced[index] as number, enteredCount) : undefined,
        nextStageConversionRate: hasNext ? ratioOrUndefined(accumulator.enteredNext[index] as number, enteredCount) : undefined,
        skipRate: stageRank >= 0 ? ratioOrUndefined(skippedCount, enteredCount + skippedCount) : undefined,
        timeInStage: timeInStage(accumulator, index),
      };
    });
    const closed = accumulator.won + accumulator.lost + (disqualifiedCountsAsLost ? accumulator.disqualified : 0);
    return {
      records: accumulator.records,
      open: accumulator.open,
      won: accumulator.won,
      lost: accumulator.lost,
      disqualified: accumulator.disqualified,
      winRate: ratioOrUndefined(accumulator.won, closed),
      stageSkipRate: ratioOrUndefined(accumulator.skippers, accumulator.forwardMovers),
      cycleLength: summarizeSamples(accumulator.cycle),
      conversionWithinWindow:
        windowDays === undefined
          ? undefined
          : {
              days: windowDays,
              mature: accumulator.windowMature,
              converted: accumulator.windowConverted,
              rate: ratioOrUndefined(accumulator.windowConverted, accumulator.windowMature),
            },
      stages: stageMetrics,
    };
  }

  return {
    compiled,
    issues,
    replay,
    startMs: () => times[START] as number,
    commit,
    createAccumulator,
    summarize,
  };
}
