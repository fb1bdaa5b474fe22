/**
 * Every internal link of the built site (docs/.vitepress/dist, from `npm run docs:site`) leads somewhere: each
 * `href` and `src` under the site's base names a file that exists, and each `#fragment` an element id of that page.
 * VitePress checks the links written in markdown; this checks what was built (the API reference, the theme, the
 * generated tables). `npm run check:site-links`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'docs', '.vitepress', 'dist');
const base = '/leadkit/';
if (!existsSync(dist)) {
  console.error('no built site: run `npm run docs:site` first');
  process.exit(1);
}

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let found = ids.get(file);
  if (found === undefined) {
    found = new Set(Array.from(readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g), (match) => decodeURIComponent(match[1] ?? '')));
    ids.set(file, found);
  }
  return found;
}

/** The file a site path names, as the static host serves it (`/leadkit/api/` → api/index.html). */
function target(path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  if (existsSync(`${file}.html`)) return `${file}.html`;
  return undefined;
}

const problems: string[] = [];
let checked = 0;
for (const page of pages) {
  const file = join(dist, page);
  // Code blocks may show markup; links are in the rest.
  const html = readFileSync(file, 'utf8').replace(/<pre[\s\S]*?<\/pre>/g, '');
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const link = (match[1] ?? '').replace(/&amp;/g, '&');
    if (link === '' || /^(?:[a-z]+:|\/\/)/i.test(link)) continue;
    const url = new URL(link, `http://site${base}${page}`);
    if (!url.pathname.startsWith(base)) {
      problems.push(`${page}: ${link} leaves the site's base ${base}`);
      continue;
    }
    checked++;
    const found = target(url.pathname);
    if (found === undefined) problems.push(`${page}: ${link} (no such file)`);
    else if (url.hash.length > 1 && found.endsWith('.html') && !idsOf(found).has(decodeURIComponent(url.hash.slice(1))))
      problems.push(`${page}: ${link} (no such anchor)`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} broken link(s) of ${checked} in ${pages.length} pages`);
  process.exit(1);
}
console.log(`${checked} internal links in ${pages.length} pages lead somewhere`);
