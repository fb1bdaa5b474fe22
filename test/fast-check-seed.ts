/**
 * Vitest setup: with `FC_SEED` set, every fast-check property starts from that seed instead of a random one. `.ci/run`
 * sets it from the commit, so CI explores new cases with each commit and a run of the same commit anywhere draws the
 * same cases (a failure seen once is seen again). A property that passes its own `seed` keeps it.
 */
import fc from 'fast-check';

const seed = process.env['FC_SEED'];
if (seed !== undefined && seed !== '') {
  const value = Number(seed);
  if (!Number.isSafeInteger(value)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(seed)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: value });
}
