/**
 * Internal: the checks of a definition's field paths against a lead schema's fields: every path names a field (with a
 * "did you mean" when it does not), every test suits what the field holds, every listed value of a closed list is one
 * of its values.
 */
import { issue, showValue, type ValidationIssue } from '../errors.ts';
import { didYouMean } from '../internal/suggest.ts';
import { countryCodeList, suggestCountryCode } from '../models/country.ts';
import type { ConditionValue } from './condition-definition.ts';
import { FieldPath, resolveFieldPath, type LeadField, type LeadFieldCatalog, type LeadFieldKind } from './field-path.ts';

/** How a definition uses a field: which test, with which values. */
export interface FieldUse {
  /** `equals`/`in` compare values; `range` compares numbers; `text` tests text; `exists` tests presence; `values` maps values to points; `read` only reads it. */
  readonly test: 'equals' | 'in' | 'range' | 'text' | 'exists' | 'values' | 'read';
  /** The values compared with (`equals`, `in`, `values`). */
  readonly values?: readonly ConditionValue[] | undefined;
  /** The currency of a range on an amount of money. */
  readonly currency?: string | undefined;
  /** Values are compared exactly. */
  readonly caseSensitive?: boolean | undefined;
}

const kindWords: Record<LeadFieldKind, string> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
  money: 'an amount of money',
  list: 'a list of text',
  any: 'any value',
};

function allowed(kind: LeadFieldKind, use: FieldUse): string | undefined {
  if (use.test === 'exists' || use.test === 'read' || kind === 'any') return undefined;
  const suits: Record<FieldUse['test'], readonly LeadFieldKind[]> = {
    equals: ['text', 'number', 'boolean', 'list'],
    in: ['text', 'number', 'boolean', 'list'],
    values: ['text', 'number', 'boolean', 'list'],
    range: ['number', 'money'],
    text: ['text', 'list'],
    exists: [],
    read: [],
  };
  if (suits[use.test].includes(kind)) return undefined;
  const advice: Record<FieldUse['test'], string> = {
    equals: 'compare it with min/max or exists',
    in: 'compare it with min/max or exists',
    values: 'use a bands rule or exists',
    range: 'use equals, in, contains or exists',
    text: 'use equals, in, min/max or exists',
    exists: '',
    read: '',
  };
  return `holds ${kindWords[kind]}, so it cannot be tested this way: ${advice[use.test]}`;
}

function valueType(kind: LeadFieldKind): 'string' | 'number' | 'boolean' | undefined {
  if (kind === 'text' || kind === 'list') return 'string';
  if (kind === 'number') return 'number';
  if (kind === 'boolean') return 'boolean';
  return undefined;
}

