import * as z from 'zod/v4';
import { DateTime } from './codecs.ts';
import { Money } from './money.ts';
import { LongText } from './text.ts';

/**
 * How a lead ended: won (became a customer) or lost, when, and for how much. A lead with no outcome is still open,
 * which is not the same as lost (predictive models and metrics treat open records as right-censored).
 */
export const Outcome = z.object({
  /** Won or lost. */
  status: z.enum(['won', 'lost']),
  /**
   * When the outcome was recorded. Optional: an export may say a deal was won without saying when. Predictive
   * training reads features as of this date (an undated outcome needs a fixed `featuresAt` or is left out and
   * counted), and a time-based split leaves undated leads out and says so.
   */
  at: DateTime.optional(),
  /** Deal value, for won deals (and the lost value for lost ones, if known). */
  amount: Money.optional(),
  /** Why it was lost (or won). */
  reason: LongText.optional(),
});
/** How a lead ended. */
export type Outcome = z.output<typeof Outcome>;
