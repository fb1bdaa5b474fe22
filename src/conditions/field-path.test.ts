import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { Lead } from '../models/lead.ts';
import { compileFieldReader, FieldPath, LEAD_FIELD_PATHS, leadFieldCatalog, resolveFieldPath } from './field-path.ts';

describe('leadFieldCatalog', () => {
  it('lists every field of Lead with what it holds, in step with LEAD_FIELD_PATHS', () => {
    const catalog = leadFieldCatalog();
    expect([...catalog.fields.keys()].filter((path) => path !== 'customFields.*').sort()).toEqual([...LEAD_FIELD_PATHS].sort());
    expect(catalog.fields.get('company.employeeCount')?.kind).toBe('number');
    expect(catalog.fields.get('company.annualRevenue')?.kind).toBe('money');
    expect(catalog.fields.get('company.technologies')?.kind).toBe('list');
    expect(catalog.fields.get('createdAt')?.kind).toBe('date');
    expect(catalog.fields.get('consent.emailOptOut')?.kind).toBe('boolean');
    expect(catalog.fields.get('contact.seniority')?.values).toContain('c_level');
    expect(catalog.fields.get('company.country')?.values).toContain('GB');
    expect(catalog.fields.get('contact.emailKind')).toMatchObject({ values: ['free', 'business'], derived: expect.any(String) });
    expect(catalog.openRecords).toEqual(['customFields']);
    expect(catalog.fields.has('activities')).toBe(false);
    expect(catalog.fields.has('stageHistory')).toBe(false);
  });

  it('adds the fields of an extended lead, nested ones included', () => {
    const CrmLead = Lead.extend({
      accountTier: z.enum(['gold', 'silver']).optional(),
      health: z.object({ score: z.number(), flags: z.array(z.string()) }).optional(),
    });
    const catalog = leadFieldCatalog(CrmLead);
    expect(catalog.fields.get('accountTier')).toEqual({ path: 'accountTier', kind: 'text', values: ['gold', 'silver'] });
    expect(catalog.fields.get('health.score')?.kind).toBe('number');
    expect(catalog.fields.get('health.flags')?.kind).toBe('list');
  });
});

describe('resolveFieldPath', () => {
  const catalog = leadFieldCatalog();
  it('resolves known paths and any custom field, and suggests the nearest path for a typo', () => {
    expect(resolveFieldPath('company.industry', catalog)).toMatchObject({ ok: true, field: { kind: 'text' } });
    expect(resolveFieldPath('customFields.plan.tier', catalog)).toEqual({ ok: true, field: { path: 'customFields.plan.tier', kind: 'any' } });
    const typo = resolveFieldPath('contact.senority', catalog);
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.message).toContain('Did you mean "contact.seniority"?');
    const far = resolveFieldPath('zzzz', catalog);
    if (!far.ok) expect(far.message).not.toContain('Did you mean');
    expect(resolveFieldPath('customFields', catalog).ok).toBe(false);
  });
});

describe('compileFieldReader', () => {
  it('reads built-in, custom, extended and derived fields, own properties only', () => {
    const lead = {
      id: 'a',
      contact: { email: 'Ada@Example.COM' },
      company: { name: 'A', industry: 'software' },
      source: 'referral',
      createdAt: new Date('2024-01-01T00:00:00Z'),
      activities: [],
      customFields: { 'plan.tier': 'pro' },
      accountTier: 'gold',
    } as unknown as Lead;
    const asOf = Date.parse('2024-06-01T00:00:00Z');
    expect(compileFieldReader('company.industry')(lead, asOf)).toBe('software');
    expect(compileFieldReader('customFields.plan.tier')(lead, asOf)).toBe('pro');
    expect(compileFieldReader('accountTier')(lead, asOf)).toBe('gold');
    expect(compileFieldReader('contact.emailDomain')(lead, asOf)).toBe('example.com');
    expect(compileFieldReader('contact.emailKind')(lead, asOf)).toBe('business');
    expect(compileFieldReader('company.name.length')(lead, asOf)).toBeUndefined();
    expect(compileFieldReader('company.toString')(lead, asOf)).toBeUndefined();
    expect(compileFieldReader('customFields.hasOwnProperty')(lead, asOf)).toBeUndefined();
    expect(compileFieldReader('stage')(lead, asOf)).toBeUndefined();
  });
});

describe('FieldPath', () => {
  it('refuses text that is not a dotted path, and the segments that reach prototypes, quoting the path', () => {
    const bad = FieldPath.safeParse('company..industry');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"company..industry" is not a field path such as "company.industry" or "customFields.plan"');
    const proto = FieldPath.safeParse('customFields.__proto__');
    expect(proto.error?.issues[0]?.message).toBe('"customFields.__proto__" may not name "__proto__", "constructor" or "prototype"');
    const long = FieldPath.safeParse(`1${'a'.repeat(99)}`);
    expect(long.error?.issues[0]?.message).toBe(`"1${'a'.repeat(56)}…" is not a field path such as "company.industry" or "customFields.plan"`);
    expect(FieldPath.parse('customFields.plan tier')).toBe('customFields.plan tier');
  });
});

