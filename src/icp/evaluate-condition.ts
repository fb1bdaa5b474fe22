import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { money, moneyToDecimal, type Money } from '../models/money.ts';
import type { IcpBaseCondition, IcpCondition, IcpIntentSignal } from './definition.ts';

/** Whether a criterion's condition held for a lead: `unknown` when the lead lacks the data. */
export type IcpCriterionStatus = 'matched' | 'missed' | 'unknown';

/**
 * The lead's value a criterion looked at, as JSON-friendly data: text, a number, a list, an amount of money, or
 * `null` when it is missing. An `anyOf` criterion reports one value per alternative.
 */
export type IcpLeadValue = string | number | boolean | null | Money | readonly IcpLeadValue[];

/** The outcome of one compiled condition for one lead. */
export interface ConditionOutcome {
  readonly status: IcpCriterionStatus;
  readonly leadValue: IcpLeadValue;
  /** The lead's side, in words (`company.industry is "retail"`). */
  readonly observed: string;
}

/** A condition compiled once: what it expects, in words, and how it judges a lead. */
export interface CompiledCondition {
  readonly expected: string;
  readonly evaluate: (lead: Lead, asOfMs: number) => ConditionOutcome;
}

const DAY_MS = 86_400_000;

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 8).join(', ');
  return values.length > 8 ? `${shown}, … (${values.length} in all)` : shown;
}

function readPath(lead: Lead, segments: readonly string[]): unknown {
  let current: unknown = lead;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function fieldReader(field: string): (lead: Lead) => unknown {
  const segments = field.split('.');
  if (field === 'contact.emailDomain')
    return (lead) => {
      const own = readPath(lead, segments);
      if (own !== undefined) return own;
      const email = lead.contact.email;
      const at = email === undefined ? -1 : email.lastIndexOf('@');
      return email === undefined || at === -1 ? undefined : email.slice(at + 1).toLowerCase();
    };
  return (lead) => readPath(lead, segments);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function unknownOutcome(field: string, value: unknown): ConditionOutcome {
  return { status: 'unknown', leadValue: null, observed: isMissing(value) ? `${field} is missing` : `${field} is not usable here` };
}

function show(value: IcpLeadValue): string {
  if (Array.isArray(value)) return `[${value.map((item: IcpLeadValue) => show(item)).join(', ')}]`;
  if (typeof value === 'object' && value !== null && 'currency' in value) return `${value.currency} ${groupDigits(moneyToDecimal(value))}`;
  return JSON.stringify(value);
}

function groupDigits(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function compileOneOf(condition: Extract<IcpBaseCondition, { kind: 'oneOf' }>): CompiledCondition {
  const accepted = new Set(condition.values.map(normalize));
  const read = fieldReader(condition.field);
  const field = condition.field;
  return {
    expected: `${field} one of ${quoteList(condition.values)}`,
    evaluate(lead) {
      const value = read(lead);
      if (isMissing(value)) return unknownOutcome(field, value);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        const status = accepted.has(normalize(String(value))) ? 'matched' : 'missed';
        return { status, leadValue: value, observed: `${field} is ${JSON.stringify(value)}` };
      }
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        const items = value as string[];
        const status = items.some((item) => accepted.has(normalize(item))) ? 'matched' : 'missed';
        return { status, leadValue: items, observed: `${field} is ${show(items)}` };
      }
      return unknownOutcome(field, value);
    },
  };
}

function compileRange(condition: Extract<IcpBaseCondition, { kind: 'range' }>): CompiledCondition {
  const min = condition.min ?? Number.NEGATIVE_INFINITY;
  const max = condition.max ?? Number.POSITIVE_INFINITY;
  const read = fieldReader(condition.field);
  const field = condition.field;
  const expected =
    condition.min === undefined ? `${field} at most ${max}` : condition.max === undefined ? `${field} at least ${min}` : `${field} between ${min} and ${max}`;
  return {
    expected,
    evaluate(lead) {
      const value = read(lead);
      if (typeof value !== 'number' || !Number.isFinite(value)) return unknownOutcome(field, value);
      return { status: value >= min && value <= max ? 'matched' : 'missed', leadValue: value, observed: `${field} is ${value}` };
    },
  };
}

function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Money).currency === 'string' &&
    typeof (value as Money).amountMinor === 'number' &&
    Number.isFinite((value as Money).amountMinor)
  );
}

