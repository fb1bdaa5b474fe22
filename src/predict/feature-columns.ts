import { compileFeatureReads, readSlots, type FeatureReads } from './feature-readers.ts';
import type { FeatureSpec } from './feature-spec-definition.ts';
import type { LabelledExample } from './training-data.ts';

/** One feature's values over the training examples (internal). */
export type FeatureColumn =
  | { readonly kind: 'categorical'; readonly keys: readonly (string | undefined)[] }
  | { readonly kind: 'numeric'; readonly values: Float64Array };

/** Every feature's values over the training examples, read once per example (internal). */
export interface FeatureColumns {
  readonly reads: FeatureReads;
  /** Per feature, in spec order (then any extra features). */
  readonly columns: readonly FeatureColumn[];
  /** Per slot: how many examples have the source at all (a value other than `undefined`). */
  readonly present: Uint32Array;
}

/** Reads every feature of every example once. */
export function readFeatureColumns(spec: FeatureSpec, examples: readonly LabelledExample[]): FeatureColumns {
  const reads = compileFeatureReads(spec);
  const slots: unknown[] = new Array<unknown>(reads.slots.length);
  const present = new Uint32Array(reads.slots.length);
  const keys = reads.features.map(() => [] as (string | undefined)[]);
  const numbers = reads.features.map(() => new Float64Array(examples.length));
  examples.forEach((example, row) => {
    readSlots(reads, example.lead, example.asOfMs, slots);
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] !== undefined) present[slot] = (present[slot] as number) + 1;
    reads.features.forEach((read, index) => {
      if (read.kind === 'categorical') (keys[index] as (string | undefined)[]).push(read.key(slots));
      else (numbers[index] as Float64Array)[row] = read.value(slots);
    });
  });
  const columns = reads.features.map(
    (read, index): FeatureColumn =>
      read.kind === 'categorical'
        ? { kind: 'categorical', keys: keys[index] as (string | undefined)[] }
        : { kind: 'numeric', values: numbers[index] as Float64Array },
  );
  return { reads, columns, present };
}
