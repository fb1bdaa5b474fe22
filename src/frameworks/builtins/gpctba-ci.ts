import { defineFramework } from '../define-framework.ts';
import { oneToFiveScale } from '../scales.ts';

/**
 * GPCTBA/C&I (HubSpot): Goals, Plans, Challenges, Timeline, Budget, Authority, Negative consequences, Positive
 * implications. HubSpot's answer to "BANT isn't enough", rated 1–5; qualified with a score of at least 60 and the
 * authority known (a hard gate).
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(gpctbaCiFramework, {
 *   frameworkId: 'gpctba-ci',
 *   criteria: { goals: { rating: 4, assessedAt: asOf }, challenges: { rating: 5, assessedAt: asOf }, budget: { rating: 2, assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(gpctbaCiFramework, assessment, { asOf });
 * ```
 */
export const gpctbaCiFramework = /*@__PURE__*/ defineFramework({
  id: 'gpctba-ci',
  name: 'GPCTBA/C&I',
  description:
    'Goals, plans, challenges, timeline, budget, authority, and the consequences of acting or not. For inbound teams that sell by helping the buyer plan.',
  scale: oneToFiveScale,
  criteria: [
    {
      key: 'goals',
      label: 'Goals',
      concept: 'goals',
      description: 'The buyer’s goals, ideally quantified.',
      questions: ['What are your goals?', 'How do you measure them?'],
    },
    {
      key: 'plans',
      label: 'Plans',
      concept: 'plans',
      description: 'How they plan to reach the goals.',
      questions: ['What are your plans to reach them?', 'What have you tried before?'],
    },
    { key: 'challenges', label: 'Challenges', concept: 'need', description: 'What stands in the way.', questions: ['What challenges do you face?'] },
    { key: 'timeline', label: 'Timeline', concept: 'timing', description: 'When the plans must be carried out.', questions: ['What is your timeline?'] },
    { key: 'budget', label: 'Budget', concept: 'budget', description: 'Money for the plans.', questions: ['What is your budget?'] },
    {
      key: 'authority',
      label: 'Authority',
      concept: 'authority',
      required: true,
      description: 'Who decides.',
      questions: ['Who has authority?', 'Who else needs to agree?'],
    },
    {
      key: 'negativeConsequences',
      label: 'Negative consequences',
      concept: 'negative_consequences',
      description: 'What happens if the buyer does nothing.',
      questions: ["What happens if you don't act?"],
    },
    {
      key: 'positiveImplications',
      label: 'Positive implications',
      concept: 'positive_implications',
      description: 'What the buyer gains by reaching the goals.',
      questions: ['What are the benefits if you do?'],
    },
  ],
  rule: { minScore: 60 },
});
