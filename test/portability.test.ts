import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.test(-d|-prop|-helpers|-fixtures)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

const allFiles = sourceFiles(root).map((path) => ({ path: path.slice(root.length), text: readFileSync(path, 'utf8') }));
// The `leadkit` command (src/cli/) is not part of the library: a Node program of its own build (checked below).
const files = allFiles.filter((file) => !file.path.startsWith('cli/'));
const commandFiles = allFiles.filter((file) => file.path.startsWith('cli/'));

describe('the library runs under a strict CSP and on edge runtimes', () => {
  it('has library sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never evaluates code from strings', () => {
    const offenders = files.filter((file) => /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(file.text)).map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('imports no Node.js built-in module (but in leadkit/import-node, the file reader for Node)', () => {
    const offenders = files
      .filter((file) => !file.path.startsWith('import-node/') && /from\s+['"](node:|fs['"]|path['"]|crypto['"]|os['"])/.test(file.text))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('never reads the clock implicitly', () => {
    const offenders = files.filter((file) => /Date\.now\(\)|new Date\(\)|performance\.now\(\)/.test(file.text)).map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('touches no global zod configuration or registry', () => {
    const offenders = files.filter((file) => /z\.config\(|globalRegistry|\.meta\(\s*\{\s*id:/.test(file.text)).map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('imports only zod, date-fns, (in leadkit/testing) fast-check and (in the import entries) their parsers at run time', () => {
    const allowed = new Set(['zod/v4', 'zod', 'date-fns']);
    // The edge entry leadkit/import: CSV, time zones, and the country list (JSON bundled at build time).
    const importEntry = new Set(['papaparse', '@date-fns/tz', 'i18n-iso-countries/langs/en.json', 'i18n-iso-countries/codes.json']);
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of file.text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
        const specifier = match[1] as string;
        if (specifier.startsWith('.')) continue;
        if (specifier.startsWith('date-fns/')) continue;
        if (specifier === 'fast-check' && file.path.startsWith('testing/')) continue;
        if (importEntry.has(specifier) && file.path.startsWith('import/')) continue;
        if (specifier === 'node:fs' && file.path.startsWith('import-node/')) continue;
        if (!allowed.has(specifier)) offenders.push(`${file.path}: ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the leadkit command (src/cli/, its own Node build)', () => {
  it('has sources to check', () => {
    expect(commandFiles.map((file) => file.path)).toContain('cli/main.ts');
  });

  it('never evaluates code from strings', () => {
    expect(commandFiles.filter((file) => /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('reads the clock only in its entry, main.ts (the default of --as-of, and the progress line’s timer)', () => {
    const readers = commandFiles.filter((file) => /Date\.now\(\)|new Date\(\)|performance\.now\(\)/.test(file.text)).map((file) => file.path);
    expect(readers).toEqual(['cli/main.ts']);
  });

  it('imports only Node built-ins, commander and leadkit’s own sources at run time', () => {
    const offenders: string[] = [];
    for (const file of commandFiles)
      for (const match of file.text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
        const specifier = match[1] as string;
        if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier === 'commander') continue;
        offenders.push(`${file.path}: ${specifier}`);
      }
    expect(offenders).toEqual([]);
  });
});
