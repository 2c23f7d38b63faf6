export * from './format';
export { voteDefinitionOf, lastCastPerVoter, summarizeTally, countNamed, countSecret } from './count';
export type { KitCount } from './count';
export { recount, describeDiscrepancy, firstDifference } from './recount';
export type { Discrepancy, RecountReport, RecountFiles } from './recount';
export * from './kit';
