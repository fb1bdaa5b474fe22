import fc from 'fast-check';
import type { ActivityFilterJson } from '../conditions/activity-filter.ts';
import type { ConditionJson } from '../conditions/condition-definition.ts';
import { ActivityType, PageKind } from '../models/activity.ts';
import { DecisionRole, Seniority } from '../models/contact.ts';
import { LeadSource } from '../models/lead-source.ts';

/** Options of {@link arbitraryCondition}. */
export interface ArbitraryConditionOptions {
  /** How deep `all`, `any` and `not` may nest (default 3; 0 gives single tests). */
  readonly maxDepth?: number;
}

// Values that `arbitraryLead` produces, in other cases too, so that text comparison ignoring case is exercised.
const industries = ['software', 'Software', 'TECHNOLOGY', 'retail', 'healthcare', 'education', 'mining'];
const countries = ['US', 'gb', 'DE', 'fr', 'JP', 'NZ'];
const technologies = ['aws', 'GCP', 'salesforce', 'HubSpot', 'oracle'];
const titles = ['cto', 'Director', 'vp', 'student', 'engineer', 'it director'];
const cases = (values: readonly string[]) => fc.constantFrom(...values, ...values.map((value) => value.toUpperCase()));

const textTests = (field: string, vocabulary: fc.Arbitrary<string>, closed = false): fc.Arbitrary<ConditionJson> =>
  fc.oneof(
    vocabulary.map((value) => ({ field, equals: value })),
    fc.uniqueArray(vocabulary, { minLength: 1, maxLength: 4 }).map((values) => ({ field, in: values })),
    vocabulary.map((value) => ({ field, contains: value.slice(0, Math.max(1, value.length - 2)) })),
    vocabulary.map((value) => ({ field, startsWith: value.slice(0, 2) })),
    vocabulary.map((value) => ({ field, endsWith: value.slice(-3) })),
    // Exact case on a closed list (country codes) would refuse a value in another case: only on open fields.
    closed ? vocabulary.map((value) => ({ field, equals: value.toUpperCase() })) : vocabulary.map((value) => ({ field, equals: value, caseSensitive: true })),
    fc.boolean().map((exists) => ({ field, exists })),
  );

const numberTests = (field: string, max: number): fc.Arbitrary<ConditionJson> =>
  fc.oneof(
    fc.integer({ min: 0, max }).map((min) => ({ field, min })),
    fc.integer({ min: 0, max }).map((value) => ({ field, max: value })),
    fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => ({ field, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.integer({ min: 0, max: 10 }).map((value) => ({ field, equals: value })),
    fc.boolean().map((exists) => ({ field, exists })),
  );

const activityFilter: fc.Arbitrary<ActivityFilterJson> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...ActivityType.options).map((type) => ({ type })),
  fc.uniqueArray(fc.constantFrom(...ActivityType.options), { minLength: 1, maxLength: 4 }).map((type) => ({ type })),
  fc.constantFrom(...PageKind.options).map((pageKind) => ({ type: 'page_viewed' as const, pageKind })),
  fc.constantFrom('/pricing', '/PRICING', '/blog/*', '*demo*', '/').map((url) => ({ type: 'page_viewed' as const, url })),
  fc.constantFrom('hard' as const, 'soft' as const).map((bounce) => ({ type: 'email_bounced' as const, bounce })),
  fc.constantFrom('inbound' as const, 'outbound' as const).map((direction) => ({ type: 'call' as const, direction })),
);

const activityTest: fc.Arbitrary<ConditionJson> = fc
  .record(
    {
      activity: activityFilter,
      atLeast: fc.integer({ min: 0, max: 4 }),
      atMost: fc.integer({ min: 0, max: 6 }),
      withinDays: fc.integer({ min: 1, max: 3650 }),
    },
    { requiredKeys: ['activity'] },
  )
  .map((drawn) => {
    // atLeast 0 without atMost holds for every lead and is refused; atLeast above atMost matches nothing and is refused.
    const atLeast = drawn.atLeast;
    if (atLeast === 0 && drawn.atMost === undefined) return { ...drawn, atLeast: 1 };
    if (atLeast !== undefined && drawn.atMost !== undefined && atLeast > drawn.atMost) return { ...drawn, atMost: atLeast };
    if (atLeast === undefined && drawn.atMost === 0) return { ...drawn, atLeast: 0 };
    return drawn;
  });

const leaf: fc.Arbitrary<ConditionJson> = fc.oneof(
  textTests('company.industry', fc.constantFrom(...industries)),
  textTests('company.country', fc.constantFrom(...countries), true),
  textTests('company.technologies', fc.constantFrom(...technologies)),
  textTests('contact.jobTitle', fc.constantFrom(...titles)),
  fc.constantFrom(...titles).map((title) => ({ field: 'contact.jobTitle', containsWords: title })),
  fc.oneof(
    cases(Seniority.options).map((value) => ({ field: 'contact.seniority', equals: value })),
    fc.boolean().map((exists) => ({ field: 'contact.seniority', exists })),
  ),
  fc.uniqueArray(fc.constantFrom(...DecisionRole.options), { minLength: 1, maxLength: 3 }).map((values) => ({ field: 'contact.decisionRole', in: values })),
  fc.uniqueArray(fc.constantFrom(...LeadSource.options), { minLength: 1, maxLength: 3 }).map((values) => ({ field: 'source', in: values })),
  numberTests('company.employeeCount', 500_000),
  fc
    .tuple(fc.constantFrom('USD', 'EUR', 'JPY'), fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 0, max: 10 ** 11 }))
    .map(([currency, a, b]) => ({ field: 'company.annualRevenue', currency, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.constantFrom('free', 'business').map((kind) => ({ field: 'contact.emailKind', equals: kind })),
  fc.constantFrom('lead', 'mql', 'sql', 'customer').map((stage) => ({ field: 'stage', equals: stage })),
  fc.constantFrom('acme', 'globex', 'ACME').map((value) => ({ field: 'customFields.acme', equals: value })),
  fc.integer({ min: -5, max: 5 }).map((min) => ({ field: 'customFields.globex', min })),
  activityTest,
);

/**
 * Valid conditions (see `Condition` in `leadkit/conditions`) over the fields and values {@link arbitraryLead}
 * produces, in mixed case, with combinations nested up to `maxDepth`: for property tests of anything that takes a
 * condition (a scoring rule, a segment, an ICP criterion, a SQL compilation).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 *
 * fc.assert(fc.property(arbitraryCondition(), arbitraryLead(), (condition, lead) => {
 *   const compiled = compileCondition(condition);
 *   return compiled.matches(lead, { asOf }) === (compiled.evaluate(lead, { asOf }) === 'matched');
 * }));
 * ```
 */
export function arbitraryCondition(options: ArbitraryConditionOptions = {}): fc.Arbitrary<ConditionJson> {
  const maxDepth = options.maxDepth ?? 3;
  const { condition } = fc.letrec<{ condition: ConditionJson }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { arbitrary: leaf, weight: 4 },
      { arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })), weight: 1 },
      { arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })), weight: 1 },
      { arbitrary: tie('condition').map((not) => ({ not })), weight: 1 },
    ),
  }));
  return condition;
}
