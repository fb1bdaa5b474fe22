import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { DEFINITION_KINDS, detectDefinitionKind } from './definition-kinds.ts';
import { readAsOf, readJsonFile } from './read-definition.ts';

/** Options of `leadkit check`. */
export interface CheckCommandOptions {
  readonly kind?: string | undefined;
  readonly asOf?: string | undefined;
  readonly quiet?: boolean | undefined;
}

/**
 * `leadkit check`: tells which leadkit definition each file is (or takes `--kind`), validates it and prints every
 * problem with its path. Exit 1 when any file has a problem. A file that cannot be read or parsed as JSON is a problem
 * of that file, reported the same way, so that CI sees every file in one run.
 */
export async function checkCommand(io: CliIo, files: readonly string[], options: CheckCommandOptions): Promise<number> {
  const asOf = readAsOf(options.asOf, io.now);
  const forced = options.kind === undefined ? undefined : DEFINITION_KINDS.find((candidate) => candidate.kind === options.kind);
  if (options.kind !== undefined && forced === undefined)
    throw new CliError(`--kind ${JSON.stringify(options.kind)}: unknown kind: use one of ${DEFINITION_KINDS.map((item) => item.kind).join(', ')}`, EXIT_USAGE);
  let failed = 0;
  for (const file of files) {
    let value: unknown;
    try {
      value = readJsonFile(io.cwd, file, 'check');
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stdout.write(`✗ ${error.message}\n`);
      failed++;
      continue;
    }
    const kind = forced ?? detectDefinitionKind(value);
    if (kind === undefined) {
      io.stdout.write(`✗ ${file}: cannot tell which leadkit definition this is: give --kind (${DEFINITION_KINDS.map((item) => item.kind).join(', ')})\n`);
      failed++;
      continue;
    }
    const parsed = kind.parse(value, asOf);
    if (parsed.ok) {
      if (options.quiet !== true) io.stdout.write(`✓ ${file}: a valid ${kind.what}\n`);
      continue;
    }
    failed++;
    const count = parsed.error.issueCount;
    io.stdout.write(
      `✗ ${file}: ${count} problem${count === 1 ? '' : 's'} in this ${kind.what}${forced === undefined ? ` (read as --kind ${kind.kind})` : ''}\n`,
    );
    for (const issue of parsed.error.issues) io.stdout.write(`  ${issue.pathText}: ${issue.message}\n`);
    if (count > parsed.error.issues.length) io.stdout.write(`  … and ${count - parsed.error.issues.length} more\n`);
  }
  return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
