import * as z from 'zod/v4';
import { CurrencyCode } from '../models/money.ts';
import { ActivityFilter, type ActivityFilterJson } from './activity-filter.ts';
import { FieldPath, type FieldPathText } from './field-path.ts';

/** A value a field test compares with. */
export type ConditionValue = string | number | boolean;

/** One text or a list of texts (any of them). */
export type TextOrList = string | readonly string[];

/**
 * A condition on a lead, as JSON: exactly one of these forms.
 * - A **field test**: `field` and one test: `equals`, `in`, `min`/`max` (with `currency` for an amount of money),
 *   `exists`, `contains`, `startsWith`, `endsWith` or `containsWords`; `caseSensitive: true` compares text exactly.
 * - A **combination**: `all` (every one holds), `any` (one holds) or `not`.
 * - An **activity test**: `activity` (which activities count) with `atLeast` (default 1), `atMost` and `withinDays`.
 *
 * A condition has three outcomes: it holds, it fails, or it is unknown because the lead lacks the data (a field test
 * on a missing field). `not` keeps unknown unknown; `all` fails when one part fails; `any` holds when one part holds
 * (the logic of SQL's `NULL`). A rule, a gate, an override or a segment fires only when its condition holds; an ICP
 * criterion reports unknown apart.
 */
export interface ConditionJson {
  /** The field a field test reads: a dotted path (`company.industry`, `customFields.plan`). */
  readonly field?: FieldPathText | undefined;
  /** The field equals this value (for a list field: the list holds it). */
  readonly equals?: ConditionValue | undefined;
  /** The field is one of these values (for a list field: the lists share one). */
  readonly in?: readonly ConditionValue[] | undefined;
  /** The number (or amount of money) is at least this, inclusive. */
  readonly min?: number | undefined;
  /** The number (or amount of money) is at most this, inclusive. */
  readonly max?: number | undefined;
  /** With `min`/`max` on an amount of money: the currency the bounds are in (major units); other currencies are unknown, never converted. */
  readonly currency?: string | undefined;
  /** The field has a value (`true`) or has none (`false`: missing, empty text or an empty list). Never unknown. */
  readonly exists?: boolean | undefined;
  /** The text contains this text, or one of these (for a list field: one item does). */
  readonly contains?: TextOrList | undefined;
  /** The text starts with this text, or one of these. */
  readonly startsWith?: TextOrList | undefined;
  /** The text ends with this text, or one of these. */
  readonly endsWith?: TextOrList | undefined;
  /** The text holds this phrase as whole words (`cto` in `CTO & co-founder`, not in `director`), or one of these. */
  readonly containsWords?: TextOrList | undefined;
  /** Compare text exactly instead of ignoring case. */
  readonly caseSensitive?: boolean | undefined;
  /** Every condition holds. */
  readonly all?: readonly ConditionJson[] | undefined;
  /** At least one condition holds. */
  readonly any?: readonly ConditionJson[] | undefined;
  /** The condition fails. */
  readonly not?: ConditionJson | undefined;
  /** The activities counted (on or before `asOf`). */
  readonly activity?: ActivityFilterJson | undefined;
  /** With `activity`: at least this many (default 1). */
  readonly atLeast?: number | undefined;
  /** With `activity`: at most this many. */
  readonly atMost?: number | undefined;
  /** With `activity`: only activities of the last N days up to `asOf` (inclusive) count. */
  readonly withinDays?: number | undefined;
}

/** A condition on a lead (validated). */
export type Condition = ConditionJson;

/** The tests of a field test, in the order they are named in messages. */
export const FIELD_TESTS = ['equals', 'in', 'min', 'max', 'exists', 'contains', 'startsWith', 'endsWith', 'containsWords'] as const;
/** A test of a field test. */
export type FieldTest = (typeof FIELD_TESTS)[number];
const TEXT_TESTS = new Set<string>(['equals', 'in', 'contains', 'startsWith', 'endsWith', 'containsWords']);
const forms = ['field test', 'all', 'any', 'not', 'activity'];

const Scalar = z.union([z.string().max(10_000), z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean()]);
const Text = z.string().min(1).max(500);
const TextList = z.union([Text, z.array(Text).min(1).max(1000)]);
const Bound = z.number().refine(Number.isFinite, 'must be a finite number');

/** The tests a field test uses (`min` and `max` together count as one). */
export function fieldTestsOf(condition: ConditionJson): FieldTest[] {
  return FIELD_TESTS.filter((test) => condition[test] !== undefined);
}

