import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli.test-helpers.ts';
import { parseInputFormat } from './score-command.ts';

const root = new URL('../../', import.meta.url).pathname;
const demoModel = `${root}examples/data/demo-scoring-model.json`;

const bareLead = (id: string): string => JSON.stringify({ id, contact: {}, source: 'partner', createdAt: '2024-10-01T10:04:59.000Z', activities: [] });

describe('leadkit score, unusual leads and rows', () => {
  it('cuts a long id in the table, with - for what a lead lacks', async () => {
    const run = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--format', 'table', '--no-progress'], {
      stdin: `${bareLead('a-very-long-lead-identifier')}\n${bareLead('short')}\n`,
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ {4}row {2}id {15}/);
    expect(lines[1]).toMatch(/^ {6}1 {2}a-very-long-lea… /);
    expect(lines[2]).toMatch(/^ {6}2 {2}short {12}/);
  });

  it('leaves the e-mail and company empty in CSV for a lead without them', async () => {
    const run = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--format', 'csv'], { stdin: `${bareLead('bare')}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^1,bare,,,/);
  });

  it('shows the first five problems of rejected rows on standard error, and counts them all', async () => {
    const stdin = `${Array.from({ length: 7 }, (_, index) => `{"id": ${index}`).join('\n')}\n`;
    const run = await runInProcess(['score', '-', '--model', demoModel, '--as-of', '2025-06-30', '--input', 'jsonl'], { stdin });
    expect(run.code).toBe(1);
    const problems = run.stderr.split('\n').filter((line) => line.startsWith('row '));
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^row 1: /);
    expect(run.stderr).toContain('7 rejected (give --rejects FILE for the list)');
  });
});

describe('parseInputFormat', () => {
  it('takes csv, jsonl or nothing, and refuses any other format as a usage error', () => {
    expect(parseInputFormat(undefined)).toBeUndefined();
    expect(parseInputFormat('jsonl')).toBe('jsonl');
    expect(() => parseInputFormat('xml')).toThrow('--input "xml": use csv or jsonl');
  });
});
