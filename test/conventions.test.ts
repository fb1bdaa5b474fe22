/**
 * The conventions of CONTRIBUTING.md, checked on the real exports: every entry point is listed in package.json and
 * typedoc, names follow one scheme (define/parse/compile, *Issues, American spelling, specific names from the root
 * entry), and no one-off forms come back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const entryFolders = readdirSync(`${root}src`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'internal' && existsSync(`${root}src/${entry.name}/index.ts`))
  .map((entry) => entry.name)
  .sort();
const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: { '*': Record<string, string[]> };
};
const typedoc = JSON.parse(readFileSync(`${root}typedoc.json`, 'utf8')) as { entryPoints: string[] };

async function exportsOf(folder: string): Promise<string[]> {
  return Object.keys((await import(`../src/${folder}/index.ts`)) as Record<string, unknown>);
}

describe('entry points', () => {
  it('every src folder with an index.ts is in package.json exports, typesVersions and typedoc, and nothing else is', () => {
    const exported = Object.keys(packageJson.exports)
      .filter((key) => key !== '.' && key !== './package.json' && !key.includes('*'))
      .map((key) => key.slice(2))
      .sort();
    expect(exported).toEqual(entryFolders);
    expect(Object.keys(packageJson.typesVersions['*']).sort()).toEqual(entryFolders);
    expect(typedoc.entryPoints.map((path) => path.replace(/^src\/|\/index\.ts$/g, '')).sort()).toEqual(entryFolders);
    for (const folder of entryFolders)
      expect(packageJson.exports[`./${folder}`]).toEqual({
        import: { types: `./dist/${folder}/index.d.ts`, default: `./dist/${folder}/index.js` },
        require: { types: `./dist/${folder}/index.d.cts`, default: `./dist/${folder}/index.cjs` },
      });
  });

  it('the root entry re-exports every entry but testing, and the edge entries (import, import-node, sql) are not in it', async () => {
    const source = readFileSync(`${root}src/index.ts`, 'utf8');
    const reexported = [...source.matchAll(/export \* from '\.\/(\w+)\/index\.ts'/g)].map((match) => match[1]).sort();
    expect(reexported).toEqual(entryFolders.filter((folder) => !['testing', 'import', 'import-node', 'sql', 'cli'].includes(folder)));
    const rootNames = new Set(Object.keys(await import('../src/index.ts')));
    for (const folder of reexported) for (const name of await exportsOf(folder as string)) expect(rootNames.has(name), `${folder}: ${name}`).toBe(true);
  });
});

describe('export names', () => {
  it('follow the naming rules', async () => {
    const problems: string[] = [];
    for (const folder of entryFolders) {
      const names = await exportsOf(folder);
      const has = new Set(names);
      for (const name of names) {
        if (/^safe[A-Z]/.test(name)) problems.push(`${folder}: ${name}: no safe* forms (parseX returns a Result)`);
        if (/OrThrow$/.test(name)) problems.push(`${folder}: ${name}: no *OrThrow forms (defineX throws)`);
        if (/Problems$/.test(name)) problems.push(`${folder}: ${name}: lists of problems are *Issues`);
        if (/normalis|behaviour|organis|colour|favour|catalogue|licence/i.test(name)) problems.push(`${folder}: ${name}: American spelling`);
        if (['evaluate', 'train', 'createRegistry', 'compile', 'parse', 'define', 'score', 'match'].includes(name))
          problems.push(`${folder}: ${name}: too generic for the root entry`);
        const define = /^define([A-Z]\w*)$/.exec(name);
        if (define !== null && !has.has(`parse${define[1]}`) && !['Scale', 'FunnelGuard'].includes(define[1] as string))
          problems.push(`${folder}: ${name} has no parse${define[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every stored definition and document has its parse function', async () => {
    const all = new Set<string>();
    for (const folder of entryFolders) for (const name of await exportsOf(folder)) all.add(name);
    for (const name of [
      'parseLead',
      'parseProspect',
      'parseCondition',
      'parseIcp',
      'parseScoringModel',
      'parseFramework',
      'parseAssessment',
      'parseFunnel',
      'parseSegment',
      'parseFeatureSpec',
      'parsePredictiveModel',
    ])
      expect(all.has(name), name).toBe(true);
  });
});
