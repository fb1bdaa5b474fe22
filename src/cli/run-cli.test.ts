import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { leadsCsvText } from '../../bench/cli-data.ts';
import { runInProcess, temporaryDirectory } from './cli.test-helpers.ts';
import { DEFINITION_KINDS } from './definition-kinds.ts';

const root = new URL('../../', import.meta.url).pathname;
const sampleJsonl = `${root}examples/data/sample-leads.jsonl`;
const demoModel = `${root}examples/data/demo-scoring-model.json`;
const hubspotCsv = `${root}examples/data/hubspot/contacts-export.csv`;

/** The CSV output of `score` as records. */
function records(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

describe('leadkit (in process)', () => {
  it('prints its version and help, with an example on every command; an unknown command is a usage error', async () => {
    const version = await runInProcess(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
    for (const command of ['score', 'report', 'check', 'qualify', 'init', 'sql']) {
      const help = await runInProcess([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/Examples?:\n {2}\$ leadkit /);
    }
    const unknown = await runInProcess(['scroe']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'scroe'");
    expect(unknown.stderr).toContain('score');
  });

  describe('score', () => {
    it('scores every lead of a JSONL file, with grades and reasons, as CSV when not on a terminal', async () => {
      const run = await runInProcess(['score', sampleJsonl, '--model', demoModel, '--as-of', '2025-06-30']);
      expect(run.code).toBe(0);
      const rows = records(run.stdout);
      expect(rows).toHaveLength(400);
      expect(rows[0]?.id).toBe('lead-1');
      expect(rows.every((row) => Number.isFinite(Number(row.score)) && /^[A-D][1-4]$|^F$/.test(row.grade ?? ''))).toBe(true);
      expect(rows.some((row) => (row.reasons ?? '').includes('Demo requested'))).toBe(true);
      expect(run.stderr).toContain('400 of 400 rows scored');
    });

    it('--top N gives the N best leads, best first, as the full output sorted would', async () => {
      const all = records((await runInProcess(['score', sampleJsonl, '--model', demoModel, '--as-of', '2025-06-30'])).stdout);
      const top = records((await runInProcess(['score', sampleJsonl, '--model', demoModel, '--as-of', '2025-06-30', '--top', '7'])).stdout);
      const expected = [...all]
        .sort(
          (a, b) => Number(a.disqualified === 'true') - Number(b.disqualified === 'true') || Number(b.score) - Number(a.score) || Number(a.row) - Number(b.row),
        )
        .slice(0, 7);
      expect(top.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    });

    it('writes rejected rows with their row, column and problem, goes on, and exits 1', async () => {
      const directory = temporaryDirectory();
      const run = await runInProcess(['score', hubspotCsv, '--preset', 'hubspot', '--model', demoModel, '--as-of', '2024-05-15', '--rejects', 'rejects.csv'], {
        cwd: directory,
      });
      expect(run.code).toBe(1);
      expect(records(run.stdout)).toHaveLength(7);
      const rejects = records(readFileSync(join(directory, 'rejects.csv'), 'utf8'));
      expect(rejects.map((row) => `${row.row} ${row.column}`)).toEqual([
        '2 Annual Revenue',
        '8 Country/Region',
        '9 Annual Revenue',
        '9 Create Date',
        '9 Became a Lead Date',
      ]);
      expect(rejects[1]?.problem).toContain('"Narnia" is not a country');
      expect(run.stderr).toContain('3 rejected (see rejects.csv)');
    });

    it('without --rejects, shows the first problems on standard error', async () => {
      const run = await runInProcess(['score', hubspotCsv, '--preset', 'hubspot', '--model', demoModel, '--as-of', '2024-05-15']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('row 8, column "Country/Region": "Narnia" is not a country');
      expect(run.stderr).toContain('give --rejects FILE');
    });

    it('reads standard input with -, telling JSONL from its first character, and writes JSONL, a table or a file', async () => {
      const text = readFileSync(sampleJsonl, 'utf8').split('\n').slice(0, 3).join('\n');
      const jsonl = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--format', 'jsonl', '--explain'], { stdin: text });
      expect(jsonl.code).toBe(0);
      const lines = jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.id)).toEqual(['lead-1', 'lead-2', 'lead-3']);
      expect(lines[0].contributions.length).toBeGreaterThan(0);
      expect(jsonl.stderr).toContain('standard input');
      const table = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--explain'], { stdin: text, tty: true });
      expect(table.stdout).toMatch(/^ {4}row {2}id/);
      expect(table.stdout).toContain('Score ');
      const directory = temporaryDirectory();
      const file = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--out', 'scores.csv'], {
        stdin: text,
        cwd: directory,
        tty: true,
      });
      expect(file.stdout).toBe('');
      expect(records(readFileSync(join(directory, 'scores.csv'), 'utf8'))).toHaveLength(3);
    });

    it('reads Salesforce and HubSpot exports with their presets, in the time zone given', async () => {
      const salesforce = await runInProcess([
        'score',
        `${root}examples/data/salesforce/leads.csv`,
        '--preset',
        'salesforce',
        '--model',
        demoModel,
        '--as-of',
        '2024-06-01',
      ]);
      expect(records(salesforce.stdout).map((row) => row.id)).toContain('00Q5e00000AbC001');
      const contacts = await runInProcess(['score', `${root}examples/data/salesforce/leads.csv`, '--preset', 'salesforce-contacts', '--model', demoModel]);
      expect([0, 1]).toContain(contacts.code);
      const zone = await runInProcess(['score', hubspotCsv, '--preset', 'hubspot', '--time-zone', 'Mars/Olympus', '--model', demoModel]);
      expect(zone.code).toBe(2);
      expect(zone.stderr).toBe('leadkit: --time-zone "Mars/Olympus": not an IANA time zone: write it as America/New_York, Europe/Berlin or UTC\n');
      const currency = await runInProcess(['score', hubspotCsv, '--preset', 'hubspot', '--currency', 'DOLLARS', '--model', demoModel]);
      expect(currency.code).toBe(2);
      expect(currency.stderr).toContain('--currency "DOLLARS": not an ISO 4217 currency code');
    });

    it('stops quietly when the reader of its output goes away (EPIPE)', async () => {
      const { Writable } = await import('node:stream');
      const { runCli } = await import('./run-cli.ts');
      let errors = '';
      let writes = 0;
      const stdout = new Writable({
        write(_chunk, _encoding, done) {
          writes++;
          done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        },
      });
      const stderr = new Writable({
        write(chunk: Buffer, _encoding, done) {
          errors += chunk.toString();
          done();
        },
      });
      const code = await runCli(['score', sampleJsonl, '--model', demoModel, '--as-of', '2025-06-30', '--format', 'jsonl'], {
        stdin: (await import('node:stream')).Readable.from([]),
        stdout,
        stderr,
        cwd: root,
        now: new Date('2025-06-30T00:00:00Z'),
        signal: new AbortController().signal,
        elapsed: () => 0,
      });
      expect(code).toBe(0);
      expect(writes).toBe(1);
      expect(errors).toBe('');
    });

    it('adds the ICP fit with --icp', async () => {
      const directory = temporaryDirectory();
      await runInProcess(['init', directory]);
      const run = await runInProcess(
        ['score', 'leads.csv', '--model', 'scoring-model.json', '--mapping', 'mapping.json', '--icp', 'icp.json', '--as-of', '2025-04-01'],
        {
          cwd: directory,
        },
      );
      expect(run.code).toBe(0);
      const rows = records(run.stdout);
      expect(rows.map((row) => row.id)).toEqual(['L-1', 'L-2', 'L-3', 'L-4']);
      expect(rows[0]?.icp_grade).toBe('A');
      expect(rows[2]?.disqualified).toBe('true'); // a free e-mail address
    });

    it('stops after the chunk being read when interrupted, with whole lines written and a summary; exit 130', async () => {
      const controller = new AbortController();
      controller.abort();
      const run = await runInProcess(['score', sampleJsonl, '--model', demoModel, '--as-of', '2025-06-30'], { signal: controller.signal });
      expect(run.code).toBe(130);
      // The first chunk of the 400-lead file (64 KiB) is scored and written, then the run stops.
      const [, scored, read] = /interrupted: (\d+) of (\d+) rows scored/.exec(run.stderr) ?? [];
      expect(Number(scored)).toBe(Number(read));
      expect(Number(scored)).toBeGreaterThan(0);
      expect(Number(scored)).toBeLessThan(400);
      expect(records(run.stdout)).toHaveLength(Number(scored));
    });

    it('reads a Latin-1 file only when told, with a clear error otherwise; reads UTF-16 by its byte-order mark', async () => {
      const directory = temporaryDirectory();
      const text = `${leadsCsvText(3).replace('Company 1', 'Société Générale')}`;
      writeFileSync(join(directory, 'latin1.csv'), Buffer.from(text, 'latin1'));
      writeFileSync(join(directory, 'mapping.json'), JSON.stringify((await import('../../bench/cli-data.ts')).benchLeadsMapping));
      writeFileSync(join(directory, 'model.json'), readFileSync(demoModel));
      const refused = await runInProcess(['score', 'latin1.csv', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^leadkit: latin1\.csv: is not utf-8 text at or after row \d .*--encoding windows-1252/);
      const read = await runInProcess(['score', 'latin1.csv', '--model', 'model.json', '--mapping', 'mapping.json', '--encoding', 'latin1'], {
        cwd: directory,
      });
      expect(read.code).toBe(0);
      expect(records(read.stdout)[1]?.company).toBe('Société Générale');
      writeFileSync(join(directory, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const utf16 = await runInProcess(['score', 'utf16.csv', '--model', 'model.json', '--mapping', 'mapping.json'], { cwd: directory });
      expect(utf16.code).toBe(0);
      expect(utf16.stdout).toBe(read.stdout);
    });

    it('refuses bad options and files in one line naming the file (exit 2)', async () => {
      const directory = temporaryDirectory();
      writeFileSync(join(directory, 'broken.json'), '{ "rules": [');
      writeFileSync(
        join(directory, 'invalid.json'),
        JSON.stringify({
          schemaVersion: 1,
          id: 'x',
          rules: [{ kind: 'points', id: 'a', label: 'A', when: { field: 'company.industy', equals: 'x' }, points: 'ten' }],
        }),
      );
      const cases: [string[], RegExp][] = [
        [['score', sampleJsonl, '--model', 'missing.json'], /^leadkit: missing\.json: no such file \(given to --model\): check the path\n$/],
        [['score', sampleJsonl, '--model', 'broken.json'], /^leadkit: broken\.json: is not valid JSON \(.*\): fix the file/],
        [
          ['score', sampleJsonl, '--model', 'invalid.json'],
          /^leadkit: invalid\.json: not a valid scoring model \(\d problems?: rules\[0\]\..*run "leadkit check invalid\.json"/,
        ],
        [['score', 'nothing.csv', '--model', demoModel], /^leadkit: nothing\.csv: no such file/],
        [['score', hubspotCsv, '--model', demoModel], /a CSV file needs a mapping: give --mapping/],
        [['score', sampleJsonl, '--model', demoModel, '--top', '0'], /--top "0": give a whole number/],
        [['score', sampleJsonl, '--model', demoModel, '--as-of', 'yesterday'], /--as-of "yesterday": is not a date/],
        [['score', sampleJsonl, '--model', demoModel, '--format', 'xml'], /argument 'xml' is invalid/],
        [['score', sampleJsonl, '--model', demoModel, '--encoding', 'klingon'], /--encoding "klingon": is not an encoding/],
        [['score', sampleJsonl, '--model', demoModel, '--mapping', 'm.json', '--preset', 'hubspot'], /either --mapping or --preset/],
      ];
      for (const [args, message] of cases) {
        const run = await runInProcess(args, { cwd: directory });
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr, args.join(' ')).toMatch(message);
        expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      }
      const debug = await runInProcess(['score', sampleJsonl, '--model', 'missing.json', '--debug'], { cwd: directory });
      expect(debug.stderr).toContain('    at ');
    });

    it('takes empty files and a header alone as no rows', async () => {
      const directory = temporaryDirectory();
      writeFileSync(join(directory, 'empty.csv'), '');
      writeFileSync(join(directory, 'header.csv'), leadsCsvText(0));
      writeFileSync(join(directory, 'mapping.json'), JSON.stringify((await import('../../bench/cli-data.ts')).benchLeadsMapping));
      for (const file of ['empty.csv', 'header.csv']) {
        const run = await runInProcess(['score', file, '--model', demoModel, '--mapping', 'mapping.json'], { cwd: directory });
        expect(run.code, file).toBe(0);
        expect(run.stdout, file).toBe('row,id,email,company,score,fit,engagement,grade,band,sales_ready,disqualified,reasons\n');
        expect(run.stderr, file).toContain('0 of 0 rows scored');
      }
    });

    it('reports bad JSON lines and leads that do not validate as rejected rows', async () => {
      const good = readFileSync(sampleJsonl, 'utf8').split('\n')[0] as string;
      const stdin = `${good}\n{ not json\n\n{"id":"x"}\n[1]\n`;
      const directory = temporaryDirectory();
      const run = await runInProcess(['score', '-', '--model', demoModel, '--rejects', 'rejects.csv'], { stdin, cwd: directory });
      expect(run.code).toBe(1);
      const rejects = records(readFileSync(join(directory, 'rejects.csv'), 'utf8'));
      expect(rejects.find((row) => row.row === '2')?.problem).toMatch(/^is not valid JSON/);
      expect(rejects.filter((row) => row.row === '4').map((row) => row.column)).toContain('contact');
      expect(rejects.some((row) => row.row === '5')).toBe(true);
      expect(records(run.stdout)).toHaveLength(1);
    });
  });

  describe('check and init', () => {
    it('init writes definitions that check accepts, and refuses to overwrite them', async () => {
      const directory = temporaryDirectory();
      const init = await runInProcess(['init', 'defs'], { cwd: directory });
      expect(init.code).toBe(0);
      const files = readdirSync(join(directory, 'defs')).filter((name) => name.endsWith('.json'));
      expect(files.sort()).toEqual(['funnel.json', 'icp.json', 'mapping.json', 'scoring-model.json']);
      const check = await runInProcess(['check', ...files.map((name) => join('defs', name))], { cwd: directory });
      expect(check.stdout).toContain('a valid funnel');
      expect(check.stdout).toContain('a valid ICP');
      expect(check.stdout).toContain('a valid import mapping');
      expect(check.stdout).toContain('a valid scoring model');
      expect(check.code).toBe(0);
      const again = await runInProcess(['init', 'defs'], { cwd: directory });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('--force');
      expect((await runInProcess(['init', 'defs', '--force'], { cwd: directory })).code).toBe(0);
    });

    it('prints every problem with its path, tells the kind, and exits 1', async () => {
      const directory = temporaryDirectory();
      writeFileSync(
        join(directory, 'model.json'),
        JSON.stringify({ schemaVersion: 1, id: 'm', rules: [{ kind: 'values', id: 'a', label: 'A', field: 'company.industy', values: {} }] }),
      );
      writeFileSync(
        join(directory, 'icp.json'),
        JSON.stringify({ id: 'i', criteria: { size: { label: 'Size', when: { field: 'company.employeeCount', min: 'ten' } } } }),
      );
      writeFileSync(join(directory, 'what.json'), JSON.stringify({ hello: 'world' }));
      writeFileSync(join(directory, 'broken.json'), '{');
      const run = await runInProcess(['check', 'model.json', 'icp.json', 'what.json', 'broken.json', 'missing.json'], { cwd: directory });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ model.json: ');
      expect(run.stdout).toContain('(read as --kind scoring-model)');
      expect(run.stdout).toMatch(/ {2}rules\[0\]\.field: .*company\.industry/);
      expect(run.stdout).toMatch(/ {2}criteria\.size\.when\.min: /);
      expect(run.stdout).toContain('✗ what.json: cannot tell which leadkit definition this is: give --kind');
      expect(run.stdout).toContain('✗ broken.json: is not valid JSON');
      expect(run.stdout).toContain('✗ missing.json: no such file');
      const forced = await runInProcess(['check', 'what.json', '--kind', 'segment'], { cwd: directory });
      expect(forced.code).toBe(1);
      expect(forced.stdout).toContain('in this segment\n');
    });

    it('accepts real definitions of every other kind: a trained model, its feature spec, a framework, a segment, a SQL mapping, a lead', async () => {
      const { defineFeatureSpec, trainModel } = await import('../predict/index.ts');
      const { loadSampleLeads } = await import('../../examples/data/load.ts');
      const { bantFramework } = await import('../frameworks/index.ts');
      const { leadkitSqlMapping } = await import('../sql/index.ts');
      const { leadToJson } = await import('../models/index.ts');
      const spec = { features: [{ kind: 'categorical' as const, name: 'industry', from: 'company.industry' }] };
      const leads = loadSampleLeads();
      const closed = leads.filter((lead) => lead.outcome?.status === 'won' || lead.outcome?.status === 'lost');
      const model = trainModel(defineFeatureSpec(spec), closed, { model: 'naive-bayes', minWon: 5, minLost: 5 });
      if (!model.ok) throw model.error;
      const directory = temporaryDirectory();
      const files: Record<string, unknown> = {
        'model.json': model.value,
        'spec.json': spec,
        'bant.json': bantFramework,
        'segment.json': { id: 'tech', label: 'Technology', when: { field: 'company.industry', equals: 'technology' } },
        'sql-mapping.json': leadkitSqlMapping,
        'lead.json': leadToJson(leads[0] as (typeof leads)[number]),
      };
      for (const [name, value] of Object.entries(files)) writeFileSync(join(directory, name), JSON.stringify(value));
      const run = await runInProcess(['check', ...Object.keys(files)], { cwd: directory });
      expect(run.stdout.trim().split('\n')).toEqual([
        '✓ model.json: a valid trained predictive model',
        '✓ spec.json: a valid feature spec',
        '✓ bant.json: a valid qualification framework',
        '✓ segment.json: a valid segment',
        '✓ sql-mapping.json: a valid SQL mapping',
        '✓ lead.json: a valid lead',
      ]);
      expect(run.code).toBe(0);
    });

    it('tells every kind of definition from its keys', async () => {
      const { detectDefinitionKind } = await import('./definition-kinds.ts');
      const examples: Record<string, unknown> = {
        'trained-model': { format: 'leadkit.predictive-model', spec: {} },
        'scoring-model': { rules: [] },
        funnel: { stages: [], transitions: [] },
        mapping: { columns: {} },
        'sql-mapping': { leads: { table: 'x' } },
        'feature-spec': { features: [] },
        assessment: { frameworkId: 'bant', criteria: {} },
        framework: { scale: 'one-to-five', criteria: [] },
        icp: { criteria: {} },
        segment: { when: {} },
        scale: { levels: [] },
        'question-bank': { sections: [] },
        lead: { id: 'x', contact: {} },
      };
      expect(Object.keys(examples).sort()).toEqual(DEFINITION_KINDS.map((kind) => kind.kind).sort());
      for (const [kind, value] of Object.entries(examples)) expect(detectDefinitionKind(value)?.kind, kind).toBe(kind);
      expect(detectDefinitionKind([1])).toBeUndefined();
      expect(
        detectDefinitionKind({ frameworkId: 'nope', criteria: {} })?.parse({ frameworkId: 'nope', criteria: {} }, new Date('2025-06-30T00:00:00Z')).ok,
      ).toBe(false);
    });
  });

  describe('qualify', () => {
    it('gives the verdict, the gaps and the next questions', async () => {
      const directory = temporaryDirectory();
      writeFileSync(
        join(directory, 'deal.json'),
        JSON.stringify({
          frameworkId: 'bant',
          criteria: { budget: { rating: 'strong', assessedAt: '2025-06-20T10:00:00Z' }, need: { rating: 'developing', assessedAt: '2025-06-21T10:00:00Z' } },
        }),
      );
      const run = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2025-06-30'], { cwd: directory });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^BANT.*: NOT QUALIFIED/);
      expect(run.stdout).toContain('not assessed: Authority, Timeline');
      expect(run.stdout).toContain('Next questions:');
      const json = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2025-06-30', '--format', 'json'], { cwd: directory });
      expect(JSON.parse(json.stdout).qualified).toBe(false);
      const future = await runInProcess(['qualify', 'deal.json', '--framework', 'bant', '--as-of', '2025-06-01'], { cwd: directory });
      expect(future.code).toBe(1);
      expect(future.stdout).toContain('criteria.budget.assessedAt: is in the future');
      const unknown = await runInProcess(['qualify', 'deal.json', '--framework', 'bantt'], { cwd: directory });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('not a built-in framework');
    });
  });

  describe('sql', () => {
    it('prints the query with its bound parameters, or JSON', async () => {
      const run = await runInProcess(['sql', demoModel, '--dialect', 'duckdb', '--as-of', '2025-06-30']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`--   $1 = ${Date.parse('2025-06-30T00:00:00Z')}`);
      expect(run.stdout).toMatch(/SELECT/i);
      const json = JSON.parse((await runInProcess(['sql', demoModel, '--dialect', 'postgres', '--format', 'json', '--as-of', '2025-06-30'])).stdout);
      expect(json.parameters[0]).toBe(Date.parse('2025-06-30T00:00:00Z'));
      expect(json.columns).toContain('score');
    });
  });

  describe('report', () => {
    it('prints the funnel report of an export, with cohorts', async () => {
      const run = await runInProcess(['report', hubspotCsv, '--preset', 'hubspot', '--as-of', '2024-05-15', '--by', 'origin']);
      expect(run.stdout).toContain('Funnel report: hubspot, as of 2024-05-15');
      expect(run.stdout).toMatch(/Marketing qualified lead|Marketing Qualified Lead/i);
      expect(run.stdout).toContain('Cohort ');
      expect(run.code).toBe(1); // the export has rejected rows
      const csv = await runInProcess(['report', sampleJsonl, '--as-of', '2025-06-30', '--format', 'csv', '--by', 'month']);
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\n')[0]).toBe(
        'cohort,stage,entered,advanced,entered_next,skipped,current,conversion_rate,skip_rate,days_in_stage_median,days_in_stage_p90',
      );
      const json = JSON.parse((await runInProcess(['report', sampleJsonl, '--as-of', '2025-06-30', '--format', 'json'])).stdout);
      expect(json.overall.records).toBe(400);
    });
  });
});
