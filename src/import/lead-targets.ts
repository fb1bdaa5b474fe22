/**
 * Internal: what an import can write into a lead schema, read from the schema itself (so an extended lead's fields
 * are targets too): for every field path, a check of the value written (the field's own zod schema, with fast paths
 * for the common ones), and for every object, its required keys.
 */
import type * as z from 'zod/v4';
import { humanizeZodIssue, showValue } from '../errors.ts';
import { Money } from '../models/money.ts';
import { CountryCode, countryCodeList, isCountryCode } from '../models/country.ts';
import { isCurrencyCode } from '../models/money.ts';
import { Id, ShortText } from '../models/text.ts';
import type { LeadSchema } from '../conditions/field-path.ts';

/** Checks a value for a field: `undefined` when it fits, else a message. */
export type FieldCheck = (value: unknown) => string | undefined;

/** One field an import may write. */
export interface TargetField {
  readonly path: string;
  readonly kind: 'text' | 'number' | 'boolean' | 'date' | 'money' | 'list' | 'any';
  readonly check: FieldCheck;
  /** The closed list of values, for enums. */
  readonly values?: readonly string[] | undefined;
}

/** The fields and objects of a lead schema, for writing. */
export interface LeadTargets {
  readonly fields: ReadonlyMap<string, TargetField>;
  /** Required keys of each object by its path (`''` for the lead itself). */
  readonly requiredKeys: ReadonlyMap<string, readonly string[]>;
  /** Paths of open records (`customFields`): any sub-path is a field of kind `any`. */
  readonly openRecords: readonly string[];
}

interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return typeof schema === 'object' && schema !== null && '_zod' in schema ? (schema as { _zod: { def: Def } })._zod.def : undefined;
}

const wrappers = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'nonoptional', 'prefault']);

function unwrap(schema: unknown): { schema: unknown; optional: boolean } {
  let current = schema;
  let optional = false;
  for (let step = 0; step < 20; step++) {
    const def = defOf(current);
    if (def === undefined) break;
    if (wrappers.has(def.type)) {
      if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
      current = def['innerType'];
    } else if (def.type === 'lazy') current = (def['getter'] as () => unknown)();
    else break;
  }
  return { schema: current, optional };
}

interface CheckDef {
  readonly check?: string;
  readonly format?: string;
  readonly pattern?: unknown;
  readonly maximum?: unknown;
  readonly minimum?: unknown;
  readonly value?: unknown;
  readonly inclusive?: boolean;
}

/** The test of an integer number format (`safeint`, `int32`); `undefined` for a format this does not know. */
function integerTest(format: unknown): ((value: number) => boolean) | undefined {
  if (format === 'safeint') return (value: number) => Number.isSafeInteger(value);
  if (format === 'int32') return (value: number) => Number.isInteger(value) && value >= -2_147_483_648 && value <= 2_147_483_647;
  return undefined;
}

/**
 * A fast yes for the values a string or number schema accepts, read from its checks (lengths, patterns, integer,
 * bounds); `undefined` when the schema has a check this does not know. Only a yes is fast: a value it refuses is given
 * to zod itself for the message, so zod stays the judge.
 */