function compileMoneyRange(condition: Extract<IcpBaseCondition, { kind: 'moneyRange' }>): CompiledCondition {
  const { currency, field } = condition;
  const min = condition.min === undefined ? Number.NEGATIVE_INFINITY : money(condition.min, currency).amountMinor;
  const max = condition.max === undefined ? Number.POSITIVE_INFINITY : money(condition.max, currency).amountMinor;
  const read = fieldReader(field);
  const amount = (decimal: string) => `${currency} ${groupDigits(decimal)}`;
  const expected =
    condition.min === undefined
      ? `${field} at most ${amount(condition.max ?? '')}`
      : condition.max === undefined
        ? `${field} at least ${amount(condition.min)}`
        : `${field} between ${amount(condition.min)} and ${amount(condition.max)}`;
  return {
    expected,
    evaluate(lead) {
      const value = read(lead);
      if (!isMoney(value)) return unknownOutcome(field, value);
      const leadValue: Money = { amountMinor: value.amountMinor, currency: value.currency };
      if (value.currency !== currency)
        return { status: 'unknown', leadValue, observed: `${field} is in ${value.currency}, not ${currency} (never converted)` };
      const status = value.amountMinor >= min && value.amountMinor <= max ? 'matched' : 'missed';
      return { status, leadValue, observed: `${field} is ${show(leadValue)}` };
    },
  };
}

function compileList(
  field: string,
  read: (lead: Lead) => unknown,
  condition: { readonly anyOf?: readonly string[] | undefined; readonly allOf?: readonly string[] | undefined },
  itemMatches: (wanted: string, present: readonly string[]) => boolean,
): CompiledCondition {
  const all = condition.allOf !== undefined;
  const wanted = (condition.allOf ?? condition.anyOf ?? []).map(normalize);
  const original = condition.allOf ?? condition.anyOf ?? [];
  return {
    expected: `${field} ${all ? 'all' : 'any'} of ${quoteList(original)}`,
    evaluate(lead) {
      const value = read(lead);
      if (isMissing(value) || !Array.isArray(value) || !value.every((item) => typeof item === 'string')) return unknownOutcome(field, value);
      const items = value as string[];
      const present = items.map(normalize);
      const hit = (item: string) => itemMatches(item, present);
      const status = (all ? wanted.every(hit) : wanted.some(hit)) ? 'matched' : 'missed';
      return { status, leadValue: items, observed: `${field} is ${show(items)}` };
    },
  };
}

function compileJobTitle(condition: Extract<IcpBaseCondition, { kind: 'jobTitle' }>): CompiledCondition {
  const phrases = condition.anyOf.map(words).filter((phrase) => phrase.length > 0);
  const field = 'contact.jobTitle';
  return {
    expected: `${field} containing ${quoteList(condition.anyOf)}`,
    evaluate(lead) {
      const title = lead.contact.jobTitle;
      if (title === undefined || title.trim() === '') return unknownOutcome(field, title);
      const titleWords = words(title);
      const contains = (phrase: readonly string[]) => {
        for (let start = 0; start + phrase.length <= titleWords.length; start++)
          if (phrase.every((word, offset) => titleWords[start + offset] === word)) return true;
        return false;
      };
      return { status: phrases.some(contains) ? 'matched' : 'missed', leadValue: title, observed: `${field} is ${JSON.stringify(title)}` };
    },
  };
}

