/**
 * Internal: the one condition language written as SQL. A condition becomes a boolean expression that is `TRUE` when
 * it holds, `FALSE` when it fails and `NULL` when it is unknown; SQL's `AND`, `OR` and `NOT` are the language's
 * three-valued logic, and a rule fires only when its condition is `TRUE` (`CASE WHEN`).
 */
import type { ActivityFilterJson } from '../conditions/activity-filter.ts';
import type { ConditionJson, ConditionValue, TextOrList } from '../conditions/condition-definition.ts';
import { MAX_MATCHED_URL_LENGTH } from '../conditions/url-pattern.ts';
import { issue, type ValidationIssue } from '../errors.ts';
import { SqlMappingGap, type FieldSource, type FieldSources } from './field-sources.ts';
import type { SqlActivitiesTableJson } from './sql-mapping-definition.ts';
import { storableText, type SqlWriter } from './sql-writer.ts';

/** What writing a condition needs: the writer, the field sources, and how activities are counted. */
export interface ConditionSqlContext {
  /** Writes values and collects parameters. */
  readonly writer: SqlWriter;
  /** Where fields are. */
  readonly sources: FieldSources;
  /**
   * The number of the lead's activities that an activity test counts (those its filter keeps, dated within its
   * window up to `asOf`), as an integer expression that is never `NULL`.
   *
   * @throws SqlMappingGap when the mapping cannot say (no activities table, a column the filter needs).
   */
  activityCount(condition: ConditionJson): string;
  /** An activity test written directly (`EXISTS`), when the context has a better form than a count; else `undefined`. */
  activityTest?(condition: ConditionJson): string | undefined;
  /** Problems found, each with the path of the part of the definition that cannot be written. */
  readonly issues: ValidationIssue[];
}

const listOf = (value: TextOrList): readonly string[] => (typeof value === 'string' ? [value] : value);

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** The SQL of a text comparison's folding: `lower()` unless exact. */
function folded(expression: string, caseSensitive: boolean): string {
  return caseSensitive ? expression : `lower(${expression})`;
}

function foldValue(text: string, caseSensitive: boolean): string {
  return caseSensitive ? text : text.toLowerCase();
}

/** `NULL` unless `present` holds, then `test` (for tests on a kind of value that `present` detects). */
function when(present: string, test: string): string {
  return `CASE WHEN ${present} THEN ${test} END`;
}

