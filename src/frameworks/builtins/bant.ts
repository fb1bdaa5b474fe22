import { defineFramework } from '../define-framework.ts';
import { weakDevelopingStrongScale } from '../scales.ts';

/**
 * BANT (IBM): Budget, Authority, Need, Timeline, rated weak / developing / strong. Qualified when at least 3 of
 * the 4 are met (rated strong). No hard gate.
 *
 * @example
 * ```ts
 * import { bantFramework, defineAssessment, evaluateAssessment } from 'leadkit/frameworks';
 *
 * const asOf = new Date('2025-06-30T00:00:00Z');
 * const at = new Date('2025-06-20T00:00:00Z');
 * const assessment = defineAssessment(bantFramework, {
 *   frameworkId: 'bant',
 *   criteria: { budget: { rating: 'strong', assessedAt: at }, authority: { rating: 'strong', assessedAt: at }, need: { rating: 'developing', assessedAt: at } },
 * }, { asOf });
 * const verdict = evaluateAssessment(bantFramework, assessment, { asOf });
 * verdict.qualified; // false: 2 of the 4 are met (strong), BANT needs 3
 * ```
 */
export const bantFramework = /*@__PURE__*/ defineFramework({
  id: 'bant',
  name: 'BANT',
  description:
    'The classic (IBM): does the buyer have the budget, the authority, a real need and a timeline? A fast first filter for transactional and mid-market deals.',
  scale: weakDevelopingStrongScale,
  criteria: [
    {
      key: 'budget',
      label: 'Budget',
      concept: 'budget',
      description: 'Money is allocated, or can be, for a solution like this.',
      questions: [
        'What budget has been allocated for a solution like this?',
        'Who controls that budget, and when is it available?',
        'How have you paid for similar tools before?',
      ],
    },
    {
      key: 'authority',
      label: 'Authority',
      concept: 'authority',
      description: 'We are talking to the person who decides, or know who that is and how to reach them.',
      questions: ['Are you the primary decision-maker, or who else needs to be involved?', 'Who signs off on a purchase of this size?'],
    },
    {
      key: 'need',
      label: 'Need',
      concept: 'need',
      description: 'The buyer has a problem our product solves, in their own words.',
      questions: ['What specific challenges are you looking to solve?', 'What happens if nothing changes?'],
    },
    {
      key: 'timeline',
      label: 'Timeline',
      concept: 'timing',
      description: 'There is a date by which the buyer wants the problem solved.',
      questions: ['What is your timeline for implementing a new system?', 'Is there an event or deadline driving that date?'],
    },
  ],
  rule: { minMet: 3 },
});
