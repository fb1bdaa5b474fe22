/**
 * Internal: the lead-level rules that test one field (point rules with a field condition, value rules, band rules),
 * compiled by field. Each field is read once per lead, whatever the number of rules on it; the outcome of every rule
 * on a field is a pure function of the field's value, so for a scalar value (an industry, a job title) it is
 * computed once and kept in a per-field table, which makes repeated values one `Map` lookup; numeric band rules run
 * as a loop over flat arrays. The scorer's hot path makes no closure call and no allocation for these rules.
 */
import { compileFieldValueTest } from '../conditions/compile-condition.ts';
import { compileFieldReader, type FieldReader } from '../conditions/field-path.ts';
import { foldText, isFoldedAscii } from '../conditions/fold-text.ts';
import { leadFieldCode, readLeadFieldOf } from '../internal/lead-fields.ts';
import type { Lead } from '../models/lead.ts';
import { minorUnitsPerMajor, type Money } from '../models/money.ts';
import type { BandPointsRule, PointsRule, ScoringRule, ValuePointsRule } from './scoring-model-definition.ts';

/** A rule that reads exactly one field of the lead. */
export type FieldRule = PointsRule | ValuePointsRule | BandPointsRule;

/**
 * A compiled field rule set: returns the sum of the rules' points, added field by field (exact, and so equal to the
 * sum in rule order, only when {@link wholePointsBound} allows), and writes each rule's points to
 * `values[ruleIndex]` when `values` is given.
 */
export type FieldRulesEvaluator = (lead: Lead, asOfMs: number, values: Float64Array | undefined) => number;

type ValueEvaluator = (value: unknown) => number;

/** Distinct values remembered per field; past it, new values are evaluated each time (memory stays bounded). */
const CACHE_LIMIT = 4096;

/** Whether a rule tests exactly one field (and so belongs in {@link compileFieldRules}). */
export function isFieldRule(rule: ScoringRule): rule is FieldRule {
  if (rule.kind === 'values' || rule.kind === 'bands') return true;
  return rule.kind === 'points' && rule.when.field !== undefined;
}

/** Whether a value counts as missing (as in every condition): nothing, empty text or an empty list. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function valuesEvaluator(rule: ValuePointsRule): ValueEvaluator {
  const exact = rule.caseSensitive === true;
  const table = new Map<string, number>(Object.entries(rule.values).map(([key, points]) => [exact ? key : foldText(key), points]));
  const otherwise = rule.otherwise;
  const text = (item: string): number | undefined => {
    const found = table.get(item);
    return found !== undefined || exact || isFoldedAscii(item) ? found : table.get(foldText(item));
  };
  const lookup = (item: unknown): number | undefined =>
    typeof item === 'string' ? text(item) : typeof item === 'number' || typeof item === 'boolean' ? table.get(String(item)) : undefined;
  return (value) => {
    if (isMissing(value)) return 0;
    if (Array.isArray(value)) {
      let points = 0;
      let count = 0;
      for (const item of value as readonly unknown[]) {
        const found = lookup(item);
        if (found !== undefined) {
          points += found;
          count++;
        }
      }
      return count === 0 && otherwise !== undefined ? otherwise : points;
    }
    const found = lookup(value);
    if (found !== undefined) return found;
    return otherwise ?? 0;
  };
}

/** The bands of a rule that only ever scores numbers in ranges (first band that holds wins), else `undefined`. */
function numericBands(rule: FieldRule): readonly { readonly min: number; readonly max: number; readonly points: number }[] | undefined {
  if (rule.kind === 'bands') return rule.bands.map((band) => ({ min: band.min ?? -Infinity, max: band.max ?? Infinity, points: band.points }));
  if (rule.kind !== 'points') return undefined;
  const when = rule.when;
  const rangeOnly =
    (when.min !== undefined || when.max !== undefined) &&
    when.equals === undefined &&
    when.in === undefined &&
    when.exists === undefined &&
    when.contains === undefined &&
    when.startsWith === undefined &&
    when.endsWith === undefined &&
    when.containsWords === undefined;
  return rangeOnly ? [{ min: when.min ?? -Infinity, max: when.max ?? Infinity, points: rule.points }] : undefined;
}

function valueEvaluator(rule: FieldRule): ValueEvaluator {
  if (rule.kind === 'values') return valuesEvaluator(rule);
  if (rule.kind === 'points') {
    const test = compileFieldValueTest(rule.when);
    const points = rule.points;
    return (value) => (test(value) ? points : 0);
  }
  const bands = numericBands(rule) ?? [];
  const currency = rule.currency;
  const divisor = currency === undefined ? 1 : minorUnitsPerMajor(currency);
  return (value) => {
    const number = numberOf(value, currency, divisor);
    for (const band of bands) if (number >= band.min && number <= band.max) return band.points;
    return 0;
  };
}

