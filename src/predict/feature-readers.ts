/**
 * How a feature spec reads a lead (internal to `leadkit/predict`): every distinct source the spec names (a field path,
 * an activity count) is compiled once into a slot reader, so a lead's field is read once however many features use it;
 * each feature then turns its slots into a category key or a number by the one rule of missing values and of text.
 */
import { compileActivityCounter } from '../conditions/compile-condition.ts';
import { compileActivityFilter } from '../conditions/activity-filter.ts';
import { isMissingValue } from '../conditions/compile-condition.ts';
import { compileFieldReader } from '../conditions/field-path.ts';
import { foldText } from '../conditions/fold-text.ts';
import { MILLISECONDS_PER_DAY } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { minorUnitsPerMajor } from '../models/money.ts';
import {
  MISSING_CATEGORY,
  type CategoricalFeature,
  type FeatureSpec,
  type NumericFeature,
  type NumericFeatureSource,
  type SimpleCategoricalSource,
} from './feature-spec-definition.ts';

/** How a categorical feature compares text: case folding and the markers of "no value" (already folded). */
export interface TextRule {
  /** Keep case (`caseSensitive: true`). */
  readonly caseSensitive: boolean;
  /** Folded text values that mean "no value". */
  readonly markers: ReadonlySet<string>;
}

/** The text rule of a categorical feature: its own markers, or else the spec's; case folded unless it says otherwise. */
export function textRuleOf(spec: Pick<FeatureSpec, 'missingWhen'>, feature: Pick<CategoricalFeature, 'missingWhen' | 'caseSensitive'>): TextRule {
  const caseSensitive = feature.caseSensitive === true;
  const markers = feature.missingWhen ?? spec.missingWhen ?? [];
  return { caseSensitive, markers: new Set(markers.map((marker) => (caseSensitive ? marker : foldText(marker)))) };
}

/**
 * The category of a raw value, or `undefined` when it is missing: absent, `null`, empty text or an empty list (the
 * one rule, `isMissingValue`), a listed marker, a non-finite number, or a value that is not text, a number or a
 * boolean. Text is folded unless the rule keeps case; numbers and booleans are written as text (`12`, `true`).
 */
export function categoryKey(value: unknown, rule: TextRule): string | undefined {
  if (isMissingValue(value)) return undefined;
  let text: string;
  if (typeof value === 'string') {
    text = rule.caseSensitive ? value : foldText(value);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else return undefined;
  return rule.markers.has(text) ? undefined : text;
}

function isMoney(value: object): value is { readonly amountMinor: number; readonly currency: string } {
  return typeof (value as { amountMinor?: unknown }).amountMinor === 'number' && typeof (value as { currency?: unknown }).currency === 'string';
}

/**
 * The number a raw value holds, or `NaN` when it holds none: a finite number; text that reads as one once trimmed
 * (`" 12.5 "`; not `"1,234"`); `true`/`false` as 1/0; an amount of money in its currency's major unit (dollars, not
 * cents; currencies are not converted).
 */
export function numberValue(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return Number.NaN;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object' && value !== null && isMoney(value)) {
    try {
      const amount = value.amountMinor / minorUnitsPerMajor(value.currency);
      return Number.isFinite(amount) ? amount : Number.NaN;
    } catch {
      return Number.NaN; // an unknown currency: no amount we can read
    }
  }
  return Number.NaN;
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** The time of a raw date value in ms, or `NaN`: a valid `Date`, epoch milliseconds, or ISO text with a zone (or a bare date, read as UTC). */
export function timeValue(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && isoDate.test(value)) return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.NaN;
}

/** Reads one source of a lead (a field, an activity count) as a raw value. */
export type SlotReader = (lead: Lead, asOfMs: number) => unknown;

/** A feature's reading of the lead's slots. */
export type FeatureRead =
  | {
      readonly kind: 'categorical';
      /** The slot of a feature that reads one field, for fast paths that cache by raw value. */
      readonly slot: number | undefined;
      readonly rule: TextRule;
      /** The category key, `undefined` when missing. */
      readonly key: (slots: readonly unknown[]) => string | undefined;
    }
  | {
      readonly kind: 'numeric';
      readonly slot: number;
      /** No sentinels and no clip bounds: a finite number in the slot is the value as it is. */
      readonly plain: boolean;
      readonly feature: NumericFeature;
      /** The number after sentinels and clipping (before any transform); `NaN` when missing. */
      readonly value: (slots: readonly unknown[]) => number;
    };

