import type { ValidationError } from '../errors.ts';
import { parseWith } from '../parse.ts';
import type { Result } from '../result.ts';
import { conditionFieldIssues } from './check-fields.ts';
import { Condition, type ConditionJson } from './condition-definition.ts';
import { leadFieldCatalog, type LeadSchema } from './field-path.ts';

/**
 * The options every `parse*`, `define*` and `compile*` function of a definition that names lead fields takes: the
 * lead schema whose fields the definition may name. Without it, paths are checked against `Lead`'s fields and
 * `customFields.*`.
 */
export interface LeadSchemaOptions {
  /**
   * Your lead schema (`Lead.extend({ accountTier: z.enum(['gold', 'silver']) })`): its fields become nameable, and a
   * path that names none of them is refused with a suggestion.
   */
  readonly lead?: LeadSchema | undefined;
}

/**
 * Parses a condition from untrusted JSON, listing every problem with its path: its form, and its field paths against
 * the lead schema (`options.lead`, `Lead` by default) with a "did you mean" for a typo.
 *
 * @example
 * ```ts
 * const parsed = parseCondition({ field: 'company.industy', in: ['software'] });
 * if (!parsed.ok) console.error(parsed.error.message); // … did you mean "company.industry"?
 * ```
 */
export function parseCondition(input: unknown, options: LeadSchemaOptions = {}): Result<Condition, ValidationError> {
  const fieldIssues = (condition: unknown) => conditionFieldIssues(condition, leadFieldCatalog(options.lead), []);
  return parseWith(Condition, input, 'condition', { check: fieldIssues, checkInput: fieldIssues });
}

/**
 * Defines a condition in code: validated like {@link parseCondition}, returned as written (plain JSON data).
 *
 * @example
 * ```ts
 * const decisionMaker = defineCondition({ field: 'contact.seniority', in: ['vp', 'c_level'] });
 * ```
 * @throws ValidationError listing every problem when the condition is invalid (a programmer error in code).
 */
export function defineCondition<const C extends ConditionJson>(condition: C, options: LeadSchemaOptions = {}): C {
  const parsed = parseCondition(condition, options);
  if (!parsed.ok) throw parsed.error;
  return condition;
}
