import * as z from 'zod/v4';
import type { ValidationError } from '../errors.ts';
import { customFieldGetter, isLeadFieldPath, leadFieldGetters } from '../internal/lead-fields.ts';
import { ActivityType, PageKind } from '../models/activity.ts';
import { SchemaVersion } from '../models/lead.ts';
import type { Lead } from '../models/lead.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { RECORD_PLACED, recordStartMs, stageAsOf, type StageAsOf } from './current-stage.ts';
import { instantMs } from './instant.ts';
import { MILLISECONDS_PER_DAY } from './rate.ts';

const builtInFields = [
  'source',
  'campaign',
  'ownerId',
  'stage',
  'contact.seniority',
  'contact.department',
  'contact.decisionRole',
  'contact.jobTitle',
  'company.industry',
  'company.country',
  'company.region',
  'company.city',
  'company.domain',
  'company.employeeCount',
  'company.technologies',
  'company.tags',
  'painPoints',
] as const;

/**
 * A lead field a segment rule can test: one of the built-in paths (`company.industry`, `contact.seniority`,
 * `company.employeeCount`, …) or `customFields.<name>`.
 *
 * `stage` is the lead's stage **as of `asOf`**, by the rule every metric shares (the last history entry in array order
 * dated at or before `asOf`; the lead's `stage` only when it has no history; no stage before the lead was created).
 * A segment does not know the funnel, so an entry naming any stage counts. Every other field is read as it is on the
 * lead: a snapshot of the lead's data now, not as of `asOf`.
 */
