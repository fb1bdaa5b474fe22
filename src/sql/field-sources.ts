/**
 * Internal: where each field path is in the database, as SQL expressions over the leads table's row (alias `l`), one
 * per kind of value the field may hold there. An expression is `NULL` when the lead's value is missing or of
 * another kind, so that SQL's `NULL` logic gives the condition language's "unknown".
 */
import { leadFieldCatalog, resolveFieldPath, type LeadFieldCatalog, type LeadFieldKind } from '../conditions/field-path.ts';
import { FREE_EMAIL_DOMAINS } from '../internal/free-email-domains.ts';
import { minorUnitsPerMajor } from '../models/money.ts';
import type { SqlFieldMapping, SqlMapping } from './sql-mapping-definition.ts';
import { storableText, type SqlWriter } from './sql-writer.ts';

/** The alias of the leads table in every statement leadkit writes. */
export const LEAD_ALIAS = 'l';

/** A list field: its items as rows, and whether it is missing (no item). */
export interface ListSource {
  /** A `FROM` item listing the items as rows of one text column `value` (`alias` names it). */
  items(alias: string): string;
  /** The list as a list expression, when it is one (an array column, split text): the dialect's list functions apply. */
  readonly array?: string | undefined;
}

/** Where a field's value is, per kind of value. */
export interface FieldSource {
  /** The field path. */
  readonly path: string;
  /** Non-empty text, else `NULL`. */
  readonly text?: string | undefined;
  /** A number, else `NULL`. */
  readonly number?: string | undefined;
  /** A boolean, else `NULL`. */
  readonly boolean?: string | undefined;
  /** An instant (any value counts as present), else `NULL`. */
  readonly timestamp?: string | undefined;
  /** An amount of money in major units when in `currency`, else `NULL`; `present` when there is an amount at all. */
  readonly money?: { readonly amountIn: (currency: string) => string; readonly present: string } | undefined;
  /** A list of text: present only when `listPresent` holds. */
  readonly list?: ListSource | undefined;
  /** When the value is a list: a boolean expression (never `NULL`) saying it is a non-empty list. */
  readonly listPresent?: string | undefined;
  /** A boolean expression, never `NULL`: the value is missing (nothing, empty text, an empty list). */
  readonly missing: string;
}

/** Why a definition cannot be written for a mapping: the message, for a `ValidationError` at the definition's path. */
export class SqlMappingGap extends Error {
  /** Names the error. */
  override readonly name = 'SqlMappingGap';
}

const column = (writer: SqlWriter, name: string): string => `${LEAD_ALIAS}.${writer.identifier(name)}`;

function textOf(writer: SqlWriter, expression: string): string {
  return `NULLIF(CAST(${expression} AS ${writer.dialect.textType}), '')`;
}

function listSource(writer: SqlWriter, mapping: SqlMapping, entry: ListMapping): { list: ListSource; present: string } {
  const { dialect } = writer;
  const exists = (items: (alias: string) => string): string => {
    const alias = writer.alias('i');
    return `EXISTS (SELECT 1 FROM ${items(alias)})`;
  };
  let items: (alias: string) => string;
  let array: string | undefined;
  if ('array' in entry) {
    array = column(writer, entry.array);
    const list = array;
    items = (alias) => dialect.listItems(list, alias);
  } else if ('separator' in entry) {
    const text = textOf(writer, column(writer, entry.column));
    array = dialect.splitText(text, writer.text(entry.separator));
    const list = array;
    items = (alias) => dialect.listItems(list, alias);
  } else {
    const child = writer.alias('c');
    const table = writer.table(entry);
    const id = column(writer, mapping.leads.id);
    items = (alias) =>
      `(SELECT CAST(${child}.${writer.identifier(entry.value)} AS ${dialect.textType}) AS value FROM ${table} AS ${child} WHERE ${child}.${writer.identifier(entry.leadId)} = ${id} AND ${child}.${writer.identifier(entry.value)} IS NOT NULL) AS ${alias}`;
  }
  const present = array !== undefined && dialect.listNonEmpty !== undefined ? dialect.listNonEmpty(array) : exists(items);
  return { list: { items, array }, present };
}

type ListMapping = Extract<SqlFieldMapping, { array: string } | { separator: string } | { leadId: string }>;

function isListMapping(entry: SqlFieldMapping): entry is ListMapping {
  return typeof entry === 'object' && ('array' in entry || 'separator' in entry || 'leadId' in entry);
}

/**
 * Builds the source of a field from a mapping entry, given the kind the lead schema says the field holds.
 *
 * @throws SqlMappingGap when the entry does not suit the field.
 */
