import type { Framework } from '../define-framework.ts';
import type { QuestionBank } from '../question-bank.ts';
import { anumFramework } from './anum.ts';
import { bantFramework } from './bant.ts';
import { champFramework } from './champ.ts';
import { faintFramework } from './faint.ts';
import { gpctbaCiFramework } from './gpctba-ci.ts';
import { meddicFramework } from './meddic.ts';
import { meddiccFramework } from './meddicc.ts';
import { meddpiccFramework } from './meddpicc.ts';
import { spinQuestionBank } from './spin.ts';

/**
 * Every built-in scorecard framework, for a registry that offers them all
 * (`createFrameworkRegistry({ frameworks: builtinFrameworks })`). Importing this list pulls every built-in into a bundle;
 * import single frameworks (`bantFramework`) to keep it small.
 */
export const builtinFrameworks: readonly Framework[] = [
  bantFramework,
  anumFramework,
  champFramework,
  faintFramework,
  gpctbaCiFramework,
  meddicFramework,
  meddiccFramework,
  meddpiccFramework,
];

/** Every built-in question bank (SPIN). */
export const builtinQuestionBanks: readonly QuestionBank[] = [spinQuestionBank];
