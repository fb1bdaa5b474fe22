/**
 * The one place where the SQL dialects differ. Everything else leadkit emits is standard SQL: common table
 * expressions, `CASE`, `COALESCE`, `EXISTS`, aggregates with `CASE` inside, `ROW_NUMBER()` windows, `LIKE … ESCAPE`,
 * `lower()`, `||` and `CAST`. A new dialect (BigQuery, Snowflake, Trino, Spark SQL) is one object of this shape.
 *
 * @module
 */

/** The name of a built-in dialect. */
export type SqlDialectName = 'postgres' | 'duckdb';

/**
 * What a SQL dialect provides to leadkit's compiler: type names, quoting, parameters and the few functions whose
 * spelling differs between engines. Each member returns SQL text built from the SQL text it is given (expressions
 * leadkit built, never user data: user data arrives as bound parameters).
 */
export interface SqlDialect {
  /** The dialect's name (`postgres`, `duckdb`). */
  readonly name: string;
  /** The 64-bit floating-point type every score is computed in (`DOUBLE PRECISION`, `DOUBLE`). */
  readonly doubleType: string;
  /** The text type (`TEXT`, `VARCHAR`). */
  readonly textType: string;
  /** The 64-bit integer type. */
  readonly bigintType: string;
  /** The boolean type. */
  readonly booleanType: string;
  /** The timestamp-with-time-zone type of leadkit's default tables. */
  readonly timestampType: string;
  /** The type of a list of text (`TEXT[]`, `VARCHAR[]`). */
  readonly textListType: string;
  /** The JSON type of leadkit's custom-field column and of the explanation columns. */
  readonly jsonType: string;
  /** The most bound parameters one statement may have. */
  readonly maxParameters: number;
  /** Whether its text type can hold the NUL character (U+0000): PostgreSQL's cannot. */
  readonly textHoldsNul: boolean;
  /** A quoted identifier: `"name"` with inner quotes doubled. */
  quoteIdentifier(name: string): string;
  /** The placeholder of the 1-based `position`-th bound parameter (`$1`). */
  parameter(position: number): string;
  /** Milliseconds since 1970-01-01T00:00:00Z of a timestamp expression, as a double. */
  epochMilliseconds(timestamp: string): string;
  /** Whether `text` starts with `prefix` (both text expressions; `NULL` when either is). */
  startsWith(text: string, prefix: string): string;
  /** Whether `text` ends with `suffix`. */
  endsWith(text: string, suffix: string): string;
  /** Whether `text` contains `needle`. */
  contains(text: string, needle: string): string;
  /**
   * Whether `text` matches a regular expression built by leadkit for a `containsWords` test (`pattern` is a text
   * expression); `wordClass` is spliced inside a bracket expression to stand for a letter or a digit.
   */
  matchesWords(text: string, pattern: string): string;
  /** What stands for a letter or a digit inside a bracket expression of {@link SqlDialect.matchesWords}. */
  readonly wordClass: string;
  /** The part of `text` after the last `separator` (one character, a text expression). */
  lastPart(text: string, separator: string): string;
  /** A `FROM` item that lists the items of a list expression as rows of one column named `value`. */
  listItems(list: string, alias: string): string;
  /**
   * Optional, faster than a subquery over {@link SqlDialect.listItems}: whether some item of a list expression passes
   * `test` (which builds the test from an item expression), `NULL`-free when the list is not `NULL`.
   */
  listAny?(list: string, test: (item: string) => string): string;
  /** Optional: the sum of `value` (built from an item expression) over a list's items, `NULL` when every value is. */
  listSum?(list: string, value: (item: string) => string): string;
  /** Optional: whether a list expression holds at least one item (never `NULL`). */
  listNonEmpty?(list: string): string;
  /** The list of the parts of `text` split at every `separator` (a text expression). */
  splitText(text: string, separator: string): string;
  /** The key a custom field is read with from a JSON column (the field's name as the dialect's JSON functions want it). */
  jsonKey(name: string): string;
  /**
   * What a JSON value at `key` of a JSON column holds: `'text'`, `'number'`, `'boolean'` or `'list'`, `NULL` for a
   * JSON `null` or no such key (then the field is missing).
   */
  jsonKind(json: string, key: string): string;
  /** The JSON value at `key` as text (meaningful when {@link SqlDialect.jsonKind} is `'text'`). */
  jsonText(json: string, key: string): string;
  /** The JSON value at `key` as a double (when it is `'number'`). */
  jsonNumber(json: string, key: string): string;
  /** The JSON value at `key` as a boolean (when it is `'boolean'`). */
  jsonBoolean(json: string, key: string): string;
  /** A `FROM` item listing the text items of the JSON list at `key` as rows of one column named `value`. */
  jsonListItems(json: string, key: string, alias: string): string;
  /** A double as JSON number text that reads back as the same double (`JSON.parse`). */
  numberText(number: string): string;
  /** Text holding a JSON document, as the column type the explanation columns have. */
  textToJson(text: string): string;
  /** The concatenation of text expressions (`NULL` ones skipped), in one call where the dialect has one. */
  concat(parts: readonly string[]): string;
  /**
   * Appended to each intermediate `SELECT` of a scoring query so the planner keeps it a step of its own instead of
   * pasting its expressions into the next one (which repeats them at every step): PostgreSQL's ` OFFSET 0`.
   */
  readonly layerFence: string;
}

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * `concat(…)` of the parts, nested in groups of at most `size` arguments (PostgreSQL's functions take at most 100):
 * one call instead of a chain of `||`, each of which copies the text built so far.
 */
function concatInGroups(parts: readonly string[], size: number): string {
  if (parts.length === 0) return "''";
  if (parts.length === 1) return `concat(${parts[0] as string})`;
  if (parts.length <= size) return `concat(${parts.join(', ')})`;
  const groups: string[] = [];
  for (let start = 0; start < parts.length; start += size) groups.push(concatInGroups(parts.slice(start, start + size), size));
  return concatInGroups(groups, size);
}

/**
 * PostgreSQL (12 and later; tested on PostgreSQL 18 through PGlite). Text cannot hold NUL; lists are arrays
 * (`TEXT[]`); custom fields are a `JSONB` column (a `json` or text column is cast); numbers are written back exactly
 * with the default `extra_float_digits` (1).
 */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  doubleType: 'DOUBLE PRECISION',
  textType: 'TEXT',
  bigintType: 'BIGINT',
  booleanType: 'BOOLEAN',
  timestampType: 'TIMESTAMPTZ',
  textListType: 'TEXT[]',
  jsonType: 'JSONB',
  maxParameters: 65_535,
  textHoldsNul: false,
  quoteIdentifier,
  parameter: (position) => `$${position}`,
  epochMilliseconds: (timestamp) => `CAST(EXTRACT(EPOCH FROM ${timestamp}) * 1000 AS DOUBLE PRECISION)`,
  startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
  endsWith: (text, suffix) => `(right(${text}, length(${suffix})) = ${suffix})`,
  contains: (text, needle) => `(strpos(${text}, ${needle}) > 0)`,
  matchesWords: (text, pattern) => `(${text} ~ ${pattern})`,
  wordClass: '[:alnum:]',
  lastPart: (text, separator) => `split_part(${text}, ${separator}, -1)`,
  listItems: (list, alias) => `unnest(${list}) AS ${alias}(value)`,
  splitText: (text, separator) => `string_to_array(${text}, ${separator})`,
  jsonKey: (name) => name,
  jsonKind: (json, key) =>
    `CASE jsonb_typeof(CAST(${json} AS JSONB) -> ${key}) WHEN 'string' THEN 'text' WHEN 'number' THEN 'number' WHEN 'boolean' THEN 'boolean' WHEN 'array' THEN 'list' END`,
  jsonText: (json, key) => `(CAST(${json} AS JSONB) ->> ${key})`,
  jsonNumber: (json, key) => `CAST(CAST(${json} AS JSONB) ->> ${key} AS DOUBLE PRECISION)`,
  jsonBoolean: (json, key) => `CAST(CAST(${json} AS JSONB) ->> ${key} AS BOOLEAN)`,
  jsonListItems: (json, key, alias) =>
    `jsonb_array_elements_text(CASE WHEN jsonb_typeof(CAST(${json} AS JSONB) -> ${key}) = 'array' THEN CAST(${json} AS JSONB) -> ${key} END) AS ${alias}(value)`,
  numberText: (number) => `CAST(${number} AS TEXT)`,
  textToJson: (text) => `CAST(${text} AS JSON)`,
  concat: (parts) => concatInGroups(parts, 90),
  layerFence: ' OFFSET 0',
};

