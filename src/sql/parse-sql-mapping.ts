import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { leadFieldCatalog, resolveFieldPath, type LeadFieldCatalog } from '../conditions/field-path.ts';
import { issue, type ValidationError, type ValidationIssue } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { SqlMapping, type SqlMappingJson } from './sql-mapping-definition.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The form a mapping entry has: a column, money, or a list. */
function entryForm(entry: unknown): 'column' | 'money' | 'list' | 'typed' | undefined {
  if (typeof entry === 'string') return 'column';
  if (!isRecord(entry)) return undefined;
  if ('amount' in entry) return 'money';
  if ('array' in entry || 'separator' in entry || 'leadId' in entry) return 'list';
  if ('column' in entry) return entry['type'] === undefined ? 'column' : 'typed';
  return undefined;
}

/**
 * Every problem of a mapping's field paths against a lead schema's fields (internal): unknown paths (with a "did you
 * mean"), and entries that do not suit what the field holds (a list mapped to a plain column, money without its
 * currency, a custom field without its type). Reads the mapping defensively, so it also runs on input that did not
 * parse.
 */
export function sqlMappingFieldIssues(mapping: unknown, catalog: LeadFieldCatalog): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  if (!isRecord(mapping) || !isRecord(mapping['leads'])) return problems;
  const fields = mapping['leads']['fields'];
  if (!isRecord(fields)) return problems;
  for (const [path, entry] of Object.entries(fields)) {
    const at = ['leads', 'fields', path];
    const resolved = resolveFieldPath(path, catalog);
    if (!resolved.ok) {
      problems.push(issue(at, resolved.message, 'unknown_field'));
      continue;
    }
    const form = entryForm(entry);
    if (form === undefined) continue;
    const kind = resolved.field.kind;
    if (kind === 'list' && form !== 'list')
      problems.push(
        issue(
          at,
          `${path} is a list of text: map it to { "array": column }, { "column": column, "separator": ";" } or { "table", "leadId", "value" }`,
          'unsuited_mapping',
        ),
      );
    else if (kind === 'money' && form !== 'money')
      problems.push(
        issue(
          at,
          `${path} is an amount of money: map it to { "amount": column, "unit": "minor" or "major", "currency": column or "currencyCode": "USD" }`,
          'unsuited_mapping',
        ),
      );
    else if (kind === 'any' && form === 'column')
      problems.push(
        issue(
          at,
          `${path} is a custom field, whose type the lead schema does not say: write { "column": ${JSON.stringify(typeof entry === 'string' ? entry : 'name')}, "type": "text" } (or number, boolean, timestamp)`,
          'unsuited_mapping',
        ),
      );
    else if (kind !== 'any' && kind !== 'list' && kind !== 'money' && (form === 'list' || form === 'money'))
      problems.push(issue(at, `${path} holds ${kind === 'date' ? 'a date' : kind}: map it to a column`, 'unsuited_mapping'));
  }
  return problems;
}

/**
 * Parses a table mapping from untrusted JSON (a configuration file, a database row), listing every problem with its
 * path: its shape, and each field path against the lead schema (`options.lead`, `Lead` by default) with a "did you
 * mean" for a typo, and whether each entry suits what the field holds.
 *
 * @example
 * ```ts
 * const parsed = parseSqlMapping({ leads: { table: 'contacts', id: 'id', fields: { 'company.industy': 'industry' } } });
 * if (!parsed.ok) console.error(parsed.error.message); // … Did you mean "company.industry"?
 * ```
 */
export function parseSqlMapping(input: unknown, options: LeadSchemaOptions = {}): Result<SqlMapping, ValidationError> {
  const fieldIssues = (mapping: unknown) => sqlMappingFieldIssues(mapping, leadFieldCatalog(options.lead));
  return parseWith(SqlMapping, input, 'SQL mapping', { check: fieldIssues, checkInput: fieldIssues });
}

/**
 * Defines a table mapping in code, validated as {@link parseSqlMapping} does.
 *
 * @example
 * ```ts
 * const mapping = defineSqlMapping({
 *   leads: { table: 'contacts', id: 'contact_id', fields: { 'company.industry': 'industry', 'contact.seniority': 'seniority' } },
 * });
 * ```
 * @throws ValidationError listing every problem when the mapping is invalid (a programmer error in code).
 */
export function defineSqlMapping<const M extends SqlMappingJson>(mapping: M, options: LeadSchemaOptions = {}): M & SqlMapping {
  const parsed = parseSqlMapping(mapping, options);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as M & SqlMapping;
}
