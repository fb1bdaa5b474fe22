import * as z from 'zod/v4';
import { DateTime } from './codecs.ts';
import { Id, LongText, ShortText } from './text.ts';

/**
 * One entry of a record's funnel history: it moved from one stage to another because of an event.
 * Time in stage, cycle length, conversion and rotting are all computed from these entries.
 */
export const StageChange = z.object({
  /** The stage left, or `null` for the entry that put the record in its first stage. */
  from: Id.nullable(),
  /** The stage entered. */
  to: Id,
  /** The event type that caused the change (`qualify`, `recycle`, `import`). */
  event: ShortText,
  /** When it happened. */
  at: DateTime,
  /** Who did it (a user id, or a system such as `workflow:lead-scoring`). */
  by: ShortText.optional(),
  /** Why, in words. */
  reason: LongText.optional(),
});
/** One entry of a record's funnel history. */
export type StageChange = z.output<typeof StageChange>;