describe('leadFieldCatalog of unusual schemas', () => {
  const AmountCodec = z.codec(z.string(), z.object({ amountMinor: z.number(), currency: z.string() }), {
    decode: (text) => ({ amountMinor: Number(text), currency: 'EUR' }),
    encode: (money) => String(money.amountMinor),
  });
  const PointCodec = z.codec(z.string(), z.object({ x: z.number() }), { decode: (text) => ({ x: Number(text) }), encode: (point) => String(point.x) });
  const deep = (depth: number): z.ZodType => (depth === 0 ? z.string() : z.object({ next: deep(depth - 1) }));
  const Extended = Lead.extend({
    lazyTier: z.lazy(() => z.enum(['a', 'b'])).optional(),
    kind: z.literal(['x', 'y']),
    tierOrFree: z.union([z.literal('gold'), z.enum(['silver', 'bronze'])]),
    mixedUnion: z.union([z.literal('gold'), z.string()]),
    numberish: z.union([z.number(), z.int()]),
    onlyOption: z.union([z.boolean()]),
    objectUnion: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
    budget: AmountCodec,
    point: PointCodec,
    seenAt: z.codec(z.string(), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() }),
    tiers: z.array(z.enum(['a', 'b'])),
    scores: z.array(z.number()),
    slug: z.string().transform((text) => text.toLowerCase()),
    extras: z.record(z.string(), z.string()),
    bigNumber: z.bigint(),
    deep: deep(9),
    plain: 'not a schema' as unknown as z.ZodString,
  });
  const catalog = leadFieldCatalog(Extended as unknown as z.ZodType<Lead, unknown>);

  it('finds the values of enums behind lazy schemas, literals and unions of them', () => {
    expect(catalog.fields.get('lazyTier')).toEqual({ path: 'lazyTier', kind: 'text', values: ['a', 'b'] });
    expect(catalog.fields.get('kind')).toEqual({ path: 'kind', kind: 'text', values: ['x', 'y'] });
    expect(catalog.fields.get('tierOrFree')).toEqual({ path: 'tierOrFree', kind: 'text', values: ['gold', 'silver', 'bronze'] });
    expect(catalog.fields.get('tiers')).toEqual({ path: 'tiers', kind: 'list', values: ['a', 'b'] });
  });

  it('classifies unions of different kinds as any, and a union of one option by that option', () => {
    expect(catalog.fields.get('mixedUnion')?.kind).toBe('any');
    expect(catalog.fields.get('numberish')?.kind).toBe('any');
    expect(catalog.fields.get('onlyOption')?.kind).toBe('boolean');
  });

  it('reads codecs by what they decode to: amounts of money, dates; other objects are skipped', () => {
    expect(catalog.fields.get('budget')).toEqual({ path: 'budget', kind: 'money' });
    expect(catalog.fields.get('seenAt')).toEqual({ path: 'seenAt', kind: 'date' });
    expect([...catalog.fields.keys()].filter((path) => path.startsWith('point'))).toEqual([]);
  });

  it('skips what no condition can test, and objects nested deeper than six levels', () => {
    for (const path of ['scores', 'slug', 'bigNumber', 'plain', 'objectUnion', 'objectUnion.a']) expect(catalog.fields.has(path), path).toBe(false);
    expect(catalog.fields.has('deep.next.next.next.next.next.next')).toBe(false);
    expect([...catalog.fields.keys()].filter((path) => path.startsWith('deep.'))).toEqual([]);
    const shallow = leadFieldCatalog(Lead.extend({ deep: deep(6) }) as unknown as z.ZodType<Lead, unknown>);
    expect(shallow.fields.get('deep.next.next.next.next.next.next')?.kind).toBe('text');
  });

  it('opens records an extended lead adds, and resolves any path under them', () => {
    expect(catalog.openRecords).toEqual(['customFields', 'extras']);
    expect(resolveFieldPath('extras.color', catalog)).toEqual({ ok: true, field: { path: 'extras.color', kind: 'any' } });
    const unknown = resolveFieldPath('extra.color', catalog);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.message).toContain('Name a field such as company.industry, customFields.<name>, extras.<name> or a field of your extended lead');
  });

  it('derives the e-mail fields only from a contact.email, and keeps an extended lead’s own', () => {
    const bare = leadFieldCatalog(z.object({ id: z.string() }) as unknown as z.ZodType<Lead, unknown>);
    expect([...bare.fields.keys()]).toEqual(['id']);
    expect(bare.openRecords).toEqual([]);
    const refused = resolveFieldPath('di', bare);
    expect(refused).toEqual({
      ok: false,
      message:
        '"di" is not a field of the lead. Did you mean "id"? Name a field such as company.industry or a field of your extended lead (give its schema as the "lead" option).',
    });
    const own = leadFieldCatalog(
      z.object({ contact: z.object({ email: z.string(), emailKind: z.enum(['work', 'home']) }) }) as unknown as z.ZodType<Lead, unknown>,
    );
    expect(own.fields.get('contact.emailKind')).toEqual({ path: 'contact.emailKind', kind: 'text', values: ['work', 'home'] });
    expect(own.fields.get('contact.emailDomain')?.derived).toBe('the lower-cased domain of contact.email');
  });

  it('quotes a long unknown path cut to 60 characters', () => {
    const refused = resolveFieldPath(`company.${'x'.repeat(80)}`, leadFieldCatalog());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message.startsWith(`"company.${'x'.repeat(49)}…" is not a field of the lead.`)).toBe(true);
  });
});
