/**
 * Scoring where the data lives (leadkit/sql): the scoring benchmark's 20-rule fit model over its 100,000 leads, and
 * the engagement benchmark's model over 100,000 leads × 30 activities, run as one SQL query by DuckDB (in process,
 * through @duckdb/node-api, every core) and by PostgreSQL compiled to WebAssembly (PGlite, one thread), against
 * leadkit's compiled in-process number path on the same leads. Both sides are checked to give the same scores first.
 * A database "op" is one lead scored by the query with every value of its row read in the database (aggregated: the
 * work of scoring and explaining it, without storing or sending the result); the same query into a result table
 * (`CREATE TEMP TABLE … AS`) and the fetch of 100,000 rows into JavaScript are timed apart. Run: npm run bench -- sql
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import type { Lead } from '../src/models/index.ts';
import { compileScoringModel, defineScoringModel, type ScoringModelJson } from '../src/scoring/index.ts';
import { leadkitSqlMapping, leadkitTablesSql, leadsToRows, readSqlLeadScore, scoringModelToSql, type SqlQuery } from '../src/sql/index.ts';
import { LEADKIT_TABLES, leadkitTableColumns } from '../src/sql/leadkit-tables.ts';
import { scoreDifferences } from '../src/sql/sql.test-helpers.ts';
import { generateLeads } from '../src/testing/index.ts';
import { engagementBenchModel } from './engagement-model.ts';
import { fitBenchModel } from './fit-model.ts';
import { benchChecksum, interleavedRates, rate } from './harness.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const line = (name: string, ours: number, baseline: number): string =>
  `BENCH ${name} ops_per_s=${Math.round(ours)} baseline_ops_per_s=${Math.round(baseline)} ratio=${(ours / baseline).toFixed(3)}`;

const engagementModel = engagementBenchModel;

/** A CSV field: empty for NULL, text quoted. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A DuckDB list literal (the generated lists hold plain words).
  if (Array.isArray(value)) return `"[${value.join(', ')}]"`;
  return `"${String(value).replace(/"/g, '""')}"`;
}

/**
 * DuckDB parallelises a scan by row groups (122,880 rows by default), so 100,000 leads in one default row group
 * are scored by one thread. The tables go into a database file attached with row groups of 16,384 rows (DuckDB's
 * "Tuning workloads" guide; docs/sql.md says when to do it), so both cores take part, as they would on a larger table.
 */
const ROW_GROUP_SIZE = 16_384;

async function duckdbWith(leads: readonly Lead[]): Promise<DuckDBConnection> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const databaseDirectory = mkdtempSync(join(tmpdir(), 'leadkit-sql-bench-db-'));
  process.on('exit', () => rmSync(databaseDirectory, { recursive: true, force: true }));
  await connection.run(`ATTACH '${join(databaseDirectory, 'bench.duckdb')}' AS bench (ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
  await connection.run('USE bench');
  for (const statement of leadkitTablesSql('duckdb')) await connection.run(statement);
  const columns = leadkitTableColumns();
  // Through CSV files, in chunks of leads: DuckDB reads them much faster than values appended one by one.
  const directory = mkdtempSync(join(tmpdir(), 'leadkit-sql-bench-'));
  let activities = 0;
  for (let start = 0; start < leads.length; start += 20_000) {
    const rows = leadsToRows(leads.slice(start, start + 20_000));
    activities += rows.activities.length;
    for (const [table, key] of [
      [LEADKIT_TABLES.leads, 'leads'],
      [LEADKIT_TABLES.activities, 'activities'],
    ] as const) {
      const file = join(directory, `${key}.csv`);
      const names = columns[key].map(([name]) => name);
      writeFileSync(file, rows[key].map((row) => names.map((name) => csvField(row[name])).join(',')).join('\n'));
      await connection.run(`COPY ${table} FROM '${file}' (FORMAT csv, HEADER false)`);
    }
  }
  rmSync(directory, { recursive: true });
  console.log(`# loaded ${leads.length} leads and ${activities} activities into DuckDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return connection;
}

