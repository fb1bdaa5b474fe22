import { instantMs, MILLISECONDS_PER_DAY, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import { minorUnitsPerMajor, type Money } from '../models/money.ts';
import { compileActivityFilter, describeActivityFilter, type ActivityFilterJson } from './activity-filter.ts';
import type { Condition, ConditionJson, ConditionValue, TextOrList } from './condition-definition.ts';
import { compileFieldReader, type FieldReader } from './field-path.ts';
import { foldText, isFoldedAscii } from './fold-text.ts';

/** The outcome of a condition for one lead: it held, it failed, or the lead lacks the data to tell (`unknown`). */
export type ConditionOutcome = 'matched' | 'missed' | 'unknown';

/** A test of one condition on a lead at `asOfMs` (internal fast form). */
export type LeadPredicate = (lead: Lead, asOfMs: number) => boolean;

/**
 * A condition compiled into its two fast tests (internal): `holds` (the condition is true) and `fails` (it is false,
 * not unknown). A condition is unknown when neither is true.
 */
export interface ConditionPredicates {
  /** The condition holds. */
  readonly holds: LeadPredicate;
  /** The condition fails (false, not unknown). */
  readonly fails: LeadPredicate;
}

const FAILS = 0;
const HOLDS = 1;
const UNKNOWN = 2;
type Truth = typeof FAILS | typeof HOLDS | typeof UNKNOWN;

/**
 * Whether a field value counts as missing: `undefined`, `null`, empty text or an empty list. Every condition, ICP
 * criterion and segment reads "missing" this way.
 */
export function isMissingValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && typeof (value as Money).amountMinor === 'number' && typeof (value as Money).currency === 'string';
}

function listOf(value: TextOrList): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** The test of a field test on the value read: holds, fails, or unknown (missing, or not comparable). */
function compileValueTest(condition: ConditionJson): (value: unknown) => Truth {
  const caseSensitive = condition.caseSensitive === true;
  const fold = caseSensitive ? (text: string) => text : foldText;
  if (condition.equals !== undefined || condition.in !== undefined) {
    const listed: readonly ConditionValue[] = condition.in ?? [condition.equals as ConditionValue];
    const texts = new Set<string>();
    const others = new Set<unknown>();
    for (const value of listed) {
      if (typeof value === 'string') texts.add(fold(value));
      else others.add(value);
    }
    // A few values are compared one by one (faster than hashing); text already in folded form (most stored values)
    // is compared as it is, without folding a copy.
    const few = texts.size <= 8 ? [...texts] : undefined;
    const hasText = (item: string): boolean => {
      if (few !== undefined) {
        for (let index = 0; index < few.length; index++) if (few[index] === item) return true;
        if (caseSensitive || isFoldedAscii(item)) return false;
        const folded = foldText(item);
        for (let index = 0; index < few.length; index++) if (few[index] === folded) return true;
        return false;
      }
      return texts.has(item) || (!caseSensitive && !isFoldedAscii(item) && texts.has(foldText(item)));
    };
    const has = (item: unknown): boolean => (typeof item === 'string' ? hasText(item) : others.has(item));
    return (value) => {
      if (typeof value === 'string') return value === '' ? UNKNOWN : hasText(value) ? HOLDS : FAILS;
      if (typeof value === 'number' || typeof value === 'boolean') return others.has(value) ? HOLDS : FAILS;
      if (Array.isArray(value)) {
        if (value.length === 0) return UNKNOWN;
        for (let index = 0; index < value.length; index++) if (has(value[index])) return HOLDS;
        return FAILS;
      }
      return UNKNOWN;
    };
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    const min = condition.min ?? Number.NEGATIVE_INFINITY;
    const max = condition.max ?? Number.POSITIVE_INFINITY;
    const currency = condition.currency;
    const divisor = currency === undefined ? 1 : minorUnitsPerMajor(currency);
    return (value) => {
      if (typeof value === 'number') return value !== value ? UNKNOWN : value >= min && value <= max ? HOLDS : FAILS;
      if (currency !== undefined && isMoney(value)) {
        if (value.currency !== currency) return UNKNOWN;
        const amount = value.amountMinor / divisor;
        return amount >= min && amount <= max ? HOLDS : FAILS;
      }
      return UNKNOWN;
    };
  }
  let textTest: (text: string) => boolean;
  if (condition.containsWords !== undefined) {
    const phrases = listOf(condition.containsWords)
      .map((phrase) => words(fold(phrase)))
      .filter((phrase) => phrase.length > 0);
    textTest = (text) => {
      const found = words(fold(text));
      return phrases.some((phrase) => {
        for (let start = 0; start + phrase.length <= found.length; start++) if (phrase.every((word, offset) => found[start + offset] === word)) return true;
        return false;
      });
    };
  } else {
    const [needles, test] =
      condition.contains !== undefined
        ? [condition.contains, (text: string, needle: string) => text.includes(needle)]
        : condition.startsWith !== undefined
          ? [condition.startsWith, (text: string, needle: string) => text.startsWith(needle)]
          : [condition.endsWith ?? [], (text: string, needle: string) => text.endsWith(needle)];
    const folded = listOf(needles).map(fold);
    textTest = (text) => {
      const subject = fold(text);
      for (const needle of folded) if (test(subject, needle)) return true;
      return false;
    };
  }
  return (value) => {
    if (isMissingValue(value)) return UNKNOWN;
    if (typeof value === 'string') return textTest(value) ? HOLDS : FAILS;
    if (Array.isArray(value)) {
      let comparable = false;
      for (const item of value) {
        if (typeof item !== 'string') continue;
        comparable = true;
        if (textTest(item)) return HOLDS;
      }
      return comparable ? FAILS : UNKNOWN;
    }
    return UNKNOWN;
  };
}

