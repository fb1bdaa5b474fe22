import { compileConditionExplainer, describeCondition, type ConditionOutcome, type ObservedValue } from '../conditions/compile-condition.ts';
import { leadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { ValidationError } from '../errors.ts';
import { instantMs, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { icpFieldIssues } from './define-icp.ts';
import { DEFAULT_ICP_GRADE_THRESHOLDS, type Icp, type IcpCriterion, type IcpGradeThresholds } from './icp-definition.ts';

/** Whether a criterion's condition held for a lead: `unknown` when the lead lacks the data (never a miss). */
export type IcpCriterionStatus = ConditionOutcome;

/**
 * The lead's value a criterion looked at, as JSON-friendly data: text, a number, a list, an amount of money, or
 * `null` when it is missing; for a combination, one value per part.
 */
export type IcpLeadValue = ObservedValue;

/** A fit grade: A (best) to D, and F when the lead is disqualified (an anti-ICP match or a required miss). */
export type IcpGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/** Options of {@link matchIcp}, {@link rankIcps} and a compiled {@link IcpMatcher}. */
export interface MatchIcpOptions {
  /** The moment the match is made at (a `Date` or epoch milliseconds); intent windows count back from it. */
  readonly asOf: Instant;
}

/** How one criterion went for one lead, with the values compared and the points it gave. */
export interface IcpCriterionResult<K extends string = string> {
  /** The criterion key. */
  readonly key: K;
  /** The criterion's label (its key when it has none). */
  readonly label: string;
  /** The criterion's condition, as defined. */
  readonly when: IcpCriterion['when'];
  /** Whether the condition held: `unknown` when the lead lacks the data (never a miss). */
  readonly status: IcpCriterionStatus;
  /** The criterion's weight (an `exclude` criterion's weight is never scored). */
  readonly weight: number;
  /** A miss disqualifies. */
  readonly required: boolean;
  /** Anti-ICP: a match disqualifies. */
  readonly exclude: boolean;
  /** Whether this criterion made the lead disqualified (an exclusion matched, or a required criterion missed). */
  readonly disqualifies: boolean;
  /** Points this criterion adds to the score: a whole number; the points of all criteria add up to the score exactly. */
  readonly points: number;
  /** The lead's value that was looked at (`null` when missing). */
  readonly leadValue: IcpLeadValue;
  /** What the criterion expects, in words (`company.employeeCount between 50 and 200`). */
  readonly expected: string;
  /** One sentence saying what happened and why. */
  readonly reason: string;
}

/**
 * The fit of one lead to one ICP, fully explained.
 *
 * Scoring rule: the score is `100 × matched weight ÷ known weight`, rounded to a whole number, where the known weight
 * is the weight of the scoring criteria (not `exclude`) that matched or missed. Unknown criteria (missing data) are
 * left out of both sides, so missing data never lowers the score below what a miss would give, and
 * `unknownWeight` / `knownWeightShare` say how much of the profile could not be checked. When nothing could be
 * checked the score is 0. A disqualified lead (an exclusion matched, or a required criterion missed) gets grade F
 * and score 0; `scoreBeforeDisqualification` keeps what it would have scored.
 */
export interface IcpMatch<K extends string = string, L extends Lead = Lead> {
  /** Id of the ICP. */
  readonly icpId: string;
  /** The lead that was matched (the same object, not a copy). */
  readonly lead: L;
  /** The moment the match was made at. */
  readonly asOf: Date;
  /** Fit score, a whole number 0–100; 0 when disqualified. Equals the sum of the criteria's `points`. */
  readonly score: number;
  /** A–D by the ICP's grade thresholds; F when disqualified. */
  readonly grade: IcpGrade;
  /** Whether an exclusion matched or a required criterion missed. */
  readonly disqualified: boolean;
  /** The criteria that disqualified the lead (in definition order). */
  readonly disqualifiedBy: readonly K[];
  /** The score the lead would have had without the disqualification (equal to `score` when not disqualified). */
  readonly scoreBeforeDisqualification: number;
  /** Total weight of the scoring criteria (not `exclude`). */
  readonly totalWeight: number;
  /** Weight of the scoring criteria that matched. */
  readonly matchedWeight: number;
  /** Weight of the scoring criteria that missed. */
  readonly missedWeight: number;
  /** Weight of the scoring criteria whose data was missing: left out of the score. */
  readonly unknownWeight: number;
  /** Share (0–1) of the total weight that could be checked: `(matchedWeight + missedWeight) / totalWeight`. */
  readonly knownWeightShare: number;
  /** Keys of the scoring criteria that matched, in definition order. */
  readonly matched: readonly K[];
  /** Keys of the scoring criteria that missed, in definition order. */
  readonly missed: readonly K[];
  /** Keys of the scoring criteria whose data was missing, in definition order. */
  readonly unknown: readonly K[];
  /** Every criterion (scoring and `exclude`), in definition order. */
  readonly criteria: readonly IcpCriterionResult<K>[];
}

/** An ICP compiled once, matching many leads: `compileIcp(icp)(lead, { asOf })`. */
export type IcpMatcher<K extends string = string> = <L extends Lead>(lead: L, options: MatchIcpOptions) => IcpMatch<K, L>;

/** The grade of a score under thresholds (A ≥ `A`, B ≥ `B`, C ≥ `C`, else D); F is given for disqualification only. */
export function icpGrade(score: number, thresholds: IcpGradeThresholds = DEFAULT_ICP_GRADE_THRESHOLDS): Exclude<IcpGrade, 'F'> {
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  return 'D';
}

/**
 * Splits a whole-number score among the matched criteria in proportion to their weights (largest remainder,
 * ties to the earlier criterion), so the parts are whole numbers that add up to the score exactly.
 */
function allocatePoints(score: number, weights: readonly number[], knownWeight: number): number[] {
  if (score === 0) return weights.map(() => 0);
  const ideals = weights.map((weight) => (knownWeight > 0 ? (100 * weight) / knownWeight : 0));
  const points = ideals.map(Math.floor);
  let remaining = score - points.reduce((sum, value) => sum + value, 0);
  const order = ideals.map((ideal, index) => ({ index, remainder: ideal - Math.floor(ideal) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  // Floating point can leave the floors a unit away from the rounded total; walk the remainders until they agree.
  for (let step = 0; remaining !== 0 && order.length > 0 && step < 10 * order.length + 200; step++) {
    const entry = order[step % order.length];
    if (entry === undefined) break;
    const current = points[entry.index] ?? 0;
    if (remaining > 0 && weights[entry.index] !== 0) {
      points[entry.index] = current + 1;
      remaining--;
    } else if (remaining < 0 && current > 0) {
      points[entry.index] = current - 1;
      remaining++;
    }
  }
  return points;
}

function sentence(label: string, status: IcpCriterionStatus, observed: string, expected: string, exclude: boolean, disqualifies: boolean): string {
  const verdict = disqualifies ? (exclude ? 'disqualifies' : 'required, missed: disqualifies') : status;
  return `${label}: ${verdict}, ${observed}; ${exclude ? 'excluded' : 'expected'} ${expected}`;
}

/**
 * Compiles an ICP once into a matcher for many leads (the definition's value lists become sets, ranges numbers).
 * `matchIcp(icp, lead, options)` is `compileIcp(icp)(lead, options)`.
 *
 * @example
 * ```ts
 * const match = compileIcp(cloudStorageIcp);
 * const fits = leads.map((lead) => match(lead, { asOf }));
 * ```
 * @throws RangeError from the matcher when `asOf` is not a valid instant (a programmer error).
 * @throws ValidationError when `options.lead` is given and the ICP names a field that schema does not have.
 */
export function compileIcp<K extends string>(icp: Icp<K>, options: LeadSchemaOptions = {}): IcpMatcher<K> {
  if (options.lead !== undefined) {
    const problems = icpFieldIssues(icp, leadFieldCatalog(options.lead));
    if (problems.length > 0) throw new ValidationError('ICP definition', problems);
  }
  const thresholds = icp.grades ?? DEFAULT_ICP_GRADE_THRESHOLDS;
  const entries = (Object.keys(icp.criteria) as K[]).map((key) => {
    const criterion = icp.criteria[key];
    return {
      key,
      criterion,
      label: criterion.label ?? key,
      required: criterion.required === true,
      exclude: criterion.exclude === true,
      explain: compileConditionExplainer(criterion.when),
      expected: describeCondition(criterion.when),
    };
  });
  const totalWeight = entries.reduce((sum, entry) => (entry.exclude ? sum : sum + entry.criterion.weight), 0);

  return <L extends Lead>(lead: L, matchOptions: MatchIcpOptions): IcpMatch<K, L> => {
    const asOfMs = instantMs(matchOptions.asOf, 'asOf');
    const outcomes = entries.map((entry) => {
      const explained = entry.explain(lead, asOfMs);
      return { status: explained.outcome, leadValue: explained.value, observed: explained.observed };
    });
    let matchedWeight = 0;
    let missedWeight = 0;
    let unknownWeight = 0;
    const matched: K[] = [];
    const missed: K[] = [];
    const unknown: K[] = [];
    const disqualifiedBy: K[] = [];
    entries.forEach((entry, index) => {
      const status = outcomes[index]?.status;
      if (entry.exclude) {
        if (status === 'matched') disqualifiedBy.push(entry.key);
        return;
      }
      const weight = entry.criterion.weight;
      if (status === 'matched') {
        matchedWeight += weight;
        matched.push(entry.key);
      } else if (status === 'missed') {
        missedWeight += weight;
        missed.push(entry.key);
        if (entry.required) disqualifiedBy.push(entry.key);
      } else {
        unknownWeight += weight;
        unknown.push(entry.key);
      }
    });
    const knownWeight = matchedWeight + missedWeight;
    const scoreBeforeDisqualification = knownWeight > 0 ? Math.round((100 * matchedWeight) / knownWeight) : 0;
    const disqualified = disqualifiedBy.length > 0;
    const score = disqualified ? 0 : scoreBeforeDisqualification;
    const matchedIndices = entries.flatMap((entry, index) => (!entry.exclude && outcomes[index]?.status === 'matched' ? [index] : []));
    const allocated = allocatePoints(
      score,
      matchedIndices.map((index) => entries[index]?.criterion.weight ?? 0),
      knownWeight,
    );
    const points = new Map(matchedIndices.map((entryIndex, position) => [entryIndex, allocated[position] ?? 0]));
    const disqualifying = new Set<K>(disqualifiedBy);
    const criteria = entries.map((entry, index): IcpCriterionResult<K> => {
      const outcome = outcomes[index] ?? { status: 'unknown' as const, leadValue: null, observed: '' };
      const disqualifies = disqualifying.has(entry.key);
      return {
        key: entry.key,
        label: entry.label,
        when: entry.criterion.when,
        status: outcome.status,
        weight: entry.criterion.weight,
        required: entry.required,
        exclude: entry.exclude,
        disqualifies,
        points: points.get(index) ?? 0,
        leadValue: outcome.leadValue,
        expected: entry.expected,
        reason: sentence(entry.label, outcome.status, outcome.observed, entry.expected, entry.exclude, disqualifies),
      };
    });
    return {
      icpId: icp.id,
      lead,
      asOf: new Date(asOfMs),
      score,
      grade: disqualified ? 'F' : icpGrade(score, thresholds),
      disqualified,
      disqualifiedBy,
      scoreBeforeDisqualification,
      totalWeight,
      matchedWeight,
      missedWeight,
      unknownWeight,
      knownWeightShare: totalWeight > 0 ? knownWeight / totalWeight : 0,
      matched,
      missed,
      unknown,
      criteria,
    };
  };
}

/**
 * Matches one lead against an ICP: a fit score 0–100, a grade (A–D, F when disqualified) and, per criterion,
 * matched / missed / unknown with the lead's value, the expected value and the points it gave (they add up to the
 * score). See {@link IcpMatch} for the scoring rule. Pure: the lead is not mutated, and the same inputs always give
 * the same result.
 *
 * @example
 * ```ts
 * const fit = matchIcp(cloudStorageIcp, lead, { asOf: new Date('2025-06-30T00:00:00Z') });
 * fit.score;   // 83
 * fit.grade;   // 'A'
 * fit.missed;  // ['painPoint']
 * fit.criteria.map((criterion) => criterion.reason);
 * ```
 * @throws RangeError when `asOf` is not a valid instant (a programmer error).
 */
export function matchIcp<K extends string, L extends Lead>(icp: Icp<K>, lead: L, options: MatchIcpOptions): IcpMatch<K, L> {
  return compileIcp(icp)(lead, options);
}
