/**
 * End-to-end tests of the `leadkit` command: the built file (tsup, the settings of `npm run build`) spawned as users
 * run it, on fixture files, standard input, a closed pipe and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchLeadsMapping, leadsCsvText, writeLeadsCsv } from '../../bench/cli-data.ts';
import { loadSampleLeads, SAMPLE_AS_OF } from '../../examples/data/load.ts';
import { demoScoringModel, scoringDemo } from '../../examples/demo/scoring.ts';
import { compileScoringModel } from '../../src/scoring/index.ts';
import { temporaryDirectory } from '../../src/cli/cli.test-helpers.ts';
import { buildCli } from './build-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const sampleJsonl = `${root}examples/data/sample-leads.jsonl`;
const demoModel = `${root}examples/data/demo-scoring-model.json`;
let cli = '';
let directory = '';

interface Spawned {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built command (or a shell line with `$LEADKIT` for it) and collects its output. */
function run(
  args: readonly string[],
  options: { readonly stdin?: string; readonly shell?: string; readonly onStdout?: (child: ReturnType<typeof spawn>, text: string) => void } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child =
      options.shell === undefined
        ? spawn(process.execPath, [cli, ...args], { cwd: directory, stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn('bash', ['-c', options.shell], {
            cwd: directory,
            env: { ...process.env, LEADKIT: `${process.execPath} ${cli}` },
            stdio: ['pipe', 'pipe', 'pipe'],
          });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(child, stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

function records(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

beforeAll(async () => {
  cli = await buildCli();
  directory = temporaryDirectory();
  writeFileSync(join(directory, 'mapping.json'), JSON.stringify(benchLeadsMapping));
  writeFileSync(join(directory, 'leads.csv'), leadsCsvText(50));
}, 120_000);

describe('the built leadkit command', () => {
  it('starts with a shebang, prints its version and help', async () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
    const help = await run(['score', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('agrees with npm run demo: the same score and grade for every sample lead', async () => {
    const scored = await run(['score', sampleJsonl, '--model', demoModel, '--as-of', SAMPLE_AS_OF.toISOString(), '--format', 'jsonl']);
    expect(scored.code).toBe(0);
    const fromCli = new Map(
      scored.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; score: number; fit: number; engagement: number; grade: string })
        .map((row) => [row.id, row]),
    );
    const leads = loadSampleLeads();
    expect(fromCli.size).toBe(leads.length);
    const scorer = compileScoringModel(demoScoringModel);
    for (const lead of leads) {
      const expected = scorer(lead, { asOf: SAMPLE_AS_OF });
      const actual = fromCli.get(lead.id);
      expect(actual?.score, lead.id).toBe(expected.score);
      expect(actual?.grade, lead.id).toBe(expected.grade);
    }
    // And the demo's own printed table: "rank lead total fit eng grade reasons".
    const demoLines = scoringDemo(leads, SAMPLE_AS_OF).filter((line) => /^\s+\d+\s+lead-\d+\s/.test(line));
    expect(demoLines).toHaveLength(leads.length);
    for (const line of demoLines) {
      const [, id, total, , , grade] = line.trim().split(/\s+/) as string[];
      const actual = fromCli.get(id as string);
      expect((Math.round((actual?.score ?? Number.NaN) * 10) / 10).toFixed(1), line).toBe(total);
      expect(actual?.grade ?? '-', line).toBe(grade);
    }
  });

  it('reads good rows from a file and from standard input alike', async () => {
    const fromFile = await run(['score', 'leads.csv', '--model', demoModel, '--mapping', 'mapping.json', '--as-of', '2025-06-30']);
    expect(fromFile.code).toBe(0);
    expect(records(fromFile.stdout)).toHaveLength(50);
    const fromStdin = await run(['score', '-', '--model', demoModel, '--mapping', 'mapping.json', '--as-of', '2025-06-30'], { stdin: leadsCsvText(50) });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('sends bad rows to the rejects file and goes on (exit 1)', async () => {
    const text = leadsCsvText(5)
      .replace(',US,', ',Atlantis,')
      .replace(/\n(L-3,[^\n]*)/, '\n$1,extra');
    writeFileSync(join(directory, 'bad.csv'), text);
    const result = await run(['score', 'bad.csv', '--model', demoModel, '--mapping', 'mapping.json', '--rejects', 'rejects.csv']);
    expect(result.code).toBe(1);
    const rejects = records(readFileSync(join(directory, 'rejects.csv'), 'utf8'));
    expect(rejects.length).toBeGreaterThanOrEqual(1);
    expect(rejects.some((row) => row.row === '3')).toBe(true);
    expect(records(result.stdout).length + new Set(rejects.map((row) => row.row)).size).toBe(5);
  });

  it('takes an empty file and a header alone (exit 0, no rows)', async () => {
    writeFileSync(join(directory, 'empty.csv'), '');
    writeFileSync(join(directory, 'header.csv'), leadsCsvText(0));
    for (const file of ['empty.csv', 'header.csv']) {
      const result = await run(['score', file, '--model', demoModel, '--mapping', 'mapping.json']);
      expect(result.code, file).toBe(0);
      expect(records(result.stdout), file).toHaveLength(0);
    }
  });

  it('refuses a Latin-1 file with a clear error, and reads it with --encoding', async () => {
    writeFileSync(join(directory, 'latin1.csv'), Buffer.from(leadsCsvText(3).replace('Company 2', 'Müller AG'), 'latin1'));
    const refused = await run(['score', 'latin1.csv', '--model', demoModel, '--mapping', 'mapping.json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^leadkit: latin1\.csv: is not utf-8 text at or after row \d .*--encoding/);
    expect(refused.stderr).not.toContain('    at ');
    const read = await run(['score', 'latin1.csv', '--model', demoModel, '--mapping', 'mapping.json', '--encoding', 'windows-1252']);
    expect(read.code).toBe(0);
    expect(records(read.stdout)[2]?.company).toBe('Müller AG');
  });

  it('reads a 1 MB line (a 1 MB cell in CSV, a 1 MB lead in JSONL) without losing the rows around it', async () => {
    const big = 'x'.repeat(1_048_576);
    writeFileSync(join(directory, 'wide.csv'), leadsCsvText(3).replace('Company 1', big));
    const csv = await run(['score', 'wide.csv', '--model', demoModel, '--mapping', 'mapping.json', '--rejects', 'wide-rejects.csv']);
    const scored = records(csv.stdout).map((row) => row.id);
    const rejected = records(readFileSync(join(directory, 'wide-rejects.csv'), 'utf8')).map((row) => row.row);
    expect(scored).toContain('L-1');
    expect(scored).toContain('L-3');
    expect(scored.length + new Set(rejected).size).toBe(3);
    const lines = readFileSync(sampleJsonl, 'utf8').split('\n').slice(0, 3);
    const lead = JSON.parse(lines[1] as string);
    lead.customFields = { notes: big };
    writeFileSync(join(directory, 'wide.jsonl'), `${lines[0]}\n${JSON.stringify(lead)}\n${lines[2]}\n`);
    const jsonl = await run(['score', 'wide.jsonl', '--model', demoModel, '--format', 'jsonl', '--rejects', 'wide-rejects.jsonl.csv']);
    const ids = jsonl.stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line).id);
    expect(ids).toContain('lead-1');
    expect(ids).toContain('lead-3');
    expect([0, 1]).toContain(jsonl.code);
  });

  it('refuses a missing or invalid model in one line, without a stack trace (exit 2)', async () => {
    writeFileSync(join(directory, 'invalid-model.json'), JSON.stringify({ schemaVersion: 1, id: 'm', rules: [{ kind: 'nope' }] }));
    for (const [model, message] of [
      ['missing.json', 'leadkit: missing.json: no such file (given to --model): check the path\n'],
      ['invalid-model.json', 'leadkit: invalid-model.json: not a valid scoring model'],
    ] as const) {
      const result = await run(['score', 'leads.csv', '--model', model, '--mapping', 'mapping.json']);
      expect(result.code, model).toBe(2);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
      expect(result.stderr.trim().split('\n'), model).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });

  describe('on a large file', () => {
    beforeAll(async () => {
      await writeLeadsCsv(join(directory, 'large.csv'), 300_000);
      writeFileSync(join(directory, 'model.json'), readFileSync(demoModel));
    }, 120_000);

    it('stops quietly when standard output is closed (| head -1): no EPIPE trace', async () => {
      const result = await run([], {
        shell: `set -o pipefail; $LEADKIT score large.csv --model model.json --mapping mapping.json --as-of 2025-06-30 | head -1; echo "exit \${PIPESTATUS[0]}" >&2`,
      });
      expect(result.stdout).toBe('row,id,email,company,score,fit,engagement,grade,band,sales_ready,disqualified,reasons\n');
      expect(result.stderr).not.toMatch(/EPIPE|Error| {4}at /);
      expect(result.stderr).toContain('exit 0');
    });

    it('stops cleanly on Ctrl-C (SIGINT): whole lines written, a summary, exit 130', async () => {
      let sent = false;
      const result = await run(['score', 'large.csv', '--model', 'model.json', '--mapping', 'mapping.json', '--as-of', '2025-06-30'], {
        onStdout: (child, text) => {
          if (!sent && text.split('\n').length > 1000) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      });
      expect(sent).toBe(true);
      expect(result.code).toBe(130);
      expect(result.stderr).toMatch(/^leadkit score: interrupted: [\d,]+ of [\d,]+ rows scored in/m);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const rows = records(result.stdout);
      expect(rows.length).toBeGreaterThan(1000);
      expect(rows.length).toBeLessThan(300_000);
      expect(rows.every((row, index) => row.id === `L-${index + 1}` && row.reasons !== undefined)).toBe(true);
    });
  });
});
