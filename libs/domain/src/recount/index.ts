export * from './format';
export { voteDefinitionOf, lastCastPerVoter, summarizeTally, tallySummaryOf, conditionSummary, countNamed, countSecret } from './count';
export type { KitCount } from './count';
export { recount, describeDiscrepancy, firstDifference } from './recount';
export type { Difference, Discrepancy, RecountReport, RecountFiles } from './recount';
export { DISCREPANCY_CODES } from './codes';
export type { DiscrepancyCode } from './codes';
export { outcomeOf } from './outcome';
export type { Outcome, OutcomeStatus } from './outcome';
export * from './kit';
// Format version 2: an assembly's ballot of several matters, an election among them (docs/recount-format.md §14).
export {
  ASSEMBLY_FORMAT_VERSION,
  ASSEMBLY_FORMAT_TAG,
  ASSEMBLY_DISCREPANCY_CODES,
  KitFormatError,
  readAssemblyVoteFile,
  assemblyMatterOf,
  readAssemblyBallotsLine,
  readAssemblyBoxLine,
  readAssemblyResultEnvelope,
  matterMarkOf,
} from './v2/format';
export type {
  AssemblyDiscrepancyCode,
  CandidateFile,
  MatterQuestionFile,
  DocumentFile,
  MatterFile,
  AssemblyVoteFile,
  KitMark,
  AssemblyCastEntry,
  AssemblyBallotsLine,
  AssemblyBoxEntry,
  CandidateSummary,
  ElectionSummary,
  MatterSummary,
  MatterResultFile,
  AssemblyResultFile,
} from './v2/format';
export { assemblyGenesisHash, matterResultFile, matterSummary, countAssemblyNamed, countAssemblySecret, buildAssemblyKit } from './v2/kit';
export type { AssemblyCount, AssemblyCastEvent, AssemblyBoxEvent, AssemblyKitInput } from './v2/kit';
export { recountAssembly } from './v2/recount';
export type { AssemblyDiscrepancy, AssemblyRecountReport, MatterCheck } from './v2/recount';
export { kitFormatVersion, recountKit } from './v2/any';
export type { AnyRecountReport } from './v2/any';
