import { extendFramework } from '../extend-framework.ts';
import { meddicFramework } from './meddic.ts';

/**
 * MEDDICC: MEDDIC plus Competition, built with `extendFramework`. Out of 14 points; same rule and hard gate.
 *
 * @example
 * ```ts
 * const assessment = defineAssessment(meddiccFramework, {
 *   frameworkId: 'meddicc',
 *   criteria: { economicBuyer: { rating: 2, assessedAt: asOf }, competition: { rating: 1, assessedAt: asOf } },
 * }, { asOf });
 * const verdict = evaluateAssessment(meddiccFramework, assessment, { asOf });
 * ```
 */
export const meddiccFramework = /*@__PURE__*/ extendFramework(meddicFramework, {
  id: 'meddicc',
  name: 'MEDDICC',
  description: 'MEDDIC plus competition: who else the buyer is talking to, including doing nothing.',
  add: [
    {
      key: 'competition',
      label: 'Competition',
      concept: 'competition',
      description: 'The alternatives the buyer is weighing, including building it or doing nothing.',
      questions: ['Who else are you evaluating?', 'What happens if you choose none of us?'],
    },
  ],
});
