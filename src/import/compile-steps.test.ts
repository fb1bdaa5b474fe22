import { describe, expect, it } from 'vitest';
import { collectImport, importRecords } from './import-records.ts';
import type { ImportMapping } from './mapping-definition.ts';
import { defineMapping } from './parse-mapping.ts';

/** Imports one record per row and gives, per row, the lead or its first problem. */
async function run(mapping: ImportMapping, records: Record<string, unknown>[]) {
  const { leads, rejected } = await collectImport(
    importRecords(
      mapping,
      records.map((record) => ({ Company: 'Acme', ...record })),
    ),
  );
  return { leads, rejected };
}

const firstIssue = async (mapping: ImportMapping, record: Record<string, unknown>) => {
  const { rejected } = await run(mapping, [record]);
  expect(rejected).toHaveLength(1);
  return rejected[0]?.issues[0];
};

const base = { id: 'steps', timeZone: 'UTC', defaults: { source: 'other' } } as const;
const company = { Company: 'company.name' } as const;

describe('text steps', () => {
  it('uppercase and boolean as named steps', async () => {
    const mapping = defineMapping({
      ...base,
      columns: {
        Id: 'id',
        ...company,
        Plan: { to: 'customFields.plan', steps: ['trim', 'uppercase'] },
        OptOut: { to: 'consent.emailOptOut', steps: ['trim', 'boolean'] },
      },
    });
    const { leads } = await run(mapping, [
      { Id: '1', Plan: ' gold ', OptOut: ' Yes ' },
      { Id: '2', Plan: 7, OptOut: true },
      { Id: '3', OptOut: 'OFF' },
    ]);
    expect(leads.map((lead) => [lead.customFields?.['plan'], lead.consent?.emailOptOut])).toEqual([
      ['GOLD', true],
      [7, true],
      [undefined, false],
    ]);
    const refused = await firstIssue(mapping, { Id: '4', OptOut: 'maybe' });
    expect(refused).toMatchObject({
      column: 'OptOut',
      message: '"maybe" is not a yes/no value',
      expected: 'one of true, yes, y, 1 or false, no, n, 0',
    });
  });
});

describe('value maps', () => {
  const statuses = { Open: 'open', Working: 'working', Qualified: 'qualified', Lost: null };
  const mapping = defineMapping({
    ...base,
    columns: {
      Id: 'id',
      ...company,
      Status: { to: 'customFields.status', steps: [{ map: statuses, otherwise: 'reject' }] },
      Tier: { to: 'customFields.tier', steps: [{ map: { Gold: 'A' }, otherwise: { value: null } }] },
      Kind: { to: 'customFields.kind', steps: [{ map: { Partner: 'partner' }, otherwise: { value: 'unknown' } }] },
      Exact: { to: 'customFields.exact', steps: [{ map: { ABC: 'yes' }, caseSensitive: true, otherwise: 'missing' }] },
    },
  });

  it('maps case-insensitively after trimming, a null target or otherwise value making the value missing', async () => {
    const { leads } = await run(mapping, [
      { Id: '1', Status: ' working ', Tier: 'gold', Kind: 'Vendor', Exact: 'ABC' },
      { Id: '2', Status: 'lost', Tier: 'silver', Kind: 'partner', Exact: 'abc' },
    ]);
    expect(leads.map((lead) => lead.customFields)).toEqual([{ status: 'working', tier: 'A', kind: 'unknown', exact: 'yes' }, { kind: 'partner' }]);
  });

  it('refuses an unlisted value, suggesting the closest listed one', async () => {
    const refused = await firstIssue(mapping, { Id: '3', Status: 'Qualifed' });
    expect(refused).toMatchObject({
      column: 'Status',
      message: '"Qualifed" is not one of the values the mapping lists (did you mean "Qualified"?)',
      expected: 'one of "Open", "Working", "Qualified", "Lost"',
    });
  });

  it('refuses a value that is not text without a suggestion, and cuts the listed values at eight', async () => {
    const many = defineMapping({
      ...base,
      columns: {
        Id: 'id',
        ...company,
        Code: {
          to: 'customFields.code',
          steps: [{ map: { a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9 }, otherwise: 'reject' }],
        },
      },
    });
    const refused = await firstIssue(many, { Id: '1', Code: ['a1'] });
    expect(refused?.message).toMatch(/^.+ is not one of the values the mapping lists$/);
    expect(refused?.expected).toBe('one of "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", …');
  });
});

