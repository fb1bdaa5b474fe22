import type { AxisThreshold, BandThreshold } from './scoring-model-definition.ts';

/**
 * The band of a score given thresholds ordered from the highest `min` down, with hysteresis: a lead keeps its
 * `previousBand` while its score stays within `hysteresis` points of that band's range, so it does not flap
 * between bands on small changes.
 *
 * @example
 * ```ts
 * const thresholds = [{ band: 'hot', min: 70 }, { band: 'warm', min: 40 }];
 * scoreBand(thresholds, 'cold', 68);                                        // 'warm'
 * scoreBand(thresholds, 'cold', 68, { previousBand: 'hot', hysteresis: 5 }); // 'hot' (within 5 points)
 * ```
 */
export function scoreBand(
  thresholds: readonly BandThreshold[],
  otherwise: string,
  score: number,
  options: { readonly previousBand?: string | undefined; readonly hysteresis?: number | undefined } = {},
): string {
  let band = otherwise;
  for (const threshold of thresholds) {
    if (score >= threshold.min) {
      band = threshold.band;
      break;
    }
  }
  const hysteresis = options.hysteresis ?? 0;
  const previous = options.previousBand;
  if (previous === undefined || hysteresis <= 0 || previous === band) return band;
  const index = previous === otherwise ? thresholds.length : thresholds.findIndex((threshold) => threshold.band === previous);
  if (index < 0) return band;
  const lower = index < thresholds.length ? (thresholds[index] as BandThreshold).min : -Infinity;
  const upper = index > 0 ? (thresholds[index - 1] as BandThreshold).min : Infinity;
  return score >= lower - hysteresis && score < upper + hysteresis ? previous : band;
}

/**
 * The grade of one matrix axis: the first threshold (highest `min` first) the value reaches, else `otherwise`.
 *
 * @example
 * ```ts
 * axisGrade([{ grade: 'A', min: 60 }, { grade: 'B', min: 30 }], 'C', 45); // 'B'
 * ```
 */
export function axisGrade(thresholds: readonly AxisThreshold[], otherwise: string, value: number): string {
  for (const threshold of thresholds) if (value >= threshold.min) return threshold.grade;
  return otherwise;
}
