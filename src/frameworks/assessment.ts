/**
 * Assessments: one team's ratings of one lead against one framework, with evidence, confidence and dates.
 *
 * @module
 */
import type { RatingValue } from './scales.ts';

/** Where a piece of evidence came from. */
export type EvidenceSource = 'call' | 'email' | 'meeting' | 'demo' | 'chat' | 'form' | 'document' | 'note' | 'enrichment' | 'other';

/** Every {@link EvidenceSource}, in one list. */
export const evidenceSources: readonly EvidenceSource[] = ['call', 'email', 'meeting', 'demo', 'chat', 'form', 'document', 'note', 'enrichment', 'other'];

/** Where a translated rating came from (set by `translateAssessment`, so a pre-filled rating is never mistaken for a first-hand one). */
export interface RatingOrigin {
  /** The framework the rating was made in. */
  readonly frameworkId: string;
  /** The criterion it was made for. */
  readonly criterion: string;
  /** The rating as given there. */
  readonly rating: RatingValue;
}

/** The rating of one criterion, with its evidence. */
export interface CriterionRating<V extends RatingValue = RatingValue> {
  /** A value of the framework's scale. */
  readonly rating: V;
  /** What we know, in free text. */
  readonly evidence?: string | undefined;
  /** What the buyer said, verbatim. */
  readonly quote?: string | undefined;
  /** Where the evidence came from. */
  readonly source?: EvidenceSource | undefined;
  /** How sure the rater is, 0–1. */
  readonly confidence?: number | undefined;
  /** When it was assessed; evidence older than the framework's `staleAfterDays` is reported as stale. */
  readonly assessedAt: Date;
  /** Who assessed it (user id). */
  readonly assessedBy?: string | undefined;
  /** Set when the rating was translated from another framework's assessment. */
  readonly derivedFrom?: RatingOrigin | undefined;
}

/**
 * The ratings of one lead against one framework. A criterion that is absent is unknown, not failed.
 * `K` is the framework's criterion keys, so a misspelt key is a type error.
 */
export interface Assessment<K extends string = string, V extends RatingValue = RatingValue> {
  /** The framework the ratings are for. */
  readonly frameworkId: string;
  /** The lead assessed, when known. */
  readonly leadId?: string | undefined;
  /** Ratings by criterion key; absent means unknown. */
  readonly criteria: { readonly [P in K]?: CriterionRating<V> | undefined };
}
