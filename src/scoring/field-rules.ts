/**
 * Internal: the lead-level rules that test one field (point rules with a field condition, value rules, band rules),
 * compiled by field. Each field is read once per lead, whatever the number of rules on it; the outcome of every rule
 * on a field is a pure function of the field's value, so for a scalar value (an industry, a job title) it is
 * computed once and kept in a per-field table, which makes repeated values one `Map` lookup; numeric band rules run
 * as a loop over flat arrays. The scorer's hot path makes no closure call and no allocation for these rules.
 */
import type { Lead } from '../models/lead.ts';
import { compileFieldTest } from './conditions.ts';
import { fieldAccessor, type FieldAccessor, type FieldValue } from './fields.ts';
import { currencyExponent } from '../models/money.ts';
import type { BandPointsRule, PointsRule, ScoringField, ScoringRule, ValuePointsRule } from './model.ts';

/** A rule that reads exactly one field of the lead. */
export type FieldRule = PointsRule | ValuePointsRule | BandPointsRule;

/**
 * A compiled field rule set: returns the sum of the rules' points, added field by field (exact, and so equal to the
 * sum in rule order, only when {@link wholePointsBound} allows), and writes each rule's points to
 * `values[ruleIndex]` when `values` is given.
 */
export type FieldRulesEvaluator = (lead: Lead, values: Float64Array | undefined) => number;

type ValueEvaluator = (value: FieldValue) => number;

/** Distinct values remembered per field; past it, new values are evaluated each time (memory stays bounded). */
const CACHE_LIMIT = 4096;

/** Whether a rule tests exactly one field (and so belongs in {@link compileFieldRules}). */
export function isFieldRule(rule: ScoringRule): rule is FieldRule {
  if (rule.kind === 'values' || rule.kind === 'bands') return true;
  return rule.kind === 'points' && rule.when.field !== undefined;
}

