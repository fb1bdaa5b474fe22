import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { leadToJson, parseLead } from '../models/index.ts';
import { compileScoringModel, defineScoringModel } from '../scoring/index.ts';
import { collectImport, importRecords } from './import-records.ts';
import { hubspotContacts } from './presets/hubspot.ts';
import { salesforceLeads } from './presets/salesforce.ts';
import { importCsv } from './read-csv.ts';
import { toHubspotProperties } from './write-back.ts';

const hubspot = hubspotContacts({ timeZone: 'Europe/Berlin', currency: 'EUR' });
const columns = [...Object.keys(hubspot.columns), 'Became a Lead Date', 'Number of Pageviews', 'Time Last Seen', 'Favorite Color', '__proto__', 'constructor'];
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '-',
    'N/A',
    'Select',
    'United Kingdom',
    'Narnia',
    '2024-02-31 10:00',
    '2024-05-01 09:30',
    '1,200,000',
    '1.2.3',
    'Yes',
    'customer',
    'ORGANIC_SEARCH',
    'ada@acme.com',
    'CTO',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const record = fc.dictionary(fc.constantFrom(...columns), value, { maxKeys: 20 });

const scorer = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'm',
    rules: [
      { kind: 'values', id: 'seniority', label: 'Executive', field: 'contact.seniority', values: { c_level: 15, vp: 10 } },
      { kind: 'activity', id: 'views', label: 'Page views', activity: { type: 'page_viewed' }, points: 1 },
    ],
  }),
);

describe('importRecords properties', () => {
  test.prop([fc.array(record, { maxLength: 5 })])('never throws on arbitrary rows, never mutates them, and accounts for every row', async (records) => {
    const before = structuredClone(records);
    const { leads, rejected, summary } = await collectImport(importRecords(hubspot, records));
    expect(records).toEqual(before);
    expect(leads.length + rejected.length).toBe(records.length);
    expect(summary).toMatchObject({ rowsRead: records.length, imported: leads.length, rejected: rejected.length });
    for (const row of rejected) {
      expect(row.issues.length).toBeGreaterThan(0);
      for (const found of row.issues) expect(found.pathText.startsWith(`row ${row.row}`)).toBe(true);
    }
  });

  test.prop([fc.array(record, { maxLength: 5 })])('every imported lead is a valid lead: it survives leadToJson and parseLead unchanged', async (records) => {
    const { leads } = await collectImport(importRecords(hubspot, records));
    for (const lead of leads) {
      const again = parseLead(JSON.parse(JSON.stringify(leadToJson(lead))));
      expect(again.ok ? again.value : again.error.message).toEqual({ ...lead, schemaVersion: 1 });
    }
  });

  test.prop([fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', ',', '\r\n', '\n', ';')), { maxLength: 6 }), { maxLength: 6 })])(
    'importCsv never throws on arbitrary text',
    async (lines) => {
      const text = lines.map((cells) => cells.join(',')).join('\r\n');
      const run = importCsv(salesforceLeads(), text);
      const { leads, rejected, summary } = await collectImport(run);
      expect(summary.rowsRead).toBe(leads.length + rejected.length);
    },
  );

  test.prop([
    fc.record({
      id: fc.stringMatching(/^[0-9]{1,12}$/),
      email: fc.stringMatching(/^[A-Za-z][a-z0-9]{0,9}@[a-z]{1,10}\.(com|io|de)$/),
      title: fc.constantFrom('CTO', 'VP Sales', 'Engineer', 'Head of IT', ''),
      views: fc.nat(30),
      last: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
    }),
  ])('round trip: record → lead → HubSpot properties keeps the record id and the score', async ({ id, email, title, views, last }) => {
    const properties = {
      hs_object_id: id,
      email,
      jobtitle: title,
      hs_analytics_num_page_views: String(views),
      hs_analytics_last_timestamp: last.toISOString(),
    };
    const { leads, rejected } = await collectImport(importRecords(hubspot, [properties]));
    expect(rejected).toEqual([]);
    const lead = leads[0] as (typeof leads)[number];
    expect(lead.contact.email).toBe(email.toLowerCase());
    expect(lead.activities).toHaveLength(Math.min(views, 10));
    const result = scorer(lead, { asOf: new Date('2030-01-01T00:00:00Z') });
    const patch = toHubspotProperties(lead, result);
    expect(patch.id).toBe(id);
    expect(Number(patch.properties['leadkit_score'])).toBeCloseTo(result.score, 2);
  });
});