/**
 * The zod schema of a {@link ConditionJson}: one condition language for scoring rules, overrides and gates, segments
 * and ICP criteria. Conditions nest (`all`, `any`, `not`) up to the depth every leadkit document may have (64 levels of
 * JSON; deeper input is refused with its path before it is read).
 *
 * @example
 * ```ts
 * const decisionMaker = Condition.parse({
 *   any: [
 *     { field: 'contact.seniority', in: ['vp', 'c_level'] },
 *     { field: 'contact.jobTitle', containsWords: ['cto', 'it director'] },
 *   ],
 * });
 * ```
 */
export const Condition: z.ZodType<Condition, ConditionJson> = z
  .strictObject({
    field: FieldPath.optional(),
    equals: Scalar.optional(),
    in: z.array(Scalar).min(1).max(10_000).optional(),
    min: Bound.optional(),
    max: Bound.optional(),
    currency: CurrencyCode.optional(),
    exists: z.boolean().optional(),
    contains: TextList.optional(),
    startsWith: TextList.optional(),
    endsWith: TextList.optional(),
    containsWords: TextList.optional(),
    caseSensitive: z.boolean().optional(),
    get all() {
      return z.array(Condition).min(1).max(1000).optional();
    },
    get any() {
      return z.array(Condition).min(1).max(1000).optional();
    },
    get not() {
      return Condition.optional();
    },
    activity: ActivityFilter.optional(),
    atLeast: z.number().int().nonnegative().max(1_000_000).optional(),
    atMost: z.number().int().nonnegative().max(1_000_000).optional(),
    withinDays: z.number().positive().max(36_500).optional(),
  })
  .check((context) => {
    const value = context.value as ConditionJson;
    const add = (message: string, path: (string | number)[] = []): void => {
      context.issues.push({ code: 'custom', message, input: value, path });
    };
    const tests = fieldTestsOf(value);
    const testForms =
      (value.field !== undefined || tests.length > 0 ? 1 : 0) +
      (value.all !== undefined ? 1 : 0) +
      (value.any !== undefined ? 1 : 0) +
      (value.not !== undefined ? 1 : 0) +
      (value.activity !== undefined ? 1 : 0);
    if (testForms !== 1) {
      add(
        testForms === 0
          ? `is empty: write one of ${forms.join(', ')} (a field test is { "field": "company.industry", "in": ["software"] })`
          : 'mixes several forms: write exactly one of a field test (field with equals, in, min/max, exists, contains, startsWith, endsWith or containsWords), all, any, not or activity; combine them with "all"',
      );
      return;
    }
    if (value.activity === undefined) {
      for (const key of ['atLeast', 'atMost', 'withinDays'] as const) if (value[key] !== undefined) add(`"${key}" only goes with "activity"`, [key]);
    } else {
      const atLeast = value.atLeast ?? 1;
      if (value.atMost !== undefined && atLeast > value.atMost)
        add(
          value.atLeast === undefined
            ? `atMost (${value.atMost}) is below the default atLeast of 1: no lead matches; set atLeast to 0 for "at most ${value.atMost}"`
            : `atLeast (${atLeast}) is above atMost (${value.atMost}): no lead matches`,
          ['atLeast'],
        );
      if (value.atLeast === 0 && value.atMost === undefined)
        add('atLeast 0 without atMost holds for every lead; give atMost (atMost: 0 means "never")', ['atLeast']);
    }
    if (value.field === undefined) {
      if (tests.length > 0) add(`a field test needs "field" (it has ${tests.join(', ')})`, ['field']);
      if (value.currency !== undefined) add('"currency" only goes with a field test', ['currency']);
      if (value.caseSensitive !== undefined) add('"caseSensitive" only goes with a field test on text', ['caseSensitive']);
      return;
    }
    const rangeOnly = tests.length > 0 && tests.every((test) => test === 'min' || test === 'max');
    if (tests.length === 0) add(`"field" needs a test: one of ${FIELD_TESTS.join(', ')}`, ['field']);
    else if (tests.length > 1 && !rangeOnly)
      add(`has several tests (${tests.join(', ')}): write one per condition and combine them with "all"`, [tests[1] as string]);
    if (value.min !== undefined && value.max !== undefined && value.min > value.max)
      add(`min (${value.min}) is above max (${value.max}): no value is in the range`, ['min']);
    if (value.currency !== undefined && !rangeOnly) add('"currency" only goes with min/max', ['currency']);
    if (value.caseSensitive !== undefined && !tests.some((test) => TEXT_TESTS.has(test)))
      add('"caseSensitive" only goes with a test on text', ['caseSensitive']);
  });
