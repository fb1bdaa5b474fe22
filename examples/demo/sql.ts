import { DuckDBInstance } from '@duckdb/node-api';
import type { Lead } from '../../src/models/index.ts';
import { compileScoringModel } from '../../src/scoring/index.ts';
import { leadkitSqlMapping, leadkitTablesSql, readSqlLeadScore, scoringModelToSql, type SqlLeadScore } from '../../src/sql/index.ts';
import { appendRows } from '../../src/sql/sql.test-helpers.ts';
import { leadkitTableColumns, leadsToRows, LEADKIT_TABLES } from '../../src/sql/leadkit-tables.ts';
import { demoScoringModel } from './scoring.ts';

const round = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/** Loads leads into leadkit's default tables of an in-memory DuckDB, runs the demo model's SQL there and reads the rows back. */
export async function scoreInDuckDb(leads: readonly Lead[], asOf: Date): Promise<{ readonly sql: string; readonly scores: SqlLeadScore[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of leadkitTablesSql('duckdb')) await connection.run(statement);
    const rows = leadsToRows(leads);
    const columns = leadkitTableColumns();
    await appendRows(connection, LEADKIT_TABLES.leads, columns.leads, rows.leads);
    await appendRows(connection, LEADKIT_TABLES.activities, columns.activities, rows.activities);
    await appendRows(connection, LEADKIT_TABLES.stageChanges, columns.stageChanges, rows.stageChanges);
    const query = scoringModelToSql(demoScoringModel, { dialect: 'duckdb', mapping: leadkitSqlMapping });
    const reader = await connection.runAndReadAll(`${query.sql} ORDER BY disqualified, score DESC, lead_id`, query.parameters({ asOf }) as never);
    return { sql: query.sql, scores: reader.getRowObjectsJS().map((row) => readSqlLeadScore(row as Record<string, unknown>)) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The SQL part of `npm run demo`: the demo's scoring model compiled to one DuckDB query, run over the sample leads
 * loaded into leadkit's default tables, compared lead by lead with the in-process scorer, and the top leads with
 * their reasons as the database returned them.
 */
export async function sqlDemo(leads: readonly Lead[], asOf: Date): Promise<string[]> {
  const { sql, scores } = await scoreInDuckDb(leads, asOf);
  const scorer = compileScoringModel(demoScoringModel);
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  let agree = 0;
  let largest = 0;
  for (const row of scores) {
    const js = scorer(byId.get(String(row.leadId)) as Lead, { asOf });
    largest = Math.max(largest, Math.abs(js.score - row.score));
    if (js.grade === row.grade && js.salesReady === row.salesReady && js.band === row.band && js.contributions.length === row.contributions?.length) agree++;
  }
  const lines = [
    `One query of ${sql.length.toLocaleString('en-US')} characters (every value of the model a bound parameter), run by DuckDB over ${leads.length} leads in leadkit_leads and leadkit_activities:`,
    `  ${agree} of ${scores.length} leads get the same grade, band, sales-ready flag and contributions as in process; the largest score difference is ${largest.toExponential(1)}`,
    '',
    '  Top 5 as the database returned them (score, grade, top reasons from the contributions column):',
  ];
  for (const row of scores.slice(0, 5)) {
    const reasons = [...(row.contributions ?? [])]
      .sort((left, right) => Math.abs(right.points) - Math.abs(left.points))
      .slice(0, 3)
      .map((item) => `${item.label} ${item.points >= 0 ? '+' : ''}${round(item.points)}`);
    lines.push(
      `  ${String(row.leadId).padEnd(10)} ${round(row.score).padStart(6)}  ${(row.grade ?? '-').padEnd(3)} ${row.salesReady ? 'sales-ready ' : ''}${reasons.join('; ')}`,
    );
  }
  return lines;
}
