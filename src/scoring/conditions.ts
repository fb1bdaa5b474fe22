import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { fieldAccessor, type FieldValue } from './fields.ts';
import { matchUrlPattern } from './match-url.ts';
import type { ActivityMatch, ScoringCondition } from './model.ts';

/** A compiled condition: pure, allocation-free on the hot path. */
export type LeadPredicate = (lead: Lead, asOfMs: number) => boolean;

/** A compiled activity filter. */
export type ActivityPredicate = (activity: Activity) => boolean;

const DAY_MS = 86_400_000;

interface ActivityDetails {
  readonly url?: string;
  readonly pageKind?: string;
  readonly bounce?: string;
  readonly direction?: string;
  readonly campaign?: string;
}

/** Compiles an {@link ActivityMatch} into a predicate on one activity. */
export function compileActivityMatch(match: ActivityMatch): ActivityPredicate {
  const types = new Set<string>(typeof match.type === 'string' ? [match.type] : match.type);
  const pageKinds = match.pageKind === undefined ? undefined : new Set<string>(typeof match.pageKind === 'string' ? [match.pageKind] : match.pageKind);
  const { url, bounce, direction, campaign } = match;
  if (pageKinds === undefined && url === undefined && bounce === undefined && direction === undefined && campaign === undefined) {
    if (types.size === 1) {
      const only = [...types][0] as string;
      return (activity) => activity.type === only;
    }
    return (activity) => types.has(activity.type);
  }
  return (activity) => {
    if (!types.has(activity.type)) return false;
    const details = activity as ActivityDetails;
    if (pageKinds !== undefined && (details.pageKind === undefined || !pageKinds.has(details.pageKind))) return false;
    if (url !== undefined && (details.url === undefined || !matchUrlPattern(url, details.url))) return false;
    if (bounce !== undefined && details.bounce !== bounce) return false;
    if (direction !== undefined && details.direction !== direction) return false;
    if (campaign !== undefined && details.campaign !== campaign) return false;
    return true;
  };
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Case-insensitive text tests compile to regular expressions built from an escaped literal (never user regex
// syntax), which V8 runs without allocating a lower-cased copy of the text.
function textTest(pattern: RegExp): (value: FieldValue) => boolean {
  return (value) => {
    if (typeof value === 'string') return pattern.test(value);
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) if (pattern.test(item)) return true;
    }
    return false;
  };
}

/** Compiles the test of a field condition (`equals`, `in`, `min`/`max`, `exists`, `contains`…) into a predicate on the field's value. */
export function compileFieldTest(condition: ScoringCondition): (value: FieldValue) => boolean {
  if (condition.exists !== undefined) {
    const wanted = condition.exists;
    return (value) => (value !== undefined && value !== null) === wanted;
  }
  if (condition.equals !== undefined) {
    const wanted = condition.equals;
    return (value) => value === wanted || (Array.isArray(value) && (value as readonly unknown[]).includes(wanted));
  }
  if (condition.in !== undefined) {
    const list = condition.in;
    if (list.length <= 6) {
      // A few values: comparing in a loop beats hashing on the hot path.
      const count = list.length;
      const has = (item: unknown): boolean => {
        for (let index = 0; index < count; index++) if (list[index] === item) return true;
        return false;
      };
      return (value) => {
        if (Array.isArray(value)) {
          for (const item of value as readonly string[]) if (has(item)) return true;
          return false;
        }
        return value !== undefined && value !== null && has(value);
      };
    }
    const wanted = new Set<unknown>(list);
    return (value) => {
      if (Array.isArray(value)) {
        for (const item of value as readonly string[]) if (wanted.has(item)) return true;
        return false;
      }
      return value !== undefined && value !== null && wanted.has(value);
    };
  }
  if (condition.contains !== undefined) return textTest(new RegExp(escapeLiteral(condition.contains), 'i'));
  if (condition.startsWith !== undefined) return textTest(new RegExp(`^${escapeLiteral(condition.startsWith)}`, 'i'));
  if (condition.endsWith !== undefined) return textTest(new RegExp(`${escapeLiteral(condition.endsWith)}$`, 'i'));
  const min = condition.min ?? -Infinity;
  const max = condition.max ?? Infinity;
  return (value) => typeof value === 'number' && value >= min && value <= max;
}

/**
 * Compiles a validated {@link ScoringCondition} into a closure. A missing field never matches, except `exists: false`.
 *
 * @example
 * ```ts
 * const isVp = compileCondition({ field: 'contact.jobTitle', contains: 'vp' });
 * isVp(lead, asOf.getTime());
 * ```
 */
export function compileCondition(condition: ScoringCondition): LeadPredicate {
  if (condition.all !== undefined) {
    const parts = condition.all.map(compileCondition);
    if (parts.length === 2) {
      const [first, second] = parts as [LeadPredicate, LeadPredicate];
      return (lead, asOfMs) => first(lead, asOfMs) && second(lead, asOfMs);
    }
    return (lead, asOfMs) => parts.every((part) => part(lead, asOfMs));
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map(compileCondition);
    return (lead, asOfMs) => parts.some((part) => part(lead, asOfMs));
  }
  if (condition.not !== undefined) {
    const inner = compileCondition(condition.not);
    return (lead, asOfMs) => !inner(lead, asOfMs);
  }
  if (condition.activity !== undefined) {
    const matches = compileActivityMatch(condition.activity);
    const atLeast = condition.atLeast ?? 1;
    const windowMs = condition.withinDays === undefined ? Infinity : condition.withinDays * DAY_MS;
    return (lead, asOfMs) => {
      let count = 0;
      for (const activity of lead.activities) {
        const age = asOfMs - activity.at.getTime();
        if (age >= 0 && age <= windowMs && matches(activity) && ++count >= atLeast) return true;
      }
      return false;
    };
  }
  const read = fieldAccessor(condition.field ?? 'source');
  const test = compileFieldTest(condition);
  return (lead) => test(read(lead));
}
