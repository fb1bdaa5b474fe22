import { compileConditionPredicates, type LeadPredicate } from '../conditions/compile-condition.ts';
import { leadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { ValidationError } from '../errors.ts';
import { instantMs, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { compileActivityRules } from './activity-rules.ts';
import { scoringModelFieldIssues } from './define-scoring-model.ts';
import { compileFieldRules, isFieldRule, wholePointsBound, type FieldRule } from './field-rules.ts';
import { axisGrade, scoreBand } from './grade.ts';
import { floorContribution, limitRange, type LimitScratch } from './caps.ts';
import type { ScoringModel, ActivityPointsRule, PointsRule, ScoringRule } from './scoring-model-definition.ts';
import type { LeadScore, ScoreContribution, ScoreDisqualification, ScoreOptions, ScoreOverride } from './types.ts';

/**
 * A compiled scoring model. Call it like any {@link Scorer} to get a full {@link LeadScore}; use `scoreValue` for
 * the number only (no allocation per lead), for ranking large lists. Both give the same number.
 */
export interface CompiledScorer<L extends Lead = Lead> {
  /** Scores one lead with every contribution, the band, the matrix cell and the grade. */
  (lead: L, options: ScoreOptions): LeadScore;
  /** The validated model it was compiled from. */
  readonly model: ScoringModel;
  /**
   * The score only: equal to `scorer(lead, { asOf }).score`, without building the explanation. The number-only fast
   * path takes `asOf` as a plain argument (a `Date` or epoch milliseconds).
   *
   * @throws RangeError when `asOf` is not a valid instant.
   */
  readonly scoreValue: (lead: L, asOf: Instant) => number;
  /**
   * Whether a disqualifier fires for the lead.
   *
   * @throws RangeError when `asOf` is not a valid instant.
   */
  readonly isDisqualified: (lead: L, asOf: Instant) => boolean;
}

/** A lead-level (fit) rule: no decay, returns its points directly. */
type FixedEvaluator = (lead: Lead, asOfMs: number) => number;

/** A point rule on a compound condition (`all`, `any`, `not`, `activity`): evaluated on the whole lead. */
function compileConditionRule(rule: PointsRule): FixedEvaluator {
  const holds = compileConditionPredicates(rule.when).holds;
  const points = rule.points;
  return (lead, asOfMs) => (holds(lead, asOfMs) ? points : 0);
}

function defaultGroup(rule: Exclude<ScoringRule, { kind: 'disqualify' }>): string {
  return rule.group ?? (rule.kind === 'activity' ? 'engagement' : 'fit');
}

/**
 * Compiles a validated scoring model (from `parseScoringModel` or `defineScoringModel`) once into closures (no
 * `eval`, no `new Function`) that score many leads. It does not validate the model again.
 *
 * Order of evaluation: each rule (decay, then its count and points caps) → group `cap`/`floor` (the group scores
 * reported as `fit`, `engagement`, `groups`) → group weights and `combine` → `normalize` → total `cap`/`floor`.
 * Points removed by a cap are taken from the positive contributions in proportion to their size (a floor gives
 * back points of the negative ones), so that the contributions still add up exactly to the score.
 *
 * @example
 * ```ts
 * const parsed = parseScoringModel(modelJson);
 * if (!parsed.ok) throw parsed.error;
 * const scorer = compileScoringModel(parsed.value);
 * const result = scorer(lead, { asOf: new Date('2024-06-01T00:00:00Z') });
 * result.score; result.grade; explainScore(result);
 * ```
 * @throws ValidationError when `options.lead` is given and the model names a field that schema does not have (the
 * model was validated against another schema: parse it with the same `lead` option).
 */
export function compileScoringModel<L extends Lead = Lead>(model: ScoringModel, options: LeadSchemaOptions = {}): CompiledScorer<L> {
  if (options.lead !== undefined) {
    const problems = scoringModelFieldIssues(model, leadFieldCatalog(options.lead));
    if (problems.length > 0) throw new ValidationError('scoring model', problems);
  }
  return buildScorer(model) as CompiledScorer<L>;
}

function buildScorer(model: ScoringModel): CompiledScorer {
  const scoringRules = model.rules.filter((rule): rule is Exclude<ScoringRule, { kind: 'disqualify' }> => rule.kind !== 'disqualify');
  const disqualifiers = model.rules
    .filter((rule): rule is Extract<ScoringRule, { kind: 'disqualify' }> => rule.kind === 'disqualify')
    .map((rule) => ({ id: rule.id, label: rule.label, holds: compileConditionPredicates(rule.when).holds }));
  const ruleCount = scoringRules.length;
  const isActivity = Uint8Array.from(scoringRules, (rule) => (rule.kind === 'activity' ? 1 : 0));
  // Rules on one field are evaluated together, field by field (see field-rules.ts); the others one by one.
  const fieldRules = compileFieldRules(
    scoringRules.flatMap((rule, index) => (rule.kind !== 'activity' && isFieldRule(rule) ? [{ index, rule: rule as FieldRule }] : [])),
  );
  const conditionIndices = Int32Array.from(scoringRules.flatMap((rule, index) => (rule.kind === 'points' && !isFieldRule(rule) ? [index] : [])));
  const conditionRules = Array.from(conditionIndices, (index) => compileConditionRule(scoringRules[index] as PointsRule));
  const activityIndices = Int32Array.from(scoringRules.flatMap((rule, index) => (rule.kind === 'activity' ? [index] : [])));
  const activity = compileActivityRules(Array.from(activityIndices, (index) => scoringRules[index] as ActivityPointsRule));
  // Position of each activity rule in `activity`'s arrays (-1 for lead-level rules).
  const activityPosition = new Int32Array(ruleCount).fill(-1);
  activityIndices.forEach((index, k) => (activityPosition[index] = k));

  const groupNames: string[] = [];
  for (const rule of scoringRules) if (!groupNames.includes(defaultGroup(rule))) groupNames.push(defaultGroup(rule));
  for (const name of Object.keys(model.groups ?? {})) if (!groupNames.includes(name)) groupNames.push(name);
  const groupOf = Int32Array.from(scoringRules, (rule) => groupNames.indexOf(defaultGroup(rule)));
  const groupMembers = groupNames.map((_, group) => Int32Array.from(scoringRules.flatMap((_rule, index) => (groupOf[index] === group ? [index] : []))));
  const groupSettings = groupNames.map((name) => (model.groups !== undefined && Object.hasOwn(model.groups, name) ? model.groups[name] : undefined));
  const groupWeights = Float64Array.from(groupSettings, (settings) => settings?.weight ?? 1);
  const limitedGroups = groupNames.flatMap((_, group) => (groupSettings[group]?.cap !== undefined || groupSettings[group]?.floor !== undefined ? [group] : []));
  const total = model.total ?? {};
  const combine = total.combine ?? 'sum';
  const weighted = groupWeights.some((weight) => weight !== 1);
  // A model with no group or total adjustments scores as the plain sum of its rules.
  const plain =
    limitedGroups.length === 0 && combine === 'sum' && !weighted && total.normalize === undefined && total.cap === undefined && total.floor === undefined;

  const values = new Float64Array(ruleCount);
  const baseValues = new Float64Array(ruleCount);
  const capped = new Float64Array(ruleCount);
  const weights = new Float64Array(ruleCount);
  const groupScores = new Float64Array(groupNames.length);
  const scratch: LimitScratch = { originals: new Float64Array(ruleCount) };
  // Points added by a positive total floor (a typed array: a double in a closure variable is boxed on each write).
  const lift = new Float64Array(1);

  const scale = (index: number, factor: number): void => {
    values[index] = (values[index] as number) * factor;
    capped[index] = (capped[index] as number) * factor;
    weights[index] = (weights[index] as number) * factor;
  };

  // Runs every rule and the group/total arithmetic into the scratch buffers; returns the score.
  const run = (lead: Lead, asOfMs: number): number => {
    fieldRules(lead, asOfMs, values);
    for (let k = 0; k < conditionIndices.length; k++) values[conditionIndices[k] as number] = (conditionRules[k] as FixedEvaluator)(lead, asOfMs);
    if (activityIndices.length > 0) {
      activity.evaluate(lead, asOfMs);
      for (let k = 0; k < activityIndices.length; k++) values[activityIndices[k] as number] = activity.value[k] as number;
    }
    if (plain) {
      let score = 0;
      for (let index = 0; index < ruleCount; index++) score += values[index] as number;
      return score;
    }
    for (let index = 0; index < ruleCount; index++) {
      if (isActivity[index] === 0) {
        baseValues[index] = values[index] as number;
        capped[index] = 0;
      } else {
        const k = activityPosition[index] as number;
        capped[index] = (activity.decayed[k] as number) - (activity.value[k] as number);
      }
      weights[index] = 1;
    }
    for (const group of limitedGroups) {
      const settings = groupSettings[group];
      limitRange(values, capped, groupMembers[group], settings?.floor, settings?.cap, scratch);
    }
    for (let group = 0; group < groupNames.length; group++) {
      let sum = 0;
      const members = groupMembers[group] as Int32Array;
      for (let k = 0; k < members.length; k++) sum += values[members[k] as number] as number;
      groupScores[group] = sum;
    }
    if (combine === 'sum') {
      if (weighted) for (let index = 0; index < ruleCount; index++) scale(index, groupWeights[groupOf[index] as number] as number);
    } else {
      let chosen = -1;
      let best = 0;
      for (let group = 0; group < groupNames.length; group++) {
        if ((groupMembers[group] as Int32Array).length === 0) continue;
        const candidate = (groupScores[group] as number) * (groupWeights[group] as number);
        if (chosen < 0 || (combine === 'max' ? candidate > best : candidate < best)) {
          chosen = group;
          best = candidate;
        }
      }
      for (let index = 0; index < ruleCount; index++) scale(index, groupOf[index] === chosen ? (groupWeights[chosen] as number) : 0);
    }
    if (total.normalize !== undefined) {
      const factor = 100 / total.normalize.max;
      for (let index = 0; index < ruleCount; index++) scale(index, factor);
      limitRange(values, capped, undefined, 0, 100, scratch);
    }
    lift[0] = total.cap !== undefined || total.floor !== undefined ? limitRange(values, capped, undefined, total.floor, total.cap, scratch) : 0;
    let score = 0;
    for (let index = 0; index < ruleCount; index++) score += values[index] as number;
    // A positive floor the rules cannot reach: the missing points come last, as the `@floor` contribution.
    return lift[0] === 0 ? score : score + (lift[0] as number);
  };

  // The number alone, without filling the per-rule buffers: when the lead-level rules all give whole points whose
  // magnitudes add up to at most 2^53 and come before every activity rule, their sum is exact in any order, so it
  // equals the left-to-right sum of `run`; the activity rules are then added in rule order, as there.
  const firstActivity = activityIndices.length === 0 ? ruleCount : (activityIndices[0] as number);
  const wholeFixedPoints =
    scoringRules.every((rule, index) => rule.kind === 'activity' || index < firstActivity) &&
    scoringRules.reduce((bound, rule) => (rule.kind === 'activity' ? bound : bound + wholePointsBound(rule)), 0) <= 2 ** 53;
  const scoreOnly = (lead: Lead, asOfMs: number): number => {
    let score = fieldRules(lead, asOfMs, undefined);
    for (let k = 0; k < conditionRules.length; k++) score += (conditionRules[k] as FixedEvaluator)(lead, asOfMs);
    if (activityIndices.length > 0) {
      activity.evaluate(lead, asOfMs);
      for (let k = 0; k < activityIndices.length; k++) score += activity.value[k] as number;
    }
    return score;
  };
  const fast = plain && wholeFixedPoints;

  const scoreValue = (lead: Lead, asOf: Instant): number => (fast ? scoreOnly(lead, instantMs(asOf, 'asOf')) : run(lead, instantMs(asOf, 'asOf')));
  const isDisqualified = (lead: Lead, asOf: Instant): boolean => {
    const asOfMs = instantMs(asOf, 'asOf');
    for (const gate of disqualifiers) if (gate.holds(lead, asOfMs)) return true;
    return false;
  };

  const grading = model.grading;
  const overrides = (grading?.overrides ?? []).map((override) => ({ ...override, holds: compileConditionPredicates(override.when).holds as LeadPredicate }));
  const salesReadyBands = new Set((grading?.bands?.thresholds ?? []).filter((threshold) => threshold.salesReady === true).map((threshold) => threshold.band));
  const salesReadyCells = new Set(grading?.matrix?.salesReady ?? []);
  const fitGroup = groupNames.indexOf('fit');
  const engagementGroup = groupNames.indexOf('engagement');

  const ruleIds = scoringRules.map((rule) => rule.id);
  const ruleLabels = scoringRules.map((rule) => rule.label);
  const ruleGroups = Array.from(groupOf, (group) => groupNames[group] as string);
  // The prototype of every result's `groups`: empty, itself without a prototype, so a group named `__proto__` or
  // `constructor` is an ordinary own key and nothing is inherited; unlike `Object.create(null)` per result, objects
  // made from one shared prototype keep V8's fast properties.
  const groupsPrototype = Object.freeze(Object.create(null) as object);

  const scorer = (lead: Lead, options: ScoreOptions): LeadScore => {
    const asOfMs = instantMs(options.asOf, 'asOf');
    const score = run(lead, asOfMs);
    const contributions: ScoreContribution[] = [];
    // A plain model's group scores: each group's points in rule order (a model with adjustments has them from `run`).
    if (plain) groupScores.fill(0);
    for (let index = 0; index < ruleCount; index++) {
      const points = values[index] as number;
      if (plain) groupScores[groupOf[index] as number] = (groupScores[groupOf[index] as number] as number) + points;
      const fixed = isActivity[index] === 0;
      const k = activityPosition[index] as number;
      // Lead-level rules have no decay: their raw points are their points before group and total adjustments.
      const base = fixed ? (plain ? points : (baseValues[index] as number)) : 0;
      const raw = fixed ? base : (activity.raw[k] as number);
      const decayed = fixed ? base : (activity.decayed[k] as number);
      if (raw === 0 && decayed === 0 && points === 0) continue;
      if (fixed && plain && (points | 0) === points) {
        // Whole points of a lead-level rule (the common case): passed on as small integers, which V8 stores in the
        // object itself, where a computed double would cost one more allocation per field. Same values.
        const whole = points | 0;
        contributions.push({
          ruleId: ruleIds[index] as string,
          label: ruleLabels[index] as string,
          group: ruleGroups[index] as string,
          rawPoints: whole,
          decayFactor: 1,
          decayedPoints: whole,
          weight: 1,
          cappedPoints: 0,
          points: whole,
          occurrences: 1,
        });
        continue;
      }
      contributions.push({
        ruleId: ruleIds[index] as string,
        label: ruleLabels[index] as string,
        group: ruleGroups[index] as string,
        rawPoints: raw,
        decayFactor: raw === 0 ? 1 : decayed / raw,
        decayedPoints: decayed,
        weight: plain ? 1 : (weights[index] as number),
        cappedPoints: plain ? (fixed ? 0 : decayed - (activity.value[k] as number)) : (capped[index] as number),
        points,
        occurrences: fixed ? 1 : (activity.occurrences[k] as number),
      });
    }
    if (!plain && (lift[0] as number) !== 0) contributions.push(floorContribution(lift[0] as number));
    const groups = Object.create(groupsPrototype) as Record<string, number>;
    for (let group = 0; group < groupNames.length; group++) groups[groupNames[group] as string] = groupScores[group] as number;
    const disqualifications: ScoreDisqualification[] = [];
    for (const gate of disqualifiers) if (gate.holds(lead, asOfMs)) disqualifications.push({ ruleId: gate.id, label: gate.label });
    const fired: ScoreOverride[] = [];
    for (const override of overrides) if (override.holds(lead, asOfMs)) fired.push({ ruleId: override.id, label: override.label, band: override.band });
    const fit = fitGroup < 0 ? 0 : (groups['fit'] as number);
    const engagement = engagementGroup < 0 ? 0 : (groups['engagement'] as number);
    const bands = grading?.bands;
    let band =
      bands === undefined
        ? undefined
        : scoreBand(bands.thresholds, bands.otherwise, score, { previousBand: options.previousBand, hysteresis: bands.hysteresis });
    for (const override of fired) {
      if (override.band !== undefined) {
        band = override.band;
        break;
      }
    }
    const matrix = grading?.matrix;
    const matrixCell =
      matrix === undefined ? undefined : axisGrade(matrix.fit, matrix.fitOtherwise, fit) + axisGrade(matrix.engagement, matrix.engagementOtherwise, engagement);
    const disqualified = disqualifications.length > 0;
    const salesReady =
      !disqualified && (fired.length > 0 || (band !== undefined && salesReadyBands.has(band)) || (matrixCell !== undefined && salesReadyCells.has(matrixCell)));
    return {
      score,
      contributions,
      disqualifications,
      fit,
      engagement,
      groups,
      band,
      matrixCell,
      grade: disqualified ? 'F' : (matrixCell ?? band),
      salesReady,
      overrides: fired,
      disqualified,
    };
  };
  return Object.assign(scorer, { model, scoreValue, isDisqualified });
}
