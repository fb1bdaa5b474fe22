import { conditionFieldIssues } from '../conditions/check-fields.ts';
import { leadFieldCatalog, type LeadSchema } from '../conditions/field-path.ts';
import { ValidationError, type ValidationIssue } from '../errors.ts';
import { instantMs } from '../internal/instant.ts';
import type { SegmentDefinition } from '../metrics/segment-definition.ts';
import { correlatedActivityCount, correlatedActivityTest } from './activity-source.ts';
import { conditionSql, type ConditionSqlContext } from './condition-to-sql.ts';
import { resolveSqlDialect, type SqlDialect, type SqlDialectName } from './dialect.ts';
import { createFieldSources, LEAD_ALIAS } from './field-sources.ts';
import type { SqlQuery } from './scoring-model-to-sql.ts';
import type { SqlMapping } from './sql-mapping-definition.ts';
import { createSqlWriter } from './sql-writer.ts';

/** Options of {@link segmentToSql}. */
export interface SegmentSqlOptions {
  /** The SQL dialect: `postgres`, `duckdb`, or a dialect object of your own. */
  readonly dialect: SqlDialectName | SqlDialect;
  /** Where the leads, activities and stage history are. */
  readonly mapping: SqlMapping;
  /** Your lead schema, when the segment names fields of an extended lead. */
  readonly lead?: LeadSchema | undefined;
}

/** A segment as SQL: a `WHERE` predicate on the leads table (alias `l`), and a query selecting the leads' ids. */
export interface SegmentSql extends SqlQuery {
  /**
   * The predicate: `TRUE` exactly for the leads in the segment as of `asOf` (parameter `$1`). It names the leads table
   * `l`: use it as `… FROM <leads table> AS l WHERE <where>`, with the same {@link SqlQuery.parameters}.
   */
  readonly where: string;
}

/**
 * Turns a segment definition (`leadkit/metrics`) into a `WHERE` predicate over the mapped leads table, with activity
 * tests as `EXISTS` (or counting) subqueries on the activities table: it selects the leads `segmentLeads` counts in
 * the segment, those created by `asOf` (when the mapping places `createdAt`) whose condition holds. `sql` is the
 * whole query (`SELECT … AS lead_id FROM … AS l WHERE …`).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 *
 * const db = await PGlite.create();
 * for (const statement of leadkitTablesSql('postgres')) await db.exec(statement);
 * const segment = segmentToSql(defineSegment({ id: 'engaged', when: { activity: {}, withinDays: 30 } }), { dialect: 'postgres', mapping: leadkitSqlMapping });
 * const { rows } = await db.query(segment.sql, segment.parameters({ asOf: new Date('2025-01-15T00:00:00Z') }));
 * ```
 * @throws ValidationError (with the path of each part) when the segment names a field the mapping does not place or
 * tests an activity detail it has no column for.
 */
export function segmentToSql(segment: SegmentDefinition, options: SegmentSqlOptions): SegmentSql {
  const dialect = resolveSqlDialect(options.dialect);
  const catalog = leadFieldCatalog(options.lead);
  if (options.lead !== undefined) {
    const problems = conditionFieldIssues(segment.when, catalog, ['when']);
    if (problems.length > 0) throw new ValidationError('segment', problems);
  }
  const writer = createSqlWriter(dialect);
  const mapping = options.mapping;
  const issues: ValidationIssue[] = [];
  const context: ConditionSqlContext = {
    writer,
    sources: createFieldSources(writer, mapping, catalog),
    issues,
    activityCount: (condition) => correlatedActivityCount(writer, mapping, condition),
    activityTest: (condition) => correlatedActivityTest(writer, mapping, condition),
  };
  const holds = conditionSql(segment.when, context, ['when']);
  if (issues.length > 0) throw new ValidationError(`segment for ${dialect.name}`, issues);
  const fields = mapping.leads.fields ?? {};
  const created = Object.hasOwn(fields, 'createdAt') ? fields['createdAt'] : undefined;
  const createdColumn = typeof created === 'string' ? created : created !== undefined && 'column' in created ? created.column : undefined;
  // A lead starts at createdAt, else at its first stage change (segmentLeads leaves out a lead with neither).
  const history = mapping.stageHistory;
  const startOf = (column: string): string => {
    const created = dialect.epochMilliseconds(`${LEAD_ALIAS}.${writer.identifier(column)}`);
    if (history === undefined) return created;
    const first = `(SELECT ${dialect.epochMilliseconds(`h0.${writer.identifier(history.at)}`)} FROM ${writer.table(history)} AS h0 WHERE h0.${writer.identifier(history.leadId)} = ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)} ORDER BY h0.${writer.identifier(history.position)} LIMIT 1)`;
    return `COALESCE(${created}, ${first})`;
  };
  const parts = [...(createdColumn === undefined ? [] : [`${startOf(createdColumn)} <= ${writer.asOfMs}`]), `COALESCE(${holds}, FALSE)`];
  // Every statement binds asOf: a database refuses a parameter the text does not use.
  if (!parts.some((part) => part.includes(writer.asOfMs))) parts.unshift(`${writer.asOfMs} IS NOT NULL`);
  const where = parts.join(' AND ');
  const texts = [...writer.texts];
  return {
    dialect: dialect.name,
    where,
    sql: `SELECT ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)} AS lead_id FROM ${writer.table(mapping.leads)} AS ${LEAD_ALIAS} WHERE ${where}`,
    columns: ['lead_id'],
    parameters: (run) => [instantMs(run.asOf, 'asOf'), ...texts],
  };
}