/** Leads per second of a query into a result table: the best of `rounds` runs after one warm-up. */
async function queryRate(run: () => Promise<unknown>, count: number, rounds = 3): Promise<number> {
  await run();
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await run();
    best = Math.max(best, count / ((performance.now() - start) / 1000));
  }
  return best;
}

/**
 * The query with every value of every row read in the database (aggregated, so nothing is pruned or sent to
 * JavaScript): the work of scoring and explaining each lead, without the cost of storing the result.
 */
function consume(query: SqlQuery): string {
  const texts = ['band', 'matrix_cell', 'grade', 'groups', 'contributions', 'disqualifications', 'overrides'].filter((column) =>
    query.columns.includes(column),
  );
  return `SELECT SUM(score + fit + engagement) AS total, COUNT(*) FILTER (WHERE sales_ready) AS ready, COUNT(*) FILTER (WHERE disqualified) AS out${texts.map((column) => `, SUM(strlen(CAST(${column} AS VARCHAR))) AS ${column}_length`).join('')} FROM (${query.sql}) AS scored`;
}

/** Checks that every lead's score from the database equals the in-process one (to 1e-9 relative). */
function check(name: string, rows: readonly Record<string, unknown>[], leads: readonly Lead[], scoreValue: (lead: Lead) => number): void {
  const byId = new Map(rows.map((row) => [row['lead_id'], readSqlLeadScore(row)]));
  if (byId.size !== leads.length) throw new Error(`${name}: ${byId.size} rows for ${leads.length} leads`);
  for (const lead of leads) {
    const ours = byId.get(lead.id)?.score ?? Number.NaN;
    const theirs = scoreValue(lead);
    if (!(Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)))) throw new Error(`${name}: ${lead.id} scored ${ours} in SQL, ${theirs} in process`);
  }
}

async function duckdbCase(
  name: string,
  model: ScoringModelJson,
  leads: readonly Lead[],
): Promise<{ number: number; explained: number; inProcess: number; connection: DuckDBConnection }> {
  const scorer = compileScoringModel(defineScoringModel(model));
  const connection = await duckdbWith(leads);
  const numbers = scoringModelToSql(defineScoringModel(model), { dialect: 'duckdb', mapping: leadkitSqlMapping, explain: false });
  const explainedQuery = scoringModelToSql(defineScoringModel(model), { dialect: 'duckdb', mapping: leadkitSqlMapping });
  const parameters = numbers.parameters({ asOf }) as never;
  check(name, (await connection.runAndReadAll(numbers.sql, parameters)).getRowObjectsJS() as Record<string, unknown>[], leads, (lead) =>
    scorer.scoreValue(lead, asOf),
  );
  // And the explanations: every lead's band, cell, flags and contributions, as the parity tests compare them.
  const explainedRows = (await connection.runAndReadAll(explainedQuery.sql, explainedQuery.parameters({ asOf }) as never)).getRowObjectsJS() as Record<
    string,
    unknown
  >[];
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  let different = 0;
  for (const row of explainedRows) {
    const problems = scoreDifferences(scorer(byId.get(String(row['lead_id'])) as Lead, { asOf }), readSqlLeadScore(row));
    if (problems.length > 0 && different++ === 0) console.log(`# ${name}: ${String(row['lead_id'])} differs: ${problems.join('; ')}`);
  }
  if (different > 0 || explainedRows.length !== leads.length) throw new Error(`${name}: ${different} of ${explainedRows.length} explained leads differ`);
  console.log(`# ${name}: all ${explainedRows.length.toLocaleString('en-US')} leads explained alike in DuckDB and in process`);
  const into = (query: SqlQuery) => () => connection.run(`CREATE OR REPLACE TEMP TABLE scored AS ${query.sql}`, query.parameters({ asOf }) as never);
  const consumed = (query: SqlQuery) => () => connection.run(consume(query), query.parameters({ asOf }) as never);
  // The number and explained queries in turn, five rounds, the best of each: load falls on both alike.
  const [number = 0, explained = 0] = await interleavedRates(
    [numbers, explainedQuery].map((query) => ({ pass: async () => (await consumed(query)(), 0), count: leads.length })),
  );
  const numberTable = await queryRate(into(numbers), leads.length, 2);
  const explainedTable = await queryRate(into(explainedQuery), leads.length, 2);
  console.log(
    `# ${name}: into a result table, number path ${Math.round(numberTable)}/s, explained ${Math.round(explainedTable)}/s (storing ~1 KB of JSON text per lead)`,
  );
  const fetchStart = performance.now();
  const fetched = (await connection.runAndReadAll(numbers.sql, parameters)).getRowObjectsJS().length;
  const fetchSeconds = (performance.now() - fetchStart) / 1000;
  const asOfMs = asOf.getTime();
  const inProcess = rate(() => {
    let total = 0;
    for (let index = 0; index < leads.length; index++) total += scorer.scoreValue(leads[index] as Lead, asOfMs);
    return total;
  }, leads.length);
  console.log(
    `# ${name}: DuckDB number path ${Math.round(number)}/s, explained ${Math.round(explained)}/s (${(number / explained).toFixed(2)}× slower), in process ${Math.round(inProcess)}/s; with the fetch of ${fetched} rows into JavaScript ${Math.round(leads.length / fetchSeconds)}/s`,
  );
  return { number, explained, inProcess, connection };
}