function describeSignal(signal: IcpIntentSignal): string {
  const details = [
    ...(signal.pageKind === undefined ? [] : [signal.pageKind]),
    ...(signal.urlIncludes === undefined ? [] : [`URL contains ${JSON.stringify(signal.urlIncludes)}`]),
  ];
  return details.length === 0 ? signal.activity : `${signal.activity} (${details.join(', ')})`;
}

function signalMatches(signal: IcpIntentSignal, urlPart: string | undefined, activity: Activity): boolean {
  if (activity.type !== signal.activity) return false;
  if (signal.pageKind !== undefined && (activity.type !== 'page_viewed' || activity.pageKind !== signal.pageKind)) return false;
  if (urlPart !== undefined) {
    const url = activity.type === 'page_viewed' || activity.type === 'email_clicked' ? activity.url : undefined;
    if (url === undefined || !url.toLowerCase().includes(urlPart)) return false;
  }
  return true;
}

function compileIntent(condition: Extract<IcpBaseCondition, { kind: 'intent' }>): CompiledCondition {
  const { signals, withinDays, minCount } = condition;
  const urlParts = signals.map((signal) => signal.urlIncludes?.toLowerCase());
  const windowMs = withinDays * DAY_MS;
  return {
    expected: `at least ${minCount} of ${signals.map(describeSignal).join(' or ')} in the ${withinDays} days up to asOf`,
    evaluate(lead, asOfMs) {
      const seen: string[] = [];
      let count = 0;
      for (const activity of lead.activities) {
        const at = activity.at.getTime();
        if (!(at > asOfMs - windowMs && at <= asOfMs)) continue;
        const index = signals.findIndex((signal, position) => signalMatches(signal, urlParts[position], activity));
        if (index === -1) continue;
        count++;
        const signal = signals[index];
        if (seen.length < 10 && signal !== undefined) seen.push(`${describeSignal(signal)} on ${activity.at.toISOString().slice(0, 10)}`);
      }
      return {
        status: count >= minCount ? 'matched' : 'missed',
        leadValue: seen,
        observed: count === 0 ? `no such activity in the last ${withinDays} days` : `${count} in the last ${withinDays} days (${seen.join('; ')})`,
      };
    },
  };
}

function compileBase(condition: IcpBaseCondition): CompiledCondition {
  switch (condition.kind) {
    case 'oneOf':
      return compileOneOf(condition);
    case 'range':
      return compileRange(condition);
    case 'moneyRange':
      return compileMoneyRange(condition);
    case 'technologies': {
      const read = fieldReader('company.technologies');
      return compileList('company.technologies', read, condition, (wanted, present) => present.includes(wanted));
    }
    case 'painPoints': {
      // A pain point is said in many ways: "lack of scalable storage" matches "Lack of scalable storage solutions".
      const contains = (wanted: string, present: readonly string[]) => present.some((item) => item.includes(wanted) || wanted.includes(item));
      return compileList('painPoints', (lead) => lead.painPoints, condition, contains);
    }
    case 'jobTitle':
      return compileJobTitle(condition);
    case 'intent':
      return compileIntent(condition);
  }
}

/** Compiles a condition once into a function that judges leads; see {@link IcpCondition} for each kind's rule. */
export function compileCondition(condition: IcpCondition): CompiledCondition {
  if (condition.kind !== 'anyOf') return compileBase(condition);
  const alternatives = condition.conditions.map(compileBase);
  return {
    expected: alternatives.map((alternative) => alternative.expected).join(', or '),
    evaluate(lead, asOfMs) {
      const outcomes = alternatives.map((alternative) => alternative.evaluate(lead, asOfMs));
      const matched = outcomes.find((outcome) => outcome.status === 'matched');
      const status = matched !== undefined ? 'matched' : outcomes.some((outcome) => outcome.status === 'unknown') ? 'unknown' : 'missed';
      return {
        status,
        leadValue: outcomes.map((outcome) => outcome.leadValue),
        observed: matched !== undefined ? matched.observed : outcomes.map((outcome) => outcome.observed).join('; '),
      };
    },
  };
}
