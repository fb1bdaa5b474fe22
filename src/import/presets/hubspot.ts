import type { ColumnMapping, ImportMapping } from '../mapping-definition.ts';

/** Options of the HubSpot presets: what the export itself does not say. */
export interface HubspotPresetOptions {
  /**
   * The IANA time zone of the portal (or of the user who exported): HubSpot writes export dates as wall-clock time
   * without an offset (`2024-05-01 09:30`). Default `UTC`. API dates carry their offset and are read as they are.
   */
  readonly timeZone?: string;
  /** The portal's company currency, for `annualrevenue` (default `USD`). */
  readonly currency?: string;
  /** Keep unmapped properties in `customFields` (default) or drop them. */
  readonly unmapped?: 'keep' | 'drop';
}

/** Date formats of HubSpot: export labels' wall-clock time, API ISO 8601 with offset, and older APIs' epoch milliseconds. */
export const HUBSPOT_DATE_FORMATS: readonly string[] = [
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mmX",
  'yyyy-MM-dd',
  'M/d/yyyy h:mm a',
  'M/d/yyyy',
  'epochMilliseconds',
];

const lifecycleStages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'] as const;
const lifecycleLabels: Record<(typeof lifecycleStages)[number], string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing Qualified Lead',
  salesqualifiedlead: 'Sales Qualified Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};
// "Became a Lead Date", "Became an Opportunity Date", "Became an Evangelist Date", "Became a Other Lifecycle Date".
const becameLabel = (stage: (typeof lifecycleStages)[number]): string =>
  stage === 'other' ? 'Became an Other Lifecycle Date' : `Became ${/^[AEIOU]/.test(lifecycleLabels[stage]) ? 'an' : 'a'} ${lifecycleLabels[stage]} Date`;

/** Lifecycle stage: API values and export labels → the stage ids of `hubspotLifecycleFunnel` (custom stages kept as written). */
const lifecycleMap: Record<string, string> = {
  subscriber: 'subscriber',
  lead: 'lead',
  marketingqualifiedlead: 'marketingqualifiedlead',
  'Marketing Qualified Lead': 'marketingqualifiedlead',
  MQL: 'marketingqualifiedlead',
  salesqualifiedlead: 'salesqualifiedlead',
  'Sales Qualified Lead': 'salesqualifiedlead',
  SQL: 'salesqualifiedlead',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'evangelist',
  other: 'other',
};

/**
 * HubSpot's original source (`hs_analytics_source`) → leadkit's `LeadSource`; the value as HubSpot wrote it is kept
 * in `sourceDetail`. Direct traffic, offline sources, e-mail marketing and other campaigns have no leadkit kind and
 * become `other`.
 */
export const HUBSPOT_SOURCE_MAP: Readonly<Record<string, string>> = {
  ORGANIC_SEARCH: 'organic_search',
  'Organic Search': 'organic_search',
  PAID_SEARCH: 'paid_ads',
  'Paid Search': 'paid_ads',
  PAID_SOCIAL: 'paid_ads',
  'Paid Social': 'paid_ads',
  SOCIAL_MEDIA: 'social',
  'Organic Social': 'social',
  'Social Media': 'social',
  REFERRALS: 'referral',
  EMAIL_MARKETING: 'other',
  'Email Marketing': 'other',
  OTHER_CAMPAIGNS: 'other',
  'Other Campaigns': 'other',
  DIRECT_TRAFFIC: 'other',
  'Direct Traffic': 'other',
  OFFLINE: 'other',
  'Offline Sources': 'other',
  AI_REFERRALS: 'other',
  'AI Referrals': 'other',
};

const leadStatusMap: Record<string, string> = {
  New: 'NEW',
  Open: 'OPEN',
  IN_PROGRESS: 'IN_PROGRESS',
  'In Progress': 'IN_PROGRESS',
  OPEN_DEAL: 'OPEN_DEAL',
  'Open Deal': 'OPEN_DEAL',
  Unqualified: 'UNQUALIFIED',
  ATTEMPTED_TO_CONTACT: 'ATTEMPTED_TO_CONTACT',
  'Attempted to Contact': 'ATTEMPTED_TO_CONTACT',
  Connected: 'CONNECTED',
  BAD_TIMING: 'BAD_TIMING',
  'Bad Timing': 'BAD_TIMING',
};

