import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import { defineIcp, parseIcp } from './define-icp.ts';
import { IcpDefinition, type IcpDefinitionJson } from './icp-definition.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';
import * as icpEntry from './index.ts';
import { compileIcp } from './match-icp.ts';

const minimal = { id: 'smb', criteria: { size: { when: { field: 'company.employeeCount', max: 50 } } } } as const;

function problems(input: unknown, options: Parameters<typeof parseIcp>[1] = {}): { path: string; message: string }[] {
  const parsed = parseIcp(input, options);
  if (parsed.ok) throw new Error('expected the definition to be refused');
  expect(parsed.error).toBeInstanceOf(ValidationError);
  return parsed.error.issues.map((found) => ({ path: found.pathText, message: found.message }));
}

/** An ICP with one criterion whose condition is `when` (typed as a definition, so invalid ones reach defineIcp too). */
const withWhen = (when: unknown) => ({ id: 'x', criteria: { a: { when } } }) as IcpDefinitionJson;

describe('defineIcp', () => {
  it('fills the default weight of 1 and keeps the condition as written', () => {
    const icp = defineIcp({
      id: 'x',
      criteria: {
        size: { when: { field: 'company.employeeCount', min: 10 } },
        revenue: { when: { field: 'company.annualRevenue', currency: 'EUR', min: 1_000_000 }, weight: 2 },
        intent: { when: { activity: { type: 'demo_requested' }, withinDays: 30 } },
      },
    });
    expect(icp.criteria.size).toEqual({ when: { field: 'company.employeeCount', min: 10 }, weight: 1 });
    expect(icp.criteria.revenue).toEqual({ when: { field: 'company.annualRevenue', currency: 'EUR', min: 1_000_000 }, weight: 2 });
    // No hidden defaults any more (the old intent kind filled `minCount: 1`): atLeast stays absent and means 1.
    expect(icp.criteria.intent).toEqual({ when: { activity: { type: 'demo_requested' }, withinDays: 30 }, weight: 1 });
  });

  it('throws a ValidationError listing every problem for an invalid definition', () => {
    const call = () => defineIcp({ id: '', criteria: { size: { when: { field: 'company.employeeCount' } } } });
    expect(call).toThrow(ValidationError);
    try {
      call();
      expect.unreachable('defineIcp must throw');
    } catch (error) {
      const paths = (error as ValidationError).issues.map((found) => found.pathText);
      expect(paths).toEqual(['id', 'criteria.size.when.field']);
    }
  });

  it('returns the same validated data as parseIcp', () => {
    const parsed = parseIcp(minimal);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).toEqual(defineIcp(minimal));
  });

  it('does not mutate its input', () => {
    const input = structuredClone(minimal) as unknown as typeof minimal;
    const before = structuredClone(input);
    const icp = defineIcp(input);
    parseIcp(input);
    compileIcp(icp);
    expect(input).toEqual(before);
    expect(input.criteria.size).not.toHaveProperty('weight');
  });

  it('is the only throwing form: there is no safeDefineIcp any more, parseIcp returns errors as values', () => {
    expect(Object.keys(icpEntry)).not.toContain('safeDefineIcp');
    const result = parseIcp({ id: 'x', criteria: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((found) => [found.pathText, found.message])).toEqual([['criteria', 'an ICP needs at least one criterion']]);
  });
});

