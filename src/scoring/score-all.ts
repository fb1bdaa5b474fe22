import type { Lead } from '../models/lead.ts';
import type { CompiledScorer } from './compile.ts';
import type { ScoreResult, Scorer } from './types.ts';

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
 * ranked[0].lead.id; ranked[0].result.grade;
 * ```
 */
export function scoreAll<L extends Lead, R extends ScoreResult>(
  scorer: ((lead: L, options: { readonly asOf: Date }) => R) | Scorer<L>,
  leads: readonly L[],
  options: { readonly asOf: Date },
): RankedLead<L, R>[] {
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
 * const order = rankLeadIndices(scorer, leads, asOf);
 * const best = leads[order[0]];
 * ```
 */
export function rankLeadIndices(scorer: CompiledScorer, leads: readonly Lead[], asOf: Date): Uint32Array {
  const asOfMs = asOf.getTime();
  const scores = new Float64Array(leads.length);
  for (let index = 0; index < leads.length; index++) scores[index] = scorer.scoreValue(leads[index] as Lead, asOfMs);
  const order = new Uint32Array(leads.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  // Typed-array sort is not guaranteed stable, so ties break on the index explicitly.
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return order;
}
