import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ValidationError } from '../errors.ts';
import type { Result } from '../result.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';

/** Reads a JSON file, with one-line errors naming the file and what to do. */
export function readJsonFile(cwd: string, path: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file (given to ${option}): check the path`, EXIT_USAGE);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory (given to ${option}): give a JSON file`, EXIT_USAGE);
    throw new CliError(`${path}: cannot be read (${(error as Error).message})`, EXIT_USAGE);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${path}: is not valid JSON (${(error as Error).message}): fix the file, or check it with "leadkit check ${path}"`, EXIT_USAGE);
  }
}

/** The problems of a validation error on one line: the first three with their paths, and how many more. */
export function issuesInLine(error: ValidationError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.pathText}: ${issue.message}`);
  const more = error.issueCount - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Reads and parses a definition file given to an option; a definition with problems stops the command (exit 2). */
export function readDefinition<T>(cwd: string, path: string, option: string, what: string, parse: (input: unknown) => Result<T, ValidationError>): T {
  const parsed = parse(readJsonFile(cwd, path, option));
  if (parsed.ok) return parsed.value;
  const count = parsed.error.issueCount;
  throw new CliError(
    `${path}: not a valid ${what} (${count} problem${count === 1 ? '' : 's'}: ${issuesInLine(parsed.error)}); run "leadkit check ${path}" for every problem`,
    EXIT_USAGE,
  );
}

/** Reads `--as-of`: an ISO 8601 date or date-time; a date alone is midnight UTC. */
export function readAsOf(text: string | undefined, now: Date): Date {
  if (text === undefined) return now;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime()))
    throw new CliError(`--as-of ${JSON.stringify(text)}: is not a date: write it as 2025-06-30 or 2025-06-30T12:00:00Z`, EXIT_USAGE);
  return date;
}
