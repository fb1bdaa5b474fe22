import { describe, expect, it } from 'vitest';
import { compileMapping } from './compile-mapping.ts';
import { collectImport, importRecords } from './import-records.ts';
import type { ImportedLead, ImportedRow } from './import-result.ts';
import type { ImportMapping } from './mapping-definition.ts';
import { defineMapping } from './parse-mapping.ts';

async function imported(mapping: ImportMapping, records: Record<string, unknown>[]): Promise<ImportedLead[]> {
  const rows: ImportedRow[] = [];
  for await (const row of importRecords(mapping, records)) rows.push(row);
  expect(rows.filter((row) => !row.ok)).toEqual([]);
  return rows as ImportedLead[];
}

const base = { id: 'compile', timeZone: 'UTC', defaults: { source: 'other' } } as const;

describe('activities from columns', () => {
  const mapping = defineMapping({
    ...base,
    columns: { Id: 'id', Created: 'createdAt' },
    activities: [
      { type: 'email_bounced', firstAt: 'First bounce', lastAt: 'Last bounce' },
      { type: 'call', count: 'Calls', firstAt: 'First call', lastAt: 'Last call' },
      { type: 'other', name: 'Chat', lastAt: 'Last chat' },
    ],
  });

  it('makes two events from a first and a last date, one from a single date, with the type fields', async () => {
    const { leads, rejected } = await collectImport(
      importRecords(mapping, [
        {
          Id: '1',
          'First bounce': '2024-01-01T00:00:00Z',
          'Last bounce': '2024-01-11T00:00:00Z',
          Calls: '',
          'First call': '2024-02-01T00:00:00Z',
          'Last call': '2024-02-01T00:00:00Z',
          'Last chat': '2024-03-01T12:00:00Z',
        },
      ]),
    );
    expect(rejected).toEqual([]);
    const activities = leads[0]?.activities ?? [];
    expect(activities.map((activity) => [activity.type, activity.at.toISOString()])).toEqual(
      expect.arrayContaining([
        ['email_bounced', '2024-01-01T00:00:00.000Z'],
        ['email_bounced', '2024-01-11T00:00:00.000Z'],
        ['call', '2024-02-01T00:00:00.000Z'],
        ['other', '2024-03-01T12:00:00.000Z'],
      ]),
    );
    expect(activities).toHaveLength(4);
    expect(activities.filter((activity) => activity.type === 'email_bounced').map((activity) => (activity as { bounce?: string }).bounce)).toEqual([
      'soft',
      'soft',
    ]);
    expect(activities.find((activity) => activity.type === 'call')).toMatchObject({ direction: 'outbound', metadata: { approximated: true, count: 1 } });
    expect(activities.find((activity) => activity.type === 'other')).toMatchObject({ name: 'Chat', metadata: { approximated: true, count: 1 } });
  });

  it('warns about a count without any date, and refuses a count that is not a whole number', async () => {
    const [undated] = await imported(mapping, [{ Id: '1', Calls: '3' }]);
    expect(undated?.lead.activities ?? []).toEqual([]);
    expect(undated?.warnings.map((warning) => [warning.code, warning.column, warning.message])).toEqual([
      ['undated_activities', 'Calls', '3 call events without any date: not made into activities'],
    ]);
    const { rejected } = await collectImport(importRecords(mapping, [{ Id: '2', Calls: '2.5', 'Last call': '2024-02-01T00:00:00Z' }]));
    expect(rejected[0]?.issues[0]).toMatchObject({ column: 'Calls', message: '"2.5" is not a count', expected: 'a whole number of 0 or more' });
  });
});

describe('value map otherwise counts in the summary', () => {
  it('counts each unlisted value per row, trimmed', async () => {
    const mapping = defineMapping({
      ...base,
      columns: { Id: 'id', Status: { to: 'customFields.status', steps: [{ map: { Open: 'open' } }] } },
    });
    const run = importRecords(mapping, [
      { Id: '1', Status: 'Open' },
      { Id: '2', Status: ' Stale ' },
      { Id: '3', Status: 'Stale' },
      { Id: '4', Status: 'Gone' },
    ]);
    await collectImport(run);
    const status = run.summary().columns.find((column) => column.column === 'Status');
    expect(status?.otherwise).toEqual([
      { value: 'Stale', count: 2 },
      { value: 'Gone', count: 1 },
    ]);
  });
});

describe('an optional object without its required field', () => {
  const mapping = defineMapping({
    ...base,
    columns: {
      Id: 'id',
      Company: 'company.name',
      Staff: 'company.employeeCount',
      Tech: 'company.technologies',
    },
  });

  it('is left out with a warning naming the column, its other values kept in customFields', async () => {
    const leads = await imported(mapping, [{ Id: '1', Company: '', Staff: '40' }]);
    const lead = leads[0];
    expect(lead?.lead.company).toBeUndefined();
    expect(lead?.lead.customFields).toEqual({ Staff: '40' });
    expect(lead?.warnings.map((warning) => [warning.code, warning.message])).toEqual([
      ['incomplete_object', 'company is left out: company.name is required but the row has no value in "Company"; "Staff" kept in customFields'],
    ]);
  });

  it('keeps nothing in customFields when the values were not text, numbers or booleans', async () => {
    const leads = await imported(mapping, [{ Id: '1', Tech: ['Go', 'Rust'] }]);
    expect(leads[0]?.lead.company).toBeUndefined();
    expect(leads[0]?.lead.customFields).toBeUndefined();
    expect(leads[0]?.warnings.map((warning) => warning.message)).toEqual([
      'company is left out: company.name is required but the row has no value in "Company"',
    ]);
  });

  it('says no column when none feeds the required field', async () => {
    const noName = defineMapping({ ...base, columns: { Id: 'id', Staff: 'company.employeeCount' } });
    const leads = await imported(noName, [{ Id: '1', Staff: 7 }]);
    expect(leads[0]?.lead.customFields).toEqual({ Staff: 7 });
    expect(leads[0]?.lead.company).toBeUndefined();
    expect(leads[0]?.warnings.map((warning) => warning.message)).toEqual([
      'company is left out: company.name is required but the row has no value; "Staff" kept in customFields',
    ]);
  });
});

describe('compileMapping', () => {
  it('refuses a target that is not a field of the lead schema', () => {
    const bad = { ...defineMapping({ ...base, columns: { Id: 'id' } }), columns: { Id: 'id', X: 'company.nonsense' } };
    expect(() => compileMapping(bad)).toThrow(
      new RangeError('compileMapping: "company.nonsense" is not a field of the lead schema; parse the mapping with parseMapping first'),
    );
  });
});
