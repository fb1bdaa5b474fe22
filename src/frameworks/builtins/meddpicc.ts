import { extendFramework } from '../extend-framework.ts';
import { meddicFramework } from './meddic.ts';

/**
 * MEDDPICC: MEDDIC plus Paper process (after Decision process) and Competition, built with `extendFramework`.
 * Out of 16 points; same rule and hard gate.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(meddpiccFramework, {
 *   frameworkId: 'meddpicc',
 *   criteria: { paperProcess: { rating: 1, assessedAt: asOf }, competition: { rating: 2, assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(meddpiccFramework, assessment, { asOf });
 * ```
 */
export const meddpiccFramework = /*@__PURE__*/ extendFramework(meddicFramework, {
  id: 'meddpicc',
  name: 'MEDDPICC',
  description: 'MEDDIC plus the paper process (legal, procurement, security review) and the competition: for long enterprise deals.',
  add: [
    {
      key: 'paperProcess',
      label: 'Paper process',
      concept: 'paper_process',
      after: 'decisionProcess',
      description: 'How the contract gets signed: legal, procurement, security review, and how long each takes.',
      questions: ['Once you decide, what does it take to sign: legal, procurement, security?', 'How long did that take last time?'],
    },
    {
      key: 'competition',
      label: 'Competition',
      concept: 'competition',
      description: 'The alternatives the buyer is weighing, including building it or doing nothing.',
      questions: ['Who else are you evaluating?', 'What happens if you choose none of us?'],
    },
  ],
});