/**
 * The number a numeric rule compares: a number as it is, an amount of money in `currency` in major units; `NaN`
 * (in no band) for anything else, money in another currency included.
 */
function numberOf(value: unknown, currency: string | undefined, divisor: number): number {
  if (typeof value === 'number') return value;
  if (currency !== undefined && typeof value === 'object' && value !== null && (value as Money).currency === currency) {
    const minor = (value as Money).amountMinor;
    if (typeof minor === 'number') return minor / divisor;
  }
  return Number.NaN;
}

/** The currency of a rule that compares amounts of money (`undefined` for plain numbers). */
function currencyOf(rule: FieldRule): string | undefined {
  return rule.kind === 'bands' ? rule.currency : rule.kind === 'points' ? rule.when.currency : undefined;
}

/** How a field's rules are evaluated. */
const NUMERIC = 0; // every rule scores numbers in ranges: a loop over flat band arrays
const EXACT = 1; // every rule compares strings exactly, with few listed strings: compare with each, then a table row
const GENERIC = 2; // anything else: per-distinct-value table

/**
 * Whether a rule's outcome on a non-empty string depends only on which listed string it equals after folding (if
 * any), given the group's case rule.
 */
function isExactRule(rule: FieldRule, caseSensitive: boolean): boolean {
  if (rule.kind === 'values') return (rule.caseSensitive === true) === caseSensitive;
  if (rule.kind !== 'points') return false;
  const when = rule.when;
  if (when.exists !== undefined) return true;
  return (when.in !== undefined || when.equals !== undefined) && (when.caseSensitive === true) === caseSensitive;
}

/** The strings an exact rule lists, folded as the group compares them (non-string literals never equal a string). */
function listedStrings(rule: FieldRule, caseSensitive: boolean): string[] {
  const fold = caseSensitive ? (text: string) => text : foldText;
  if (rule.kind === 'values') return Object.keys(rule.values).map(fold);
  if (rule.kind !== 'points') return [];
  const listed = rule.when.in ?? (rule.when.equals === undefined ? [] : [rule.when.equals]);
  return listed.filter((item): item is string => typeof item === 'string').map(fold);
}

/** Whether a rule compares text exactly. */
function ruleCaseSensitive(rule: FieldRule): boolean {
  return rule.kind === 'values' ? rule.caseSensitive === true : rule.kind === 'points' ? rule.when.caseSensitive === true : false;
}

/** Strings of a field compared one by one (the listed ones, then others met); past it they are looked up in a `Map`. */
const KNOWN_LIMIT = 32;

/** Most listed strings compared one by one; past it a `Map` lookup is faster. */
const EXACT_LIMIT = 16;

/**
 * Compiles field rules (`{ index, rule }`, `index` being where each rule's points go in the values buffer) into one
 * evaluator. The points are exactly those of evaluating each rule on its own.
 */
