import { builtinFrameworks } from '../frameworks/builtins/all.ts';
import type { Framework } from '../frameworks/define-framework.ts';
import { evaluateAssessment } from '../frameworks/evaluate-assessment.ts';
import { parseFramework } from '../frameworks/framework-definition.ts';
import { parseAssessment } from '../frameworks/parse-assessment.ts';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { readAsOf, readDefinition, readJsonFile } from './read-definition.ts';

/** Options of `leadkit qualify`. */
export interface QualifyCommandOptions {
  readonly framework: string;
  readonly asOf?: string | undefined;
  readonly format?: string | undefined;
}

function frameworkFrom(io: CliIo, name: string): Framework {
  const builtin = builtinFrameworks.find((candidate) => candidate.id === name.toLowerCase());
  if (builtin !== undefined) return builtin;
  if (!name.toLowerCase().endsWith('.json'))
    throw new CliError(
      `--framework ${JSON.stringify(name)}: not a built-in framework (${builtinFrameworks.map((item) => item.id).join(', ')}) nor a .json file`,
      EXIT_USAGE,
    );
  return readDefinition(io.cwd, name, '--framework', 'framework', (input) => parseFramework(input));
}

/**
 * `leadkit qualify`: evaluates an assessment against a framework (built-in or a file) and prints the verdict, the
 * gaps and the next questions to ask. An assessment with problems lists them (exit 1); any verdict is exit 0.
 */
export async function qualifyCommand(io: CliIo, file: string, options: QualifyCommandOptions): Promise<number> {
  const asOf = readAsOf(options.asOf, io.now);
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`--format ${JSON.stringify(format)}: use text or json`, EXIT_USAGE);
  const framework = frameworkFrom(io, options.framework);
  const parsed = parseAssessment(framework, readJsonFile(io.cwd, file, 'qualify'), { asOf });
  if (!parsed.ok) {
    const count = parsed.error.issueCount;
    io.stdout.write(`✗ ${file}: ${count} problem${count === 1 ? '' : 's'} in this assessment for ${framework.name}\n`);
    for (const issue of parsed.error.issues) io.stdout.write(`  ${issue.pathText}: ${issue.message}\n`);
    return EXIT_PROBLEMS;
  }
  const verdict = evaluateAssessment(framework, parsed.value, { asOf });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
    return EXIT_OK;
  }
  const label = (key: string): string => framework.criteria.find((criterion) => criterion.key === key)?.label ?? key;
  const lines = [
    `${framework.name}: ${verdict.qualified ? 'QUALIFIED' : 'NOT QUALIFIED'} (score ${Math.round(verdict.score)}, ${verdict.metCount} of ${verdict.criteriaCount} criteria met)`,
    `  ${verdict.summary}`,
  ];
  for (const reason of verdict.reasons) lines.push(`  - ${reason}`);
  lines.push('', 'Criteria:');
  for (const criterion of verdict.criteria)
    lines.push(
      `  ${criterion.label.padEnd(24)} ${criterion.status.padEnd(8)} ${(criterion.ratingLabel ?? '-').padEnd(14)}${criterion.required ? ' (gate)' : ''}${criterion.stale ? ' (stale)' : ''}`.trimEnd(),
    );
  const gaps: string[] = [];
  if (verdict.failedGates.length > 0) gaps.push(`failed gates: ${verdict.failedGates.map(label).join(', ')}`);
  if (verdict.openGates.length > 0) gaps.push(`open gates: ${verdict.openGates.map(label).join(', ')}`);
  if (verdict.missing.length > 0) gaps.push(`not assessed: ${verdict.missing.map(label).join(', ')}`);
  if (verdict.stale.length > 0) gaps.push(`stale evidence: ${verdict.stale.map((item) => `${label(item.criterion)} (${item.ageDays} days old)`).join(', ')}`);
  if (gaps.length > 0) lines.push('', 'Gaps:', ...gaps.map((gap) => `  ${gap}`));
  if (verdict.nextQuestions.length > 0) {
    lines.push('', 'Next questions:');
    for (const question of verdict.nextQuestions) lines.push(`  [${label(question.criterion)}] ${question.question}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