function fastAccept(schema: z.ZodType): ((value: unknown) => boolean) | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; pattern?: unknown; checks?: readonly { _zod: { def: CheckDef } }[] } } })._zod.def;
  const tests: ((value: never) => boolean)[] = [];
  if (def.type === 'array') {
    // A list (such as company.technologies): its length checks below, and every item accepted by its own schema.
    const item = fastAccept((def as unknown as { element: z.ZodType }).element);
    if (item === undefined) return undefined;
    tests.push((value: readonly unknown[]) => value.every(item));
  } else if (def.type === 'string') {
    if (def.pattern instanceof RegExp && !def.pattern.global && !def.pattern.sticky) {
      const pattern = def.pattern;
      tests.push((value: string) => pattern.test(value));
    } else if (def.pattern !== undefined) return undefined;
  } else if (def.type !== 'number') return undefined;
  // z.int() and its kind keep their format on the schema itself, not among the checks.
  const ownFormat = (def as { format?: unknown }).format;
  if (def.type === 'number' && ownFormat !== undefined) {
    const integer = integerTest(ownFormat);
    if (integer === undefined) return undefined;
    tests.push(integer);
  }
  for (const check of def.checks ?? []) {
    const found = check._zod.def;
    const limit =
      typeof found.maximum === 'number'
        ? found.maximum
        : typeof found.minimum === 'number'
          ? found.minimum
          : typeof found.value === 'number'
            ? found.value
            : NaN;
    switch (found.check) {
      case 'max_length':
        tests.push((value: string) => value.length <= limit);
        break;
      case 'min_length':
        tests.push((value: string) => value.length >= limit);
        break;
      case 'string_format':
        if (!(found.pattern instanceof RegExp) || found.pattern.global || found.pattern.sticky) return undefined;
        {
          const pattern = found.pattern;
          tests.push((value: string) => pattern.test(value));
        }
        break;
      case 'number_format': {
        const integer = integerTest(found.format);
        if (integer === undefined) return undefined;
        tests.push(integer);
        break;
      }
      case 'greater_than':
        tests.push(found.inclusive === false ? (value: number) => value > limit : (value: number) => value >= limit);
        break;
      case 'less_than':
        tests.push(found.inclusive === false ? (value: number) => value < limit : (value: number) => value <= limit);
        break;
      default:
        return undefined;
    }
  }
  const type = def.type;
  return (value) => {
    if (type === 'array' ? !Array.isArray(value) : typeof value !== type || (type === 'number' && !Number.isFinite(value))) return false;
    for (const test of tests) if (!test(value as never)) return false;
    return true;
  };
}

function zodCheck(schema: z.ZodType): FieldCheck {
  const accept = fastAccept(schema);
  return (value) => {
    if (accept?.(value)) return undefined;
    const result = schema.safeParse(value, { error: humanizeZodIssue });
    if (result.success) return undefined;
    const first = result.error.issues[0];
    return first === undefined ? 'is not valid' : first.message;
  };
}

const shortTextCheck: FieldCheck = (value) => {
  if (typeof value !== 'string') return `must be text, not ${showValue(value)}`;
  if (value.length === 0) return 'must not be empty';
  return value.length > 500 ? `must be at most 500 characters long (it has ${value.length})` : undefined;
};

const idCheck: FieldCheck = (value) => {
  if (typeof value !== 'string' || value.length === 0) return `must be non-empty text, not ${showValue(value)}`;
  return value.length > 200 ? `must be at most 200 characters long (it has ${value.length})` : undefined;
};

const dateCheck: FieldCheck = (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : `must be a date, not ${showValue(value)}`);

const moneyCheck: FieldCheck = (value) => {
  const amount = value as { amountMinor?: unknown; currency?: unknown } | null;
  // What every money step gives: an integer number of minor units and a known currency.
  if (
    typeof amount === 'object' &&
    amount !== null &&
    Number.isSafeInteger(amount.amountMinor) &&
    typeof amount.currency === 'string' &&
    isCurrencyCode(amount.currency)
  )
    return undefined;
  return `must be an amount of money, not ${showValue(value)}`;
};

const countryCheck: FieldCheck = (value) => (typeof value === 'string' && isCountryCode(value) ? undefined : zodCheck(CountryCode)(value));

const booleanCheck: FieldCheck = (value) => (typeof value === 'boolean' ? undefined : `must be true or false, not ${showValue(value)}`);

function enumCheck(values: readonly string[]): FieldCheck {
  const allowed = new Set(values);
  const listed =
    values
      .slice(0, 12)
      .map((value) => JSON.stringify(value))
      .join(', ') + (values.length > 12 ? ', …' : '');
  return (value) => (typeof value === 'string' && allowed.has(value) ? undefined : `must be one of ${listed}, not ${showValue(value)}`);
}

function enumValues(def: Def): string[] | undefined {
  if (def.type === 'enum') return Object.values(def['entries'] as Record<string, string>).map(String);
  if (def.type === 'literal') return (def['values'] as unknown[]).map(String);
  return undefined;
}

