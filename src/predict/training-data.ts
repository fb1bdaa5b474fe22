import type { Lead } from '../models/lead.ts';
import type { PredictionTierCuts } from './model.ts';
import type { FeaturesAt, PredictionTier } from './types.ts';

/** A lead with a known outcome, ready to learn from (internal). */
export interface LabelledExample {
  readonly lead: Lead;
  readonly won: boolean;
  /** When the features are read. */
  readonly asOfMs: number;
}

/** Keeps the leads that have an outcome; open leads are right-censored, not lost, and are only counted. */
export function labelledExamples(leads: readonly Lead[], featuresAt: FeaturesAt = 'outcome'): { examples: LabelledExample[]; openSkipped: number } {
  const examples: LabelledExample[] = [];
  let openSkipped = 0;
  const fixed = featuresAt === 'outcome' ? undefined : featuresAt.getTime();
  for (const lead of leads) {
    const outcome = lead.outcome;
    if (outcome === undefined) {
      openSkipped++;
      continue;
    }
    examples.push({ lead, won: outcome.status === 'won', asOfMs: fixed ?? outcome.at.getTime() });
  }
  return { examples, openSkipped };
}

/** The linear-interpolation quantile of sorted values. */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
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
  const values = Array.from(sorted);
  return [quantileOfSorted(values, 0.25), quantileOfSorted(values, 0.5), quantileOfSorted(values, 0.75)];
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

/** Sorts strings by code unit, the same on every platform and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
