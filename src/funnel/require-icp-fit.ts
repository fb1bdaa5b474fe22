import type { Icp } from '../icp/icp-definition.ts';
import { compileIcp, type IcpMatch } from '../icp/match-icp.ts';
import { toIcpFitSummary } from '../icp/to-icp-fit-summary.ts';
import type { Lead } from '../models/lead.ts';
import { instantMsOrNaN } from '../internal/instant.ts';
import type { DatedFunnelEvent, FunnelGuard, FunnelGuardCheck } from './types.ts';

const invalidTime: FunnelGuardCheck = Object.freeze({ passed: false, reason: 'event.at is not a valid date, so the ICP fit cannot be matched' });

/**
 * A guard that passes when a lead fits an ICP (from `leadkit/icp`) with a score of at least `minScore` (0–100) and
 * is not disqualified by it. The lead is matched as of the event's time (`event.at` is the `asOf` of intent signals),
 * never the clock. Its reason names the ICP, the fit score and grade and, on a refusal, the criteria that missed, the
 * required or excluded criteria that disqualified the lead (grade F, which never passes) and the criteria the lead
 * has no data for (they are left out of the score, as `matchIcp` does). It carries the fit as evidence
 * (`{ icpFit: { icpId, score, grade } }`), so on the transition into the qualified stage the fit lands in the
 * prospect's `qualification.icpFit`. The ICP is compiled once, when the guard is made.
 *
 * @throws {RangeError} when `minScore` is not a number from 0 to 100 (a programmer error).
 *
 * @example
 * ```ts
 * import { cloudStorageIcp } from 'leadkit/icp';
 *
 * declare const mql: Lead; // a lead in stage 'mql'
 * const assessments = new Map<string, Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>>();
 * const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['icp-fit', 'bant'] }), {
 *   guards: { 'icp-fit': requireIcpFit(cloudStorageIcp, 60), bant: requireQualified(bantFramework, (lead: Lead) => assessments.get(lead.id)) },
 * });
 * const result = transition(funnel, mql, { type: 'qualify', at: new Date('2025-06-30T10:00:00Z'), by: 'rep-7' });
 * if (result.ok) result.prospect?.qualification.icpFit; // { icpId: 'cloud-storage', score: 86, grade: 'A' }
 * else result.error.failedGuards; // [{ guard: 'icp-fit', reason: 'ICP cloud-storage fit 43 (grade C) is below 60; missed: …' }]
 * ```
 */
export function requireIcpFit<K extends string, L extends Lead = Lead>(icp: Icp<K>, minScore: number): FunnelGuard<L> {
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 100))
    throw new RangeError(`requireIcpFit: minScore must be a number from 0 to 100, got ${String(minScore)}`);
  const match = compileIcp(icp);
  const labels = new Map<string, string>((Object.keys(icp.criteria) as K[]).map((key) => [key, icp.criteria[key].label ?? key]));
  const labelled = (keys: readonly string[]): string => keys.map((key) => labels.get(key) ?? key).join(', ');
  const fitOf = (fit: IcpMatch<K, L>): string => `ICP ${icp.id} fit ${fit.score} (grade ${fit.grade})`;
  const noData = (fit: IcpMatch<K, L>): string => (fit.unknown.length === 0 ? '' : `; no data for: ${labelled(fit.unknown)}`);

  function refusal(fit: IcpMatch<K, L>): string {
    if (fit.disqualified) {
      const parts = fit.criteria
        .filter((criterion) => criterion.disqualifies)
        .map((criterion) => `${criterion.exclude ? 'excluded criterion matched' : 'required criterion missed'}: ${criterion.label}`);
      return `${fitOf(fit)}: disqualified (${parts.join('; ')}; would have scored ${fit.scoreBeforeDisqualification})${noData(fit)}`;
    }
    const missed = fit.missed.length === 0 ? '' : `; missed: ${labelled(fit.missed)}`;
    return `${fitOf(fit)} is below ${minScore}${missed}${noData(fit)}`;
  }

  return Object.freeze({
    name: 'icp-fit',
    description: `ICP ${icp.id} fit of at least ${minScore}`,
    check: (lead: L, event: DatedFunnelEvent): FunnelGuardCheck => {
      if (Number.isNaN(instantMsOrNaN(event.at))) return invalidTime;
      const fit = match(lead, { asOf: event.at });
      const evidence = { icpFit: toIcpFitSummary(fit) };
      if (fit.disqualified || fit.score < minScore) return { passed: false, reason: refusal(fit), evidence };
      return { passed: true, reason: `${fitOf(fit)} reaches ${minScore}${noData(fit)}`, evidence };
    },
  });
}
