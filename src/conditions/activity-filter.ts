import * as z from 'zod/v4';
import { ActivityType, PageKind, type Activity } from '../models/activity.ts';
import { compileUrlPattern, MAX_URL_PATTERN_LENGTH, urlPatternProblem } from './url-pattern.ts';

const campaignTypes = new Set<string>(['email_sent', 'email_opened', 'email_clicked', 'email_replied']);
const urlTypes = new Set<string>(['page_viewed', 'email_clicked']);

const listOf = <T extends z.ZodType>(item: T, max: number) => z.union([item, z.array(item).min(1).max(max)]);

/** Which activities an activity filter keeps, as JSON. Every key narrows; an empty filter keeps every activity. */
export interface ActivityFilterJson {
  /** One activity type or a list (all types when left out). */
  readonly type?: ActivityType | readonly ActivityType[] | undefined;
  /** Page kinds (page views only; other types never match when it is given). */
  readonly pageKind?: PageKind | readonly PageKind[] | undefined;
  /** A URL prefix (`/pricing`) or a `*` glob over the whole URL (`/blog/*`); page views and e-mail clicks only. */
  readonly url?: string | undefined;
  /** Bounce kind (e-mail bounces only). */
  readonly bounce?: 'hard' | 'soft' | undefined;
  /** Call direction (calls only). */
  readonly direction?: 'inbound' | 'outbound' | undefined;
  /** Campaign, or any of a list (e-mail activities only). */
  readonly campaign?: string | readonly string[] | undefined;
  /** Compare `url` and `campaign` exactly instead of ignoring case. */
  readonly caseSensitive?: boolean | undefined;
}

function types(filter: ActivityFilterJson): readonly string[] | undefined {
  return filter.type === undefined ? undefined : typeof filter.type === 'string' ? [filter.type] : filter.type;
}

/**
 * Which activities count, the one activity filter of leadkit: used by activity conditions (scoring rules, segments,
 * ICP intent), scoring activity rules and predictive features. Text (`url`, `campaign`) is compared ignoring case
 * unless `caseSensitive` is set. Details that only one activity type has (`pageKind`, `url`, `bounce`, `direction`,
 * `campaign`) must not be asked of types that lack them.
 *
 * @example
 * ```ts
 * const pricingViews = ActivityFilter.parse({ type: 'page_viewed', url: '/pricing' });
 * ```
 */
export const ActivityFilter: z.ZodType<ActivityFilterJson, ActivityFilterJson> = z
  .strictObject({
    type: listOf(ActivityType, 50).optional(),
    pageKind: listOf(PageKind, 20).optional(),
    url: z.string().min(1).max(MAX_URL_PATTERN_LENGTH).optional(),
    bounce: z.enum(['hard', 'soft']).optional(),
    direction: z.enum(['inbound', 'outbound']).optional(),
    campaign: listOf(z.string().min(1).max(500), 100).optional(),
    caseSensitive: z.boolean().optional(),
  })
  .check((context) => {
    const filter = context.value as ActivityFilterJson;
    const listed = types(filter);
    const add = (key: string, message: string): void => {
      context.issues.push({ code: 'custom', message, input: filter, path: [key] });
    };
    const only = (key: keyof ActivityFilterJson, allowed: ReadonlySet<string>, noun: string): void => {
      if (filter[key] === undefined) return;
      if (listed === undefined) add('type', `"${key}" only applies to ${noun}: give "type" too`);
      else {
        const wrong = listed.filter((type) => !allowed.has(type));
        if (wrong.length > 0) add(key, `only applies to ${noun}, not ${wrong.join(', ')}`);
      }
    };
    only('pageKind', new Set(['page_viewed']), 'page_viewed');
    only('url', urlTypes, 'page_viewed and email_clicked');
    only('bounce', new Set(['email_bounced']), 'email_bounced');
    only('direction', new Set(['call']), 'call');
    only('campaign', campaignTypes, 'e-mail activities (email_sent, email_opened, email_clicked, email_replied)');
    if (filter.url !== undefined) {
      const problem = urlPatternProblem(filter.url);
      if (problem !== undefined) add('url', problem);
    }
  });

