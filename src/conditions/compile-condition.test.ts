import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileCondition, describeCondition, isMissingValue } from './compile-condition.ts';
import type { ConditionJson } from './condition-definition.ts';
import { defineCondition } from './parse-condition.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(asOf.getTime() - days * DAY);

function lead(overrides: Partial<Lead> = {}): Lead {
  return { id: 'lead-1', contact: {}, source: 'website_form', createdAt: new Date('2024-01-01T00:00:00Z'), activities: [], ...overrides };
}
const outcome = (condition: ConditionJson, subject: Lead) => compileCondition(defineCondition(condition)).evaluate(subject, { asOf });

describe('field tests', () => {
  const software = lead({ company: { name: 'Acme', industry: 'Software', technologies: ['AWS', 'hubspot'], employeeCount: 120 } });

  it('compare text ignoring case by default, and exactly with caseSensitive', () => {
    expect(outcome({ field: 'company.industry', equals: 'software' }, software)).toBe('matched');
    expect(outcome({ field: 'company.industry', in: ['SOFTWARE', 'retail'] }, software)).toBe('matched');
    expect(outcome({ field: 'company.industry', equals: 'software', caseSensitive: true }, software)).toBe('missed');
    expect(outcome({ field: 'company.industry', equals: 'Software', caseSensitive: true }, software)).toBe('matched');
    expect(outcome({ field: 'company.industry', contains: 'WARE' }, software)).toBe('matched');
    expect(outcome({ field: 'company.industry', startsWith: 'soft' }, software)).toBe('matched');
    expect(outcome({ field: 'company.industry', endsWith: ['x', 'ARE'] }, software)).toBe('matched');
  });

  it('test list fields item by item', () => {
    expect(outcome({ field: 'company.technologies', equals: 'aws' }, software)).toBe('matched');
    expect(outcome({ field: 'company.technologies', in: ['gcp', 'HubSpot'] }, software)).toBe('matched');
    expect(outcome({ field: 'company.technologies', in: ['gcp'] }, software)).toBe('missed');
    expect(outcome({ field: 'company.technologies', contains: 'spot' }, software)).toBe('matched');
  });

  it('are unknown on a missing field (nothing, empty text, an empty list), except exists', () => {
    const bare = lead({ company: { name: 'Bare', technologies: [] }, customFields: { note: '' } });
    expect(outcome({ field: 'company.industry', equals: 'software' }, bare)).toBe('unknown');
    expect(outcome({ field: 'company.technologies', in: ['aws'] }, bare)).toBe('unknown');
    expect(outcome({ field: 'customFields.note', contains: 'x' }, bare)).toBe('unknown');
    expect(outcome({ field: 'company.industry', exists: false }, bare)).toBe('matched');
    expect(outcome({ field: 'company.technologies', exists: true }, bare)).toBe('missed');
    expect(outcome({ field: 'customFields.note', exists: true }, bare)).toBe('missed');
    for (const value of [undefined, null, '', []]) expect(isMissingValue(value)).toBe(true);
    for (const value of [0, false, ' ', ['x']]) expect(isMissingValue(value)).toBe(false);
  });

  it('are unknown when the value cannot be compared (text against a range, a list against a number)', () => {
    const odd = lead({ customFields: { size: 'large', tags: ['a'], count: 7 } });
    expect(outcome({ field: 'customFields.size', min: 1 }, odd)).toBe('unknown');
    expect(outcome({ field: 'customFields.count', contains: '7' }, odd)).toBe('unknown');
    expect(outcome({ field: 'customFields.count', min: 5, max: 7 }, odd)).toBe('matched');
    expect(outcome({ field: 'customFields.count', equals: '7' }, odd)).toBe('missed');
  });

  it('compare money in the stated currency only, in major units, never converted', () => {
    const usd = lead({ company: { name: 'A', annualRevenue: { amountMinor: 2_500_000_000, currency: 'USD' } } });
    const eur = lead({ company: { name: 'A', annualRevenue: { amountMinor: 2_500_000_000, currency: 'EUR' } } });
    const range = { field: 'company.annualRevenue', currency: 'USD', min: 10_000_000, max: 50_000_000 } as const;
    expect(outcome(range, usd)).toBe('matched');
    expect(outcome({ ...range, min: 25_000_000.01 }, usd)).toBe('missed');
    expect(outcome({ ...range, max: 25_000_000 }, usd)).toBe('matched');
    expect(outcome(range, eur)).toBe('unknown');
  });

  it('match whole words with containsWords, ignoring punctuation', () => {
    const cto = lead({ contact: { jobTitle: 'CTO & Co-Founder' } });
    const director = lead({ contact: { jobTitle: 'Director of Sales' } });
    expect(outcome({ field: 'contact.jobTitle', containsWords: 'cto' }, cto)).toBe('matched');
    expect(outcome({ field: 'contact.jobTitle', containsWords: 'co founder' }, cto)).toBe('matched');
    expect(outcome({ field: 'contact.jobTitle', containsWords: 'cto' }, director)).toBe('missed');
    expect(outcome({ field: 'contact.jobTitle', contains: 'cto' }, director)).toBe('matched');
  });

  it('read the derived e-mail fields and custom fields as own properties only', () => {
    const free = lead({ contact: { email: 'ada@GMail.com' }, customFields: {} });
    expect(outcome({ field: 'contact.emailDomain', equals: 'gmail.com' }, free)).toBe('matched');
    expect(outcome({ field: 'contact.emailKind', equals: 'free' }, free)).toBe('matched');
    expect(outcome({ field: 'contact.emailKind', exists: true }, lead())).toBe('missed');
    expect(outcome({ field: 'customFields.toString', exists: true }, free)).toBe('missed');
  });

  it('read stage as of asOf from the history', () => {
    const history = lead({
      stage: 'sql',
      stageHistory: [
        { from: null, to: 'mql', event: 'create', at: new Date('2024-01-01T00:00:00Z') },
        { from: 'mql', to: 'sql', event: 'promote', at: new Date('2024-07-01T00:00:00Z') },
      ],
    });
    expect(outcome({ field: 'stage', equals: 'mql' }, history)).toBe('matched');
    expect(outcome({ field: 'stage', equals: 'sql' }, history)).toBe('missed');
  });
});

