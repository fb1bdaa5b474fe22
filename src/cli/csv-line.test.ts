import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-line.ts';

describe('csvLine', () => {
  it('quotes separators, quotes and line breaks, and reads back as the same cells', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 12.5, true];
    const line = csvLine(cells);
    expect(line.endsWith('\n')).toBe(true);
    expect(Papa.parse<string[]>(line.trimEnd()).data[0]).toEqual(['plain', 'a,b', 'say "hi"', 'two\nlines', '12.5', 'true']);
  });

  it('escapes text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@a', -3])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@a,-3\n`);
  });
});