/** `TRUE` when a text passes one of the text tests of a condition (`contains`, `startsWith`, `endsWith`, `containsWords`), on a folded text expression. */
function textTest(condition: ConditionJson, subject: string, writer: SqlWriter): string {
  const caseSensitive = condition.caseSensitive === true;
  const { dialect } = writer;
  const parts: string[] = [];
  if (condition.containsWords !== undefined) {
    const word = dialect.wordClass;
    for (const phrase of listOf(condition.containsWords)) {
      const found = words(foldValue(phrase, caseSensitive));
      if (found.length === 0) continue;
      parts.push(dialect.matchesWords(subject, writer.text(`(^|[^${word}])${found.join(`[^${word}]+`)}([^${word}]|$)`)));
    }
  } else {
    const [needles, test] =
      condition.contains !== undefined
        ? [condition.contains, dialect.contains]
        : condition.startsWith !== undefined
          ? [condition.startsWith, dialect.startsWith]
          : [condition.endsWith ?? [], dialect.endsWith];
    for (const needle of listOf(needles)) {
      const value = foldValue(needle, caseSensitive);
      if (storableText(value, dialect)) parts.push(test(subject, writer.text(value)));
    }
  }
  return parts.length === 0 ? 'FALSE' : parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** `TRUE` when some item of a list passes `test` (an expression on the item column `<alias>.value`). */
function anyItem(source: FieldSource, writer: SqlWriter, test: (item: string) => string): string {
  const list = source.list;
  if (list === undefined || source.listPresent === undefined) return 'NULL';
  const { dialect } = writer;
  if (list.array !== undefined && dialect.listAny !== undefined) return when(source.listPresent, dialect.listAny(list.array, test));
  const alias = writer.alias('i');
  return when(source.listPresent, `EXISTS (SELECT 1 FROM ${list.items(alias)} WHERE ${test(`${alias}.value`)})`);
}

/** The first non-`NULL` of per-kind tests (at most one kind is present per row). */
function firstKnown(parts: readonly string[]): string {
  if (parts.length === 0) return 'NULL';
  return parts.length === 1 ? (parts[0] as string) : `COALESCE(${parts.join(', ')})`;
}

function inList(subject: string, values: readonly string[]): string {
  return values.length === 0 ? `CASE WHEN ${subject} IS NOT NULL THEN FALSE END` : `${subject} IN (${values.join(', ')})`;
}

/** A field test on a field's source: `TRUE`, `FALSE`, or `NULL` when unknown. */
export function fieldTestSql(condition: ConditionJson, source: FieldSource, writer: SqlWriter): string {
  const { dialect } = writer;
  const caseSensitive = condition.caseSensitive === true;
  if (condition.exists !== undefined) return condition.exists ? `(NOT ${source.missing})` : source.missing;
  if (condition.equals !== undefined || condition.in !== undefined) {
    const listed: readonly ConditionValue[] = condition.in ?? [condition.equals as ConditionValue];
    const texts = [...new Set(listed.filter((value): value is string => typeof value === 'string').map((value) => foldValue(value, caseSensitive)))]
      .filter((value) => storableText(value, dialect))
      .map((value) => writer.text(value));
    const numbers = [...new Set(listed.filter((value): value is number => typeof value === 'number'))].map((value) => writer.number(value));
    const booleans = [...new Set(listed.filter((value): value is boolean => typeof value === 'boolean'))].map(String).map((value) => value.toUpperCase());
    const parts: string[] = [];
    if (source.text !== undefined) parts.push(inList(folded(source.text, caseSensitive), texts));
    if (source.number !== undefined) parts.push(inList(source.number, numbers));
    if (source.boolean !== undefined) parts.push(inList(source.boolean, booleans));
    if (source.list !== undefined)
      parts.push(anyItem(source, writer, (item) => (texts.length === 0 ? 'FALSE' : `${folded(item, caseSensitive)} IN (${texts.join(', ')})`)));
    return firstKnown(parts);
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    const range = (value: string): string => {
      const bounds: string[] = [];
      if (condition.min !== undefined) bounds.push(`${value} >= ${writer.number(condition.min)}`);
      if (condition.max !== undefined) bounds.push(`${value} <= ${writer.number(condition.max)}`);
      return `(${bounds.join(' AND ')})`;
    };
    const parts: string[] = [];
    if (source.number !== undefined) parts.push(range(source.number));
    if (source.money !== undefined && condition.currency !== undefined) parts.push(range(source.money.amountIn(condition.currency)));
    return firstKnown(parts);
  }
  const parts: string[] = [];
  if (source.text !== undefined) {
    const test = textTest(condition, folded(source.text, caseSensitive), writer);
    parts.push(test === 'FALSE' ? `CASE WHEN ${source.text} IS NOT NULL THEN FALSE END` : test);
  }
  if (source.list !== undefined) parts.push(anyItem(source, writer, (item) => textTest(condition, folded(item, caseSensitive), writer)));
  return firstKnown(parts);
}

/** Escapes a text for `LIKE … ESCAPE '!'`. */
function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (character) => `!${character}`);
}

/** The expressions of an activity row's columns (alias-qualified), as a filter reads them. */
export type ActivityColumns = { readonly [K in Exclude<keyof SqlActivitiesTableJson, 'table' | 'schema'>]?: string | undefined };

/**
 * The SQL of an activity filter on one activity row: `TRUE` when the filter keeps the activity.
 *
 * @throws SqlMappingGap when the filter tests a detail the mapping has no column for.
 */
