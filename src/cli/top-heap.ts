/**
 * The `count` best items of a stream in bounded memory: a binary min-heap of at most `count` items whose root is the
 * worst one kept, so each new item costs O(log count) and the whole stream is never held (`--top N`).
 */
export interface TopHeap<T> {
  /** Offers an item: kept when fewer than `count` are kept or when it beats the worst one kept. */
  offer(item: T): void;
  /** The items kept, best first. */
  sorted(): T[];
  /** How many items are kept. */
  readonly size: () => number;
}

/**
 * Creates a heap keeping the `count` best items by `better(a, b)` (true when `a` ranks before `b`; ties must be broken
 * by the caller, for example by row number, so that the result does not depend on the order of equal items).
 */
export function createTopHeap<T>(count: number, better: (a: T, b: T) => boolean): TopHeap<T> {
  const items: T[] = [];
  // The root is the worst kept: a min-heap where "smaller" means ranks later.
  const worse = (a: T, b: T): boolean => better(b, a);
  const swap = (i: number, j: number): void => {
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  };
  const up = (index: number): void => {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!worse(items[index] as T, items[parent] as T)) return;
      swap(index, parent);
      index = parent;
    }
  };
  const down = (index: number): void => {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let worst = index;
      if (left < items.length && worse(items[left] as T, items[worst] as T)) worst = left;
      if (right < items.length && worse(items[right] as T, items[worst] as T)) worst = right;
      if (worst === index) return;
      swap(index, worst);
      index = worst;
    }
  };
  return {
    offer(item) {
      if (count <= 0) return;
      if (items.length < count) {
        items.push(item);
        up(items.length - 1);
      } else if (better(item, items[0] as T)) {
        items[0] = item;
        down(0);
      }
    },
    sorted: () => [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)),
    size: () => items.length,
  };
}