/** Every distinct source of a spec as a slot, and each feature's reading of them. */
export interface FeatureReads {
  /** Slot readers, one per distinct source. */
  readonly slots: readonly SlotReader[];
  /** What each slot reads (`customFields.job`, `activityCount:{…}`), for tests and messages. */
  readonly slotKeys: readonly string[];
  /** The slots that read a custom field (`customFields.<name>`), with the field's name: read inline, without a closure. */
  readonly customSlots: readonly { readonly slot: number; readonly name: string }[];
  /** The other slots, each with its reader. */
  readonly otherSlots: readonly { readonly slot: number; readonly read: SlotReader }[];
  /** Per feature, in spec order. */
  readonly features: readonly FeatureRead[];
}

function activityCountReader(source: Extract<NumericFeatureSource, { activityCount: unknown }>): SlotReader {
  // The one activity count of leadkit, as activity conditions count (same filter, same window).
  const count = compileActivityCounter(source.activityCount, source.withinDays);
  return (lead, asOfMs) => count(lead, asOfMs, Number.POSITIVE_INFINITY);
}

function daysSinceLastActivityReader(source: Extract<NumericFeatureSource, { daysSinceLastActivity: unknown }>): SlotReader {
  const matches = compileActivityFilter(source.daysSinceLastActivity);
  return (lead, asOfMs) => {
    let latest = Number.NEGATIVE_INFINITY;
    for (const activity of lead.activities) {
      const at = activity.at.getTime();
      if (at <= asOfMs && at > latest && matches(activity)) latest = at;
    }
    return latest === Number.NEGATIVE_INFINITY ? undefined : (asOfMs - latest) / MILLISECONDS_PER_DAY;
  };
}

function daysSinceReader(path: string): SlotReader {
  const read = compileFieldReader(path);
  return (lead, asOfMs) => {
    const at = timeValue(read(lead, asOfMs));
    return Number.isNaN(at) ? undefined : (asOfMs - at) / MILLISECONDS_PER_DAY;
  };
}

/** The value of a number after its sentinels and clip bounds (`NaN` stays `NaN`). */
export function cleanNumber(value: number, sentinels: ReadonlySet<number> | undefined, min: number, max: number): number {
  if (sentinels?.has(value)) return Number.NaN;
  return value < min ? min : value > max ? max : value;
}

