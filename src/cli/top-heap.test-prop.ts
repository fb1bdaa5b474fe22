import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createTopHeap } from './top-heap.ts';

interface Item {
  readonly row: number;
  readonly score: number;
  readonly disqualified: boolean;
}

const better = (a: Item, b: Item): boolean => (a.disqualified !== b.disqualified ? !a.disqualified : a.score !== b.score ? a.score > b.score : a.row < b.row);

describe('createTopHeap', () => {
  test.prop([fc.array(fc.record({ score: fc.integer({ min: -5, max: 5 }), disqualified: fc.boolean() }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 })])(
    'keeps exactly the first `count` items of a full sort, in order, holding no more than `count`',
    (values, count) => {
      const items = values.map((value, row) => ({ ...value, row }));
      const heap = createTopHeap<Item>(count, better);
      let most = 0;
      for (const item of items) {
        heap.offer(item);
        most = Math.max(most, heap.size());
      }
      const expected = [...items].sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, count);
      expect(heap.sorted()).toEqual(expected);
      expect(most).toBeLessThanOrEqual(count);
    },
  );

  test.prop([fc.array(fc.integer(), { maxLength: 20 })])('keeps nothing for a count of 0', (values) => {
    const heap = createTopHeap<number>(0, (a, b) => a > b);
    for (const value of values) heap.offer(value);
    expect(heap.sorted()).toEqual([]);
  });
});
