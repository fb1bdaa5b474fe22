/**
 * Importing a HubSpot contacts export with the `hubspotContacts` preset: `importCsvFile` reads a generated CSV file
 * (seeded, written to a temporary file, never committed) and imports every row. One child process per size, so each
 * peak RSS is that size's own; memory should stay flat as the rows grow. Prints
 * `BENCH import-csv rows=<n> rows_per_s=<n> peak_rss_mb=<m>`. There is no baseline to compare with here (the
 * issue's baseline is the 84–123 lines of glue every team writes), so no ratio.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/internal/random.ts';

const header = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Job Title',
  'Company Name',
  'Website URL',
  'Industry',
  'Number of Employees',
  'Annual Revenue',
  'Country/Region',
  'State/Region',
  'City',
  'Lifecycle Stage',
  'Lead Status',
  'Original Source',
  'Original Source Drill-Down 1',
  'Create Date',
  'Last Modified Date',
  'Contact owner',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
  'Number of Pageviews',
  'Time First Seen',
  'Time Last Seen',
  'Last Page Seen',
  'Marketing emails opened',
  'Last marketing email open date',
  'Number of Form Submissions',
  'First Conversion Date',
  'Recent Conversion Date',
  'Unsubscribed from all email',
  'Favorite Color',
];
const firstNames = ['Ada', 'Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Radia', 'John', 'Frances', 'Linus', 'Margaret'];
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Perlman', 'Backus', 'Allen', 'Torvalds', 'Hamilton'];
const titles = [
  'CTO',
  'VP Engineering',
  'Head of Data',
  'Marketing Manager',
  'Software Engineer',
  'Director of IT',
  'Owner',
  'Senior Analyst',
  'Student',
  'Chief Revenue Officer',
];
const industries = ['Computer Software', 'Information Technology and Services', 'Financial Services', 'Hospital & Health Care', 'Retail', 'Publishing'];
const countries = ['United States', 'United Kingdom', 'Germany', 'France', 'Canada', 'Netherlands', 'USA', 'UK', 'Brazil', 'India'];
const sources = ['Organic Search', 'Paid Search', 'Referrals', 'Email Marketing', 'Organic Social', 'Direct Traffic', 'Offline Sources', 'Paid Social'];
const stages = ['Subscriber', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer'];
const statuses = ['New', 'Open', 'In Progress', 'Connected', 'Attempted to Contact', ''];

const pad = (value: number): string => String(value).padStart(2, '0');
const wallClock = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
};
const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Writes `rows` seeded HubSpot export rows (labels, CRLF, wall-clock dates) to `path`. */
export async function generate(path: string, rows: number): Promise<void> {
  const random = createRandom(42).next;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(`\ufeff${header.map(quote).join(',')}\r\n`);
  const start = Date.UTC(2022, 0, 1);
  let buffer = '';
  for (let index = 0; index < rows; index++) {
    const created = start + Math.floor(random() * 800) * 86_400_000 + Math.floor(random() * 86_400) * 1000;
    const stage = Math.floor(random() * stages.length);
    const step = (n: number): string => (stage >= n ? wallClock(created + n * 9 * 86_400_000) : '');
    const first = pick(firstNames);
    const last = pick(lastNames);
    const company = `${pick(lastNames)} ${pick(['Cloud', 'Data', 'Labs', 'Systems', 'Works'])}`;
    const views = Math.floor(random() * 40);
    const opens = Math.floor(random() * 12);
    const forms = Math.floor(random() * 4);
    const cells = [
      String(100_000 + index),
      first,
      last,
      `${first.toLowerCase()}.${last.toLowerCase()}${index}@${company.toLowerCase().replace(' ', '-')}.com`,
      random() < 0.5 ? `+1 415 555 ${String(1000 + (index % 9000))}` : '',
      pick(titles),
      company,
      `https://www.${company.toLowerCase().replace(' ', '-')}.com/`,
      pick(industries),
      String(5 + Math.floor(random() * 5000)),
      random() < 0.7 ? String(Math.floor(random() * 50_000) * 1000) : '',
      pick(countries),
      random() < 0.5 ? 'California' : '',
      pick(['San Francisco', 'London', 'Berlin', 'Paris', 'Toronto', '']),
      stages[stage] as string,
      pick(statuses),
      pick(sources),
      random() < 0.3 ? 'spring campaign, 2024' : '',
      wallClock(created),
      wallClock(created + 30 * 86_400_000),
      String(40_000 + (index % 20)),
      step(1),
      step(2),
      step(3),
      step(4),
      step(5),
      String(views),
      views > 0 ? wallClock(created - 86_400_000) : '',
      views > 0 ? wallClock(created + 20 * 86_400_000) : '',
      views > 0 ? pick(['/pricing', '/product', '/blog/storage', '/']) : '',
      String(opens),
      opens > 0 ? wallClock(created + 15 * 86_400_000) : '',
      String(forms),
      forms > 0 ? wallClock(created) : '',
      forms > 0 ? wallClock(created + 5 * 86_400_000) : '',
      random() < 0.05 ? 'Yes' : 'No',
      random() < 0.2 ? pick(['Blue', 'Green', 'Red']) : '',
    ];
    buffer += `${cells.map(quote).join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
}

async function importFile(path: string, rows: number): Promise<void> {
  const { importCsvFile } = await import('../src/import-node/index.ts');
  const { hubspotContacts } = await import('../src/import/index.ts');
  const mapping = hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  let imported = 0;
  let activities = 0;
  const run = importCsvFile(mapping, path);
  for await (const row of run) {
    if (row.ok) {
      imported++;
      activities += row.lead.activities.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const summary = run.summary();
  if (summary.rowsRead !== rows) throw new Error(`read ${summary.rowsRead} rows, expected ${rows}`);
  console.log(
    `# ${rows.toLocaleString('en-US')} rows: ${imported.toLocaleString('en-US')} imported, ${summary.rejected.toLocaleString('en-US')} rejected, ${activities.toLocaleString('en-US')} activities, ${seconds.toFixed(1)} s`,
  );
  console.log(`BENCH import-csv rows=${rows} rows_per_s=${Math.round(rows / seconds)} peak_rss_mb=${Math.round(peak / 1_048_576)}`);
}

const [mode, path, count] = process.argv.slice(2);
const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (!isMain) {
  // Imported (by a profiling script): only `generate` is wanted.
} else if (mode === '--import' && path !== undefined && count !== undefined) await importFile(path, Number(count));
else {
  const directory = mkdtempSync(join(tmpdir(), 'leadkit-import-bench-'));
  const self = fileURLToPath(import.meta.url);
  try {
    for (const rows of [100_000, 1_000_000]) {
      const file = join(directory, `hubspot-${rows}.csv`);
      if (!existsSync(file)) await generate(file, rows);
      console.log(`# ${file}: ${(statSync(file).size / 1_048_576).toFixed(0)} MB`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--import', file, String(rows)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      process.stdout.write(child.stdout);
      if (child.status !== 0) process.exitCode = 1;
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