/** JSON Pointer (RFC 6901) of one key: DuckDB reads a path starting with `/` as a pointer, whatever the key holds. */
function jsonPointer(name: string): string {
  return `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * DuckDB (1.3 and later, for its `lambda x:` syntax; tested on 1.5 through `@duckdb/node-api`). Lists are `VARCHAR[]`; custom fields are a
 * `JSON` column read with JSON Pointers; regular expressions are RE2 (`\pL\pN` for letters and digits).
 */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  bigintType: 'BIGINT',
  booleanType: 'BOOLEAN',
  timestampType: 'TIMESTAMPTZ',
  textListType: 'VARCHAR[]',
  jsonType: 'JSON',
  maxParameters: 65_535,
  textHoldsNul: true,
  quoteIdentifier,
  parameter: (position) => `$${position}`,
  epochMilliseconds: (timestamp) => `CAST(epoch_ms(${timestamp}) AS DOUBLE)`,
  startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
  endsWith: (text, suffix) => `ends_with(${text}, ${suffix})`,
  contains: (text, needle) => `contains(${text}, ${needle})`,
  matchesWords: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  wordClass: '\\pL\\pN',
  lastPart: (text, separator) => `split_part(${text}, ${separator}, -1)`,
  listItems: (list, alias) => `unnest(${list}) AS ${alias}(value)`,
  listAny: (list, test) => `(len(list_filter(${list}, lambda k_item: ${test('k_item')})) > 0)`,
  listSum: (list, value) => `list_sum(list_transform(${list}, lambda k_item: ${value('k_item')}))`,
  listNonEmpty: (list) => `COALESCE(len(${list}) > 0, FALSE)`,
  splitText: (text, separator) => `string_split(${text}, ${separator})`,
  jsonKey: jsonPointer,
  jsonKind: (json, key) =>
    `CASE json_type(CAST(${json} AS JSON), ${key}) WHEN 'VARCHAR' THEN 'text' WHEN 'BIGINT' THEN 'number' WHEN 'UBIGINT' THEN 'number' WHEN 'DOUBLE' THEN 'number' WHEN 'HUGEINT' THEN 'number' WHEN 'BOOLEAN' THEN 'boolean' WHEN 'ARRAY' THEN 'list' END`,
  jsonText: (json, key) => `json_extract_string(CAST(${json} AS JSON), ${key})`,
  jsonNumber: (json, key) => `CAST(json_extract_string(CAST(${json} AS JSON), ${key}) AS DOUBLE)`,
  jsonBoolean: (json, key) => `CAST(json_extract_string(CAST(${json} AS JSON), ${key}) AS BOOLEAN)`,
  jsonListItems: (json, key, alias) =>
    `unnest(CASE WHEN json_type(CAST(${json} AS JSON), ${key}) = 'ARRAY' THEN CAST(json_extract(CAST(${json} AS JSON), ${key}) AS VARCHAR[]) END) AS ${alias}(value)`,
  numberText: (number) => `CAST(${number} AS VARCHAR)`,
  // VARCHAR holding JSON text: a cast to JSON would parse every row again (cast with ::JSON where the type is needed).
  textToJson: (text) => text,
  concat: (parts) => concatInGroups(parts, 1000),
  layerFence: '',
};

/** The built-in dialects by name. */
export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = { postgres: postgresDialect, duckdb: duckdbDialect };

/** The dialect named, or the dialect object given. */
export function resolveSqlDialect(dialect: SqlDialectName | SqlDialect): SqlDialect {
  return typeof dialect === 'string' ? SQL_DIALECTS[dialect] : dialect;
}
