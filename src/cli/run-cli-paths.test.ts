import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runInProcess, temporaryDirectory } from './cli.test-helpers.ts';
import type { CliIo } from './cli-io.ts';
import { runCli } from './run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const demoModel = `${root}examples/data/demo-scoring-model.json`;

const at = '2025-06-20T10:00:00Z';

/** An assessment file in a new directory. */
function assessment(criteria: Record<string, unknown>, frameworkId: string): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, 'deal.json'), JSON.stringify({ frameworkId, criteria }));
  return directory;
}

/** Fake streams whose standard output throws what it is given on the first write. */
function ioWhoseOutputThrows(thrown: unknown): { io: CliIo; stderr: () => string } {
  const chunks: string[] = [];
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: new Writable({
      write() {
        throw thrown;
      },
    }),
    stderr: new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    cwd: process.cwd(),
    now: new Date('2025-06-30T00:00:00Z'),
    signal: new AbortController().signal,
    elapsed: () => 0,
  };
  return { io, stderr: () => chunks.join('') };
}

describe('leadkit errors', () => {
  it('prints the stack trace of a usage error under --debug, and only its line without', async () => {
    const plain = await runInProcess(['score', 'missing.csv', '--model', demoModel]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('leadkit: missing.csv: no such file: check the path (use - to read standard input)\n');
    const debug = await runInProcess(['--debug', 'score', 'missing.csv', '--model', demoModel]);
    expect(debug.code).toBe(2);
    const lines = debug.stderr.split('\n');
    expect(lines[0]).toBe('leadkit: missing.csv: no such file: check the path (use - to read standard input)');
    expect(lines[1]).toMatch(/^CliError: missing\.csv: no such file/);
    expect(lines[2]).toMatch(/^ {4}at /);
  });

  it('reports an unexpected error in one line, asking for --debug, and exits 1', async () => {
    const failing = ioWhoseOutputThrows(new Error('disk full\nsecond line'));
    expect(await runCli(['--version'], failing.io)).toBe(1);
    expect(failing.stderr()).toBe('leadkit: unexpected error: disk full (run again with --debug for the stack trace, and report it)\n');
    const thrownText = ioWhoseOutputThrows('not an error');
    expect(await runCli(['--version'], thrownText.io)).toBe(1);
    expect(thrownText.stderr()).toBe('leadkit: unexpected error: not an error (run again with --debug for the stack trace, and report it)\n');
  });

  it('prints the stack trace of an unexpected error under --debug (none for a value that is not an Error)', async () => {
    const failing = ioWhoseOutputThrows(new Error('disk full'));
    expect(await runCli(['--debug', '--version'], failing.io)).toBe(1);
    const lines = failing.stderr().split('\n');
    expect(lines[0]).toBe('leadkit: unexpected error: disk full');
    expect(lines[1]).toBe('Error: disk full');
    expect(lines[2]).toMatch(/^ {4}at /);
    const thrownText = ioWhoseOutputThrows(42);
    expect(await runCli(['--debug', '--version'], thrownText.io)).toBe(1);
    expect(thrownText.stderr()).toBe('leadkit: unexpected error: 42\n\n');
  });
});

describe('leadkit qualify', () => {
  it('prints a qualified verdict without gaps or questions', async () => {
    const strong = { rating: 'strong', assessedAt: at };
    const cwd = assessment({ budget: strong, authority: strong, need: strong, timeline: strong }, 'bant');
    const run = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2025-06-30'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'BANT: QUALIFIED (score 100, 4 of 4 criteria met)',
      '  Qualified by BANT: 4 of 4 criteria met, score 100/100.',
    ]);
    expect(run.stdout).toContain('  Budget                   met      Strong\n');
    expect(run.stdout).not.toContain('Gaps:');
    expect(run.stdout).not.toContain('Next questions:');
  });

  it('lists stale evidence with its age as a gap', async () => {
    const strong = { rating: 'strong', assessedAt: at };
    const cwd = assessment({ budget: strong, authority: strong, need: strong, timeline: strong }, 'bant');
    const run = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2026-12-30'], { cwd });
    expect(run.stdout).toContain('  Budget                   met      Strong         (stale)\n');
    expect(run.stdout).toContain('  stale evidence: Budget (557 days old), Authority (557 days old), Need (557 days old), Timeline (557 days old)\n');
    expect(run.stdout).toContain('  [Budget] What budget has been allocated for a solution like this?');
  });

  it('names an open hard gate, and marks the gate in the criteria', async () => {
    const cwd = assessment({ metrics: { rating: 2, assessedAt: at } }, 'meddic');
    const run = await runInProcess(['qualify', 'deal.json', '--framework', 'meddic', '--as-of', '2025-06-30'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MEDDIC: NOT QUALIFIED (score 17, 1 of 6 criteria met)\n');
    expect(run.stdout).toContain('  Economic buyer           unknown  -              (gate)\n');
    expect(run.stdout).toContain('  open gates: Economic buyer\n');
    expect(run.stdout).toContain('  [Economic buyer] Who holds the budget?');
  });

  it('says "1 problem" for an assessment with one, and exits 1', async () => {
    const cwd = assessment({ budget: { rating: 'huge', assessedAt: at } }, 'bant');
    const run = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2025-06-30'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '✗ deal.json: 1 problem in this assessment for BANT\n  criteria.budget.rating: must be one of "weak", "developing", "strong", not "huge"\n',
    );
  });
});

describe('leadkit sql', () => {
  it('leaves the explanation columns out with --no-explain', async () => {
    const full = JSON.parse((await runInProcess(['sql', demoModel, '--dialect', 'postgres', '--format', 'json', '--as-of', '2025-06-30'])).stdout);
    const bare = JSON.parse(
      (await runInProcess(['sql', demoModel, '--dialect', 'postgres', '--format', 'json', '--as-of', '2025-06-30', '--no-explain'])).stdout,
    );
    expect(bare.columns.length).toBeLessThan(full.columns.length);
    expect(bare.columns).toContain('score');
    expect(full.columns.filter((column: string) => !bare.columns.includes(column)).length).toBeGreaterThan(0);
  });

  it('refuses a missing SQL mapping naming the option, and a dialect it does not know', async () => {
    const mapping = await runInProcess(['sql', demoModel, '--dialect', 'duckdb', '--mapping', 'nope.json']);
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toMatch(/^leadkit: .*nope\.json/);
    const dialect = await runInProcess(['sql', demoModel, '--dialect', 'mysql']);
    expect(dialect.code).toBe(2);
    expect(dialect.stderr).toContain("'mysql' is invalid");
  });
});
