/**
 * The playground's JavaScript by part, minified and gzipped, as reported in bench/RESULTS.md: leadkit (the parts the
 * playground uses), zod (what leadkit pulls in), the editor (CodeMirror 6 with the JSON mode, lint and completion),
 * Mermaid (loaded only when a diagram is drawn) and the sample leads. Each part is bundled alone by esbuild for the
 * browser, the others left out. `npx tsx scripts/playground-size.ts`
 */
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { leadkitAlias } from '../docs/.vitepress/leadkit-alias.ts';

const root = new URL('..', import.meta.url).pathname;
const alias: Plugin = {
  name: 'leadkit-alias',
  setup(plugin) {
    for (const { find, replacement } of leadkitAlias) {
      const filter = typeof find === 'string' ? new RegExp(`^${find.replace('/', '\\/')}$`) : find;
      plugin.onResolve({ filter }, () => ({ path: replacement }));
    }
  },
};

async function size(contents: string, external: string[]): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    plugins: [alias],
    logLevel: 'error',
  });
  const code = result.outputFiles.map((file) => file.contents);
  const bytes = Buffer.concat(code);
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

const logic = ['defaults', 'scoring-run', 'qualification-run', 'funnel-run', 'url-state']
  .map((name) => `export * from './docs/.vitepress/playground/${name}.ts';`)
  .join('\n');
const withZod = await size(logic, []);
const leadkitOnly = await size(logic, ['zod', 'zod/*']);
const editor = await size(`export * from './docs/.vitepress/theme/playground/json-editor.ts';`, []);
const mermaid = await size(`export { default } from 'mermaid';`, []);
const sample = await size(`export { default } from './examples/data/sample-leads.json';`, []);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const rows: [string, { minified: number; gzipped: number }][] = [
  ['leadkit (scoring, frameworks, funnel, models, conditions as used)', leadkitOnly],
  ['zod 4 (as leadkit uses it)', { minified: withZod.minified - leadkitOnly.minified, gzipped: withZod.gzipped - leadkitOnly.gzipped }],
  ['leadkit + zod together', withZod],
  ['editor: CodeMirror 6 (basic setup, JSON, lint, schema completion)', editor],
  ['Mermaid 11 (loaded on first diagram)', mermaid],
  ['sample leads (400, JSON)', sample],
];
console.log('| part | minified | gzipped |\n|---|---:|---:|');
for (const [name, measured] of rows) console.log(`| ${name} | ${kb(measured.minified)} | ${kb(measured.gzipped)} |`);
