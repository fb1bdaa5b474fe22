import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { STARTER_FILES } from './starter-files.ts';

/** `leadkit init [dir]`: writes the starter definitions; refuses to overwrite a file unless `--force`. */
export async function initCommand(io: CliIo, directory: string, options: { readonly force?: boolean | undefined }): Promise<number> {
  const target = resolve(io.cwd, directory);
  const existing = Object.keys(STARTER_FILES).filter((name) => existsSync(join(target, name)));
  if (existing.length > 0 && options.force !== true)
    throw new CliError(`${directory}: already has ${existing.join(', ')}: choose another directory, or give --force to overwrite them`, EXIT_USAGE);
  mkdirSync(target, { recursive: true });
  for (const [name, content] of Object.entries(STARTER_FILES)) {
    writeFileSync(join(target, name), content);
    io.stdout.write(`wrote ${join(directory, name)}\n`);
  }
  io.stdout.write(`next: cd ${directory} && leadkit check *.json && leadkit score leads.csv --model scoring-model.json --mapping mapping.json\n`);
  return EXIT_OK;
}
