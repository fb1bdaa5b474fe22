import { isDeepStrictEqual } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { arbitraryActivity, arbitraryLead } from '../testing/arbitraries.ts';
import { expectedValidShare } from './data-decay.ts';
import { findDuplicates } from './find-duplicates.ts';
import { mergeLeads, type MergeFieldPolicy } from './merge-leads.ts';

const range = { min: new Date('2020-01-01T00:00:00Z'), max: new Date('2025-01-01T00:00:00Z') };
const policy = fc.constantFrom<MergeFieldPolicy>('fill_empty', 'prefer_second', 'prefer_newest');

/** The same content rebuilt: keys in reverse order, dates as new objects (equal by time, not by identity). */
function rebuilt(activity: Activity): Activity {
  const entries = Object.entries(activity).reverse();
  return Object.fromEntries(entries.map(([key, value]) => [key, value instanceof Date ? new Date(value.getTime()) : value])) as Activity;
}

/** Content equality, independent of the implementation: Node's deep equality ignores key order and compares dates by time. */
function sameContent(a: unknown, b: unknown): boolean {
  const defined = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, entry]) => entry !== undefined)
            .map(([key, entry]) => [key, defined(entry)]),
        )
      : value;
  return isDeepStrictEqual(defined(a), defined(b));
}

const countOf = (list: readonly Activity[], activity: Activity) => list.filter((entry) => sameContent(entry, activity)).length;

const invalidDate = () => new Date(Number.NaN);

/**
 * A generated lead whose `createdAt`, `updatedAt` and `lastVerifiedAt` are sometimes an Invalid Date (each on its own),
 * as data imported from elsewhere can hold: merging must not let such a date win over a valid one.
 */
function sometimesInvalid(leads: fc.Arbitrary<Lead>): fc.Arbitrary<Lead> {
  const flip = fc.boolean();
  return fc.tuple(leads, fc.tuple(flip, flip, flip), fc.boolean()).map(([lead, [created, updated, verified], any]) => {
    if (!any) return lead;
    const copy: Lead = { ...lead };
    if (created) copy.createdAt = invalidDate();
    if (updated && copy.updatedAt !== undefined) copy.updatedAt = invalidDate();
    if (verified && copy.lastVerifiedAt !== undefined) copy.lastVerifiedAt = invalidDate();
    return copy;
  });
}

const someLead = sometimesInvalid(arbitraryLead(range));

/** The earliest valid time of two dates, `NaN` when neither is valid. */
const earliestValidMs = (a: Date | undefined, b: Date | undefined) => {
  const times = [a, b]
    .filter((date): date is Date => date !== undefined)
    .map((date) => date.getTime())
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? Number.NaN : Math.min(...times);
};

/** Leads whose activities are drawn from a small shared pool, so that both leads (and one lead twice) often hold the same activity. */
const leadPair = fc.tuple(someLead, someLead, fc.array(arbitraryActivity(range), { minLength: 1, maxLength: 4 })).chain(([a, b, pool]) => {
  const pick = fc.array(
    fc.tuple(fc.nat(pool.length - 1), fc.boolean()).map(([index, rebuild]) => (rebuild ? rebuilt(pool[index] as Activity) : (pool[index] as Activity))),
    {
      maxLength: 6,
    },
  );
  return fc.tuple(pick, pick).map(([first, second]): [Lead, Lead] => [
    { ...a, activities: first },
    { ...b, activities: second },
  ]);
});

