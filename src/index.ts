/**
 * leadkit: one typed, tested definition of B2B leads, prospects and ICPs, with explainable scoring, qualification
 * frameworks, a funnel state machine, metrics and predictive scoring. This entry re-exports every subpath
 * (except `leadkit/testing`); import from `leadkit/models`, `leadkit/icp`, … to keep bundles small (the package is
 * `sideEffects: false`, so unused parts are tree-shaken either way).
 *
 * @module
 */
export * from './models/index.ts';
export * from './conditions/index.ts';
export * from './icp/index.ts';
export * from './scoring/index.ts';
export * from './frameworks/index.ts';
export * from './funnel/index.ts';
export * from './metrics/index.ts';
export * from './predict/index.ts';
