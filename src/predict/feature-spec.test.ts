import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { FREE_EMAIL_DOMAINS } from '../internal/free-email-domains.ts';
import { Lead } from '../models/lead.ts';
import { generateLeads } from '../testing/generate-leads.ts';
import { extractFeatures } from './extract-features.ts';
import { categoryKey, numberValue, textRuleOf, timeValue } from './feature-readers.ts';
import { defineFeatureSpec, parseFeatureSpec } from './parse-feature-spec.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 60, asOf });
const open = leads.filter((lead) => lead.outcome === undefined);
const sample = open[0] as Lead;
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p' },
    { kind: 'numeric', name: 'demos', label: 'demo requests', from: { activityCount: { type: ['demo_requested', 'meeting_held'] } } },
    { kind: 'numeric', name: 'pricing', label: 'pricing page views', from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 } },
    { kind: 'numeric', name: 'recency', label: 'days since last activity', from: { daysSinceLastActivity: {} } },
    { kind: 'numeric', name: 'age', label: 'lead age', unit: 'days', from: { daysSince: 'createdAt' } },
  ],
});

function withFields(fields: Record<string, unknown>): Lead {
  return { ...sample, customFields: fields as Lead['customFields'] };
}

describe('parseFeatureSpec and defineFeatureSpec', () => {
  it('refuse a path that names no field, with its path and a suggestion', () => {
    const typo = parseFeatureSpec({ features: [{ kind: 'categorical', name: 'y', from: 'company.industy' }] });
    expect(typo.ok).toBe(false);
    if (typo.ok) return;
    expect(typo.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].from']);
    expect(typo.error.issues[0]?.message).toContain('Did you mean "company.industry"?');
    expect(() => defineFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: { daysSince: 'createdAtt' } }] })).toThrow(
      /features\[0\]\.from\.daysSince: .*Did you mean "createdAt"/,
    );
  });

  it('refuse a field read the wrong way: text as a number, a date as a category, a number as a date', () => {
    const wrong = parseFeatureSpec({
      features: [
        { kind: 'numeric', name: 'a', from: 'company.industry' },
        { kind: 'categorical', name: 'b', from: 'createdAt' },
        { kind: 'numeric', name: 'c', from: { daysSince: 'company.employeeCount' } },
        { kind: 'categorical', name: 'd', from: { cross: ['source', 'company.technologies'] } },
      ],
    });
    expect(!wrong.ok && wrong.error.issues.map((issue) => [issue.pathText, issue.code])).toEqual([
      ['features[0].from', 'unsuited_field'],
      ['features[1].from', 'unsuited_field'],
      ['features[2].from.daysSince', 'unsuited_field'],
      ['features[3].from.cross[1]', 'unsuited_field'],
    ]);
  });

  it('check paths against the caller lead schema: fields of an extended lead are nameable', () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']), seats: z.number() });
    const extended = {
      features: [
        { kind: 'categorical', name: 'tier', from: 'accountTier' },
        { kind: 'numeric', name: 'seats', from: 'seats' },
      ],
    };
    expect(parseFeatureSpec(extended).ok).toBe(false);
    expect(parseFeatureSpec(extended, { lead: CrmLead }).ok).toBe(true);
    expect(defineFeatureSpec({ features: [{ kind: 'categorical', name: 'tier', from: 'accountTier' }] }, { lead: CrmLead }).features).toHaveLength(1);
    const typo = parseFeatureSpec({ features: [{ kind: 'categorical', name: 'tier', from: 'acountTier' }] }, { lead: CrmLead });
    expect(!typo.ok && typo.error.issues[0]?.message).toContain('Did you mean "accountTier"?');
  });

  it('validate the form: unique names, ascending bins, clip bounds, crosses, the activity filter, forbidden path segments', () => {
    const bins = parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'company.employeeCount', bins: [10, 5] }] });
    expect(!bins.ok && bins.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].bins']);
    const duplicate = parseFeatureSpec({
      features: [
        { kind: 'categorical', name: 'a', from: 'source' },
        { kind: 'categorical', name: 'a', from: 'source' },
      ],
    });
    expect(!duplicate.ok && duplicate.error.message).toContain('duplicate feature name "a"');
    expect(() => defineFeatureSpec({ features: [] })).toThrow();
    const clip = parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'company.employeeCount', clip: { min: 5, max: 1 } }] });
    expect(!clip.ok && clip.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].clip']);
    expect(parseFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { binned: 'company.employeeCount', bins: [10, 5] } }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { cross: ['customFields.a'] } }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: { activityCount: { pageKind: 'pricing' } } }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: { activityCount: {}, withinDays: 0 } }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: { customField: 'x' } }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: 'customFields.__proto__' }] }).ok).toBe(false);
    expect(parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'company.employeeCount', bins: { quantiles: 1 } }] }).ok).toBe(false);
  });

  it('never throw on hostile input', () => {
    const cyclic: Record<string, unknown> = { features: [] };
    cyclic['self'] = cyclic;
    for (const input of [
      undefined,
      null,
      42,
      'spec',
      [],
      cyclic,
      JSON.parse('{"__proto__": {"x": 1}, "features": []}'),
      { features: [{ kind: 'numeric', name: 'x', from: 10n }] },
    ])
      expect(parseFeatureSpec(input).ok).toBe(false);
  });

  it('do not mutate their input', () => {
    const input = { missingWhen: ['unknown'], features: [{ kind: 'categorical', name: 'job', from: 'customFields.job', missingWhen: ['n/a'] }] };
    const copy = structuredClone(input);
    parseFeatureSpec(input);
    defineFeatureSpec(input as typeof input & { features: [{ kind: 'categorical'; name: string; from: string }] });
    expect(input).toEqual(copy);
  });
});

