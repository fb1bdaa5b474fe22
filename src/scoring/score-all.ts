import { instantMs } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import type { CompiledScorer } from './compile.ts';
import type { ScoreOptions, ScoreResult, Scorer } from './types.ts';

/** One ranked lead: the lead, its result and its rank (1 = best). */
export interface RankedLead<L extends Lead, R extends ScoreResult = ScoreResult> {
  /** The lead, unchanged. */
  readonly lead: L;
  /** Its full result. */
  readonly result: R;
  /** 1-based rank; ties keep the input order. */
  readonly rank: number;
}

/**
 * Scores many leads and ranks them, best first: disqualified leads last, then by score, ties in input order
 * (a stable sort). Inputs are not mutated.
 *
 * @example
 * ```ts
 * const ranked = scoreAll(scorer, leads, { asOf });
 * for (const { lead, result } of ranked.slice(0, 10)) console.log(lead.id, result.score, result.grade); // the top ten
 * ```
 */
export function scoreAll<L extends Lead, R extends ScoreResult>(
  scorer: ((lead: L, options: ScoreOptions) => R) | Scorer<L>,
  leads: readonly L[],
  options: ScoreOptions,
): RankedLead<L, R>[] {
  instantMs(options.asOf, 'asOf');
  const scored = leads.map((lead, index) => ({ lead, result: scorer(lead, options) as R, index }));
  scored.sort((a, b) => {
    const disqualified = Number(a.result.disqualifications.length > 0) - Number(b.result.disqualifications.length > 0);
    return disqualified || b.result.score - a.result.score || a.index - b.index;
  });
  return scored.map(({ lead, result }, index) => ({ lead, result, rank: index + 1 }));
}

/**
 * The fast path for large lists: the indices of `leads` ordered by score, best first (ties in input order), using
 * only the compiled scorer's number (no explanations). Disqualification is not considered; filter with
 * `scorer.isDisqualified` when needed.
 *
 * @example
 * ```ts
 * const order = rankLeadIndices(scorer, leads, { asOf });
 * const topTen = Array.from(order.subarray(0, 10), (index) => leads[index]);
 * ```
 * @throws RangeError when `asOf` is not a valid instant.
 */
export function rankLeadIndices<L extends Lead>(scorer: CompiledScorer<L>, leads: readonly L[], options: Pick<ScoreOptions, 'asOf'>): Uint32Array {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const scores = new Float64Array(leads.length);
  for (let index = 0; index < leads.length; index++) scores[index] = scorer.scoreValue(leads[index] as L, asOfMs);
  const order = new Uint32Array(leads.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  // Typed-array sort is not guaranteed stable, so ties break on the index explicitly.
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return order;
}
