import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { Lead } from '../models/index.ts';
import { leadTargets, targetField, type TargetField } from './lead-targets.ts';

const thirteen = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'] as const;

const CrmLead = Lead.extend({
  accountTier: z.literal(['gold', 'silver']).optional(),
  letter: z.enum(thirteen).optional(),
  renewalAt: z.date().optional(),
  signedAt: z
    .string()
    .transform((text) => new Date(text))
    .pipe(z.date())
    .optional(),
  budget: z
    .string()
    .transform((text) => ({ amountMinor: Number(text), currency: 'EUR' }))
    .pipe(z.object({ amountMinor: z.int(), currency: z.string() }))
    .optional(),
  meta: z.object({ note: z.string(), nested: z.lazy(() => z.string()).optional() }).default({ note: '' }),
  seats: z.int().min(1).max(500),
  ratio: z.number().gt(0).lt(1).optional(),
  code: z
    .string()
    .min(2)
    .max(5)
    .regex(/^[A-Z]+$/)
    .prefault('AB'),
  globalPattern: z.string().regex(/x/g).optional(),
  multiple: z.number().multipleOf(5).optional(),
  labels: z.array(z.string()).optional(),
  scores: z.array(z.number()).optional(),
  tags: z.array(z.string().min(1).max(3)).min(1).max(4).optional(),
  mixed: z.union([z.string(), z.number()]).optional(),
  big: z.bigint().optional(),
});

const targets = leadTargets(CrmLead);
const field = (path: string): TargetField => {
  const found = targetField(targets, path);
  if (found === undefined) throw new Error(`no field ${path}`);
  return found;
};

describe('leadTargets of an extended lead', () => {
  it('reads the kind of each extra field, and leaves out what it cannot write', () => {
    expect(
      ['accountTier', 'letter', 'renewalAt', 'signedAt', 'budget', 'meta.note', 'meta.nested', 'seats', 'ratio', 'code', 'labels', 'mixed'].map((path) => [
        path,
        field(path).kind,
      ]),
    ).toEqual([
      ['accountTier', 'text'],
      ['letter', 'text'],
      ['renewalAt', 'date'],
      ['signedAt', 'date'],
      ['budget', 'money'],
      ['meta.note', 'text'],
      ['meta.nested', 'text'],
      ['seats', 'number'],
      ['ratio', 'number'],
      ['code', 'text'],
      ['labels', 'list'],
      ['mixed', 'any'],
    ]);
    expect(targetField(targets, 'scores')).toBeUndefined();
    expect(targetField(targets, 'big')).toBeUndefined();
    expect(targetField(targets, 'meta')).toBeUndefined();
    expect(targetField(targets, 'customFields.')).toBeUndefined();
    expect(field('accountTier').values).toEqual(['gold', 'silver']);
  });

  it('counts defaulted, prefaulted and optional fields as optional', () => {
    const required = targets.requiredKeys.get('') ?? [];
    expect(required).toContain('seats');
    expect(required).toContain('id');
    for (const optional of ['meta', 'code', 'accountTier', 'renewalAt']) expect(required).not.toContain(optional);
    expect(targets.requiredKeys.get('meta')).toEqual(['note']);
  });

  it('checks enum values, listing at most twelve', () => {
    expect(field('accountTier').check('gold')).toBeUndefined();
    expect(field('accountTier').check('bronze')).toBe('must be one of "gold", "silver", not "bronze"');
    expect(field('letter').check('z')).toBe('must be one of "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", …, not "z"');
  });

  it('checks numbers against their bounds, inclusive or not, and integers', () => {
    const seats = field('seats').check;
    expect([1, 500, 42].map(seats)).toEqual([undefined, undefined, undefined]);
    // 2.5 for a z.int() field: the fast check once read the checks list but not the safeint format that z.int() keeps
    // on its own definition, and accepted it.
    for (const refused of [0, 501, 2.5, Number.NaN, '3']) expect(seats(refused), String(refused)).toEqual(expect.any(String));
    const ratio = field('ratio').check;
    expect(ratio(0.5)).toBeUndefined();
    expect(ratio(0)).toEqual(expect.any(String));
    expect(ratio(1)).toEqual(expect.any(String));
    expect(field('multiple').check(10)).toBeUndefined();
    expect(field('multiple').check(7)).toEqual(expect.any(String));
  });

  it('checks text against its lengths and patterns', () => {
    const code = field('code').check;
    expect(code('ABC')).toBeUndefined();
    for (const refused of ['A', 'ABCDEF', 'abc', 7]) expect(code(refused), String(refused)).toEqual(expect.any(String));
    expect(field('globalPattern').check('xx')).toBeUndefined();
    expect(field('globalPattern').check('yy')).toEqual(expect.any(String));
  });

  it('checks dates, money and lists', () => {
    expect(field('renewalAt').check(new Date('2024-01-01T00:00:00Z'))).toBeUndefined();
    expect(field('renewalAt').check(new Date(Number.NaN))).toMatch(/^must be a date, not /);
    expect(field('renewalAt').check('2024-01-01')).toBe('must be a date, not "2024-01-01"');
    expect(field('budget').check({ amountMinor: 100, currency: 'EUR' })).toBeUndefined();
    expect(field('budget').check({ amountMinor: 1.5, currency: 'EUR' })).toMatch(/^must be an amount of money, not /);
    expect(field('budget').check({ amountMinor: 100, currency: 'XXY' })).toMatch(/^must be an amount of money, not /);
    expect(field('labels').check(['a', 'b'])).toBeUndefined();
    expect(field('labels').check(['a', 3])).toEqual(expect.any(String));
  });

  it('accepts a list exactly when its schema does: its length, and every item by the item schema', () => {
    const tags = field('tags').check;
    const schema = CrmLead.shape.tags.unwrap();
    const item = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 6 }), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 6 }), item), (value) => {
        expect(tags(value) === undefined).toBe(schema.safeParse(value).success);
      }),
    );
    expect(tags(['ab', 'c'])).toBeUndefined();
    expect(tags([])).toEqual(expect.any(String));
    expect(tags(['abcd'])).toEqual(expect.any(String));
  });
});

describe('the checks of the standard lead fields', () => {
  const standard = leadTargets(Lead);
  const check = (path: string) => (targetField(standard, path) as TargetField).check;

  it('short texts: not empty, at most 500 characters', () => {
    expect(check('company.name')('Acme')).toBeUndefined();
    expect(check('company.name')('')).toBe('must not be empty');
    expect(check('company.name')('x'.repeat(501))).toBe('must be at most 500 characters long (it has 501)');
    expect(check('company.name')(5)).toBe('must be text, not 5');
  });

  it('ids: non-empty text of at most 200 characters', () => {
    expect(check('id')('L-1')).toBeUndefined();
    expect(check('id')('')).toBe('must be non-empty text, not ""');
    expect(check('id')('x'.repeat(201))).toBe('must be at most 200 characters long (it has 201)');
  });

  it('custom fields: text, finite numbers, booleans, null, and short lists of texts', () => {
    const custom = check('customFields.plan');
    expect([null, true, 3, 'gold', ['a', 'b']].map(custom)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(custom(Number.POSITIVE_INFINITY)).toBe('must be a finite number, not Infinity');
    expect(custom('x'.repeat(10_001))).toBe('must be at most 10,000 characters long (it has 10001)');
    expect(custom(['a', 1])).toBe('must be a list of at most 1,000 texts');
    expect(custom(Array.from({ length: 1001 }, () => 'a'))).toBe('must be a list of at most 1,000 texts');
    expect(custom({ a: 1 })).toMatch(/^must be text, a number, true or false, not /);
  });
});
