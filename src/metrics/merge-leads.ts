import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';

/**
 * Which value wins when both leads have one:
 * - `fill_empty` (default): the first lead's; the second only fills fields the first lacks;
 * - `prefer_second`: the second lead's (say a fresh enrichment);
 * - `prefer_newest`: the lead updated most recently (`updatedAt`, else `createdAt`; the first on a tie). An invalid
 *   date counts as absent: an invalid `updatedAt` gives way to `createdAt`, and a lead with a valid date is newer than
 *   one with none (the first when neither has one).
 */
export type MergeFieldPolicy = 'fill_empty' | 'prefer_second' | 'prefer_newest';

/** How {@link mergeLeads} merges. */
export interface MergePolicy {
  /** Which value wins when both have one (default `fill_empty`). */
  readonly fields?: MergeFieldPolicy;
}

/** Where a merged value came from: the first lead, the second, or both (unions, such as activities). */
export type MergeSource = 'first' | 'second' | 'both';

/** The result of {@link mergeLeads}. */
export interface MergedLead<L extends Lead> {
  /** The merged lead. It keeps the first lead's id. */
  readonly lead: L;
  /** The ids merged, first then second (store them to redirect references to the second). */
  readonly mergedIds: readonly [string, string];
  /**
   * Where each field came from, by path (`contact.email`, `company.industry`, `createdAt`, `activities`). `stage`
   * and `stageHistory` name the record the stage and its history were taken from, together; `createdAt` may name
   * the other one (it is the earliest valid one of both).
   */
  readonly sources: Readonly<Record<string, MergeSource>>;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A text that two values share exactly when they hold the same content: object keys in sorted order (key order does
 * not matter), properties whose value is `undefined` left out, dates by their time, strings quoted.
 */
function canonical(value: unknown): string {
  if (value instanceof Date) return `D${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(',')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return String(value);
}

/** Oldest first; an invalid date sorts last (a comparator returning NaN would leave the order undefined). */
function byTime(a: Activity, b: Activity): number {
  const aMs = a.at.getTime();
  const bMs = b.at.getTime();
  const aInvalid = aMs !== aMs;
  const bInvalid = bMs !== bMs;
  if (aInvalid || bInvalid) return aInvalid === bInvalid ? 0 : aInvalid ? 1 : -1;
  return aMs - bMs;
}

/**
 * Every activity of the first list, and those of the second that do not match a not-yet-matched activity of the
 * first (same content whatever the key order, dates by time): a multiset union, so identical activities within one
 * list are all kept. Oldest first (a stable sort: ties keep the first list's order, then the second's).
 */
function mergeActivities(first: readonly Activity[], second: readonly Activity[]): { activities: Activity[]; keptFromSecond: number } {
  const unmatched = new Map<string, number>();
  for (const activity of first) {
    const key = canonical(activity);
    unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
  }
  const activities = [...first];
  for (const activity of second) {
    const key = canonical(activity);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) unmatched.set(key, left - 1);
    else activities.push(activity);
  }
  return { activities: activities.sort(byTime), keptFromSecond: activities.length - first.length };
}

function unionStrings(first: readonly string[] | undefined, second: readonly string[] | undefined): string[] | undefined {
  if (first === undefined && second === undefined) return undefined;
  return [...new Set([...(first ?? []), ...(second ?? [])])];
}

type Plain = Record<string, unknown>;

/** Merges two flat objects field by field; `unions` lists string-array fields to unite. */
function mergeObject(
  first: Plain | undefined,
  second: Plain | undefined,
  primaryIsFirst: boolean,
  path: string,
  sources: Record<string, MergeSource>,
  unions: ReadonlySet<string> = new Set(),
): Plain | undefined {
  if (first === undefined && second === undefined) return undefined;
  const merged: Plain = {};
  const keys = new Set([...Object.keys(first ?? {}), ...Object.keys(second ?? {})]);
  for (const key of keys) {
    const a = first !== undefined && Object.hasOwn(first, key) ? first[key] : undefined;
    const b = second !== undefined && Object.hasOwn(second, key) ? second[key] : undefined;
    const fieldPath = path === '' ? key : `${path}.${key}`;
    if (unions.has(key) && (Array.isArray(a) || Array.isArray(b))) {
      const union = unionStrings(a as string[] | undefined, b as string[] | undefined) as string[];
      if (union.length === 0) continue;
      Object.defineProperty(merged, key, { value: union, enumerable: true, writable: true, configurable: true });
      sources[fieldPath] = isEmpty(a) ? 'second' : isEmpty(b) ? 'first' : 'both';
      continue;
    }
    const [preferred, fallback, preferredSource, fallbackSource]: [unknown, unknown, MergeSource, MergeSource] = primaryIsFirst
      ? [a, b, 'first', 'second']
      : [b, a, 'second', 'first'];
    // The fallback fills an empty value; when both are empty, an explicit empty value (null, '') is kept.
    const useFallback = isEmpty(preferred) && (!isEmpty(fallback) || preferred === undefined);
    const value = useFallback ? fallback : preferred;
    if (value === undefined) continue;
    // defineProperty, not assignment: a `__proto__` key stays an own data property and cannot pollute prototypes.
    Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    sources[fieldPath] = useFallback ? fallbackSource : preferredSource;
  }
  return merged;
}

/**
 * Whether the second date should replace the first when keeping the later (`later`) or the earlier one: an invalid
 * date never wins over a valid one (a comparison with `NaN` is always false, which would make the answer depend on the
 * argument order), and when both are invalid the first is kept.
 */
function secondWins(firstMs: number, secondMs: number, later: boolean): boolean {
  if (secondMs !== secondMs) return false;
  if (firstMs !== firstMs) return true;
  return later ? secondMs > firstMs : secondMs < firstMs;
}

/** The later of two dates, ignoring an invalid one (the first when both are invalid or equal). */
function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return secondWins(a.getTime(), b.getTime(), true) ? b : a;
}

/** When a lead was last updated, for `prefer_newest`: its `updatedAt`, else its `createdAt`, else (neither valid) `NaN`. */
function updatedMs(lead: Lead): number {
  const updated = lead.updatedAt?.getTime() ?? Number.NaN;
  return updated === updated ? updated : (lead.createdAt?.getTime() ?? Number.NaN);
}

const handled = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'lastVerifiedAt',
  'activities',
  'contact',
  'company',
  'consent',
  'customFields',
  'painPoints',
  'stage',
  'stageHistory',
  'outcome',
]);

/**
 * Merges two records of the same person. By default it fills empty fields only (the first lead's values win), keeps
 * the earliest creation date and the latest `updatedAt`/`lastVerifiedAt`, unites pain points, technologies and tags,
 * keeps every opt-out (an opt-out in either record stays), and records where every field came from. Generic over the
 * lead type: extra fields of an extended lead are merged with the same policy. Neither input is mutated.
 *
 * Invalid dates (`new Date('garbage')`) never win over valid ones, whatever the argument order: `createdAt` is the
 * earliest **valid** one and `updatedAt`/`lastVerifiedAt` the latest valid one; when both are invalid the first
 * lead's is kept (an invalid date is kept, not dropped, when the other lead has none).
 *
 * Activities: every activity of the first lead is kept; an activity of the second is dropped only when it matches a
 * not-yet-matched activity of the first with the same content (whatever the key order; dates compared by time; an
 * `id` is part of the content). Nothing is lost within one lead: two identical activities of one lead both stay.
 *
 * Stage: the stage and its history describe one journey, so they are taken together from one record: the one whose
 * values win under the policy when it has a stage or a history, else the other (`sources.stage` and
 * `sources.stageHistory` say which). No history merge is attempted. As `createdAt` is the earliest of both, it may come from the other record, and the history may then start
 * after the merged `createdAt` (funnel metrics measure cycle lengths from `createdAt`).
 *
 * What merging again guarantees, for `m = mergeLeads(a, b, policy).lead` (equal as values; `sources` may differ):
 * - `mergeLeads(m, m, policy).lead` equals `m`, under every policy;
 * - `mergeLeads(m, b, policy).lead` equals `m`: merging the second record in again changes nothing, under every policy;
 * - with `fill_empty` or `prefer_newest`, `mergeLeads(m, a, policy).lead` equals `m` too (the merged record is at
 *   least as new as either input);
 * - with `fill_empty` or `prefer_second`, `mergeLeads(a, m, policy).lead` equals `m`.
 * These hold with invalid dates too (an invalid date equals another invalid date).
 * Nothing more: with `prefer_second`, `mergeLeads(m, a)` gives `a`'s values back (the second record wins); with
 * `prefer_newest`, `mergeLeads(a, m)` can keep `a`'s values (when `m`'s `updatedAt` is `a`'s, the tie goes to the
 * first record); and `mergeLeads(b, m)` keeps `b`'s id.
 *
 * @example
 * ```ts
 * declare const crmLead: Lead, formLead: Lead; // one person, as the CRM and a web form know them
 *
 * const { lead: merged, sources, mergedIds } = mergeLeads(crmLead, formLead);
 * sources['contact.phone']; // 'second' when only the form had a phone: fill_empty keeps the CRM's values and fills the gaps
 * ```
 */
export function mergeLeads<L extends Lead>(first: L, second: L, policy: MergePolicy = {}): MergedLead<L> {
  const fieldPolicy = policy.fields ?? 'fill_empty';
  const primaryIsFirst = fieldPolicy === 'fill_empty' ? true : fieldPolicy === 'prefer_second' ? false : !secondWins(updatedMs(first), updatedMs(second), true);
  const sources: Record<string, MergeSource> = {};
  const rest = mergeObject(first as Plain, second as Plain, primaryIsFirst, '', sources) as Plain;
  for (const key of handled) {
    delete rest[key];
    delete sources[key];
  }
  const merged: Plain = { ...rest, id: first.id };
  sources['id'] = 'first';

  // A lead without a creation date (an import that did not say) gives way to one with any date.
  if (first.createdAt !== undefined || second.createdAt !== undefined) {
    const firstCreated =
      second.createdAt === undefined ? true : first.createdAt === undefined ? false : !secondWins(first.createdAt.getTime(), second.createdAt.getTime(), false);
    merged['createdAt'] = firstCreated ? first.createdAt : second.createdAt;
    sources['createdAt'] = firstCreated ? 'first' : 'second';
  }
  for (const key of ['updatedAt', 'lastVerifiedAt'] as const) {
    const value = latest(first[key], second[key]);
    if (value === undefined) continue;
    merged[key] = value;
    sources[key] = value === first[key] ? 'first' : 'second';
  }

  merged['contact'] = mergeObject(first.contact, second.contact, primaryIsFirst, 'contact', sources);
  const company = mergeObject(first.company, second.company, primaryIsFirst, 'company', sources, new Set(['technologies', 'tags']));
  if (company !== undefined) merged['company'] = company;
  const customFields = mergeObject(first.customFields, second.customFields, primaryIsFirst, 'customFields', sources);
  if (customFields !== undefined) merged['customFields'] = customFields;

  const consent = mergeObject(first.consent, second.consent, primaryIsFirst, 'consent', sources);
  if (consent !== undefined) {
    for (const flag of ['emailOptOut', 'doNotCall'] as const)
      if (first.consent?.[flag] === true || second.consent?.[flag] === true) {
        consent[flag] = true;
        sources[`consent.${flag}`] = first.consent?.[flag] === true ? (second.consent?.[flag] === true ? 'both' : 'first') : 'second';
      }
    merged['consent'] = consent;
  }

  const painPoints = unionStrings(first.painPoints, second.painPoints);
  if (painPoints !== undefined && painPoints.length > 0) {
    merged['painPoints'] = painPoints;
    sources['painPoints'] = isEmpty(first.painPoints) ? 'second' : isEmpty(second.painPoints) ? 'first' : 'both';
  }

  // The stage and its history describe one journey: take them together from one record.
  const firstHasStage = first.stage !== undefined || !isEmpty(first.stageHistory);
  const secondHasStage = second.stage !== undefined || !isEmpty(second.stageHistory);
  const stageFrom = (primaryIsFirst ? firstHasStage || !secondHasStage : !secondHasStage && firstHasStage) ? first : second;
  if (stageFrom.stage !== undefined) merged['stage'] = stageFrom.stage;
  if (stageFrom.stageHistory !== undefined) {
    merged['stageHistory'] = stageFrom.stageHistory;
    sources['stageHistory'] = stageFrom === first ? 'first' : 'second';
  }
  if (firstHasStage || secondHasStage) sources['stage'] = stageFrom === first ? 'first' : 'second';

  const outcome = primaryIsFirst ? (first.outcome ?? second.outcome) : (second.outcome ?? first.outcome);
  if (outcome !== undefined) {
    merged['outcome'] = outcome;
    sources['outcome'] = outcome === first.outcome ? 'first' : 'second';
  }

  const { activities, keptFromSecond } = mergeActivities(first.activities, second.activities);
  merged['activities'] = activities;
  sources['activities'] = first.activities.length === 0 ? 'second' : keptFromSecond === 0 ? 'first' : 'both';

  return { lead: merged as L, mergedIds: [first.id, second.id], sources };
}