describe('combinations', () => {
  const subject = lead({ company: { name: 'Acme', industry: 'software' } });
  const unknown: ConditionJson = { field: 'company.country', equals: 'US' };
  const matched: ConditionJson = { field: 'company.industry', equals: 'software' };
  const missed: ConditionJson = { field: 'company.industry', equals: 'retail' };

  it('follow three-valued logic: unknown stays unknown under not, all fails on a miss, any holds on a match', () => {
    expect(outcome({ not: unknown }, subject)).toBe('unknown');
    expect(outcome({ not: missed }, subject)).toBe('matched');
    expect(outcome({ all: [matched, unknown] }, subject)).toBe('unknown');
    expect(outcome({ all: [missed, unknown] }, subject)).toBe('missed');
    expect(outcome({ any: [matched, unknown] }, subject)).toBe('matched');
    expect(outcome({ any: [missed, unknown] }, subject)).toBe('unknown');
    expect(outcome({ all: [matched, matched, matched] }, subject)).toBe('matched');
    expect(outcome({ any: [missed, missed, missed] }, subject)).toBe('missed');
  });
});

describe('activity tests', () => {
  const subject = lead({
    activities: [
      { type: 'page_viewed', at: daysAgo(3), url: '/Pricing/Enterprise', pageKind: 'pricing' },
      { type: 'page_viewed', at: daysAgo(40), url: '/blog/launch', pageKind: 'blog' },
      { type: 'demo_requested', at: daysAgo(1) },
      { type: 'demo_requested', at: new Date(asOf.getTime() + DAY) },
      { type: 'email_opened', at: new Date(Number.NaN) },
    ],
  });

  it('count matching activities up to asOf, in a window inclusive of its edge', () => {
    expect(outcome({ activity: { type: 'demo_requested' } }, subject)).toBe('matched');
    expect(outcome({ activity: { type: 'demo_requested' }, atLeast: 2 }, subject)).toBe('missed');
    expect(outcome({ activity: { type: 'page_viewed' }, withinDays: 40 }, subject)).toBe('matched');
    expect(outcome({ activity: { type: 'page_viewed' }, withinDays: 40, atLeast: 2 }, subject)).toBe('matched');
    expect(outcome({ activity: { type: 'page_viewed' }, withinDays: 39, atLeast: 2 }, subject)).toBe('missed');
    expect(outcome({ activity: {}, atLeast: 0, atMost: 3 }, subject)).toBe('matched');
    expect(outcome({ activity: {}, atLeast: 0, atMost: 2 }, subject)).toBe('missed');
    expect(outcome({ activity: { type: 'email_opened' } }, subject)).toBe('missed');
  });

  it('filter by URL glob or prefix ignoring case, and by page kind', () => {
    expect(outcome({ activity: { type: 'page_viewed', url: '/pricing' } }, subject)).toBe('matched');
    expect(outcome({ activity: { type: 'page_viewed', url: '/pricing', caseSensitive: true } }, subject)).toBe('missed');
    expect(outcome({ activity: { type: 'page_viewed', url: '*/launch' } }, subject)).toBe('matched');
    expect(outcome({ activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 2 }, subject)).toBe('missed');
  });

  it('are never unknown: no activity is a miss', () => {
    expect(outcome({ activity: { type: 'meeting_held' } }, lead())).toBe('missed');
    expect(outcome({ not: { activity: { type: 'meeting_held' } } }, lead())).toBe('matched');
  });
});

