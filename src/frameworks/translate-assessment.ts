/**
 * Evidence captured once, used everywhere: translating an assessment from one framework to another through the
 * shared concepts its criteria map to.
 *
 * @module
 */
import type { Assessment, CriterionRating } from './assessment.ts';
import type { Framework } from './define-framework.ts';
import { findLevel, normalizeLevel, type RatingScale, type RatingValue, type ScaleLevel } from './scales.ts';

/** How one target criterion is filled: from which source criterion, and why. */
export interface CriterionMapping<FK extends string = string, TK extends string = string> {
  /** The source framework's criterion. */
  readonly from: FK;
  /** The target framework's criterion. */
  readonly to: TK;
  /** `concept` when both criteria share a concept, `override` when the caller's mapping said so. */
  readonly via: 'concept' | 'override';
  /** The shared concept, when mapped by concept. */
  readonly concept?: string | undefined;
}

/** Options of {@link translateAssessment} and {@link translationMapping}. */
export interface TranslateAssessmentOptions<FK extends string = string, TK extends string = string> {
  /** Overrides, by target criterion: the source criterion to use, or `null` to leave the target unfilled. */
  readonly mapping?: { readonly [P in TK]?: FK | null } | undefined;
}

/** A criterion that was mapped and carried over. */
export interface CarriedRating<FK extends string = string, TK extends string = string> extends CriterionMapping<FK, TK> {
  /** The rating in the source framework. */
  readonly fromRating: RatingValue;
  /** The rating it became on the target's scale (never higher than the source's position on its scale). */
  readonly toRating: RatingValue;
}

/** The result of {@link translateAssessment}. */
export interface TranslatedAssessment<TK extends string = string, TV extends RatingValue = RatingValue, FK extends string = string> {
  /** The pre-filled assessment for the target framework; each rating records where it came from in `derivedFrom`. */
  readonly assessment: Assessment<TK, TV>;
  /** Every criterion carried over, with the ratings before and after. */
  readonly carried: readonly CarriedRating<FK, TK>[];
  /** Target criteria left unknown (no mapping, or the source criterion was not rated). */
  readonly unfilled: readonly TK[];
}

/**
 * The mapping {@link translateAssessment} uses: for each target criterion, the source criteria that can fill it,
 * by shared concept (in the source's order) or by override. Shows the mapping before any assessment exists.
 *
 * @example
 * ```ts
 * translationMapping(bantFramework, meddicFramework);
 * // [{ from: 'authority', to: 'economicBuyer', via: 'concept', concept: 'authority' }, { from: 'need', to: 'identifyPain', … }]
 * ```
 */
export function translationMapping<FK extends string, TK extends string>(
  from: Framework<FK, RatingValue>,
  to: Framework<TK, RatingValue>,
  options: TranslateAssessmentOptions<NoInfer<FK>, NoInfer<TK>> = {},
): CriterionMapping<FK, TK>[] {
  const overrides = options.mapping ?? {};
  const mappings: CriterionMapping<FK, TK>[] = [];
  for (const target of to.criteria) {
    if (Object.hasOwn(overrides, target.key)) {
      const source = (overrides as Record<string, FK | null | undefined>)[target.key];
      if (source !== null && source !== undefined && from.criteria.some((criterion) => criterion.key === source))
        mappings.push({ from: source, to: target.key, via: 'override' });
      continue;
    }
    if (target.concept === undefined) continue;
    for (const source of from.criteria)
      if (source.concept === target.concept) mappings.push({ from: source.key, to: target.key, via: 'concept', concept: target.concept });
  }
  return mappings;
}

/** The highest target level whose position does not exceed the source's: a translation never overstates evidence. */
function convert<TV extends RatingValue>(scale: RatingScale<TV>, position: number): ScaleLevel<TV> | undefined {
  let best: ScaleLevel<TV> | undefined;
  let bestPosition = Number.NEGATIVE_INFINITY;
  for (const level of scale.levels) {
    const candidate = normalizeLevel(scale, level);
    if (candidate === undefined || candidate > position + 1e-9) continue;
    if (candidate > bestPosition) {
      best = level;
      bestPosition = candidate;
    }
  }
  return best;
}

/**
 * Pre-fills an assessment for another framework from the evidence already captured: a BANT assessment fills
 * MEDDIC's economic buyer and pain, GPCTBA/C&I's budget, authority, challenges and timeline. Criteria are matched by
 * shared concept (or by `options.mapping`); ratings move by their position on the scale, rounded down, so a
 * translation never claims more than the source; evidence, quote, source, confidence, date and rater are copied
 * as they are and `derivedFrom` records the origin. Nothing is invented: target criteria without a rated source stay
 * unknown. The input is not mutated.
 *
 * @example
 * ```ts
 * declare const bantAssessment: Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'>;
 *
 * const { assessment, carried, unfilled } = translateAssessment(bantFramework, meddicFramework, bantAssessment);
 * const verdict = evaluateAssessment(meddicFramework, assessment, { asOf }); // then ask about `unfilled`
 * ```
 */
export function translateAssessment<FK extends string, FV extends RatingValue, TK extends string, TV extends RatingValue>(
  from: Framework<FK, FV>,
  to: Framework<TK, TV>,
  assessment: NoInfer<Assessment<FK, FV>>,
  options: TranslateAssessmentOptions<NoInfer<FK>, NoInfer<TK>> = {},
): TranslatedAssessment<TK, TV, FK> {
  const sourceRatings = assessment.criteria as Readonly<Record<string, CriterionRating<FV> | undefined>>;
  const criteria: Record<string, CriterionRating<TV>> = {};
  const carried: CarriedRating<FK, TK>[] = [];
  const filled = new Set<string>();
  for (const mapping of translationMapping(from, to, options)) {
    if (filled.has(mapping.to)) continue;
    const rating = Object.hasOwn(sourceRatings, mapping.from) ? sourceRatings[mapping.from] : undefined;
    if (rating === undefined) continue;
    const sourceLevel = findLevel(from.scale, rating.rating);
    const position = sourceLevel === undefined ? undefined : normalizeLevel(from.scale, sourceLevel);
    if (position === undefined) continue;
    const targetLevel = convert(to.scale, position);
    if (targetLevel === undefined) continue;
    const translated: CriterionRating<TV> = {
      ...rating,
      rating: targetLevel.value,
      derivedFrom: { frameworkId: from.id, criterion: mapping.from, rating: rating.rating },
    };
    Object.defineProperty(criteria, mapping.to, { value: translated, enumerable: true, writable: true, configurable: true });
    filled.add(mapping.to);
    carried.push({ ...mapping, fromRating: rating.rating, toRating: targetLevel.value });
  }
  return {
    assessment: {
      frameworkId: to.id,
      ...(assessment.leadId === undefined ? {} : { leadId: assessment.leadId }),
      criteria: criteria as Assessment<TK, TV>['criteria'],
    },
    carried,
    unfilled: to.criteria.filter((criterion) => !filled.has(criterion.key)).map((criterion) => criterion.key),
  };
}