export const SegmentField = z.union([
  z.enum(builtInFields),
  z.string().regex(/^customFields\.[^.]{1,200}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a lead field such as "company.industry" or "customFields.plan"` }),
]);
/** A lead field a segment rule can test. */
export type SegmentField = z.output<typeof SegmentField>;

const ScalarValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

/** A demographic or firmographic condition on one field. Text comparisons ignore case. */
export interface SegmentFieldRule {
  /** Discriminant. */
  readonly type: 'field';
  /** The lead field tested. */
  readonly field: SegmentField;
  /**
   * `equals`/`in` (any listed value; a list field matches when one item does), `not_equals`/`not_in` (present and
   * none), `contains` (a text field contains the text, a list field has the item; with a list of values, **any** of
   * them), `exists`, `missing`.
   */
  readonly operator: 'equals' | 'not_equals' | 'in' | 'not_in' | 'contains' | 'exists' | 'missing';
  /** The value or values compared with: required by every operator but `exists` and `missing` (a list holds at least one). */
  readonly value?: string | number | boolean | readonly (string | number)[] | undefined;
}

/** A numeric range on one field, bounds inclusive (`min` ≤ `max`); a lead without a number there does not match. */
export interface SegmentRangeRule {
  /** Discriminant. */
  readonly type: 'range';
  /** The lead field tested (`company.employeeCount`, or a numeric custom field). */
  readonly field: SegmentField;
  /** Lower bound, inclusive. */
  readonly min?: number | undefined;
  /** Upper bound, inclusive. */
  readonly max?: number | undefined;
}

/** Behaviour: how many activities of some types (and page kinds) the lead had in the last N days before `asOf`. */
export interface SegmentActivityRule {
  /** Discriminant. */
  readonly type: 'activity';
  /** Activity types counted (default: all). */
  readonly activityTypes?: readonly ActivityType[] | undefined;
  /** Only page views of these kinds (`pricing`). */
  readonly pageKinds?: readonly PageKind[] | undefined;
  /** Only activities in the last N days (default: all time up to `asOf`). */
  readonly withinDays?: number | undefined;
  /** At least this many (default 1; set 0 explicitly with `atMost: 0`, "never"). */
  readonly atLeast?: number | undefined;
  /** At most this many (not below `atLeast`). */
  readonly atMost?: number | undefined;
}

/** Engagement: how recent the lead's last activity is. */
export interface SegmentRecencyRule {
  /** Discriminant. */
  readonly type: 'recency';
  /** The last activity is at most this many days old. */
  readonly activeWithinDays?: number | undefined;
  /** The last activity (if any) is at least this many days old (not more than `activeWithinDays` when both are set). */
  readonly inactiveForDays?: number | undefined;
}

/** All of the rules match. */
export interface SegmentAllRule {
  /** Discriminant. */
  readonly type: 'all';
  /** The rules. */
  readonly rules: readonly SegmentRule[];
}

/** At least one of the rules matches. */
export interface SegmentAnyRule {
  /** Discriminant. */
  readonly type: 'any';
  /** The rules. */
  readonly rules: readonly SegmentRule[];
}

/** The rule does not match. */
export interface SegmentNotRule {
  /** Discriminant. */
  readonly type: 'not';
  /** The rule negated. */
  readonly rule: SegmentRule;
}

/** A rule of a segment: a condition on a field, a range, activity counts, recency, or a combination. */
export type SegmentRule =
  | SegmentFieldRule
  | SegmentRangeRule
  | SegmentActivityRule
  | SegmentRecencyRule
  | SegmentAllRule
  | SegmentAnyRule
  | SegmentNotRule;

/**
 * The zod schema of a {@link SegmentRule} (recursive). Text comparisons ignore case. Kinds:
 * - `field`: demographic and firmographic conditions (`{ type: 'field', field: 'company.industry', operator: 'in', value: ['software'] }`);
 * - `range`: numeric bounds, inclusive (`{ type: 'range', field: 'company.employeeCount', min: 50, max: 200 }`);
 * - `activity`: behaviour, counting activities of some types (and page kinds) in the last N days (`atLeast` defaults to 1);
 * - `recency`: engagement, by the date of the last activity;
 * - `all`, `any`, `not`: combinations.
 *
 * Definitions that cannot mean what they say are refused, each with the path of the faulty key: a comparison
 * (`equals`, `not_equals`, `in`, `not_in`, `contains`) without `value` or with an empty list of values (`in: []`
 * would match no lead, `not_in: []` every lead having the field), a range whose `min` is above its `max`, an
 * activity rule whose `atLeast` (default 1) is above its `atMost`, a recency rule whose `inactiveForDays` is above its
 * `activeWithinDays`.
 */
export const SegmentRule: z.ZodType<SegmentRule> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('field'),
        field: SegmentField,
        operator: z.enum(['equals', 'not_equals', 'in', 'not_in', 'contains', 'exists', 'missing']),
        value: z.union([ScalarValue, z.array(z.union([z.string().max(10_000), z.number()])).max(10_000)]).optional(),
      })
      .superRefine((rule, context) => {
        // Without a value, `equals` would compare with `undefined` and match every lead lacking the field.
        if (rule.operator === 'exists' || rule.operator === 'missing') return;
        if (rule.value === undefined)
          context.addIssue({ code: 'custom', path: ['value'], message: `The operator "${rule.operator}" needs a value to compare with` });
        // Every comparison takes a list (any of its values); an empty one would match no lead, or with a negation
        // every lead having the field.
        else if (Array.isArray(rule.value) && rule.value.length === 0)
          context.addIssue({
            code: 'custom',
            path: ['value'],
            message: `The operator "${rule.operator}" needs at least one value: an empty list matches ${
              rule.operator === 'not_equals' || rule.operator === 'not_in' ? 'every lead that has the field' : 'no lead'
            }`,
          });
      }),
    z
      .strictObject({ type: z.literal('range'), field: SegmentField, min: z.number().optional(), max: z.number().optional() })
      .superRefine((rule, context) => {
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
          context.addIssue({ code: 'custom', path: ['min'], message: `min (${rule.min}) is above max (${rule.max}): no value is in the range` });
      }),
    z
      .strictObject({
        type: z.literal('activity'),
        activityTypes: z.array(ActivityType).min(1).optional(),
        pageKinds: z.array(PageKind).min(1).optional(),
        withinDays: z.number().positive().optional(),
        atLeast: z.number().int().nonnegative().optional(),
        atMost: z.number().int().nonnegative().optional(),
      })
      .superRefine((rule, context) => {
        const atLeast = rule.atLeast ?? 1;
        if (rule.atMost !== undefined && atLeast > rule.atMost)
          context.addIssue({
            code: 'custom',
            path: ['atLeast'],
            message:
              rule.atLeast === undefined
                ? `atMost (${rule.atMost}) is below the default atLeast of 1: no lead matches; set atLeast to 0 for "at most ${rule.atMost}"`
                : `atLeast (${rule.atLeast}) is above atMost (${rule.atMost}): no lead matches`,
          });
      }),
    z
      .strictObject({ type: z.literal('recency'), activeWithinDays: z.number().positive().optional(), inactiveForDays: z.number().positive().optional() })
      .superRefine((rule, context) => {
        if (rule.activeWithinDays !== undefined && rule.inactiveForDays !== undefined && rule.inactiveForDays > rule.activeWithinDays)
          context.addIssue({
            code: 'custom',
            path: ['inactiveForDays'],
            message: `inactiveForDays (${rule.inactiveForDays}) is above activeWithinDays (${rule.activeWithinDays}): no lead matches`,
          });
      }),
    z.strictObject({ type: z.literal('all'), rules: z.array(SegmentRule).min(1).max(1000) }),
    z.strictObject({ type: z.literal('any'), rules: z.array(SegmentRule).min(1).max(1000) }),
    z.strictObject({ type: z.literal('not'), rule: SegmentRule }),
  ]),
);

/** The kind of segmentation, for grouping segments in a UI. */
export const SegmentCategory = z.enum(['demographic', 'firmographic', 'behavioural', 'engagement', 'mixed']);
/** The kind of segmentation. */
export type SegmentCategory = z.output<typeof SegmentCategory>;

/**
 * A segment as plain, serializable data: an id, a label, a category and a {@link SegmentRule}. Store it in a database,
 * share it between services, validate it with {@link parseSegmentDefinition}.
 *
 * @example
 * ```ts
 * const midMarketSaas = SegmentDefinition.parse({
 *   id: 'mid-market-saas',
 *   label: 'Mid-market software',
 *   category: 'firmographic',
 *   rule: { type: 'all', rules: [
 *     { type: 'field', field: 'company.industry', operator: 'equals', value: 'software' },
 *     { type: 'range', field: 'company.employeeCount', min: 50, max: 200 },
 *   ] },
 * });
 * ```
 */
export const SegmentDefinition = z.strictObject({
  /** Version of the stored document: absent or 1 (see `SCHEMA_VERSION`). */
  schemaVersion: SchemaVersion.optional(),
  /** Stable id. */
  id: z.string().min(1).max(200),
  /** Name shown to people. */
  label: z.string().min(1).max(500).optional(),
  /** What it is for. */
  description: z.string().max(10_000).optional(),
  /** Kind of segmentation. */
  category: SegmentCategory.optional(),
  /** Who belongs. */
  rule: SegmentRule,
});
/** A segment as plain data. */
export type SegmentDefinition = z.output<typeof SegmentDefinition>;

/**
 * Validates a segment definition from JSON, listing every problem with its path.
 *
 * @example
 * ```ts
 * const result = parseSegmentDefinition(JSON.parse(text));
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export function parseSegmentDefinition(input: unknown): Result<SegmentDefinition, ValidationError> {
  return parseWith(SegmentDefinition, input, 'segment definition');
}

type Getter = (lead: Lead, asOfMs: number) => unknown;
// Scratch for `stageAsOf`, reused by every call (the predicates are synchronous).
const stagePosition: StageAsOf = { stageId: undefined, sinceMs: 0, invalidDates: 0 };
// Every field reads as in scoring models and predictive features, except `stage`: the stage as of `asOf`.
const readStageAsOf: Getter = (lead, asOfMs) => (stageAsOf(lead, asOfMs, stagePosition) === RECORD_PLACED ? stagePosition.stageId : undefined);

function getterOf(field: SegmentField): Getter {
  if (field === 'stage') return readStageAsOf;
  if (isLeadFieldPath(field)) return leadFieldGetters[field];
  return customFieldGetter(field.slice('customFields.'.length));
}

function fold(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** A segment rule compiled into a predicate. */
type Predicate = (lead: Lead, asOfMs: number) => boolean;

function compileRule(rule: SegmentRule): Predicate {
  switch (rule.type) {
    case 'field': {
      const get = getterOf(rule.field);
      const raw = rule.value;
      const list: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
      const folded = list.map(fold);
      const values = new Set(folded);
      // `contains` with a list means "contains any of them".
      const textNeedles = folded.filter((needle): needle is string => typeof needle === 'string');
      const present = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
      const anyIn = (value: unknown) => (Array.isArray(value) ? value.some((item) => values.has(fold(item))) : values.has(fold(value)));
      switch (rule.operator) {
        case 'exists':
          return (lead, asOfMs) => present(get(lead, asOfMs));
        case 'missing':
          return (lead, asOfMs) => !present(get(lead, asOfMs));
        case 'equals':
        case 'in':
          return (lead, asOfMs) => anyIn(get(lead, asOfMs));
        case 'not_equals':
        case 'not_in':
          return (lead, asOfMs) => {
            const value = get(lead, asOfMs);
            return present(value) && !anyIn(value);
          };
        case 'contains':
          return (lead, asOfMs) => {
            const value = get(lead, asOfMs);
            if (Array.isArray(value)) return value.some((item) => values.has(fold(item)));
            if (typeof value !== 'string') return false;
            const text = value.toLowerCase();
            return textNeedles.some((needle) => text.includes(needle));
          };
      }
      break;
    }
    case 'range': {
      const get = getterOf(rule.field);
      const min = rule.min ?? -Infinity;
      const max = rule.max ?? Infinity;
      return (lead, asOfMs) => {
        const value = get(lead, asOfMs);
        return typeof value === 'number' && value >= min && value <= max;
      };
    }
    case 'activity': {
      const types = rule.activityTypes === undefined ? undefined : new Set<string>(rule.activityTypes);
      const pageKinds = rule.pageKinds === undefined ? undefined : new Set<string>(rule.pageKinds);
      const windowMs = rule.withinDays === undefined ? Infinity : rule.withinDays * MILLISECONDS_PER_DAY;
      const atLeast = rule.atLeast ?? 1;
      const atMost = rule.atMost ?? Infinity;
      return (lead, asOfMs) => {
        let count = 0;
        for (const activity of lead.activities) {
          const at = activity.at.getTime();
          // `!(at <= asOfMs)` also skips an invalid date (NaN), which would otherwise pass both tests.
          if (!(at <= asOfMs) || asOfMs - at > windowMs) continue;
          if (types !== undefined && !types.has(activity.type)) continue;
          if (pageKinds !== undefined && !(activity.type === 'page_viewed' && activity.pageKind !== undefined && pageKinds.has(activity.pageKind))) continue;
          count++;
        }
        return count >= atLeast && count <= atMost;
      };
    }
    case 'recency': {
      const activeMs = rule.activeWithinDays === undefined ? undefined : rule.activeWithinDays * MILLISECONDS_PER_DAY;
      const inactiveMs = rule.inactiveForDays === undefined ? undefined : rule.inactiveForDays * MILLISECONDS_PER_DAY;
      return (lead, asOfMs) => {
        let last = -Infinity;
        for (const activity of lead.activities) {
          const at = activity.at.getTime();
          if (at <= asOfMs && at > last) last = at;
        }
        if (activeMs !== undefined && !(asOfMs - last <= activeMs)) return false;
        if (inactiveMs !== undefined && !(asOfMs - last >= inactiveMs)) return false;
        return true;
      };
    }
    case 'all': {
      const parts = rule.rules.map(compileRule);
      return (lead, asOfMs) => parts.every((part) => part(lead, asOfMs));
    }
    case 'any': {
      const parts = rule.rules.map(compileRule);
      return (lead, asOfMs) => parts.some((part) => part(lead, asOfMs));
    }
    case 'not': {
      const inner = compileRule(rule.rule);
      return (lead, asOfMs) => !inner(lead, asOfMs);
    }
  }
}

/** A segment compiled once into a predicate, for testing many leads. */
export interface CompiledSegment {
  /** The segment id. */
  readonly id: string;
  /** Its label (the id when it has none). */
  readonly label: string;
  /**
   * Whether a lead belongs to the segment as of an instant: activity windows end at `asOf` and `stage` is the stage
   * as of `asOf` (see {@link SegmentField}). Throws a `RangeError` when `asOf` is not a valid date.
   */
  matches(lead: Lead, asOf: Date): boolean;
}

/**
 * Compiles a segment definition (already validated, for example by {@link parseSegmentDefinition}) into a fast
 * predicate.
 *
 * @example
 * ```ts
 * const segment = compileSegment(midMarketSaas);
 * leads.filter((lead) => segment.matches(lead, asOf));
 * ```
 */
export function compileSegment(definition: SegmentDefinition): CompiledSegment {
  const predicate = compileRule(definition.rule);
  return { id: definition.id, label: definition.label ?? definition.id, matches: (lead, asOf) => predicate(lead, instantMs(asOf, 'asOf')) };
}

/** The count of one segment. */
export interface SegmentCount {
  /** Segment id. */
  readonly id: string;
  /** Segment label. */
  readonly label: string;
  /** Leads in the segment. */
  readonly count: number;
}

/** The result of {@link segmentLeads}. */
export interface SegmentCounts {
  /** Leads created by `asOf` (later ones are left out, as `funnelReportBySegment` leaves them out). */
  readonly total: number;
  /** Leads with no valid date (neither a valid `createdAt` nor a history entry with a valid date); left out. */
  readonly leadsWithoutDate: number;
  /** Leads in no segment. */
  readonly unsegmented: number;
  /** Per segment, in the order given. A lead can be in several segments, so counts may add up to more than `total`. */
  readonly segments: readonly SegmentCount[];
}

/**
 * Counts leads per segment in one pass, as of `asOf`; a lead can belong to several segments. Leads created after
 * `asOf` are left out, as `funnelReportBySegment` leaves them out (a lead's creation is its `createdAt`, else its
 * first history entry with a valid date).
 *
 * @example
 * ```ts
 * segmentLeads(leads, [midMarketSaas, engagedThisMonth], { asOf });
 * // { total: 400, leadsWithoutDate: 0, unsegmented: 168, segments: [{ id: 'mid-market-saas', label: …, count: 97 }, …] }
 * ```
 * @throws RangeError when `asOf` is not a valid date.
 */
export function segmentLeads(leads: Iterable<Lead>, segments: readonly SegmentDefinition[], options: { readonly asOf: Date }): SegmentCounts {
  const asOfMs = instantMs(options.asOf, 'asOf');
  const compiled = segments.map(compileSegment);
  const counts = new Array<number>(compiled.length).fill(0);
  let total = 0;
  let leadsWithoutDate = 0;
  let unsegmented = 0;
  for (const lead of leads) {
    const startMs = recordStartMs(lead);
    if (startMs !== startMs) {
      leadsWithoutDate++;
      continue;
    }
    if (startMs > asOfMs) continue;
    total++;
    let matched = false;
    for (let index = 0; index < compiled.length; index++)
      if ((compiled[index] as CompiledSegment).matches(lead, options.asOf)) {
        counts[index] = (counts[index] as number) + 1;
        matched = true;
      }
    if (!matched) unsegmented++;
  }
  return { total, leadsWithoutDate, unsegmented, segments: compiled.map((segment, index) => ({ id: segment.id, label: segment.label, count: counts[index] as number })) };
}
