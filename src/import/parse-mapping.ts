import { Lead } from '../models/lead.ts';
import { leadFieldCatalog, resolveFieldPath, type LeadSchema } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { foldText } from '../conditions/fold-text.ts';
import { issue, showValue, type ValidationError, type ValidationIssue } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { closestMatch } from '../internal/suggest.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { isKnownTimeZone, isUsableDateFormat } from './date-reader.ts';
import { leadTargets, targetField, type LeadTargets } from './lead-targets.ts';
import { ImportMapping, type ColumnTarget, type ImportMappingJson } from './mapping-definition.ts';

type Key = string | number;

/** The targets of one column's mapping, each with its path in the document. */
export function columnTargets(mapping: unknown): { target: ColumnTarget; at: Key[] }[] {
  if (typeof mapping === 'string') return [{ target: { to: mapping }, at: [] }];
  if (Array.isArray(mapping))
    return mapping.flatMap((item: unknown, index) =>
      typeof item === 'string'
        ? [{ target: { to: item }, at: [index] }]
        : typeof item === 'object' && item !== null
          ? [{ target: item as ColumnTarget, at: [index] }]
          : [],
    );
  if (typeof mapping === 'object' && mapping !== null) return [{ target: mapping as ColumnTarget, at: [] }];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function timeZoneIssues(zone: unknown, at: Key[]): ValidationIssue[] {
  return typeof zone === 'string' && !isKnownTimeZone(zone)
    ? [
        issue(
          at,
          `${JSON.stringify(zone)} is not an IANA time zone this runtime knows (such as "America/New_York", "Europe/Berlin" or "UTC")`,
          'unknown_time_zone',
        ),
      ]
    : [];
}

function formatIssues(format: unknown, at: Key[]): ValidationIssue[] {
  const formats = typeof format === 'string' ? [format] : Array.isArray(format) ? format : [];
  return formats.flatMap((value: unknown, index) =>
    typeof value === 'string' && !isUsableDateFormat(value)
      ? [
          issue(
            Array.isArray(format) ? [...at, index] : at,
            `${JSON.stringify(value)} is not a date-fns format (such as "yyyy-MM-dd HH:mm" or "dd/MM/yyyy")`,
            'invalid_date_format',
          ),
        ]
      : [],
  );
}

/** Problems of a pipeline's steps on their own and against the target field (enum values of maps). */
function stepIssues(steps: unknown, at: Key[], values: readonly string[] | undefined): ValidationIssue[] {
  if (!Array.isArray(steps)) return [];
  const problems: ValidationIssue[] = [];
  const allowed = values === undefined ? undefined : new Set(values);
  let afterMap = false;
  steps.forEach((step: unknown, index) => {
    if (!isRecord(step)) return;
    const here = [...at, index];
    if (isRecord(step['date'])) {
      problems.push(...timeZoneIssues(step['date']['timeZone'], [...here, 'date', 'timeZone']));
      problems.push(...formatIssues(step['date']['format'], [...here, 'date', 'format']));
    }
    if (isRecord(step['map']) && allowed !== undefined && !afterMap) {
      // A map onto an enum field must give its values, unless a later step may still change them (another map, or a
      // named step such as 'lowercase' or 'slug'; 'trim' leaves a listed value as it is).
      const laterMap = steps
        .slice(index + 1)
        .some((later: unknown) => (typeof later === 'string' ? later !== 'trim' : isRecord(later) && isRecord(later['map'])));
      if (!laterMap) {
        for (const [from, to] of Object.entries(step['map']))
          if (typeof to === 'string' && !allowed.has(to)) {
            const suggestion = closestMatch(to, [...allowed]);
            problems.push(
              issue(
                [...here, 'map', from],
                `${JSON.stringify(to)} is not a value of the field (one of ${[...allowed]
                  .slice(0, 12)
                  .map((value) => JSON.stringify(value))
                  .join(', ')})${suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`}`,
                'invalid_value',
              ),
            );
          }
        const otherwise = step['otherwise'];
        if (isRecord(otherwise) && typeof otherwise['value'] === 'string' && !allowed.has(otherwise['value']))
          problems.push(issue([...here, 'otherwise', 'value'], `${JSON.stringify(otherwise['value'])} is not a value of the field`, 'invalid_value'));
      }
      afterMap = true;
    }
    if (isRecord(step['map'])) {
      const seen = new Map<string, string>();
      const caseSensitive = step['caseSensitive'] === true;
      for (const from of Object.keys(step['map'])) {
        const key = caseSensitive ? from.trim() : foldText(from.trim());
        const earlier = seen.get(key);
        if (earlier !== undefined)
          problems.push(
            issue(
              [...here, 'map', from],
              `lists the same value as ${showValue(earlier)} (keys are compared after trimming${caseSensitive ? '' : ', ignoring case'})`,
              'duplicate_key',
            ),
          );
        else seen.set(key, from);
      }
    }
  });
  return problems;
}

function pathIssue(path: unknown, at: Key[], schema: LeadSchema | undefined, targets: LeadTargets): ValidationIssue[] {
  if (typeof path !== 'string') return [];
  if (targetField(targets, path) !== undefined) return [];
  const resolved = resolveFieldPath(path, leadFieldCatalog(schema));
  if (resolved.ok)
    return [
      issue(
        at,
        `${JSON.stringify(path)} is computed by leadkit (or is not a stored field) and cannot be imported; write its source field instead`,
        'not_importable',
      ),
    ];
  return [issue(at, resolved.message, 'unknown_field')];
}

/** Every problem of the mapping that zod's shape check does not see: field paths, time zones, formats, required fields. */
function mappingIssues(input: unknown, schema: LeadSchema | undefined, targets: LeadTargets): ValidationIssue[] {
  if (!isRecord(input)) return [];
  const problems: ValidationIssue[] = [];
  problems.push(...timeZoneIssues(input['timeZone'], ['timeZone']));
  problems.push(...formatIssues(input['dateFormat'], ['dateFormat']));
  const fed = new Set<string>();
  const columns = input['columns'];
  if (isRecord(columns))
    for (const column of Object.keys(columns)) {
      for (const { target, at } of columnTargets(columns[column])) {
        const here: Key[] = ['columns', column, ...at];
        if (!isRecord(target)) continue;
        const path = target.to;
        problems.push(
          ...pathIssue(
            path,
            typeof columns[column] === 'string' || (Array.isArray(columns[column]) && typeof (columns[column] as unknown[])[at[0] as number] === 'string')
              ? here
              : [...here, 'to'],
            schema,
            targets,
          ),
        );
        if (target.requires !== undefined) problems.push(...pathIssue(target.requires, [...here, 'requires'], schema, targets));
        if (typeof path === 'string') {
          fed.add(path);
          const field = targetField(targets, path);
          problems.push(...stepIssues(target.steps, [...here, 'steps'], field?.values));
        }
      }
    }
  const defaults = input['defaults'];
  if (isRecord(defaults))
    for (const [path, value] of Object.entries(defaults)) {
      const pathProblems = pathIssue(path, ['defaults', path], schema, targets);
      problems.push(...pathProblems);
      fed.add(path);
      const field = targetField(targets, path);
      if (pathProblems.length === 0 && field !== undefined && field.kind !== 'date' && field.kind !== 'money') {
        const message = field.check(value);
        if (message !== undefined) problems.push(issue(['defaults', path], message, 'invalid_default'));
      }
    }
  // Every required field of the lead (outside optional objects) must be fed by a column or a default.
  for (const key of targets.requiredKeys.get('') ?? []) {
    if (targets.requiredKeys.has(key)) continue; // an object: filled from its fields (contact may be empty)
    if (!fed.has(key))
      problems.push(
        issue(
          ['columns'],
          `no column feeds the required field ${JSON.stringify(key)}: map a column to it, or give it in "defaults" (such as { "source": "other" })`,
          'required_field_unfed',
        ),
      );
  }
  const history = input['history'];
  if (isRecord(history)) {
    for (const key of ['stage', 'from'] as const) {
      const column = history[key];
      if (isRecord(column)) problems.push(...stepIssues(column['steps'], ['history', key, 'steps'], undefined));
    }
  }
  if (Array.isArray(input['activities']))
    (input['activities'] as unknown[]).forEach((entry, index) => {
      if (isRecord(entry) && entry['type'] === 'other' && typeof entry['name'] !== 'string')
        problems.push(issue(['activities', index, 'name'], 'an activity of type "other" needs the name of its original type', 'missing_name'));
    });
  return problems;
}

/**
 * Parses an import mapping from untrusted JSON, listing every problem with its path: the shape, every target field
 * path against the lead schema (`options.lead`, `Lead` by default, with a "did you mean"), value maps onto closed
 * lists (a stage or seniority that is not one), time zones and date formats, and the required fields no column
 * feeds. Column names that name inherited members (`__proto__`, `constructor`, `toString`) are refused.
 *
 * @example
 * ```ts
 * const parsed = parseMapping({ id: 'm', columns: { Email: 'contact.emial' }, defaults: { source: 'other' } });
 * if (!parsed.ok) console.error(parsed.error.message); // columns.Email: … Did you mean "contact.email"?
 * ```
 */
export function parseMapping(input: unknown, options: LeadSchemaOptions = {}): Result<ImportMapping, ValidationError> {
  const schema = options.lead;
  const targets = leadTargets(schema ?? Lead);
  const check = (value: unknown) => mappingIssues(value, schema, targets);
  return parseWith(ImportMapping, input, 'import mapping', { forbiddenKeys: RESERVED_KEYS, check, checkInput: check });
}

/**
 * Defines an import mapping in code, validated as {@link parseMapping} does; returned as written (plain JSON data).
 *
 * @example
 * ```ts
 * const mapping = defineMapping({
 *   id: 'webinar-attendees',
 *   columns: { Email: { to: 'contact.email', steps: ['trim', 'lowercase'] }, 'Job Title': ['contact.jobTitle', { to: 'contact.seniority', steps: ['seniority'] }] },
 *   defaults: { source: 'webinar' },
 * });
 * ```
 * @throws ValidationError listing every problem when the mapping is invalid (a programmer error in code).
 */
export function defineMapping<const M extends ImportMappingJson>(mapping: M, options: LeadSchemaOptions = {}): M & ImportMapping {
  const parsed = parseMapping(mapping, options);
  if (!parsed.ok) throw parsed.error;
  return mapping as M & ImportMapping;
}