describe('money steps', () => {
  const mapping = defineMapping({
    ...base,
    columns: {
      Id: 'id',
      ...company,
      Revenue: { to: 'company.annualRevenue', steps: [{ money: { currencyColumn: ['Currency', 'CurrencyIsoCode'] } }] },
    },
  });

  it('takes the currency from the first currency column with a value, in upper case', async () => {
    const { leads } = await run(mapping, [
      { Id: '1', Revenue: '1,250.5', Currency: ' usd ' },
      { Id: '2', Revenue: 2500, Currency: '', CurrencyIsoCode: 'JPY' },
    ]);
    expect(leads.map((lead) => lead.company?.annualRevenue)).toEqual([
      { amountMinor: 125_050, currency: 'USD' },
      { amountMinor: 2500, currency: 'JPY' },
    ]);
  });

  it('refuses a row without a currency, with an unknown currency, or with a value that is not an amount', async () => {
    expect(await firstIssue(mapping, { Id: '1', Revenue: '10' })).toMatchObject({
      column: 'Revenue',
      message: 'has no currency: the mapping names no currency and no currency column gave one',
      expected: 'an amount with a currency (set "currency" in the mapping)',
    });
    expect(await firstIssue(mapping, { Id: '2', Revenue: '10', Currency: 'XYZ' })).toMatchObject({
      message: '"XYZ" is not an ISO 4217 currency code',
      expected: 'a currency such as USD, EUR, GBP',
    });
    expect(await firstIssue(mapping, { Id: '3', Revenue: Number.POSITIVE_INFINITY, Currency: 'EUR' })).toMatchObject({
      message: 'Infinity is not an amount',
      expected: 'an amount, a number such as 1,234.5',
    });
    const notText = await firstIssue(mapping, { Id: '4', Revenue: [10], Currency: 'EUR' });
    expect(notText?.message).toMatch(/ is not an amount$/);
    expect((await firstIssue(mapping, { Id: '5', Revenue: '1.2.3', Currency: 'EUR' }))?.expected).toBe('an amount, a number such as 1,234.5');
  });

  it('refuses a mapping whose currency is not ISO 4217 before any row', () => {
    expect(() =>
      defineMapping({ ...base, columns: { Id: 'id', ...company, Revenue: { to: 'company.annualRevenue', steps: ['money'] } }, currency: 'EUX' }),
    ).toThrow('currency: "EUX" is not an ISO 4217 currency code (such as USD, EUR, GBP)');
  });
});

