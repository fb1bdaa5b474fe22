import { formatPercent } from './describe-contribution.ts';
import type { TrainingWarning } from './predictive-model-definition.ts';

/** A feature missing for at least this share of the training leads gets a `mostly_missing` warning. */
export const MOSTLY_MISSING_SHARE = 0.95;

/** The `mostly_missing` warning of a feature, when it is missing for at least 95% of the training examples. */
export function mostlyMissingWarning(feature: string, missing: number, examples: number): TrainingWarning | undefined {
  if (examples === 0 || missing / examples < MOSTLY_MISSING_SHARE) return undefined;
  return {
    feature,
    code: 'mostly_missing',
    message: `${feature}: missing for ${formatPercent(missing / examples)} of the training leads (${missing} of ${examples}): check its path and what counts as missing`,
  };
}
