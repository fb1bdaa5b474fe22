/**
 * Internal: the activity (engagement) rules of a model, compiled together. One pass over a lead's activities: each
 * activity's age is computed once and only the rules counting its type look at it (a table from activity type to
 * rules), instead of one pass per rule. Each rule still sees its activities in order, so its sums are exactly those
 * of evaluating it on its own.
 */
import { compileActivityFilter, filtersOnlyByType, filterTypes, type ActivityPredicate } from '../conditions/activity-filter.ts';
import { MILLISECONDS_PER_DAY as DAY_MS } from '../internal/instant.ts';
import { ActivityType } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { compileDecay, halfLifePerMs } from './decay.ts';
import type { ActivityPointsRule } from './scoring-model-definition.ts';

const NO_DECAY = 0;
const HALF_LIFE = 1;
const OTHER_DECAY = 2;

/** Compiled activity rules: `evaluate` fills the per-rule arrays (rule `k` of the list at position `k`). */
export interface ActivityRules {
  /** Scores one lead's activities as of `asOfMs`. */
  readonly evaluate: (lead: Lead, asOfMs: number) => void;
  /** Points before decay and caps. */
  readonly raw: Float64Array;
  /** Points after decay, before caps. */
  readonly decayed: Float64Array;
  /** Points after decay and the rule's count and points caps. */
  readonly value: Float64Array;
  /** Activities counted. */
  readonly occurrences: Int32Array;
}

/** Compiles activity rules into one evaluator over a lead's activities. */
export function compileActivityRules(rules: readonly ActivityPointsRule[]): ActivityRules {
  const count = rules.length;
  const raw = new Float64Array(count);
  const decayed = new Float64Array(count);
  const value = new Float64Array(count);
  const occurrences = new Int32Array(count);
  const points = Float64Array.from(rules, (rule) => rule.points);
  const windows = Float64Array.from(rules, (rule) => (rule.decay?.kind === 'window' ? rule.decay.days * DAY_MS : Infinity));
  const decayKinds = Uint8Array.from(rules, (rule) => (rule.decay === undefined ? NO_DECAY : rule.decay.kind === 'halfLife' ? HALF_LIFE : OTHER_DECAY));
  const perMs = Float64Array.from(rules, (rule) => (rule.decay?.kind === 'halfLife' ? halfLifePerMs(rule.decay.days) : 0));
  const decays = rules.map((rule) => compileDecay(rule.decay));
  // Rules whose filter goes beyond the activity type test the activity itself.
  const filters: (ActivityPredicate | undefined)[] = rules.map(({ activity }) => (filtersOnlyByType(activity) ? undefined : compileActivityFilter(activity)));
  const maxCounts = Int32Array.from(rules, (rule) => rule.maxCount ?? 0);
  const maxPoints = Float64Array.from(rules, (rule) => rule.maxPoints ?? Infinity);
  // The `maxCount` largest decay factors seen so far, largest first; reused across leads.
  const kept = rules.map((rule) => new Float64Array(rule.maxCount ?? 0));
  const keptCounts = new Int32Array(count);
  // The rules each activity type concerns (a rule without types concerns every type); types no rule names, and types
  // outside the known list, look at the rules without types only.
  const byType = new Map<string, Int32Array>();
  const ruleTypes = rules.map(({ activity }) => filterTypes(activity));
  const anyType = Int32Array.from(ruleTypes.flatMap((listed, k) => (listed === undefined ? [k] : [])));
  for (const type of ActivityType.options) {
    const concerned = ruleTypes.flatMap((listed, k) => (listed === undefined || listed.includes(type) ? [k] : []));
    if (concerned.length > 0) byType.set(type, Int32Array.from(concerned));
  }
  const fallback = anyType.length > 0 ? anyType : undefined;

  const evaluate = (lead: Lead, asOfMs: number): void => {
    raw.fill(0);
    decayed.fill(0);
    occurrences.fill(0);
    keptCounts.fill(0);
    const activities = lead.activities;
    for (let a = 0; a < activities.length; a++) {
      const activity = activities[a] as Lead['activities'][number];
      // The age first: its memory read then overlaps the type lookup.
      const age = asOfMs - activity.at.getTime();
      const candidates = byType.get(activity.type) ?? fallback;
      if (candidates === undefined || age < 0) continue;
      for (let c = 0; c < candidates.length; c++) {
        const k = candidates[c] as number;
        if (age > (windows[k] as number)) continue;
        const filter = filters[k];
        if (filter !== undefined && !filter(activity)) continue;
        const kind = decayKinds[k];
        const factor =
          kind === NO_DECAY ? 1 : kind === HALF_LIFE ? 0.5 ** ((age > 0 ? age : 0) * (perMs[k] as number)) : (decays[k] as (ageMs: number) => number)(age);
        const rulePoints = points[k] as number;
        occurrences[k] = (occurrences[k] as number) + 1;
        raw[k] = (raw[k] as number) + rulePoints;
        decayed[k] = (decayed[k] as number) + rulePoints * factor;
        const maxCount = maxCounts[k] as number;
        if (maxCount > 0) {
          const buffer = kept[k] as Float64Array;
          let keptCount = keptCounts[k] as number;
          if (keptCount < maxCount) keptCounts[k] = ++keptCount;
          else if (factor <= (buffer[maxCount - 1] as number)) continue;
          let slot = keptCount - 1;
          while (slot > 0 && (buffer[slot - 1] as number) < factor) {
            buffer[slot] = buffer[slot - 1] as number;
            slot--;
          }
          buffer[slot] = factor;
        }
      }
    }
    for (let k = 0; k < count; k++) {
      let result = decayed[k] as number;
      const maxCount = maxCounts[k] as number;
      if (maxCount > 0 && (occurrences[k] as number) > maxCount) {
        const buffer = kept[k] as Float64Array;
        const keptCount = keptCounts[k] as number;
        result = 0;
        for (let slot = 0; slot < keptCount; slot++) result += (points[k] as number) * (buffer[slot] as number);
      }
      const limit = maxPoints[k] as number;
      if (result > limit) result = limit;
      else if (result < -limit) result = -limit;
      value[k] = result;
    }
  };
  return { evaluate, raw, decayed, value, occurrences };
}