describe('parseIcp', () => {
  it('round-trips the example ICPs through JSON', () => {
    for (const icp of [cloudStorageIcp, midMarketSaasIcp]) {
      const parsed = parseIcp(JSON.parse(JSON.stringify(icp)));
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && parsed.value).toEqual(icp);
    }
  });

  it('reports wrong types and missing fields with their paths', () => {
    expect(problems({ criteria: { a: { when: { field: 'company.employeeCount', min: '5' } } } })).toEqual([
      { path: 'id', message: expect.stringContaining('required') },
      { path: 'criteria.a.when.min', message: expect.stringContaining('a number') },
    ]);
    expect(problems('not an icp')[0]?.path).toBe('(root)');
    expect(problems(null)[0]?.path).toBe('(root)');
  });

  it('refuses the old criterion kinds and unknown keys, naming them', () => {
    // The syntax before the one condition language: `kind`, `field` and `values` on the criterion itself.
    expect(problems({ id: 'x', criteria: { a: { kind: 'oneOf', field: 'company.industry', values: ['software'] } } })).toEqual([
      { path: 'criteria.a.when', message: expect.stringContaining('required') },
      { path: 'criteria.a', message: 'has unknown fields "kind", "field", "values"' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { when: { field: 'company.employeeCount', min: 1 }, wieght: 2 } } })).toEqual([
      { path: 'criteria.a.wieght', message: 'is not a known field (did you mean "weight"?); known fields: label, weight, required, exclude, when' },
    ]);
  });

  it('checks ranges, amounts of money and lists', () => {
    expect(problems(withWhen({ field: 'company.employeeCount', min: 200, max: 50 }))).toEqual([
      { path: 'criteria.a.when.min', message: 'min (200) is above max (50): no value is in the range' },
    ]);
    expect(problems(withWhen({ field: 'company.annualRevenue', currency: 'USD', min: 50_000_000, max: 10_000_000 }))[0]?.path).toBe('criteria.a.when.min');
    // An amount of money needs the currency its bounds are in; a number must not have one.
    expect(problems(withWhen({ field: 'company.annualRevenue', min: 10_000_000 }))).toEqual([
      { path: 'criteria.a.when.field', message: expect.stringContaining('company.annualRevenue is an amount of money: give "currency"') },
    ]);
    expect(problems(withWhen({ field: 'company.employeeCount', currency: 'USD', min: 1 }))).toEqual([
      { path: 'criteria.a.when.field', message: 'company.employeeCount is not an amount of money: "currency" does not apply' },
    ]);
    expect(problems(withWhen({ field: 'company.annualRevenue', currency: 'ZZZ', min: 1 }))[0]?.path).toBe('criteria.a.when.currency');
    expect(problems(withWhen({ field: 'company.industry', in: [] }))).toEqual([{ path: 'criteria.a.when.in', message: expect.stringContaining('at least 1') }]);
    expect(problems(withWhen({ field: 'painPoints', contains: '' }))[0]?.path).toBe('criteria.a.when.contains');
    expect(problems(withWhen({ field: 'company.industry', in: ['software'], equals: 'retail' }))).toEqual([
      { path: 'criteria.a.when.in', message: 'has several tests (equals, in): write one per condition and combine them with "all"' },
    ]);
    // A test that cannot apply to what the field holds.
    expect(problems(withWhen({ field: 'company.employeeCount', in: ['many'] }))).toEqual([
      { path: 'criteria.a.when.in[0]', message: 'company.employeeCount holds a number: "many" can never equal it' },
    ]);
    expect(problems(withWhen({ field: 'company.industry', min: 3 }))[0]).toEqual({
      path: 'criteria.a.when.field',
      message: expect.stringContaining('holds text'),
    });
  });

  it('refuses values outside a closed list, with the index of the value and a suggestion', () => {
    const found = problems({
      id: 'x',
      criteria: {
        seniority: { when: { field: 'contact.seniority', in: ['vp', 'cto'] } },
        country: { when: { field: 'company.country', in: ['US', 'USA'] } },
        source: { when: { field: 'source', in: ['carrier_pigeon'] } },
        role: {
          when: {
            any: [
              { field: 'contact.jobTitle', containsWords: 'cto' },
              { field: 'contact.decisionRole', equals: 'economic buyer' },
            ],
          },
        },
        department: { when: { not: { field: 'contact.department', in: ['engneering'] } } },
      },
    });
    expect(found.map((entry) => entry.path)).toEqual([
      'criteria.seniority.when.in[1]',
      'criteria.country.when.in[1]',
      'criteria.source.when.in[0]',
      'criteria.role.when.any[1].equals',
      'criteria.department.when.not.in[0]',
    ]);
    expect(found[0]?.message).toContain('"cto" is not a value of contact.seniority; use one of intern, entry');
    expect(found[1]?.message).toContain('"USA" is not a value of company.country (did you mean "US"?)');
    expect(found[3]?.message).toContain('(did you mean "economic_buyer"?)');
    expect(found[4]?.message).toContain('(did you mean "engineering"?)');
  });

  it('checks closed-list values ignoring case, unless the condition is case-sensitive', () => {
    // Text is compared ignoring case everywhere, so 'VP' names the value 'vp'; with caseSensitive it never could.
    expect(parseIcp(withWhen({ field: 'contact.seniority', in: ['VP'] })).ok).toBe(true);
    expect(problems(withWhen({ field: 'contact.seniority', in: ['VP'], caseSensitive: true }))).toEqual([
      { path: 'criteria.a.when.in[0]', message: expect.stringContaining('"VP" is not a value of contact.seniority (did you mean "vp"?)') },
    ]);
  });

  it('checks activity tests', () => {
    expect(problems(withWhen({ activity: { type: 'demo_requested', pageKind: 'pricing' }, withinDays: 30 }))).toEqual([
      { path: 'criteria.a.when.activity.pageKind', message: 'only applies to page_viewed, not demo_requested' },
    ]);
    expect(problems(withWhen({ activity: { type: 'demo_requested', url: '/pricing' }, withinDays: 30 }))).toEqual([
      { path: 'criteria.a.when.activity.url', message: 'only applies to page_viewed and email_clicked, not demo_requested' },
    ]);
    expect(problems(withWhen({ activity: { type: 'fax_sent' }, withinDays: 30 }))[0]?.path).toBe('criteria.a.when.activity.type');
    expect(problems(withWhen({ activity: { type: 'call' }, withinDays: 0 }))[0]?.path).toBe('criteria.a.when.withinDays');
    expect(problems(withWhen({ activity: { type: 'call' }, atLeast: 3, atMost: 1 }))[0]).toEqual({
      path: 'criteria.a.when.atLeast',
      message: 'atLeast (3) is above atMost (1): no lead matches',
    });
    expect(problems(withWhen({ field: 'company.industry', in: ['software'], withinDays: 3 }))).toEqual([
      { path: 'criteria.a.when.withinDays', message: '"withinDays" only goes with "activity"' },
    ]);
  });

  it('refuses a criterion that is both required and excluded, and an ICP with nothing to score', () => {
    const size = { field: 'company.employeeCount', min: 1 };
    expect(problems({ id: 'x', criteria: { a: { when: size, required: true, exclude: true } } })).toEqual([
      { path: 'criteria.a.exclude', message: 'a criterion cannot be both required and excluded' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { when: { field: 'contact.seniority', in: ['student'] }, exclude: true } } })).toEqual([
      { path: 'criteria', message: 'an ICP needs at least one scoring criterion (not `exclude`) with a weight above 0' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { when: size, weight: 0 } } })[0]?.path).toBe('criteria');
    expect(problems({ id: 'x', criteria: { a: { when: size, weight: -1 } } })[0]?.path).toBe('criteria.a.weight');
  });

  it('checks grade thresholds are in order', () => {
    expect(problems({ ...minimal, grades: { A: 60, B: 70, C: 40 } })).toEqual([{ path: 'grades.B', message: 'must be below A (60)' }]);
    expect(problems({ ...minimal, grades: { A: 60, B: 50, C: 50 } })).toEqual([{ path: 'grades.C', message: 'must be below B (50)' }]);
    expect(problems({ ...minimal, grades: { A: 60, B: 60, C: 70 } })).toEqual([
      { path: 'grades.B', message: 'must be below A (60)' },
      { path: 'grades.C', message: 'must be below B (60)' },
    ]);
    expect(parseIcp({ ...minimal, grades: { A: 61, B: 60, C: 59 } }).ok).toBe(true);
  });

  it('takes from 1 to 200 criteria', () => {
    const criteria = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`c${index}`, minimal.criteria.size]));
    expect(parseIcp({ id: 'many', criteria: criteria(200) }).ok).toBe(true);
    expect(problems({ id: 'many', criteria: criteria(201) })).toEqual([{ path: 'criteria', message: 'an ICP may have at most 200 criteria' }]);
    expect(problems({ id: 'none', criteria: {} })).toEqual([{ path: 'criteria', message: 'an ICP needs at least one criterion' }]);
  });

  it('refuses bad criterion keys and field paths', () => {
    expect(problems({ id: 'x', criteria: { '9lives': minimal.criteria.size } })).toEqual([
      { path: 'criteria.9lives', message: 'is not a valid criterion key (a letter, then letters, digits, "_" or "-"; at most 100 characters)' },
    ]);
    expect(problems(withWhen({ field: 'company..industry', in: ['x'] }))[0]?.path).toBe('criteria.a.when.field');
    expect(problems(withWhen({ field: 'contact.constructor', in: ['x'] }))[0]?.path).toBe('criteria.a.when.field');
  });

  it('refuses a field the lead does not have, suggesting the one meant', () => {
    expect(problems(withWhen({ field: 'company.industy', in: ['software'] }))).toEqual([
      { path: 'criteria.a.when.field', message: expect.stringContaining('"company.industy" is not a field of the lead. Did you mean "company.industry"?') },
    ]);
    // A field named by its last part alone, deep in a combination.
    expect(problems(withWhen({ all: [{ field: 'company.industry', in: ['software'] }, { not: { field: 'seniority', equals: 'student' } }] }))).toEqual([
      { path: 'criteria.a.when.all[1].not.field', message: expect.stringContaining('Did you mean "contact.seniority"?') },
    ]);
  });

  it('reads the fields of an extended lead when given its schema ({ lead })', () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth', 'long_tail']) });
    const tier = withWhen({ field: 'accountTier', equals: 'strategic' });
    expect(parseIcp(tier, { lead: CrmLead }).ok).toBe(true);
    // Without the schema the field is unknown, and the message says how to name it.
    expect(problems(tier)[0]?.message).toContain('give its schema as the "lead" option');
    expect(problems(withWhen({ field: 'acountTier', equals: 'strategic' }), { lead: CrmLead })[0]?.message).toContain('Did you mean "accountTier"?');
    expect(problems(withWhen({ field: 'accountTier', equals: 'strategc' }), { lead: CrmLead })).toEqual([
      { path: 'criteria.a.when.equals', message: expect.stringContaining('"strategc" is not a value of accountTier (did you mean "strategic"?)') },
    ]);
    // compileIcp checks a definition against the schema it is given, and throws for a field that schema lacks.
    expect(() => compileIcp(defineIcp(withWhen({ field: 'company.industry', in: ['software'] })), { lead: CrmLead })).not.toThrow();
    const tiered = defineIcp(tier, { lead: CrmLead });
    expect(() => compileIcp(tiered, { lead: Lead })).toThrow(ValidationError);
  });

  it('reports __proto__ keys and never pollutes a prototype', () => {
    const input: unknown = JSON.parse(
      '{"id":"x","criteria":{"__proto__":{"polluted":true},"size":{"when":{"field":"company.employeeCount","max":50},"__proto__":{"polluted":true}}}}',
    );
    const found = problems(input);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'criteria.__proto__', message: '"__proto__" is not allowed as a key' },
        { path: 'criteria.size.__proto__', message: '"__proto__" is not allowed as a key' },
      ]),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a schemaVersion from the future', () => {
    expect(problems({ ...minimal, schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
  });
});