describe('compileCondition', () => {
  const compiled = compileCondition(
    defineCondition({
      all: [
        { field: 'company.industry', in: ['software'] },
        { field: 'company.employeeCount', min: 50 },
      ],
    }),
  );

  it('explains what it saw', () => {
    const explained = compiled.explain(lead({ company: { name: 'A', industry: 'Software' } }), { asOf });
    expect(explained).toEqual({
      outcome: 'unknown',
      observed: 'company.industry is "Software"; company.employeeCount is missing',
      value: ['Software', null],
    });
    expect(compiled.expected).toBe('all of (company.industry is one of software; company.employeeCount at least 50)');
  });

  it('accepts asOf as a Date or epoch milliseconds and refuses an invalid instant', () => {
    const subject = lead({ activities: [{ type: 'demo_requested', at: daysAgo(1) }] });
    const demo = compileCondition(defineCondition({ activity: { type: 'demo_requested' }, withinDays: 7 }));
    expect(demo.matches(subject, { asOf: asOf.getTime() })).toBe(true);
    for (const bad of [new Date(Number.NaN), Number.NaN, Number.POSITIVE_INFINITY, 9e15])
      expect(() => demo.matches(subject, { asOf: bad })).toThrow(/asOf is not a valid instant/);
  });

  it('does not mutate the condition it compiles', () => {
    const condition = { any: [{ field: 'company.industry', in: ['Software'] }, { not: { activity: { type: ['call'] } } }] } as const;
    const before = structuredClone(condition);
    compileCondition(condition).evaluate(lead(), { asOf });
    expect(condition).toEqual(before);
  });
});

describe('describeCondition', () => {
  it('says each form in words', () => {
    expect(describeCondition({ field: 'company.annualRevenue', currency: 'USD', min: 10_000_000, max: 50_000_000 })).toBe(
      'company.annualRevenue between USD 10,000,000 and USD 50,000,000',
    );
    expect(describeCondition({ not: { field: 'contact.seniority', equals: 'student' } })).toBe('not (contact.seniority is student)');
    expect(describeCondition({ activity: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 30, atLeast: 2 })).toBe(
      'at least 2 page_viewed (pricing page) in the 30 days up to asOf',
    );
    expect(describeCondition({ activity: {}, atLeast: 0, atMost: 0 })).toBe('at most 0 any activity up to asOf');
    expect(describeCondition({ field: 'contact.jobTitle', containsWords: ['cto', 'it director'] })).toBe(
      'contact.jobTitle contains the words "cto" or "it director"',
    );
  });
});

describe('field tests on unusual values', () => {
  const many = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'ärzte', 'software'];

  it('compare against more than eight values by hashing, folding case unless told not to', () => {
    const subject = lead({ company: { name: 'A', industry: 'Software', technologies: ['x', 'A3'] }, contact: { jobTitle: 'ÄRZTE' } });
    expect(outcome({ field: 'company.industry', in: many }, subject)).toBe('matched');
    expect(outcome({ field: 'company.industry', in: many, caseSensitive: true }, subject)).toBe('missed');
    expect(outcome({ field: 'contact.jobTitle', in: many }, subject)).toBe('matched');
    expect(outcome({ field: 'company.technologies', in: many }, subject)).toBe('matched');
    expect(outcome({ field: 'company.technologies', in: many.slice(3) }, subject)).toBe('missed');
    expect(outcome({ field: 'company.name', in: many }, subject)).toBe('missed');
    expect(outcome({ field: 'contact.jobTitle', in: ['ärzte'], caseSensitive: true }, subject)).toBe('missed');
    expect(outcome({ field: 'contact.jobTitle', in: ['x', 'ärzte'] }, subject)).toBe('matched');
  });

  it('compare numbers and true/false values exactly, in lists too, and text against them never', () => {
    const subject = lead({ customFields: { seats: 12, trial: true, codes: [3, 'x'], label: '12' } as unknown as Lead['customFields'] });
    expect(outcome({ field: 'customFields.seats', in: [12, 'twelve'] }, subject)).toBe('matched');
    expect(outcome({ field: 'customFields.seats', equals: 13 }, subject)).toBe('missed');
    expect(outcome({ field: 'customFields.trial', equals: true }, subject)).toBe('matched');
    expect(outcome({ field: 'customFields.trial', equals: false }, subject)).toBe('missed');
    expect(outcome({ field: 'customFields.codes', in: [3] }, subject)).toBe('matched');
    expect(outcome({ field: 'customFields.codes', in: [4, 'y'] }, subject)).toBe('missed');
    expect(outcome({ field: 'customFields.label', equals: 12 }, subject)).toBe('missed');
  });

  it('are unknown on a number that is not a number, and on a list without text for a text test', () => {
    const subject = lead({ customFields: { score: Number.NaN, counts: [1, 2] } as unknown as Lead['customFields'] });
    expect(outcome({ field: 'customFields.score', min: 0 }, subject)).toBe('unknown');
    expect(outcome({ field: 'customFields.counts', contains: '1' }, subject)).toBe('unknown');
    expect(outcome({ field: 'customFields.counts', endsWith: '2' }, subject)).toBe('unknown');
  });
});

