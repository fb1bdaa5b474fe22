// A HubSpot contacts export, end to end: import → score → funnel report → write-back. npx tsx examples/hubspot-export.ts
import { readFileSync } from 'node:fs';
import { hubspotLifecycleFunnel } from '../src/funnel/index.ts';
import { collectImport, hubspotContacts, importCsv, importRecords, leadsToCsv, toHubspotProperties } from '../src/import/index.ts';
import { funnelReport } from '../src/metrics/index.ts';
import { compileScoringModel, defineScoringModel } from '../src/scoring/index.ts';

const directory = new URL('./data/hubspot/', import.meta.url);
const asOf = new Date('2024-05-15T00:00:00Z');

/** The whole path on the fixtures; returns the lines it prints. */
export async function hubspotExportDemo(): Promise<string[]> {
  const lines: string[] = [];
  // 1. Import: the export CSV (labels, portal time zone) and the CRM API's JSON (internal names, UTC) with one preset.
  const mapping = hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' });
  const exported = await collectImport(importCsv(mapping, readFileSync(new URL('contacts-export.csv', directory))));
  const api = JSON.parse(readFileSync(new URL('contacts-api.json', directory), 'utf8')) as { properties: Record<string, unknown> }[];
  const fromApi = await collectImport(
    importRecords(
      mapping,
      api.map((contact) => contact.properties),
    ),
  );
  const leads = [...exported.leads, ...fromApi.leads];
  const { summary } = exported;
  lines.push(
    `export: ${summary.rowsRead} rows, ${summary.imported} imported, ${summary.rejected} rejected, ${summary.warnings} warnings; API: ${fromApi.summary.imported} imported`,
  );
  for (const row of exported.rejected) for (const issue of row.issues) lines.push(`  ${issue.pathText}: ${issue.message}`);
  const unmapped = summary.columns
    .filter((column) => column.otherwise.length > 0)
    .map((column) => `${column.column}: ${column.otherwise.map((item) => `${item.value} ×${item.count}`).join(', ')}`);
  lines.push(`values that fell to "otherwise": ${unmapped.join('; ')}`);
  const kept = summary.columns.filter((column) => column.targets[0] === `customFields.${column.column}` && column.filled > 0).map((column) => column.column);
  lines.push(`kept in customFields: ${kept.join(', ')}`);

  // 2. Score.
  const scorer = compileScoringModel(
    defineScoringModel({
      schemaVersion: 1,
      id: 'hubspot-priority',
      rules: [
        {
          kind: 'values',
          id: 'industry',
          label: 'Target industry',
          field: 'company.industry',
          values: { 'computer-software': 20, 'information-technology-and-services': 15 },
        },
        { kind: 'values', id: 'seniority', label: 'Decision maker', field: 'contact.seniority', values: { c_level: 15, vp: 15, director: 10, owner: 10 } },
        {
          kind: 'activity',
          id: 'visits',
          label: 'Page views',
          activity: { type: 'page_viewed' },
          points: 2,
          maxCount: 10,
          decay: { kind: 'halfLife', days: 30 },
        },
        { kind: 'activity', id: 'forms', label: 'Form submissions', activity: { type: 'form_submitted' }, points: 10, maxCount: 3 },
      ],
      grading: {
        bands: {
          thresholds: [
            { band: 'hot', min: 40, salesReady: true },
            { band: 'warm', min: 20 },
          ],
          otherwise: 'cold',
        },
      },
    }),
  );
  const scored = leads.map((lead) => ({ lead, result: scorer(lead, { asOf }) }));

  // 3. Funnel report on HubSpot's lifecycle stages, from the "Became a … Date" columns: no invented events.
  const report = funnelReport(leads, { funnel: hubspotLifecycleFunnel, asOf });
  lines.push(
    `funnel: ${report.overall.stages
      .filter((stage) => stage.onPath)
      .map((stage) => `${stage.id} ${stage.entered}`)
      .join(' → ')}`,
  );
  lines.push(`won (customer): ${report.overall.won} of ${report.overall.records}; records without a date: ${report.dataIssues.recordsWithoutDate}`);

  // 4. Write back: a patch per contact for HubSpot's batch update, and a CSV with the reasons.
  const patches = scored.map(({ lead, result }) => toHubspotProperties(lead, result));
  const top = patches.find((patch) => patch.id === '1501');
  lines.push(`write-back for 1501: ${JSON.stringify(top)}`);
  const csv = leadsToCsv(scored, { fields: ['id', 'contact.email', 'stage'] });
  lines.push(`CSV: ${csv.split('\r\n')[0]}`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await hubspotExportDemo()) console.log(line);
