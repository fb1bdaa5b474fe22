/**
 * Internal: the activities table as the compiler reads it, and the counting of activities for activity tests.
 */
import type { ConditionJson } from '../conditions/condition-definition.ts';
import { MILLISECONDS_PER_DAY } from '../internal/instant.ts';
import { activityFilterSql, type ActivityColumns } from './condition-to-sql.ts';
import { LEAD_ALIAS, SqlMappingGap } from './field-sources.ts';
import type { SqlActivitiesTableJson, SqlMapping } from './sql-mapping-definition.ts';
import type { SqlWriter } from './sql-writer.ts';

const DETAILS = ['type', 'pageKind', 'url', 'bounce', 'direction', 'campaign'] as const;

/** The activities table of a mapping, or a gap. */
export function activitiesTable(mapping: SqlMapping): SqlActivitiesTableJson {
  if (mapping.activities === undefined) throw new SqlMappingGap('activity tests and activity rules need the mapping\'s "activities" table');
  return mapping.activities;
}

/** The columns of an activity row under an alias, as a filter reads them. */
export function activityColumns(writer: SqlWriter, table: SqlActivitiesTableJson, alias: string): ActivityColumns {
  const columns: Record<string, string> = {};
  for (const key of DETAILS) {
    const name = table[key];
    if (name !== undefined) columns[key] = `${alias}.${writer.identifier(name)}`;
  }
  return columns as ActivityColumns;
}

/** The window of an activity test in milliseconds (`undefined`: up to `asOf` without limit). */
export function windowMs(condition: ConditionJson): number | undefined {
  return condition.withinDays === undefined ? undefined : condition.withinDays * MILLISECONDS_PER_DAY;
}

/** `FROM … WHERE …` of the activities an activity test counts for the lead of the enclosing row. */
function correlatedActivities(writer: SqlWriter, mapping: SqlMapping, condition: ConditionJson): string {
  const table = activitiesTable(mapping);
  const alias = writer.alias('a');
  const age = `(${writer.asOfMs} - ${writer.dialect.epochMilliseconds(`${alias}.${writer.identifier(table.at)}`)})`;
  const window = windowMs(condition);
  const filter = activityFilterSql(condition.activity ?? {}, activityColumns(writer, table, alias), writer);
  const where = [
    `${alias}.${writer.identifier(table.leadId)} = ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)}`,
    `${age} >= 0`,
    ...(window === undefined ? [] : [`${age} <= ${writer.number(window)}`]),
    ...(filter === 'TRUE' ? [] : [filter]),
  ].join(' AND ');
  return `FROM ${writer.table(table)} AS ${alias} WHERE ${where}`;
}

/**
 * The number of a lead's activities an activity test counts, as a correlated subquery on the activities table (for
 * segments and other single predicates): activities its filter keeps, dated at or before `asOf` and within its window.
 */
export function correlatedActivityCount(writer: SqlWriter, mapping: SqlMapping, condition: ConditionJson): string {
  return `(SELECT COUNT(*) ${correlatedActivities(writer, mapping, condition)})`;
}

/**
 * An activity test as `EXISTS` when it is "at least one" (the common case, which a database answers without
 * counting), else `undefined`.
 */
export function correlatedActivityTest(writer: SqlWriter, mapping: SqlMapping, condition: ConditionJson): string | undefined {
  if ((condition.atLeast ?? 1) !== 1 || condition.atMost !== undefined) return undefined;
  return `EXISTS (SELECT 1 ${correlatedActivities(writer, mapping, condition)})`;
}
