/**
 * Fuzzing as tests (issue 12): every entry point that takes outside data gets arbitrary JS values, hostile values
 * (cycles, deep nesting, reserved keys, BigInt, NaN/±Infinity/-0, invalid dates, huge strings and arrays) and valid
 * documents with one part replaced at random. Properties: a parse never throws, never changes its (deep-frozen) input,
 * never pollutes a prototype, and every problem it reports names a path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../src/conditions/index.ts';
import { bantFramework, parseAssessment, parseFramework, parseQuestionBank, parseRatingScale } from '../src/frameworks/index.ts';
import { b2bFunnelDefinition, parseFunnel } from '../src/funnel/index.ts';
import { cloudStorageIcp, midMarketSaasIcp, parseIcp } from '../src/icp/index.ts';
import { parseSegment } from '../src/metrics/index.ts';
import { parseActivity, parseCompany, parseContact, parseLead, parseMoney, parseProspect, type Result, type ValidationError } from '../src/models/index.ts';
import { parseFeatureSpec, parsePredictiveModel } from '../src/predict/index.ts';
import { parseScoringModel } from '../src/scoring/index.ts';
import { demoScoringModel } from '../examples/demo/scoring.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const parsers: Record<string, (input: unknown) => Result<unknown, ValidationError>> = {
  parseLead,
  parseProspect,
  parseCompany,
  parseContact,
  parseActivity,
  parseMoney,
  parseCondition: (input) => parseCondition(input),
  parseIcp: (input) => parseIcp(input),
  parseScoringModel: (input) => parseScoringModel(input),
  parseSegment: (input) => parseSegment(input),
  parseFramework: (input) => parseFramework(input),
  parseRatingScale,
  parseQuestionBank,
  parseAssessment: (input) => parseAssessment(bantFramework, input, { asOf }),
  parseFunnel: (input) => parseFunnel(input),
  parseFeatureSpec: (input) => parseFeatureSpec(input),
  parsePredictiveModel: (input) => parsePredictiveModel(input),
};

const lead = {
  id: 'lead-1',
  contact: { email: 'ada@acme.com', jobTitle: 'CTO', seniority: 'c_level' },
  company: { name: 'Acme', industry: 'software', employeeCount: 120, annualRevenue: { amount: '25000000', currency: 'USD' }, country: 'US' },
  source: 'website_form',
  createdAt: '2024-05-01T09:30:00Z',
  activities: [{ type: 'demo_requested', at: '2024-05-02T10:00:00Z' }],
};
const valid: Record<string, unknown> = {
  parseLead: lead,
  parseCondition: { all: [{ field: 'company.industry', in: ['software'] }, { not: { activity: { type: 'unsubscribed' } } }] },
  parseIcp: JSON.parse(JSON.stringify(cloudStorageIcp)),
  parseScoringModel: JSON.parse(JSON.stringify(demoScoringModel)),
  parseSegment: { id: 'engaged', when: { activity: {}, withinDays: 30 } },
  parseFunnel: JSON.parse(JSON.stringify(b2bFunnelDefinition)),
  parseAssessment: { frameworkId: 'bant', criteria: { budget: { rating: 'strong', assessedAt: '2024-05-01T00:00:00Z' } } },
};
void midMarketSaasIcp;

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  // Typed arrays cannot be frozen: they are left as they are (nothing in leadkit writes to one).
  if (typeof value === 'object' && value !== null && !seen.has(value) && !ArrayBuffer.isView(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  }
  return value;
}

function expectWellFormed(name: string, result: Result<unknown, ValidationError>): void {
  if (result.ok) return;
  expect(result.error.issues.length, name).toBeGreaterThan(0);
  expect(result.error.issueCount).toBeGreaterThanOrEqual(result.error.issues.length);
  for (const found of result.error.issues) {
    expect(Array.isArray(found.path)).toBe(true);
    expect(typeof found.pathText).toBe('string');
    expect(found.message.length).toBeGreaterThan(0);
    expect(found.message.length).toBeLessThan(2000);
  }
}

function run(name: string, input: unknown): void {
  const parse = parsers[name] as (input: unknown) => Result<unknown, ValidationError>;
  const frozen = deepFreeze(input);
  let result: Result<unknown, ValidationError> | undefined;
  expect(() => {
    result = parse(frozen);
  }, name).not.toThrow();
  expectWellFormed(name, result as Result<unknown, ValidationError>);
  expect(({} as Record<string, unknown>)['polluted'], name).toBeUndefined();
}

const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withNullPrototype: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 4,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'valueOf')),
  values: [fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, new Date(Number.NaN), 'x'.repeat(100_000))],
});

/** Every path (keys and indices) in a JSON document. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

function replaced(document: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(document) ? [...document] : { ...(document as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

describe('parse entry points under fuzzing', () => {
  it('never throw, never change their input and name a path for every problem, on arbitrary values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(parsers)), anything, (name, input) => run(name, input)),
      { numRuns: 1500 },
    );
  });

  it('survive valid documents with one part replaced by anything', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(valid)).chain((name) => {
          const paths = pathsOf(valid[name]);
          return fc.tuple(fc.constant(name), fc.constantFrom(...paths), anything);
        }),
        ([name, path, value]) => run(name, replaced(structuredClone(valid[name]), path, value)),
      ),
      { numRuns: 1500 },
    );
  });

  it('survive hostile shapes: cycles, deep nesting, wide arrays, reserved keys', () => {
    const cycle: Record<string, unknown> = { id: 'x' };
    cycle['self'] = cycle;
    cycle['criteria'] = { a: cycle };
    let deep: unknown = { field: 'source', equals: 'referral' };
    for (let level = 0; level < 3000; level++) deep = { not: deep, all: [deep] };
    let shared: unknown = { x: 1 };
    for (let level = 0; level < 60; level++) shared = { a: shared, b: shared };
    const wide = {
      id: 'w',
      rules: Array.from({ length: 50_000 }, () => 0),
      criteria: Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, null])),
    };
    const reserved = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id":"x","criteria":{"toString":{"when":{"field":"source","exists":true}}}}',
    );
    for (const name of Object.keys(parsers))
      for (const input of [cycle, deep, shared, wide, reserved, [deep], 10n, Symbol('s'), () => 1, new Proxy({}, {})]) run(name, input);
  });
});
