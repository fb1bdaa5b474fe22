import type { Scorer } from '../scoring/types.ts';
import type { FunnelEvent, FunnelGuard, FunnelGuardCheck } from './types.ts';
import type { Lead } from '../models/lead.ts';

/**
 * A guard that passes when a lead's score reaches `minScore` and no disqualifier fired. `model` is any scorer from
 * `leadkit/scoring` (a compiled scoring model, or your own `(lead, { asOf }) => ScoreResult`); the lead is scored as
 * of the event's time. The score is kept as evidence; a failure names the score, the threshold and the top
 * contributions, or the disqualifiers that fired.
 *
 * @example
 * ```ts
 * const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['score'] }), {
 *   guards: { score: requireScore(compiledModel, 50) },
 * });
 * ```
 */
export function requireScore<L extends Lead = Lead>(model: Scorer<L>, minScore: number): FunnelGuard<L> {
  const description = `score of at least ${minScore}`;
  return Object.freeze({
    name: 'score',
    description,
    check: (lead: L, event: FunnelEvent): FunnelGuardCheck => {
      const result = model(lead, { asOf: event.at });
      const evidence = { score: result.score };
      if (result.disqualifications.length > 0)
        return { passed: false, reason: `disqualified by ${result.disqualifications.map((gate) => gate.label).join(', ')}`, evidence };
      if (!(result.score >= minScore)) {
        const top = [...result.contributions]
          .sort((a, b) => b.points - a.points)
          .slice(0, 3)
          .map((part) => `${part.label} ${part.points > 0 ? '+' : ''}${part.points}`);
        return { passed: false, reason: `score ${result.score} is below ${minScore}${top.length === 0 ? '' : ` (${top.join(', ')})`}`, evidence };
      }
      return { passed: true, reason: `score ${result.score} reaches ${minScore}`, evidence };
    },
  });
}