/** Both names of a property: the CRM API's internal name and the export's label map to the same targets. */
function both(apiName: string, label: string, mapping: ColumnMapping): Record<string, ColumnMapping> {
  return { [apiName]: mapping, [label]: mapping };
}

/** What every HubSpot mapping sets before its columns: names, time zone, currency, date formats, list separator. */
function base(
  id: string,
  label: string,
  options: HubspotPresetOptions,
): Pick<ImportMapping, 'id' | 'label' | 'timeZone' | 'currency' | 'dateFormat' | 'listSeparator' | 'unmapped'> {
  return {
    id,
    label,
    timeZone: options.timeZone ?? 'UTC',
    currency: options.currency ?? 'USD',
    dateFormat: [...HUBSPOT_DATE_FORMATS],
    listSeparator: ';',
    ...(options.unmapped === undefined ? {} : { unmapped: options.unmapped }),
  };
}

const shared = {
  ...both('hs_object_id', 'Record ID', 'id'),
  ...both('industry', 'Industry', { to: 'company.industry', steps: ['slug'] }),
  ...both('numberofemployees', 'Number of Employees', 'company.employeeCount'),
  ...both('annualrevenue', 'Annual Revenue', 'company.annualRevenue'),
  ...both('country', 'Country/Region', 'company.country'),
  ...both('state', 'State/Region', 'company.region'),
  ...both('city', 'City', 'company.city'),
  ...both('lifecyclestage', 'Lifecycle Stage', { to: 'stage', steps: [{ map: lifecycleMap, otherwise: 'keep' }] }),
  ...both('hs_lead_status', 'Lead Status', { to: 'customFields.hs_lead_status', steps: [{ map: leadStatusMap, otherwise: 'keep' }] }),
  ...both('createdate', 'Create Date', 'createdAt'),
} satisfies Record<string, ColumnMapping>;

const stageDates = lifecycleStages.map((stage) => ({ stage, columns: [`hs_lifecyclestage_${stage}_date`, becameLabel(stage)], event: `set_${stage}` }));

const source = [{ to: 'source', steps: [{ map: HUBSPOT_SOURCE_MAP, otherwise: { value: 'other' } }] }, 'sourceDetail'] satisfies ColumnMapping;
// Page views, read the same way from contacts and companies (contacts add the last page seen).
const pageViews: NonNullable<ImportMapping['activities']>[number] = {
  type: 'page_viewed',
  count: ['hs_analytics_num_page_views', 'Number of Pageviews'],
  firstAt: ['hs_analytics_first_timestamp', 'Time First Seen'],
  lastAt: ['hs_analytics_last_timestamp', 'Time Last Seen'],
};

/**
 * A mapping for HubSpot contacts, as the CRM API returns them (`firstname`, `jobtitle`, `lifecyclestage`,
 * `hs_lead_status`, `numberofemployees`, `annualrevenue`, `hs_analytics_source`, …) and as the export CSV labels them
 * (`First Name`, `Job Title`, `Lifecycle Stage`, `Original Source`, …): both names of a property feed the same field.
 *
 * - The stage is the lifecycle stage, with the stage ids of `hubspotLifecycleFunnel`; the stage history comes from
 *   the dates HubSpot keeps (`hs_lifecyclestage_<stage>_date`, "Became a … Date"), as `set_<stage>` entries in date
 *   order, so `funnelReport` runs on a plain export with no invented events.
 * - The original source maps onto `source` (see {@link HUBSPOT_SOURCE_MAP}), kept as written in `sourceDetail`.
 * - Engagement counts and their first and last dates (page views, marketing e-mail opens and clicks, form
 *   submissions) become activities marked `metadata.approximated`: HubSpot exports counts, not events, so the
 *   events in between are spread evenly (see `ActivitiesFromColumns`). A recent sales e-mail reply is one
 *   `email_replied`.
 * - The job title also gives the seniority (`seniorityFromTitle`); the website gives `company.domain`; "Unsubscribed
 *   from all email" gives `consent.emailOptOut`; the lead status is kept as `customFields.hs_lead_status`.
 * - Leads without an original source get `source: 'other'`; every other property is kept in `customFields`.
 *
 * @example
 * ```ts
 * const run = importCsv(hubspotContacts({ timeZone: 'America/New_York', currency: 'USD' }), text);
 * const { leads, summary } = await collectImport(run);
 * funnelReport(leads, { funnel: hubspotLifecycleFunnel, asOf });
 * ```
 */
