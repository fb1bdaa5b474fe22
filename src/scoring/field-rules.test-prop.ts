import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import type { ConditionJson } from '../conditions/condition-definition.ts';
import { defineScoringModel, parseScoringModel } from './define-scoring-model.ts';
import type { ScoringModelJson } from './scoring-model-definition.ts';

type ScoringRule = ScoringModelJson['rules'][number];

// The compiled scorer reads each field once, remembers rule outcomes per distinct value and compares listed strings
// one by one. Checked here against a direct reading of the rules, over many leads scored by one scorer in turn (so
// remembered values are reused), with repeated values, equal strings that are different objects, and missing fields.

const asOf = new Date('2024-06-01T00:00:00Z');

// Built at run time, so the same text also arrives as a different string object than the literal.
const copy = (text: string): string => [...text].join('');
const words = ['software', 'technology', 'retail', 'Software', 'VP Sales', 'vp', 'Director of IT', '', '\u0000', 'a.b*c', 'ÉCOLE'];
const word = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map(copy));
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });
const number = fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: -10, max: 3000, noNaN: true }));
const customValue = fc.oneof(word, number, fc.boolean(), fc.constant(null), fc.array(word, { maxLength: 3 }));

const leads: fc.Arbitrary<Lead[]> = fc
  .array(
    fc.record({
      industry: maybe(word),
      employeeCount: maybe(fc.integer({ min: 0, max: 2000 })),
      revenue: maybe(fc.record({ amountMinor: fc.integer({ min: 0, max: 10 ** 10 }), currency: fc.constantFrom('USD', 'EUR', 'JPY') })),
      technologies: maybe(fc.array(word, { maxLength: 4 })),
      hasCompany: fc.boolean(),
      jobTitle: maybe(word),
      email: maybe(fc.constantFrom('ada@Acme.com', 'x@acme.com', 'no-at-sign', 'b@retail.io')),
      score: maybe(customValue),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((drawn) =>
    drawn.map(
      (item, index): Lead => ({
        id: `lead-${index}`,
        contact: {
          ...(item.jobTitle === undefined ? {} : { jobTitle: item.jobTitle }),
          ...(item.email === undefined ? {} : { email: item.email }),
        },
        ...(item.hasCompany
          ? {
              company: {
                name: 'Acme',
                ...(item.industry === undefined ? {} : { industry: item.industry }),
                ...(item.employeeCount === undefined ? {} : { employeeCount: item.employeeCount }),
                ...(item.revenue === undefined ? {} : { annualRevenue: item.revenue }),
                ...(item.technologies === undefined ? {} : { technologies: item.technologies }),
              },
            }
          : {}),
        source: 'referral',
        createdAt: new Date('2024-01-01T00:00:00Z'),
        activities: [],
        ...(item.score === undefined ? {} : { customFields: { score: item.score } }),
      }),
    ),
  );

const fields = [
  'company.industry',
  'company.employeeCount',
  'company.annualRevenue',
  'company.technologies',
  'contact.jobTitle',
  'contact.emailDomain',
  'customFields.score',
] as const;
type Field = (typeof fields)[number];
const scalar = fc.oneof(word, number, fc.boolean());
const fieldTest = (field: Field): fc.Arbitrary<ConditionJson> =>
  fc.oneof(
    fc.record({ field: fc.constant(field), equals: scalar }),
    fc.record({ field: fc.constant(field), in: fc.array(scalar, { minLength: 1, maxLength: 20 }) }),
    fc.record({ field: fc.constant(field), exists: fc.boolean() }),
    fc.record({ field: fc.constant(field), contains: fc.constantFrom('vp', 'SOFT', 'ware', '.', '*') }),
    fc.record({ field: fc.constant(field), startsWith: fc.constantFrom('vp', 'Dir', 's') }),
    fc.record({ field: fc.constant(field), endsWith: fc.constantFrom('it', 'ware', 'com') }),
    fc.record({ field: fc.constant(field), min: number }),
    fc.record({ field: fc.constant(field), max: number }),
    fc.record({ field: fc.constant(field), min: fc.integer({ min: -5, max: 100 }), max: fc.integer({ min: 100, max: 3000 }) }),
  );
const rule = (index: number): fc.Arbitrary<ScoringRule> =>
  fc
    .constantFrom(...fields)
    .chain((field) =>
      fc.oneof(
        fc.record({
          kind: fc.constant('points' as const),
          id: fc.constant(`r${index}`),
          label: fc.constant('R'),
          when: fieldTest(field),
          points: fc.integer({ min: -20, max: 20 }),
        }),
        fc.record(
          {
            kind: fc.constant('values' as const),
            id: fc.constant(`r${index}`),
            label: fc.constant('R'),
            field: fc.constant(field),
            values: fc.dictionary(
              fc.oneof(
                word.filter((text) => text.length > 0),
                fc.constantFrom('1', 'true', '150'),
              ),
              fc.integer({ min: -20, max: 20 }),
              { maxKeys: 20 },
            ),
            otherwise: fc.integer({ min: -5, max: 5 }),
          },
          { requiredKeys: ['kind', 'id', 'label', 'field', 'values'] },
        ),
        fc.record(
          {
            kind: fc.constant('bands' as const),
            id: fc.constant(`r${index}`),
            label: fc.constant('R'),
            field: fc.constant(field),
            currency: fc.constantFrom('USD', 'JPY'),
            bands: fc.array(fc.record({ min: number, max: number, points: fc.integer({ min: -20, max: 20 }) }, { requiredKeys: ['points'] }), {
              minLength: 1,
              maxLength: 4,
            }),
          },
          { requiredKeys: ['kind', 'id', 'label', 'field', 'bands'] },
        ),
      ),
    )
    .map((drawn) => JSON.parse(JSON.stringify(drawn)) as ScoringRule)
    // Only rules the model language accepts: a test that suits the field, values of the right type, currency on money.
    .filter((drawn) => parseScoringModel({ schemaVersion: 1, id: 'one', rules: [drawn] }).ok);
const models: fc.Arbitrary<ScoringModelJson> = fc
  .integer({ min: 1, max: 10 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => rule(index))))
  .map((rules) => ({ schemaVersion: 1, id: 'fields', rules }) as ScoringModelJson);

// A direct reading of the rules, written independently of the engine, by the language's rules: text compared ignoring
// case, a missing value (nothing, empty text, an empty list) never matches but `exists: false`, money compared in the
// rule's currency only.
function read(lead: Lead, field: string): unknown {
  const company = lead.company;
  switch (field) {
    case 'company.industry':
      return company?.industry;
    case 'company.employeeCount':
      return company?.employeeCount;
    case 'company.technologies':
      return company?.technologies;
    case 'company.annualRevenue':
      return company?.annualRevenue;
    case 'contact.jobTitle':
      return lead.contact.jobTitle;
    case 'contact.emailDomain': {
      const email = lead.contact.email;
      return email === undefined || !email.includes('@') ? undefined : email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    }
    default:
      return lead.customFields?.['score'];
  }
}
const missing = (value: unknown): boolean => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const same = (left: unknown, right: unknown): boolean =>
  typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() === right.toLowerCase() : left === right;
const texts = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value.toLowerCase()]
    : Array.isArray(value)
      ? value.filter((item) => typeof item === 'string').map((item: string) => item.toLowerCase())
      : [];
function numberIn(value: unknown, currency: string | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (currency !== undefined && typeof value === 'object' && value !== null && (value as { currency: string }).currency === currency)
    return (value as { amountMinor: number }).amountMinor / (currency === 'JPY' ? 1 : 100);
  return undefined;
}
function holds(when: ConditionJson, value: unknown): boolean {
  if (when.exists !== undefined) return !missing(value) === when.exists;
  if (missing(value)) return false;
  const listed: readonly unknown[] | undefined = when.equals !== undefined ? [when.equals] : when.in;
  if (listed !== undefined) return (Array.isArray(value) ? value : [value]).some((item) => listed.some((entry) => same(item, entry)));
  if (when.contains !== undefined) return texts(value).some((text) => text.includes((when.contains as string).toLowerCase()));
  if (when.startsWith !== undefined) return texts(value).some((text) => text.startsWith((when.startsWith as string).toLowerCase()));
  if (when.endsWith !== undefined) return texts(value).some((text) => text.endsWith((when.endsWith as string).toLowerCase()));
  const number = numberIn(value, when.currency);
  return number !== undefined && number >= (when.min ?? -Infinity) && number <= (when.max ?? Infinity);
}
function expectedPoints(rule: ScoringRule, lead: Lead): number {
  switch (rule.kind) {
    case 'points':
      return holds(rule.when, read(lead, rule.when.field as string)) ? rule.points : 0;
    case 'values': {
      const value = read(lead, rule.field);
      if (missing(value)) return 0;
      const lookup = (item: unknown): number | undefined => {
        const key = Object.keys(rule.values).find((candidate) =>
          typeof item === 'string' ? candidate.toLowerCase() === item.toLowerCase() : candidate === String(item),
        );
        return key === undefined ? undefined : rule.values[key];
      };
      if (Array.isArray(value)) {
        const found = value.map(lookup).filter((points): points is number => points !== undefined);
        return found.length === 0 && rule.otherwise !== undefined ? rule.otherwise : found.reduce((sum, points) => sum + points, 0);
      }
      return typeof value === 'object' ? 0 : (lookup(value) ?? rule.otherwise ?? 0);
    }
    case 'bands': {
      const number = numberIn(read(lead, rule.field), rule.currency);
      if (number === undefined) return 0;
      return rule.bands.find((band) => number >= (band.min ?? -Infinity) && number <= (band.max ?? Infinity))?.points ?? 0;
    }
    default:
      return 0;
  }
}

describe('field rules (compiled per field, remembered per value)', () => {
  it('give every rule exactly its own points, lead after lead, on both paths', () => {
    fc.assert(
      fc.property(models, leads, (model, batch) => {
        const scorer = compileScoringModel(defineScoringModel(model));
        // Twice over the batch: the second pass reads remembered values.
        for (const lead of [...batch, ...batch]) {
          const result = scorer(lead, { asOf });
          let total = 0;
          for (const item of model.rules) {
            const expected = expectedPoints(item, lead);
            total += expected;
            const found = result.contributions.find((entry) => entry.ruleId === item.id);
            expect(found?.points ?? 0).toBe(expected);
          }
          expect(result.score).toBe(total);
          expect(scorer.scoreValue(lead, asOf)).toBe(total);
        }
      }),
      { numRuns: 300 },
    );
  });
});
