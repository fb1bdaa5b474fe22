import type { Instant } from '../internal/instant.ts';
import { instantMs } from '../internal/instant.ts';
import { DAYS_PER_MONTH, MILLISECONDS_PER_DAY, toRate, type Days, type Rate } from './rate.ts';

/** B2B contact data goes stale at about 2 % a month (people change jobs, companies move). */
export const DEFAULT_MONTHLY_DECAY_RATE = 0.02;

/**
 * The expected share of records still valid after `ageDays` without verification, at a monthly decay rate:
 * `(1 − monthlyDecayRate) ^ (ageDays / 30.4375)`.
 *
 * @example
 * ```ts
 * expectedValidShare(365); // ≈ 0.785: a year-old unverified list is about 78 % valid
 * ```
 * @throws RangeError when the decay rate is not within 0–1.
 */
export function expectedValidShare(ageDays: Days, monthlyDecayRate: number = DEFAULT_MONTHLY_DECAY_RATE): Rate {
  const decay = toRate(monthlyDecayRate);
  if (!(ageDays > 0)) return 1 as Rate;
  return toRate((1 - decay) ** (ageDays / DAYS_PER_MONTH));
}

/** What {@link dataDecayReport} reads of a lead (a `Lead` fits). */
export interface DecayRecord {
  /** Lead id. */
  readonly id: string;
  /**
   * When the record was created (its age when never verified). A record without it is aged from its verification,
   * or counted in `undated` when it was never verified either.
   */
  readonly createdAt?: Date | undefined;
  /** When its contact data was last verified. */
  readonly lastVerifiedAt?: Date | undefined;
}

/** Options of {@link dataDecayReport}. */
export interface DataDecayOptions {
  /** The instant of the check. */
  readonly asOf: Instant;
  /** Records not verified for longer than this many days are stale (default 180). */
  readonly maxAgeDays?: Days;
  /** Monthly decay rate (default {@link DEFAULT_MONTHLY_DECAY_RATE}). */
  readonly monthlyDecayRate?: number;
}

/** The result of {@link dataDecayReport}. */
export interface DataDecayReport {
  /** Records created by `asOf` (a record whose `createdAt` is not a valid date is left out, see `invalidDates`). */
  readonly records: number;
  /** Records with neither a `createdAt` nor a verification by `asOf` (an import that did not say): left out. */
  readonly undated: number;
  /**
   * Records not verified as of `asOf` (aged from their creation): never verified, verified only after `asOf`, or
   * whose `lastVerifiedAt` is not a valid date.
   */
  readonly neverVerified: number;
  /** Ids of the records not verified (or, never verified, created) more than `maxAgeDays` ago, in input order. */
  readonly staleIds: readonly string[];
  /** The expected number of records still valid: Σ {@link expectedValidShare} of each record's age. */
  readonly expectedValid: number;
  /** `expectedValid / records`. */
  readonly expectedValidShare: Rate | undefined;
  /**
   * Dates that are not valid dates: a `createdAt` (the record is left out) or a `lastVerifiedAt` (read as never
   * verified: the record is aged from its creation and counted in `neverVerified`).
   */
  readonly invalidDates: number;
}

/**
 * Data decay of contact records, in one pass: which records are due for re-verification (last verified, or created
 * if never verified, more than `maxAgeDays` before `asOf`) and how many are expected to be still valid at the decay
 * rate. A `lastVerifiedAt` after `asOf` is ignored: as of `asOf` the record had not been verified yet, so it is aged
 * from its creation like a record never verified (a report for a past date is reproducible).
 *
 * @example
 * ```ts
 * const decay = dataDecayReport(leads, { asOf, maxAgeDays: 180 });
 * decay.staleIds;           // re-verify these
 * decay.expectedValidShare; // ≈ 0.9 for a list verified six months ago on average
 * ```
 * @throws RangeError when the decay rate is not within 0–1, or `asOf` is not a valid date.
 */
export function dataDecayReport(records: Iterable<DecayRecord>, options: DataDecayOptions): DataDecayReport {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const maxAgeDays = options.maxAgeDays ?? 180;
  const monthlyDecayRate = options.monthlyDecayRate ?? DEFAULT_MONTHLY_DECAY_RATE;
  toRate(monthlyDecayRate);
  const staleIds: string[] = [];
  let count = 0;
  let neverVerified = 0;
  let expectedValid = 0;
  let invalidDates = 0;
  let undated = 0;
  for (const record of records) {
    if (record.createdAt === undefined) {
      // No creation date: a verification by `asOf` still dates the data; without one there is nothing to age.
      const verifiedMs = record.lastVerifiedAt === undefined ? NaN : record.lastVerifiedAt.getTime();
      if (record.lastVerifiedAt !== undefined && verifiedMs !== verifiedMs) invalidDates++;
      if (!(verifiedMs <= asOfMs)) {
        undated++;
        continue;
      }
      count++;
      const ageDays = (asOfMs - verifiedMs) / MILLISECONDS_PER_DAY;
      if (ageDays > maxAgeDays) staleIds.push(record.id);
      expectedValid += expectedValidShare(ageDays, monthlyDecayRate);
      continue;
    }
    const createdMs = record.createdAt.getTime();
    if (createdMs !== createdMs) {
      invalidDates++;
      continue;
    }
    if (createdMs > asOfMs) continue;
    count++;
    let verifiedMs = record.lastVerifiedAt === undefined ? NaN : record.lastVerifiedAt.getTime();
    if (record.lastVerifiedAt !== undefined && verifiedMs !== verifiedMs) invalidDates++;
    // A verification after `asOf` had not happened yet as of `asOf`: the record was not verified then.
    if (!(verifiedMs <= asOfMs)) {
      neverVerified++;
      verifiedMs = createdMs;
    }
    const ageDays = (asOfMs - verifiedMs) / MILLISECONDS_PER_DAY;
    if (ageDays > maxAgeDays) staleIds.push(record.id);
    expectedValid += expectedValidShare(ageDays, monthlyDecayRate);
  }
  return {
    records: count,
    undated,
    neverVerified,
    staleIds,
    expectedValid,
    expectedValidShare: count === 0 ? undefined : toRate(Math.min(1, expectedValid / count)),
    invalidDates,
  };
}
