import type { ColumnMapping, ImportMapping, StageHistoryTable } from '../mapping-definition.ts';

/** Options of the Salesforce presets. */
export interface SalesforcePresetOptions {
  /**
   * The org's IANA time zone, for date-times written without an offset (a report export's `5/1/2024 9:30 AM`).
   * Data Loader and the API write UTC with an offset (`2024-05-01T09:30:00.000Z`, `…+0000`), read as they are.
   * Default `UTC`.
   */
  readonly timeZone?: string;
  /** The corporate currency, for amounts when the record has no `CurrencyIsoCode` (default `USD`). */
  readonly currency?: string;
  /** Keep unmapped fields in `customFields` (default) or drop them. */
  readonly unmapped?: 'keep' | 'drop';
}

/** Salesforce date formats: API / Data Loader ISO 8601 (with `Z` or `+0000`), date fields, and report exports' US format. */
export const SALESFORCE_DATE_FORMATS: readonly string[] = [
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
  'yyyy-MM-dd',
  'M/d/yyyy h:mm a',
  'M/d/yyyy',
];

/**
 * Salesforce's `LeadSource` picklist (the defaults and values orgs commonly add) → leadkit's `LeadSource`; the value as
 * written is kept in `sourceDetail`, and a value not listed becomes `other`.
 */
export const SALESFORCE_SOURCE_MAP: Readonly<Record<string, string>> = {
  Web: 'website_form',
  Website: 'website_form',
  'Phone Inquiry': 'other',
  'Partner Referral': 'partner',
  Partner: 'partner',
  'Purchased List': 'purchased_list',
  Other: 'other',
  Advertisement: 'paid_ads',
  'Employee Referral': 'referral',
  'External Referral': 'referral',
  'Word of mouth': 'referral',
  'Public Relations': 'other',
  'Seminar - Internal': 'event',
  'Seminar - Partner': 'event',
  'Trade Show': 'event',
  Webinar: 'webinar',
  'Cold Call': 'cold_call',
  Email: 'cold_email',
  'Content Download': 'content_download',
  'Social Media': 'social',
};

/** Default lead statuses → the stage ids of `salesforceLeadStatusFunnel` (an org's own statuses are kept as written). */
export const SALESFORCE_LEAD_STATUS_MAP: Readonly<Record<string, string>> = {
  'Open - Not Contacted': 'open_not_contacted',
  'Working - Contacted': 'working_contacted',
  'Closed - Converted': 'closed_converted',
  'Closed - Not Converted': 'closed_not_converted',
};

/** Default opportunity stages → the stage ids of `salesforceOpportunityFunnel`. */
export const SALESFORCE_OPPORTUNITY_STAGE_MAP: Readonly<Record<string, string>> = {
  Prospecting: 'prospecting',
  Qualification: 'qualification',
  'Needs Analysis': 'needs_analysis',
  'Value Proposition': 'value_proposition',
  'Id. Decision Makers': 'id_decision_makers',
  'Perception Analysis': 'perception_analysis',
  'Proposal/Price Quote': 'proposal_price_quote',
  'Negotiation/Review': 'negotiation_review',
  'Closed Won': 'closed_won',
  'Closed Lost': 'closed_lost',
};

const departmentMap: Record<string, string> = {
  Executive: 'executive',
  Management: 'executive',
  Engineering: 'engineering',
  'R&D': 'engineering',
  IT: 'it',
  'Information Technology': 'it',
  Product: 'product',
  Marketing: 'marketing',
  Sales: 'sales',
  'Customer Success': 'customer_success',
  Support: 'customer_success',
  Finance: 'finance',
  Accounting: 'finance',
  Operations: 'operations',
  HR: 'hr',
  'Human Resources': 'hr',
  Legal: 'legal',
  Procurement: 'procurement',
  Purchasing: 'procurement',
};

