import { instantMs } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import type { PredictionTierCuts } from './predictive-model-definition.ts';
import type { FeaturesAt, PredictionTier } from './types.ts';

/** A lead with a known outcome, ready to learn from (internal). */
export interface LabelledExample {
  readonly lead: Lead;
  readonly won: boolean;
  /** When the features are read. */
  readonly asOfMs: number;
}

/**
 * Keeps the leads that have an outcome; open leads are right-censored, not lost, and are only counted. With features
 * read at the outcome (the default), an outcome without a date (an import that did not say) is left out and counted in
 * `undatedSkipped`; pass a fixed `featuresAt` to use such leads.
 *
 * @throws RangeError when `featuresAt` is an invalid instant.
 */
export function labelledExamples(
  leads: readonly Lead[],
  featuresAt: FeaturesAt = 'outcome',
): { examples: LabelledExample[]; openSkipped: number; undatedSkipped: number } {
  const examples: LabelledExample[] = [];
  let openSkipped = 0;
  // With features read at the outcome, an outcome without a date has no instant to read them at: left out, counted.
  let undatedSkipped = 0;
  const fixed = featuresAt === 'outcome' ? undefined : instantMs(featuresAt, 'featuresAt');
  for (const lead of leads) {
    const outcome = lead.outcome;
    if (outcome === undefined) {
      openSkipped++;
      continue;
    }
    const asOfMs = fixed ?? outcome.at?.getTime();
    if (asOfMs === undefined) {
      undatedSkipped++;
      continue;
    }
    examples.push({ lead, won: outcome.status === 'won', asOfMs });
  }
  return { examples, openSkipped, undatedSkipped };
}

/** The linear-interpolation quantile of sorted values. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0.5;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] as number;
  return low + ((sorted[above] as number) - low) * (position - below);
}

/** Quartile cut points of a list of probabilities. */
export function tierCutsOf(probabilities: readonly number[]): PredictionTierCuts {
  const sorted = Float64Array.from(probabilities).sort();
  return [quantileOfSorted(sorted, 0.25), quantileOfSorted(sorted, 0.5), quantileOfSorted(sorted, 0.75)];
}

/** The tier of a probability given quartile cut points. */
export function tierOf(probability: number, cuts: PredictionTierCuts): PredictionTier {
  if (probability >= cuts[2]) return 'very_high';
  if (probability >= cuts[1]) return 'high';
  if (probability >= cuts[0]) return 'medium';
  return 'low';
}

/** The logistic function, stable for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Log-odds are kept within ±30 before they become a probability (odds of 1 in 10¹³): the probability stays strictly
 * between 0 and 1 and finite, and leads are never tied by a clamp short of that.
 */
export const MAX_LOG_ODDS = 30;

/**
 * The probability of log-odds, kept strictly inside (0, 1). `NaN` log-odds give 0.5. Written `1 / (1 + e^−x)` for
 * every x (no overflow within ±30): `e^x / (1 + e^x)` is not monotone in the last bit, and probabilities must never
 * reverse the order of the log-odds.
 */
export function probabilityOfLogOdds(logOdds: number): number {
  if (!(logOdds === logOdds)) return 0.5;
  const x = logOdds > MAX_LOG_ODDS ? MAX_LOG_ODDS : logOdds < -MAX_LOG_ODDS ? -MAX_LOG_ODDS : logOdds;
  return 1 / (1 + Math.exp(-x));
}

/** Sorts strings by code unit, the same on every platform and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The median of numbers (`undefined` for none). */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return quantileOfSorted(Float64Array.from(values).sort(), 0.5);
}
