import type { Lead } from '../models/lead.ts';
import { floorContribution, limitRange } from './caps.ts';
import type { ScoreContribution, ScoreDisqualification, ScoreResult, Scorer } from './types.ts';

function rebuild(contributions: readonly ScoreContribution[], disqualifications: readonly ScoreDisqualification[]): ScoreResult {
  let score = 0;
  for (const item of contributions) score += item.points;
  return { score, contributions, disqualifications };
}

function scaled(item: ScoreContribution, factor: number): ScoreContribution {
  if (factor === 1) return item;
  return { ...item, weight: item.weight * factor, cappedPoints: item.cappedPoints * factor, points: item.points * factor };
}

/**
 * A scorer whose result is the sum of the given scorers' results (contributions concatenated in order,
 * disqualifications merged). Built-in, compiled and user-written scorers mix freely.
 *
 * @example
 * ```ts
 * const hasPhone = pointsWhen({ id: 'phone', label: 'Has a phone number', points: 5, when: (lead) => lead.contact.phone !== undefined });
 * const total = sumScorers(compiledModel, hasPhone);
 * total(lead, { asOf }).score; // the model's score, plus 5 with a phone number
 * ```
 */
export function sumScorers<L extends Lead>(...scorers: readonly Scorer<L>[]): Scorer<L> {
  return (lead, options) => {
    const contributions: ScoreContribution[] = [];
    const disqualifications: ScoreDisqualification[] = [];
    for (const scorer of scorers) {
      const result = scorer(lead, options);
      contributions.push(...result.contributions);
      disqualifications.push(...result.disqualifications);
    }
    return rebuild(contributions, disqualifications);
  };
}

/**
 * A weighted sum: each scorer's contributions are multiplied by its weight (recorded in `weight`).
 *
 * @example
 * ```ts
 * declare const fitScorer: Scorer, engagementScorer: Scorer; // two scorers of yours
 *
 * const blended = weightScorers([[fitScorer, 0.6], [engagementScorer, 0.4]]);
 * ```
 */
export function weightScorers<L extends Lead>(entries: readonly (readonly [Scorer<L>, number])[]): Scorer<L> {
  return (lead, options) => {
    const contributions: ScoreContribution[] = [];
    const disqualifications: ScoreDisqualification[] = [];
    for (const [scorer, weight] of entries) {
      const result = scorer(lead, options);
      for (const item of result.contributions) contributions.push(scaled(item, weight));
      disqualifications.push(...result.disqualifications);
    }
    return rebuild(contributions, disqualifications);
  };
}

function pick<L extends Lead>(scorers: readonly Scorer<L>[], better: (candidate: number, best: number) => boolean): Scorer<L> {
  return (lead, options) => {
    let best: ScoreResult | undefined;
    const disqualifications: ScoreDisqualification[] = [];
    for (const scorer of scorers) {
      const result = scorer(lead, options);
      disqualifications.push(...result.disqualifications);
      if (best === undefined || better(result.score, best.score)) best = result;
    }
    return rebuild(best?.contributions ?? [], disqualifications);
  };
}

/**
 * The result of whichever scorer gives the highest score (the first on ties); disqualifications of all are kept.
 *
 * @example
 * ```ts
 * declare const webIntent: Scorer, eventIntent: Scorer; // two scorers of yours
 *
 * const strongest = maxScorers(webIntent, eventIntent);
 * ```
 */
export function maxScorers<L extends Lead>(...scorers: readonly Scorer<L>[]): Scorer<L> {
  return pick(scorers, (candidate, best) => candidate > best);
}

/**
 * The result of whichever scorer gives the lowest score (the first on ties); disqualifications of all are kept.
 *
 * @example
 * ```ts
 * declare const fitScorer: Scorer, engagementScorer: Scorer; // two scorers of yours
 *
 * const weakest = minScorers(fitScorer, engagementScorer);
 * ```
 */
export function minScorers<L extends Lead>(...scorers: readonly Scorer<L>[]): Scorer<L> {
  return pick(scorers, (candidate, best) => candidate < best);
}

function limited(result: ScoreResult, floor: number | undefined, cap: number | undefined): ScoreResult {
  const values = result.contributions.map((item) => item.points);
  const removed = result.contributions.map(() => 0);
  const lift = limitRange(values, removed, undefined, floor, cap);
  const contributions = result.contributions.map((item, index) =>
    removed[index] === 0 ? item : { ...item, cappedPoints: item.cappedPoints + (removed[index] as number), points: values[index] as number },
  );
  if (lift !== 0) contributions.push(floorContribution(lift));
  return rebuild(contributions, result.disqualifications);
}

/**
 * Bounds a scorer's total to `[floor, cap]` (`cap ≥ 0`, `floor ≤ cap`): an excess is taken from the positive
 * contributions in proportion (recorded in `cappedPoints`), a deficit from the negative ones, so the contributions
 * still add up to the score. A positive floor the contributions cannot reach adds a `@floor` contribution with the
 * missing points.
 *
 * @example
 * ```ts
 * declare const fitScorer: Scorer, engagementScorer: Scorer; // two scorers of yours
 *
 * const capped = clampScorer(engagementScorer, { cap: 40, floor: 0 });
 * const atLeastTen = clampScorer(fitScorer, { floor: 10 });
 * ```
 * @throws RangeError when `cap` is negative or not finite, `floor` is not finite or `floor` is above `cap` (a
 * programmer error).
 */
export function clampScorer<L extends Lead>(scorer: Scorer<L>, limits: { readonly floor?: number; readonly cap?: number }): Scorer<L> {
  const { floor, cap } = limits;
  if (
    (cap !== undefined && !(cap >= 0 && Number.isFinite(cap))) ||
    (floor !== undefined && !Number.isFinite(floor)) ||
    (floor !== undefined && cap !== undefined && floor > cap)
  )
    throw new RangeError('clampScorer: cap must be finite and ≥ 0, floor finite and not above cap');
  // The validated copies: a later change to `limits` does not bypass the checks.
  return (lead, options) => limited(scorer(lead, options), floor, cap);
}

/**
 * Normalises a scorer to 0–100: every contribution is multiplied by `100 / max`, then the total is clamped to 0–100.
 *
 * @example
 * ```ts
 * const percent = normalizeScorer(scorer, 60); // 60 points or more is 100
 * ```
 * @throws RangeError when `max` is not a finite number of at least 0.000001 (a programmer error).
 */
export function normalizeScorer<L extends Lead>(scorer: Scorer<L>, max: number): Scorer<L> {
  if (!(max >= 1e-6 && Number.isFinite(max))) throw new RangeError('normalizeScorer: max must be a finite number of at least 0.000001, as in a scoring model');
  const factor = 100 / max;
  return (lead, options) => {
    const result = scorer(lead, options);
    return limited(
      rebuild(
        result.contributions.map((item) => scaled(item, factor)),
        result.disqualifications,
      ),
      0,
      100,
    );
  };
}