/** The problems of one use of a field, each with a path under `path`. */
export function fieldUseIssues(
  fieldPath: string,
  use: FieldUse,
  catalog: LeadFieldCatalog,
  path: readonly (string | number)[],
  valuePath: (index: number) => (string | number)[],
): ValidationIssue[] {
  const resolved = resolveFieldPath(fieldPath, catalog);
  if (!resolved.ok) return [issue([...path], resolved.message, 'unknown_field')];
  const field: LeadField = resolved.field;
  const problems: ValidationIssue[] = [];
  const wrongTest = allowed(field.kind, use);
  if (wrongTest !== undefined) return [issue([...path], `${fieldPath} ${wrongTest}`, 'unsuited_test')];
  if (use.test === 'range' && field.kind === 'money' && use.currency === undefined)
    problems.push(
      issue(
        [...path],
        `${fieldPath} is an amount of money: give "currency", the currency min and max are in (amounts in other currencies are unknown, never converted)`,
        'currency_required',
      ),
    );
  if (use.test === 'range' && field.kind !== 'money' && field.kind !== 'any' && use.currency !== undefined)
    problems.push(issue([...path], `${fieldPath} is not an amount of money: "currency" does not apply`, 'currency_not_money'));
  const expected = valueType(field.kind);
  const closed =
    field.values === undefined ? undefined : new Map(field.values.map((value) => [use.caseSensitive === true ? value : value.toLowerCase(), value]));
  (use.values ?? []).forEach((value, index) => {
    if (expected !== undefined && use.test !== 'values' && typeof value !== expected) {
      problems.push(issue(valuePath(index), `${fieldPath} holds ${kindWords[field.kind]}: ${showValue(value)} can never equal it`, 'value_type'));
      return;
    }
    if (closed !== undefined && typeof value === 'string' && !closed.has(use.caseSensitive === true ? value : value.toLowerCase())) {
      const listed = field.values ?? [];
      const shown = listed.length > 20 ? `${listed.slice(0, 20).join(', ')}, … (${listed.length} in all)` : listed.join(', ');
      const country = listed === countryCodeList ? suggestCountryCode(value) : undefined;
      const hint = listed === countryCodeList ? (country === undefined ? '' : ` (did you mean ${JSON.stringify(country)}?)`) : didYouMean(value, listed);
      problems.push(issue(valuePath(index), `${showValue(value)} is not a value of ${fieldPath}${hint}; use one of ${shown}`, 'unknown_value'));
    }
  });
  return problems;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function useOf(condition: Record<string, unknown>): FieldUse {
  const caseSensitive = condition['caseSensitive'] === true;
  const scalar = (value: unknown): value is ConditionValue => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (condition['equals'] !== undefined) return { test: 'equals', values: scalar(condition['equals']) ? [condition['equals']] : [], caseSensitive };
  if (condition['in'] !== undefined) return { test: 'in', values: Array.isArray(condition['in']) ? condition['in'].filter(scalar) : [], caseSensitive };
  if (condition['exists'] !== undefined) return { test: 'exists' };
  if (condition['min'] !== undefined || condition['max'] !== undefined)
    return { test: 'range', currency: typeof condition['currency'] === 'string' ? condition['currency'] : undefined };
  if (FIELD_TEST_NAMES.some((test) => condition[test] !== undefined)) return { test: 'text', caseSensitive };
  return { test: 'read' };
}

const FIELD_TEST_NAMES: readonly string[] = ['equals', 'in', 'min', 'max', 'exists', 'contains', 'startsWith', 'endsWith', 'containsWords'];

/**
 * Every field problem of a condition (and of the conditions it holds) against a catalog, each with its path under
 * `path`. It reads the condition defensively, so it also runs on input that did not parse (to list every problem at
 * once), and iteratively, so a deep condition cannot overflow the stack.
 */
export function conditionFieldIssues(condition: unknown, catalog: LeadFieldCatalog, path: readonly (string | number)[]): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const pending: { condition: unknown; path: readonly (string | number)[] }[] = [{ condition, path }];
  // Depth first in the order written, so problems are listed in reading order.
  while (pending.length > 0) {
    const next = pending.pop() as { condition: unknown; path: readonly (string | number)[] };
    const { condition: current, path: at } = next;
    if (!isRecord(current)) continue;
    // A path that is not even a path has its own problem from the schema: say it once.
    if (typeof current['field'] === 'string' && FieldPath.safeParse(current['field']).success) {
      const use = useOf(current);
      const key = use.test === 'equals' ? 'equals' : 'in';
      problems.push(
        ...fieldUseIssues(current['field'], use, catalog, [...at, 'field'], (index) => (key === 'equals' ? [...at, 'equals'] : [...at, 'in', index])),
      );
    }
    const children: { condition: unknown; path: readonly (string | number)[] }[] = [];
    for (const combination of ['all', 'any'] as const) {
      const parts = current[combination];
      if (Array.isArray(parts)) parts.forEach((part: unknown, index) => children.push({ condition: part, path: [...at, combination, index] }));
    }
    if (current['not'] !== undefined) children.push({ condition: current['not'], path: [...at, 'not'] });
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as { condition: unknown; path: readonly (string | number)[] });
  }
  return problems;
}