/**
 * Compiles the test of a field test into a function of the value read (internal: scoring's field rules evaluate it
 * once per distinct value): `true` when the condition holds for that value.
 */
export function compileFieldValueTest(condition: ConditionJson): (value: unknown) => boolean {
  if (condition.exists !== undefined) {
    const wanted = condition.exists;
    return (value) => !isMissingValue(value) === wanted;
  }
  const test = compileValueTest(condition);
  return (value) => test(value) === HOLDS;
}

/** Counts a lead's activities at `asOfMs`, stopping once `limit` are found (internal fast form). */
export type ActivityCounter = (lead: Lead, asOfMs: number, limit: number) => number;

/**
 * Compiles the one activity count of leadkit: the activities kept by `filter` and dated in the `withinDays` days up
 * to `asOfMs`, both ends included (all time up to `asOfMs` without a window); an invalid date is never counted.
 * Activity conditions and predictive features count with it.
 */
export function compileActivityCounter(filter: ActivityFilterJson, withinDays: number | undefined): ActivityCounter {
  const matches = compileActivityFilter(filter);
  const windowMs = withinDays === undefined ? Number.POSITIVE_INFINITY : withinDays * MILLISECONDS_PER_DAY;
  return (lead, asOfMs, limit) => {
    let count = 0;
    const activities = lead.activities;
    for (let index = 0; index < activities.length && count < limit; index++) {
      const activity = activities[index] as Lead['activities'][number];
      const age = asOfMs - activity.at.getTime();
      // An invalid date (NaN) fails both comparisons: never counted.
      if (age >= 0 && age <= windowMs && matches(activity)) count++;
    }
    return count;
  };
}

function activityCounter(condition: ConditionJson): LeadPredicate {
  const count = compileActivityCounter(condition.activity ?? {}, condition.withinDays);
  const atLeast = condition.atLeast ?? 1;
  const atMost = condition.atMost ?? Number.POSITIVE_INFINITY;
  // Counting stops as soon as the answer is known: at `atLeast` without an upper bound, past `atMost` with one.
  const limit = atMost === Number.POSITIVE_INFINITY ? atLeast : atMost + 1;
  return (lead, asOfMs) => {
    const found = count(lead, asOfMs, limit);
    return found >= atLeast && found <= atMost;
  };
}

const never: LeadPredicate = () => false;

/**
 * Compiles a validated condition into its two fast tests (internal). A field test on a missing field is unknown:
 * neither holds nor fails. `exists` and activity tests are never unknown.
 */
