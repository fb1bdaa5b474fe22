/**
 * The shapes every scorer shares: a scorer is a plain function `(lead, { asOf }) => ScoreResult`, so built-in,
 * compiled, predictive and user-written scorers compose with one another.
 *
 * @module
 */
import type { Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';

/** Options of one evaluation. Time is always explicit. */
export interface ScoreOptions {
  /**
   * The moment the score is computed for (a `Date` or epoch milliseconds): decay and time windows are measured back
   * from it; later activities are ignored. An invalid instant throws a `RangeError`.
   */
  readonly asOf: Instant;
  /** The band the lead had last time (`warm`), for threshold hysteresis. Scorers that do not grade ignore it. */
  readonly previousBand?: string | undefined;
}

/**
 * Where some points came from. The `points` of a result's contributions add up exactly (left to right, in
 * floating point) to the result's `score`, after decay, caps, clamping, weights and normalisation.
 */
export interface ScoreContribution {
  /**
   * Id of the rule (or scorer) that produced the points. Points added to reach a positive total floor (a minimum
   * score the rules cannot reach) come as one contribution with id `@floor` and group `@total`.
   */
  readonly ruleId: string;
  /** Human label (`Target industry`). */
  readonly label: string;
  /** Group the rule belongs to: `fit`, `engagement`, or a name the model chose. */
  readonly group: string;
  /** Points before decay and caps (for an activity rule, the sum over its counted activities). */
  readonly rawPoints: number;
  /** `decayedPoints / rawPoints`: 1 without decay (and when `rawPoints` is 0), between 0 and 1 with decay. */
  readonly decayFactor: number;
  /** Points after decay, before caps and weights. */
  readonly decayedPoints: number;
  /** Multiplier applied by weights and normalisation (1 when none). */
  readonly weight: number;
  /**
   * Points removed by caps and clamping, in final units: `points ≈ decayedPoints × weight − cappedPoints`
   * (negative when a floor or minimum raised a negative contribution).
   */
  readonly cappedPoints: number;
  /** The final points this contribution adds to the score. */
  readonly points: number;
  /** How many times the rule matched (activities counted, or 1 for a lead-level rule). */
  readonly occurrences: number;
}

/** A gate that fired: the lead is disqualified (grade F) whatever its points. */
export interface ScoreDisqualification {
  /** Id of the disqualifier rule. */
  readonly ruleId: string;
  /** Human label (`Competitor domain`). */
  readonly label: string;
}

/** A high-intent override that fired (a demo request makes the lead sales-ready whatever its points). */
export interface ScoreOverride {
  /** Id of the override rule. */
  readonly ruleId: string;
  /** Human label (`Demo requested`). */
  readonly label: string;
  /** The band the override forces, if any. */
  readonly band: string | undefined;
}

/**
 * What every scorer returns: a number with a full breakdown.
 * `score` equals the left-to-right floating-point sum of `contributions[i].points`.
 */
export interface ScoreResult {
  /**
   * The score: finite for compiled models, `pointsWhen` and the combinators (their points are bounded); a
   * user-written scorer must keep its own contributions finite.
   */
  readonly score: number;
  /** Every contribution, in rule order. Rules that did not match are left out. */
  readonly contributions: readonly ScoreContribution[];
  /** Gates that fired; non-empty means the lead is disqualified. */
  readonly disqualifications: readonly ScoreDisqualification[];
}

/**
 * A scorer: a plain, pure function from a lead and the evaluation time to a {@link ScoreResult}.
 * Write your own and combine it with built-in ones (`sumScorers`, `weightScorers`, `clampScorer`…).
 *
 * @example
 * ```ts
 * const hasPhone: Scorer = (lead) => {
 *   const points = lead.contact.phone ? 5 : 0;
 *   return {
 *     score: points,
 *     contributions: points === 0 ? [] : [contribution({ ruleId: 'has-phone', label: 'Has a phone number', group: 'fit', points })],
 *     disqualifications: [],
 *   };
 * };
 * ```
 */
export type Scorer<L extends Lead = Lead> = (lead: L, options: ScoreOptions) => ScoreResult;

/**
 * The result of a scoring model: the total with fit and engagement kept apart, per-group scores, the band,
 * the fit × engagement matrix cell and the grade.
 */
export interface LeadScore extends ScoreResult {
  /** The `fit` group's score, after its cap and floor, before weights and normalisation (0 when the model has none). */
  readonly fit: number;
  /** The `engagement` group's score, after its cap and floor, before weights and normalisation (0 when the model has none). */
  readonly engagement: number;
  /** Each group's score (after its cap and floor, before weights), by group name. */
  readonly groups: Readonly<Record<string, number>>;
  /** The band from the model's thresholds (`hot`), or `undefined` when the model has none. */
  readonly band: string | undefined;
  /** The fit × engagement cell (`A1`), or `undefined` when the model has no matrix. */
  readonly matrixCell: string | undefined;
  /** The headline grade: `F` when disqualified, else the matrix cell, else the band, else `undefined`. */
  readonly grade: string | undefined;
  /** Whether the lead is sales-ready: its band is a sales-ready band or a high-intent override fired (never when disqualified). */
  readonly salesReady: boolean;
  /** High-intent overrides that fired. */
  readonly overrides: readonly ScoreOverride[];
  /** Whether a disqualifier fired. */
  readonly disqualified: boolean;
}
