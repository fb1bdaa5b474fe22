import { instantMs } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { compileFeatureReads, readSlots } from './feature-readers.ts';
import type { FeatureSpec } from './feature-spec-definition.ts';
import type { PredictOptions } from './compile-predictor.ts';

/** A feature's value for one lead: its category (folded text), its number, or `undefined` when missing. */
export type FeatureValue = string | number | undefined;

/**
 * Reads every feature of a spec from a lead at a point in time, as the models see them: categories as folded text
 * (unless the feature is case-sensitive), numbers after sentinels and clipping (before any transform), `undefined`
 * when missing. For debugging a spec or showing it to users.
 *
 * @example
 * ```ts
 * const spec = defineFeatureSpec({ features: [
 *   { kind: 'categorical', name: 'industry', from: 'company.industry' },
 *   { kind: 'numeric', name: 'employees', from: 'company.employeeCount' },
 * ] });
 * extractFeatures(spec, lead, { asOf: new Date('2025-06-30T00:00:00Z') }); // { industry: 'software', employees: 120 }
 * ```
 * @throws RangeError when `options.asOf` is not a valid instant.
 */
export function extractFeatures(spec: FeatureSpec, lead: Lead, options: PredictOptions): Record<string, FeatureValue> {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const reads = compileFeatureReads(spec);
  const slots = readSlots(reads, lead, asOfMs, new Array<unknown>(reads.slots.length));
  const values: Record<string, FeatureValue> = Object.create(null) as Record<string, FeatureValue>;
  spec.features.forEach((feature, index) => {
    const read = reads.features[index];
    if (read === undefined) return;
    if (read.kind === 'categorical') values[feature.name] = read.key(slots);
    else {
      const number = read.value(slots);
      values[feature.name] = Number.isNaN(number) ? undefined : number;
    }
  });
  return values;
}
