import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { expectedValidShare } from './data-decay.ts';
import { findDuplicates } from './find-duplicates.ts';
import { mergeLeads, type MergeFieldPolicy } from './merge-leads.ts';

const range = { min: new Date('2020-01-01T00:00:00Z'), max: new Date('2025-01-01T00:00:00Z') };
const policy = fc.constantFrom<MergeFieldPolicy>('fill_empty', 'prefer_second', 'prefer_newest');
const activityJson = (activity: unknown) => JSON.stringify(activity);

describe('hygiene properties', () => {
  test.prop([arbitraryLead(range), arbitraryLead(range), policy])('merging loses no activity and is idempotent', (a, b, fields) => {
    const copies = structuredClone([a, b]);
    const merged = mergeLeads(a, b, { fields }).lead;
    const kept = new Set(merged.activities.map(activityJson));
    for (const activity of [...a.activities, ...b.activities]) {
      // An activity is kept, or another with the same type and id stands for it.
      const present = kept.has(activityJson(activity)) || (activity.id !== undefined && merged.activities.some((m) => m.type === activity.type && m.id === activity.id));
      expect(present).toBe(true);
    }
    expect(mergeLeads(merged, b, { fields }).lead).toEqual(merged);
    expect(mergeLeads(merged, merged, { fields }).lead).toEqual(merged);
    expect(merged.createdAt.getTime()).toBe(Math.min(a.createdAt.getTime(), b.createdAt.getTime()));
    expect([a, b]).toEqual(copies);
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