// ---- the 20-rule fit model over the scoring benchmark's 100,000 leads -----------------------------------------
let phase = performance.now();
const fitLeads = generateLeads({ seed: 42, count: 100_000, asOf, activities: { min: 0, max: 4 } });
console.log(`# generated the fit leads in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
const fit = await duckdbCase('fit, 100,000 leads', fitBenchModel, fitLeads);
console.log(line('sql-duckdb-vs-inprocess', fit.number, fit.inProcess));
console.log(line('sql-duckdb-explain-vs-number', fit.explained, fit.number));

// 1,000,000 leads made in the database itself: the 100,000 copied ten times under new ids.
await fit.connection.run(
  `INSERT INTO ${LEADKIT_TABLES.leads} SELECT l.* REPLACE (l.id || '/' || copies.copy AS id) FROM ${LEADKIT_TABLES.leads} AS l, range(1, 10) AS copies(copy)`,
);
const million = scoringModelToSql(defineScoringModel(fitBenchModel), { dialect: 'duckdb', mapping: leadkitSqlMapping, explain: false });
const millionCount = Number((await fit.connection.runAndReadAll(`SELECT COUNT(*) AS n FROM ${LEADKIT_TABLES.leads}`)).getRowObjectsJS()[0]?.['n']);
const sums = (
  await fit.connection.runAndReadAll(`SELECT SUM(score) AS total, COUNT(*) AS n FROM (${million.sql}) AS s`, million.parameters({ asOf }) as never)
).getRowObjectsJS()[0];
const fitScorer = compileScoringModel(defineScoringModel(fitBenchModel));
const expectedTotal = fitLeads.reduce((total, lead) => total + fitScorer.scoreValue(lead, asOf), 0) * 10;
if (Number(sums?.['n']) !== millionCount || Math.abs(Number(sums?.['total']) - expectedTotal) > 1e-6 * Math.abs(expectedTotal))
  throw new Error(`1,000,000 leads: SQL total ${String(sums?.['total'])}, expected ${expectedTotal}`);
const millionRate = await queryRate(() => fit.connection.run(consume(million), million.parameters({ asOf }) as never), millionCount, 3);
console.log(
  `# fit, ${millionCount.toLocaleString('en-US')} leads made in DuckDB: ${Math.round(millionRate)}/s (in process on the 100,000: ${Math.round(fit.inProcess)}/s)`,
);
console.log(line('sql-duckdb-1m-vs-inprocess', millionRate, fit.inProcess));
fit.connection.closeSync();