function sourceFromEntry(writer: SqlWriter, mapping: SqlMapping, path: string, kind: LeadFieldKind, entry: SqlFieldMapping): FieldSource {
  const { dialect } = writer;
  if (isListMapping(entry)) {
    if (kind !== 'list' && kind !== 'any') throw new SqlMappingGap(`${path} is not a list: map it to a column`);
    const { list, present } = listSource(writer, mapping, entry);
    return { path, list, listPresent: present, missing: `(NOT ${present})` };
  }
  if (typeof entry === 'object' && 'amount' in entry) {
    if (kind !== 'money' && kind !== 'any') throw new SqlMappingGap(`${path} is not an amount of money: map it to a column`);
    const amount = column(writer, entry.amount);
    const currencyColumn = entry.currency === undefined ? undefined : column(writer, entry.currency);
    const present = currencyColumn === undefined ? `(${amount} IS NOT NULL)` : `(${amount} IS NOT NULL AND ${currencyColumn} IS NOT NULL)`;
    const amountIn = (currency: string): string => {
      const value =
        entry.unit === 'minor'
          ? `(CAST(${amount} AS ${dialect.doubleType}) / ${writer.number(minorUnitsPerMajor(currency))})`
          : `CAST(${amount} AS ${dialect.doubleType})`;
      if (currencyColumn === undefined) return entry.currencyCode === currency ? value : 'NULL';
      return `CASE WHEN CAST(${currencyColumn} AS ${dialect.textType}) = ${writer.text(currency)} THEN ${value} END`;
    };
    return { path, money: { amountIn, present }, missing: `(NOT ${present})` };
  }
  const name = typeof entry === 'string' ? entry : entry.column;
  const declared = typeof entry === 'string' ? undefined : 'type' in entry ? entry.type : undefined;
  const value = column(writer, name);
  const effective = kind === 'any' ? declared : kind;
  switch (effective) {
    case 'text': {
      const text = textOf(writer, value);
      return { path, text, missing: `(${text} IS NULL)` };
    }
    case 'number': {
      const number = `CAST(${value} AS ${dialect.doubleType})`;
      return { path, number, missing: `(${value} IS NULL)` };
    }
    case 'boolean': {
      const boolean = `CAST(${value} AS ${dialect.booleanType})`;
      return { path, boolean, missing: `(${value} IS NULL)` };
    }
    case 'date':
    case 'timestamp':
      return { path, timestamp: value, missing: `(${value} IS NULL)` };
    case 'list':
      throw new SqlMappingGap(`${path} is a list: map it to { "array": column }, { "column", "separator" } or a child table`);
    case 'money':
      throw new SqlMappingGap(`${path} is an amount of money: map it to { "amount": column, "unit": "minor", "currency": column }`);
    default:
      throw new SqlMappingGap(`${path} is a custom field: say its type ({ "column": ${JSON.stringify(name)}, "type": "text" })`);
  }
}

/** A custom field read from the mapping's JSON column: its kind is decided per row. */
function jsonSource(writer: SqlWriter, path: string, json: string, name: string): FieldSource {
  const { dialect } = writer;
  // A name the database's text cannot hold (NUL in PostgreSQL) is never a key of a stored JSON object: always missing.
  if (!storableText(dialect.jsonKey(name), dialect)) return { path, missing: 'TRUE' };
  const key = writer.text(dialect.jsonKey(name));
  const kind = dialect.jsonKind(json, key);
  const text = `CASE WHEN ${kind} = 'text' THEN NULLIF(${dialect.jsonText(json, key)}, '') END`;
  const number = `CASE WHEN ${kind} = 'number' THEN ${dialect.jsonNumber(json, key)} END`;
  const boolean = `CASE WHEN ${kind} = 'boolean' THEN ${dialect.jsonBoolean(json, key)} END`;
  const items = (alias: string): string => dialect.jsonListItems(json, key, alias);
  const listPresent = `(${kind} = 'list' AND EXISTS (SELECT 1 FROM ${items(writer.alias('i'))}))`;
  const missing = `(${kind} IS NULL OR (${kind} = 'text' AND ${dialect.jsonText(json, key)} = '') OR (${kind} = 'list' AND NOT ${listPresent}))`;
  return { path, text, number, boolean, list: { items }, listPresent: `COALESCE(${listPresent}, FALSE)`, missing: `COALESCE(${missing}, FALSE)` };
}

/** Reads a mapping's field paths as SQL, for one statement (sources are built once per path). */
export interface FieldSources {
  /**
   * The source of a field path.
   *
   * @throws SqlMappingGap when the mapping does not say where the field is.
   */
  source(path: string): FieldSource;
}

