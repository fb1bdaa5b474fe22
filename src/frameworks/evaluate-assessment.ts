/**
 * Evaluating an assessment against a framework: qualified or not, and why.
 *
 * @module
 */
import type { Assessment, CriterionRating } from './assessment.ts';
import type { Criterion, Framework } from './define-framework.ts';
import { findLevel, normalizeLevel, scaleRange, type RatingStatus, type RatingValue } from './scales.ts';
import { instantMs, MILLISECONDS_PER_DAY, type Instant } from '../internal/instant.ts';

/** Options of {@link evaluateAssessment}. */
export interface EvaluateAssessmentOptions {
  /** The "now" against which evidence ages: a `Date` or epoch milliseconds. */
  readonly asOf: Instant;
  /** Overrides the framework's `staleAfterDays` (a number of days greater than 0). */
  readonly staleAfterDays?: number | undefined;
  /** How many questions to suggest per criterion (default 1). */
  readonly questionsPerCriterion?: number | undefined;
  /** How many next questions at most (default 5). */
  readonly maxQuestions?: number | undefined;
}

/** How one criterion stands. */
export interface CriterionEvaluation<K extends string = string> {
  /** The criterion key. */
  readonly key: K;
  /** The criterion's label. */
  readonly label: string;
  /** `met`, `partial`, `not_met`, or `unknown` (unrated, rated `unknown`, or rated off the scale). */
  readonly status: RatingStatus;
  /** The rating given, if any. */
  readonly rating?: RatingValue | undefined;
  /** The label of the rating's level, if it is on the scale. */
  readonly ratingLabel?: string | undefined;
  /** Points earned on the scale (0 when unknown). */
  readonly points: number;
  /** Points of the scale's highest level. */
  readonly maxPoints: number;
  /** Position on the scale, 0–1 (0 when unknown). */
  readonly normalized: number;
  /** The criterion's weight. */
  readonly weight: number;
  /** Whether it is a hard gate. */
  readonly required: boolean;
  /** Whether its evidence is older than the stale age. */
  readonly stale: boolean;
  /** When it was assessed, if it was. */
  readonly assessedAt?: Date | undefined;
}

/** Why a question is suggested. In order of urgency: an unknown gate, a failed gate, an unknown criterion, a weak one, stale evidence. */
export type NextQuestionReason = 'gate_unknown' | 'gate_failed' | 'unknown' | 'weak' | 'stale';

/** A question to ask next. */
export interface NextQuestion<K extends string = string> {
  /** The criterion it helps rate. */
  readonly criterion: K;
  /** The question. */
  readonly question: string;
  /** Why it is suggested. */
  readonly reason: NextQuestionReason;
}

/** Evidence older than the stale age. */
export interface StaleEvidence<K extends string = string> {
  /** The criterion. */
  readonly criterion: K;
  /** When it was assessed. */
  readonly assessedAt: Date;
  /** Whole days between `assessedAt` and `asOf`. */
  readonly ageDays: number;
}

/** What every verdict says, qualified or not. */
export interface VerdictDetails<K extends string = string> {
  /** The framework's id. */
  readonly frameworkId: string;
  /** Normalized, weighted score 0–100 (unknown criteria earn 0). */
  readonly score: number;
  /** One sentence: the verdict and its main reason. */
  readonly summary: string;
  /** Every reason the rule gave, in words. */
  readonly reasons: readonly string[];
  /** Raw points earned, unweighted (MEDDIC on 0–2: out of 12). */
  readonly points: number;
  /** Raw points possible, unweighted. */
  readonly maxPoints: number;
  /** How many criteria are met. */
  readonly metCount: number;
  /** How many criteria the framework has. */
  readonly criteriaCount: number;
  /** Every criterion, in the framework's order. */
  readonly criteria: readonly CriterionEvaluation<K>[];
  /** Hard gates that were rated and not met. */
  readonly failedGates: readonly K[];
  /** Hard gates not rated yet. */
  readonly openGates: readonly K[];
  /** Criteria not rated yet (unknown), in the framework's order. */
  readonly missing: readonly K[];
  /** Rated criteria that are not met, weakest first (lowest position, then highest weight). */
  readonly weakest: readonly K[];
  /** What to ask next: unknown gates, failed gates, unknown criteria, weak criteria, then stale evidence. */
  readonly nextQuestions: readonly NextQuestion<K>[];
  /** Evidence older than the stale age. */
  readonly stale: readonly StaleEvidence<K>[];
}

/** A verdict that qualifies the lead: it can make a lead a prospect. */
export interface QualifyingVerdict<K extends string = string> extends VerdictDetails<K> {
  /** The rule was met. */
  readonly qualified: true;
}

/** A verdict that does not qualify the lead. */
export interface NonQualifyingVerdict<K extends string = string> extends VerdictDetails<K> {
  /** The rule was not met. */
  readonly qualified: false;
}