function formatCut(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/**
 * The category of a number given ascending cut points: `[10, 50]` gives `< 10`, `10 to < 50` and `>= 50`; no cut
 * points give `any value`; `NaN` gives `(missing)`.
 *
 * @example
 * ```ts
 * binLabel(12, [10, 50]); // '10 to < 50'
 * ```
 */
export function binLabel(value: number, bins: readonly number[]): string {
  if (Number.isNaN(value)) return MISSING_CATEGORY;
  if (bins.length === 0) return 'any value';
  const index = binIndex(value, bins);
  if (index === 0) return `< ${formatCut(bins[0] as number)}`;
  if (index === bins.length) return `>= ${formatCut(bins[bins.length - 1] as number)}`;
  return `${formatCut(bins[index - 1] as number)} to < ${formatCut(bins[index] as number)}`;
}

/** The bin of a number: how many cut points are at or below it (0 to `bins.length`), by binary search. */
export function binIndex(value: number, bins: ArrayLike<number>): number {
  let low = 0;
  let high = bins.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((bins[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Applies a numeric feature's transform (`log1p` is applied symmetrically to negative values). */
export function transformNumber(value: number, transform: NumericFeature['transform']): number {
  if (transform !== 'log1p') return value;
  return value < 0 ? -Math.log1p(-value) : Math.log1p(value);
}

/** The inverse of {@link transformNumber}. */
export function untransformNumber(value: number, transform: NumericFeature['transform']): number {
  if (transform !== 'log1p') return value;
  return value < 0 ? -Math.expm1(-value) : Math.expm1(value);
}

/**
 * Compiles how a spec reads a lead: one slot per distinct source (a field path is read once per lead however many
 * features use it), and each feature's reading of its slots.
 */
export function compileFeatureReads(spec: FeatureSpec): FeatureReads {
  const slots: SlotReader[] = [];
  const slotKeys: string[] = [];
  const slotOf = new Map<string, number>();
  const slot = (key: string, make: () => SlotReader): number => {
    const known = slotOf.get(key);
    if (known !== undefined) return known;
    slots.push(make());
    slotKeys.push(key);
    slotOf.set(key, slots.length - 1);
    return slots.length - 1;
  };
  const numericSlot = (source: NumericFeatureSource): number => {
    if (typeof source === 'string') return slot(source, () => compileFieldReader(source));
    if ('activityCount' in source) return slot(`activityCount:${JSON.stringify(source)}`, () => activityCountReader(source));
    if ('daysSinceLastActivity' in source) return slot(`daysSinceLastActivity:${JSON.stringify(source)}`, () => daysSinceLastActivityReader(source));
    return slot(`daysSince:${source.daysSince}`, () => daysSinceReader(source.daysSince));
  };
  const numeric = (source: NumericFeatureSource, missingWhen: readonly number[] | undefined, clip: NumericFeature['clip']) => {
    const at = numericSlot(source);
    const sentinels = missingWhen === undefined ? undefined : new Set(missingWhen);
    const min = clip?.min ?? Number.NEGATIVE_INFINITY;
    const max = clip?.max ?? Number.POSITIVE_INFINITY;
    const plain = sentinels === undefined && clip === undefined;
    return {
      at,
      plain,
      value: plain
        ? (slots: readonly unknown[]): number => numberValue(slots[at])
        : (slots: readonly unknown[]): number => cleanNumber(numberValue(slots[at]), sentinels, min, max),
    };
  };
  const simpleKey = (source: SimpleCategoricalSource, rule: TextRule): { at: number | undefined; key: (slots: readonly unknown[]) => string | undefined } => {
    if (typeof source === 'string') {
      const at = slot(source, () => compileFieldReader(source));
      return { at, key: (slots) => categoryKey(slots[at], rule) };
    }
    const read = numeric(source.binned, source.missingWhen, undefined);
    const bins = source.bins;
    return {
      at: undefined,
      key: (slots) => {
        const value = read.value(slots);
        return Number.isNaN(value) ? undefined : binLabel(value, bins);
      },
    };
  };
  const features = spec.features.map((feature): FeatureRead => {
    if (feature.kind === 'numeric') {
      const read = numeric(feature.from, feature.missingWhen, feature.clip);
      return { kind: 'numeric', slot: read.at, plain: read.plain, feature, value: read.value };
    }
    const rule = textRuleOf(spec, feature);
    const from = feature.from;
    if (typeof from === 'object' && 'cross' in from) {
      const parts = from.cross.map((part) => simpleKey(part, rule).key);
      return {
        kind: 'categorical',
        slot: undefined,
        rule,
        key: (slots) => {
          let value = '';
          for (let index = 0; index < parts.length; index++) {
            const part = (parts[index] as (slots: readonly unknown[]) => string | undefined)(slots);
            if (part === undefined) return undefined;
            value = index === 0 ? part : `${value} × ${part}`;
          }
          return value;
        },
      };
    }
    const simple = simpleKey(from, rule);
    return { kind: 'categorical', slot: simple.at, rule, key: simple.key };
  });
  const customSlots: { slot: number; name: string }[] = [];
  const otherSlots: { slot: number; read: SlotReader }[] = [];
  slotKeys.forEach((key, index) => {
    if (key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length) customSlots.push({ slot: index, name: key.slice(CUSTOM_PREFIX.length) });
    else otherSlots.push({ slot: index, read: slots[index] as SlotReader });
  });
  return { slots, slotKeys, customSlots, otherSlots, features };
}

const CUSTOM_PREFIX = 'customFields.';

/**
 * Reads every slot of a lead into `into` (reused between leads to avoid allocation). Custom fields are read inline
 * from `lead.customFields`, without a closure per field, by the field table's rule: own properties only.
 */
export function readSlots(reads: FeatureReads, lead: Lead, asOfMs: number, into: unknown[]): unknown[] {
  const custom = reads.customSlots;
  if (custom.length > 0) {
    const fields = lead.customFields as Record<string, unknown> | undefined | null;
    for (let index = 0; index < custom.length; index++) {
      const { slot, name } = custom[index] as { readonly slot: number; readonly name: string };
      const value: unknown = fields === undefined || fields === null ? undefined : fields[name];
      into[slot] = value === undefined || Object.hasOwn(fields as object, name) ? value : undefined;
    }
  }
  const other = reads.otherSlots;
  for (let index = 0; index < other.length; index++) {
    const { slot, read } = other[index] as { readonly slot: number; readonly read: SlotReader };
    into[slot] = read(lead, asOfMs);
  }
  return into;
}
