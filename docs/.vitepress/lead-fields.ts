/**
 * The Lead's JSON fields as markdown tables, for the models page (`<!-- lead-fields -->` in docs/models.md), made at
 * build time so they never drift from the code: names, types, required fields and allowed values come from the
 * generated JSON Schema (`schemas/Lead.json`), descriptions from the TSDoc of the zod schemas in `src/models/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly maxItems?: number;
}

interface Documented {
  readonly doc: string;
  readonly references: readonly string[];
}

/** `Name.property` → TSDoc and the identifiers its initializer names, for every object literal of src/models/. */
function modelDocs(root: string): Map<string, Map<string, Documented>> {
  const objects = new Map<string, Map<string, Documented>>();
  const folder = join(root, 'src', 'models');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts') && !file.includes('.test'))) {
    const source = ts.createSourceFile(name, readFileSync(join(folder, name), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node, owner: string | undefined): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) owner = node.name.text;
      if (ts.isPropertyAssignment(node) && owner !== undefined && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        const doc = ts
          .getJSDocCommentsAndTags(node)
          .map((comment) => (typeof comment.comment === 'string' ? comment.comment : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
        const references: string[] = [];
        const collect = (child: ts.Node): void => {
          if (ts.isIdentifier(child)) references.push(child.text);
          child.forEachChild(collect);
        };
        collect(node.initializer);
        const properties = objects.get(owner) ?? new Map<string, Documented>();
        properties.set(node.name.text, { doc, references });
        objects.set(owner, properties);
      }
      node.forEachChild((child) => visit(child, owner));
    };
    visit(source, undefined);
  }
  return objects;
}

const escapePipes = (text: string): string => text.replace(/\|/g, '\\|');
const inlineCode = (value: unknown): string => `\`${String(value)}\``;

function isMoney(schema: JsonSchema): boolean {
  return (schema.anyOf ?? []).some((part) => part.properties?.['amountMinor'] !== undefined);
}

function typeOf(schema: JsonSchema): string {
  if (isMoney(schema)) return 'Money';
  if (schema.const !== undefined) return inlineCode(JSON.stringify(schema.const));
  if (schema.format === 'date-time') return 'date-time (ISO 8601 with offset)';
  if (schema.anyOf !== undefined) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `${schema.items === undefined ? '' : typeOf(schema.items)}[]`;
  if (schema.type === 'object' && schema.properties === undefined) return 'object (key → value)';
  return schema.type ?? 'any';
}

function valuesOf(schema: JsonSchema, field: string): string {
  if (isMoney(schema)) return '`{ "amountMinor": 2500000000, "currency": "USD" }` or `{ "amount": "25000000.00", "currency": "USD" }`; ISO 4217 currency';
  const values = schema.enum ?? schema.anyOf?.flatMap((part) => part.enum ?? []);
  if (values === undefined || values.length === 0) return '';
  if (values.length > 40) return field.toLowerCase().includes('country') ? `ISO 3166-1 alpha-2 (${values.length} codes)` : `${values.length} codes`;
  return values.map((value) => inlineCode(value)).join(' ');
}

/** The tables of the Lead's JSON fields (markdown). */
export function leadFieldsMarkdown(root: string): string {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'Lead.json'), 'utf8')) as JsonSchema;
  const docs = modelDocs(root);
  const rows: string[] = ['| field | type | required | values | description |', '|---|---|---|---|---|'];
  const walk = (object: JsonSchema, owner: string, prefix: string): void => {
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const documented = docs.get(owner)?.get(name);
      const path = `${prefix}${name}`;
      const nested = documented?.references.find((reference) => docs.has(reference) && reference !== owner);
      if (name === 'activities') {
        rows.push(`| ${inlineCode(path)} | Activity[] | | see the activity table below | ${escapePipes(documented?.doc ?? '')} |`);
        continue;
      }
      const required = (object.required ?? []).includes(name) ? 'yes' : '';
      rows.push(
        `| ${inlineCode(path)} | ${escapePipes(typeOf(property))} | ${required} | ${escapePipes(valuesOf(property, name))} | ${escapePipes(documented?.doc ?? '')} |`,
      );
      const inner = property.type === 'array' ? property.items : property;
      if (inner?.properties !== undefined && nested !== undefined && !isMoney(property))
        walk(inner, nested, `${path}${property.type === 'array' ? '[].' : '.'}`);
    }
  };
  walk(schema, 'Lead', '');

  const activity = schema.properties?.['activities']?.items?.oneOf ?? [];
  const common = docs.get('base');
  const activityRows = ['| `type` | fields besides `type`, `at`, `id`, `metadata` |', '|---|---|'];
  for (const variant of activity) {
    const extra = Object.entries(variant.properties ?? {})
      .filter(([name]) => !['type', 'at', 'id', 'metadata'].includes(name))
      .map(([name, property]) => {
        const values = valuesOf(property, name);
        return `${inlineCode(name)}${(variant.required ?? []).includes(name) ? ' (required)' : ''}: ${typeOf(property)}${values === '' ? '' : ` ${values}`}`;
      });
    activityRows.push(`| ${inlineCode(variant.properties?.['type']?.const)} | ${escapePipes(extra.join('; ') || '—')} |`);
  }
  const commonText = ['at', 'id', 'metadata'].map((name) => `${inlineCode(name)}: ${common?.get(name)?.doc ?? ''}`).join(' ');
  return [
    rows.join('\n'),
    '',
    `**Activities.** Every activity has ${inlineCode('type')} and ${inlineCode('at')} (date-time). ${commonText}`,
    '',
    activityRows.join('\n'),
    '',
  ].join('\n');
}
