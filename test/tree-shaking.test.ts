/**
 * A user who imports only part of leadkit must not pay for the rest: bundle small entry programs with esbuild
 * (tree shaking and minification on, zod and date-fns external as in a real app) and check what ends up inside.
 */
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
  it('importing only BANT and evaluate leaves out the predictive trainer, the funnel and the other frameworks', async () => {
    const code = await bundle(`import { bantFramework, evaluate } from './src/index.ts'; console.log(evaluate(bantFramework, { frameworkId: 'bant', criteria: {} }, { asOf: new Date(0) }));`);
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
