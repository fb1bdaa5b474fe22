/**
 * Internal: a column's pipeline compiled once into a function of the value. A step gives the next value,
 * {@link MISSING} (the value is missing after all), or a {@link StepFailure} saying what was expected.
 */
import { foldText } from '../conditions/fold-text.ts';
import { countryCodeList } from '../models/country.ts';
import { isCurrencyCode } from '../models/money.ts';
import { closestMatch } from '../internal/suggest.ts';
import { showValue } from '../errors.ts';
import { countryCodeFromName, knownCountryNames } from './country-from-name.ts';
import { compileDateReader, DEFAULT_DATE_FORMATS } from './date-reader.ts';
import type { ImportMapping, ImportStep, MappedValue, ValueMapOtherwise } from './mapping-definition.ts';
import { decimalToMinorUnits, readNumberText, type NumberFormat } from './number-text.ts';
import { seniorityFromTitle } from './seniority-from-title.ts';
import type { TargetField } from './lead-targets.ts';

/** The value is missing after a step (a map to `null`, a list with nothing in it). */
export const MISSING: unique symbol = Symbol('missing');

const FAILED: unique symbol = Symbol('failed');

/** Why a step refused a value. */
export interface StepFailure {
  readonly [FAILED]: true;
  /** What is wrong with the value. */
  readonly message: string;
  /** What the column should hold. */
  readonly expected: string;
}

/** A step's refusal. */
export function failure(message: string, expected: string): StepFailure {
  return { [FAILED]: true, message, expected };
}

/** Whether a step's result is a refusal. */
export function isFailure(value: unknown): value is StepFailure {
  return typeof value === 'object' && value !== null && (value as { [FAILED]?: true })[FAILED] === true;
}

/** What a compiled step reads of the rest of the row (another column's value). */
export interface RowValues {
  /** The value of a column in this row, or `undefined`. */
  read(columns: readonly string[]): unknown;
}

/** A compiled step. */
export type CompiledStep = (value: unknown, row: RowValues) => unknown;

/** Counts the values that fell to a value map's `otherwise` (internal: the summary's). */
export type OtherwiseSink = (value: unknown) => void;