export function compileConditionPredicates(condition: ConditionJson): ConditionPredicates {
  if (condition.all !== undefined) {
    const parts = condition.all.map(compileConditionPredicates);
    const holds = parts.map((part) => part.holds);
    const fails = parts.map((part) => part.fails);
    if (parts.length === 1) return parts[0] as ConditionPredicates;
    if (parts.length === 2) {
      const [firstHolds, secondHolds] = holds as [LeadPredicate, LeadPredicate];
      const [firstFails, secondFails] = fails as [LeadPredicate, LeadPredicate];
      return {
        holds: (lead, asOfMs) => firstHolds(lead, asOfMs) && secondHolds(lead, asOfMs),
        fails: (lead, asOfMs) => firstFails(lead, asOfMs) || secondFails(lead, asOfMs),
      };
    }
    return {
      holds: (lead, asOfMs) => {
        for (const part of holds) if (!part(lead, asOfMs)) return false;
        return true;
      },
      fails: (lead, asOfMs) => {
        for (const part of fails) if (part(lead, asOfMs)) return true;
        return false;
      },
    };
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map(compileConditionPredicates);
    if (parts.length === 1) return parts[0] as ConditionPredicates;
    const holds = parts.map((part) => part.holds);
    const fails = parts.map((part) => part.fails);
    return {
      holds: (lead, asOfMs) => {
        for (const part of holds) if (part(lead, asOfMs)) return true;
        return false;
      },
      fails: (lead, asOfMs) => {
        for (const part of fails) if (!part(lead, asOfMs)) return false;
        return true;
      },
    };
  }
  if (condition.not !== undefined) {
    const inner = compileConditionPredicates(condition.not);
    return { holds: inner.fails, fails: inner.holds };
  }
  if (condition.activity !== undefined) {
    const holds = activityCounter(condition);
    return { holds, fails: (lead, asOfMs) => !holds(lead, asOfMs) };
  }
  if (condition.field === undefined) return { holds: never, fails: never };
  const read = compileFieldReader(condition.field);
  if (condition.exists !== undefined) {
    const wanted = condition.exists;
    const holds: LeadPredicate = (lead, asOfMs) => !isMissingValue(read(lead, asOfMs)) === wanted;
    return { holds, fails: (lead, asOfMs) => !holds(lead, asOfMs) };
  }
  const test = compileValueTest(condition);
  return {
    holds: (lead, asOfMs) => test(read(lead, asOfMs)) === HOLDS,
    fails: (lead, asOfMs) => test(read(lead, asOfMs)) === FAILS,
  };
}

/** A lead's value that a condition looked at, as JSON-friendly data (`null` when missing). */
export type ObservedValue = string | number | boolean | null | Money | readonly ObservedValue[];

/** What a condition saw on one lead and how it went. */
export interface ConditionExplanation {
  /** Held, failed, or unknown for lack of data. */
  readonly outcome: ConditionOutcome;
  /** The lead's side, in words: `company.industry is "retail"`, `company.employeeCount is missing`. */
  readonly observed: string;
  /** The values looked at: the field's value, the activities counted, or one entry per part of a combination. */
  readonly value: ObservedValue;
}

/** Options of a compiled condition's tests: the instant the condition is judged at. */
export interface ConditionOptions {
  /** Activity windows end at `asOf`; `stage` is the stage as of `asOf`; later activities do not count. */
  readonly asOf: Instant;
}

/** A condition compiled once, for judging many leads. */
export interface CompiledCondition {
  /** The condition it was compiled from. */
  readonly condition: Condition;
  /** The condition in words (`company.industry is one of software, technology`). */
  readonly expected: string;
  /** Whether the condition holds for the lead (unknown counts as not holding). */
  matches(lead: Lead, options: ConditionOptions): boolean;
  /** `matched`, `missed`, or `unknown` when the lead lacks the data. */
  evaluate(lead: Lead, options: ConditionOptions): ConditionOutcome;
  /** The outcome with what the condition saw on the lead. */
  explain(lead: Lead, options: ConditionOptions): ConditionExplanation;
}

function quoteList(values: readonly ConditionValue[]): string {
  const shown = values.slice(0, 8).map((value) => (typeof value === 'string' ? value : String(value)));
  return values.length > 8 ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}

