import type { Assessment } from '../frameworks/assessment.ts';
import type { Framework } from '../frameworks/define-framework.ts';
import { evaluateAssessment, type EvaluateAssessmentOptions } from '../frameworks/evaluate-assessment.ts';
import type { RatingValue } from '../frameworks/scales.ts';
import { instantMsOrNaN } from '../internal/instant.ts';
import type { DatedFunnelEvent, FunnelGuard, FunnelGuardCheck, FunnelRecord, TransitionContext } from './types.ts';

/** Finds the assessment of a record for a framework (from the record, the context's data, or your store). */
export type AssessmentOf<R, K extends string, V extends RatingValue> = (
  record: R,
  event: DatedFunnelEvent,
  context: TransitionContext,
) => Assessment<K, V> | undefined;

/** Options of {@link requireQualified}. */
export interface RequireQualifiedOptions {
  /** Overrides the framework's stale-evidence age, in days. */
  readonly staleAfterDays?: number;
}

/**
 * A guard that passes when a qualification framework (BANT, MEDDIC…) qualifies the record: it evaluates the
 * record's assessment with `evaluateAssessment` from `leadkit/frameworks`, as of the event's time. On success it
 * carries the verdict as evidence, so entering the qualified stage makes the lead a prospect with that verdict; on
 * failure the reason is the verdict's summary and what is still missing (or that `event.at` is not a valid instant,
 * when the guard is called directly with one: `transition` refuses such an event before any guard).
 *
 * @example
 * ```ts
 * import { bantFramework, type Assessment } from 'leadkit/frameworks';
 * import { addTransitionGuards, b2bFunnelDefinition, defineFunnel, requireQualified } from 'leadkit/funnel';
 * import type { Lead } from 'leadkit/models';
 *
 * const assessments = new Map<string, Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>>();
 * const funnel = defineFunnel(addTransitionGuards(b2bFunnelDefinition, { qualify: ['bant'] }), {
 *   guards: { bant: requireQualified(bantFramework, (lead: Lead) => assessments.get(lead.id)) },
 * });
 * ```
 */
export function requireQualified<K extends string, V extends RatingValue, R = FunnelRecord>(
  framework: Framework<K, V>,
  assessmentOf: AssessmentOf<R, K, V>,
  options: RequireQualifiedOptions = {},
): FunnelGuard<R> {
  const description = `qualified by ${framework.name}`;
  const missingAssessment: FunnelGuardCheck = Object.freeze({ passed: false, reason: `no ${framework.name} assessment for this record` });
  const invalidTime: FunnelGuardCheck = Object.freeze({
    passed: false,
    reason: `event.at is not a valid date, so the ${framework.name} assessment cannot be evaluated`,
  });
  return Object.freeze({
    name: `qualified-${framework.id}`,
    description,
    check: (record: R, event: DatedFunnelEvent, context: TransitionContext): FunnelGuardCheck => {
      if (Number.isNaN(instantMsOrNaN(event.at))) return invalidTime;
      const assessment = assessmentOf(record, event, context);
      if (assessment === undefined) return missingAssessment;
      const evaluateOptions: EvaluateAssessmentOptions =
        options.staleAfterDays === undefined ? { asOf: event.at } : { asOf: event.at, staleAfterDays: options.staleAfterDays };
      const verdict = evaluateAssessment(framework, assessment, evaluateOptions);
      if (!verdict.qualified) {
        const missing = verdict.missing.length === 0 ? '' : ` (not yet rated: ${verdict.missing.join(', ')})`;
        return { passed: false, reason: `${verdict.summary}${missing}` };
      }
      return {
        passed: true,
        reason: verdict.summary,
        evidence: { verdict: { frameworkId: verdict.frameworkId, qualified: true, score: verdict.score, summary: verdict.summary } },
      };
    },
  });
}
