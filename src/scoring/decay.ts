import { MILLISECONDS_PER_DAY as DAY_MS } from '../internal/instant.ts';
import type { ScoreDecay } from './scoring-model-definition.ts';

/**
 * The share of an activity's points left after `ageMs` milliseconds under `decay` (1 without decay): between 0 and
 * 1, never increasing with age. Negative ages (activities after `asOf`) are not scored at all by the engine.
 *
 * @example
 * ```ts
 * scoreDecayFactor({ kind: 'halfLife', days: 30 }, 30 * 86_400_000); // 0.5
 * scoreDecayFactor({ kind: 'step', everyDays: 30, loss: 0.5 }, 45 * 86_400_000); // 0.5
 * scoreDecayFactor({ kind: 'window', days: 90 }, 91 * 86_400_000); // 0
 * ```
 */
export function scoreDecayFactor(decay: ScoreDecay | undefined, ageMs: number): number {
  if (decay === undefined) return 1;
  const ageDays = ageMs > 0 ? ageMs / DAY_MS : 0;
  switch (decay.kind) {
    case 'halfLife':
      return halfLifeFactor(ageMs, halfLifePerMs(decay.days));
    case 'step':
      return (1 - decay.loss) ** Math.floor(ageDays / decay.everyDays);
    case 'linear':
      return Math.max(0, 1 - (decay.loss * ageDays) / decay.everyDays);
    case 'window':
      return ageDays <= decay.days ? 1 : 0;
  }
}

/** The half-lives per millisecond of a half-life of `days` days: the one half-life formula is `0.5^(age × perMs)`. */
export function halfLifePerMs(days: number): number {
  return 1 / (days * DAY_MS);
}

/** The share left after `ageMs` under a half-life of `1 / perMs` milliseconds (the engine inlines the same formula). */
export function halfLifeFactor(ageMs: number, perMs: number): number {
  return 0.5 ** ((ageMs > 0 ? ageMs : 0) * perMs);
}

/** Compiles a decay into a function of the age in milliseconds (the engine's hot path). */
export function compileDecay(decay: ScoreDecay | undefined): ((ageMs: number) => number) | undefined {
  if (decay === undefined) return undefined;
  switch (decay.kind) {
    case 'halfLife': {
      const perMs = halfLifePerMs(decay.days);
      return (ageMs) => halfLifeFactor(ageMs, perMs);
    }
    default:
      return (ageMs) => scoreDecayFactor(decay, ageMs);
  }
}
