import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectImport } from '../import/import-records.ts';
import { defineMapping } from '../import/parse-mapping.ts';
import { importCsvFile, readCsvFile } from './read-csv-file.ts';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadkit-read-csv-file-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rows(path: string, options: Parameters<typeof readCsvFile>[1] = {}): Promise<string[][]> {
  const out: string[][] = [];
  for await (const cells of readCsvFile(path, options)) out.push(cells);
  return out;
}

describe('readCsvFile', () => {
  it('reads a file from disk into rows, the header first, with quotes and CRLF', async () => {
    const path = file('people.csv', '\ufeffName,Note\r\n"Lovelace, Ada","said ""hi"""\r\nTuring,\r\n');
    expect(await rows(path)).toEqual([
      ['Name', 'Note'],
      ['Lovelace, Ada', 'said "hi"'],
      ['Turing', ''],
    ]);
  });

  it('passes its options on: the stated delimiter and encoding', async () => {
    const path = file('latin1.csv', Uint8Array.from([0x61, 0x3b, 0x62, 0x0a, 0x4d, 0xfc, 0x3b, 0x32, 0x0a])); // "a;b\nMü;2\n" in windows-1252
    expect(await rows(path, { delimiter: ';', encoding: 'windows-1252' })).toEqual([
      ['a', 'b'],
      ['Mü', '2'],
    ]);
    await expect(rows(path)).rejects.toMatchObject({ issues: [{ code: 'invalid_encoding' }] });
  });

  it('gives the same rows for a file larger than one 64 KiB read, with a multi-byte character on every line', async () => {
    const lines = ['id,name'];
    for (let index = 0; index < 5000; index += 1) lines.push(`${index},"Zoë ${index}, Müller"`);
    const path = file('large.csv', `${lines.join('\n')}\n`);
    const read = await rows(path);
    expect(read).toHaveLength(5001);
    expect(read[0]).toEqual(['id', 'name']);
    expect(read[4321]).toEqual(['4320', 'Zoë 4320, Müller']);
    expect(read[5000]).toEqual(['4999', 'Zoë 4999, Müller']);
  });

  it('lets the file system error of a missing file through as it is', async () => {
    await expect(rows(join(dir, 'no-such-file.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('importCsvFile', () => {
  const mapping = defineMapping({
    id: 'csv-file',
    columns: { Id: 'id', Email: 'contact.email', Company: 'company.name' },
    defaults: { source: 'other' },
  });

  it('imports the rows of a file with a mapping, refusing a row with too few cells', async () => {
    const path = file('leads.csv', 'Id,Email,Company\n1,a@b.co,Acme\n2,b@b.co\n3,c@b.co,Globex\n');
    const { leads, rejected, summary } = await collectImport(importCsvFile(mapping, path));
    expect(leads.map((lead) => [lead.id, lead.contact?.email, lead.company?.name])).toEqual([
      ['1', 'a@b.co', 'Acme'],
      ['3', 'c@b.co', 'Globex'],
    ]);
    expect(rejected.map((row) => [row.row, row.issues[0]?.code])).toEqual([[2, 'too_few_cells']]);
    expect(summary.rowsRead).toBe(3);
  });

  it('passes the delimiter option on to the reader', async () => {
    const path = file('pipe.csv', 'Id|Email|Company\n7|g@b.co|Initech\n');
    const { leads } = await collectImport(importCsvFile(mapping, path, { delimiter: '|' }));
    expect(leads.map((lead) => [lead.id, lead.contact?.email, lead.company?.name])).toEqual([['7', 'g@b.co', 'Initech']]);
  });
});
