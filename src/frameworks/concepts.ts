/**
 * Shared concepts: what a criterion is about, independent of the framework that names it. BANT's `budget`,
 * ANUM's `money` and FAINT's `funds` are all the `budget` concept, so evidence captured once can pre-fill the others.
 *
 * @module
 */

/**
 * The shared concepts the built-in frameworks use. A criterion's `concept` may be any string (a plugin can add
 * its own); these are the ones translation between built-ins relies on.
 */
export const sharedConcepts = [
  'budget',
  'authority',
  'need',
  'timing',
  'champion',
  'decision_criteria',
  'decision_process',
  'metrics',
  'goals',
  'plans',
  'negative_consequences',
  'positive_implications',
  'interest',
  'competition',
  'paper_process',
  'situation',
  'impact',
] as const;

/** One of the {@link sharedConcepts}. */
export type SharedConcept = (typeof sharedConcepts)[number];