// Thousands separators without `Intl` (slow, and not in every runtime): 10000000 → 10,000,000; 12.5 → 12.5.
function groupDigits(value: number): string {
  // Four decimals at most; from 1e11 a double holds about that many anyway, and multiplying would show its error
  // (1e21 printed as 1.0000000000000001e+21).
  const text = String(Number.isInteger(value) || Math.abs(value) >= 1e11 ? value : Math.round(value * 10_000) / 10_000);
  if (text.includes('e')) return text;
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function quoteTexts(values: TextOrList): string {
  return listOf(values)
    .map((value) => JSON.stringify(value))
    .join(' or ');
}

/**
 * A condition in words, for explanations and error messages: `company.employeeCount between 50 and 200`,
 * `at least 1 demo_requested in the 30 days up to asOf`, `not (contact.seniority is student)`.
 *
 * @example
 * ```ts
 * describeCondition({ field: 'company.industry', in: ['software', 'technology'] }); // 'company.industry is one of software, technology'
 * ```
 */
export function describeCondition(condition: ConditionJson): string {
  if (condition.all !== undefined)
    return condition.all.length === 1 ? describeCondition(condition.all[0] as ConditionJson) : `all of (${condition.all.map(describeCondition).join('; ')})`;
  if (condition.any !== undefined)
    return condition.any.length === 1 ? describeCondition(condition.any[0] as ConditionJson) : `any of (${condition.any.map(describeCondition).join('; ')})`;
  if (condition.not !== undefined) return `not (${describeCondition(condition.not)})`;
  if (condition.activity !== undefined) {
    const what = describeActivityFilter(condition.activity);
    const atLeast = condition.atLeast ?? 1;
    const count =
      condition.atMost === undefined
        ? `at least ${atLeast}`
        : atLeast === 0
          ? `at most ${condition.atMost}`
          : atLeast === condition.atMost
            ? `exactly ${atLeast}`
            : `${atLeast} to ${condition.atMost}`;
    const when = condition.withinDays === undefined ? 'up to asOf' : `in the ${condition.withinDays} days up to asOf`;
    return `${count} ${what} ${when}`;
  }
  const field = condition.field ?? '';
  const exact = condition.caseSensitive === true ? ' (exact case)' : '';
  if (condition.exists !== undefined) return condition.exists ? `${field} is known` : `${field} is missing`;
  if (condition.equals !== undefined) return `${field} is ${typeof condition.equals === 'string' ? condition.equals : String(condition.equals)}${exact}`;
  if (condition.in !== undefined) return `${field} is one of ${quoteList(condition.in)}${exact}`;
  if (condition.min !== undefined || condition.max !== undefined) {
    const amount = (value: number) => (condition.currency === undefined ? groupDigits(value) : `${condition.currency} ${groupDigits(value)}`);
    if (condition.min === undefined) return `${field} at most ${amount(condition.max as number)}`;
    if (condition.max === undefined) return `${field} at least ${amount(condition.min)}`;
    return `${field} between ${amount(condition.min)} and ${amount(condition.max)}`;
  }
  if (condition.containsWords !== undefined) return `${field} contains the words ${quoteTexts(condition.containsWords)}${exact}`;
  if (condition.contains !== undefined) return `${field} contains ${quoteTexts(condition.contains)}${exact}`;
  if (condition.startsWith !== undefined) return `${field} starts with ${quoteTexts(condition.startsWith)}${exact}`;
  return `${field} ends with ${quoteTexts(condition.endsWith ?? [])}${exact}`;
}

function observedValue(value: unknown): ObservedValue {
  if (isMissingValue(value)) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isMoney(value)) return { amountMinor: value.amountMinor, currency: value.currency };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 100).map(observedValue);
  return null;
}

