import { binIndex, transformNumber, type FeatureRead, type FeatureReads } from './feature-readers.ts';
import type { NumericFeature } from './feature-spec-definition.ts';

/** How one feature's value becomes an effect in log-odds. */
export type FeatureScorer =
  | {
      /** A category's effect from a table; `missing` for a missing value, `other` for a value not in the table. */
      readonly kind: 'category';
      readonly effects: ReadonlyMap<string, number>;
      readonly missing: number;
      readonly other: number;
    }
  | {
      /** A number's effect by bin (`effects[binIndex(value, cuts)]`); `missing` when it is missing. */
      readonly kind: 'bins';
      readonly cuts: readonly number[];
      readonly effects: readonly number[];
      readonly missing: number;
    }
  | {
      /** `weight × (transform(value) − center) / scale`; `missing` when it is missing. */
      readonly kind: 'linear';
      readonly transform: NumericFeature['transform'];
      readonly center: number;
      readonly scale: number;
      readonly weight: number;
      readonly missing: number;
    };

/** The effect of one feature given the lead's slots. */
export type EffectOf = (slots: readonly unknown[]) => number;

// A cache per feature keeps at most this many raw values (beyond, values are looked up without caching).
const MAX_CACHED_VALUES = 4096;

function cacheable(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function categoryEffect(read: Extract<FeatureRead, { kind: 'categorical' }>, scorer: Extract<FeatureScorer, { kind: 'category' }>): EffectOf {
  const { effects, missing, other } = scorer;
  const slow = (slots: readonly unknown[]): number => {
    const key = read.key(slots);
    return key === undefined ? missing : (effects.get(key) ?? other);
  };
  const slot = read.slot;
  if (slot === undefined) return slow;
  const cache = new Map<unknown, number>();
  return (slots) => {
    const value = slots[slot];
    const cached = cache.get(value);
    if (cached !== undefined) return cached;
    const effect = slow(slots);
    if (cache.size < MAX_CACHED_VALUES && cacheable(value)) cache.set(value, effect);
    return effect;
  };
}

function binsEffect(read: Extract<FeatureRead, { kind: 'numeric' }>, scorer: Extract<FeatureScorer, { kind: 'bins' }>): EffectOf {
  const cuts = Float64Array.from(scorer.cuts);
  const effects = Float64Array.from(scorer.effects);
  const missing = scorer.missing;
  const value = read.value;
  if (read.plain) {
    const slot = read.slot;
    return (slots) => {
      const raw = slots[slot];
      // A finite number needs no parsing: the common case, without a call.
      if (typeof raw === 'number' && raw - raw === 0) return effects[binIndex(raw, cuts)] as number;
      const number = value(slots);
      return number === number ? (effects[binIndex(number, cuts)] as number) : missing;
    };
  }
  return (slots) => {
    const number = value(slots);
    return number === number ? (effects[binIndex(number, cuts)] as number) : missing;
  };
}

function linearEffect(read: Extract<FeatureRead, { kind: 'numeric' }>, scorer: Extract<FeatureScorer, { kind: 'linear' }>): EffectOf {
  const { center, weight, missing } = scorer;
  const factor = weight / scorer.scale;
  const value = read.value;
  if (scorer.transform === 'log1p')
    return (slots) => {
      const number = value(slots);
      return number === number ? factor * (transformNumber(number, 'log1p') - center) : missing;
    };
  return (slots) => {
    const number = value(slots);
    return number === number ? factor * (number - center) : missing;
  };
}

/** Compiles each feature's scorer into an effect function over slots. */
export function compileEffects(reads: FeatureReads, scorers: readonly FeatureScorer[]): EffectOf[] {
  return scorers.map((scorer, index) => {
    const read = reads.features[index] as FeatureRead;
    if (scorer.kind === 'category') {
      if (read.kind !== 'categorical') throw new TypeError('a category scorer needs a categorical feature');
      return categoryEffect(read, scorer);
    }
    if (read.kind !== 'numeric') throw new TypeError('a numeric scorer needs a numeric feature');
    return scorer.kind === 'bins' ? binsEffect(read, scorer) : linearEffect(read, scorer);
  });
}