/** A compiled activity filter. */
export type ActivityPredicate = (activity: Activity) => boolean;

interface ActivityDetails {
  readonly type: string;
  readonly url?: string;
  readonly pageKind?: string;
  readonly bounce?: string;
  readonly direction?: string;
  readonly campaign?: string;
}

/** Whether a filter tests only the activity type (so a table by type is all it needs). */
export function filtersOnlyByType(filter: ActivityFilterJson): boolean {
  return (
    filter.pageKind === undefined && filter.url === undefined && filter.bounce === undefined && filter.direction === undefined && filter.campaign === undefined
  );
}

/** The activity types a filter keeps (`undefined`: every type). */
export function filterTypes(filter: ActivityFilterJson): readonly string[] | undefined {
  return types(filter);
}

/**
 * Compiles a validated filter once into a predicate on one activity.
 *
 * @example
 * ```ts
 * const isPricingView = compileActivityFilter({ type: 'page_viewed', url: '/pricing' });
 * lead.activities.filter(isPricingView);
 * ```
 */
export function compileActivityFilter(filter: ActivityFilterJson): ActivityPredicate {
  const listed = types(filter);
  const typeSet = listed === undefined ? undefined : new Set<string>(listed);
  if (filtersOnlyByType(filter)) {
    if (typeSet === undefined) return () => true;
    if (typeSet.size === 1) {
      const only = listed?.[0] as string;
      return (activity) => activity.type === only;
    }
    return (activity) => typeSet.has(activity.type);
  }
  const caseSensitive = filter.caseSensitive === true;
  const fold = (text: string): string => (caseSensitive ? text : text.toLowerCase());
  const pageKinds = filter.pageKind === undefined ? undefined : new Set<string>(typeof filter.pageKind === 'string' ? [filter.pageKind] : filter.pageKind);
  const url = filter.url === undefined ? undefined : compileUrlPattern(filter.url, { caseSensitive });
  const campaigns =
    filter.campaign === undefined ? undefined : new Set<string>((typeof filter.campaign === 'string' ? [filter.campaign] : filter.campaign).map(fold));
  const { bounce, direction } = filter;
  return (activity) => {
    if (typeSet !== undefined && !typeSet.has(activity.type)) return false;
    const details = activity as ActivityDetails;
    if (pageKinds !== undefined && (details.pageKind === undefined || !pageKinds.has(details.pageKind))) return false;
    if (url !== undefined && (typeof details.url !== 'string' || !url(details.url))) return false;
    if (bounce !== undefined && details.bounce !== bounce) return false;
    if (direction !== undefined && details.direction !== direction) return false;
    if (campaigns !== undefined && (typeof details.campaign !== 'string' || !campaigns.has(fold(details.campaign)))) return false;
    return true;
  };
}

/** The filter in words: `page_viewed (url /pricing)`, `any activity`. */
export function describeActivityFilter(filter: ActivityFilterJson): string {
  const listed = types(filter);
  const details: string[] = [];
  if (filter.pageKind !== undefined) details.push(`${typeof filter.pageKind === 'string' ? filter.pageKind : filter.pageKind.join('/')} page`);
  if (filter.url !== undefined) details.push(`URL ${filter.url}`);
  if (filter.bounce !== undefined) details.push(`${filter.bounce} bounce`);
  if (filter.direction !== undefined) details.push(filter.direction);
  if (filter.campaign !== undefined) details.push(`campaign ${typeof filter.campaign === 'string' ? filter.campaign : filter.campaign.join('/')}`);
  const head = listed === undefined ? 'any activity' : listed.join(' or ');
  return details.length === 0 ? head : `${head} (${details.join(', ')})`;
}
