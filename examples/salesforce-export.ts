// Salesforce leads and opportunities, end to end: import (Data Loader CSV and API JSON, with LeadHistory and
// OpportunityHistory) → score → funnel reports → write-back. npx tsx examples/salesforce-export.ts
import { readFileSync } from 'node:fs';
import { salesforceLeadStatusFunnel, salesforceOpportunityFunnel } from '../src/funnel/index.ts';
import {
  collectImport,
  importCsv,
  importRecords,
  leadsToCsv,
  readCsv,
  readStageHistory,
  salesforceLeads,
  salesforceOpportunities,
  toSalesforceFields,
} from '../src/import/index.ts';
import { funnelReport, weightedPipeline } from '../src/metrics/index.ts';
import { compileScoringModel, defineScoringModel } from '../src/scoring/index.ts';

const directory = new URL('./data/salesforce/', import.meta.url);
const asOf = new Date('2024-05-15T00:00:00Z');
const read = (name: string): string => readFileSync(new URL(name, directory), 'utf8');

/** CSV rows as records (column → cell), for the history tables. */
async function csvRecords(text: string): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  let header: string[] | undefined;
  for await (const cells of readCsv(text)) {
    if (header === undefined) header = cells;
    else records.push(Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
  }
  return records;
}

/** The whole path on the fixtures; returns the lines it prints. */
export async function salesforceExportDemo(): Promise<string[]> {
  const lines: string[] = [];
  // 1. Leads: a Data Loader CSV, with the status history from LeadHistory (Field = Status).
  const leadMapping = salesforceLeads({ timeZone: 'America/Los_Angeles' });
  const leadHistory = await readStageHistory(leadMapping, await csvRecords(read('lead-history.csv')));
  lines.push(
    `LeadHistory: ${leadHistory.rowsRead} rows, ${leadHistory.rowsSkipped} of other fields skipped, histories for ${leadHistory.histories.size} leads`,
  );
  const leadRun = await collectImport(importCsv(leadMapping, read('leads.csv'), { stageHistory: leadHistory.histories }));
  lines.push(`leads: ${leadRun.summary.imported} imported, ${leadRun.summary.rejected} rejected`);
  for (const row of leadRun.rejected) for (const issue of row.issues) lines.push(`  ${issue.pathText}: ${issue.message}`);
  const sources = leadRun.leads.map((lead) => `${lead.source}${lead.sourceDetail === undefined ? '' : ` (${lead.sourceDetail})`}`);
  lines.push(`sources: ${sources.join(', ')}`);
  const leadReport = funnelReport(leadRun.leads, { funnel: salesforceLeadStatusFunnel, asOf });
  lines.push(
    `lead funnel: ${leadReport.overall.stages.map((stage) => `${stage.id} ${stage.entered}`).join(', ')}; converted ${leadReport.overall.won}, not converted ${leadReport.overall.lost}`,
  );

  // 2. Opportunities: API JSON (nested Account, attributes), with OpportunityHistory.
  const opportunityMapping = salesforceOpportunities();
  const opportunityHistory = await readStageHistory(opportunityMapping, await csvRecords(read('opportunity-history.csv')));
  const query = JSON.parse(read('opportunities.json')) as { records: Record<string, unknown>[] };
  const deals = await collectImport(importRecords(opportunityMapping, query.records, { stageHistory: opportunityHistory.histories }));
  for (const row of deals.rejected) for (const issue of row.issues) lines.push(`  ${issue.pathText}: ${issue.message}`);
  lines.push(
    `opportunities: ${deals.summary.imported} imported; outcomes: ${deals.leads.map((deal) => `${deal.id} ${deal.outcome?.status ?? 'open'}`).join(', ')}`,
  );
  const dealReport = funnelReport(deals.leads, { funnel: salesforceOpportunityFunnel, asOf });
  lines.push(
    `opportunity funnel: won ${dealReport.overall.won}, lost ${dealReport.overall.lost}, open ${dealReport.overall.open}, win rate ${dealReport.overall.winRate}`,
  );
  // An open deal's amount is kept as customFields.Amount (the outcome holds a closed deal's).
  const pipeline = weightedPipeline(deals.leads, {
    funnel: salesforceOpportunityFunnel,
    asOf,
    amountOf: (deal) =>
      typeof deal.customFields?.['Amount'] === 'number' ? { amountMinor: Math.round(deal.customFields['Amount'] * 100), currency: 'USD' } : undefined,
  });
  lines.push(
    `weighted pipeline: ${pipeline.byCurrency.map((entry) => `${entry.weighted.amountMinor / 100} ${entry.currency} of ${entry.total.amountMinor / 100}`).join(', ')}`,
  );

  // 3. Score the leads and write back to Salesforce fields and CSV.
  const scorer = compileScoringModel(
    defineScoringModel({
      schemaVersion: 1,
      id: 'salesforce-priority',
      rules: [
        { kind: 'values', id: 'seniority', label: 'Decision maker', field: 'contact.seniority', values: { c_level: 25, vp: 20, director: 15 } },
        { kind: 'points', id: 'mid-market', label: '50–1,000 employees', when: { field: 'company.employeeCount', min: 50, max: 1000 }, points: 15 },
        { kind: 'values', id: 'inbound', label: 'Inbound source', field: 'source', values: { website_form: 20, partner: 15, event: 10 } },
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
  const scored = leadRun.leads.map((lead) => ({ lead, result: scorer(lead, { asOf }) }));
  lines.push(`write-back: ${JSON.stringify(toSalesforceFields(scored[0]!.lead, scored[0]!.result))}`);
  lines.push(`CSV:\n${leadsToCsv(scored, { fields: ['id', 'company.name', 'stage'], reasonCount: 2 })}`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await salesforceExportDemo()) console.log(line);
