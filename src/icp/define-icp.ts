import { conditionFieldIssues } from '../conditions/check-fields.ts';
import { leadFieldCatalog, type LeadFieldCatalog } from '../conditions/field-path.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import type { ValidationError, ValidationIssue } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { IcpDefinition, type Icp, type IcpDefinitionJson } from './icp-definition.ts';

/** The criterion keys of a definition written in code, as a union of string literals. */
export type IcpCriterionKeyOf<D extends IcpDefinitionJson> = Extract<keyof D['criteria'], string>;

const criterionKeyRule = 'is not a valid criterion key (a letter, then letters, digits, "_" or "-"; at most 100 characters)';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every field problem of an ICP against a lead schema's fields (internal); read defensively, parsed or not. */
export function icpFieldIssues(icp: unknown, catalog: LeadFieldCatalog): ValidationIssue[] {
  if (!isRecord(icp) || !isRecord(icp['criteria'])) return [];
  return Object.entries(icp['criteria']).flatMap(([key, criterion]) =>
    isRecord(criterion) ? conditionFieldIssues(criterion['when'], catalog, ['criteria', key, 'when']) : [],
  );
}

/**
 * Parses untrusted data (JSON from a database or an API) into a validated {@link Icp}, listing every problem with
 * its path (`criteria.industry.when.in[0]`): the shape, the field paths against your lead schema (`options.lead`,
 * `Lead` by default, with a "did you mean"), values that are not in a field's closed list. Never throws for bad data;
 * criterion keys that name inherited members (`__proto__`, `constructor`, `toString`) are refused, never assigned.
 *
 * @example
 * ```ts
 * const parsed = parseIcp(JSON.parse(stored));
 * if (!parsed.ok) console.error(parsed.error.message); // every problem, with its path
 * else console.log(matchIcp(parsed.value, lead, { asOf }).score);
 * ```
 */
export function parseIcp(input: unknown, options: LeadSchemaOptions = {}): Result<Icp, ValidationError> {
  const fieldIssues = (icp: unknown) => icpFieldIssues(icp, leadFieldCatalog(options.lead));
  const parsed = parseWith(IcpDefinition, input, 'ICP definition', { forbiddenKeys: RESERVED_KEYS, check: fieldIssues, checkInput: fieldIssues });
  if (parsed.ok) return parsed;
  // zod says only "has an invalid key" for a bad record key; the only record here is `criteria`, so say what a key is.
  for (const found of parsed.error.issues) if (found.code === 'invalid_key') (found as { message: string }).message = criterionKeyRule;
  return parsed;
}

/**
 * Defines an ICP in code: validates it as {@link parseIcp} does (filling defaults such as `weight: 1`) and returns it
 * as plain data, the same JSON a team stores. `const` inference keeps the criterion keys literal, so results name
 * them exactly.
 *
 * @example
 * ```ts
 * const icp = defineIcp({
 *   id: 'mid-market-saas',
 *   criteria: {
 *     industry: { when: { field: 'company.industry', in: ['software', 'technology'] }, weight: 3, required: true },
 *     employees: { when: { field: 'company.employeeCount', min: 50, max: 200 }, weight: 2 },
 *     student: { when: { field: 'contact.seniority', equals: 'student' }, exclude: true },
 *   },
 * });
 * const fit = matchIcp(icp, lead, { asOf: new Date('2024-06-30T00:00:00Z') });
 * ```
 * @throws ValidationError listing every problem when the definition is invalid (a programmer error in code; use
 * {@link parseIcp} for data from outside).
 */
export function defineIcp<const D extends IcpDefinitionJson>(definition: D, options: LeadSchemaOptions = {}): Icp<IcpCriterionKeyOf<D>> {
  const parsed = parseIcp(definition, options);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as Icp<IcpCriterionKeyOf<D>>;
}