/**
 * The result of {@link evaluateAssessment}. It satisfies `QualificationVerdict` from `leadkit/models` (frameworkId,
 * qualified, score, summary); narrow on `qualified` to get a {@link QualifyingVerdict}.
 */
export type FrameworkVerdict<K extends string = string> = QualifyingVerdict<K> | NonQualifyingVerdict<K>;

function rated<V extends RatingValue>(assessment: Assessment<string, V>, key: string): CriterionRating<V> | undefined {
  // Own properties only: a criterion key is never looked up on the prototype.
  const criteria = assessment.criteria as Readonly<Record<string, CriterionRating<V> | undefined>>;
  return Object.hasOwn(criteria, key) ? criteria[key] : undefined;
}

function roundScore(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded < 0 ? 0 : rounded > 100 ? 100 : rounded;
}

function byWeightThenOrder<K extends string>(evaluations: readonly CriterionEvaluation<K>[], order: ReadonlyMap<string, number>) {
  return (a: K, b: K): number => {
    const left = evaluations[order.get(a) ?? 0];
    const right = evaluations[order.get(b) ?? 0];
    return (right?.weight ?? 0) - (left?.weight ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0);
  };
}

/**
 * Evaluates an assessment against a framework: qualified or not, the normalized score, each criterion's status,
 * failed and open hard gates, missing and weakest criteria, the next questions to ask and the stale evidence.
 * Unrated criteria are unknown, not failed: they earn no points and are listed in `missing`. Pure: the same
 * inputs always give the same verdict, and neither input is mutated.
 *
 * @throws RangeError when `options.asOf` is not a valid instant, or `options.staleAfterDays` is not a number of days
 * greater than 0 (programmer errors: an invalid `asOf` would otherwise make no evidence stale).
 * @example
 * ```ts
 * const verdict = evaluateAssessment(bantFramework, {
 *   frameworkId: 'bant',
 *   criteria: {
 *     budget: { rating: 'strong', evidence: 'Budget approved for Q3', assessedAt: new Date('2024-05-02T10:00:00Z') },
 *     authority: { rating: 'strong', assessedAt: new Date('2024-05-02T10:00:00Z') },
 *     need: { rating: 'strong', quote: 'We run out of storage every month', assessedAt: new Date('2024-05-02T10:00:00Z') },
 *   },
 * }, { asOf: new Date('2024-05-10T00:00:00Z') });
 * verdict.qualified;       // true: 3 of 4 met
 * verdict.nextQuestions;   // [{ criterion: 'timeline', question: 'What is your timeline for implementing a new system?', reason: 'unknown' }, …]
 * ```
 */
