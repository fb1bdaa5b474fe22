/**
 * The shortcuts of the import's hot path (dates of a fixed layout read without tokens, wall-clock time in a zone
 * without Intl near a change of offset, whole amounts to minor units without text) against the general way they
 * shortcut: the same answers on random inputs, and the same leads and problems for whole imports.
 */
import { fc, test } from '@fast-check/vitest';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, vi } from 'vitest';
import { createMissingValueTest } from '../conditions/missing-markers.ts';
import { compilePipeline, type StepContext } from './compile-steps.ts';
import { compileDateReader, DEFAULT_DATE_FORMATS } from './date-reader.ts';
import { decimalToMinorUnits } from './number-text.ts';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const layouts = [
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  'yyyy-MM-dd',
  'dd.MM.yyyy HH:mm',
  'yyyyMMdd',
  'M/d/yyyy',
  'd-M-yyyy H:m',
];
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'Europe/London', 'America/Santiago'];

/** Text in (or near) the full-width layout of `yyyy-MM-dd HH:mm:ss.SSS`: digits of any value, years 0000–9999. */
const fieldText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1990, max: 2040 })),
    month: fc.integer({ min: 0, max: 19 }),
    day: fc.integer({ min: 0, max: 39 }),
    hour: fc.integer({ min: 0, max: 29 }),
    minute: fc.integer({ min: 0, max: 69 }),
    second: fc.integer({ min: 0, max: 69 }),
    millisecond: fc.integer({ min: 0, max: 999 }),
    layout: fc.constantFrom(...layouts),
  })
  .map(({ year, month, day, hour, minute, second, millisecond, layout }) => ({
    layout,
    text: layout
      .replace("'T'", 'T')
      .replace('yyyy', pad(year, 4))
      .replace('MM', pad(month))
      .replace('M', String(month))
      .replace('dd', pad(day))
      .replace('d', String(day))
      .replace('HH', pad(hour))
      .replace('H', String(hour))
      .replace('mm', pad(minute))
      .replace('m', String(minute))
      .replace('ss', pad(second))
      .replace('SSS', pad(millisecond, 3)),
  }));

/** Wall-clock text close to the instants where zones change their offset (March, April, October, November). */
const nearChange = fc
  .record({
    year: fc.integer({ min: 1995, max: 2035 }),
    month: fc.constantFrom(3, 4, 9, 10, 11),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, day, hour, minute, second }) => `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`);