function show(value: ObservedValue): string {
  if (Array.isArray(value)) return `[${value.map((item: ObservedValue) => show(item)).join(', ')}]`;
  if (isMoney(value)) return `${value.currency} ${groupDigits(value.amountMinor / minorUnitsPerMajor(value.currency))}`;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function outcomeOf(predicates: ConditionPredicates, lead: Lead, asOfMs: number): ConditionOutcome {
  return predicates.holds(lead, asOfMs) ? 'matched' : predicates.fails(lead, asOfMs) ? 'missed' : 'unknown';
}

type Explainer = (lead: Lead, asOfMs: number) => ConditionExplanation;

const truthOutcome: readonly ConditionOutcome[] = ['missed', 'matched', 'unknown'];

// Explanations are computed bottom-up: each part reads the lead once and its outcome comes from its parts' outcomes,
// by the same three-valued rules as `compileConditionPredicates` (the parity tests check both agree).
function compileExplainer(condition: ConditionJson): Explainer {
  const parts = condition.all ?? condition.any ?? (condition.not === undefined ? undefined : [condition.not]);
  if (parts !== undefined) {
    const explainers = parts.map(compileExplainer);
    const kind = condition.all !== undefined ? 'all' : condition.any !== undefined ? 'any' : 'not';
    return (lead, asOfMs) => {
      const explained = explainers.map((explain) => explain(lead, asOfMs));
      const outcomes = explained.map((part) => part.outcome);
      let outcome: ConditionOutcome;
      if (kind === 'not') {
        const inner = outcomes[0] as ConditionOutcome;
        outcome = inner === 'matched' ? 'missed' : inner === 'missed' ? 'matched' : 'unknown';
      } else {
        const decisive = kind === 'all' ? 'missed' : 'matched';
        outcome = outcomes.includes(decisive) ? decisive : outcomes.includes('unknown') ? 'unknown' : kind === 'all' ? 'matched' : 'missed';
      }
      // What decided it: the part that matched an `any`, the part that missed an `all`; otherwise every part.
      const deciding = kind !== 'not' && outcome === (kind === 'all' ? 'missed' : 'matched') ? explained.filter((part) => part.outcome === outcome) : explained;
      const observed = [...new Set(deciding.map((part) => part.observed))].join('; ');
      return { outcome, observed, value: explained.length === 1 ? (explained[0] as ConditionExplanation).value : explained.map((part) => part.value) };
    };
  }
  if (condition.activity !== undefined) {
    const matches = compileActivityFilter(condition.activity);
    const windowMs = condition.withinDays === undefined ? Number.POSITIVE_INFINITY : condition.withinDays * MILLISECONDS_PER_DAY;
    const atLeast = condition.atLeast ?? 1;
    const atMost = condition.atMost ?? Number.POSITIVE_INFINITY;
    const span = condition.withinDays === undefined ? 'up to asOf' : `in the last ${condition.withinDays} days`;
    return (lead, asOfMs) => {
      const seen: string[] = [];
      let count = 0;
      for (const activity of lead.activities) {
        const age = asOfMs - activity.at.getTime();
        if (!(age >= 0 && age <= windowMs) || !matches(activity)) continue;
        count++;
        if (seen.length < 10) seen.push(`${activity.type} on ${activity.at.toISOString().slice(0, 10)}`);
      }
      const observed = count === 0 ? `no such activity ${span}` : `${count} ${span} (${seen.join('; ')}${count > seen.length ? '; …' : ''})`;
      return { outcome: count >= atLeast && count <= atMost ? 'matched' : 'missed', observed, value: seen };
    };
  }
  const field = condition.field ?? '';
  const read: FieldReader = compileFieldReader(field);
  const wanted = condition.exists;
  const test = wanted === undefined ? compileValueTest(condition) : undefined;
  return (lead, asOfMs) => {
    const raw = read(lead, asOfMs);
    const value = observedValue(raw);
    const outcome: ConditionOutcome =
      test === undefined ? (!isMissingValue(raw) === wanted ? 'matched' : 'missed') : (truthOutcome[test(raw)] as ConditionOutcome);
    const observed =
      value === null
        ? `${field} is missing`
        : outcome === 'unknown'
          ? `${field} is ${show(value)}, which this test cannot compare`
          : `${field} is ${show(value)}`;
    return { outcome, observed, value };
  };
}

/**
 * Compiles a validated condition once into tests for many leads: `matches` (holds), `evaluate` (matched, missed or
 * unknown) and `explain` (the outcome with what was seen). Every leadkit definition that holds conditions compiles
 * them with this one compiler, so a condition gives one answer wherever it is used.
 *
 * @example
 * ```ts
 * const decisionMaker = compileCondition(defineCondition({ field: 'contact.seniority', in: ['vp', 'c_level'] }));
 * decisionMaker.matches(lead, { asOf: new Date('2024-06-01T00:00:00Z') });
 * ```
 */
export function compileCondition(condition: Condition): CompiledCondition {
  const predicates = compileConditionPredicates(condition);
  const explainer = compileExplainer(condition);
  return {
    condition,
    expected: describeCondition(condition),
    matches: (lead, options) => predicates.holds(lead, instantMs(options.asOf, 'asOf')),
    evaluate: (lead, options) => outcomeOf(predicates, lead, instantMs(options.asOf, 'asOf')),
    explain: (lead, options) => explainer(lead, instantMs(options.asOf, 'asOf')),
  };
}

/** Explains a condition on a lead at `asOfMs` (internal: compiled once per call; ICPs keep their explainers). */
export function compileConditionExplainer(condition: ConditionJson): Explainer {
  return compileExplainer(condition);
}
