import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { Lead } from '../models/index.ts';
import { hubspotCompanies, hubspotContacts } from './presets/hubspot.ts';
import { salesforceContacts, salesforceLeads, salesforceOpportunities } from './presets/salesforce.ts';
import { defineMapping, parseMapping } from './parse-mapping.ts';

function problems(input: unknown, options = {}): Record<string, string> {
  const result = parseMapping(input, options);
  if (result.ok) return {};
  return Object.fromEntries(result.error.issues.map((found) => [found.pathText, found.message]));
}

describe('parseMapping', () => {
  it('accepts every preset', () => {
    for (const preset of [
      hubspotContacts(),
      hubspotCompanies({ timeZone: 'Europe/Berlin', currency: 'EUR' }),
      salesforceLeads(),
      salesforceContacts(),
      salesforceOpportunities(),
    ]) {
      const parsed = parseMapping(preset);
      expect(parsed.ok, parsed.ok ? preset.id : parsed.error.message).toBe(true);
    }
  });

  it('refuses an unknown target path with its path and a did-you-mean', () => {
    const found = problems({ id: 'm', columns: { Id: 'id', Email: 'contact.emial', Size: { to: 'company.employeCount' } }, defaults: { source: 'other' } });
    expect(found['columns.Email']).toMatch(/did you mean "contact.email"/i);
    expect(found['columns.Size.to']).toMatch(/did you mean "company.employeeCount"/i);
  });

  it('refuses a computed field as a target', () => {
    expect(problems({ id: 'm', columns: { Id: 'id', D: 'contact.emailDomain' }, defaults: { source: 'other' } })['columns.D']).toMatch(/cannot be imported/);
  });

  it('refuses column names that name inherited members', () => {
    const found = problems(
      JSON.parse('{"id":"m","columns":{"Id":"id","__proto__":"contact.email","constructor":"contact.phone"},"defaults":{"source":"other"}}'),
    );
    expect(found['columns.__proto__']).toMatch(/not allowed/);
    expect(found['columns.constructor']).toMatch(/not allowed/);
  });

  it('refuses a value map onto a closed list with a value outside it', () => {
    const found = problems({ id: 'm', columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'webiste_form' } }] } } });
    expect(found['columns.Src.steps[0].map.Web']).toMatch(/did you mean "website_form"/);
  });

  it('refuses keys of a value map that are the same ignoring case', () => {
    expect(
      problems({ id: 'm', columns: { Id: 'id', S: { to: 'stage', steps: [{ map: { Lead: 'lead', lead: 'lead' } }] } }, defaults: { source: 'other' } })[
        'columns.S.steps[0].map.lead'
      ],
    ).toMatch(/same value/);
  });

  it('requires a column or a default for each required field', () => {
    const result = parseMapping({ id: 'm', columns: { Email: 'contact.email' } });
    expect(!result.ok && result.error.issues.map((found) => found.message)).toEqual([
      'no column feeds the required field "id": map a column to it, or give it in "defaults" (such as { "source": "other" })',
      'no column feeds the required field "source": map a column to it, or give it in "defaults" (such as { "source": "other" })',
    ]);
  });

  it('refuses an unknown time zone and a malformed date format', () => {
    const found = problems({
      id: 'm',
      timeZone: 'Europe/Atlantis',
      columns: { Id: 'id', C: { to: 'createdAt', steps: [{ date: { format: 'yyyy-MM-dd HH:mm', timeZone: 'Mars/Base' } }] } },
      defaults: { source: 'other' },
    });
    expect(found['timeZone']).toMatch(/not an IANA time zone/);
    expect(found['columns.C.steps[0].date.timeZone']).toMatch(/not an IANA time zone/);
  });

  it('checks defaults against their field', () => {
    expect(problems({ id: 'm', columns: { Id: 'id' }, defaults: { source: 'fax' } })['defaults.source']).toMatch(/must be one of/);
  });

  it('needs a name for an activity of type other', () => {
    expect(
      problems({ id: 'm', columns: { Id: 'id' }, defaults: { source: 'other' }, activities: [{ type: 'other', lastAt: 'Last chat' }] })['activities[0].name'],
    ).toMatch(/needs the name/);
  });

  it('checks target paths against an extended lead', () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['gold', 'silver']) });
    const mapping = { id: 'm', columns: { Id: 'id', Tier: 'accountTier' }, defaults: { source: 'other' } };
    expect(parseMapping(mapping).ok).toBe(false);
    expect(parseMapping(mapping, { lead: CrmLead }).ok).toBe(true);
    expect(problems({ id: 'm', columns: { Id: 'id' }, defaults: { source: 'other' } }, { lead: CrmLead })['columns']).toMatch(/required field "accountTier"/);
  });

  it('never throws, whatever the input', () => {
    for (const input of [null, 42, 'x', [], { id: 1 }, { id: 'm', columns: [] }, { id: 'm', columns: { a: { to: 7 } } }])
      expect(parseMapping(input).ok).toBe(false);
  });

  it('defineMapping throws the same error and returns the mapping as written', () => {
    expect(() => defineMapping({ id: 'm', columns: { Id: 'id' } })).toThrow(/required field "source"/);
    const mapping = { id: 'm', columns: { Id: 'id' }, defaults: { source: 'other' } } as const;
    expect(defineMapping(mapping)).toBe(mapping);
  });

  it('does not mutate its input', () => {
    const mapping = hubspotContacts();
    const copy = structuredClone(mapping);
    parseMapping(mapping);
    expect(mapping).toEqual(copy);
  });

  describe('value maps and formats, in detail', () => {
    const base = { id: 'm', defaults: { source: 'other' } };

    it('names each malformed format of a list by its index', () => {
      const found = problems({ ...base, dateFormat: ['yyyy-MM-dd', 'jj-yyyy-MM-dd', 'dd/MM/yyyy'], columns: { Id: 'id' } });
      expect(Object.keys(found)).toEqual(['dateFormat[1]']);
      expect(found['dateFormat[1]']).toBe('"jj-yyyy-MM-dd" is not a date-fns format (such as "yyyy-MM-dd HH:mm" or "dd/MM/yyyy")');
      const step = problems({ ...base, columns: { Id: 'id', C: { to: 'createdAt', steps: [{ date: { format: ['yyyy', 'jj-yyyy-MM-dd'] } }] } } });
      expect(Object.keys(step)).toEqual(['columns.C.steps[0].date.format[1]']);
      // Tokens that date-fns reads one by one but refuses together (a day given twice).
      expect(Object.keys(problems({ ...base, dateFormat: ['dd/MM/yyyy (dd)'], columns: { Id: 'id' } }))).toEqual(['dateFormat[0]']);
    });

    it('refuses an unlisted map value without a suggestion when none is close, and an otherwise value outside the field', () => {
      const found = problems({
        ...base,
        columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'zzzzzzzzzzzzzz' }, otherwise: { value: 'fax' } }] } },
      });
      expect(found['columns.Src.steps[0].map.Web']).toMatch(/^"zzzzzzzzzzzzzz" is not a value of the field \(one of "[a-z_]+"(, "[a-z_]+")*(, …)?\)$/);
      expect(found['columns.Src.steps[0].otherwise.value']).toBe('"fax" is not a value of the field');
    });

    it('checks only the last map onto a closed list', () => {
      expect(problems({ ...base, columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'web' } }, { map: { web: 'website_form' } }] } } })).toEqual(
        {},
      );
      expect(Object.keys(problems({ ...base, columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'web' } }, { split: ';' }] } } }))).toEqual([
        'columns.Src.steps[0].map.Web',
      ]);
      // A named step after the map may still make a listed value of it; 'trim' cannot.
      expect(problems({ ...base, columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'WEBSITE_FORM' } }, 'lowercase'] } } })).toEqual({});
      expect(Object.keys(problems({ ...base, columns: { Id: 'id', Src: { to: 'source', steps: [{ map: { Web: 'WEBSITE_FORM' } }, 'trim'] } } }))).toEqual([
        'columns.Src.steps[0].map.Web',
      ]);
    });

    it('compares the keys of a case-sensitive map without folding case', () => {
      const steps = (caseSensitive: boolean) => [{ map: { Gold: 'A', gold: 'B', ' Gold ': 'C' }, caseSensitive }];
      expect(problems({ ...base, columns: { Id: 'id', T: { to: 'customFields.tier', steps: steps(true) } } })).toEqual({
        'columns.T.steps[0].map. Gold ': 'lists the same value as "Gold" (keys are compared after trimming)',
      });
      expect(problems({ ...base, columns: { Id: 'id', T: { to: 'customFields.tier', steps: steps(false) } } })).toEqual({
        'columns.T.steps[0].map.gold': 'lists the same value as "Gold" (keys are compared after trimming, ignoring case)',
        'columns.T.steps[0].map. Gold ': 'lists the same value as "Gold" (keys are compared after trimming, ignoring case)',
      });
    });

    it('checks a requires path and the targets of a list of targets', () => {
      const found = problems({
        ...base,
        columns: { Id: 'id', Close: [{ to: 'outcome.at', requires: 'outcome.statsu' }, 'contact.emial'] },
      });
      expect(found['columns.Close[0].requires']).toMatch(/did you mean "outcome.status"/i);
      expect(found['columns.Close[1]']).toMatch(/did you mean "contact.email"/i);
    });

    it('does not check a date or money default against its field here', () => {
      expect(problems({ ...base, currency: 'EUR', columns: { Id: 'id' }, defaults: { source: 'other', createdAt: '2024-01-01' } })).toEqual({});
    });
  });
});