describe('date shortcuts', () => {
  test.prop([fieldText, fc.constantFrom(...zones)], { numRuns: 500 })('a fixed layout reads as the tokens do', ({ layout, text }, zone) => {
    expect(compileDateReader([layout], zone)(text)).toBe(compileDateReader([layout], zone, false)(text));
  });

  test.prop([fc.string({ maxLength: 24 }), fc.constantFrom(...layouts)])('random text reads as the tokens read it', (text, layout) => {
    expect(compileDateReader([layout], 'Europe/Berlin')(text)).toBe(compileDateReader([layout], 'Europe/Berlin', false)(text));
  });

  test.prop([
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .tuple(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), fc.nat(24))
        .map(([date, cut]) => date.toISOString().slice(0, cut)),
      fc
        .date({ noInvalidDate: true, min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') })
        .map((date) => date.toISOString().replace('T', ' ').slice(0, 19)),
    ),
    fc.constantFrom(...zones),
  ])('the default formats read every text (ISO dates cut anywhere, random text) as without the shortcuts', (text, zone) => {
    expect(compileDateReader(DEFAULT_DATE_FORMATS, zone)(text)).toBe(compileDateReader(DEFAULT_DATE_FORMATS, zone, false)(text));
  });

  test.prop([nearChange, fc.constantFrom(...zones)], { numRuns: 500 })('wall-clock time near a change of offset gives the instant Intl gives', (text, zone) => {
    expect(compileDateReader(['yyyy-MM-dd HH:mm:ss'], zone)(text)).toBe(compileDateReader(['yyyy-MM-dd HH:mm:ss'], zone, false)(text));
  });

  test('the general way uses the offsets of @date-fns/tz', () => {
    // 02:30 on 31 March 2024 does not exist in Berlin (moved forward by the gap); 02:30 on 27 October happened twice.
    const read = compileDateReader(['yyyy-MM-dd HH:mm'], 'Europe/Berlin');
    expect(new Date(read('2024-03-31 02:30')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(new Date(read('2024-10-27 02:30')).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(tzOffset('Europe/Berlin', new Date('2024-10-27T00:30:00Z'))).toBe(120);
  });
});

describe('amount shortcut', () => {
  const decimalText = fc.oneof(
    fc.stringMatching(/^\d{1,18}$/),
    fc.stringMatching(/^-?\d{1,17}(\.\d{1,5})?$/),
    fc.constantFrom('0', '00', '007', '9007199254740991', '900719925474099', '90071992547409', '-0', ''),
  );
  test.prop([decimalText, fc.constantFrom('USD', 'JPY', 'BHD', 'CLF', 'EUR')])(
    'whole amounts convert as the general way converts them',
    (decimal, currency) => {
      expect(decimalToMinorUnits(decimal, currency)).toEqual(decimalToMinorUnits(decimal, currency, false));
    },
  );
});

describe('remembered texts', () => {
  const context: StepContext = {
    mapping: { id: 'test', columns: {} } as StepContext['mapping'],
    isMissing: createMissingValueTest(),
    onOtherwise: () => undefined,
  };
  const anyField = { path: 'value', kind: 'any' as const, check: () => undefined };
  const text = fc.oneof(
    fc.constantFrom('United Kingdom', 'UK', 'Narnia', 'Congo', 'https://www.acme.com/', 'CTO', 'VP Sales', 'Computer Software', '', ' - '),
    fc.string({ maxLength: 10 }),
  );
  test.prop([fc.array(text, { maxLength: 30 }), fc.constantFrom('country', 'domain', 'seniority', 'slug')])(
    'a step that remembers gives what a fresh step gives',
    (texts, step) => {
      const shared = compilePipeline([step as 'country'], anyField, context);
      for (const value of texts)
        expect(shared(value, { read: () => undefined })).toEqual(compilePipeline([step as 'country'], anyField, context)(value, { read: () => undefined }));
    },
  );
});

describe('whole imports with and without the shortcuts', () => {
  /** The import modules loaded again with every shortcut turned off. */
  async function generalModules() {
    vi.resetModules();
    vi.doMock('./date-reader.ts', async (importOriginal) => {
      const original = await importOriginal<typeof import('./date-reader.ts')>();
      return { ...original, compileDateReader: (formats: readonly string[], timeZone: string) => original.compileDateReader(formats, timeZone, false) };
    });
    vi.doMock('./number-text.ts', async (importOriginal) => {
      const original = await importOriginal<typeof import('./number-text.ts')>();
      return { ...original, decimalToMinorUnits: (decimal: string, currency: string) => original.decimalToMinorUnits(decimal, currency, false) };
    });
    const modules = { csv: await import('./read-csv.ts'), presets: await import('./presets/hubspot.ts'), collect: await import('./import-records.ts') };
    vi.doUnmock('./date-reader.ts');
    vi.doUnmock('./number-text.ts');
    vi.resetModules();
    return modules;
  }

  const header = [
    'Record ID',
    'First Name',
    'Email',
    'Job Title',
    'Company Name',
    'Number of Employees',
    'Annual Revenue',
    'Country/Region',
    'Lifecycle Stage',
    'Create Date',
    'Last Modified Date',
    'Became a Lead Date',
    'Became a Customer Date',
    'Number of Pageviews',
    'Time First Seen',
    'Time Last Seen',
    'Marketing emails opened',
    'Last marketing email open date',
    'Favorite Color',
  ];
  const missing = fc.constantFrom('', '-', 'N/A', 'Select', ' n/a ', 'null');
  // Mostly values of the column's kind (so most rows become leads and their values are compared), now and then a
  // missing marker or junk.
  const column = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.oneof({ arbitrary: valid, weight: 60 }, { arbitrary: missing, weight: 6 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
  const dateText = column(
    fc.oneof(
      { arbitrary: nearChange, weight: 12 },
      { arbitrary: fieldText.map(({ text }) => text), weight: 1 },
      {
        arbitrary: fc.constantFrom('2024-02-31 10:00', '2024-05-01 09:30', '0042-05-01 09:30', '5/1/2024 9:30 AM', '2024-05-01T09:30:00Z', '1714555800000'),
        weight: 1,
      },
    ),
  );
  const text = (...values: string[]) => column(fc.constantFrom(...values));
  const money = column(
    fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.stringMatching(/^\d{1,13}\.\d{1,3}$/), fc.constantFrom('1,200,000', '$1,200.50', '-5', '1.2E+07', '0')),
  );
  const count = column(fc.integer({ min: 0, max: 30 }).map(String));
  const rowCells = fc.tuple(
    text('Ada', 'Grace'),
    text('CTO', 'VP Engineering', 'Student'),
    count,
    money,
    text('United Kingdom', 'USA', 'Germany', 'Narnia'),
    text('Lead', 'Marketing Qualified Lead', 'customer', 'Opportunity'),
    dateText,
    dateText,
    dateText,
    dateText,
    count,
    dateText,
    dateText,
    count,
    dateText,
    fc.string({ maxLength: 8 }),
  );
  const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const csvOf = (rows: readonly (readonly string[])[]): string =>
    [header, ...rows.map((cells, index) => [String(index + 1), cells[0], `lead${index}@acme.com`, cells[1], 'Acme', ...cells.slice(2)] as string[])]
      .map((row) => row.map(quote).join(','))
      .join('\r\n');

  test.prop([fc.array(rowCells, { minLength: 1, maxLength: 15 }), fc.constantFrom(...zones)], {
    numRuns: 60,
  })('give the same leads, problems and summary', async (rows, timeZone) => {
    const fast = { csv: await import('./read-csv.ts'), presets: await import('./presets/hubspot.ts'), collect: await import('./import-records.ts') };
    const general = await generalModules();
    expect(general.csv.importCsv).not.toBe(fast.csv.importCsv);
    const text = csvOf(rows);
    const run = async (modules: typeof fast) =>
      modules.collect.collectImport(modules.csv.importCsv(modules.presets.hubspotContacts({ timeZone, currency: 'USD' }), text));
    expect(await run(fast)).toEqual(await run(general));
  });
});
