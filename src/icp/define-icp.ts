import { ValidationError } from '../errors.ts';
import { forbiddenKeyIssues } from '../internal/forbidden-keys.ts';
import { parseWith } from '../parse.ts';
import { err, ok, type Result } from '../result.ts';
import { IcpDefinition, type Icp, type IcpDefinitionJson } from './definition.ts';

/** The criterion keys of a definition written in code, as a union of string literals. */
export type IcpCriterionKeyOf<D extends IcpDefinitionJson> = Extract<keyof D['criteria'], string>;

const dangerousKeys = ['__proto__', 'constructor', 'prototype'];
const criterionKeyRule = 'is not a valid criterion key (a letter, then letters, digits, "_" or "-"; at most 100 characters)';

/**
 * Parses untrusted data (JSON from a database or an API) into a validated {@link Icp}, listing every problem with
 * its path (`criteria.industry.values[0]`). Never throws for bad data; `__proto__` keys are reported, never assigned.
 *
 * @example
 * ```ts
 * const parsed = parseIcp(JSON.parse(stored));
 * if (!parsed.ok) return reply(400, parsed.error.issues);
 * const fit = matchIcp(parsed.value, lead, { asOf });
 * ```
 */
export function parseIcp(input: unknown): Result<Icp, ValidationError> {
  // zod drops a `__proto__` key from records without a word; a stored ICP with one is tampered or broken, so say so.
  const forbidden = forbiddenKeyIssues(input, dangerousKeys);
  const parsed = parseWith(IcpDefinition, input, 'ICP definition');
  if (parsed.ok && forbidden.length === 0) return parsed;
  // zod says only "has an invalid key" for a bad record key; the only record here is `criteria`, so say what a key is.
  const issues = (parsed.ok ? [] : parsed.error.issues).map((found) =>
    found.code === 'invalid_key' ? { ...found, message: criterionKeyRule } : found,
  );
  return err(new ValidationError('ICP definition', [...forbidden, ...issues]));
}

/**
 * The non-throwing form of {@link defineIcp}: validates a definition written in code and keeps its criterion keys
 * as literal types.
 *
 * @example
 * ```ts
 * const result = safeDefineIcp({ id: 'smb', criteria: { size: { kind: 'range', field: 'company.employeeCount', max: 50 } } });
 * if (result.ok) matchIcp(result.value, lead, { asOf }).matched; // ('size')[]
 * ```
 */
export function safeDefineIcp<const D extends IcpDefinitionJson>(definition: D): Result<Icp<IcpCriterionKeyOf<D>>, ValidationError> {
  const parsed = parseIcp(definition);
  if (!parsed.ok) return parsed;
  return ok(parsed.value as Icp<IcpCriterionKeyOf<D>>);
}

/**
 * Defines an ICP in code: validates it (filling defaults such as `weight: 1`) and returns it as plain data, the same
 * JSON a team stores. `const` inference keeps the criterion keys literal, so results name them exactly.
 *
 * @example
 * ```ts
 * const icp = defineIcp({
 *   id: 'mid-market-saas',
 *   criteria: {
 *     industry: { kind: 'oneOf', field: 'company.industry', values: ['software', 'technology'], weight: 3, required: true },
 *     employees: { kind: 'range', field: 'company.employeeCount', min: 50, max: 200, weight: 2 },
 *     student: { kind: 'oneOf', field: 'contact.seniority', values: ['student'], exclude: true },
 *   },
 * });
 * const fit = matchIcp(icp, lead, { asOf: new Date('2024-06-30T00:00:00Z') });
 * ```
 * @throws ValidationError listing every problem when the definition is invalid (a programmer error in code; use
 * {@link parseIcp} or {@link safeDefineIcp} for data from outside).
 */
export function defineIcp<const D extends IcpDefinitionJson>(definition: D): Icp<IcpCriterionKeyOf<D>> {
  const result = safeDefineIcp(definition);
  if (!result.ok) throw result.error;
  return result.value;
}
