/**
 * Completion from a JSON Schema (leadkit's generated `schemas/*.json`): the property names an object may have and
 * the values a field may take, at a path. Follows `$ref` (to `#/$defs/…`), `anyOf`/`oneOf`/`allOf`, `items` and
 * `additionalProperties`; where a union is told apart by a constant (`kind`, `type`), only the branches that agree
 * with the values already written are offered.
 */
import type { PathSegment } from './json-paths.ts';

/** The part of JSON Schema that completion reads. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly prefixItems?: readonly JsonSchema[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
}

/** One completion. */
export interface Suggestion {
  /** What the list shows. */
  readonly label: string;
  /** The text inserted. */
  readonly apply: string;
  /** A short note: the type, or `required`. */
  readonly detail: string;
}

function resolve(root: JsonSchema, schema: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (schema.$ref !== undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : root.$defs?.[name];
    return target === undefined ? [] : resolve(root, target, seen);
  }
  const parts = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const own = parts.length > 0 ? parts.flatMap((part) => resolve(root, part, seen)) : [schema];
  if (schema.allOf === undefined) return own;
  // allOf: every part applies; keep it simple and offer what any part offers.
  return [...own, ...schema.allOf.flatMap((part) => resolve(root, part, seen))];
}

/** The constant a branch requires for `key` (the discriminator of a union), if any. */
function constantOf(root: JsonSchema, schema: JsonSchema, key: string): readonly unknown[] | undefined {
  const property = schema.properties?.[key];
  if (property === undefined) return undefined;
  const resolved = resolve(root, property);
  const values = resolved.flatMap((part) => (part.const !== undefined ? [part.const] : (part.enum ?? [])));
  return values.length > 0 && resolved.every((part) => part.const !== undefined || part.enum !== undefined) ? values : undefined;
}

/** The schemas that apply at `path` (several where a union leaves it open). */
export function schemasAt(
  root: JsonSchema,
  path: readonly PathSegment[],
  written: (path: readonly PathSegment[]) => Readonly<Record<string, unknown>> | undefined = () => undefined,
): JsonSchema[] {
  let current = narrow(root, resolve(root, root), written([]));
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as PathSegment;
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof segment === 'number') {
        const item = schema.prefixItems?.[segment] ?? schema.items;
        if (item !== undefined) next.push(...resolve(root, item));
      } else {
        const property = schema.properties?.[segment] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
        if (property !== undefined) next.push(...resolve(root, property));
      }
    }
    current = narrow(root, next, written(path.slice(0, depth + 1)));
  }
  return current;
}

/** Drops the branches of a union whose constants disagree with what the object already says. */
function narrow(root: JsonSchema, schemas: JsonSchema[], values: Readonly<Record<string, unknown>> | undefined): JsonSchema[] {
  if (values === undefined || schemas.length < 2) return schemas;
  const kept = schemas.filter((schema) =>
    Object.entries(values).every(([key, value]) => {
      const constants = constantOf(root, schema, key);
      return constants === undefined || constants.includes(value);
    }),
  );
  return kept.length > 0 ? kept : schemas;
}

function typeText(root: JsonSchema, schema: JsonSchema): string {
  const parts = resolve(root, schema);
  const types = new Set(
    parts.map((part) => (part.const !== undefined ? JSON.stringify(part.const) : Array.isArray(part.type) ? part.type.join(' | ') : (part.type ?? 'any'))),
  );
  return [...types].join(' | ');
}

/** Property names for an object at `path` that does not have them yet. */
export function keySuggestions(root: JsonSchema, schemas: readonly JsonSchema[], present: ReadonlySet<string>): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const schema of schemas) {
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (present.has(key) || seen.has(key)) continue;
      const required = (schema.required ?? []).includes(key);
      seen.set(key, { label: key, apply: `"${key}": `, detail: `${typeText(root, property)}${required ? ' (required)' : ''}` });
    }
  }
  return [...seen.values()];
}

/** Values a field at `path` may take: constants, enumerations and booleans. */
export function valueSuggestions(root: JsonSchema, schemas: readonly JsonSchema[]): Suggestion[] {
  const values = new Map<string, Suggestion>();
  for (const schema of schemas) {
    for (const part of resolve(root, schema)) {
      const listed = part.const !== undefined ? [part.const] : (part.enum ?? (part.type === 'boolean' ? [true, false] : []));
      for (const value of listed) {
        const text = JSON.stringify(value);
        values.set(text, { label: text, apply: text, detail: part.const !== undefined ? 'constant' : 'allowed value' });
      }
    }
  }
  return [...values.values()];
}
