/**
 * From a framework verdict to a prospect: a lead becomes a `Prospect` only with a qualifying verdict (and, if
 * configured, a minimum ICP fit).
 *
 * @module
 */
import type { ValidationError } from '../errors.ts';
import { instantDate, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { toProspect, type IcpFitSummary, type Prospect, type QualificationVerdict } from '../models/prospect.ts';
import { err, type Result } from '../result.ts';
import type { Assessment } from './assessment.ts';
import type { Framework } from './define-framework.ts';
import { evaluateAssessment, type FrameworkVerdict, type QualifyingVerdict } from './evaluate-assessment.ts';
import type { RatingValue } from './scales.ts';

/**
 * The part of a verdict a prospect records (`frameworkId`, `qualified`, `score`, `summary`), without the
 * per-criterion detail, so the stored prospect stays small and matches the `Qualification` JSON Schema.
 *
 * @example
 * ```ts
 * const asOf = new Date('2025-06-30T00:00:00Z');
 * const at = new Date('2025-06-20T00:00:00Z');
 * const assessment = defineAssessment(bantFramework, { frameworkId: 'bant', criteria: {
 *   budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at },
 *   need: { rating: 'strong', assessedAt: at }, timeline: { rating: 'weak', assessedAt: at },
 * } }, { asOf });
 * toQualificationVerdict(evaluateAssessment(bantFramework, assessment, { asOf }));
 * // { frameworkId: 'bant', qualified: true, score: 75, summary: 'Qualified by BANT: 3 of 4 criteria met, score 75/100.' }
 * ```
 */
export function toQualificationVerdict(verdict: FrameworkVerdict<string>): QualificationVerdict {
  return { frameworkId: verdict.frameworkId, qualified: verdict.qualified, score: verdict.score, summary: verdict.summary };
}

/** Options of {@link prospectFromVerdict}. */
export interface ProspectFromVerdictOptions {
  /** When the lead was qualified: a `Date` or epoch milliseconds (recorded as a `Date`). */
  readonly at: Instant;
  /** Who qualified it (user id or system). */
  readonly by: string;
  /** The lead's ICP fit, if one was checked. */
  readonly icpFit?: IcpFitSummary | undefined;
  /** The minimum ICP fit score (0–100) required, if any; `icpFit` is then required. */
  readonly minIcpFit?: number | undefined;
}

/**
 * Makes a lead a prospect from a verdict that is known to qualify it. The type only accepts a
 * {@link QualifyingVerdict}: narrow with `if (verdict.qualified)` first, so a non-qualifying verdict cannot make a
 * prospect by mistake. Returns an error when the ICP fit is required and too low. The lead is not mutated.
 *
 * @throws RangeError when `options.at` is not a valid instant, or `options.minIcpFit` is not a number from 0 to 100.
 * @example
 * ```ts
 * declare const assessment: Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>;
 *
 * const verdict = evaluateAssessment(bantFramework, assessment, { asOf });
 * if (verdict.qualified) {
 *   const prospect = prospectFromVerdict(lead, verdict, { at: asOf, by: 'rep-7' });
 * }
 * ```
 */
export function prospectFromVerdict<L extends Lead>(
  lead: L,
  verdict: QualifyingVerdict<string>,
  options: ProspectFromVerdictOptions,
): Result<Prospect<L>, ValidationError> {
  return toProspect(
    lead,
    {
      verdict: toQualificationVerdict(verdict),
      ...(options.icpFit === undefined ? {} : { icpFit: options.icpFit }),
      qualifiedAt: instantDate(options.at, 'at'),
      qualifiedBy: options.by,
    },
    options.minIcpFit === undefined ? {} : { minIcpFit: options.minIcpFit },
  );
}

/** Options of {@link qualifyLead}. */
export interface QualifyLeadOptions {
  /** The "now": evidence ages against it, and it is recorded as `qualifiedAt` (a `Date` or epoch milliseconds). */
  readonly asOf: Instant;
  /** Who qualified the lead (user id or system). */
  readonly by: string;
  /** The lead's ICP fit, if one was checked. */
  readonly icpFit?: IcpFitSummary | undefined;
  /** The minimum ICP fit score (0–100) required, if any; `icpFit` is then required. */
  readonly minIcpFit?: number | undefined;
  /** Overrides the framework's stale age. */
  readonly staleAfterDays?: number | undefined;
}

/** Why {@link qualifyLead} did not make a prospect: the verdict, and the refusal with its reasons. */
export interface QualificationRefusal<K extends string = string> {
  /** The framework verdict (qualified or not). */
  readonly verdict: FrameworkVerdict<K>;
  /** Every reason the lead is not a prospect (`not_qualified`, `icp_fit_too_low`, `icp_fit_missing`), with paths. */
  readonly error: ValidationError;
}

/**
 * Evaluates a lead's assessment and, if the verdict qualifies it (and the ICP fit is high enough when
 * `minIcpFit` is set), makes it a `Prospect`. Otherwise returns the verdict, so the caller can show why and what to
 * ask next. The lead and the assessment are not mutated.
 *
 * @throws RangeError when `options.asOf` is not a valid instant, `options.staleAfterDays` is not greater than 0, or
 * `options.minIcpFit` is not a number from 0 to 100 (programmer errors).
 * @example
 * ```ts
 * declare const assessment: Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>;
 *
 * const icpFit = toIcpFitSummary(matchIcp(cloudStorageIcp, lead, { asOf }));
 * const result = qualifyLead(bantFramework, lead, assessment, { asOf, by: 'rep-7', icpFit, minIcpFit: 60 });
 * if (result.ok) console.log(result.value.qualification);      // result.value: Prospect<typeof lead>
 * else console.log(result.error.verdict.nextQuestions.map((next) => next.question)); // what to ask next
 * ```
 */
export function qualifyLead<K extends string, V extends RatingValue, L extends Lead>(
  framework: Framework<K, V>,
  lead: L,
  assessment: NoInfer<Assessment<K, V>>,
  options: QualifyLeadOptions,
): Result<Prospect<L>, QualificationRefusal<K>> {
  const verdict = evaluateAssessment(framework, assessment, { asOf: options.asOf, staleAfterDays: options.staleAfterDays });
  const result = toProspect(
    lead,
    {
      verdict: toQualificationVerdict(verdict),
      ...(options.icpFit === undefined ? {} : { icpFit: options.icpFit }),
      qualifiedAt: instantDate(options.asOf, 'asOf'),
      qualifiedBy: options.by,
    },
    options.minIcpFit === undefined ? {} : { minIcpFit: options.minIcpFit },
  );
  return result.ok ? result : err({ verdict, error: result.error });
}
