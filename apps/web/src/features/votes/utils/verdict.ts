/** The verdict of a count in words: passed or not, and why not when it was never counted. */
import type { TallySummary } from '@yishi/domain';

export type VerdictKey =
  | 'votes.verdict.refused'
  | 'votes.verdict.invalid'
  | 'votes.verdict.winner'
  | 'votes.verdict.noWinner'
  | 'votes.verdict.passed'
  | 'votes.verdict.quorumFailed'
  | 'votes.verdict.failed';

export function verdictKey(tally: Pick<TallySummary, 'refusedMatters' | 'valid' | 'passed' | 'quorumMet' | 'winningOption' | 'figures'>): VerdictKey {
  if (tally.refusedMatters) return 'votes.verdict.refused';
  if (!tally.valid) return 'votes.verdict.invalid';
  if (tally.figures.options) return tally.winningOption ? 'votes.verdict.winner' : 'votes.verdict.noWinner';
  if (tally.passed) return 'votes.verdict.passed';
  return tally.quorumMet === false ? 'votes.verdict.quorumFailed' : 'votes.verdict.failed';
}
