import type { Instant } from '../internal/instant.ts';
import type { Money } from '../models/money.ts';
import { RECORD_PLACED, RECORD_WITHOUT_DATE, stageAsOf, type StageAsOf } from '../internal/stage-as-of.ts';
import type { MetricsRecord } from './funnel-report.ts';
import { instantMs } from '../internal/instant.ts';
import { checkMoney, moneyResult } from './money-result.ts';
import { MILLISECONDS_PER_DAY, type Days } from './rate.ts';
import type { MetricsFunnel, MetricsStage } from './stages.ts';

/** Options of {@link weightedPipeline}. */
export interface WeightedPipelineOptions<R extends MetricsRecord> {
  /** The funnel; each stage's `probability` weighs its records (a stage without one weighs 0). */
  readonly funnel: MetricsFunnel;
  /** The instant the pipeline is taken at. */
  readonly asOf: Instant;
  /** The deal amount of a record (`undefined` when unknown). */
  readonly amountOf: (record: R) => Money | undefined;
}

/** The open pipeline in one currency. Amounts are never converted between currencies. */
export interface CurrencyPipeline {
  /** ISO 4217 currency. */
  readonly currency: string;
  /** Open records with an amount in this currency. */
  readonly records: number;
  /** Σ amount. */
  readonly total: Money;
  /** Σ amount × stage probability, rounded to whole minor units. */
  readonly weighted: Money;
}

/** The result of {@link weightedPipeline}. */
export interface WeightedPipeline {
  /** One entry per currency met, sorted by currency code: amounts in different currencies are never added up. */
  readonly byCurrency: readonly CurrencyPipeline[];
  /**
   * Open records without an amount, or with one that is not a whole number of minor units (`NaN`, `0.5`): left out
   * of the totals.
   */
  readonly recordsWithoutAmount: number;
  /** Records with no valid date (neither a valid `createdAt` nor a history entry with a valid date); left out. */
  readonly recordsWithoutDate: number;
  /**
   * Dates that are not valid dates: an invalid `createdAt` (the first valid history entry stands in for it) or
   * history entry (skipped), as counted by `funnelReport`'s `dataIssues.invalidDates`.
   */
  readonly invalidDates: number;
}

/**
 * The weighted pipeline: Σ amount × stage probability over records in an open stage as of `asOf`, in one pass.
 * Each currency gets its own total, so amounts in different currencies are never mixed. A record's stage as of
 * `asOf` follows the rule every metric shares (see {@link MetricsRecord}: the last history entry in array order at
 * or before `asOf`), so the pipeline agrees with `funnelReport`.
 *
 * @example
 * ```ts
 * declare const deals: (Lead & { readonly amount?: Money })[]; // your opportunities, with their amounts
 *
 * const pipeline = weightedPipeline(deals, { funnel, asOf, amountOf: (deal) => deal.amount });
 * pipeline.byCurrency; // [{ currency: 'USD', records: 12, total: {…}, weighted: { amountMinor: 4_250_000, currency: 'USD' } }]
 * ```
 * @throws RangeError when `asOf` is not a valid date, or a currency's total is beyond what `Money` holds
 * (±9,007,199,254,740,991 minor units).
 */
export function weightedPipeline<R extends MetricsRecord>(records: Iterable<R>, options: WeightedPipelineOptions<R>): WeightedPipeline {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const open = new Map<string, MetricsStage>();
  const known = new Set<string>();
  for (const stage of options.funnel.stages) {
    known.add(stage.id);
    if (stage.kind === 'open') open.set(stage.id, stage);
  }
  const totals = new Map<string, { records: number; total: number; weighted: number }>();
  let recordsWithoutAmount = 0;
  let recordsWithoutDate = 0;
  let invalidDates = 0;
  const position: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
  for (const record of records) {
    const status = stageAsOf(record, asOfMs, position, known);
    invalidDates += position.invalidDates;
    if (status === RECORD_WITHOUT_DATE) recordsWithoutDate++;
    if (status !== RECORD_PLACED || position.stageId === undefined) continue;
    const stage = open.get(position.stageId);
    if (stage === undefined) continue;
    const amount = options.amountOf(record);
    // An amount that is not a whole number of minor units (NaN, 0.5, 1e300) would poison the sums: left out, counted.
    if (amount === undefined || !Number.isSafeInteger(amount.amountMinor)) {
      recordsWithoutAmount++;
      continue;
    }
    let sum = totals.get(amount.currency);
    if (sum === undefined) totals.set(amount.currency, (sum = { records: 0, total: 0, weighted: 0 }));
    sum.records++;
    sum.total += amount.amountMinor;
    sum.weighted += amount.amountMinor * (stage.probability ?? 0);
  }
  const byCurrency = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => ({
      currency,
      records: sum.records,
      total: moneyResult(sum.total, currency, 'weightedPipeline'),
      weighted: moneyResult(sum.weighted, currency, 'weightedPipeline'),
    }));
  return { byCurrency, recordsWithoutAmount, recordsWithoutDate, invalidDates };
}

