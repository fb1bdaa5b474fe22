import { defineFramework } from '../define-framework.ts';
import { weakDevelopingStrongScale } from '../scales.ts';

/**
 * CHAMP: Challenges, Authority, Money, Prioritization. Starts from the buyer's challenges rather than their budget.
 * Rated weak / developing / strong; qualified when 3 of 4 are met.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(champFramework, {
 *   frameworkId: 'champ',
 *   criteria: { challenges: { rating: 'strong', assessedAt: asOf }, authority: { rating: 'weak', assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(champFramework, assessment, { asOf });
 * ```
 */
export const champFramework = /*@__PURE__*/ defineFramework({
  id: 'champ',
  name: 'CHAMP',
  description: 'Challenge first: understand the problem, then who decides, the money and where it ranks. For consultative selling.',
  scale: weakDevelopingStrongScale,
  criteria: [
    {
      key: 'challenges',
      label: 'Challenges',
      concept: 'need',
      description: 'The business challenges the buyer needs to solve.',
      questions: ['What challenges are you facing right now?', 'How are you handling them today?'],
    },
    {
      key: 'authority',
      label: 'Authority',
      concept: 'authority',
      description: 'Who decides and who influences.',
      questions: ['Who besides you is involved in choosing a solution?'],
    },
    {
      key: 'money',
      label: 'Money',
      concept: 'budget',
      description: 'Budget exists or can be found.',
      questions: ['Is there a budget for solving this, and how large is it?'],
    },
    {
      key: 'prioritization',
      label: 'Prioritization',
      concept: 'timing',
      description: 'Where solving this ranks among the buyer’s other initiatives, and when.',
      questions: ['How does this rank against your other priorities this quarter?', 'When do you need it solved?'],
    },
  ],
  rule: { minMet: 3 },
});
