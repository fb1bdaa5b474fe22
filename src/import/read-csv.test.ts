import { describe, expect, it } from 'vitest';
import { compileMapping } from './compile-mapping.ts';
import { collectImport } from './import-records.ts';
import { defineMapping } from './parse-mapping.ts';
import { importCsv, readCsv, type CsvSource, type ReadCsvOptions } from './read-csv.ts';

async function rows(source: CsvSource, options: ReadCsvOptions = {}): Promise<string[][]> {
  const out: string[][] = [];
  for await (const cells of readCsv(source, options)) out.push(cells);
  return out;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readCsv', () => {
  it('reads quotes, separators and line breaks inside quotes, CRLF and a BOM', async () => {
    const text = '\ufeffName,Note,City\r\n"Lovelace, Ada","said ""hi""\r\nthen left",London\r\nTuring,,Manchester\r\n';
    expect(await rows(text)).toEqual([
      ['Name', 'Note', 'City'],
      ['Lovelace, Ada', 'said "hi"\r\nthen left', 'London'],
      ['Turing', '', 'Manchester'],
    ]);
    expect(await rows(bytes(text))).toEqual(await rows(text));
  });

  it('detects ; and tab separators, and LF line ends', async () => {
    expect(await rows('a;b\n"1;2";3\n')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(await rows('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same rows whatever the chunk boundaries, even inside quotes and multi-byte characters', async () => {
    const text = 'id,name,note\r\n1,"Zoë ""Z"" Müller","a,\r\nb"\r\n2,Łukasz,"€ 12"\r\n3,"",\r\n';
    const whole = await rows(text);
    const encoded = bytes(text);
    for (const size of [1, 2, 3, 5, 7, 16]) {
      const chunks: Uint8Array[] = [];
      for (let start = 0; start < encoded.length; start += size) chunks.push(encoded.slice(start, start + size));
      expect(await rows(chunks, { chunkSize: size }), `chunks of ${size} bytes`).toEqual(whole);
      expect(await rows(text, { chunkSize: size }), `text in chunks of ${size}`).toEqual(whole);
    }
  });

  it('refuses bytes that are not UTF-8, and reads them with the stated encoding', async () => {
    const latin1 = Uint8Array.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]); // "Name\nMüller\n" in windows-1252
    await expect(rows(latin1)).rejects.toMatchObject({ issues: [{ code: 'invalid_encoding' }] });
    expect(await rows(latin1, { encoding: 'windows-1252' })).toEqual([['Name'], ['Müller']]);
  });
});

describe('importCsv', () => {
  const mapping = defineMapping({
    id: 'csv',
    columns: { Id: 'id', Email: 'contact.email', Employees: 'company.employeeCount', Company: 'company.name' },
    defaults: { source: 'other' },
  });

  it('refuses a row with too many or too few cells, naming the row', async () => {
    const { leads, rejected } = await collectImport(importCsv(mapping, 'Id,Email,Company\n1,a@b.co,Acme\n2,b@b.co\n3,c@b.co,Acme,extra\n4,d@b.co,Acme\n'));
    expect(leads.map((lead) => lead.id)).toEqual(['1', '4']);
    expect(rejected.map((row) => [row.row, row.issues[0]?.code, row.issues[0]?.pathText])).toEqual([
      [2, 'too_few_cells', 'row 2'],
      [3, 'too_many_cells', 'row 3'],
    ]);
    expect(rejected[0]?.issues[0]?.message).toBe('has 2 cells but the header has 3 columns (a missing or extra separator, or an unclosed quote)');
  });

  it('reports a wrong encoding as a row problem and in the summary, without throwing', async () => {
    const run = importCsv(mapping, [bytes('Id,Email\n1,a@b.co\n'), Uint8Array.from([0x32, 0x2c, 0xff, 0x0a])]);
    const { leads, rejected, summary } = await collectImport(run);
    expect(leads).toHaveLength(1);
    expect(rejected[0]?.issues[0]?.code).toBe('invalid_encoding');
    expect(summary.fileIssues[0]?.message).toMatch(/is not utf-8 text/);
  });

  it('renames a repeated header and says so', async () => {
    const { summary, leads } = await collectImport(importCsv(mapping, 'Id,Note,Note\n1,a,b\n'));
    expect(leads[0]?.customFields).toEqual({ Note: 'a', 'Note (2)': 'b' });
    expect(summary.fileIssues[0]?.code).toBe('duplicate_column');
  });

  it('gives a row problem for a number with two decimal separators, in its column', async () => {
    const { rejected } = await collectImport(importCsv(mapping, 'Id,Employees,Company\n1,1.2.3,Acme\n'));
    expect(rejected[0]?.issues[0]).toMatchObject({ row: 1, column: 'Employees', value: '"1.2.3"' });
  });
});

describe('readCsv sources and line ends', () => {
  const expected = [
    ['Name', 'City'],
    ['Zoë', 'Köln'],
  ];

  it('reads text chunks, skipping a byte-order mark at the start only', async () => {
    expect(await rows(['\ufeffName,Ci', 'ty\nZoë,Köln\n'])).toEqual(expected);
    expect(await rows(['Name,City\n', '\ufeffZoë,Köln\n'])).toEqual([
      ['Name', 'City'],
      ['\ufeffZoë', 'Köln'],
    ]);
  });

  it('reads an ArrayBuffer, an async iterable and a ReadableStream of bytes or text', async () => {
    const encoded = bytes('Name,City\r\nZoë,Köln\r\n');
    expect(await rows(encoded.slice().buffer)).toEqual(expected);
    async function* chunks() {
      yield encoded.slice(0, 13); // cuts the ë in two
      yield encoded.slice(13);
    }
    expect(await rows(chunks())).toEqual(expected);
    const stream = new ReadableStream<Uint8Array | string>({
      start(controller) {
        controller.enqueue('\ufeffName,City\n');
        controller.enqueue(bytes('Zoë,Köln\n'));
        controller.close();
      },
    });
    expect(await rows(stream)).toEqual(expected);
  });

  it('reads CR line ends, and a stated delimiter over the one the header uses most', async () => {
    expect(await rows('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(await rows('a;b;c,d\n1;2;3,4\n', { delimiter: ',' })).toEqual([
      ['a;b;c', 'd'],
      ['1;2;3', '4'],
    ]);
    expect(await rows('a|b\n1|2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the rows read before bytes that are not UTF-8, even when the first line came in pieces', async () => {
    const read: string[][] = [];
    const source = [bytes('Id,Em'), bytes('ail\n1,a@b.co\n'), Uint8Array.from([0xff, 0x0a])];
    await expect(
      (async () => {
        for await (const cells of readCsv(source)) read.push(cells);
      })(),
    ).rejects.toMatchObject({ issues: [{ code: 'invalid_encoding', path: [3] }] });
    expect(read).toEqual([
      ['Id', 'Email'],
      ['1', 'a@b.co'],
    ]);
  });

  it('refuses a file that ends inside a multi-byte character', async () => {
    await expect(rows([bytes('a\n'), Uint8Array.from([0xc3])])).rejects.toMatchObject({ issues: [{ code: 'invalid_encoding' }] });
  });

  it('lets an error of the source that is not about encoding through as it is', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n1,2\n';
      throw new Error('disk gone');
    }
    await expect(rows(failing())).rejects.toThrow('disk gone');
    const mapping = defineMapping({ id: 'csv', columns: { a: 'id' }, defaults: { source: 'other' } });
    await expect(collectImport(importCsv(mapping, failing()))).rejects.toThrow('disk gone');
  });

  it('lets a TypeError of the source through as it is, not as an encoding problem', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield bytes('a,b\n1,2\n');
      throw new TypeError('stream was cancelled');
    }
    const error = await rows(failing()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('stream was cancelled');
  });
});

describe('importCsv with a compiled mapping', () => {
  it('uses the compiled mapping as it is', async () => {
    const compiled = compileMapping(defineMapping({ id: 'compiled', columns: { Id: 'id', Email: 'contact.email' }, defaults: { source: 'other' } }));
    const { leads, summary } = await collectImport(importCsv(compiled, 'Id;Email\r\n9;z@b.co\r\n'));
    expect(leads.map((lead) => [lead.id, lead.contact.email, lead.source])).toEqual([['9', 'z@b.co', 'other']]);
    expect(summary).toMatchObject({ rowsRead: 1, imported: 1, rejected: 0 });
  });
});
