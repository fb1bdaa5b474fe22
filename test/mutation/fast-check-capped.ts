/**
 * fast-check as the mutation runs see it (`vitest.stryker.config.ts` resolves `fast-check` here): the same library,
 * with every property run at most MUTATION_NUM_RUNS times (20 unless set), even where a test asks for more. A property
 * test still runs against each mutant that it covers, on fewer cases: a mutant that only a rare case would reveal can
 * survive here and not in `npm test`, so the score it gives is a lower bound. The cases that `npm test` runs are
 * unchanged.
 */
import * as fastCheck from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

const maximum = Number(process.env.MUTATION_NUM_RUNS ?? 20);

const capped = <T extends { readonly numRuns?: number }>(parameters: T | undefined): T =>
  ({ ...parameters, numRuns: Math.min(parameters?.numRuns ?? maximum, maximum) }) as T;

export const assert: typeof fastCheck.assert = ((property: Parameters<typeof fastCheck.assert>[0], parameters?: Parameters<typeof fastCheck.assert>[1]) =>
  fastCheck.assert(property, capped(parameters))) as typeof fastCheck.assert;

export const check: typeof fastCheck.check = ((property: Parameters<typeof fastCheck.check>[0], parameters?: Parameters<typeof fastCheck.check>[1]) =>
  fastCheck.check(property, capped(parameters))) as typeof fastCheck.check;

fastCheck.configureGlobal({ ...fastCheck.readConfigureGlobal(), numRuns: maximum });

export default { ...fastCheck.default, assert, check };