// Issue 12, defect 1: a criterion field naming an inherited member ("toString", "constructor") crashed validation with
// a TypeError instead of being refused. Every entry point must answer with a ValidationError, and never throw a TypeError.
describe('inherited member names (issue 12, defect 1)', () => {
  const inherited = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'contact.toString', 'company.constructor'];

  it('parseIcp refuses a criterion field naming an inherited member, with its path', () => {
    for (const field of inherited) {
      for (const when of [
        { field, in: ['x'] },
        { field, exists: true },
        { field, min: 1 },
        { any: [{ field: 'company.industry', in: ['software'] }, { not: { field, contains: 'x' } }] },
      ]) {
        let parsed: ReturnType<typeof parseIcp> | undefined;
        expect(() => (parsed = parseIcp(withWhen(when))), field).not.toThrow();
        expect(parsed?.ok, field).toBe(false);
        if (parsed !== undefined && !parsed.ok) {
          expect(parsed.error, field).toBeInstanceOf(ValidationError);
          expect(parsed.error.issues.length, field).toBeGreaterThan(0);
          for (const found of parsed.error.issues) expect(found.pathText, field).toMatch(/^criteria\.a\.when(\.any\[1\]\.not)?\.field$/);
        }
      }
    }
  });

  it('defineIcp throws a ValidationError for them, never a TypeError', () => {
    for (const field of inherited) {
      let thrown: unknown;
      try {
        defineIcp(withWhen({ field, in: ['x'] }));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, field).toBeInstanceOf(ValidationError);
      expect(thrown, field).not.toBeInstanceOf(TypeError);
      expect((thrown as ValidationError).issues[0]?.pathText, field).toBe('criteria.a.when.field');
    }
  });

  it('IcpDefinition.safeParse never throws on them, and refuses the names a field path may never hold', () => {
    for (const field of inherited) {
      let result: ReturnType<typeof IcpDefinition.safeParse> | undefined;
      expect(() => (result = IcpDefinition.safeParse(withWhen({ field, in: ['x'] }))), field).not.toThrow();
      // The zod schema checks the path's syntax only; parseIcp checks it against the lead's fields (above).
      if (/(^|\.)(constructor|__proto__)$/.test(field)) {
        expect(result?.success, field).toBe(false);
        expect(result?.error?.issues[0]?.path, field).toEqual(['criteria', 'a', 'when', 'field']);
      }
    }
  });

  it('refuses criterion KEYS naming inherited members, with their path, in parseIcp and defineIcp', () => {
    const valid = { when: { field: 'company.industry', in: ['software'] } };
    for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype']) {
      // JSON.parse makes own keys, as data from outside has them.
      const input: unknown = JSON.parse(JSON.stringify({ id: 'x', criteria: { industry: valid, [key]: valid } }));
      expect(problems(input), key).toEqual([{ path: `criteria.${key}`, message: `"${key}" is not allowed as a key` }]);
      expect(() => defineIcp(input as never), key).toThrow(ValidationError);
    }
  });
});
