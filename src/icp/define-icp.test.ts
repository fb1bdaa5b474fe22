import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { defineIcp, parseIcp, safeDefineIcp } from './define-icp.ts';
import { cloudStorageIcp, midMarketSaasIcp } from './example-icps.ts';

const minimal = { id: 'smb', criteria: { size: { kind: 'range', field: 'company.employeeCount', max: 50 } } } as const;

function problems(input: unknown): { path: string; message: string }[] {
  const parsed = parseIcp(input);
  if (parsed.ok) throw new Error('expected the definition to be refused');
  expect(parsed.error).toBeInstanceOf(ValidationError);
  return parsed.error.issues.map((found) => ({ path: found.pathText, message: found.message }));
}

describe('defineIcp', () => {
  it('fills defaults: weight 1, minCount 1, the revenue field', () => {
    const icp = defineIcp({
      id: 'x',
      criteria: {
        size: { kind: 'range', field: 'company.employeeCount', min: 10 },
        revenue: { kind: 'moneyRange', currency: 'EUR', min: '1000000' },
        intent: { kind: 'intent', signals: [{ activity: 'demo_requested' }], withinDays: 30 },
      },
    });
    expect(icp.criteria.size.weight).toBe(1);
    expect(icp.criteria.revenue).toMatchObject({ field: 'company.annualRevenue', weight: 1 });
    expect(icp.criteria.intent).toMatchObject({ minCount: 1 });
  });

  it('throws a ValidationError listing every problem for an invalid definition', () => {
    const call = () => defineIcp({ id: '', criteria: { size: { kind: 'range', field: 'company.employeeCount' } } });
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (error) {
      const paths = (error as ValidationError).issues.map((found) => found.pathText);
      expect(paths).toEqual(expect.arrayContaining(['id', 'criteria.size.min']));
    }
  });

  it('returns the same validated data as parseIcp', () => {
    const parsed = parseIcp(minimal);
    expect(parsed.ok && parsed.value).toEqual(defineIcp(minimal));
  });

  it('does not mutate its input', () => {
    const input = structuredClone(minimal) as unknown as typeof minimal;
    const before = structuredClone(input);
    defineIcp(input);
    parseIcp(input);
    safeDefineIcp(input);
    expect(input).toEqual(before);
  });
});

describe('safeDefineIcp', () => {
  it('returns errors as values', () => {
    const result = safeDefineIcp({ id: 'x', criteria: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0]?.pathText).toBe('criteria');
  });
});

