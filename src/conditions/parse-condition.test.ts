import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import { parseCondition, defineCondition } from './parse-condition.ts';

function problems(input: unknown, options = {}): { path: string; message: string }[] {
  const parsed = parseCondition(input, options);
  if (parsed.ok) throw new Error('expected the condition to be refused');
  return parsed.error.issues.map((found) => ({ path: found.pathText, message: found.message }));
}

const CrmLead = Lead.extend({
  accountTier: z.enum(['gold', 'silver']),
  company: Lead.shape.company.unwrap().extend({ arr: z.number().optional() }).optional(),
});

describe('parseCondition', () => {
  it('accepts every form', () => {
    for (const condition of [
      { field: 'company.industry', in: ['software'] },
      { field: 'company.employeeCount', min: 50, max: 200 },
      { field: 'contact.email', exists: true },
      { all: [{ field: 'source', equals: 'referral' }, { not: { activity: { type: 'unsubscribed' } } }] },
      {
        any: [
          { field: 'contact.jobTitle', containsWords: ['cto'] },
          { field: 'customFields.plan', equals: 'pro', caseSensitive: true },
        ],
      },
      { activity: { type: ['demo_requested', 'meeting_booked'] }, withinDays: 30, atLeast: 1, atMost: 5 },
    ])
      expect(parseCondition(condition).ok).toBe(true);
  });

  it('refuses a condition that mixes or lacks forms, saying what to write', () => {
    expect(problems({})).toEqual([{ path: '(root)', message: expect.stringContaining('is empty: write one of field test, all, any, not, activity') }]);
    expect(problems({ field: 'source', equals: 'referral', all: [{ field: 'source', exists: true }] })[0]?.message).toMatch(/mixes several forms/);
    expect(problems({ field: 'source' })).toEqual([{ path: 'field', message: expect.stringContaining('needs a test') }]);
    expect(problems({ equals: 'x' })).toEqual([{ path: 'field', message: expect.stringContaining('needs "field"') }]);
    expect(problems({ field: 'source', equals: 'referral', contains: 'y' })).toEqual([
      { path: 'contains', message: expect.stringContaining('has several tests') },
    ]);
    expect(problems({ field: 'company.employeeCount', min: 9, max: 1 })).toEqual([
      { path: 'min', message: 'min (9) is above max (1): no value is in the range' },
    ]);
    expect(problems({ activity: {}, atLeast: 3, atMost: 2 })).toEqual([{ path: 'atLeast', message: expect.stringContaining('no lead matches') }]);
    expect(problems({ activity: {}, atMost: 0 })).toEqual([{ path: 'atLeast', message: expect.stringContaining('set atLeast to 0') }]);
    expect(problems({ activity: {}, atLeast: 0 })).toEqual([{ path: 'atLeast', message: expect.stringContaining('holds for every lead') }]);
    expect(problems({ field: 'source', equals: 'referral', withinDays: 3 })).toEqual([
      { path: 'withinDays', message: '"withinDays" only goes with "activity"' },
    ]);
  });

  it('refuses unknown field paths with a suggestion, against Lead or the given lead schema', () => {
    expect(problems({ field: 'company.industy', in: ['software'] })).toEqual([
      { path: 'field', message: expect.stringContaining('"company.industy" is not a field of the lead. Did you mean "company.industry"?') },
    ]);
    expect(problems({ field: 'industry', in: ['x'] })[0]?.message).toContain('Did you mean "company.industry"?');
    expect(parseCondition({ field: 'accountTier', equals: 'gold' }).ok).toBe(false);
    expect(parseCondition({ field: 'accountTier', equals: 'gold' }, { lead: CrmLead }).ok).toBe(true);
    expect(parseCondition({ field: 'company.arr', min: 1000 }, { lead: CrmLead }).ok).toBe(true);
    expect(problems({ field: 'accountTeir', equals: 'gold' }, { lead: CrmLead })[0]?.message).toContain('Did you mean "accountTier"?');
    expect(problems({ field: 'accountTier', equals: 'bronze' }, { lead: CrmLead })).toEqual([
      { path: 'equals', message: '"bronze" is not a value of accountTier; use one of gold, silver' },
    ]);
    expect(parseCondition({ field: 'customFields.any name', equals: 1 }).ok).toBe(true);
  });

  it('refuses tests that do not suit the field and values outside a closed list, with the nearest value', () => {
    expect(problems({ field: 'company.industry', min: 5 })[0]?.message).toBe(
      'company.industry holds text, so it cannot be tested this way: use equals, in, min/max or exists'.replace(
        'use equals, in, min/max or exists',
        'use equals, in, contains or exists',
      ),
    );
    expect(problems({ field: 'company.employeeCount', contains: '5' })[0]?.message).toContain('holds a number');
    expect(problems({ field: 'company.employeeCount', equals: '50' })).toEqual([
      { path: 'equals', message: 'company.employeeCount holds a number: "50" can never equal it' },
    ]);
    expect(problems({ field: 'company.annualRevenue', min: 1 })[0]?.message).toContain('give "currency"');
    expect(problems({ field: 'company.employeeCount', min: 1, currency: 'USD' })[0]?.message).toContain('"currency" does not apply');
    expect(problems({ field: 'contact.seniority', in: ['VP', 'directer'] })).toEqual([
      { path: 'in[1]', message: expect.stringContaining('"directer" is not a value of contact.seniority (did you mean "director"?)') },
    ]);
    expect(problems({ field: 'company.country', in: ['US', 'UK', 'germany'] }).map((found) => found.message)).toEqual([
      expect.stringContaining('(did you mean "GB"?)'),
      expect.stringContaining('(did you mean "DE"?)'),
    ]);
    expect(problems({ activity: { type: 'email_open' } })).toEqual([
      { path: 'activity.type', message: expect.stringContaining('not "email_open" (did you mean "email_opened"?)') },
    ]);
    expect(problems({ activity: { type: 'demo_requested', url: '/x' } })).toEqual([
      { path: 'activity.url', message: 'only applies to page_viewed and email_clicked, not demo_requested' },
    ]);
    expect(problems({ activity: { pageKind: 'pricing' } })).toEqual([
      { path: 'activity.type', message: '"pageKind" only applies to page_viewed: give "type" too' },
    ]);
  });

  it('quotes a long value cut short in its message', () => {
    const long = 'x'.repeat(100_000);
    for (const condition of [
      { field: 'source', equals: long },
      { field: 'company.employeeCount', equals: long },
    ]) {
      const found = problems(condition);
      expect(found.length).toBeGreaterThan(0);
      for (const problem of found) expect(problem.message.length).toBeLessThan(500);
      expect(found.some((problem) => problem.message.includes('(100,000 characters)'))).toBe(true);
    }
  });

  it('lists every problem of nested conditions with its path', () => {
    expect(
      problems({
        all: [{ field: 'company.industy', equals: 'x' }, { any: [{ field: 'source', in: [] }, { not: { field: 'contact.seniority', equals: 'boss' } }] }],
      })
        .map((found) => found.path)
        .sort(),
    ).toEqual(['all[0].field', 'all[1].any[0].in', 'all[1].any[1].not.equals'].sort());
  });

  it('never throws: deep nesting, cycles, BigInt, __proto__ keys and huge values are problems with a path', () => {
    let deep: unknown = { field: 'source', equals: 'referral' };
    for (let level = 0; level < 5000; level++) deep = { not: deep };
    expect(problems(deep)[0]?.message).toMatch(/nested deeper than 64 levels/);
    const cycle: Record<string, unknown> = {};
    cycle['not'] = cycle;
    expect(problems(cycle)).toEqual([{ path: 'not', message: expect.stringMatching(/cycle/) }]);
    expect(problems({ field: 'source', equals: 10n })[0]?.path).toBe('equals');
    expect(problems(JSON.parse('{"field":"source","equals":"referral","__proto__":{"polluted":true}}'))).toEqual([
      { path: '__proto__', message: '"__proto__" is not allowed as a key' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const huge = problems({ field: 'x'.repeat(1_000_000), equals: 1 });
    expect(huge[0]?.message.length).toBeLessThan(300);
    expect(problems({ field: 'company.employeeCount', min: Number.NaN })[0]?.message).toContain('NaN');
    for (const input of [undefined, null, 7, 'x', [], () => 1, Symbol('s')]) expect(parseCondition(input).ok).toBe(false);
  });

  it('refuses __proto__, constructor and prototype in field paths', () => {
    for (const field of ['customFields.__proto__', 'constructor', 'company.prototype.x'])
      expect(problems({ field, exists: true })[0]).toEqual({ path: 'field', message: expect.stringContaining('may not name') });
  });
});

describe('defineCondition', () => {
  it('returns the condition as written and throws a ValidationError for an invalid one', () => {
    const condition = { field: 'company.industry', in: ['software'] } as const;
    expect(defineCondition(condition)).toBe(condition);
    expect(() => defineCondition({ field: 'company.industy', in: ['software'] })).toThrow(ValidationError);
    expect(defineCondition({ field: 'accountTier', equals: 'gold' }, { lead: CrmLead })).toEqual({ field: 'accountTier', equals: 'gold' });
  });
});
