/**
 * Test helpers (not part of the package): real databases for the SQL tests, PostgreSQL through PGlite and DuckDB
 * through @duckdb/node-api, with leadkit's default tables and a loader for leads.
 */
import { DuckDBInstance, LIST, listValue, timestampTZValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from '../scoring/compile.ts';
import { defineScoringModel } from '../scoring/define-scoring-model.ts';
import type { ScoringModelJson } from '../scoring/scoring-model-definition.ts';
import type { LeadScore } from '../scoring/types.ts';
import type { SqlDialectName } from './dialect.ts';
import { LEADKIT_TABLES, leadkitSqlMapping, leadkitTableColumns, leadkitTablesSql, leadsToRows, type SqlRow } from './leadkit-tables.ts';
import { readSqlLeadScore, type SqlLeadScore } from './read-sql-lead-score.ts';
import { scoringModelToSql } from './scoring-model-to-sql.ts';

/** A database to run leadkit's SQL on. */
export interface TestDatabase {
  readonly dialect: SqlDialectName;
  /** Runs a statement and returns its rows as plain objects. */
  query(sql: string, parameters?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Empties leadkit's default tables and loads these leads into them. */
  load(leads: readonly Lead[], extra?: (row: Record<string, unknown>, lead: Lead) => void): Promise<void>;
  close(): Promise<void>;
}

type Kind = ReturnType<typeof leadkitTableColumns>['leads'][number][1];

const tables = [
  [LEADKIT_TABLES.leads, 'leads'],
  [LEADKIT_TABLES.activities, 'activities'],
  [LEADKIT_TABLES.stageChanges, 'stageChanges'],
] as const;

/** PostgreSQL (PGlite) with leadkit's tables created. */
export async function openPostgres(): Promise<TestDatabase> {
  const db = await PGlite.create();
  for (const statement of leadkitTablesSql('postgres')) await db.exec(statement);
  const columns = leadkitTableColumns();
  const query = async (sql: string, parameters: readonly unknown[] = []) => (await db.query<Record<string, unknown>>(sql, [...parameters])).rows;
  return {
    dialect: 'postgres',
    query,
    async load(leads, extra) {
      const rows = leadsToRows(leads);
      const byTable = { leads: rows.leads, activities: rows.activities, stageChanges: rows.stageChanges };
      await db.exec(tables.map(([table]) => `DELETE FROM "${table}";`).join('\n'));
      for (const [table, key] of tables) {
        const names = columns[key].map(([name]) => name);
        const kinds = columns[key].map(([, kind]) => kind);
        const list = byTable[key].map((row, index) => {
          const copy: Record<string, unknown> = { ...row };
          if (key === 'leads') extra?.(copy, leads[index] as Lead);
          return copy;
        });
        const batch = Math.max(1, Math.floor(30_000 / names.length));
        for (let start = 0; start < list.length; start += batch) {
          const chunk = list.slice(start, start + batch);
          const values: unknown[] = [];
          const tuples = chunk.map(
            (row) =>
              `(${names
                .map((name, position) => {
                  values.push(postgresValue(row[name], kinds[position] as Kind));
                  return `$${values.length}`;
                })
                .join(', ')})`,
          );
          await db.query(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
      }
    },
    close: () => db.close(),
  };
}

function postgresValue(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'timestamp') return (value as Date).toISOString();
  if (kind === 'bigint') return String(value);
  return value;
}

/** DuckDB (in memory) with leadkit's tables created. */
export async function openDuckDb(): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of leadkitTablesSql('duckdb')) await connection.run(statement);
  const columns = leadkitTableColumns();
  return {
    dialect: 'duckdb',
    query: async (sql, parameters = []) => (await connection.runAndReadAll(sql, [...parameters] as never)).getRowObjectsJS() as Record<string, unknown>[],
    async load(leads, extra) {
      const rows = leadsToRows(leads);
      for (const [table] of tables) await connection.run(`DELETE FROM "${table}"`);
      await appendRows(
        connection,
        LEADKIT_TABLES.leads,
        columns.leads,
        rows.leads.map((row, index) => {
          const copy: Record<string, unknown> = { ...row };
          extra?.(copy, leads[index] as Lead);
          return copy;
        }),
      );
      await appendRows(connection, LEADKIT_TABLES.activities, columns.activities, rows.activities);
      await appendRows(connection, LEADKIT_TABLES.stageChanges, columns.stageChanges, rows.stageChanges);
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Appends rows to a DuckDB table with the appender (fast enough for the 100,000-lead benchmark). */
export async function appendRows(
  connection: DuckDBConnection,
  table: string,
  columns: readonly (readonly [string, Kind])[],
  rows: readonly (SqlRow | Record<string, unknown>)[],
): Promise<void> {
  const appender = await connection.createAppender(table);
  const listType = LIST(VARCHAR);
  for (const row of rows) {
    for (const [name, kind] of columns) {
      const value = row[name];
      if (value === null || value === undefined) appender.appendNull();
      else if (kind === 'text' || kind === 'json') appender.appendVarchar(value as string);
      else if (kind === 'number') appender.appendDouble(value as number);
      else if (kind === 'bigint') appender.appendBigInt(BigInt(value as number));
      else if (kind === 'boolean') appender.appendBoolean(value as boolean);
      else if (kind === 'timestamp') appender.appendTimestampTZ(timestampTZValue(BigInt((value as Date).getTime()) * 1000n));
      else appender.appendList(listValue(value as string[]), listType);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Opens PostgreSQL (PGlite) and DuckDB before the tests of the file that calls it, and closes them after: the array it
 * returns is filled by `beforeAll` (PostgreSQL first).
 */
export function useTestDatabases(): readonly TestDatabase[] {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    databases.push(...(await Promise.all([openPostgres(), openDuckDb()])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.close()));
  });
  return databases;
}

/** Opens a database of the dialect. */
export function openDatabase(dialect: SqlDialectName): Promise<TestDatabase> {
  return dialect === 'postgres' ? openPostgres() : openDuckDb();
}

/** Whether two numbers agree within 1e-9 relative to `scale` (at least 1): the tolerance of SQL parity. */
export function closeTo(actual: number, expected: number, scale = 1): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected), scale);
}

/**
 * The differences between a lead's score from the compiled JavaScript scorer and from SQL, as text (empty when they
 * agree): the same band, cell, grade, flags, disqualifications and overrides, the same contributions by rule id, and
 * numbers within 1e-9 relative to the magnitude of the points involved.
 */
export function scoreDifferences(js: LeadScore, sql: SqlLeadScore): string[] {
  const problems: string[] = [];
  const scale = js.contributions.reduce((sum, item) => sum + Math.abs(item.rawPoints) + Math.abs(item.decayedPoints) + Math.abs(item.points), 0);
  const same = (what: string, a: unknown, b: unknown): void => {
    if (a !== b) problems.push(`${what}: js ${JSON.stringify(a)} sql ${JSON.stringify(b)}`);
  };
  const near = (what: string, a: number, b: number): void => {
    if (!closeTo(b, a, scale)) problems.push(`${what}: js ${a} sql ${b}`);
  };
  near('score', js.score, sql.score);
  near('fit', js.fit, sql.fit);
  near('engagement', js.engagement, sql.engagement);
  same('band', js.band, sql.band);
  same('matrixCell', js.matrixCell, sql.matrixCell);
  same('grade', js.grade, sql.grade);
  same('salesReady', js.salesReady, sql.salesReady);
  same('disqualified', js.disqualified, sql.disqualified);
  if (sql.contributions !== undefined) {
    same('contribution ids', js.contributions.map((item) => item.ruleId).join(' | '), sql.contributions.map((item) => item.ruleId).join(' | '));
    js.contributions.forEach((item, index) => {
      const other = sql.contributions?.[index];
      if (other === undefined || other.ruleId !== item.ruleId) return;
      same(`${item.ruleId}.label`, item.label, other.label);
      same(`${item.ruleId}.group`, item.group, other.group);
      same(`${item.ruleId}.occurrences`, item.occurrences, other.occurrences);
      for (const key of ['rawPoints', 'decayFactor', 'decayedPoints', 'weight', 'cappedPoints', 'points'] as const)
        near(`${item.ruleId}.${key}`, item[key], other[key]);
    });
    same('disqualifications', JSON.stringify(js.disqualifications), JSON.stringify(sql.disqualifications));
    same(
      'overrides',
      JSON.stringify(js.overrides.map((item) => (item.band === undefined ? { ruleId: item.ruleId, label: item.label } : item))),
      JSON.stringify(sql.overrides),
    );
    for (const [name, value] of Object.entries(js.groups)) near(`groups.${name}`, value, sql.groups?.[name] ?? Number.NaN);
    same('group names', Object.keys(js.groups).join(' | '), Object.keys(sql.groups ?? {}).join(' | '));
  }
  return problems;
}

/**
 * Scores leads with a model in JavaScript and in every database (leadkit's default tables, the previous band of lead
 * `i` chosen by `previous[i]` among the model's bands, none past them) and returns the differences, lead by lead.
 */
export async function scoringDifferences(
  databases: readonly TestDatabase[],
  modelJson: ScoringModelJson,
  batch: readonly Lead[],
  asOf: Date,
  previous: readonly number[] = [],
): Promise<string[]> {
  const model = defineScoringModel(modelJson);
  const scorer = compileScoringModel(model);
  const names = [model.grading?.bands?.otherwise, ...(model.grading?.bands?.thresholds ?? []).map((threshold) => threshold.band)].filter(
    (name) => name !== undefined,
  );
  const previousBand = (index: number): string | undefined => {
    const pick = previous[index] ?? names.length;
    return pick < names.length ? names[pick] : undefined;
  };
  const problems: string[] = [];
  for (const database of databases) {
    await database.load(batch, (row, lead) => {
      row['previous_band'] = previousBand(batch.indexOf(lead)) ?? null;
    });
    const query = scoringModelToSql(model, { dialect: database.dialect, mapping: leadkitSqlMapping });
    const rows = await database.query(query.sql, query.parameters({ asOf }));
    const byId = new Map(rows.map((row) => [row['lead_id'], readSqlLeadScore(row)]));
    if (rows.length !== batch.length) problems.push(`${database.dialect}: ${rows.length} rows for ${batch.length} leads`);
    batch.forEach((lead, index) => {
      const sql = byId.get(lead.id);
      if (sql === undefined) return;
      const js = scorer(lead, { asOf, previousBand: previousBand(index) });
      for (const problem of scoreDifferences(js, sql)) problems.push(`${database.dialect} ${lead.id}: ${problem}`);
    });
  }
  return problems;
}
