import { defineFramework } from '../define-framework.ts';
import { weakDevelopingStrongScale } from '../scales.ts';

/**
 * ANUM: Authority, Need, Urgency, Money. BANT reordered to put authority first: reach the decision maker before
 * anything else. Rated weak / developing / strong; qualified when 3 of 4 are met.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(anumFramework, {
 *   frameworkId: 'anum',
 *   criteria: { authority: { rating: 'strong', assessedAt: asOf }, need: { rating: 'developing', assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(anumFramework, assessment, { asOf });
 * ```
 */
export const anumFramework = /*@__PURE__*/ defineFramework({
  id: 'anum',
  name: 'ANUM',
  description: 'Authority first, then need, urgency and money. For teams whose deals stall without the decision maker.',
  scale: weakDevelopingStrongScale,
  criteria: [
    {
      key: 'authority',
      label: 'Authority',
      concept: 'authority',
      description: 'The decision maker is identified and engaged.',
      questions: ['Who makes the final decision on this, and are they involved yet?', 'Who else will weigh in?'],
    },
    {
      key: 'need',
      label: 'Need',
      concept: 'need',
      description: 'A problem our product solves.',
      questions: ['What specific challenges are you looking to solve?'],
    },
    {
      key: 'urgency',
      label: 'Urgency',
      concept: 'timing',
      description: 'Why now: a reason the problem must be solved soon.',
      questions: ['Why is solving this a priority now?', 'What happens if this waits six months?'],
    },
    {
      key: 'money',
      label: 'Money',
      concept: 'budget',
      description: 'The buyer can pay for it.',
      questions: ['What budget is set aside for this?', 'How would a purchase like this be funded?'],
    },
  ],
  rule: { minMet: 3 },
});
