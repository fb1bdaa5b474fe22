import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { PLUS_TAG_DOMAINS, companyDomainOf, domainFromWebsite, leadDedupKeys, normalizeEmail, normalizePhone } from './dedup-keys.ts';
import { dataDecayReport, expectedValidShare } from './data-decay.ts';
import { findDuplicates } from './find-duplicates.ts';
import { FREE_EMAIL_DOMAINS, isFreeEmailDomain } from '../internal/free-email-domains.ts';
import { mergeLeads } from './merge-leads.ts';

const at = (iso: string) => new Date(iso);
function lead(id: string, fields: Partial<Lead> = {}): Lead {
  return { id, contact: {}, source: 'website_form', createdAt: at('2024-01-01T00:00:00Z'), activities: [], ...fields };
}

describe('dedup keys', () => {
  it('normalises e-mail addresses, removing plus-tags and Gmail dots only where providers ignore them', () => {
    expect(normalizeEmail(' Ada.Lovelace+crm@GoogleMail.com ')).toBe('adalovelace@gmail.com');
    expect(normalizeEmail('ada+news@outlook.com')).toBe('ada@outlook.com');
    expect(normalizeEmail('Ada.Lovelace+crm@acme.com')).toBe('ada.lovelace+crm@acme.com');
    expect(normalizeEmail('not-an-address')).toBeUndefined();
    expect(normalizeEmail('@acme.com')).toBeUndefined();
    // Nothing of the mailbox left (found by the idempotence property: '@gmail.com' did not normalise again).
    expect(normalizeEmail('.+news@gmail.com')).toBeUndefined();
    expect(normalizeEmail('.@gmail.com')).toBeUndefined();
    expect(domainFromWebsite('https://www.www.acme.com/')).toBe('acme.com');
  });

  it('removes plus-tags for whole provider families, every domain alike', () => {
    for (const domain of [
      'hotmail.com',
      'hotmail.fr',
      'hotmail.co.uk',
      'outlook.fr',
      'live.co.uk',
      'msn.com',
      'me.com',
      'mac.com',
      'icloud.com',
      'protonmail.ch',
      'fastmail.fm',
    ])
      expect(normalizeEmail(`Ada+crm@${domain}`)).toBe(`ada@${domain}`);
    // Yahoo uses `name-keyword@`, and unknown providers may route tags: left alone.
    for (const domain of ['yahoo.com', 'gmx.de', 'acme.com']) expect(normalizeEmail(`ada+crm@${domain}`)).toBe(`ada+crm@${domain}`);
    // Consistency of the two lists: a free-mail domain of a plus-tag family is in the family, and every plus-tag domain is free mail.
    const family = /^(gmail|googlemail|outlook|hotmail|live|msn|icloud|me|mac|fastmail|proton|protonmail|pm)\./;
    for (const domain of FREE_EMAIL_DOMAINS) expect([domain, PLUS_TAG_DOMAINS.has(domain)]).toEqual([domain, family.test(domain)]);
    for (const domain of PLUS_TAG_DOMAINS) expect([domain, isFreeEmailDomain(domain)]).toEqual([domain, true]);
  });

  it('normalises phone numbers', () => {
    expect(normalizePhone('+1 (555) 010-0199')).toBe('+15550100199');
    expect(normalizePhone('0044 20 7946 0018')).toBe('+442079460018');
    expect(normalizePhone('020 7946 0018', { defaultCallingCode: '+44' })).toBe('+442079460018');
    expect(normalizePhone('020 7946 0018')).toBe('02079460018');
    expect(normalizePhone('123')).toBeUndefined();
    // Too few digits once the trunk zero is dropped (found by the idempotence property).
    expect(normalizePhone('050000', { defaultCallingCode: '' })).toBeUndefined();
  });

  it('finds the company domain from the company, a website field or a business e-mail, never a free one', () => {
    expect(domainFromWebsite('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(domainFromWebsite('not a site')).toBeUndefined();
    expect(companyDomainOf(lead('a', { company: { name: 'Acme', domain: 'acme.com' }, contact: { email: 'ada@gmail.com' } }))).toBe('acme.com');
    expect(companyDomainOf(lead('a', { customFields: { website: 'http://www.initech.io' } }))).toBe('initech.io');
    expect(companyDomainOf(lead('a', { contact: { email: 'ada@Acme.com' } }))).toBe('acme.com');
    expect(companyDomainOf(lead('a', { contact: { email: 'ada@gmail.com' } }))).toBeUndefined();
    expect(leadDedupKeys(lead('a', { contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.com', phone: '+1 555 010 0199' } }))).toEqual({
      email: 'ada@acme.com',
      phone: '+15550100199',
      companyDomain: 'acme.com',
      nameAtCompany: 'ada lovelace@acme.com',
    });
  });

  it('detects free e-mail domains', () => {
    expect(isFreeEmailDomain('Ada@Gmail.com')).toBe(true);
    expect(isFreeEmailDomain('hotmail.com')).toBe(true);
    expect(isFreeEmailDomain('acme.com')).toBe(false);
    for (const domain of [
      'outlook.fr',
      'hotmail.de',
      'hotmail.it',
      'hotmail.es',
      'live.co.uk',
      'yahoo.es',
      'yahoo.it',
      'protonmail.ch',
      'gmx.at',
      'fastmail.fm',
    ])
      expect([domain, isFreeEmailDomain(`ada@${domain}`)]).toEqual([domain, true]);
    expect(companyDomainOf(lead('a', { contact: { email: 'ada@outlook.fr' } }))).toBeUndefined();
    expect(FREE_EMAIL_DOMAINS.size).toBeGreaterThan(30);
    // A small embedded list, not a registry.
    expect(FREE_EMAIL_DOMAINS.size).toBeLessThan(100);
  });
});

describe('findDuplicates', () => {
  const leads = [
    lead('1', { contact: { email: 'ada.lovelace@gmail.com' } }),
    lead('2', { contact: { email: 'AdaLovelace+crm@googlemail.com', phone: '+44 20 7946 0018' } }),
    lead('3', { contact: { phone: '0044 (20) 7946-0018' } }),
    lead('4', { contact: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.mil' } }),
    lead('5', { contact: { firstName: 'grace', lastName: 'hopper ' }, company: { name: 'US Navy', domain: 'navy.mil' } }),
    lead('6', { contact: { email: 'someone@navy.mil' } }),
  ];

  it('groups leads transitively, with the evidence', () => {
    const groups = findDuplicates(leads);
    expect(groups.map((group) => group.leads.map((entry) => entry.id))).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    expect(groups[0]?.evidence).toEqual([
      { reason: 'same_email', value: 'adalovelace@gmail.com', leadIds: ['1', '2'] },
      { reason: 'same_phone', value: '+442079460018', leadIds: ['2', '3'] },
    ]);
    expect(groups[1]?.evidence).toEqual([{ reason: 'same_name_at_company', value: 'grace hopper@navy.mil', leadIds: ['4', '5'] }]);
  });

  it('applies only the rules asked for', () => {
    expect(findDuplicates(leads, { reasons: ['same_phone'] }).map((group) => group.leads.map((entry) => entry.id))).toEqual([['2', '3']]);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(leads);
    findDuplicates(leads);
    expect(leads).toEqual(copy);
  });
});

describe('mergeLeads', () => {
  const first = lead('crm-1', {
    createdAt: at('2024-02-01T00:00:00Z'),
    updatedAt: at('2024-02-10T00:00:00Z'),
    contact: { firstName: 'Ada', email: 'ada@acme.com' },
    company: { name: 'Acme', technologies: ['aws'] },
    consent: { emailOptOut: false },
    stage: 'mql',
    activities: [
      { type: 'email_opened', at: at('2024-02-02T00:00:00Z'), id: 'e1' },
      { type: 'page_viewed', at: at('2024-02-03T00:00:00Z'), url: '/pricing' },
    ],
  });
  const second = lead('form-9', {
    createdAt: at('2024-01-15T00:00:00Z'),
    updatedAt: at('2024-03-01T00:00:00Z'),
    lastVerifiedAt: at('2024-03-01T00:00:00Z'),
    contact: { firstName: 'Adelaide', lastName: 'Lovelace', phone: '+44 20 7946 0018' },
    company: { name: 'Acme Ltd', industry: 'software', technologies: ['gcp', 'aws'] },
    consent: { emailOptOut: true },
    activities: [
      { type: 'email_opened', at: at('2024-02-02T00:00:00Z'), id: 'e1' },
      { type: 'page_viewed', at: at('2024-02-03T00:00:00Z'), url: '/pricing' },
      { type: 'demo_requested', at: at('2024-01-20T00:00:00Z') },
    ],
  });

  it('fills empty fields only by default and records where each came from', () => {
    const { lead: merged, sources, mergedIds } = mergeLeads(first, second);
    expect(merged.id).toBe('crm-1');
    expect(mergedIds).toEqual(['crm-1', 'form-9']);
    expect(merged.contact).toEqual({ firstName: 'Ada', email: 'ada@acme.com', lastName: 'Lovelace', phone: '+44 20 7946 0018' });
    expect(merged.company).toEqual({ name: 'Acme', technologies: ['aws', 'gcp'], industry: 'software' });
    expect(merged.createdAt).toEqual(at('2024-01-15T00:00:00Z'));
    expect(merged.updatedAt).toEqual(at('2024-03-01T00:00:00Z'));
    expect(merged.lastVerifiedAt).toEqual(at('2024-03-01T00:00:00Z'));
    expect(merged.consent).toEqual({ emailOptOut: true });
    expect(merged.stage).toBe('mql');
    expect(merged.activities.map((activity) => activity.type)).toEqual(['demo_requested', 'email_opened', 'page_viewed']);
    expect(sources).toMatchObject({
      'contact.firstName': 'first',
      'contact.phone': 'second',
      'company.technologies': 'both',
      'company.industry': 'second',
      createdAt: 'second',
      'consent.emailOptOut': 'second',
      stage: 'first',
      activities: 'both',
    });
  });

  it('prefers the second or the newest record when asked', () => {
    expect(mergeLeads(first, second, { fields: 'prefer_second' }).lead.contact.firstName).toBe('Adelaide');
    expect(mergeLeads(first, second, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('Adelaide');
    expect(mergeLeads(second, first, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('Adelaide');
    expect(mergeLeads(first, second, { fields: 'prefer_second' }).lead.id).toBe('crm-1');
  });

  it('keeps the fields of an extended lead type', () => {
    const a = { ...lead('a'), tier: undefined as string | undefined };
    const b = { ...lead('b'), tier: 'gold' as string | undefined };
    expect(mergeLeads(a, b).lead.tier).toBe('gold');
  });

  it('does not let a __proto__ custom field pollute prototypes', () => {
    const hostile = lead('h', { customFields: JSON.parse('{"__proto__": "x", "plan": "pro"}') as Record<string, string> });
    const merged = mergeLeads(lead('a'), hostile).lead;
    expect(({} as Record<string, unknown>)['plan']).toBeUndefined();
    expect(merged.customFields?.['plan']).toBe('pro');
  });

  it('keeps every activity of one lead, and drops only a matching activity of the second, whatever the key order', () => {
    const view = { type: 'page_viewed', at: at('2024-01-02T00:00:00Z'), url: '/p', pageKind: 'pricing' } as const;
    // Two identical page views of one lead (the same page seen twice in the same millisecond) both stay.
    const twice = lead('x', { activities: [view, { ...view }] });
    expect(mergeLeads(twice, lead('y')).lead.activities).toHaveLength(2);
    // The same activity with its keys in another order and its date as another object matches once.
    const reordered = { pageKind: 'pricing', url: '/p', at: at('2024-01-02T00:00:00Z'), type: 'page_viewed' } as const;
    expect(mergeLeads(lead('p', { activities: [view] }), lead('q', { activities: [reordered] })).lead.activities).toEqual([view]);
    // Two in the second lead match one in the first: one is dropped, one kept.
    const merged = mergeLeads(lead('p', { activities: [view] }), lead('q', { activities: [reordered, reordered] }));
    expect(merged.lead.activities).toHaveLength(2);
    expect(merged.sources['activities']).toBe('both');
    // Two different calls that share an id from different systems are both kept.
    const callOne = { type: 'call', direction: 'outbound', at: at('2024-01-02T00:00:00Z'), id: '1' } as const;
    const callTwo = { type: 'call', direction: 'outbound', at: at('2024-03-02T00:00:00Z'), id: '1' } as const;
    expect(mergeLeads(lead('p', { activities: [callOne] }), lead('q', { activities: [callTwo] })).lead.activities).toEqual([callOne, callTwo]);
    expect(mergeLeads(lead('p', { activities: [callOne] }), lead('q', { activities: [{ ...callOne }] })).sources['activities']).toBe('first');
  });

  it('says where the stage history came from, which may not be where createdAt came from', () => {
    const crm = lead('p', {
      createdAt: at('2024-02-01T00:00:00Z'),
      stage: 'mql',
      stageHistory: [{ from: null, to: 'mql', event: 'import', at: at('2024-02-01T00:00:00Z') }],
    });
    const form = lead('q', { createdAt: at('2024-01-01T00:00:00Z') });
    const { lead: merged, sources } = mergeLeads(crm, form);
    expect(sources).toMatchObject({ createdAt: 'second', stage: 'first', stageHistory: 'first' });
    expect(merged.createdAt).toEqual(at('2024-01-01T00:00:00Z'));
    expect(merged.stageHistory).toBe(crm.stageHistory);
    expect(mergeLeads(form, crm).sources).toMatchObject({ createdAt: 'first', stage: 'second', stageHistory: 'second' });
  });

  it('brings the first record back when merged into the result again under prefer_second (not claimed)', () => {
    const a = lead('a', { contact: { firstName: 'Ada' } });
    const b = lead('b', { contact: { firstName: 'Adelaide' } });
    const merged = mergeLeads(a, b, { fields: 'prefer_second' }).lead;
    expect(merged.contact.firstName).toBe('Adelaide');
    expect(mergeLeads(merged, b, { fields: 'prefer_second' }).lead).toEqual(merged);
    expect(mergeLeads(merged, a, { fields: 'prefer_second' }).lead.contact.firstName).toBe('Ada');
  });

  it('never lets an invalid date win over a valid one, whatever the argument order', () => {
    const valid = lead('v', { createdAt: at('2024-01-01T00:00:00Z'), updatedAt: at('2024-02-01T00:00:00Z'), lastVerifiedAt: at('2024-02-15T00:00:00Z') });
    const broken = lead('b', { createdAt: new Date(Number.NaN), updatedAt: new Date(Number.NaN), lastVerifiedAt: new Date(Number.NaN) });
    for (const [a, b] of [
      [valid, broken],
      [broken, valid],
    ] as const) {
      const { lead: merged, sources } = mergeLeads(a, b);
      expect(merged.createdAt).toBe(valid.createdAt);
      expect(merged.updatedAt).toBe(valid.updatedAt);
      expect(merged.lastVerifiedAt).toBe(valid.lastVerifiedAt);
      const validSource = a === valid ? 'first' : 'second';
      expect(sources).toMatchObject({ createdAt: validSource, updatedAt: validSource, lastVerifiedAt: validSource });
      // Merging an input in again changes nothing (the reviewer's case: the invalid createdAt used to win as first).
      expect(mergeLeads(merged, a).lead).toEqual(merged);
      expect(mergeLeads(merged, b).lead).toEqual(merged);
      expect(mergeLeads(a, merged).lead).toEqual(merged);
    }
  });

  it("keeps the first lead's invalid date when both are invalid, and an invalid date when the other lead has none", () => {
    const one = lead('one', { createdAt: new Date(Number.NaN), updatedAt: new Date(Number.NaN) });
    const two = lead('two', { createdAt: new Date(Number.NaN), updatedAt: new Date(Number.NaN) });
    const { lead: merged, sources } = mergeLeads(one, two);
    expect(merged.createdAt).toBe(one.createdAt);
    expect(merged.updatedAt).toBe(one.updatedAt);
    expect(sources).toMatchObject({ createdAt: 'first', updatedAt: 'first' });
    const withoutUpdate = lead('none');
    expect(mergeLeads(withoutUpdate, one).lead.updatedAt).toBe(one.updatedAt);
    expect(mergeLeads(withoutUpdate, one).sources['updatedAt']).toBe('second');
  });

  it('prefer_newest reads an invalid updatedAt as absent, and a lead with a valid date as newer than one without', () => {
    const stale = lead('stale', { createdAt: at('2024-01-01T00:00:00Z'), updatedAt: at('2024-01-10T00:00:00Z'), contact: { firstName: 'Old' } });
    const fresh = lead('fresh', { createdAt: at('2024-03-01T00:00:00Z'), updatedAt: new Date(Number.NaN), contact: { firstName: 'New' } });
    // fresh's invalid updatedAt gives way to its createdAt (March), newer than stale's updatedAt (January).
    expect(mergeLeads(stale, fresh, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('New');
    expect(mergeLeads(fresh, stale, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('New');
    const undated = lead('undated', { createdAt: new Date(Number.NaN), updatedAt: new Date(Number.NaN), contact: { firstName: 'Undated' } });
    expect(mergeLeads(undated, stale, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('Old');
    expect(mergeLeads(stale, undated, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('Old');
    // Neither has a valid date: the first wins, as on a tie.
    const otherUndated = { ...undated, id: 'other', contact: { firstName: 'Other' } };
    expect(mergeLeads(undated, otherUndated, { fields: 'prefer_newest' }).lead.contact.firstName).toBe('Undated');
  });

  it('does not mutate its input', () => {
    const copies = structuredClone([first, second]);
    mergeLeads(first, second);
    expect([first, second]).toEqual(copies);
  });
});

describe('data decay', () => {
  it('expects about 2 % decay a month', () => {
    expect(expectedValidShare(0)).toBe(1);
    expect(expectedValidShare(30.4375)).toBeCloseTo(0.98);
    expect(expectedValidShare(365.25)).toBeCloseTo(0.98 ** 12);
    expect(expectedValidShare(365.25, 0.05)).toBeCloseTo(0.95 ** 12);
    expect(() => expectedValidShare(10, 2)).toThrow(RangeError);
  });

  it('lists records due for re-verification and the expected valid share', () => {
    const asOf = at('2024-07-01T00:00:00Z');
    const records = [
      { id: 'fresh', createdAt: at('2023-01-01T00:00:00Z'), lastVerifiedAt: asOf },
      { id: 'old', createdAt: at('2023-01-01T00:00:00Z'), lastVerifiedAt: at('2023-07-01T00:00:00Z') },
      { id: 'never', createdAt: at('2023-06-01T00:00:00Z') },
      { id: 'future', createdAt: at('2024-08-01T00:00:00Z') },
    ];
    const report = dataDecayReport(records, { asOf });
    expect(report).toMatchObject({ records: 3, neverVerified: 1, staleIds: ['old', 'never'] });
    const expected = 1 + 0.98 ** (366 / 30.4375) + 0.98 ** (396 / 30.4375);
    expect(report.expectedValid).toBeCloseTo(expected);
    expect(report.expectedValidShare).toBeCloseTo(expected / 3);
    expect(dataDecayReport([], { asOf }).expectedValidShare).toBeUndefined();
  });

  it('ignores a verification after asOf: as of asOf the record had not been verified yet', () => {
    const asOf = at('2024-07-01T00:00:00Z');
    const verifiedLater = { id: 'x', createdAt: at('2022-07-01T00:00:00Z'), lastVerifiedAt: at('2024-12-01T00:00:00Z') };
    const neverVerified = { id: 'x', createdAt: at('2022-07-01T00:00:00Z') };
    const report = dataDecayReport([verifiedLater], { asOf, maxAgeDays: 180 });
    expect(report).toEqual(dataDecayReport([neverVerified], { asOf, maxAgeDays: 180 }));
    expect(report).toMatchObject({ records: 1, neverVerified: 1, staleIds: ['x'] });
    expect(report.expectedValid).toBeCloseTo(0.98 ** (731 / 30.4375), 12);
    // Verified exactly at asOf counts.
    expect(dataDecayReport([{ ...verifiedLater, lastVerifiedAt: asOf }], { asOf })).toMatchObject({ neverVerified: 0, staleIds: [], expectedValid: 1 });
  });
});
