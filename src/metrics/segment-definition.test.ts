import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { Lead } from '../models/lead.ts';
import * as metricsEntry from './index.ts';
import { SegmentCategory, SegmentDefinition, defineSegment, parseSegment } from './segment-definition.ts';
import { midMarketSoftware, segments } from './segment.test-fixtures.ts';

function refusal(input: unknown, options: Parameters<typeof parseSegment>[1] = {}): [string, string][] {
  const parsed = parseSegment(input, options);
  if (parsed.ok) throw new Error('expected the segment to be refused');
  expect(parsed.error).toBeInstanceOf(ValidationError);
  return parsed.error.issues.map((entry) => [entry.pathText, entry.message]);
}

describe('parseSegment and defineSegment', () => {
  it('is serializable data: every fixture segment survives a JSON round trip', () => {
    for (const segment of segments) expect(parseSegment(JSON.parse(JSON.stringify(segment)))).toEqual({ ok: true, value: segment });
    expect(() => z.toJSONSchema(SegmentDefinition, { io: 'input' })).not.toThrow();
    // parseSegment replaces parseSegmentDefinition (define/parse/compile, named after the thing).
    expect(Object.keys(metricsEntry)).toEqual(expect.arrayContaining(['parseSegment', 'defineSegment', 'compileSegment']));
    expect(Object.keys(metricsEntry)).not.toContain('parseSegmentDefinition');
  });

  it('refuses bad definitions with every path, and defineSegment throws the same ValidationError', () => {
    const bad = {
      id: 's',
      when: {
        all: [
          { field: 'contact.password', equals: 'x' },
          { field: 'company.employeeCount', min: 'a' },
        ],
      },
    };
    expect(refusal(bad)).toEqual(
      expect.arrayContaining([
        ['when.all[0].field', expect.stringContaining('"contact.password" is not a field of the lead')],
        ['when.all[1].min', 'must be a number, not text ("a")'],
      ]),
    );
    expect(() => defineSegment(bad as never)).toThrow(ValidationError);
    expect(refusal({ id: '', when: { field: 'source', exists: true } })[0]?.[0]).toBe('id');
  });

  it('refuses the old rule syntax, naming the key to use', () => {
    expect(refusal({ id: 's', rule: { type: 'field', field: 'source', operator: 'exists' } })).toEqual([
      ['when', expect.stringContaining('required')],
      ['rule', expect.stringContaining('is not a known field')],
    ]);
  });

  it('spells the behavioral category the American way, and suggests it', () => {
    expect(SegmentCategory.options).toEqual(['demographic', 'firmographic', 'behavioral', 'engagement', 'mixed']);
    expect(refusal({ id: 's', category: 'behavioural', when: { activity: {}, withinDays: 30 } })).toEqual([
      ['category', expect.stringContaining('(did you mean "behavioral"?)')],
    ]);
  });

  it('refuses conditions that cannot mean what they say, naming the path', () => {
    const within = (condition: unknown) => {
      const result = parseSegment({ id: 's', when: { all: [{ field: 'source', exists: true }, condition] } });
      return result.ok ? undefined : result.error.issues.map((entry) => [entry.pathText, entry.message]);
    };
    // A field without a test (the old comparison without a value).
    expect(within({ field: 'company.industry' })).toEqual([
      ['when.all[1].field', '"field" needs a test: one of equals, in, min, max, exists, contains, startsWith, endsWith, containsWords'],
    ]);
    // An empty list of values matches no lead (in, contains), or with not every lead having the field (old not_in: []).
    expect(within({ field: 'company.industry', in: [] })).toEqual([['when.all[1].in', 'must have at least 1 item']]);
    expect(within({ field: 'company.industry', contains: [] })).toEqual([['when.all[1].contains', 'must have at least 1 item']]);
    expect(within({ not: { field: 'company.tags', in: [] } })).toEqual([['when.all[1].not.in', 'must have at least 1 item']]);
    expect(within({ field: 'company.industry', in: ['software'] })).toBeUndefined();
    expect(within({ not: { field: 'company.industry', in: [''] } })).toBeUndefined();
    expect(within({ field: 'company.industry', exists: false })).toBeUndefined();
    expect(within({ field: 'company.employeeCount', min: 500, max: 10 })).toEqual([
      ['when.all[1].min', 'min (500) is above max (10): no value is in the range'],
    ]);
    expect(within({ field: 'company.employeeCount', min: 10, max: 10 })).toBeUndefined();
    expect(within({ activity: {}, atLeast: 5, atMost: 1 })).toEqual([['when.all[1].atLeast', 'atLeast (5) is above atMost (1): no lead matches']]);
    expect(within({ activity: {}, atMost: 0 })?.[0]?.[0]).toBe('when.all[1].atLeast');
    expect(within({ activity: {}, atLeast: 0, atMost: 0 })).toBeUndefined();
    expect(within({ activity: {}, atLeast: 0 })?.[0]?.[0]).toBe('when.all[1].atLeast');
    // Tests on the wrong kind of field, and values outside a closed list.
    expect(within({ field: 'company.employeeCount', contains: 'x' })?.[0]?.[0]).toBe('when.all[1].field');
    expect(within({ field: 'contact.seniority', in: ['vp', 'boss'] })?.[0]?.[0]).toBe('when.all[1].in[1]');
  });

  it('refuses a field the lead lacks with a suggestion, and reads extended leads with { lead }', () => {
    expect(refusal({ id: 's', when: { field: 'company.industy', in: ['software'] } })).toEqual([
      ['when.field', expect.stringContaining('Did you mean "company.industry"?')],
    ]);
    const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']) });
    const strategic = { id: 's', when: { field: 'accountTier', equals: 'strategic' } };
    expect(parseSegment(strategic, { lead: CrmLead }).ok).toBe(true);
    expect(refusal(strategic)[0]?.[1]).toContain('give its schema as the "lead" option');
    expect(refusal({ id: 's', when: { field: 'acountTier', equals: 'strategic' } }, { lead: CrmLead })[0]?.[1]).toContain('Did you mean "accountTier"?');
    expect(defineSegment(strategic, { lead: CrmLead })).toEqual(strategic);
  });

  it('never throws and never pollutes a prototype on hostile input', () => {
    const input: unknown = JSON.parse('{"id":"s","when":{"field":"source","exists":true,"__proto__":{"polluted":true}}}');
    expect(refusal(input)).toEqual([['when.__proto__', '"__proto__" is not allowed as a key']]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    for (const field of ['toString', 'constructor', 'valueOf']) expect(refusal({ id: 's', when: { field, exists: true } })[0]?.[0]).toBe('when.field');
  });

  it('does not mutate its input', () => {
    const input = structuredClone(midMarketSoftware);
    defineSegment(input);
    parseSegment(input);
    expect(input).toEqual(midMarketSoftware);
  });
});
