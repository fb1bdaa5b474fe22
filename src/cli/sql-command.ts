import { parseScoringModel } from '../scoring/define-scoring-model.ts';
import { leadkitSqlMapping } from '../sql/leadkit-tables.ts';
import { parseSqlMapping } from '../sql/parse-sql-mapping.ts';
import { scoringModelToSql } from '../sql/scoring-model-to-sql.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { readAsOf, readDefinition } from './read-definition.ts';

/** Options of `leadkit sql`. */
export interface SqlCommandOptions {
  readonly dialect: string;
  readonly mapping?: string | undefined;
  readonly explain?: boolean | undefined;
  readonly asOf?: string | undefined;
  readonly format?: string | undefined;
}

/** `leadkit sql`: compiles a scoring model to one SQL query (PostgreSQL or DuckDB) and prints it. */
export async function sqlCommand(io: CliIo, file: string, options: SqlCommandOptions): Promise<number> {
  if (options.dialect !== 'postgres' && options.dialect !== 'duckdb')
    throw new CliError(`--dialect ${JSON.stringify(options.dialect)}: use postgres or duckdb`, EXIT_USAGE);
  const model = readDefinition(io.cwd, file, 'sql', 'scoring model', (input) => parseScoringModel(input));
  const mapping =
    options.mapping === undefined ? leadkitSqlMapping : readDefinition(io.cwd, options.mapping, '--mapping', 'SQL mapping', (input) => parseSqlMapping(input));
  const format = options.format ?? 'sql';
  if (format !== 'sql' && format !== 'json') throw new CliError(`--format ${JSON.stringify(format)}: use sql or json`, EXIT_USAGE);
  const asOf = readAsOf(options.asOf, io.now);
  const query = scoringModelToSql(model, { dialect: options.dialect, mapping, explain: options.explain !== false });
  const parameters = query.parameters({ asOf });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ dialect: query.dialect, sql: query.sql, columns: query.columns, parameters }, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout.write(`-- leadkit scoring model ${JSON.stringify(model.id)} for ${query.dialect}, columns: ${query.columns.join(', ')}\n`);
  io.stdout.write(`-- bound parameters as of ${asOf.toISOString()} (pass them with your client; --format json gives them as a list):\n`);
  parameters.forEach((value, index) => {
    io.stdout.write(`--   $${index + 1} = ${JSON.stringify(value)}\n`);
  });
  io.stdout.write(`${query.sql.trimEnd()};\n`);
  return EXIT_OK;
}
