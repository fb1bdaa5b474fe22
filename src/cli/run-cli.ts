import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { DEFINITION_KINDS } from './definition-kinds.ts';
import { checkCommand } from './check-command.ts';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { initCommand } from './init-command.ts';
import { qualifyCommand } from './qualify-command.ts';
import { reportCommand } from './report-command.ts';
import { PRESETS } from './resolve-mapping.ts';
import { scoreCommand } from './score-command.ts';
import { sqlCommand } from './sql-command.ts';

const EXIT_CODES_HELP = `
Exit codes: 0 ok; 1 problems found (rows rejected, a definition with problems); 2 usage error (a bad option, a
missing or invalid file given to an option, an unreadable input); 130 interrupted (Ctrl-C).
--as-of defaults to the time the command starts; give it for results that do not change from one run to the next.`;

function example(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Builds the program; each action stores its exit code in `result`. */
function createProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('leadkit');
  program
    .description('Score, check and report on CRM exports with leadkit definitions (ICP, scoring model, funnel, mapping).')
    .version(version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of errors')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      `${example('leadkit score leads.csv --model scoring-model.json --mapping mapping.json --top 20', 'leadkit check definitions/*.json')}${EXIT_CODES_HELP}`,
    )
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`leadkit: ${text.replace(/^error: /, '').trimEnd()} (see leadkit --help)\n`),
    });
  const mappingOptions = (command: Command): Command =>
    command
      .option('--mapping <file>', 'an import mapping (JSON) from the file’s columns to lead fields')
      .addOption(new Option('--preset <name>', 'a built-in mapping instead of --mapping').choices(PRESETS))
      .option('--time-zone <zone>', 'the IANA time zone of dates without an offset, for --preset (default UTC)')
      .option('--currency <code>', 'the currency of amounts without one, for --preset (default USD)')
      .option('--encoding <name>', 'the text encoding of the file (default utf-8; a UTF-16 byte-order mark is read)')
      .addOption(new Option('--input <format>', 'the input format when the file name does not say (.csv, .jsonl)').choices(['csv', 'jsonl']))
      .option('--no-progress', 'no progress line on a terminal');

  mappingOptions(
    program
      .command('score')
      .description('Score and grade every lead of a CSV or JSONL file (- for standard input), streaming, with the top reasons.')
      .argument('<file>', 'a CSV or JSONL file of leads, or - for standard input')
      .requiredOption('--model <file>', 'the scoring model (JSON)')
      .option('--icp <file>', 'an ICP (JSON): adds the fit score and grade of each lead')
      .option('--as-of <date>', 'score as of this date (ISO 8601, such as 2025-06-30); default now')
      .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else csv)').choices(['table', 'csv', 'jsonl']))
      .option('--top <n>', 'only the n best leads, ranked in bounded memory')
      .option('--explain', 'every contribution of each score')
      .option('--rejects <file>', 'write rows that could not be read to this CSV (row, column, problem); the run goes on')
      .option('--out <file>', 'write the results to a file instead of standard output'),
  )
    .addHelpText(
      'after',
      example(
        'leadkit score examples/data/sample-leads.jsonl --model examples/data/demo-scoring-model.json --as-of 2025-06-30 --top 10',
        'leadkit score contacts.csv --preset hubspot --time-zone America/New_York --model model.json --rejects rejects.csv --out scores.csv',
        'cat leads.jsonl | leadkit score - --model model.json --format jsonl | head -1',
      ),
    )
    .action(async (file: string, options) => {
      result.code = await scoreCommand(io, file, options);
    });

  mappingOptions(
    program
      .command('report')
      .description('The funnel report of a file: conversion, cycle length percentiles, time in stage, cohorts.')
      .argument('<file>', 'a CSV or JSONL file of leads, or - for standard input')
      .option('--funnel <preset|file>', 'b2b, hubspot, salesforce-lead, salesforce-opportunity or a funnel JSON (default: the preset’s, else b2b)')
      .option('--as-of <date>', 'report as of this date (ISO 8601); default now')
      .option('--by <cohort>', 'cohorts by month, week, origin (the lead source) or any field path (company.country)')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table')),
  )
    .addHelpText('after', example('leadkit report contacts.csv --preset hubspot --as-of 2024-05-15 --by origin'))
    .action(async (file: string, options) => {
      result.code = await reportCommand(io, file, options);
    });

  program
    .command('check')
    .description('Validate leadkit definitions (JSON) and print every problem with its path; exit 1 if any.')
    .argument('<files...>', 'definition files: ICP, scoring model, framework, funnel, segment, mapping, SQL mapping, trained model…')
    .addOption(new Option('--kind <kind>', 'the kind of definition, when it cannot be told from the file').choices(DEFINITION_KINDS.map((item) => item.kind)))
    .option('--as-of <date>', 'for assessments: dates after it are problems; default now')
    .option('--quiet', 'print only the files with problems')
    .addHelpText('after', example('leadkit check definitions/*.json', 'leadkit check scoring.json --kind scoring-model'))
    .action(async (files: string[], options) => {
      result.code = await checkCommand(io, files, options);
    });

  program
    .command('qualify')
    .description('Evaluate an assessment against a qualification framework: the verdict, the gaps and the next questions.')
    .argument('<assessment>', 'the assessment (JSON): ratings per criterion, with evidence and dates')
    .requiredOption('--framework <id|file>', 'bant, anum, champ, faint, gpctba-ci, meddic, meddicc, meddpicc, or a framework JSON')
    .option('--as-of <date>', 'evaluate as of this date (stale evidence is older than the framework allows); default now')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', example('leadkit qualify deal-42.json --framework meddic --as-of 2025-06-30'))
    .action(async (file: string, options) => {
      result.code = await qualifyCommand(io, file, options);
    });

  program
    .command('init')
    .description('Write a starter ICP, scoring model, funnel and mapping (with example leads) that leadkit check accepts.')
    .argument('[dir]', 'the directory to write to', '.')
    .option('--force', 'overwrite files that exist')
    .addHelpText('after', example('leadkit init leadkit-definitions'))
    .action(async (directory: string, options) => {
      result.code = await initCommand(io, directory, options);
    });

  program
    .command('sql')
    .description('Compile a scoring model to one SQL query for PostgreSQL or DuckDB (leadkit/sql).')
    .argument('<model>', 'the scoring model (JSON)')
    .addOption(new Option('--dialect <dialect>', 'the SQL dialect').choices(['postgres', 'duckdb']).makeOptionMandatory())
    .option('--mapping <file>', 'a SQL mapping (JSON) of your tables; default leadkit’s own tables')
    .option('--no-explain', 'leave out the explanation columns')
    .option('--as-of <date>', 'the as-of instant of the bound parameters listed; default now')
    .addOption(new Option('--format <format>', 'sql, or json (text, columns and parameters)').choices(['sql', 'json']).default('sql'))
    .addHelpText('after', example('leadkit sql scoring-model.json --dialect postgres > score.sql'))
    .action(async (file: string, options) => {
      result.code = await sqlCommand(io, file, options);
    });
  return program;
}

/**
 * Runs the `leadkit` command on its arguments (without `node` and the script) and returns the exit code. Errors are
 * one line on standard error (with the stack trace under `--debug`); nothing here reads the clock (`io.now` is the
 * default of `--as-of`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const result = { code: EXIT_OK };
  const debug = argv.includes('--debug');
  try {
    await createProgram(io, result).parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      // A command given without arguments shows its help and is a usage error all the same.
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`leadkit: ${error.message}\n`);
      if (debug) io.stderr.write(`${error.stack ?? ''}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr.write(`leadkit: unexpected error: ${message}${debug ? '' : ' (run again with --debug for the stack trace, and report it)'}\n`);
    if (debug) io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    return EXIT_PROBLEMS;
  }
}
