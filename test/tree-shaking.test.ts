/**
 * A user who imports only part of leadkit must not pay for the rest: bundle small entry programs with esbuild
 * (tree shaking and minification on, zod and date-fns external as in a real app) and check what ends up inside.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['zod', 'zod/*', 'date-fns', 'date-fns/*', 'fast-check'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('tree shaking', () => {
  it('importing only BANT and evaluateAssessment leaves out the predictive trainer, the funnel and the other frameworks', async () => {
    const code = await bundle(
      `import { bantFramework, evaluateAssessment } from './src/index.ts'; console.log(evaluateAssessment(bantFramework, { frameworkId: 'bant', criteria: {} }, { asOf: new Date(0) }));`,
    );
    expect(code.includes('What budget has been allocated')).toBe(true);
    expect(code.includes('What results do you need to show')).toBe(false); // MEDDIC
    expect(code.includes('l2 must be a positive finite number')).toBe(false); // logistic regression trainer
    expect(code.includes('stateDiagram')).toBe(false); // funnel diagrams
    expect(code.length).toBeLessThan(60_000);
  });

  it('importing the models does not pull in scoring, frameworks, funnel, metrics or predict', async () => {
    const all = await bundle(`import * as leadkit from './src/index.ts'; console.log(leadkit);`);
    const models = await bundle(`import { parseLead } from './src/models/index.ts'; console.log(parseLead);`);
    // The markers the other tests look for are really in the full bundle, so their absence means something.
    for (const marker of ['stateDiagram', 'What results do you need to show', 'What budget has been allocated', 'l2 must be a positive finite number']) {
      expect(all.includes(marker), marker).toBe(true);
      expect(models.includes(marker), marker).toBe(false);
    }
    expect(models.length).toBeLessThan(all.length / 4);
  });
});

describe('built core entries', () => {
  const dist = `${root}dist`;
  const core = ['models', 'conditions', 'icp', 'scoring', 'frameworks', 'funnel', 'metrics', 'predict'];
  const edgeDependencies =
    /from\s*['"](papaparse|date-fns|@date-fns\/tz|i18n-iso-countries|csv-parse)(\/[^'"]*)?['"]|require\(\s*['"](papaparse|date-fns|@date-fns\/tz|i18n-iso-countries|csv-parse)|['"]node:/;

  /** Every file an entry loads, following its relative imports (the shared chunks). */
  function filesOf(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s*|import\s*\(?\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) visit(join(dirname(file), match[1] as string));
    };
    visit(join(dist, entry));
    return [...seen];
  }

  it.runIf(existsSync(`${dist}/models/index.js`))('import none of the edge entry’s dependencies, in ESM and CommonJS (runs after npm run build)', () => {
    for (const name of core)
      for (const format of ['index.js', 'index.cjs'])
        for (const file of filesOf(`${name}/${format}`))
          expect(edgeDependencies.test(readFileSync(file, 'utf8')), `${name}/${format} loads ${file}`).toBe(false);
    // The check can fail: the import entry does load them.
    expect(filesOf('import/index.js').some((file) => edgeDependencies.test(readFileSync(file, 'utf8')))).toBe(true);
  });

  it.runIf(existsSync(`${dist}/models/index.js`))(
    'no library entry (core or edge, ESM or CommonJS) loads the command’s dependencies or its code (runs after npm run build)',
    () => {
      const commandDependencies = /from\s*['"]commander['"]|require\(\s*['"]commander['"]|cli\/index\.js/;
      const entries = readdirSync(`${root}src`, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(`${root}src/${entry.name}/index.ts`) && entry.name !== 'internal')
        .map((entry) => entry.name);
      expect(entries).toContain('import');
      expect(entries).not.toContain('cli');
      for (const name of ['index', ...entries.map((entry) => `${entry}/index`)])
        for (const format of ['js', 'cjs'])
          for (const file of filesOf(`${name}.${format}`))
            expect(commandDependencies.test(readFileSync(file, 'utf8')), `${name}.${format} loads ${file}`).toBe(false);
      // The check can fail: the command's build does import commander.
      expect(commandDependencies.test(readFileSync(`${dist}/cli/index.js`, 'utf8'))).toBe(true);
    },
  );

  it('leadkit/import bundles for the browser without Node APIs', async () => {
    const code = await build({
      stdin: {
        contents: `import { importCsv, hubspotContacts, collectImport } from './src/import/index.ts'; console.log(importCsv, hubspotContacts, collectImport);`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external: ['zod', 'zod/*'],
      logLevel: 'silent',
    });
    const text = code.outputFiles[0]?.text ?? '';
    expect(text.includes('node:fs')).toBe(false);
    expect(text.includes('Original Source Drill-Down 1')).toBe(true);
  });
});
