/**
 * Real CRM data in and out: mappings (plain JSON data, like every leadkit definition) from flat records, such as CSV
 * rows or API property bags, to leads, with per-column pipelines (trim, case, missing markers, value maps, numbers,
 * booleans, money, dates in a time zone, countries, seniority from titles, lists); row-level results that never throw
 * on bad data, with a summary of what the mapping did; a streaming CSV reader; HubSpot and Salesforce presets with
 * stage histories; and write-back of scores to HubSpot properties, Salesforce fields and CSV.
 *
 * An edge entry: it uses papaparse, date-fns, @date-fns/tz and i18n-iso-countries, which the core entries never
 * import. It runs in browsers and on edge runtimes; `leadkit/import-node` adds file reading for Node.
 *
 * @example
 * ```ts
 * import { collectImport, hubspotContacts, importCsv, toHubspotProperties } from 'leadkit/import';
 *
 * const run = importCsv(hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' }), text);
 * const { leads, rejected, summary } = await collectImport(run);
 * for (const row of rejected) for (const issue of row.issues) console.warn(`${issue.pathText}: ${issue.message}`);
 * const patches = leads.map((lead) => toHubspotProperties(lead, scorer(lead, { asOf })));
 * ```
 *
 * @module
 */
export { compileMapping, type CompiledMapping, type ImportRunOptions, type MappingRun, type StageHistoryIndex } from './compile-mapping.ts';
export { countryCodeFromName, type CountryLookup } from './country-from-name.ts';
export { DEFAULT_DATE_FORMATS } from './date-reader.ts';
export type { ColumnSummary, ImportedLead, ImportedRow, ImportIssue, ImportSummary, OtherwiseCount, RejectedRow } from './import-result.ts';
export { collectImport, importRecords, type ImportAllResult, type ImportRecordsOptions, type ImportRun, type RecordSource } from './import-records.ts';
export {
  ActivitiesFromColumns,
  ColumnMapping,
  ColumnName,
  ColumnNames,
  ColumnTarget,
  ColumnWithSteps,
  DateFormatDefinition,
  ImportMapping,
  ImportStep,
  MappedValue,
  NumberFormatDefinition,
  StageDateColumn,
  StageHistoryTable,
  ValueMapOtherwise,
  type ImportMappingJson,
} from './mapping-definition.ts';
export { readNumberText, type NumberFormat, type NumberText } from './number-text.ts';
export { defineMapping, parseMapping } from './parse-mapping.ts';
export { hubspotCompanies, hubspotContacts, HUBSPOT_DATE_FORMATS, HUBSPOT_SOURCE_MAP, type HubspotPresetOptions } from './presets/hubspot.ts';
export {
  salesforceContacts,
  salesforceLeads,
  salesforceOpportunities,
  SALESFORCE_DATE_FORMATS,
  SALESFORCE_LEAD_STATUS_MAP,
  SALESFORCE_OPPORTUNITY_STAGE_MAP,
  SALESFORCE_SOURCE_MAP,
  type SalesforcePresetOptions,
} from './presets/salesforce.ts';
export { importCsv, readCsv, type CsvSource, type ReadCsvOptions } from './read-csv.ts';
export { readStageHistory, type StageHistoryRead } from './read-stage-history.ts';
export { SENIORITY_TITLE_RULES, seniorityFromTitle } from './seniority-from-title.ts';
export {
  HUBSPOT_SCORE_PROPERTIES,
  SALESFORCE_SCORE_FIELDS,
  leadsToCsv,
  toHubspotProperties,
  toSalesforceFields,
  type HubspotPropertiesPatch,
  type LeadsToCsvOptions,
  type ScoredLead,
  type WriteBackFields,
} from './write-back.ts';
export { DEFAULT_MISSING_MARKERS, createMissingValueTest, type MissingValueTest } from '../conditions/missing-markers.ts';
