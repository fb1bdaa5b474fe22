import * as z from 'zod/v4';
import { DateTime } from './codecs.ts';
import { Id, Metadata, ShortText } from './text.ts';

const base = {
  /**
   * Optional identifier of the event in the source system. `mergeLeads` compares it with the rest of the content:
   * two activities are the same only when all of it is.
   */
  id: Id.optional(),
  /** When it happened. */
  at: DateTime,
  /** Free-form extra data from the source system. */
  metadata: Metadata.optional(),
};

const Url = z.string().min(1).max(2048);

/** What kind of page a page view was on. Pricing pages show buying intent. */
export const PageKind = z.enum(['pricing', 'product', 'demo', 'case_study', 'docs', 'blog', 'careers', 'contact', 'home', 'other']);
/** What kind of page a page view was on. */
export type PageKind = z.output<typeof PageKind>;

const event = <const T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...base, ...shape });

/** Every activity type, in one list (useful for UIs and scoring rules). */
export const ActivityType = z.enum([
  'email_sent',
  'email_opened',
  'email_clicked',
  'email_replied',
  'email_bounced',
  'unsubscribed',
  'page_viewed',
  'form_submitted',
  'content_downloaded',
  'webinar_registered',
  'webinar_attended',
  'event_attended',
  'demo_requested',
  'meeting_booked',
  'meeting_held',
  'call',
  'social_interaction',
  'trial_started',
  'product_usage',
  'other',
]);
/** The `type` of an {@link Activity}. */
export type ActivityType = z.output<typeof ActivityType>;

/**
 * One engagement event, discriminated by `type`. Every activity has `at`; some carry details
 * (a page view its URL and page kind, a bounce whether it was hard). An event of a kind leadkit does not list
 * (a CRM's `Chat` or `LinkedIn InMail`) is `{ type: 'other', name: 'Chat' }`: kept with its original name, and
 * filterable by type `other` like any other type.
 *
 * @example
 * ```ts
 * const view = Activity.parse({ type: 'page_viewed', at: '2024-05-01T09:30:00Z', url: '/pricing', pageKind: 'pricing' });
 * ```
 */
export const Activity = z.discriminatedUnion('type', [
  event('email_sent', { campaign: ShortText.optional() }),
  event('email_opened', { campaign: ShortText.optional() }),
  event('email_clicked', { campaign: ShortText.optional(), url: Url.optional() }),
  event('email_replied', { campaign: ShortText.optional() }),
  event('email_bounced', { bounce: z.enum(['hard', 'soft']) }),
  event('unsubscribed', { channel: z.enum(['email', 'sms', 'all']).optional() }),
  event('page_viewed', { url: Url, pageKind: PageKind.optional() }),
  event('form_submitted', { formId: Id.optional(), formName: ShortText.optional() }),
  event('content_downloaded', { contentId: Id.optional(), title: ShortText.optional() }),
  event('webinar_registered', { webinarId: Id.optional(), title: ShortText.optional() }),
  event('webinar_attended', { webinarId: Id.optional(), title: ShortText.optional() }),
  event('event_attended', { name: ShortText.optional() }),
  event('demo_requested', {}),
  event('meeting_booked', {}),
  event('meeting_held', { durationMinutes: z.number().nonnegative().optional() }),
  event('call', {
    direction: z.enum(['inbound', 'outbound']),
    durationSeconds: z.number().nonnegative().optional(),
    connected: z.boolean().optional(),
  }),
  event('social_interaction', { network: ShortText.optional(), action: ShortText.optional() }),
  event('trial_started', {}),
  event('product_usage', { feature: ShortText.optional(), quantity: z.number().nonnegative().optional() }),
  // A type the source system has and leadkit does not list (`Chat`, `LinkedIn InMail`): kept, named as written.
  event('other', { name: ShortText }),
]);

/** One engagement event. */
export type Activity = z.output<typeof Activity>;

/** The activity of one `type`, narrowed: `ActivityOf<'page_viewed'>` has `url` and `pageKind`. */
export type ActivityOf<T extends ActivityType> = Extract<Activity, { type: T }>;