export function evaluateAssessment<K extends string, V extends RatingValue>(
  framework: Framework<K, V>,
  assessment: NoInfer<Assessment<K, V>>,
  options: EvaluateAssessmentOptions,
): FrameworkVerdict<K> {
  const asOfTime = instantMs(options.asOf, 'asOf');
  const staleAfterDays = options.staleAfterDays ?? framework.staleAfterDays;
  if (!(staleAfterDays > 0)) throw new RangeError(`staleAfterDays must be a number of days greater than 0, not ${String(staleAfterDays)}`);
  const staleAfterMs = staleAfterDays * MILLISECONDS_PER_DAY;
  const { highest } = scaleRange(framework.scale);
  const evaluations: CriterionEvaluation<K>[] = [];
  const stale: StaleEvidence<K>[] = [];
  const offScale: string[] = [];
  let weightedSum = 0;
  let totalWeight = 0;
  let points = 0;
  let metCount = 0;

  for (const criterion of framework.criteria) {
    totalWeight += criterion.weight;
    const rating = rated(assessment, criterion.key);
    const level = rating === undefined ? undefined : findLevel(framework.scale, rating.rating);
    if (rating !== undefined && level === undefined)
      offScale.push(`${criterion.label}: ${JSON.stringify(rating.rating)} is not on the ${framework.scale.name} scale`);
    const position = level === undefined ? undefined : normalizeLevel(framework.scale, level);
    const status: RatingStatus = level === undefined || position === undefined ? 'unknown' : level.status;
    const assessedAt = rating?.assessedAt;
    const isStale = status !== 'unknown' && assessedAt !== undefined && asOfTime - assessedAt.getTime() > staleAfterMs;
    if (isStale && assessedAt !== undefined)
      stale.push({ criterion: criterion.key, assessedAt, ageDays: Math.floor((asOfTime - assessedAt.getTime()) / MILLISECONDS_PER_DAY) });
    const earned = status === 'unknown' || level === undefined ? 0 : level.points;
    const normalized = position ?? 0;
    if (status === 'met') metCount += 1;
    points += earned;
    weightedSum += criterion.weight * normalized;
    evaluations.push({
      key: criterion.key,
      label: criterion.label,
      status,
      ...(rating === undefined ? {} : { rating: rating.rating }),
      ...(level === undefined ? {} : { ratingLabel: level.label }),
      points: earned,
      maxPoints: highest,
      normalized,
      weight: criterion.weight,
      required: criterion.required,
      stale: isStale,
      ...(assessedAt === undefined ? {} : { assessedAt }),
    });
  }

  const score = roundScore(totalWeight > 0 ? (100 * weightedSum) / totalWeight : 0);
  const order = new Map<string, number>(framework.criteria.map((criterion, index) => [criterion.key, index]));
  const failedGates = evaluations.filter((entry) => entry.required && entry.status !== 'met' && entry.status !== 'unknown').map((entry) => entry.key);
  const openGates = evaluations.filter((entry) => entry.required && entry.status === 'unknown').map((entry) => entry.key);
  const missing = evaluations.filter((entry) => entry.status === 'unknown').map((entry) => entry.key);
  const weakest = evaluations
    .filter((entry) => entry.status === 'partial' || entry.status === 'not_met')
    .sort((a, b) => a.normalized - b.normalized || b.weight - a.weight || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0))
    .map((entry) => entry.key);

  const reasons: string[] = [];
  const label = (key: K): string => framework.criteria[order.get(key) ?? 0]?.label ?? key;
  for (const key of failedGates) reasons.push(`hard gate ${label(key)} is not met`);
  for (const key of openGates) reasons.push(`hard gate ${label(key)} is not assessed yet`);
  const { minMet, minScore } = framework.rule;
  const neededMet = minMet ?? (minScore === undefined ? framework.criteria.length : undefined);
  const metEnough = neededMet === undefined || metCount >= neededMet;
  if (neededMet !== undefined) reasons.push(`${metCount} of ${framework.criteria.length} criteria met (${neededMet} needed)`);
  const scoreEnough = minScore === undefined || score >= minScore;
  if (minScore !== undefined) reasons.push(`score ${score} (${minScore} needed)`);
  reasons.push(...offScale);
  const qualified = failedGates.length === 0 && openGates.length === 0 && metEnough && scoreEnough;

  const nextQuestions = suggestQuestions(framework, evaluations, { failedGates, openGates, missing, weakest, stale, order }, options);
  const main = qualified
    ? `${metCount} of ${framework.criteria.length} criteria met, score ${score}/100`
    : (reasons.find((reason) => reason.startsWith('hard gate')) ??
      (!metEnough ? `${metCount} of ${framework.criteria.length} criteria met (${neededMet} needed)` : `score ${score}/100 is below ${minScore}`));
  const summary = `${qualified ? 'Qualified' : 'Not qualified'} by ${framework.name}: ${main}.`;
  const details: VerdictDetails<K> = {
    frameworkId: framework.id,
    score,
    summary,
    reasons,
    points,
    maxPoints: highest * framework.criteria.length,
    metCount,
    criteriaCount: framework.criteria.length,
    criteria: evaluations,
    failedGates,
    openGates,
    missing,
    weakest,
    nextQuestions,
    stale,
  };
  return qualified ? { qualified: true, ...details } : { qualified: false, ...details };
}

interface Groups<K extends string> {
  readonly failedGates: readonly K[];
  readonly openGates: readonly K[];
  readonly missing: readonly K[];
  readonly weakest: readonly K[];
  readonly stale: readonly StaleEvidence<K>[];
  readonly order: ReadonlyMap<string, number>;
}

function suggestQuestions<K extends string>(
  framework: Framework<K, RatingValue>,
  evaluations: readonly CriterionEvaluation<K>[],
  groups: Groups<K>,
  options: EvaluateAssessmentOptions,
): NextQuestion<K>[] {
  const perCriterion = Math.max(0, options.questionsPerCriterion ?? 1);
  const max = Math.max(0, options.maxQuestions ?? 5);
  const sortByWeight = byWeightThenOrder(evaluations, groups.order);
  const gates = new Set<K>([...groups.failedGates, ...groups.openGates]);
  const plan: [K, NextQuestionReason][] = [
    ...[...groups.openGates].sort(sortByWeight).map((key): [K, NextQuestionReason] => [key, 'gate_unknown']),
    ...[...groups.failedGates].sort(sortByWeight).map((key): [K, NextQuestionReason] => [key, 'gate_failed']),
    ...groups.missing
      .filter((key) => !gates.has(key))
      .sort(sortByWeight)
      .map((key): [K, NextQuestionReason] => [key, 'unknown']),
    ...groups.weakest.filter((key) => !gates.has(key)).map((key): [K, NextQuestionReason] => [key, 'weak']),
    ...groups.stale
      .filter((entry) => evaluations[groups.order.get(entry.criterion) ?? 0]?.status === 'met')
      .map((entry): [K, NextQuestionReason] => [entry.criterion, 'stale']),
  ];
  const questions: NextQuestion<K>[] = [];
  for (const [key, reason] of plan) {
    const criterion: Criterion<K> | undefined = framework.criteria[groups.order.get(key) ?? -1];
    if (criterion === undefined) continue;
    for (const question of criterion.questions.slice(0, perCriterion)) {
      if (questions.length >= max) return questions;
      questions.push({ criterion: key, question, reason });
    }
  }
  return questions;
}