describe('what counts as missing, and how text is compared', () => {
  const rule = textRuleOf({ missingWhen: ['unknown', 'N/A'] }, {});
  it('is the one rule: absent, null, empty text, an empty list, a declared marker (case folded)', () => {
    for (const value of [undefined, null, '', [], 'unknown', 'UNKNOWN', 'n/a', 'N/A', Number.NaN, Number.POSITIVE_INFINITY, {}, ['a']])
      expect(categoryKey(value, rule)).toBeUndefined();
    expect(categoryKey(' ', rule)).toBe(' ');
    expect(categoryKey('Unknown Soldier', rule)).toBe('unknown soldier');
    expect(categoryKey(12, rule)).toBe('12');
    expect(categoryKey(false, rule)).toBe('false');
  });
  it('keeps case, and matches markers exactly, when the feature is case-sensitive', () => {
    const exact = textRuleOf({ missingWhen: ['unknown'] }, { caseSensitive: true });
    expect(categoryKey('Manager', exact)).toBe('Manager');
    expect(categoryKey('unknown', exact)).toBeUndefined();
    expect(categoryKey('Unknown', exact)).toBe('Unknown');
  });
  it("takes the feature's markers instead of the spec's; an empty list declares none", () => {
    expect(categoryKey('unknown', textRuleOf({ missingWhen: ['unknown'] }, { missingWhen: [] }))).toBe('unknown');
    expect(categoryKey('-', textRuleOf({ missingWhen: ['unknown'] }, { missingWhen: ['-'] }))).toBeUndefined();
  });
  it('reads numbers from numbers, numeric text, booleans and money; anything else is missing', () => {
    expect(numberValue(12.5)).toBe(12.5);
    expect(numberValue(' 12.5 ')).toBe(12.5);
    expect(numberValue(true)).toBe(1);
    expect(numberValue({ amountMinor: 1250, currency: 'USD' })).toBe(12.5);
    expect(numberValue({ amountMinor: 1250, currency: 'XXX1' })).toBeNaN();
    for (const value of ['', '  ', '1,234', 'unknown', 'Infinity', Number.NaN, undefined, null, [], new Date(0)]) expect(numberValue(value)).toBeNaN();
  });
  it('reads dates from Dates, epoch milliseconds and ISO text with a zone or a bare date (as UTC), in any time zone', () => {
    expect(timeValue('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(timeValue('2024-03-01T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8));
    expect(timeValue('2024-03-01T10:00:00')).toBeNaN();
    expect(timeValue(new Date(5))).toBe(5);
    expect(timeValue('yesterday')).toBeNaN();
  });
});