/** What a pipeline needs from the mapping. */
export interface StepContext {
  readonly mapping: ImportMapping;
  readonly isMissing: (value: unknown) => boolean;
  readonly onOtherwise: OtherwiseSink;
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', 't', 'on', 'checked', 'x'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'f', 'off', 'unchecked'];

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function describeFormat(format: NumberFormat): string {
  const decimal = format.decimal ?? '.';
  const grouping = format.grouping ?? (decimal === '.' ? ',' : '.');
  return `a number such as 1${grouping}234${decimal}5`;
}

function numberStep(format: NumberFormat): CompiledStep {
  const expected = describeFormat(format);
  return (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : failure(`${showValue(value)} is not a finite number`, expected);
    const text = asText(value);
    if (text === undefined) return failure(`${showValue(value)} is not a number`, expected);
    // Plain digits (a count, a head count): the number readNumberText's decimal gives, without the object.
    if (text.length > 0 && text.length < 16 && isDigits(text)) return Number(text);
    const read = readNumberText(text, format);
    return read.ok ? Number(read.decimal) : failure(read.message, expected);
  };
}

function booleanStep(words: { readonly true?: readonly string[] | undefined; readonly false?: readonly string[] | undefined }): CompiledStep {
  const yes = new Set((words.true ?? TRUE_WORDS).map((word) => foldText(word.trim())));
  const no = new Set((words.false ?? FALSE_WORDS).map((word) => foldText(word.trim())));
  const expected = `one of ${[...yes].slice(0, 4).join(', ')} or ${[...no].slice(0, 4).join(', ')}`;
  return (value) => {
    if (typeof value === 'boolean') return value;
    const text = asText(value);
    if (text !== undefined) {
      const word = foldText(text.trim());
      if (yes.has(word)) return true;
      if (no.has(word)) return false;
    }
    return failure(`${showValue(value)} is not a yes/no value`, expected);
  };
}

function moneyStep(
  options: {
    currency?: string | undefined;
    currencyColumn?: string | readonly string[] | undefined;
    decimal?: '.' | ',' | undefined;
    grouping?: ',' | '.' | ' ' | "'" | '' | undefined;
  },
  mapping: ImportMapping,
): CompiledStep {
  const fixed = options.currency ?? mapping.currency;
  const currencyColumns =
    options.currencyColumn === undefined ? undefined : typeof options.currencyColumn === 'string' ? [options.currencyColumn] : options.currencyColumn;
  const format: NumberFormat = { decimal: options.decimal ?? mapping.numberFormat?.decimal, grouping: options.grouping ?? mapping.numberFormat?.grouping };
  const expected = `an amount, ${describeFormat(format)}`;
  const fixedIsCurrency = fixed !== undefined && isCurrencyCode(fixed);
  return (value, row) => {
    let currency = fixed;
    if (currencyColumns !== undefined) {
      const named = asText(row.read(currencyColumns));
      if (named !== undefined && named.trim() !== '') currency = named.trim().toUpperCase();
    }
    if (currency === undefined)
      return failure(
        'has no currency: the mapping names no currency and no currency column gave one',
        'an amount with a currency (set "currency" in the mapping)',
      );
    // The fixed currency is checked once; one named by a column, on each row.
    if (currency === fixed ? !fixedIsCurrency : !isCurrencyCode(currency))
      return failure(`${JSON.stringify(currency)} is not an ISO 4217 currency code`, 'a currency such as USD, EUR, GBP');
    let decimal: string;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return failure(`${showValue(value)} is not an amount`, expected);
      decimal = String(value);
      if (/e/i.test(decimal)) {
        const read = readNumberText(decimal);
        if (!read.ok) return failure(read.message, expected);
        decimal = read.decimal;
      }
    } else {
      const text = asText(value);
      if (text === undefined) return failure(`${showValue(value)} is not an amount`, expected);
      const read = readNumberText(text, format);
      if (!read.ok) return failure(read.message, expected);
      decimal = read.decimal;
    }
    const minor = decimalToMinorUnits(decimal, currency);
    return minor.ok ? { amountMinor: minor.minor, currency } : failure(minor.message, expected);
  };
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

type DateOptions = { readonly format?: string | readonly string[] | undefined; readonly timeZone?: string | undefined };

/** A date step's reading as epoch milliseconds, or its refusal: a `Date` is made only where one is kept. */
export type DateMsStep = (value: unknown) => number | StepFailure;

function dateMsStep(options: DateOptions, mapping: ImportMapping): DateMsStep {
  const formatOption = options.format ?? mapping.dateFormat;
  const formats = formatOption === undefined ? DEFAULT_DATE_FORMATS : typeof formatOption === 'string' ? [formatOption] : formatOption;
  const timeZone = options.timeZone ?? mapping.timeZone ?? 'UTC';
  const read = compileDateReader(formats, timeZone);
  const expected =
    formatOption === undefined
      ? 'an ISO 8601 date such as 2024-05-01 or 2024-05-01T09:30:00Z'
      : `a date in the format ${formats.map((format) => JSON.stringify(format)).join(' or ')}`;
  return (value) => {
    if (value instanceof Date) {
      const ms = value.getTime();
      return ms !== ms ? failure('is not a valid date', expected) : ms;
    }
    if (typeof value === 'number') {
      const ms = new Date(value).getTime();
      return ms !== ms ? failure(`${showValue(value)} is not a date`, expected) : ms;
    }
    const text = asText(value);
    if (text === undefined) return failure(`${showValue(value)} is not a date`, expected);
    const ms = read(text.trim());
    if (ms !== ms || ms < -8.64e15 || ms > 8.64e15)
      return failure(`${showValue(text)} is not a real date in this format (a 31 February, a 25th hour or another layout)`, expected);
    return ms;
  };
}

function dateStep(options: DateOptions, mapping: ImportMapping): CompiledStep {
  const readMs = dateMsStep(options, mapping);
  return (value) => {
    // A valid Date is kept as it is (the same object).
    if (value instanceof Date && value.getTime() === value.getTime()) return value;
    const ms = readMs(value);
    return typeof ms === 'number' ? new Date(ms) : ms;
  };
}

/**
 * The mapping's date reading (its formats and time zone) as epoch milliseconds, for dates that only place other values
 * in time (the activities made from engagement counts): what `compilePipeline(['date'], …)` gives a value that is not
 * missing, without making the `Date`.
 */
export function compileDateMs(mapping: ImportMapping): DateMsStep {
  return dateMsStep({}, mapping);
}

/** The mapping's date step alone: what `compilePipeline(['date'], …)` gives a value that is not missing (a `Date` or a refusal). */
export function compileDateStep(mapping: ImportMapping): CompiledStep {
  return dateStep({}, mapping);
}

let countryNameList: string[] | undefined;
const countryStep: CompiledStep = (value) => {
  const text = asText(value);
  if (text === undefined) return failure(`${showValue(value)} is not a country`, 'a country name or ISO code such as "United States", "UK" or "DE"');
  const found = countryCodeFromName(text);
  if (found !== undefined && 'code' in found) return found.code;
  if (found !== undefined)
    return failure(`${showValue(text)} names more than one country`, 'an ISO code or an unambiguous name (add a value map before "country")');
  countryNameList ??= knownCountryNames();
  const suggestion = closestMatch(text.trim(), countryNameList);
  return failure(
    `${showValue(text)} is not a country name or code leadkit knows${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}`,
    'a country name or ISO code such as "United States", "UK" or "DE" (map other spellings with a value map before "country")',
  );
};

const seniorityStep: CompiledStep = (value) => {
  const text = asText(value);
  if (text === undefined) return MISSING;
  return seniorityFromTitle(text) ?? MISSING;
};

const domainStep: CompiledStep = (value) => {
  const text = asText(value);
  if (text === undefined) return failure(`${showValue(value)} is not a web address`, 'a domain or web address such as acme.com');
  const domain = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\d?\./, '')
    .replace(/\.$/, '');
  return domain === '' ? MISSING : domain;
};