function leafOf(schema: unknown, path: string): TargetField | 'object' | 'record' | undefined {
  if (schema === Money) return { path, kind: 'money', check: moneyCheck };
  if (schema === CountryCode) return { path, kind: 'text', values: countryCodeList, check: countryCheck };
  if (schema === ShortText) return { path, kind: 'text', check: shortTextCheck };
  if (schema === Id) return { path, kind: 'text', check: idCheck };
  const def = defOf(schema);
  if (def === undefined) return undefined;
  switch (def.type) {
    case 'object':
      return 'object';
    case 'record':
      return 'record';
    case 'string':
      return { path, kind: 'text', check: zodCheck(schema as z.ZodType) };
    case 'number':
    case 'int':
      return { path, kind: 'number', check: zodCheck(schema as z.ZodType) };
    case 'boolean':
      return { path, kind: 'boolean', check: booleanCheck };
    case 'date':
      return { path, kind: 'date', check: dateCheck };
    case 'enum':
    case 'literal': {
      const values = enumValues(def) as string[];
      return { path, kind: 'text', values, check: enumCheck(values) };
    }
    case 'pipe': {
      const out = unwrap(def['out']).schema;
      const outDef = defOf(out);
      if (outDef?.type === 'date') return { path, kind: 'date', check: dateCheck };
      if (outDef?.type === 'object') {
        const keys = Object.keys(outDef['shape'] as object);
        if (keys.includes('amountMinor') && keys.includes('currency')) return { path, kind: 'money', check: moneyCheck };
      }
      return leafOf(out, path);
    }
    case 'array': {
      const element = unwrap(def['element']).schema;
      const elementDef = defOf(element);
      if (elementDef?.type === 'string' || element === ShortText) return { path, kind: 'list', check: zodCheck(schema as z.ZodType) };
      return undefined;
    }
    case 'union':
      return { path, kind: 'any', check: zodCheck(schema as z.ZodType) };
    default:
      return undefined;
  }
}

const skippedRootKeys = new Set(['schemaVersion', 'activities', 'stageHistory']);

/** Reads the writable fields and the required keys of a lead schema. */
export function leadTargets(schema: LeadSchema): LeadTargets {
  const fields = new Map<string, TargetField>();
  const requiredKeys = new Map<string, string[]>();
  const openRecords: string[] = [];
  const visit = (owner: unknown, prefix: string, depth: number): void => {
    const def = defOf(owner);
    if (def === undefined || def.type !== 'object' || depth > 6) return;
    const shape = def['shape'] as Record<string, unknown>;
    const required: string[] = [];
    for (const key of Object.keys(shape)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      if (prefix === '' && skippedRootKeys.has(key)) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const { schema: inner, optional } = unwrap(shape[key]);
      if (!optional) required.push(key);
      const found = leafOf(inner, path);
      if (found === undefined) continue;
      if (found === 'object') visit(inner, path, depth + 1);
      else if (found === 'record') openRecords.push(path);
      else fields.set(path, found);
    }
    requiredKeys.set(prefix, required);
  };
  visit(schema, '', 0);
  return { fields, requiredKeys, openRecords };
}

/** The target field of a path: a known field, or a sub-path of an open record (`customFields.plan`). */
export function targetField(targets: LeadTargets, path: string): TargetField | undefined {
  const known = targets.fields.get(path);
  if (known !== undefined) return known;
  for (const record of targets.openRecords)
    if (path.startsWith(`${record}.`) && path.length > record.length + 1) return { path, kind: 'any', check: customValueCheck };
  return undefined;
}

const customValueCheck: FieldCheck = (value) => {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `must be a finite number, not ${showValue(value)}`;
  if (typeof value === 'string') return value.length > 10_000 ? `must be at most 10,000 characters long (it has ${value.length})` : undefined;
  if (Array.isArray(value))
    return value.every((item) => typeof item === 'string' && item.length <= 10_000) && value.length <= 1000
      ? undefined
      : 'must be a list of at most 1,000 texts';
  return `must be text, a number, true or false, not ${showValue(value)}`;
};