function valuesEvaluator(rule: ValuePointsRule): ValueEvaluator {
  const table = new Map<unknown, number>(Object.entries(rule.values));
  const otherwise = rule.otherwise;
  return (value) => {
    if (value === undefined || value === null) return 0;
    if (Array.isArray(value)) {
      let points = 0;
      let count = 0;
      for (const item of value as readonly string[]) {
        const found = table.get(item);
        if (found !== undefined) {
          points += found;
          count++;
        }
      }
      return count === 0 && otherwise !== undefined ? otherwise : points;
    }
    const found = table.get(typeof value === 'string' ? value : String(value));
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
    when.endsWith === undefined;
  return rangeOnly ? [{ min: when.min ?? -Infinity, max: when.max ?? Infinity, points: rule.points }] : undefined;
}

function valueEvaluator(rule: FieldRule): ValueEvaluator {
  if (rule.kind === 'values') return valuesEvaluator(rule);
  if (rule.kind === 'points') {
    const test = compileFieldTest(rule.when);
    const points = rule.points;
    return (value) => (test(value) ? points : 0);
  }
  const bands = numericBands(rule) ?? [];
  return (value) => {
    if (typeof value === 'number') for (const band of bands) if (value >= band.min && value <= band.max) return band.points;
    return 0;
  };
}

// Fields read inline by the evaluator (a switch: no call, one monomorphic load per field); others go through their accessor.
const fieldCodes: Readonly<Record<string, number>> = {
  'company.name': 1,
  'company.domain': 2,
  'company.industry': 3,
  'company.employeeCount': 4,
  'company.country': 5,
  'company.region': 6,
  'company.city': 7,
  'company.technologies': 8,
  'company.tags': 9,
  'contact.jobTitle': 10,
  'contact.seniority': 11,
  'contact.department': 12,
  'contact.decisionRole': 13,
  'contact.email': 14,
  'contact.phone': 15,
  source: 16,
  campaign: 17,
  stage: 18,
  ownerId: 19,
  painPoints: 20,
};
const REVENUE_IN_CURRENCY = 21;
const powersOfTen = [1, 10, 100, 1000, 10_000];

/** How a field's rules are evaluated. */
const NUMERIC = 0; // every rule scores numbers in ranges: a loop over flat band arrays
const EXACT = 1; // every rule compares strings exactly, with few listed strings: compare with each, then a table row
const GENERIC = 2; // anything else: per-distinct-value table

/** Whether a rule's outcome on a string depends only on which listed string it equals (if any). */
function isExactRule(rule: FieldRule): boolean {
  if (rule.kind === 'values') return true;
  if (rule.kind !== 'points') return false;
  const when = rule.when;
  return (when.in !== undefined || when.equals !== undefined || when.exists !== undefined) && when.min === undefined && when.max === undefined;
}

/** The strings an exact rule lists (non-string literals never equal a string). */
function listedStrings(rule: FieldRule): string[] {
  if (rule.kind === 'values') return Object.keys(rule.values);
  if (rule.kind !== 'points') return [];
  const listed = rule.when.in ?? (rule.when.equals === undefined ? [] : [rule.when.equals]);
  return listed.filter((item): item is string => typeof item === 'string');
}

/** Most listed strings compared one by one; past it a `Map` lookup is faster. */
const EXACT_LIMIT = 16;

/** Reads a field by code, without a call for the common fields. */
function readField(code: number, lead: Lead, company: Lead['company'], contact: Lead['contact'], accessor: FieldAccessor): FieldValue {
  switch (code) {
    case 1:
      return company === undefined ? undefined : company.name;
    case 2:
      return company === undefined ? undefined : company.domain;
    case 3:
      return company === undefined ? undefined : company.industry;
    case 4:
      return company === undefined ? undefined : company.employeeCount;
    case 5:
      return company === undefined ? undefined : company.country;
    case 6:
      return company === undefined ? undefined : company.region;
    case 7:
      return company === undefined ? undefined : company.city;
    case 8:
      return company === undefined ? undefined : company.technologies;
    case 9:
      return company === undefined ? undefined : company.tags;
    case 10:
      return contact.jobTitle;
    case 11:
      return contact.seniority;
    case 12:
      return contact.department;
    case 13:
      return contact.decisionRole;
    case 14:
      return contact.email;
    case 15:
      return contact.phone;
    case 16:
      return lead.source;
    case 17:
      return lead.campaign;
    case 18:
      return lead.stage;
    case 19:
      return lead.ownerId;
    case 20:
      return lead.painPoints;
    default:
      return accessor(lead);
  }
}

/**
 * Compiles field rules (`{ index, rule }`, `index` being where each rule's points go in the values buffer) into one
 * evaluator. The points are exactly those of evaluating each rule on its own.
 */
export function compileFieldRules(inputs: readonly { readonly index: number; readonly rule: FieldRule }[]): FieldRulesEvaluator {
  const keyOf = (rule: FieldRule): string => {
    const field = rule.kind === 'points' ? (rule.when.field as string) : rule.field;
    return rule.kind === 'bands' && rule.currency !== undefined && field === 'company.annualRevenue' ? `${field} ${rule.currency}` : field;
  };
  const keys: string[] = [];
  for (const { rule } of inputs) if (!keys.includes(keyOf(rule))) keys.push(keyOf(rule));
  // Fields that need a further object (revenue, lists) and contact fields first: the memory reads of a lead's
  // company, contact and their parts then start early and overlap, instead of waiting on one another.
  const priority = (key: string): number => (key.startsWith('company.annualRevenue') ? 0 : key.startsWith('contact.') ? 1 : key === 'company.technologies' || key === 'company.tags' ? 2 : 3);
  keys.sort((left, right) => priority(left) - priority(right));
  const groupCount = keys.length;
  const codes = new Int32Array(groupCount);
  const kinds = new Uint8Array(groupCount);
  const accessors: FieldAccessor[] = [];
  const currencies: string[] = [];
  const divisors = new Float64Array(groupCount);
  const caches: Map<unknown, Float64Array>[] = [];
  const starts = new Int32Array(groupCount + 1);
  const ruleIndices: number[] = [];
  const evaluators: ValueEvaluator[] = [];
  const bandStarts: number[] = [0];
  const mins: number[] = [];
  const maxs: number[] = [];
  const bandPoints: number[] = [];
  // EXACT groups: the listed strings of group g are literals[literalStarts[g] .. literalStarts[g + 1]); the points of
  // its rules for literal j start at rows[literalRows[j]], and for any other string at rows[missRows[g]].
  const literals: string[] = [];
  const literalStarts = new Int32Array(groupCount + 1);
  const literalRows: number[] = [];
  const missRows = new Int32Array(groupCount);
  const rows: number[] = [];
  for (let group = 0; group < groupCount; group++) {
    const members = inputs.filter(({ rule }) => keyOf(rule) === keys[group]);
    const first = (members[0] as (typeof inputs)[number]).rule;
    const field = first.kind === 'points' ? (first.when.field as string) : first.field;
    const currency = first.kind === 'bands' ? first.currency : undefined;
    const inCurrency = field === 'company.annualRevenue' && currency !== undefined;
    codes[group] = inCurrency ? REVENUE_IN_CURRENCY : (fieldCodes[field] ?? 0);
    accessors.push(fieldAccessor(field as ScoringField, currency));
    currencies.push(currency ?? '');
    divisors[group] = inCurrency ? (powersOfTen[currencyExponent(currency)] ?? 100) : 1;
    caches.push(new Map());
    const allBands = members.map(({ rule }) => numericBands(rule));
    const listed = [...new Set(members.flatMap(({ rule }) => listedStrings(rule)))];
    kinds[group] = allBands.every((bands) => bands !== undefined)
      ? NUMERIC
      : members.every(({ rule }) => isExactRule(rule)) && listed.length <= EXACT_LIMIT
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
      for (const value of listed) {
        literals.push(value);
        literalRows.push(addRow(value));
      }
      // Any string outside the list scores as one that is surely not listed.
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

  return (lead, values) => {
    const company = lead.company;
    const contact = lead.contact;
    let total = 0;
    for (let group = 0; group < groupCount; group++) {
      const start = starts[group] as number;
      const end = starts[group + 1] as number;
      const code = codes[group] as number;
      const kind = kinds[group] as number;
      if (kind === NUMERIC) {
        // NaN for anything but a number: it is in no band, so every rule scores 0, as on its own.
        let number = NaN;
        if (code === REVENUE_IN_CURRENCY) {
          const revenue = company === undefined ? undefined : company.annualRevenue;
          if (revenue !== undefined && revenue.currency === currencies[group]) number = revenue.amountMinor / (divisors[group] as number);
        } else {
          const value = readField(code, lead, company, contact, accessors[group] as FieldAccessor);
          if (typeof value === 'number') number = value;
        }
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
      const value = readField(code, lead, company, contact, accessors[group] as FieldAccessor);
      if (kind === EXACT && typeof value === 'string') {
        let row = missRows[group] as number;
        const lastLiteral = literalStarts[group + 1] as number;
        for (let j = literalStarts[group] as number; j < lastLiteral; j++) {
          if (literals[j] === value) {
            row = literalRowStarts[j] as number;
            break;
          }
        }
        total += rowSums[row] as number;
        if (values !== undefined) for (let k = start; k < end; k++) values[targets[k] as number] = table[row + k - start] as number;
      } else if (value !== null && typeof value === 'object') {
        // A list (technologies, tags): its own array each lead, evaluated directly.
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
