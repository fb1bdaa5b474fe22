import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { DateTime } from './codecs.ts';
import { Lead } from './lead.ts';
import { leadToJson, parseActivity, parseCompany, parseContact, parseLead, parseMoney, parseProspect } from './documents.ts';

const valid = {
  id: 'lead-1',
  contact: { firstName: 'Ada', email: 'ada@acme.com', jobTitle: 'CTO', seniority: 'c_level' },
  company: {
    name: 'Acme',
    domain: 'acme.com',
    industry: 'software',
    employeeCount: 120,
    country: 'US',
    annualRevenue: { amount: '25000000', currency: 'USD' },
  },
  source: 'website_form',
  createdAt: '2024-05-01T09:30:00Z',
  activities: [
    { type: 'page_viewed', at: '2024-05-02T10:00:00+02:00', url: '/pricing', pageKind: 'pricing' },
    { type: 'demo_requested', at: '2024-05-03T10:00:00Z' },
  ],
};

function problems(input: unknown): Record<string, string> {
  const result = parseLead(input);
  expect(result.ok).toBe(false);
  if (result.ok) return {};
  expect(result.error).toBeInstanceOf(ValidationError);
  return Object.fromEntries(result.error.issues.map((i) => [i.pathText, i.message]));
}

describe('parseLead', () => {
  it('accepts a valid lead and decodes dates and money', () => {
    const result = parseLead(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.createdAt).toEqual(new Date(Date.UTC(2024, 4, 1, 9, 30)));
    expect(result.value.activities[0]?.at.toISOString()).toBe('2024-05-02T08:00:00.000Z');
    expect(result.value.company?.annualRevenue).toEqual({ amountMinor: 2_500_000_000, currency: 'USD' });
  });

  it('defaults activities to an empty list', () => {
    const { activities: _, ...withoutActivities } = valid;
    const result = parseLead(withoutActivities);
    expect(result.ok && result.value.activities).toEqual([]);
  });

  it('lists every problem with its path, in plain words', () => {
    const found = problems({
      ...valid,
      contact: { email: 'not-an-email' },
      company: { name: 'Acme', employeeCount: -5, annualRevenue: { amount: '10', currency: 'XYZ' } },
      createdAt: '2024-02-30T00:00:00Z',
      source: 'carrier_pigeon',
    });
    expect(found['contact.email']).toMatch(/not a valid e-mail address/);
    expect(found['company.employeeCount']).toMatch(/at least 0/);
    expect(found['company.annualRevenue.currency']).toMatch(/not an ISO 4217 currency/);
    expect(found['createdAt']).toMatch(/not a real ISO 8601 date-time/);
    expect(found['source']).toMatch(/must be one of .*"website_form"/);
    expect(Object.keys(found)).toHaveLength(5);
  });

  it('explains wrong types and missing fields', () => {
    const found = problems({ contact: 'Ada', source: 'webinar', createdAt: 12 });
    expect(found['id']).toMatch(/required but missing/);
    expect(found['contact']).toMatch(/must be an object, not text/);
    expect(found['createdAt']).toMatch(/must be text, not a number/);
  });

  it('refuses activities of an unknown type and with impossible dates', () => {
    const found = problems({
      ...valid,
      activities: [
        { type: 'fax_sent', at: '2024-05-01T00:00:00Z' },
        { type: 'demo_requested', at: '2023-13-01T00:00:00Z' },
      ],
    });
    expect(found['activities[0].type'] ?? found['activities[0]']).toBeDefined();
    expect(found['activities[1].at']).toMatch(/not a real ISO 8601/);
  });

  it('refuses dates without a time zone, which would depend on the reader’s zone', () => {
    expect(problems({ ...valid, createdAt: '2024-05-01T09:30:00' })['createdAt']).toMatch(/time zone/);
  });

  it('refuses a document from a newer schema version', () => {
    expect(problems({ ...valid, schemaVersion: 2 })['schemaVersion']).toMatch(/upgrade leadkit/);
  });

  it('never pollutes prototypes through __proto__ keys', () => {
    const hostile = JSON.parse(
      '{"id":"l","contact":{"__proto__":{"polluted":true}},"source":"other","createdAt":"2024-01-01T00:00:00Z","customFields":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ok":1}}',
    );
    const result = parseLead(hostile);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (result.ok) {
      expect(Object.getPrototypeOf(result.value.contact)).toBe(Object.prototype);
      expect((result.value.contact as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });

  it('handles very large inputs: many activities are fine, oversized strings are refused', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ type: 'email_opened', at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() }));
    const result = parseLead({ ...valid, activities: many });
    expect(result.ok && result.value.activities.length).toBe(50_000);
    const huge = problems({ ...valid, contact: { firstName: 'x'.repeat(1_000_000) } });
    expect(huge['contact.firstName']).toMatch(/at most 500 characters/);
  });

  it('refuses non-objects at the root', () => {
    for (const input of [null, undefined, 42, 'lead', [], true]) {
      const result = parseLead(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues[0]?.pathText).toBe('(root)');
    }
  });

  it('does not mutate its input', () => {
    const input = structuredClone(valid);
    parseLead(input);
    expect(input).toEqual(valid);
  });

  it('round-trips through leadToJson', () => {
    const first = parseLead(valid);
    if (!first.ok) throw new Error('fixture must be valid');
    const again = parseLead(JSON.parse(JSON.stringify(leadToJson(first.value))));
    expect(again.ok && again.value).toEqual({ ...first.value, schemaVersion: 1 });
  });
});