const source = [{ to: 'source', steps: [{ map: SALESFORCE_SOURCE_MAP, otherwise: { value: 'other' } }] }, 'sourceDetail'] satisfies ColumnMapping;
const money = { to: 'company.annualRevenue', steps: [{ money: { currencyColumn: 'CurrencyIsoCode' } }] } satisfies ColumnMapping;

/** The person's fields, named alike on Salesforce leads and contacts. */
const personColumns = {
  Id: 'id',
  FirstName: 'contact.firstName',
  LastName: 'contact.lastName',
  Email: { to: 'contact.email', steps: ['trim', 'lowercase'] },
  Phone: 'contact.phone',
  Title: ['contact.jobTitle', { to: 'contact.seniority', steps: ['seniority'] }],
} satisfies Record<string, ColumnMapping>;

function base(id: string, label: string, options: SalesforcePresetOptions): Omit<ImportMapping, 'columns'> {
  return {
    id,
    label,
    timeZone: options.timeZone ?? 'UTC',
    currency: options.currency ?? 'USD',
    dateFormat: [...SALESFORCE_DATE_FORMATS],
    ...(options.unmapped === undefined ? {} : { unmapped: options.unmapped }),
    defaults: { source: 'other' },
    drop: ['attributes.type', 'attributes.url'],
  };
}

/** `LeadHistory` rows with `Field = Status` (`LeadId`, `OldValue`, `NewValue`, `CreatedDate`, `CreatedById`). */
const leadHistory: StageHistoryTable = {
  recordId: 'LeadId',
  at: 'CreatedDate',
  stage: { column: 'NewValue', steps: [{ map: SALESFORCE_LEAD_STATUS_MAP, otherwise: 'keep' }] },
  from: { column: 'OldValue', steps: [{ map: SALESFORCE_LEAD_STATUS_MAP, otherwise: 'keep' }] },
  by: 'CreatedById',
  where: { column: 'Field', in: ['Status'] },
  event: 'status_change',
};

/**
 * A mapping for Salesforce leads by API field name, as a Data Loader CSV or API JSON (`Status`, `LeadSource`,
 * `Industry`, `NumberOfEmployees`, `AnnualRevenue` in the record's `CurrencyIsoCode`, `HasOptedOutOfEmail`,
 * `DoNotCall`, `CreatedDate`, …; `Rating`, `IsConverted`, `ConvertedDate` and the rest kept in `customFields`). The
 * stage is the status, as the stage ids of `salesforceLeadStatusFunnel`; the history comes from `LeadHistory` rows
 * with `Field = Status`, read by `readStageHistory` with this mapping (the first change's old status is entered at
 * `CreatedDate`). Without them, a lead is taken to have been in its status since it was created, as metrics read a
 * record without history.
 *
 * @example
 * ```ts
 * const mapping = salesforceLeads({ timeZone: 'America/Los_Angeles' });
 * const { histories } = await readStageHistory(mapping, rows); // rows: LeadHistory records
 * const { leads } = await collectImport(importRecords(mapping, json as Record<string, unknown>[], { stageHistory: histories }));
 * ```
 */
export function salesforceLeads(options: SalesforcePresetOptions = {}): ImportMapping {
  return {
    ...base('salesforce-leads', 'Salesforce leads (API field names)', options),
    columns: {
      ...personColumns,
      Company: 'company.name',
      Website: { to: 'company.domain', steps: ['domain'] },
      Industry: { to: 'company.industry', steps: ['slug'] },
      NumberOfEmployees: 'company.employeeCount',
      AnnualRevenue: money,
      Country: 'company.country',
      CountryCode: 'company.country',
      State: 'company.region',
      City: 'company.city',
      LeadSource: source,
      Status: { to: 'stage', steps: [{ map: SALESFORCE_LEAD_STATUS_MAP, otherwise: 'keep' }] },
      OwnerId: 'ownerId',
      CreatedDate: 'createdAt',
      LastModifiedDate: 'updatedAt',
      HasOptedOutOfEmail: 'consent.emailOptOut',
      DoNotCall: 'consent.doNotCall',
    },
    history: leadHistory,
  };
}

