/**
 * leadkit: one typed, tested definition of B2B leads, prospects and ICPs, with explainable scoring, qualification
 * frameworks, a funnel state machine, metrics and predictive scoring. This entry re-exports every subpath;
 * import from `leadkit/models`, `leadkit/icp`, … to keep bundles small (the package is `sideEffects: false`).
 *
 * @module
 */
export * from './models/index.ts';