/** The most texts a remembering step keeps (per column and run): memory stays bounded whatever the file. */
const REMEMBERED_TEXTS = 2000;

/**
 * A step that depends on the text alone, remembering what it gave each text (exports repeat their countries,
 * industries, titles and websites): a text seen before costs one lookup. Only text results and {@link MISSING} are
 * kept (a refusal is made again, with its message), and only the first {@link REMEMBERED_TEXTS} texts.
 */
function remembering(step: CompiledStep): CompiledStep {
  const known = new Map<string, unknown>();
  return (value, row) => {
    if (typeof value !== 'string') return step(value, row);
    const found = known.get(value);
    if (found !== undefined) return found;
    const result = step(value, row);
    if ((typeof result === 'string' || result === MISSING) && known.size < REMEMBERED_TEXTS) known.set(value, result);
    return result;
  };
}

function mapStep(
  step: {
    readonly map: Readonly<Record<string, MappedValue>>;
    readonly otherwise?: ValueMapOtherwise | undefined;
    readonly caseSensitive?: boolean | undefined;
  },
  context: StepContext,
): CompiledStep {
  const caseSensitive = step.caseSensitive === true;
  const key = (text: string): string => (caseSensitive ? text.trim() : foldText(text.trim()));
  const table = new Map<string, MappedValue>();
  for (const from of Object.keys(step.map)) table.set(key(from), step.map[from] as MappedValue);
  const otherwise = step.otherwise ?? 'keep';
  const listed = Object.keys(step.map);
  return (value) => {
    const text = asText(value);
    if (text !== undefined) {
      const found = table.get(key(text));
      if (found !== undefined || table.has(key(text))) return found === null ? MISSING : found;
    }
    context.onOtherwise(value);
    if (otherwise === 'keep') return value;
    if (otherwise === 'missing') return MISSING;
    if (otherwise === 'reject') {
      const suggestion = text === undefined ? undefined : closestMatch(text.trim(), listed);
      return failure(
        `${showValue(value)} is not one of the values the mapping lists${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}`,
        `one of ${listed
          .slice(0, 8)
          .map((item) => JSON.stringify(item))
          .join(', ')}${listed.length > 8 ? ', …' : ''}`,
      );
    }
    return otherwise.value === null ? MISSING : otherwise.value;
  };
}

function compileStep(step: ImportStep, context: StepContext): CompiledStep {
  const mapping = context.mapping;
  if (typeof step === 'string') {
    switch (step) {
      case 'trim':
        return (value) => (typeof value === 'string' ? value.trim() : value);
      case 'lowercase':
        return (value) => (typeof value === 'string' ? foldText(value) : value);
      case 'uppercase':
        return (value) => (typeof value === 'string' ? value.toUpperCase() : value);
      case 'slug':
        return remembering((value) => {
          if (typeof value !== 'string') return value;
          const slug = foldText(value)
            .replace(/[^\p{L}\p{N}]+/gu, '-')
            .replace(/^-+|-+$/g, '');
          return slug === '' ? MISSING : slug;
        });
      case 'number':
        return numberStep(mapping.numberFormat ?? {});
      case 'boolean':
        return booleanStep({});
      case 'money':
        return moneyStep({}, mapping);
      case 'date':
        return dateStep({}, mapping);
      case 'country':
        return remembering(countryStep);
      case 'seniority':
        return remembering(seniorityStep);
      case 'domain':
        return remembering(domainStep);
    }
  }
  if ('map' in step) return mapStep(step, context);
  if ('number' in step) return numberStep(step.number);
  if ('boolean' in step) return booleanStep(step.boolean);
  if ('money' in step) return moneyStep(step.money, mapping);
  if ('date' in step) return dateStep(step.date, mapping);
  throw new RangeError('unreachable: split is compiled by compilePipeline');
}