export function compileFieldRules(inputs: readonly { readonly index: number; readonly rule: FieldRule }[]): FieldRulesEvaluator {
  const fieldOf = (rule: FieldRule): string => (rule.kind === 'points' ? (rule.when.field as string) : rule.field);
  // Numeric rules on an amount of money are grouped by currency: each group reads one number.
  const keyOf = (rule: FieldRule): string => {
    const currency = currencyOf(rule);
    return currency === undefined ? fieldOf(rule) : `${fieldOf(rule)} ${currency}`;
  };
  const keys: string[] = [];
  for (const { rule } of inputs) if (!keys.includes(keyOf(rule))) keys.push(keyOf(rule));
  // Fields that need a further object (revenue, lists) and contact fields first: the memory reads of a lead's
  // company, contact and their parts then start early and overlap, instead of waiting on one another.
  const priority = (key: string): number =>
    key.startsWith('company.annualRevenue') ? 0 : key.startsWith('contact.') ? 1 : key === 'company.technologies' || key === 'company.tags' ? 2 : 3;
  keys.sort((left, right) => priority(left) - priority(right));
  const groupCount = keys.length;
  const codes = new Int32Array(groupCount);
  const kinds = new Uint8Array(groupCount);
  const readers: FieldReader[] = [];
  const currencies: (string | undefined)[] = [];
  const divisors = new Float64Array(groupCount);
  const folded = new Uint8Array(groupCount);
  const caches: Map<unknown, Float64Array>[] = [];
  const starts = new Int32Array(groupCount + 1);
  const ruleIndices: number[] = [];
  const evaluators: ValueEvaluator[] = [];
  const bandStarts: number[] = [0];
  const mins: number[] = [];
  const maxs: number[] = [];
  const bandPoints: number[] = [];
  // EXACT groups: the listed strings of group g (folded unless the group compares exactly) are
  // literals[literalStarts[g] .. literalStarts[g + 1]); the points of its rules for literal j start at
  // rows[literalRows[j]], and for any other non-empty string at rows[missRows[g]].
  const literals: string[] = [];
  const literalStarts = new Int32Array(groupCount + 1);
  const literalRows: number[] = [];
  const missRows = new Int32Array(groupCount);
  // EXACT groups: the row of each listed string, folded as the group compares them.
  const foldedLiterals: Map<string, number>[] = [];
  const rows: number[] = [];
  for (let group = 0; group < groupCount; group++) {
    const members = inputs.filter(({ rule }) => keyOf(rule) === keys[group]);
    const first = (members[0] as (typeof inputs)[number]).rule;
    const field = fieldOf(first);
    const currency = currencyOf(first);
    codes[group] = leadFieldCode(field);
    readers.push(compileFieldReader(field));
    currencies.push(currency);
    divisors[group] = currency === undefined ? 1 : minorUnitsPerMajor(currency);
    caches.push(new Map());
    const caseSensitive = members.some(({ rule }) => ruleCaseSensitive(rule));
    folded[group] = caseSensitive ? 0 : 1;
    const allBands = members.map(({ rule }) => numericBands(rule));
    const listed = [...new Set(members.flatMap(({ rule }) => listedStrings(rule, caseSensitive)))];
    kinds[group] = allBands.every((bands) => bands !== undefined)
      ? NUMERIC
      : members.every(({ rule }) => isExactRule(rule, caseSensitive)) && listed.length <= EXACT_LIMIT
        ? EXACT
        : GENERIC;
    starts[group] = ruleIndices.length;
    const groupEvaluators = members.map(({ rule }) => valueEvaluator(rule));
    members.forEach(({ index }, member) => {
      ruleIndices.push(index);
      evaluators.push(groupEvaluators[member] as ValueEvaluator);
      for (const band of allBands[member] ?? []) {
        mins.push(band.min);
        maxs.push(band.max);
        bandPoints.push(band.points);
      }
      bandStarts.push(mins.length);
    });
    literalStarts[group] = literals.length;
    if (kinds[group] === EXACT) {
      const addRow = (value: string): number => {
        const row = rows.length;
        for (const evaluate of groupEvaluators) rows.push(evaluate(value));
        return row;
      };
      const rowOf = new Map<string, number>();
      for (const value of listed) rowOf.set(value, addRow(value));
      foldedLiterals[group] = rowOf;
      // The listed strings as written (`US`, not `us`): a value stored as listed is found at once; other spellings
      // are found by folding, once each (see `unknownRow`).
      const written = caseSensitive ? listed : [...new Set(members.flatMap(({ rule }) => listedStrings(rule, true)))];
      for (const value of written) {
        literals.push(value);
        literalRows.push(rowOf.get(caseSensitive ? value : foldText(value)) as number);
      }
      // Any non-empty string outside the list scores as one that is surely not listed.
      let other = '\u0000';
      while (listed.includes(other)) other += '\u0000';
      missRows[group] = addRow(other);
    }
  }
  starts[groupCount] = ruleIndices.length;
  literalStarts[groupCount] = literals.length;
  const targets = Int32Array.from(ruleIndices);
  const firstBand = Int32Array.from(bandStarts);
  const bandMins = Float64Array.from(mins);
  const bandMaxs = Float64Array.from(maxs);
  const bandValues = Float64Array.from(bandPoints);
  const literalRowStarts = Int32Array.from(literalRows);
  const table = Float64Array.from(rows);

  const rowSums = new Float64Array(table.length);
  for (let group = 0; group < groupCount; group++) {
    if (kinds[group] !== EXACT) continue;
    const width = (starts[group + 1] as number) - (starts[group] as number);
    const rowsOfGroup = [...literalRowStarts.subarray(literalStarts[group], literalStarts[group + 1]), missRows[group] as number];
    for (const row of rowsOfGroup) {
      let sum = 0;
      for (let k = 0; k < width; k++) sum += table[row + k] as number;
      rowSums[row] = sum;
    }
  }

  // EXACT groups: each group's strings and their rows, as listed (and as written), then every other string met, with
  // the row it was found to score (folded when the group ignores case), up to KNOWN_LIMIT strings: the few distinct
  // values of a field are then found by comparing, without folding or hashing; further ones go to a map.
  const knownStrings: string[][] = [];
  const knownRows: number[][] = [];
  for (let group = 0; group < groupCount; group++) {
    const first = literalStarts[group] as number;
    const last = literalStarts[group + 1] as number;
    knownStrings.push(literals.slice(first, last));
    knownRows.push(Array.from(literalRowStarts.subarray(first, last)));
  }
  const otherRows: Map<string, number>[] = Array.from({ length: groupCount }, () => new Map<string, number>());
  // The row of a string that is not among the known ones of its group (and remembers it).
  const unknownRow = (group: number, value: string): number => {
    const rows = otherRows[group] as Map<string, number>;
    let row = rows.get(value);
    if (row !== undefined) return row;
    row = (foldedLiterals[group] as Map<string, number>).get(folded[group] === 1 ? foldText(value) : value) ?? (missRows[group] as number);
    const known = knownStrings[group] as string[];
    if (known.length < KNOWN_LIMIT) {
      known.push(value);
      (knownRows[group] as number[]).push(row);
    } else if (rows.size < CACHE_LIMIT) rows.set(value, row);
    return row;
  };

  return (lead, asOfMs, values) => {
    const company = lead.company;
    const contact = lead.contact;
    let total = 0;
    for (let group = 0; group < groupCount; group++) {
      const start = starts[group] as number;
      const end = starts[group + 1] as number;
      const code = codes[group] as number;
      const kind = kinds[group] as number;
      const value = code !== 0 ? readLeadFieldOf(code, lead, company, contact) : (readers[group] as FieldReader)(lead, asOfMs);
      if (kind === NUMERIC) {
        // NaN for anything but a number (or money in the group's currency): it is in no band, so every rule scores 0.
        const number = typeof value === 'number' ? value : numberOf(value, currencies[group], divisors[group] as number);
        for (let k = start; k < end; k++) {
          let points = 0;
          const last = firstBand[k + 1] as number;
          for (let band = firstBand[k] as number; band < last; band++) {
            if (number >= (bandMins[band] as number) && number <= (bandMaxs[band] as number)) {
              points = bandValues[band] as number;
              break;
            }
          }
          total += points;
          if (values !== undefined) values[targets[k] as number] = points;
        }
        continue;
      }
      if (kind === EXACT && typeof value === 'string' && value !== '') {
        const known = knownStrings[group] as string[];
        let row = -1;
        for (let j = 0; j < known.length; j++) {
          if (known[j] === value) {
            row = (knownRows[group] as number[])[j] as number;
            break;
          }
        }
        if (row < 0) row = unknownRow(group, value);
        total += rowSums[row] as number;
        if (values !== undefined) for (let k = start; k < end; k++) values[targets[k] as number] = table[row + k - start] as number;
      } else if (value !== null && typeof value === 'object') {
        // A list (technologies, tags) or an amount of money: its own object each lead, evaluated directly.
        for (let k = start; k < end; k++) {
          const points = (evaluators[k] as ValueEvaluator)(value);
          total += points;
          if (values !== undefined) values[targets[k] as number] = points;
        }
      } else {
        const cache = caches[group] as Map<unknown, Float64Array>;
        const width = end - start;
        let entry = cache.get(value);
        if (entry === undefined) {
          // The points of each rule, then their sum.
          entry = new Float64Array(width + 1);
          let sum = 0;
          for (let k = 0; k < width; k++) sum += entry[k] = (evaluators[start + k] as ValueEvaluator)(value);
          entry[width] = sum;
          if (cache.size < CACHE_LIMIT) cache.set(value, entry);
        }
        total += entry[width] as number;
        if (values !== undefined) for (let k = start; k < end; k++) values[targets[k] as number] = entry[k - start] as number;
      }
    }
    return total;
  };
}

/**
 * The largest magnitude a rule's points can reach on one lead (a value rule may add up to 1,000 listed values), or
 * `Infinity` when a rule's points are not whole numbers. When the magnitudes of a set of rules add up to at most
 * 2^53, every partial sum of their points is exact, so their total does not depend on the order of addition.
 */
export function wholePointsBound(rule: ScoringRule): number {
  const points =
    rule.kind === 'values'
      ? [...Object.values(rule.values), rule.otherwise ?? 0]
      : rule.kind === 'bands'
        ? rule.bands.map((band) => band.points)
        : rule.kind === 'points'
          ? [rule.points]
          : [Infinity];
  if (!points.every((value) => Number.isSafeInteger(value))) return Infinity;
  const largest = Math.max(0, ...points.map(Math.abs));
  return rule.kind === 'values' ? largest * 1000 : largest;
}
