import type { ScoreContribution, ScoreDisqualification } from '../scoring/types.ts';

/** A high-intent override that fired, as the SQL query returns it. */
export interface SqlScoreOverride {
  /** Id of the override. */
  readonly ruleId: string;
  /** Its label. */
  readonly label: string;
  /** The band it forces, if any. */
  readonly band?: string | undefined;
}

/**
 * One row of a query from `scoringModelToSql`, read back into JavaScript values: the fields of `LeadScore` that the
 * query returns, with the lead's id.
 */
export interface SqlLeadScore {
  /** The lead's id, as the leads table holds it. */
  readonly leadId: unknown;
  /** The score. */
  readonly score: number;
  /** The `fit` group's score (0 when the model has none). */
  readonly fit: number;
  /** The `engagement` group's score (0 when the model has none). */
  readonly engagement: number;
  /** The band, or `undefined` when the model has none. */
  readonly band: string | undefined;
  /** The fit × engagement cell, or `undefined` when the model has no matrix. */
  readonly matrixCell: string | undefined;
  /** `F` when disqualified, else the cell, else the band. */
  readonly grade: string | undefined;
  /** Whether the lead is sales-ready. */
  readonly salesReady: boolean;
  /** Whether a disqualifier fired. */
  readonly disqualified: boolean;
  /** Each group's score by name (when the query explains). */
  readonly groups?: Readonly<Record<string, number>> | undefined;
  /** The contributions, in rule order (when the query explains). */
  readonly contributions?: readonly ScoreContribution[] | undefined;
  /** The disqualifiers that fired (when the query explains). */
  readonly disqualifications?: readonly ScoreDisqualification[] | undefined;
  /** The overrides that fired (when the query explains). */
  readonly overrides?: readonly SqlScoreOverride[] | undefined;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const numberOf = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : (value as number));
const textOf = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

/**
 * Reads one row of a `scoringModelToSql` query (an object keyed by column name, as database drivers return rows)
 * into a {@link SqlLeadScore}: JSON columns parsed when the driver returns them as text, 64-bit integers as numbers,
 * `NULL` as `undefined`.
 *
 * @example
 * ```ts
 * const row = { lead_id: 'lead-1', score: 10, fit: 10, engagement: 0, band: null, matrix_cell: null, grade: null, sales_ready: false, disqualified: false };
 * readSqlLeadScore(row).score; // 10
 * ```
 */
export function readSqlLeadScore(row: Readonly<Record<string, unknown>>): SqlLeadScore {
  const explained = row['contributions'] !== undefined;
  return {
    leadId: row['lead_id'],
    score: numberOf(row['score']),
    fit: numberOf(row['fit']),
    engagement: numberOf(row['engagement']),
    band: textOf(row['band']),
    matrixCell: textOf(row['matrix_cell']),
    grade: textOf(row['grade']),
    salesReady: row['sales_ready'] === true,
    disqualified: row['disqualified'] === true,
    ...(explained
      ? {
          groups: json(row['groups']) as Record<string, number>,
          contributions: json(row['contributions']) as ScoreContribution[],
          disqualifications: json(row['disqualifications']) as ScoreDisqualification[],
          overrides: json(row['overrides']) as SqlScoreOverride[],
        }
      : {}),
  };
}