describe('the other parse functions', () => {
  it('parseMoney accepts minor units and decimal strings, never floats', () => {
    expect(parseMoney({ amountMinor: 1250, currency: 'USD' })).toEqual({ ok: true, value: { amountMinor: 1250, currency: 'USD' } });
    expect(parseMoney({ amount: '12.5', currency: 'USD' })).toEqual({ ok: true, value: { amountMinor: 1250, currency: 'USD' } });
    expect(parseMoney({ amount: '1500', currency: 'JPY' })).toEqual({ ok: true, value: { amountMinor: 1500, currency: 'JPY' } });
    expect(parseMoney({ amountMinor: 12.5, currency: 'USD' }).ok).toBe(false);
    const tooPrecise = parseMoney({ amount: '12.345', currency: 'USD' });
    expect(!tooPrecise.ok && tooPrecise.error.issues[0]?.message).toMatch(/more decimal places than USD allows/);
  });

  it('parseCompany refuses unknown countries and bad domains', () => {
    const result = parseCompany({ name: 'Acme', country: 'XX', domain: 'Not A Domain' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => i.pathText).sort()).toEqual(['country', 'domain']);
    expect(result.error.message).toMatch(/Invalid company \(2 problems\)/);
  });

  it('parseActivity requires the fields of its type', () => {
    const result = parseActivity({ type: 'page_viewed', at: '2024-01-01T00:00:00Z' });
    expect(!result.ok && result.error.issues[0]?.pathText).toBe('url');
  });

  it('name what they validated in the error message', () => {
    const heading = (result: { ok: boolean; error?: Error }) => (result.ok ? 'accepted' : result.error?.message.split('\n')[0]);
    expect(heading(parseContact({ email: 'not an address' }))).toMatch(/^Invalid contact \(1 problem\)/);
    expect(heading(parseActivity({ type: 'nope' }))).toMatch(/^Invalid activity /);
    expect(heading(parseMoney({ amount: 1 }))).toMatch(/^Invalid amount of money /);
    expect(heading(parseProspect({ ...valid }))).toMatch(/^Invalid prospect /);
    expect(heading(parseContact({ email: 'ada@acme.com' }))).toBe('accepted');
  });

  it('parseProspect refuses a stored prospect whose verdict did not qualify', () => {
    const result = parseProspect({
      ...valid,
      qualification: { verdict: { frameworkId: 'bant', qualified: false, score: 25 }, qualifiedAt: '2024-06-01T00:00:00Z', qualifiedBy: 'rep' },
    });
    expect(!result.ok && result.error.issues[0]?.code).toBe('not_qualified');
  });
});

describe('leads as real sources give them', () => {
  const base = { id: 'l1', contact: {}, source: 'other' };
  it('keeps the source system’s own source in sourceDetail, and source stays a closed list', () => {
    const result = parseLead({ ...base, sourceDetail: 'Phone Inquiry' });
    expect(result.ok && result.value.sourceDetail).toBe('Phone Inquiry');
    const wrong = parseLead({ ...base, source: 'Phone Inquiry' });
    expect(!wrong.ok && wrong.error.issues[0]?.pathText).toBe('source');
  });

  it('keeps an activity of a type leadkit does not list as other, with its name', () => {
    const result = parseLead({ ...base, activities: [{ type: 'other', name: 'LinkedIn InMail', at: '2024-05-01T00:00:00Z' }] });
    expect(result.ok && result.value.activities[0]).toEqual({ type: 'other', name: 'LinkedIn InMail', at: new Date('2024-05-01T00:00:00Z') });
    const nameless = parseLead({ ...base, activities: [{ type: 'other', at: '2024-05-01T00:00:00Z' }] });
    expect(!nameless.ok && nameless.error.issues[0]?.pathText).toBe('activities[0].name');
  });

  it('accepts a lead without createdAt and an outcome without a date', () => {
    const result = parseLead({ ...base, outcome: { status: 'won' } });
    expect(result.ok && result.value).toEqual({ ...base, activities: [], outcome: { status: 'won' } });
  });
});

describe('extended leads', () => {
  const CrmLead = Lead.extend({ accountTier: z.enum(['gold', 'silver']), renewalAt: DateTime.optional() });
  const json = { id: 'crm-1', contact: {}, source: 'referral', createdAt: '2024-01-01T00:00:00Z', accountTier: 'gold', renewalAt: '2025-01-01T00:00:00Z' };

  it('parse with their schema and keep their fields through leadToJson', () => {
    const parsed = parseLead(json, { lead: CrmLead });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.renewalAt).toEqual(new Date('2025-01-01T00:00:00Z'));
    const encoded = leadToJson(parsed.value, { lead: CrmLead });
    expect(encoded).toMatchObject({ accountTier: 'gold', renewalAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1 });
    expect(parseLead(JSON.parse(JSON.stringify(encoded)), { lead: CrmLead })).toEqual({ ok: true, value: { ...parsed.value, schemaVersion: 1 } });
    // Without the schema the extra fields are kept as they are (a Date stays a Date until JSON.stringify).
    expect(leadToJson(parsed.value)).toMatchObject({ accountTier: 'gold', renewalAt: new Date('2025-01-01T00:00:00Z') });
    expect(parseLead({ ...json, accountTier: 'bronze' }, { lead: CrmLead }).ok).toBe(false);
  });
});
