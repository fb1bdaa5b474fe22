import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.test(-d|-prop)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(root).map((path) => ({ path: path.slice(root.length), text: readFileSync(path, 'utf8') }));

describe('the library runs under a strict CSP and on edge runtimes', () => {
  it('has library sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never evaluates code from strings', () => {
    const offenders = files.filter((file) => /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(file.text)).map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('imports no Node.js built-in module', () => {
    const offenders = files.filter((file) => /from\s+['"](node:|fs['"]|path['"]|crypto['"]|os['"])/.test(file.text)).map((file) => file.path);
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

  it('imports only zod, date-fns and (in leadkit/testing) fast-check at run time', () => {
    const allowed = new Set(['zod/v4', 'zod', 'date-fns']);
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of file.text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
        const specifier = match[1] as string;
        if (specifier.startsWith('.')) continue;
        if (specifier.startsWith('date-fns/')) continue;
        if (specifier === 'fast-check' && file.path.startsWith('testing/')) continue;
        if (!allowed.has(specifier)) offenders.push(`${file.path}: ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