describe('parseIcp', () => {
  it('round-trips the example ICPs through JSON', () => {
    for (const icp of [cloudStorageIcp, midMarketSaasIcp]) {
      const parsed = parseIcp(JSON.parse(JSON.stringify(icp)));
      expect(parsed.ok && parsed.value).toEqual(icp);
    }
  });

  it('reports wrong types and missing fields with their paths', () => {
    expect(problems({ criteria: { a: { kind: 'range', field: 'company.employeeCount', min: '5' } } })).toEqual(
      expect.arrayContaining([
        { path: 'id', message: expect.stringContaining('required') },
        { path: 'criteria.a.min', message: expect.stringContaining('a number') },
      ]),
    );
    expect(problems('not an icp')[0]?.path).toBe('(root)');
    expect(problems(null)[0]?.path).toBe('(root)');
  });

  it('refuses unknown kinds and unknown fields', () => {
    expect(problems({ id: 'x', criteria: { a: { kind: 'regex', field: 'company.name' } } })[0]?.path).toBe('criteria.a.kind');
    expect(problems({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1, wieght: 2 } } })).toEqual([
      { path: 'criteria.a', message: 'has unknown field "wieght"' },
    ]);
  });

  it('checks ranges, amounts and lists', () => {
    expect(problems({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 200, max: 50 } } })).toEqual([
      { path: 'criteria.a.max', message: 'must be at least min (200)' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'USD', min: '50000000', max: '10000000' } } })).toEqual([
      { path: 'criteria.a.max', message: 'must be at least min (50000000)' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'JPY', min: '10.5' } } })[0]?.path).toBe('criteria.a.min');
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'ZZZ', min: '1' } } })[0]?.path).toBe('criteria.a.currency');
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'USD', min: 1e7 } } })[0]?.path).toBe('criteria.a.min');
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'USD', min: '10M' } } })).toEqual([
      { path: 'criteria.a.min', message: '"10M" is not a decimal amount such as "10000000" or "2500.50"' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'moneyRange', currency: 'USD' } } })).toEqual([
      { path: 'criteria.a.min', message: 'a range needs min, max or both' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'technologies', anyOf: ['aws'], allOf: ['gcp'] } } })).toEqual([
      { path: 'criteria.a.anyOf', message: 'give exactly one of anyOf or allOf' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'painPoints' } } })[0]?.path).toBe('criteria.a.anyOf');
    expect(problems({ id: 'x', criteria: { a: { kind: 'oneOf', field: 'company.industry', values: [] } } })[0]?.path).toBe('criteria.a.values');
  });

  it('refuses values outside a closed list, with the index of the value', () => {
    const found = problems({
      id: 'x',
      criteria: {
        seniority: { kind: 'oneOf', field: 'contact.seniority', values: ['vp', 'cto'] },
        country: { kind: 'oneOf', field: 'company.country', values: ['US', 'USA'] },
        source: { kind: 'oneOf', field: 'source', values: ['carrier_pigeon'] },
      },
    });
    expect(found.map((entry) => entry.path)).toEqual(['criteria.seniority.values[1]', 'criteria.country.values[1]', 'criteria.source.values[0]']);
    expect(found[0]?.message).toContain('"cto" is not a seniority');
  });

  it('checks intent signals', () => {
    expect(
      problems({ id: 'x', criteria: { a: { kind: 'intent', signals: [{ activity: 'demo_requested', pageKind: 'pricing' }], withinDays: 30 } } }),
    ).toEqual([{ path: 'criteria.a.signals[0].pageKind', message: 'only applies to page_viewed, not demo_requested' }]);
    expect(
      problems({ id: 'x', criteria: { a: { kind: 'intent', signals: [{ activity: 'demo_requested', urlIncludes: '/pricing' }], withinDays: 30 } } }),
    ).toEqual([{ path: 'criteria.a.signals[0].urlIncludes', message: 'only applies to page_viewed and email_clicked, not demo_requested' }]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'intent', signals: [{ activity: 'fax_sent' }], withinDays: 30 } } })[0]?.path).toBe(
      'criteria.a.signals[0].activity',
    );
    expect(problems({ id: 'x', criteria: { a: { kind: 'intent', signals: [{ activity: 'call' }], withinDays: 0 } } })[0]?.path).toBe('criteria.a.withinDays');
  });

  it('refuses a criterion that is both required and excluded, and an ICP with nothing to score', () => {
    expect(problems({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1, required: true, exclude: true } } })).toEqual(
      expect.arrayContaining([{ path: 'criteria.a.exclude', message: 'a criterion cannot be both required and excluded' }]),
    );
    expect(problems({ id: 'x', criteria: { a: { kind: 'oneOf', field: 'contact.seniority', values: ['student'], exclude: true } } })[0]?.path).toBe(
      'criteria',
    );
    expect(problems({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1, weight: 0 } } })[0]?.path).toBe('criteria');
    expect(problems({ id: 'x', criteria: { a: { kind: 'range', field: 'company.employeeCount', min: 1, weight: -1 } } })[0]?.path).toBe('criteria.a.weight');
  });

  it('checks grade thresholds are in order', () => {
    expect(problems({ ...minimal, grades: { A: 60, B: 70, C: 40 } })).toEqual([{ path: 'grades.B', message: 'must be below A (60)' }]);
  });

  it('refuses bad criterion keys and field paths', () => {
    expect(problems({ id: 'x', criteria: { '9lives': minimal.criteria.size } })).toEqual([
      { path: 'criteria.9lives', message: 'is not a valid criterion key (a letter, then letters, digits, "_" or "-"; at most 100 characters)' },
    ]);
    expect(problems({ id: 'x', criteria: { a: { kind: 'oneOf', field: 'company..industry', values: ['x'] } } })[0]?.path).toBe('criteria.a.field');
    expect(problems({ id: 'x', criteria: { a: { kind: 'oneOf', field: 'contact.constructor', values: ['x'] } } })[0]?.path).toBe('criteria.a.field');
  });

  it('reports __proto__ keys and never pollutes a prototype', () => {
    const input: unknown = JSON.parse(
      '{"id":"x","criteria":{"__proto__":{"polluted":true},"size":{"kind":"range","field":"company.employeeCount","max":50,"__proto__":{"polluted":true}}}}',
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
