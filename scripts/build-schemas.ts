/**
 * Publishes every model and every storable definition as a JSON Schema file in schemas/, generated from the zod
 * schemas with zod's own JSON Schema export (the JSON form: dates are ISO strings). Services in other languages
 * validate against these files.
 *
 *   npx tsx scripts/build-schemas.ts          write schemas/*.json
 *   npx tsx scripts/build-schemas.ts --check  fail if a file is missing, stale or extra
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/v4';
import * as models from '../src/models/index.ts';
import { schemaEntries } from './schema-entries.ts';

const directory = new URL('../schemas/', import.meta.url);
const check = process.argv.includes('--check');

function render(name: string, schema: z.ZodType, description: string): string {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'throw',
    // zod cannot see inside refinements: publish the code lists as enums for other languages.
    override: (context) => {
      if (context.zodSchema === models.CurrencyCode) context.jsonSchema.enum = [...models.currencyCodeList];
      if (context.zodSchema === models.CountryCode) context.jsonSchema.enum = [...models.countryCodeList];
    },
  });
  const document = { $id: `urn:leadkit:schema:${name}:v${models.SCHEMA_VERSION}`, title: `leadkit ${name}`, description, ...json };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const expected = new Map<string, string>();
for (const entry of await schemaEntries()) expected.set(`${entry.name}.json`, render(entry.name, entry.schema, entry.description));

if (check) {
  const problems: string[] = [];
  const present = new Set(readdirSync(directory).filter((file) => file.endsWith('.json')));
  for (const [file, text] of expected) {
    if (!present.has(file)) problems.push(`schemas/${file} is missing`);
    else if (readFileSync(new URL(file, directory), 'utf8') !== text) problems.push(`schemas/${file} is stale`);
  }
  for (const file of present) if (!expected.has(file)) problems.push(`schemas/${file} has no schema behind it`);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\nRun: npm run schemas`);
    process.exit(1);
  }
  console.log(`schemas/: ${expected.size} JSON Schemas are current`);
} else {
  mkdirSync(directory, { recursive: true });
  for (const [file, text] of expected) writeFileSync(new URL(file, directory), text);
  console.log(`schemas/: wrote ${expected.size} JSON Schemas`);
}