/** Inputs of {@link pipelineVelocity}. */
export interface PipelineVelocityInput {
  /** Qualified opportunities in the pipeline. */
  readonly opportunities: number;
  /** Win rate, 0–1. */
  readonly winRate: number;
  /** Average deal size. */
  readonly averageDealSize: Money;
  /** Average sales cycle length, in days. */
  readonly cycleLengthDays: Days;
}

/**
 * Pipeline velocity: how much revenue the pipeline produces per day,
 * `(opportunities × win rate × average deal size) / cycle length in days`, in the deal size's currency
 * (rounded to whole minor units).
 *
 * @example
 * ```ts
 * pipelineVelocity({ opportunities: 40, winRate: 0.25, averageDealSize: money('12000', 'USD'), cycleLengthDays: 60 });
 * // { amountMinor: 200000, currency: 'USD' }: $2,000 a day
 * ```
 * @throws RangeError when the cycle length is not positive, the win rate is not within 0–1, the number of
 * opportunities is negative, the deal size is not a safe integer number of minor units, or the velocity is beyond what
 * `Money` holds (infinitely many opportunities, a cycle of 1e-300 days).
 */
export function pipelineVelocity(input: PipelineVelocityInput): Money {
  if (!(input.cycleLengthDays > 0)) throw new RangeError(`cycleLengthDays must be positive, not ${input.cycleLengthDays}`);
  if (!(input.winRate >= 0 && input.winRate <= 1)) throw new RangeError(`winRate must be between 0 and 1, not ${input.winRate}`);
  if (!(input.opportunities >= 0)) throw new RangeError(`opportunities must not be negative, not ${input.opportunities}`);
  const dealSize = checkMoney(input.averageDealSize, 'averageDealSize');
  const perDay = (input.opportunities * input.winRate * dealSize.amountMinor) / input.cycleLengthDays;
  return moneyResult(perDay, dealSize.currency, 'pipelineVelocity');
}

/** A record that has stayed in its stage longer than the stage's `rottingDays`. */
export interface StaleRecord<R> {
  /** The record. */
  readonly record: R;
  /** Its stage as of `asOf`. */
  readonly stageId: string;
  /** Days since it entered that stage. */
  readonly daysInStage: Days;
  /** The stage's threshold. */
  readonly rottingDays: Days;
}

/** Options of {@link findStaleRecords}. */
export interface FindStaleRecordsOptions {
  /** The funnel; only open stages with `rottingDays` are checked. */
  readonly funnel: MetricsFunnel;
  /** The instant of the check. */
  readonly asOf: Instant;
}

/**
 * Finds stale ("rotting") records: in an open stage, with no stage change for longer than that stage's
 * `rottingDays`, as of `asOf`. One pass; the result lists the stale records, most overdue first. The stage and the
 * date it was entered follow the rule every metric shares (see {@link MetricsRecord}), so `daysInStage` is the
 * funnel report's latest time in that stage. Invalid dates are never compared: a history entry with one is
 * skipped, and a record with no valid date is never stale (`funnelReport` and `weightedPipeline` count both).
 *
 * @example
 * ```ts
 * for (const stale of findStaleRecords(leads, { funnel, asOf })) console.log(stale.record.ownerId, `${stale.daysInStage} days in ${stale.stageId}`);
 * ```
 * @throws RangeError when `asOf` is not a valid date.
 */
export function findStaleRecords<R extends MetricsRecord>(records: Iterable<R>, options: FindStaleRecordsOptions): StaleRecord<R>[] {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const thresholds = new Map<string, number>();
  const known = new Set<string>();
  for (const stage of options.funnel.stages) {
    known.add(stage.id);
    if (stage.kind === 'open' && stage.rottingDays !== undefined) thresholds.set(stage.id, stage.rottingDays);
  }
  const stale: StaleRecord<R>[] = [];
  const position: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
  for (const record of records) {
    if (stageAsOf(record, asOfMs, position, known) !== RECORD_PLACED || position.stageId === undefined) continue;
    const rottingDays = thresholds.get(position.stageId);
    if (rottingDays === undefined) continue;
    const daysInStage = (asOfMs - position.sinceMs) / MILLISECONDS_PER_DAY;
    if (daysInStage > rottingDays) stale.push({ record, stageId: position.stageId, daysInStage, rottingDays });
  }
  return stale.sort((a, b) => b.daysInStage / b.rottingDays - a.daysInStage / a.rottingDays);
}
