import { defineFramework } from '../define-framework.ts';
import { zeroToTwoScale } from '../scales.ts';

/**
 * MEDDIC: Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion. Scored 0–2 per
 * criterion, out of 12. Qualified with a score of at least 75 (9 of 12 points) and the economic buyer fully
 * identified: that hard gate disqualifies whatever the total.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(meddicFramework, {
 *   frameworkId: 'meddic',
 *   criteria: { metrics: { rating: 2, assessedAt: asOf }, identifyPain: { rating: 2, assessedAt: asOf }, champion: { rating: 1, assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(meddicFramework, assessment, { asOf });
 * verdict.points; // 5, out of verdict.maxPoints = 12
 * ```
 */
export const meddicFramework = /*@__PURE__*/ defineFramework({
  id: 'meddic',
  name: 'MEDDIC',
  description: 'Enterprise sales: quantified value, the economic buyer, how and by what rules they decide, the pain, and a champion inside.',
  scale: zeroToTwoScale,
  criteria: [
    {
      key: 'metrics',
      label: 'Metrics',
      concept: 'metrics',
      description: 'The quantified results the buyer needs to show.',
      questions: ['What results do you need to show?', 'How will you measure success?'],
    },
    {
      key: 'economicBuyer',
      label: 'Economic buyer',
      concept: 'authority',
      required: true,
      description: 'The person who holds the budget and has the final say; no proposal without them.',
      questions: ['Who holds the budget?', 'Can we meet them before the proposal?'],
    },
    {
      key: 'decisionCriteria',
      label: 'Decision criteria',
      concept: 'decision_criteria',
      description: 'The rules the buyer will judge solutions by.',
      questions: ['What are your buying rules?', 'What must a solution do to be chosen?'],
    },
    {
      key: 'decisionProcess',
      label: 'Decision process',
      concept: 'decision_process',
      description: 'The steps, people and dates of the decision.',
      questions: ['How do you make decisions?', 'Who is involved at each step, and when?'],
    },
    {
      key: 'identifyPain',
      label: 'Identify pain',
      concept: 'need',
      description: 'The business pain that makes the buyer act.',
      questions: ['What problem are we solving?', 'What does it cost you today?'],
    },
    {
      key: 'champion',
      label: 'Champion',
      concept: 'champion',
      description: 'Someone inside with influence who sells for us when we are not there.',
      questions: ['Who is advocating for us?', 'What do they gain if this succeeds?'],
    },
  ],
  rule: { minScore: 75 },
});
