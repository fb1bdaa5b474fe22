import * as z from 'zod/v4';
import { ValidationError, issue, type ValidationIssue } from '../errors.ts';
import { err, ok, type Result } from '../result.ts';
import { DateTime } from './codecs.ts';
import type { Lead } from './lead.ts';
import { Id, LongText, ShortText } from './text.ts';

/**
 * The verdict of a qualification framework, as a prospect records it. `leadkit/frameworks`' `evaluateAssessment` returns a
 * richer value that satisfies this shape.
 */
export const QualificationVerdict = z.object({
  /** Id of the framework used (`bant`, `meddic`). */
  frameworkId: Id,
  /** Whether the framework's qualification rule was met. */
  qualified: z.boolean(),
  /** Normalised framework score, 0–100. */
  score: z.number().min(0).max(100),
  /** Why, in a few words. */
  summary: LongText.optional(),
});
/** The verdict of a qualification framework. */
export type QualificationVerdict = z.output<typeof QualificationVerdict>;

/** How well the lead fitted an ICP when it was qualified. */
export const IcpFitSummary = z.object({
  /** Id of the ICP. */
  icpId: Id,
  /** Fit score 0–100. */
  score: z.number().min(0).max(100),
  /** Fit grade (A–D, F for disqualified). */
  grade: z.enum(['A', 'B', 'C', 'D', 'F']),
});
/** How well the lead fitted an ICP. */
export type IcpFitSummary = z.output<typeof IcpFitSummary>;

/** The evidence that made a lead a prospect: the framework verdict, the ICP fit, when and by whom. */
export const Qualification = z.object({
  /** The framework verdict; must be `qualified: true`. */
  verdict: QualificationVerdict,
  /** The ICP fit at qualification time, if one was checked. */
  icpFit: IcpFitSummary.optional(),
  /** When the lead was qualified. */
  qualifiedAt: DateTime,
  /** Who qualified it (user id or system). */
  qualifiedBy: ShortText,
});
/** The evidence that made a lead a prospect. */
export type Qualification = z.output<typeof Qualification>;

declare const prospectBrand: unique symbol;

/**
 * A qualified lead. It can only be obtained from {@link toProspect} (or `parseProspect`), which checks the
 * qualification: a plain `Lead`, or a lead with a `qualification` field added by hand, is not a `Prospect`.
 */
export type Prospect<L extends Lead = Lead> = L & {
  /** The evidence that made the lead a prospect. */
  readonly qualification: Qualification;
  /** Type-level brand: proves the value came from a checking constructor. */
  readonly [prospectBrand]: true;
};

/** Options of {@link toProspect}. */
export interface ToProspectOptions {
  /** The minimum ICP fit score (0–100) required, if any. When set, `qualification.icpFit` is required. */
  readonly minIcpFit?: number;
}

/**
 * Makes a lead a prospect when the qualification says it is one: the framework verdict is `qualified`, and,
 * when `minIcpFit` is set, the ICP fit reaches it (a disqualified fit, grade F, never does). Scores must be numbers
 * from 0 to 100 and `qualifiedAt` a valid date, so every prospect it makes can be stored (`prospectToJson`). The lead
 * is not mutated.
 *
 * @throws RangeError when `options.minIcpFit` is not a number from 0 to 100 (a programmer error: `NaN` would let
 * every fit through).
 * @example
 * ```ts
 * declare function sendToSales(prospect: Prospect): void; // yours
 *
 * const result = toProspect(lead, {
 *   verdict: { frameworkId: 'bant', qualified: true, score: 75 },
 *   icpFit: { icpId: 'mid-market-saas', score: 82, grade: 'A' },
 *   qualifiedAt: new Date('2024-06-01T10:00:00Z'),
 *   qualifiedBy: 'rep-7',
 * }, { minIcpFit: 60 });
 * if (result.ok) sendToSales(result.value); // result.value: Prospect<typeof lead>
 * ```
 */
export function toProspect<L extends Lead>(lead: L, qualification: Qualification, options: ToProspectOptions = {}): Result<Prospect<L>, ValidationError> {
  const problems = qualificationIssues(qualification, options.minIcpFit);
  if (problems.length > 0) return err(new ValidationError('prospect', problems));
  return ok(withQualification(lead, qualification) as Prospect<L>);
}

const noIssues: readonly ValidationIssue[] = Object.freeze([]);