/**
 * A mapping for Salesforce contacts by API field name (`FirstName`, `Title`, `Department`, `LeadSource`,
 * `HasOptedOutOfEmail`, `CreatedDate`, …); the account's firmographics come from relationship fields
 * (`Account.Name`, `Account.Industry`, `Account.NumberOfEmployees`, `Account.AnnualRevenue`, `Account.BillingCountry`),
 * as a SOQL query returns them (nested `Account` objects in API JSON are read as `Account.Name` columns).
 *
 * @example
 * ```ts
 * const { leads } = await collectImport(importRecords(salesforceContacts(), rows)); // rows: a SOQL query's records
 * ```
 */
export function salesforceContacts(options: SalesforcePresetOptions = {}): ImportMapping {
  return {
    ...base('salesforce-contacts', 'Salesforce contacts (API field names)', options),
    columns: {
      ...personColumns,
      Department: { to: 'contact.department', steps: [{ map: departmentMap, otherwise: { value: 'other' } }] },
      'Account.Name': 'company.name',
      'Account.Website': { to: 'company.domain', steps: ['domain'] },
      'Account.Industry': { to: 'company.industry', steps: ['slug'] },
      'Account.NumberOfEmployees': 'company.employeeCount',
      'Account.AnnualRevenue': money,
      'Account.BillingCountry': 'company.country',
      LeadSource: source,
      OwnerId: 'ownerId',
      CreatedDate: 'createdAt',
      LastModifiedDate: 'updatedAt',
      HasOptedOutOfEmail: 'consent.emailOptOut',
      DoNotCall: 'consent.doNotCall',
    },
  };
}

/**
 * A mapping for Salesforce opportunities by API field name: `StageName` gives the stage (the ids of
 * `salesforceOpportunityFunnel`) and, when closed, the outcome (`Closed Won` → won, `Closed Lost` → lost) with
 * `CloseDate` as its date and `Amount` (in `CurrencyIsoCode`) as its amount; an open deal's amount is kept as
 * `customFields.Amount`. The account's name and firmographics come from `Account.*` fields. The history comes from
 * `OpportunityHistory` rows (`OpportunityId`, `StageName`, `CreatedDate`), read by `readStageHistory`.
 *
 * @example
 * ```ts
 * const mapping = salesforceOpportunities();
 * const { histories } = await readStageHistory(mapping, rows) // OpportunityHistory rows;
 * const deals = await collectImport(importRecords(mapping, json as Record<string, unknown>[], { stageHistory: histories }));
 * ```
 */
export function salesforceOpportunities(options: SalesforcePresetOptions = {}): ImportMapping {
  const stageMap = { map: SALESFORCE_OPPORTUNITY_STAGE_MAP, otherwise: 'keep' as const };
  return {
    ...base('salesforce-opportunities', 'Salesforce opportunities (API field names)', options),
    columns: {
      Id: 'id',
      'Account.Name': 'company.name',
      'Account.Industry': { to: 'company.industry', steps: ['slug'] },
      'Account.NumberOfEmployees': 'company.employeeCount',
      'Account.BillingCountry': 'company.country',
      StageName: [
        { to: 'stage', steps: [stageMap] },
        { to: 'outcome.status', steps: [{ map: { 'Closed Won': 'won', 'Closed Lost': 'lost' }, otherwise: 'missing' }] },
      ],
      CloseDate: { to: 'outcome.at', requires: 'outcome.status' },
      Amount: [
        { to: 'outcome.amount', steps: [{ money: { currencyColumn: 'CurrencyIsoCode' } }], requires: 'outcome.status' },
        { to: 'customFields.Amount', steps: ['number'] },
      ],
      LeadSource: source,
      OwnerId: 'ownerId',
      CreatedDate: 'createdAt',
      LastModifiedDate: 'updatedAt',
    },
    history: { recordId: 'OpportunityId', at: 'CreatedDate', stage: { column: 'StageName', steps: [stageMap] }, by: 'CreatedById', event: 'stage_change' },
  };
}