export function activityFilterSql(filter: ActivityFilterJson, columns: ActivityColumns, writer: SqlWriter): string {
  const parts: string[] = [];
  const { dialect } = writer;
  const need = (key: keyof ActivityColumns, what: string): string => {
    const expression = columns[key];
    if (expression === undefined) throw new SqlMappingGap(`the filter tests ${what}, but the mapping's activities table has no "${key}" column`);
    return `CAST(${expression} AS ${dialect.textType})`;
  };
  const inValues = (expression: string, values: readonly string[]): string => `${expression} IN (${values.map((value) => writer.text(value)).join(', ')})`;
  const caseSensitive = filter.caseSensitive === true;
  if (filter.type !== undefined) parts.push(inValues(need('type', 'the type'), typeof filter.type === 'string' ? [filter.type] : filter.type));
  if (filter.pageKind !== undefined)
    parts.push(inValues(need('pageKind', 'the page kind'), typeof filter.pageKind === 'string' ? [filter.pageKind] : filter.pageKind));
  if (filter.url !== undefined) {
    const url = need('url', 'the URL');
    const pattern = foldValue(filter.url, caseSensitive);
    if (!storableText(pattern, dialect)) parts.push('FALSE');
    else {
      // A `*` glob over the whole URL is a LIKE pattern (no regular expression); a plain pattern is a prefix.
      const like = pattern.includes('*') ? pattern.split('*').map(likeEscape).join('%') : `${likeEscape(pattern)}%`;
      parts.push(`(length(${url}) <= ${MAX_MATCHED_URL_LENGTH} AND ${folded(url, caseSensitive)} LIKE ${writer.text(like)} ESCAPE '!')`);
    }
  }
  if (filter.bounce !== undefined) parts.push(inValues(need('bounce', 'the bounce'), [filter.bounce]));
  if (filter.direction !== undefined) parts.push(inValues(need('direction', 'the call direction'), [filter.direction]));
  if (filter.campaign !== undefined) {
    const campaign = folded(need('campaign', 'the campaign'), caseSensitive);
    const values = [
      ...new Set((typeof filter.campaign === 'string' ? [filter.campaign] : filter.campaign).map((value) => foldValue(value, caseSensitive))),
    ].filter((value) => storableText(value, dialect));
    parts.push(values.length === 0 ? 'FALSE' : inValues(campaign, values));
  }
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

/**
 * Writes a condition as a three-valued SQL boolean. A part the mapping cannot express adds an issue at its path and
 * is written as `NULL` (the caller refuses the definition when there are issues).
 */
export function conditionSql(condition: ConditionJson, context: ConditionSqlContext, path: readonly (string | number)[]): string {
  const combine = (parts: readonly ConditionJson[], key: 'all' | 'any'): string => {
    const written = parts.map((part, index) => conditionSql(part, context, [...path, key, index]));
    return written.length === 1 ? (written[0] as string) : `(${written.join(key === 'all' ? ' AND ' : ' OR ')})`;
  };
  if (condition.all !== undefined) return combine(condition.all, 'all');
  if (condition.any !== undefined) return combine(condition.any, 'any');
  if (condition.not !== undefined) return `(NOT ${conditionSql(condition.not, context, [...path, 'not'])})`;
  try {
    if (condition.activity !== undefined) {
      const direct = context.activityTest?.(condition);
      if (direct !== undefined) return direct;
      const count = context.activityCount(condition);
      const atLeast = condition.atLeast ?? 1;
      const bounds = [`${count} >= ${atLeast}`];
      if (condition.atMost !== undefined) bounds.push(`${count} <= ${condition.atMost}`);
      return `(${bounds.join(' AND ')})`;
    }
    const source = context.sources.source(condition.field ?? '');
    return fieldTestSql(condition, source, context.writer);
  } catch (error) {
    if (!(error instanceof SqlMappingGap)) throw error;
    context.issues.push(issue([...path, condition.activity !== undefined ? 'activity' : 'field'], error.message, 'not_expressible'));
    return 'NULL';
  }
}
