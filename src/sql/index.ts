/**
 * Scoring where the data lives: scoring models and segments compiled to one SQL query for PostgreSQL or DuckDB, run
 * by the database over the tables a team already has, with the same scores and the same explanations as
 * `compileScoringModel`. The package ships no database driver: run the SQL with yours.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { defineScoringModel } from 'leadkit/scoring';
 * import { leadkitSqlMapping, leadkitTablesSql, readSqlLeadScore, scoringModelToSql } from 'leadkit/sql';
 *
 * const model = defineScoringModel({
 *   schemaVersion: 1,
 *   id: 'fit',
 *   rules: [{ kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { software: 10 } }],
 * });
 * const db = await PGlite.create();
 * for (const statement of leadkitTablesSql('postgres')) await db.exec(statement);
 * const query = scoringModelToSql(model, { dialect: 'postgres', mapping: leadkitSqlMapping });
 * const { rows } = await db.query<Record<string, unknown>>(query.sql, query.parameters({ asOf: new Date('2025-01-15T00:00:00Z') }));
 * const scores = rows.map(readSqlLeadScore); // [{ leadId, score, band, salesReady, contributions, … }]
 * ```
 *
 * @module
 */
export { SQL_DIALECTS, duckdbDialect, postgresDialect, type SqlDialect, type SqlDialectName } from './dialect.ts';
export { LEADKIT_TABLES, leadkitSqlMapping, leadkitTablesSql, leadsToRows, type LeadkitRows, type SqlRow, type SqlRowValue } from './leadkit-tables.ts';
export { defineSqlMapping, parseSqlMapping } from './parse-sql-mapping.ts';
export { readSqlLeadScore, type SqlLeadScore, type SqlScoreOverride } from './read-sql-lead-score.ts';
export { scoringModelToSql, type ScoringModelSqlOptions, type SqlQuery, type SqlRunOptions } from './scoring-model-to-sql.ts';
export { segmentToSql, type SegmentSql, type SegmentSqlOptions } from './segment-to-sql.ts';
export {
  SqlFieldMapping,
  SqlIdentifier,
  SqlMapping,
  type SqlActivitiesTableJson,
  type SqlFieldMappingJson,
  type SqlLeadsTableJson,
  type SqlMappingJson,
  type SqlStageHistoryTableJson,
} from './sql-mapping-definition.ts';