/** The field sources of a mapping for one statement. */
export function createFieldSources(writer: SqlWriter, mapping: SqlMapping, catalog: LeadFieldCatalog = leadFieldCatalog()): FieldSources {
  const built = new Map<string, FieldSource>();
  const fields = mapping.leads.fields ?? {};
  const entryOf = (path: string): SqlFieldMapping | undefined => (Object.hasOwn(fields, path) ? fields[path] : undefined);

  const build = (path: string): FieldSource => {
    const resolved = resolveFieldPath(path, catalog);
    if (!resolved.ok) throw new SqlMappingGap(resolved.message);
    const kind = resolved.field.kind;
    if (path === 'id') {
      const text = textOf(writer, column(writer, mapping.leads.id));
      return { path, text, missing: `(${text} IS NULL)` };
    }
    if (path === 'stage') return stageSource(writer, mapping, entryOf);
    const entry = entryOf(path);
    if (entry !== undefined) return sourceFromEntry(writer, mapping, path, kind, entry);
    if (path === 'contact.emailDomain' || path === 'contact.emailKind') {
      const email = entryOf('contact.email');
      if (email === undefined) throw new SqlMappingGap(`the mapping says where neither ${path} nor contact.email is`);
      const address = sourceFromEntry(writer, mapping, 'contact.email', 'text', email).text as string;
      const domain = `NULLIF(CASE WHEN POSITION('@' IN ${address}) > 0 THEN lower(${writer.dialect.lastPart(address, "'@'")}) END, '')`;
      if (path === 'contact.emailDomain') return { path, text: domain, missing: `(${domain} IS NULL)` };
      const free = [...FREE_EMAIL_DOMAINS].map((name) => writer.text(name)).join(', ');
      const kindText = `CASE WHEN ${domain} IS NULL THEN NULL WHEN ${domain} IN (${free}) THEN 'free' ELSE 'business' END`;
      return { path, text: kindText, missing: `(${domain} IS NULL)` };
    }
    if (path.startsWith('customFields.') && mapping.leads.customFields !== undefined)
      return jsonSource(writer, path, column(writer, mapping.leads.customFields), path.slice('customFields.'.length));
    throw new SqlMappingGap(`the mapping does not say where ${path} is: add it to leads.fields`);
  };

  return {
    source(path) {
      let found = built.get(path);
      if (found === undefined) {
        found = build(path);
        built.set(path, found);
      }
      return found;
    },
  };
}

/**
 * `stage` as of `asOf`, by the rule every leadkit metric shares: none before the lead was created; the current stage
 * when the lead has no history; else the stage entered by the last history entry (in history order) dated at or
 * before `asOf`, none when there is no such entry.
 */
function stageSource(writer: SqlWriter, mapping: SqlMapping, entryOf: (path: string) => SqlFieldMapping | undefined): FieldSource {
  const history = mapping.stageHistory;
  const current = entryOf('stage');
  const created = entryOf('createdAt');
  if (history === undefined || current === undefined || created === undefined)
    throw new SqlMappingGap('stage is the stage as of asOf: the mapping needs stageHistory, and leads.fields for stage and createdAt');
  const { dialect } = writer;
  const currentText = textOf(writer, column(writer, typeof current === 'string' ? current : 'column' in current ? current.column : ''));
  const createdColumn = column(writer, typeof created === 'string' ? created : 'column' in created ? created.column : '');
  const table = writer.table(history);
  const id = column(writer, mapping.leads.id);
  const first = writer.alias('h');
  const last = writer.alias('h');
  const at = (alias: string): string => dialect.epochMilliseconds(`${alias}.${writer.identifier(history.at)}`);
  const lead = (alias: string): string => `${alias}.${writer.identifier(history.leadId)} = ${id}`;
  // The lead's start: createdAt, else its first history entry (a lead without either has no stage).
  const start = `COALESCE(${dialect.epochMilliseconds(createdColumn)}, (SELECT ${at('h0')} FROM ${table} AS h0 WHERE ${lead('h0')} ORDER BY h0.${writer.identifier(history.position)} LIMIT 1))`;
  const stage =
    `CASE WHEN ${start} IS NULL OR ${start} > ${writer.asOfMs} THEN NULL` +
    ` WHEN NOT EXISTS (SELECT 1 FROM ${table} AS ${first} WHERE ${lead(first)}) THEN ${currentText}` +
    ` ELSE (SELECT NULLIF(CAST(${last}.${writer.identifier(history.to)} AS ${dialect.textType}), '') FROM ${table} AS ${last} WHERE ${lead(last)} AND ${at(last)} <= ${writer.asOfMs} ORDER BY ${last}.${writer.identifier(history.position)} DESC LIMIT 1) END`;
  return { path: 'stage', text: stage, missing: `(${stage} IS NULL)` };
}
