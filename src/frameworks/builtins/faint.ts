import { defineFramework } from '../define-framework.ts';
import { weakDevelopingStrongScale } from '../scales.ts';

/**
 * FAINT: Funds, Authority, Interest, Need, Timing. Asks whether the buyer can pay (funds) rather than whether a
 * budget is allocated, so it suits new categories nobody budgeted for. Qualified when 4 of 5 are met.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(faintFramework, {
 *   frameworkId: 'faint',
 *   criteria: { funds: { rating: 'developing', assessedAt: asOf }, interest: { rating: 'strong', assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(faintFramework, assessment, { asOf });
 * ```
 */
export const faintFramework = /*@__PURE__*/ defineFramework({
  id: 'faint',
  name: 'FAINT',
  description: 'Ability to pay rather than an allocated budget, plus interest: for new categories where nobody has a budget line yet.',
  scale: weakDevelopingStrongScale,
  criteria: [
    {
      key: 'funds',
      label: 'Funds',
      concept: 'budget',
      description: 'The organisation has the money to buy, whether or not it is budgeted.',
      questions: ['If this solved the problem, could you find the funds for it?', 'How are unplanned purchases approved?'],
    },
    {
      key: 'authority',
      label: 'Authority',
      concept: 'authority',
      description: 'The person who can release the funds is known and engaged.',
      questions: ['Who can approve spending on this?'],
    },
    {
      key: 'interest',
      label: 'Interest',
      concept: 'interest',
      description: 'The buyer is interested in solving the problem with a product like ours.',
      questions: ['What made you look into this now?', 'What would you like to see from us next?'],
    },
    {
      key: 'need',
      label: 'Need',
      concept: 'need',
      description: 'A problem our product solves.',
      questions: ['What specific challenges are you looking to solve?'],
    },
    {
      key: 'timing',
      label: 'Timing',
      concept: 'timing',
      description: 'When the buyer wants to act.',
      questions: ['When would you want a solution in place?'],
    },
  ],
  rule: { minMet: 4 },
});
