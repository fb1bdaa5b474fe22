import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type * as z from 'zod/v4';
import {
  arbitraryActivity,
  arbitraryCompany,
  arbitraryConsent,
  arbitraryContact,
  arbitraryLead,
  arbitraryMoney,
  arbitraryOutcome,
  arbitraryStageChange,
} from '../testing/arbitraries.ts';
import { Activity } from './activity.ts';
import { toJson } from './codecs.ts';
import { Company } from './company.ts';
import { Consent } from './consent.ts';
import { Contact } from './contact.ts';
import { leadToJson, parseLead, parseProspect, prospectToJson } from './documents.ts';
import { Money } from './money.ts';
import { Outcome } from './outcome.ts';
import { toProspect } from './prospect.ts';
import { StageChange } from './stage-change.ts';

/** Encode to JSON text and back: what a service does when it stores a value and reads it again. */
function roundTrip<S extends z.ZodType>(schema: S, value: z.output<S>): z.output<S> {
  const text = JSON.stringify(toJson(schema, value));
  return schema.parse(JSON.parse(text));
}

describe('JSON round trip of every model', () => {
  const cases = [
    ['Money', Money, arbitraryMoney()],
    ['Company', Company, arbitraryCompany()],
    ['Contact', Contact, arbitraryContact()],
    ['Activity', Activity, arbitraryActivity()],
    ['Consent', Consent, arbitraryConsent()],
    ['Outcome', Outcome, arbitraryOutcome()],
    ['StageChange', StageChange, arbitraryStageChange()],
  ] as const;
  for (const [name, schema, arbitrary] of cases) {
    test.prop([arbitrary as fc.Arbitrary<unknown>])(`${name}: decode(encode(x)) equals x`, (value) => {
      expect(roundTrip(schema as z.ZodType, value)).toEqual(value);
    });
  }

  test.prop([arbitraryLead()])('Lead: parseLead(JSON of leadToJson(x)) equals x, and dates stay Dates', (lead) => {
    const json = JSON.parse(JSON.stringify(leadToJson(lead)));
    expect(json.schemaVersion).toBe(1);
    const parsed = parseLead(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual({ ...lead, schemaVersion: 1 });
    expect(parsed.value.createdAt).toBeInstanceOf(Date);
  });

  test.prop([arbitraryLead(), fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-01-01T00:00:00Z'), noInvalidDate: true })])(
    'Prospect: round trip keeps the qualification',
    (lead, qualifiedAt) => {
      const prospect = toProspect(lead, { verdict: { frameworkId: 'bant', qualified: true, score: 75 }, qualifiedAt, qualifiedBy: 'rep-1' });
      expect(prospect.ok).toBe(true);
      if (!prospect.ok) return;
      const parsed = parseProspect(JSON.parse(JSON.stringify(prospectToJson(prospect.value))));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value).toEqual({ ...prospect.value, schemaVersion: 1 });
    },
  );

  // Regression (issue 12, item 8): a NaN fit score passed `minIcpFit`, and prospectToJson then threw on the prospect.
  test.prop([
    arbitraryLead(),
    fc.double(),
    fc.option(fc.record({ icpId: fc.constant('icp'), score: fc.double(), grade: fc.constantFrom('A' as const, 'B' as const, 'F' as const) }), {
      nil: undefined,
    }),
    fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  ])('Prospect: every prospect toProspect makes can be stored and read back, whatever the scores', (lead, score, icpFit, minIcpFit) => {
    const qualification = {
      verdict: { frameworkId: 'bant', qualified: true, score },
      ...(icpFit === undefined ? {} : { icpFit }),
      qualifiedAt: new Date('2024-06-01T00:00:00Z'),
      qualifiedBy: 'rep-1',
    };
    const prospect = toProspect(lead, qualification, minIcpFit === undefined ? {} : { minIcpFit });
    if (!prospect.ok) return;
    expect(parseProspect(JSON.parse(JSON.stringify(prospectToJson(prospect.value)))).ok).toBe(true);
  });

  test.prop([arbitraryLead()])('leadToJson does not mutate the lead', (lead) => {
    const before = structuredClone(lead);
    leadToJson(lead);
    expect(lead).toEqual(before);
  });
});