/** The step a field's kind adds when the pipeline gives it text (or a number to a text field). */
function finalStep(field: TargetField, context: StepContext): CompiledStep | undefined {
  const mapping = context.mapping;
  switch (field.kind) {
    case 'number':
      return numberStep(mapping.numberFormat ?? {});
    case 'boolean':
      return booleanStep({});
    case 'date':
      return dateStep({}, mapping);
    case 'money':
      return moneyStep({}, mapping);
    case 'list': {
      const separator = mapping.listSeparator ?? ';';
      return (value) => {
        if (Array.isArray(value)) return value;
        const text = asText(value);
        if (text === undefined) return value;
        const items = text
          .split(separator)
          .map((item) => item.trim())
          .filter((item) => !context.isMissing(item));
        return items.length === 0 ? MISSING : items;
      };
    }
    case 'text':
      if (field.values === countryCodeList) return remembering((value) => countryStep(value, noRow));
      return (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value);
    default:
      return undefined;
  }
}

const noRow: RowValues = { read: () => undefined };

/**
 * Compiles a pipeline for a field: its steps, then the step the field's kind adds for text. After a `split`, the
 * later steps run on each item and missing items are dropped.
 */
export function compilePipeline(steps: readonly ImportStep[] | undefined, field: TargetField, context: StepContext): CompiledStep {
  const before: CompiledStep[] = [];
  const after: CompiledStep[] = [];
  let separator: string | undefined;
  for (const step of steps ?? []) {
    if (typeof step === 'object' && 'split' in step) {
      if (separator === undefined) separator = step.split;
      continue;
    }
    (separator === undefined ? before : after).push(compileStep(step, context));
  }
  const kindStep = finalStep(field, context);
  // Only text (or a number for a non-number field) still needs the field's own step: a Money, a Date, a boolean or a list
  // made by an explicit step is already of the field's kind.
  const final: CompiledStep | undefined =
    kindStep === undefined
      ? undefined
      : (value, row) => (typeof value === 'string' || (typeof value === 'number' && field.kind !== 'number') ? kindStep(value, row) : value);
  const run = (list: readonly CompiledStep[], initial: unknown, row: RowValues): unknown => {
    let value = initial;
    for (const step of list) {
      value = step(value, row);
      if (value === MISSING || isFailure(value)) return value;
      if (context.isMissing(value)) return MISSING;
    }
    return value;
  };
  if (separator === undefined) {
    if (before.length === 0 && kindStep !== undefined) {
      // No steps, only the field's own (the common column): one call less per value.
      const numberField = field.kind === 'number';
      return (value, row) => {
        const result = typeof value === 'string' || (typeof value === 'number' && !numberField) ? kindStep(value, row) : value;
        return result !== MISSING && !isFailure(result) && context.isMissing(result) ? MISSING : result;
      };
    }
    if (final !== undefined) before.push(final);
    if (before.length === 1) {
      const only = before[0] as CompiledStep;
      return (value, row) => {
        const result = only(value, row);
        return result !== MISSING && !isFailure(result) && context.isMissing(result) ? MISSING : result;
      };
    }
    return (value, row) => run(before, value, row);
  }
  const split = separator;
  return (value, row) => {
    const whole = run(before, value, row);
    if (whole === MISSING || isFailure(whole)) return whole;
    const text = asText(whole);
    const items = Array.isArray(whole) ? (whole as unknown[]) : text === undefined ? [whole] : text.split(split);
    const out: unknown[] = [];
    for (const item of items) {
      if (context.isMissing(item)) continue;
      const result = run(after, typeof item === 'string' ? item.trim() : item, row);
      if (result === MISSING) continue;
      if (isFailure(result)) return result;
      out.push(result);
    }
    if (out.length === 0) return MISSING;
    return out;
  };
}