function isScore(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 100;
}

/**
 * Every reason a qualification cannot make a prospect (internal: the rules of {@link toProspect}, shared with the
 * funnel's qualifying transition): a verdict that did not qualify, a score that is not a number from 0 to 100 (`NaN`
 * compares false with every minimum, and the stored form refuses it), an ICP fit missing or below `minIcpFit`, an
 * invalid `qualifiedAt`. Allocates nothing when there is none (the funnel's qualifying transition runs it).
 *
 * @throws RangeError when `minIcpFit` is given and is not a number from 0 to 100.
 */
export function qualificationIssues(qualification: Qualification, minIcpFit?: number): readonly ValidationIssue[] {
  if (minIcpFit !== undefined && !isScore(minIcpFit)) throw new RangeError(`minIcpFit must be a number from 0 to 100, not ${String(minIcpFit)}`);
  const verdict = qualification.verdict;
  const fit = qualification.icpFit;
  const qualifiedAt = qualification.qualifiedAt;
  const fitHolds =
    fit === undefined ? minIcpFit === undefined : isScore(fit.score) && (minIcpFit === undefined || (fit.grade !== 'F' && fit.score >= minIcpFit));
  if (verdict.qualified && isScore(verdict.score) && fitHolds && qualifiedAt instanceof Date && !Number.isNaN(qualifiedAt.getTime())) return noIssues;
  const problems: ValidationIssue[] = [];
  const at = (path: readonly (string | number)[]): (string | number)[] => ['qualification', ...path];
  if (!verdict.qualified) problems.push(issue(at(['verdict', 'qualified']), `the ${verdict.frameworkId} verdict did not qualify the lead`, 'not_qualified'));
  if (!isScore(verdict.score)) problems.push(issue(at(['verdict', 'score']), `must be a number from 0 to 100, not ${String(verdict.score)}`, 'invalid_score'));
  if (fit !== undefined && !isScore(fit.score))
    problems.push(issue(at(['icpFit', 'score']), `must be a number from 0 to 100, not ${String(fit.score)}`, 'invalid_score'));
  else if (minIcpFit !== undefined) {
    if (fit === undefined) problems.push(issue(at(['icpFit']), `an ICP fit of at least ${minIcpFit} is required, but none was given`, 'icp_fit_missing'));
    else if (fit.grade === 'F') problems.push(issue(at(['icpFit', 'score']), `the lead is disqualified by ICP ${fit.icpId}`, 'icp_fit_too_low'));
    else if (fit.score < minIcpFit) problems.push(issue(at(['icpFit', 'score']), `ICP fit ${fit.score} is below the required ${minIcpFit}`, 'icp_fit_too_low'));
  }
  if (!(qualifiedAt instanceof Date) || Number.isNaN(qualifiedAt.getTime())) problems.push(issue(at(['qualifiedAt']), 'is not a valid date', 'invalid_date'));
  return problems;
}

/** Spread first by {@link withQualification}; never written to. */
const noFields: object = {};

/**
 * A shallow copy of `record` with `qualification` added last (internal: the unchecked step of {@link toProspect},
 * shared with the funnel's qualifying transition, which has already checked the verdict). On V8 (Node 20),
 * `{ ...record, qualification }` and adding a property to a plain clone both leave the fast clone path (about 0.6 µs,
 * and every later copy of the record is slower); spreading into a literal that starts from an empty spread builds the
 * copy with ordinary map transitions instead (same key order, same data properties).
 */
export function withQualification<R extends object>(record: R, qualification: Qualification): R & { qualification: Qualification } {
  const copy = { ...noFields, ...record } as R & { qualification: Qualification };
  copy.qualification = qualification;
  return copy;
}

/**
 * Whether a lead carries a qualifying {@link Qualification}, for narrowing values of unknown origin
 * (prefer {@link toProspect}, which explains a refusal).
 */
export function isProspect<L extends Lead>(lead: L): lead is Prospect<L> {
  const qualification = (lead as { qualification?: Partial<Qualification> }).qualification;
  return (
    typeof qualification === 'object' &&
    qualification !== null &&
    qualification.verdict?.qualified === true &&
    qualification.qualifiedAt instanceof Date &&
    !Number.isNaN(qualification.qualifiedAt.getTime()) &&
    typeof qualification.qualifiedBy === 'string'
  );
}