// ---- the engagement model over 100,000 leads × 30 activities --------------------------------------------------
phase = performance.now();
const engagementLeads = generateLeads({ seed: 7, count: 100_000, asOf, activities: { min: 30, max: 30 }, outcomes: false });
console.log(`# generated the engagement leads in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
const engagement = await duckdbCase('engagement, 100,000 leads × 30 activities', engagementModel, engagementLeads);
console.log(line('sql-duckdb-engagement-vs-inprocess', engagement.number, engagement.inProcess));
console.log(line('sql-duckdb-engagement-explain-vs-number', engagement.explained, engagement.number));
engagement.connection.closeSync();

// ---- PGlite (PostgreSQL in WebAssembly, one thread): reported, no goal ----------------------------------------
async function pgliteCase(name: string, model: ScoringModelJson, leads: readonly Lead[]): Promise<{ number: number; inProcess: number }> {
  const db = await PGlite.create();
  for (const statement of leadkitTablesSql('postgres')) await db.exec(statement);
  const rows = leadsToRows(leads);
  const columns = leadkitTableColumns();
  // COPY from CSV: the fast way into PostgreSQL.
  const csv = (table: readonly Record<string, unknown>[], names: readonly (readonly [string, string])[]): string =>
    table
      .map((row) =>
        names
          .map(([column, kind]) => {
            const value = row[column];
            if (value === null || value === undefined) return '';
            const text =
              value instanceof Date
                ? value.toISOString()
                : Array.isArray(value)
                  ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
                  : String(value);
            return kind === 'number' || kind === 'bigint' || kind === 'boolean' ? text : `"${text.replace(/"/g, '""')}"`;
          })
          .join(','),
      )
      .join('\n');
  await db.query(`COPY ${LEADKIT_TABLES.leads} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv(rows.leads, columns.leads)]) });
  await db.query(`COPY ${LEADKIT_TABLES.activities} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv(rows.activities, columns.activities)]) });
  const scorer = compileScoringModel(defineScoringModel(model));
  const query = scoringModelToSql(defineScoringModel(model), { dialect: 'postgres', mapping: leadkitSqlMapping, explain: false });
  check(name, (await db.query<Record<string, unknown>>(query.sql, query.parameters({ asOf }))).rows, leads, (lead) => scorer.scoreValue(lead, asOf));
  const number = await queryRate(
    async () => {
      await db.exec('DROP TABLE IF EXISTS scored');
      await db.query(`CREATE TEMP TABLE scored AS ${query.sql}`, query.parameters({ asOf }));
    },
    leads.length,
    2,
  );
  const asOfMs = asOf.getTime();
  const inProcess = rate(() => {
    let total = 0;
    for (let index = 0; index < leads.length; index++) total += scorer.scoreValue(leads[index] as Lead, asOfMs);
    return total;
  }, leads.length);
  console.log(`# ${name}: PGlite number path ${Math.round(number)}/s, in process ${Math.round(inProcess)}/s`);
  await db.close();
  return { number, inProcess };
}
const pgFit = await pgliteCase('PGlite fit, 20,000 leads', fitBenchModel, fitLeads.slice(0, 20_000));
console.log(line('sql-pglite-vs-inprocess', pgFit.number, pgFit.inProcess));
const pgEngagement = await pgliteCase('PGlite engagement, 10,000 leads × 30 activities', engagementModel, engagementLeads.slice(0, 10_000));
console.log(line('sql-pglite-engagement-vs-inprocess', pgEngagement.number, pgEngagement.inProcess));
console.log(`# checksum ${benchChecksum()}`);
