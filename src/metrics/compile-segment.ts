import { compileConditionPredicates, type LeadPredicate } from '../conditions/compile-condition.ts';
import { leadFieldCatalog } from '../conditions/field-path.ts';
import { conditionFieldIssues } from '../conditions/check-fields.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { ValidationError } from '../errors.ts';
import { instantMs, type Instant } from '../internal/instant.ts';
import type { Lead } from '../models/lead.ts';
import type { SegmentDefinition } from './segment-definition.ts';

/** A segment compiled once into a predicate, for testing many leads. */
export interface CompiledSegment<L extends Lead = Lead> {
  /** The segment id. */
  readonly id: string;
  /** Its label (the id when it has none). */
  readonly label: string;
  /**
   * Whether a lead belongs to the segment as of an instant: its condition holds (activity windows end at `asOf`,
   * `stage` is the stage as of `asOf`).
   *
   * @throws RangeError when `asOf` is not a valid instant.
   */
  matches(lead: L, options: { readonly asOf: Instant }): boolean;
  /** The same test at an instant in epoch milliseconds, already checked (internal fast path). */
  readonly holds: LeadPredicate;
}

/**
 * Compiles a validated segment (from `parseSegment` or `defineSegment`) into a fast predicate.
 *
 * @example
 * ```ts
 * const engaged = defineSegment({ id: 'engaged', category: 'engagement', when: { activity: {}, withinDays: 30 } });
 * const segment = compileSegment(engaged);
 * const engagedLeads = leads.filter((lead) => segment.matches(lead, { asOf }));
 * ```
 * @throws ValidationError when `options.lead` is given and the segment names a field that schema does not have.
 */
export function compileSegment<L extends Lead = Lead>(definition: SegmentDefinition, options: LeadSchemaOptions = {}): CompiledSegment<L> {
  if (options.lead !== undefined) {
    const problems = conditionFieldIssues(definition.when, leadFieldCatalog(options.lead), ['when']);
    if (problems.length > 0) throw new ValidationError('segment', problems);
  }
  const holds = compileConditionPredicates(definition.when).holds;
  return {
    id: definition.id,
    label: definition.label ?? definition.id,
    holds,
    matches: (lead, matchOptions) => holds(lead, instantMs(matchOptions.asOf, 'asOf')),
  };
}