describe('extractFeatures', () => {
  it('reads every kind of source, at the time of prediction', () => {
    const values = extractFeatures(spec, sample, { asOf });
    expect(values['industry']).toBe(sample.company?.industry?.toLowerCase());
    expect(values['employees']).toBe(sample.company?.employeeCount);
    const demos = sample.activities.filter((activity) => activity.type === 'demo_requested' || activity.type === 'meeting_held').length;
    expect(values['demos']).toBe(demos);
    expect(values['age']).toBeCloseTo((asOf.getTime() - (sample.createdAt as Date).getTime()) / 86_400_000, 9);
    const early = extractFeatures(spec, sample, { asOf: Date.parse('2000-01-01T00:00:00Z') });
    expect(early['demos']).toBe(0);
    expect(early['recency']).toBeUndefined();
  });

  it('counts activities in the window conditions use: at most withinDays before asOf, none after it', () => {
    const lead: Lead = {
      ...sample,
      activities: [
        { type: 'page_viewed', at: new Date('2025-06-30T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
        { type: 'page_viewed', at: new Date('2025-04-01T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
        { type: 'page_viewed', at: new Date('2025-03-01T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
        { type: 'page_viewed', at: new Date('2025-07-01T00:00:00Z'), url: '/pricing', pageKind: 'pricing' },
        { type: 'page_viewed', at: new Date('2025-06-01T00:00:00Z'), url: '/blog', pageKind: 'blog' },
      ],
    };
    expect(extractFeatures(spec, lead, { asOf })['pricing']).toBe(2);
  });

  it('calls an e-mail free by the one list (FREE_EMAIL_DOMAINS)', () => {
    const kindOf = (email: string | undefined) =>
      extractFeatures(spec, { ...sample, contact: { ...sample.contact, ...(email === undefined ? { email: undefined } : { email }) } }, { asOf })['email'];
    for (const domain of FREE_EMAIL_DOMAINS) expect(kindOf(`ada@${domain}`)).toBe('free');
    expect(kindOf('Ada@HOTMAIL.FR')).toBe('free');
    expect(kindOf('ada@acme.com')).toBe('business');
    expect(kindOf(undefined)).toBeUndefined();
  });

  it('reads custom fields with text placeholders, mixed case and numbers stored as text', () => {
    const custom = defineFeatureSpec({
      missingWhen: ['unknown', 'not chosen'],
      features: [
        { kind: 'categorical', name: 'team', from: 'customFields.team' },
        { kind: 'categorical', name: 'plan', from: 'customFields.plan', missingWhen: [] },
        { kind: 'numeric', name: 'seats', from: 'customFields.seats' },
      ],
    });
    expect(extractFeatures(custom, withFields({ team: 'Not Chosen', plan: 'unknown', seats: 'many' }), { asOf })).toEqual({
      team: undefined,
      plan: 'unknown',
      seats: undefined,
    });
    expect(extractFeatures(custom, withFields({ team: 'North', plan: 'Pro', seats: ' 12 ' }), { asOf })).toEqual({ team: 'north', plan: 'pro', seats: 12 });
    // Only own fields are read: never a prototype's.
    expect(extractFeatures(custom, withFields(Object.create({ team: 'inherited' }) as Record<string, unknown>), { asOf })['team']).toBeUndefined();
    expect(
      extractFeatures(defineFeatureSpec({ features: [{ kind: 'categorical', name: 't', from: 'customFields.toString' }] }), withFields({}), { asOf }),
    ).toEqual({ t: undefined });
  });

  it('maps sentinels to missing, caps, bins numbers into categories and crosses categories', () => {
    const mapped = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'pdays', from: 'customFields.pdays', missingWhen: [999, -1], transform: 'log1p' },
        { kind: 'numeric', name: 'previous', from: 'customFields.previous', clip: { min: 0, max: 3 } },
        { kind: 'categorical', name: 'age band', from: { binned: 'customFields.age', bins: [30, 60], missingWhen: [0] } },
        { kind: 'categorical', name: 'slot', from: { cross: ['customFields.month', 'customFields.day'] } },
      ],
    });
    expect(extractFeatures(mapped, withFields({ pdays: 999, previous: 7, age: 45, month: 'May', day: 'mon' }), { asOf })).toEqual({
      pdays: undefined,
      previous: 3,
      'age band': '30 to < 60',
      slot: 'may × mon',
    });
    expect(extractFeatures(mapped, withFields({ pdays: 6, previous: -2, age: 0, month: 'may' }), { asOf })).toEqual({
      pdays: 6,
      previous: 0,
      'age band': undefined,
      slot: undefined,
    });
  });

  it('refuses an invalid asOf with the one RangeError, and does not mutate the lead', () => {
    const copy = structuredClone(sample);
    expect(() => extractFeatures(spec, sample, { asOf: new Date(Number.NaN) })).toThrow('asOf is not a valid instant');
    expect(() => extractFeatures(spec, sample, { asOf: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    extractFeatures(spec, sample, { asOf });
    expect(sample).toEqual(copy);
  });
});
