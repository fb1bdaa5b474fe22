import type { Scorer } from '../scoring/types.ts';
import { instantMsOrNaN } from '../internal/instant.ts';
import type { DatedFunnelEvent, FunnelGuard, FunnelGuardCheck } from './types.ts';
import type { Lead } from '../models/lead.ts';

/**
 * A guard that passes when a lead's score reaches `minScore` and no disqualifier fired. `model` is any scorer from
 * `leadkit/scoring` (a compiled scoring model, or your own `(lead, { asOf }) => ScoreResult`); the lead is scored as
 * of the event's time. The score is kept as evidence; a failure names the score, the threshold and the top
 * contributions, or the disqualifiers that fired.
 *
 * @throws {RangeError} when `minScore` is not a finite number (a programmer error: `NaN` would refuse every lead).
 *
 * @example
 * ```ts
 * const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { engage: ['score'] }), {
 *   guards: { score: requireScore(compiledModel, 50) },
 * });
 * ```
 */
export function requireScore<L extends Lead = Lead>(model: Scorer<L>, minScore: number): FunnelGuard<L> {
  if (typeof minScore !== 'number' || !Number.isFinite(minScore))
    throw new RangeError(`requireScore: minScore must be a finite number, got ${String(minScore)}`);
  const description = `score of at least ${minScore}`;
  const invalidTime: FunnelGuardCheck = Object.freeze({ passed: false, reason: 'event.at is not a valid date, so the lead cannot be scored' });
  return Object.freeze({
    name: 'score',
    description,
    check: (lead: L, event: DatedFunnelEvent): FunnelGuardCheck => {
      if (Number.isNaN(instantMsOrNaN(event.at))) return invalidTime;
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