export function hubspotContacts(options: HubspotPresetOptions = {}): ImportMapping {
  return {
    ...base('hubspot-contacts', 'HubSpot contacts (CRM API properties or export CSV)', options),
    columns: {
      ...both('firstname', 'First Name', 'contact.firstName'),
      ...both('lastname', 'Last Name', 'contact.lastName'),
      ...both('email', 'Email', { to: 'contact.email', steps: ['trim', 'lowercase'] }),
      ...both('phone', 'Phone Number', 'contact.phone'),
      ...both('jobtitle', 'Job Title', ['contact.jobTitle', { to: 'contact.seniority', steps: ['seniority'] }]),
      ...both('company', 'Company Name', 'company.name'),
      ...both('website', 'Website URL', { to: 'company.domain', steps: ['domain'] }),
      ...shared,
      ...both('hs_analytics_source', 'Original Source', source),
      ...both('hs_analytics_source_data_1', 'Original Source Drill-Down 1', 'campaign'),
      ...both('lastmodifieddate', 'Last Modified Date', 'updatedAt'),
      ...both('hubspot_owner_id', 'Contact owner', 'ownerId'),
      ...both('hs_email_optout', 'Unsubscribed from all email', 'consent.emailOptOut'),
    },
    defaults: { source: 'other' },
    stageDates,
    activities: [
      { ...pageViews, url: ['hs_analytics_last_url', 'Last Page Seen'] },
      {
        type: 'email_opened',
        count: ['hs_email_open', 'Marketing emails opened'],
        firstAt: ['hs_email_first_open_date', 'First marketing email open date'],
        lastAt: ['hs_email_last_open_date', 'Last marketing email open date'],
      },
      {
        type: 'email_clicked',
        count: ['hs_email_click', 'Marketing emails clicked'],
        firstAt: ['hs_email_first_click_date', 'First marketing email click date'],
        lastAt: ['hs_email_last_click_date', 'Last marketing email click date'],
      },
      {
        type: 'form_submitted',
        count: ['num_conversion_events', 'Number of Form Submissions'],
        firstAt: ['first_conversion_date', 'First Conversion Date'],
        lastAt: ['recent_conversion_date', 'Recent Conversion Date'],
      },
      { type: 'email_replied', lastAt: ['hs_sales_email_last_replied', 'Recent Sales Email Replied Date'] },
    ],
  };
}

/**
 * A mapping for HubSpot companies (API names and export labels, as {@link hubspotContacts}): each company becomes a
 * lead with an empty contact, for account-based funnels. Stage, stage history from the lifecycle dates, source and
 * page views as for contacts.
 *
 * @example
 * ```ts
 * // rows: the `properties` of each company the CRM API returned
 * const { leads } = await collectImport(importRecords(hubspotCompanies(), rows));
 * ```
 */
export function hubspotCompanies(options: HubspotPresetOptions = {}): ImportMapping {
  return {
    ...base('hubspot-companies', 'HubSpot companies (CRM API properties or export CSV)', options),
    columns: {
      ...both('name', 'Company name', 'company.name'),
      ...both('domain', 'Company Domain Name', { to: 'company.domain', steps: ['domain'] }),
      ...both('website', 'Website URL', { to: 'company.domain', steps: ['domain'] }),
      ...shared,
      ...both('hs_analytics_source', 'Original Source Type', source),
      ...both('hs_lastmodifieddate', 'Last Modified Date', 'updatedAt'),
      ...both('hubspot_owner_id', 'Company owner', 'ownerId'),
    },
    defaults: { source: 'other' },
    stageDates,
    activities: [{ ...pageViews }],
  };
}