describe('explanations of unusual values', () => {
  const explain = (condition: ConditionJson, subject: Lead) => compileCondition(defineCondition(condition)).explain(subject, { asOf });

  it('show dates as ISO text, an invalid date as missing, lists item by item, long text cut', () => {
    expect(explain({ field: 'createdAt', exists: true }, lead())).toEqual({
      outcome: 'matched',
      observed: 'createdAt is "2024-01-01T00:00:00.000Z"',
      value: '2024-01-01T00:00:00.000Z',
    });
    expect(explain({ field: 'createdAt', exists: true }, lead({ createdAt: new Date(Number.NaN) }))).toEqual({
      outcome: 'matched',
      observed: 'createdAt is missing',
      value: null,
    });
    expect(explain({ field: 'company.tags', contains: 'z' }, lead({ company: { name: 'A', tags: ['a', 'b'] } }))).toEqual({
      outcome: 'missed',
      observed: 'company.tags is ["a", "b"]',
      value: ['a', 'b'],
    });
    const long = 'x'.repeat(200);
    const cut = explain({ field: 'company.name', equals: 'y' }, lead({ company: { name: long } }));
    expect(cut.observed).toBe(`company.name is "${'x'.repeat(116)}…`);
    expect(cut.value).toBe(long);
    const odd = explain({ field: 'customFields.meta', equals: 'y' }, lead({ customFields: { meta: { a: 1 } } as unknown as Lead['customFields'] }));
    expect(odd).toEqual({ outcome: 'unknown', observed: 'customFields.meta is missing', value: null });
  });

  it('list at most ten matching activities, with an ellipsis for the rest', () => {
    const activities = Array.from({ length: 12 }, (_, index) => ({ type: 'email_opened' as const, at: daysAgo(index + 1) }));
    const explained = explain({ activity: { type: 'email_opened' }, withinDays: 30 }, lead({ activities }));
    expect(explained.outcome).toBe('matched');
    expect(explained.observed).toMatch(/^12 in the last 30 days \(email_opened on 2024-05-31; .*; …\)$/);
    expect(explained.value).toHaveLength(10);
    expect(explain({ activity: { type: 'call' } }, lead({ activities })).observed).toBe('no such activity up to asOf');
  });
});

describe('describeCondition of other forms', () => {
  it('says long lists, huge numbers, exact case and the one-sided forms in words', () => {
    expect(describeCondition({ field: 'company.industry', in: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] })).toBe(
      'company.industry is one of a, b, c, d, e, f, g, h, … (10 in all)',
    );
    expect(describeCondition({ field: 'customFields.seats', in: [1, true] })).toBe('customFields.seats is one of 1, true');
    expect(describeCondition({ field: 'customFields.seats', equals: 3 })).toBe('customFields.seats is 3');
    expect(describeCondition({ field: 'company.employeeCount', min: 2 ** 70 })).toBe('company.employeeCount at least 1.1805916207174113e+21');
    expect(describeCondition({ field: 'company.employeeCount', max: 1234.5 })).toBe('company.employeeCount at most 1,234.5');
    expect(describeCondition({ field: 'company.annualRevenue', min: 1e21 })).toBe('company.annualRevenue at least 1e+21');
    expect(describeCondition({ field: 'company.annualRevenue', min: 123_456_789_012.5 })).toBe('company.annualRevenue at least 123,456,789,012.5');
    expect(describeCondition({ field: 'company.annualRevenue', min: 0.123456 })).toBe('company.annualRevenue at least 0.1235');
    expect(describeCondition({ field: 'company.name', endsWith: ['Inc', 'Ltd'], caseSensitive: true })).toBe(
      'company.name ends with "Inc" or "Ltd" (exact case)',
    );
    expect(describeCondition({ field: 'company.name', startsWith: 'Acme' })).toBe('company.name starts with "Acme"');
    expect(describeCondition({ field: 'company.name', exists: false })).toBe('company.name is missing');
  });
});
