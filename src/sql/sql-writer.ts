/**
 * Internal: how values reach the SQL text. Text from a definition always becomes a bound parameter (deduplicated);
 * numbers become exact literals written from the JavaScript number (never from text); names from the mapping become
 * quoted identifiers. The instant `asOf` is always parameter 1.
 */
import type { SqlDialect } from './dialect.ts';

/** Collects the bound parameters of one statement and writes values as SQL. */
export interface SqlWriter {
  /** The dialect written for. */
  readonly dialect: SqlDialect;
  /** `asOf` in epoch milliseconds, as a double expression (parameter 1). */
  readonly asOfMs: string;
  /** A text value as a bound parameter (the same text is bound once). */
  text(value: string): string;
  /** A finite number as an exact double literal. */
  number(value: number): string;
  /** A quoted identifier. */
  identifier(name: string): string;
  /** A quoted, optionally schema-qualified table name. */
  table(table: { readonly table: string; readonly schema?: string | undefined }): string;
  /** A fresh alias for a subquery (`s1`, `s2`, …): never a name from the mapping. */
  alias(prefix: string): string;
  /** The text values bound so far, in parameter order from parameter 2. */
  readonly texts: readonly string[];
}

/** Whether a text holds an unpaired UTF-16 surrogate (no database text can hold one). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Whether a text can be stored in the dialect's text type: well-formed Unicode, and without NUL where the dialect
 * cannot hold it. A definition's text that cannot be stored can never equal, start or be found in a stored value.
 */
export function storableText(text: string, dialect: SqlDialect): boolean {
  return (dialect.textHoldsNul || !text.includes('\u0000')) && !hasLoneSurrogate(text);
}

/** A JavaScript number as an exact literal of the dialect's double type. */
export function doubleLiteral(value: number, dialect: SqlDialect): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${String(value)} as a SQL number`);
  // Integers up to 2^53 are exact as digits; any other double is written as the shortest text that reads back as it.
  const text = Object.is(value, -0) ? '0' : String(value);
  return Number.isSafeInteger(value) ? `CAST(${text} AS ${dialect.doubleType})` : `CAST('${text}' AS ${dialect.doubleType})`;
}

/** Starts a statement: parameter 1 is `asOf`. */
export function createSqlWriter(dialect: SqlDialect): SqlWriter {
  const texts: string[] = [];
  const positions = new Map<string, number>();
  const aliases = new Map<string, number>();
  return {
    dialect,
    asOfMs: `CAST(${dialect.parameter(1)} AS ${dialect.doubleType})`,
    texts,
    text(value) {
      if (!storableText(value, dialect)) throw new RangeError('internal: unstorable text reached the SQL writer');
      let position = positions.get(value);
      if (position === undefined) {
        texts.push(value);
        position = texts.length + 1;
        if (position > dialect.maxParameters) throw new RangeError(`the statement needs more than ${dialect.maxParameters} bound parameters`);
        positions.set(value, position);
      }
      return `CAST(${dialect.parameter(position)} AS ${dialect.textType})`;
    },
    number: (value) => doubleLiteral(value, dialect),
    identifier: (name) => dialect.quoteIdentifier(name),
    table: ({ table, schema }) =>
      schema === undefined ? dialect.quoteIdentifier(table) : `${dialect.quoteIdentifier(schema)}.${dialect.quoteIdentifier(table)}`,
    alias(prefix) {
      const next = (aliases.get(prefix) ?? 0) + 1;
      aliases.set(prefix, next);
      return `${prefix}${next}`;
    },
  };
}
