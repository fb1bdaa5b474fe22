import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { benchLeadsMapping, leadsCsvText } from '../../bench/cli-data.ts';
import { b2bFunnelDefinition } from '../funnel/index.ts';
import { bantFramework } from '../frameworks/index.ts';
import { leadkitSqlMapping } from '../sql/index.ts';
import { runInProcess, temporaryDirectory } from './cli.test-helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const sampleJsonl = `${root}examples/data/sample-leads.jsonl`;
const demoModel = `${root}examples/data/demo-scoring-model.json`;

function fixtures(): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, 'mapping.json'), JSON.stringify(benchLeadsMapping));
  writeFileSync(join(directory, 'leads.csv'), leadsCsvText(20));
  writeFileSync(join(directory, 'model.json'), readFileSync(demoModel));
  writeFileSync(join(directory, 'sample.jsonl'), readFileSync(sampleJsonl, 'utf8').split('\n').slice(0, 30).join('\n'));
  return directory;
}

describe('leadkit commands, option by option (in process)', () => {
  it('score: a table with the ICP and explanations; JSONL with the ICP; a table of the top leads', async () => {
    const directory = fixtures();
    await runInProcess(['init', 'starter'], { cwd: directory });
    const icp = join('starter', 'icp.json');
    const table = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--icp', icp, '--explain', '--as-of', '2025-06-30'], {
      cwd: directory,
      tty: true,
    });
    expect(table.stdout.split('\n')[0]).toMatch(/ icp {2}reasons$/);
    expect(table.stdout).toMatch(/\n {9}Score [\d.]+ \(fit [\d.]+, engagement [\d.]+\)/);
    const jsonl = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--icp', icp, '--format', 'jsonl', '--as-of', '2025-06-30'], {
      cwd: directory,
    });
    const first = JSON.parse(jsonl.stdout.split('\n')[0] as string);
    expect(first.icp.grade).toMatch(/^[A-DF]$/);
    expect(first.contributions).toBeUndefined();
    const top = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--top', '3', '--format', 'table', '--as-of', '2025-06-30'], {
      cwd: directory,
    });
    expect(top.stdout.trim().split('\n')).toHaveLength(4);
    const csv = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--icp', icp, '--explain', '--as-of', '2025-06-30'], { cwd: directory });
    const rows = Papa.parse<Record<string, string>>(csv.stdout.trim(), { header: true }).data;
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['icp_score', 'icp_grade', 'explanation']));
    expect(rows[0]?.explanation).toMatch(/^Score /);
  });

  it('score: a disqualified lead says why in its reasons', async () => {
    const directory = fixtures();
    await runInProcess(['init', 'starter'], { cwd: directory });
    const run = await runInProcess(
      ['score', 'leads.csv', '--model', 'scoring-model.json', '--mapping', 'mapping.json', '--as-of', '2025-04-01', '--format', 'table'],
      {
        cwd: join(directory, 'starter'),
      },
    );
    expect(run.stdout).toMatch(/L-3 .* F +cold +disqualified: Free e-mail address/);
  });

  it('score: JSONL records through a mapping, and lines that are not objects', async () => {
    const directory = fixtures();
    const records = [
      { Id: 'L-1', Email: 'a@b.com', Company: 'Acme', Industry: 'software', Employees: '120', Source: 'referral', Created: '2025-01-02' },
      [1, 2],
      { Id: 'L-3', Email: 'c@d.com', Company: 'Beta', Industry: 'retail', Employees: 'many', Source: 'referral', Created: '2025-01-03' },
    ];
    writeFileSync(join(directory, 'records.ndjson'), `${records.map((record) => JSON.stringify(record)).join('\r\n')}\r\n`);
    const run = await runInProcess(
      ['score', 'records.ndjson', '--model', 'model.json', '--mapping', 'mapping.json', '--rejects', 'rejects.csv', '--as-of', '2025-06-30'],
      {
        cwd: directory,
      },
    );
    expect(run.code).toBe(1);
    const rejects = Papa.parse<Record<string, string>>(readFileSync(join(directory, 'rejects.csv'), 'utf8').trim(), { header: true }).data;
    expect(rejects.map((row) => `${row.row} ${row.column} ${row.problem}`)).toEqual(['2  is not a JSON object', expect.stringMatching(/^3 Employees /)]);
  });

  it('score: --input says the format of a file whose name does not; CSV on standard input; a directory is refused', async () => {
    const directory = fixtures();
    writeFileSync(join(directory, 'leads.data'), leadsCsvText(4));
    const named = await runInProcess(['score', 'leads.data', '--input', 'csv', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory });
    expect(named.code).toBe(0);
    expect(named.stdout.trim().split('\n')).toHaveLength(5);
    const piped = await runInProcess(['score', '-', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory, stdin: leadsCsvText(4) });
    expect(piped.stdout).toBe(named.stdout);
    const unknown = await runInProcess(['score', 'leads.data', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory });
    expect(unknown.code).toBe(0); // CSV unless the first character opens a JSON object
    mkdirSync(join(directory, 'folder.csv'));
    const folder = await runInProcess(['score', 'folder.csv', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('leadkit: folder.csv: is a directory: give a CSV or JSONL file\n');
    const model = await runInProcess(['score', 'leads.csv', '--model', 'folder.csv', '--mapping', 'mapping.json'], { cwd: directory });
    expect(model.stderr).toBe('leadkit: folder.csv: is a directory (given to --model): give a JSON file\n');
    writeFileSync(join(directory, 'bom-model.json'), `\ufeff${readFileSync(demoModel, 'utf8')}`);
    expect((await runInProcess(['score', 'leads.csv', '--model', 'bom-model.json', '--mapping', 'mapping.json'], { cwd: directory })).code).toBe(0);
  });

  it('score: an output file that cannot be written is a one-line error naming it', async () => {
    const directory = fixtures();
    const missing = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--out', 'nowhere/scores.csv'], { cwd: directory });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('leadkit: nowhere/scores.csv: its directory does not exist (given to --out): create it first, or check the path\n');
    mkdirSync(join(directory, 'taken'));
    const folder = await runInProcess(['score', 'sample.jsonl', '--model', 'model.json', '--rejects', 'taken'], { cwd: directory });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^leadkit: taken: cannot be written \(.*EISDIR.*\): check the path\n$/);
  });

  it('report: a funnel from a file, cohorts by a field path, JSONL input; bad options', async () => {
    const directory = fixtures();
    writeFileSync(join(directory, 'funnel.json'), JSON.stringify(b2bFunnelDefinition));
    const run = await runInProcess(['report', 'sample.jsonl', '--funnel', 'funnel.json', '--by', 'company.country', '--as-of', '2025-06-30'], {
      cwd: directory,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Funnel report: funnel.json');
    expect(run.stdout).toMatch(/\nCohort [A-Z]{2}:/);
    expect(run.stderr).toContain('30 of 30 rows read');
    const csv = await runInProcess(['report', 'leads.csv', '--mapping', 'mapping.json', '--funnel', 'b2b', '--format', 'csv', '--by', 'week'], {
      cwd: directory,
    });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[1]).toMatch(/^\(all\),/);
    const badFunnel = await runInProcess(['report', 'sample.jsonl', '--funnel', 'pipeline'], { cwd: directory });
    expect(badFunnel.code).toBe(2);
    expect(badFunnel.stderr).toContain('not a funnel preset (b2b, hubspot, salesforce-lead, salesforce-opportunity) nor a .json file');
    const controller = new AbortController();
    controller.abort();
    const interrupted = await runInProcess(['report', 'sample.jsonl'], { cwd: directory, signal: controller.signal });
    expect(interrupted.code).toBe(130);
    // The file is one chunk: it is read, then the command stops without a report.
    expect(interrupted.stderr).toMatch(/interrupted after \d+ rows; no report written/);
    expect(interrupted.stdout).toBe('');
  });

  it('check: --quiet prints only the files with problems; an unknown --kind is a usage error', async () => {
    const directory = fixtures();
    writeFileSync(join(directory, 'bad-model.json'), JSON.stringify({ schemaVersion: 1, id: 'm', rules: 'none' }));
    const quiet = await runInProcess(['check', 'model.json', 'bad-model.json', '--quiet'], { cwd: directory });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('model.json: a valid');
    expect(quiet.stdout).toContain('✗ bad-model.json');
    const kind = await runInProcess(['check', 'model.json', '--kind', 'scoring-model'], { cwd: directory });
    expect(kind.code).toBe(0);
    expect(kind.stdout).toBe('✓ model.json: a valid scoring model\n');
  });

  it('qualify: a framework from a file, gates, stale evidence; an assessment of a framework that is not built in', async () => {
    const directory = fixtures();
    writeFileSync(join(directory, 'bant.json'), JSON.stringify(bantFramework));
    writeFileSync(
      join(directory, 'deal.json'),
      JSON.stringify({
        frameworkId: 'bant',
        criteria: {
          budget: { rating: 'strong', assessedAt: '2024-01-20T10:00:00Z' },
          authority: { rating: 'strong', assessedAt: '2025-06-20T10:00:00Z' },
          need: { rating: 'strong', assessedAt: '2025-06-20T10:00:00Z' },
          timeline: { rating: 'strong', assessedAt: '2025-06-20T10:00:00Z' },
        },
      }),
    );
    const run = await runInProcess(['qualify', 'deal.json', '--framework', 'bant.json', '--as-of', '2025-06-30'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^BANT.*: QUALIFIED/);
    expect(run.stdout).toMatch(/Budget +met +Strong +\(stale\)/);
    expect(run.stdout).toMatch(/stale evidence: Budget \(\d+ days old\)/);
    writeFileSync(
      join(directory, 'meddic.json'),
      JSON.stringify({ frameworkId: 'meddic', criteria: { economicBuyer: { rating: 0, assessedAt: '2025-06-20T10:00:00Z' } } }),
    );
    const gated = await runInProcess(['qualify', 'meddic.json', '--framework', 'MEDDIC', '--as-of', '2025-06-30'], { cwd: directory });
    expect(gated.stdout).toMatch(/NOT QUALIFIED/);
    expect(gated.stdout).toMatch(/\(gate\)/);
    expect(gated.stdout).toMatch(/failed gates: |open gates: /);
    const format = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--format', 'yaml'], { cwd: directory });
    expect(format.code).toBe(2);
  });

  it('sql: a SQL mapping from a file, without the explanation columns; bad dialect and format', async () => {
    const directory = fixtures();
    writeFileSync(join(directory, 'tables.json'), JSON.stringify(leadkitSqlMapping));
    const plain = await runInProcess(
      ['sql', 'model.json', '--dialect', 'postgres', '--mapping', 'tables.json', '--no-explain', '--format', 'json', '--as-of', '2025-06-30'],
      {
        cwd: directory,
      },
    );
    expect(plain.code).toBe(0);
    const explained = await runInProcess(['sql', 'model.json', '--dialect', 'postgres', '--format', 'json', '--as-of', '2025-06-30'], { cwd: directory });
    expect(JSON.parse(plain.stdout).columns.length).toBeLessThan(JSON.parse(explained.stdout).columns.length);
    expect((await runInProcess(['sql', 'model.json', '--dialect', 'mysql'], { cwd: directory })).code).toBe(2);
    expect((await runInProcess(['sql', 'model.json', '--dialect', 'duckdb', '--format', 'csv'], { cwd: directory })).code).toBe(2);
  });
});