describe('date steps', () => {
  const mapping = defineMapping({
    ...base,
    columns: {
      Id: 'id',
      ...company,
      Created: { to: 'createdAt', steps: [{ date: { format: 'dd/MM/yyyy HH:mm', timeZone: 'America/New_York' } }] },
    },
  });

  it('reads a date in the step format and zone, keeps a valid Date, and reads epoch milliseconds', async () => {
    const { leads, rejected } = await run(mapping, [
      { Id: '1', Created: '15/07/2024 09:30' },
      { Id: '2', Created: new Date('2024-02-03T04:05:06Z') },
      { Id: '3', Created: Date.UTC(2024, 0, 2, 3, 4, 5) },
    ]);
    expect(rejected).toEqual([]);
    // 09:30 in New York in July is EDT (-04:00).
    expect(leads.map((lead) => lead.createdAt?.toISOString())).toEqual(['2024-07-15T13:30:00.000Z', '2024-02-03T04:05:06.000Z', '2024-01-02T03:04:05.000Z']);
  });

  it('refuses an invalid Date, a number that is no date, a value that is not text, and text in another layout', async () => {
    expect(await firstIssue(mapping, { Id: '1', Created: new Date(Number.NaN) })).toMatchObject({
      column: 'Created',
      message: 'is not a valid date',
      expected: 'a date in the format "dd/MM/yyyy HH:mm"',
    });
    expect((await firstIssue(mapping, { Id: '2', Created: 1e20 }))?.message).toBe('100000000000000000000 is not a date');
    expect((await firstIssue(mapping, { Id: '3', Created: ['15/07/2024 09:30'] }))?.message).toMatch(/ is not a date$/);
    expect(await firstIssue(mapping, { Id: '4', Created: '2024-07-15' })).toMatchObject({
      message: '"2024-07-15" is not a real date in this format (a 31 February, a 25th hour or another layout)',
      expected: 'a date in the format "dd/MM/yyyy HH:mm"',
    });
  });
});

describe('split and list fields', () => {
  const mapping = defineMapping({
    ...base,
    missing: ['n/a'],
    columns: {
      Id: 'id',
      ...company,
      Tech: { to: 'company.technologies', steps: [{ split: '|' }, { split: ',' }, 'lowercase', { map: { js: 'javascript', none: null } }] },
      Codes: { to: 'customFields.codes', steps: [{ split: '/' }, { map: { a: 'A', b: 'B', 42: 'forty-two' }, otherwise: 'reject' }] },
      Tags: 'company.technologies',
    },
  });

  it('splits on the first split only, trims the items and drops missing ones', async () => {
    const { leads } = await run(mapping, [
      { Id: '1', Tech: ' JS | Go,Rust | n/a | none ' },
      { Id: '2', Tech: ['TypeScript', 'n/a', ' JS '] },
      { Id: '3', Tech: 'none | n/a' },
    ]);
    expect(leads.map((lead) => lead.company?.technologies)).toEqual([['javascript', 'go,rust'], ['typescript', 'javascript'], undefined]);
  });

  it('runs the steps after a split on each item, refusing the row at the first bad item', async () => {
    const { leads } = await run(mapping, [
      { Id: '1', Codes: 'a / B / ' },
      { Id: '2', Codes: 42 },
    ]);
    expect(leads.map((lead) => lead.customFields?.['codes'])).toEqual([['A', 'B'], ['forty-two']]);
    expect(await firstIssue(mapping, { Id: '3', Codes: 'a / xyz' })).toMatchObject({
      column: 'Codes',
      message: '"xyz" is not one of the values the mapping lists',
    });
  });

  it('splits text for a list field on the mapping list separator (default ;), keeping a given array', async () => {
    const { leads } = await run(mapping, [
      { Id: '1', Tags: 'Go; Rust ;; ' },
      { Id: '2', Tags: ['Elixir', 'Zig'] },
      { Id: '3', Tags: ' ; n/a ; ' },
    ]);
    expect(leads.map((lead) => lead.company?.technologies)).toEqual([['Go', 'Rust'], ['Elixir', 'Zig'], undefined]);
  });
});

describe('number steps', () => {
  it('refuses a number that is not finite, and a value that is not text', async () => {
    const mapping = defineMapping({
      ...base,
      columns: { Id: 'id', ...company, Staff: { to: 'company.employeeCount', steps: [{ number: { decimal: ',' } }] } },
    });
    expect(await firstIssue(mapping, { Id: '1', Staff: Number.NaN })).toMatchObject({
      column: 'Staff',
      message: 'NaN is not a finite number',
      expected: 'a number such as 1.234,5',
    });
    expect((await firstIssue(mapping, { Id: '2', Staff: [1] }))?.message).toMatch(/ is not a number$/);
    const { leads } = await run(mapping, [{ Id: '3', Staff: '1.200' }]);
    expect(leads[0]?.company?.employeeCount).toBe(1200);
  });
});
