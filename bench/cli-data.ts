/**
 * Seeded CSV files of leads for the `leadkit score` benchmark and the command's end-to-end tests: one column per
 * field the 20-rule fit model reads (bench/fit-model.ts), and the import mapping (JSON) that reads them.
 */
import { createWriteStream } from 'node:fs';
import type { ImportMappingJson } from '../src/import/index.ts';
import { createRandom } from '../src/internal/random.ts';

/** The mapping of the generated files' columns to lead fields (what `--mapping` gets, as JSON). */
export const benchLeadsMapping: ImportMappingJson = {
  schemaVersion: 1,
  id: 'bench-leads',
  timeZone: 'UTC',
  currency: 'USD',
  columns: {
    Id: 'id',
    Email: 'contact.email',
    'Job Title': 'contact.jobTitle',
    Seniority: 'contact.seniority',
    Department: 'contact.department',
    'Decision Role': 'contact.decisionRole',
    Company: 'company.name',
    Industry: 'company.industry',
    Employees: 'company.employeeCount',
    'Annual Revenue': 'company.annualRevenue',
    Country: 'company.country',
    Technologies: { to: 'company.technologies', steps: [{ split: ';' }] },
    Source: 'source',
    Created: 'createdAt',
  },
};

const header = Object.keys(benchLeadsMapping.columns);
const titles = ['CTO', 'VP Engineering', 'Director of IT', 'Software Engineer', 'Marketing Manager', 'Student', 'Head of Data', 'Owner'];
const seniorities = ['c_level', 'vp', 'director', 'senior', 'manager', 'student', 'intern', ''];
const departments = ['it', 'engineering', 'marketing', 'sales', 'finance', ''];
const roles = ['economic_buyer', 'decision_maker', 'champion', 'user', ''];
const industries = ['technology', 'software', 'financial-services', 'healthcare', 'government', 'education', 'retail'];
const countries = ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'SE', 'ES', 'BR', 'IN'];
const technologies = ['aws', 'gcp', 'azure', 'salesforce', 'hubspot', ''];
const sources = ['referral', 'partner', 'website_form', 'purchased_list', 'cold_email', 'event', 'other'];

/** One seeded row's cells (`index` from 0). */
function rowCells(random: () => number, index: number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const created = Date.UTC(2024, 0, 1) + Math.floor(random() * 500) * 86_400_000;
  return [
    `L-${index + 1}`,
    `person${index}@company${index % 5000}.com`,
    pick(titles),
    pick(seniorities),
    pick(departments),
    pick(roles),
    `Company ${index % 5000}`,
    pick(industries),
    String(1 + Math.floor(random() * 3000)),
    random() < 0.8 ? String(Math.floor(random() * 90_000) * 1000) : '',
    pick(countries),
    [pick(technologies), pick(technologies)].filter((item) => item !== '').join(';'),
    pick(sources),
    new Date(created).toISOString().slice(0, 10),
  ];
}

/** The whole CSV text of `rows` seeded rows (for small fixtures). */
export function leadsCsvText(rows: number, seed = 7): string {
  const random = createRandom(seed).next;
  let text = `${header.join(',')}\n`;
  for (let index = 0; index < rows; index++) text += `${rowCells(random, index).join(',')}\n`;
  return text;
}

/** Writes `rows` seeded rows to a CSV file at `path`, streaming (a million rows is about 110 MB). */
export async function writeLeadsCsv(path: string, rows: number, seed = 7): Promise<void> {
  const random = createRandom(seed).next;
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  let buffer = `${header.join(',')}\n`;
  for (let index = 0; index < rows; index++) {
    buffer += `${rowCells(random, index).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
}