describe('hygiene properties', () => {
  test.prop([leadPair, policy])('merging keeps every activity, dropping only matches of the first lead (multiset union)', ([a, b], fields) => {
    const copies = structuredClone([a, b]);
    const merged = mergeLeads(a, b, { fields }).lead.activities;
    // Matches, found greedily with content equality (an equivalence, so greedy is maximal).
    const unmatched = [...a.activities];
    let matches = 0;
    for (const activity of b.activities) {
      const index = unmatched.findIndex((candidate) => sameContent(candidate, activity));
      if (index >= 0) {
        unmatched.splice(index, 1);
        matches++;
      }
    }
    expect(merged.length).toBe(a.activities.length + b.activities.length - matches);
    // Every activity of the first lead is kept as it is; every input activity is present as often as in its lead.
    for (const activity of a.activities) expect(merged.includes(activity)).toBe(true);
    for (const activity of [...a.activities, ...b.activities])
      expect(countOf(merged, activity)).toBe(Math.max(countOf(a.activities, activity), countOf(b.activities, activity)));
    for (let index = 1; index < merged.length; index++)
      expect((merged[index - 1] as Activity).at.getTime()).toBeLessThanOrEqual((merged[index] as Activity).at.getTime());
    expect([a, b]).toEqual(copies);
  });

  test.prop([leadPair, policy])('merging again changes nothing exactly where the documentation says so', ([a, b], fields) => {
    const merged = mergeLeads(a, b, { fields }).lead;
    expect(mergeLeads(merged, merged, { fields }).lead).toEqual(merged);
    expect(mergeLeads(merged, b, { fields }).lead).toEqual(merged);
    if (fields !== 'prefer_newest') expect(mergeLeads(a, merged, { fields }).lead).toEqual(merged);
    if (fields !== 'prefer_second') expect(mergeLeads(merged, a, { fields }).lead).toEqual(merged);
    expect(merged.createdAt?.getTime()).toBe(earliestValidMs(a.createdAt, b.createdAt));
  });

  test.prop([someLead, someLead, policy])('merging arbitrary leads again changes nothing where documented', (a, b, fields) => {
    const merged = mergeLeads(a, b, { fields }).lead;
    expect(mergeLeads(merged, merged, { fields }).lead).toEqual(merged);
    expect(mergeLeads(merged, b, { fields }).lead).toEqual(merged);
    if (fields !== 'prefer_newest') expect(mergeLeads(a, merged, { fields }).lead).toEqual(merged);
    if (fields !== 'prefer_second') expect(mergeLeads(merged, a, { fields }).lead).toEqual(merged);
  });

  test.prop([someLead, someLead, policy])('the merged dates are the earliest and latest valid ones, whatever the argument order', (a, b, fields) => {
    const latestValidMs = (x: Date | undefined, y: Date | undefined) => {
      const times = [x, y].filter((date): date is Date => date !== undefined && !Number.isNaN(date.getTime())).map((date) => date.getTime());
      return times.length === 0 ? undefined : Math.max(...times);
    };
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      const merged = mergeLeads(first, second, { fields }).lead;
      expect(merged.createdAt?.getTime()).toBe(earliestValidMs(a.createdAt, b.createdAt));
      for (const key of ['updatedAt', 'lastVerifiedAt'] as const) {
        const expected = latestValidMs(a[key], b[key]);
        if (expected !== undefined) expect(merged[key]?.getTime()).toBe(expected);
        // Both invalid (or one invalid, one absent): the first lead's invalid date is kept.
        else expect(merged[key]).toBe(first[key] ?? second[key]);
      }
    }
  });

  test.prop([fc.array(arbitraryLead(range), { maxLength: 30 })])('duplicate groups are disjoint and hold two leads or more', (leads) => {
    const groups = findDuplicates(leads);
    const seen = new Set<unknown>();
    for (const group of groups) {
      expect(group.leads.length).toBeGreaterThanOrEqual(2);
      expect(group.evidence.length).toBeGreaterThanOrEqual(1);
      for (const member of group.leads) {
        expect(seen.has(member)).toBe(false);
        seen.add(member);
      }
    }
  });

  test.prop([fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'the expected valid share is within 0–1 and never grows with age',
    (x, y, rate) => {
      const [younger, older] = x <= y ? [x, y] : [y, x];
      const a = expectedValidShare(younger, rate);
      const b = expectedValidShare(older, rate);
      expect(a >= 0 && a <= 1 && b >= 0 && b <= 1).toBe(true);
      expect(b).toBeLessThanOrEqual(a);
    },
  );
});
