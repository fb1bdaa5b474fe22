/**
 * Scores of the mutation runs in reports/mutation/ (`npm run test:mutation:summary`), per folder of src/ and in total,
 * read from each selection's JSON report (the newest result of every file wins). With `--survivors`, it also lists
 * every surviving or uncovered mutant as `file:line:column mutator: replacement`, for docs/mutation.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Readonly<Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>>;
}

const root = 'reports/mutation';
const files = new Map<string, { readonly mutants: readonly Mutant[]; readonly time: number }>();
const reports = existsSync(root)
  ? readdirSync(root)
      .map((selection) => ({ selection, path: join(root, selection, 'mutation.json') }))
      .filter(({ path }) => existsSync(path))
      .map(({ selection, path }) => ({ selection, time: statSync(path).mtimeMs, report: JSON.parse(readFileSync(path, 'utf8')) as Report }))
  : [];
for (const { selection, time, report } of reports) {
  if (selection.endsWith('-survivors')) continue;
  for (const [file, result] of Object.entries(report.files)) {
    const known = files.get(file);
    if (known === undefined || known.time < time) files.set(file, { mutants: result.mutants, time });
  }
}
// A survivors-only run (MUTATION_SURVIVORS=1) tested again the mutants on the lines where a full run left some alive:
// its results replace those of the same mutants (same place, mutator and replacement) in a full run made before it.
const sameMutant = (a: Mutant, b: Mutant): boolean =>
  a.mutatorName === b.mutatorName &&
  a.replacement === b.replacement &&
  a.location.start.line === b.location.start.line &&
  a.location.start.column === b.location.start.column;
for (const { selection, time, report } of reports.sort((a, b) => a.time - b.time)) {
  if (!selection.endsWith('-survivors')) continue;
  for (const [file, result] of Object.entries(report.files)) {
    const known = files.get(file);
    if (known === undefined || known.time > time) continue;
    const mutants = known.mutants.map((mutant) => result.mutants.find((again) => sameMutant(again, mutant)) ?? mutant);
    files.set(file, { mutants, time: known.time });
  }
}
if (files.size === 0) {
  console.error(`no report in ${root}: run npm run test:mutation first`);
  process.exit(1);
}

const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);
interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  other: number;
}
const tally = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 });
const add = (into: Tally, mutant: Mutant): void => {
  if (mutant.status === 'Killed') into.killed++;
  else if (mutant.status === 'Timeout') into.timeout++;
  else if (mutant.status === 'Survived') into.survived++;
  else if (mutant.status === 'NoCoverage') into.noCoverage++;
  else into.other++;
};
const score = (t: Tally): string => {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (t.killed + t.timeout)) / valid).toFixed(2)}%`;
};

const folders = new Map<string, Tally>();
const total = tally();
const survivors: string[] = [];
for (const [file, { mutants }] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const folder = file.split('/').slice(0, 2).join('/');
  const into = folders.get(folder) ?? tally();
  folders.set(folder, into);
  for (const mutant of mutants) {
    add(into, mutant);
    add(total, mutant);
    if (undetected.has(mutant.status) && !detected.has(mutant.status))
      survivors.push(
        `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.status === 'NoCoverage' ? '(no coverage) ' : ''}${mutant.mutatorName}: ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 120)}`,
      );
  }
}
const row = (name: string, t: Tally): string => `| ${name} | ${score(t)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.other} |`;
console.log('| folder | score | killed | timeout | survived | no coverage | not counted |');
console.log('|---|---|---|---|---|---|---|');
for (const [folder, t] of folders) console.log(row(folder, t));
console.log(row('**total**', total));
if (process.argv.includes('--survivors')) for (const line of survivors) console.log(line);
