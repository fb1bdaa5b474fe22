/**
 * `leadkit/<entry>` → `src/<entry>/index.ts`: the site's playground (and its tests) run leadkit from its sources.
 * Used by the site's Vite config and by vitest.config.ts; tsconfig.json's `paths` say the same to TypeScript.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const entries = readdirSync(src, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'internal' && readdirSync(`${src}${entry.name}`).includes('index.ts'))
  .map((entry) => entry.name);

/** Vite/vitest `resolve.alias` entries. */
export const leadkitAlias: { find: string | RegExp; replacement: string }[] = [
  ...entries.map((entry) => ({ find: `leadkit/${entry}`, replacement: `${src}${entry}/index.ts` })),
  { find: /^leadkit$/, replacement: `${src}index.ts` },
];
