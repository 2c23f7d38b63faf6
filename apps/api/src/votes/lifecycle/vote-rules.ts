import type { Ballot, Electorate, RejectionReason, SafeguardsFile, VoteDefinition } from '@yishi/domain';
import { tally } from '@yishi/domain';
import type { Vote } from '../entities/vote.entity';

/** The vote as libs/domain counts it. */
export function definitionOf(vote: Pick<Vote, 'ruleSet' | 'questionKind' | 'options' | 'lml63'>): VoteDefinition {
  return {
    ruleSet: vote.ruleSet,
    question: vote.questionKind === 'options' ? { kind: 'options', options: vote.options! } : { kind: 'motion' },
    matterKinds: [],
    lml63: vote.lml63,
  };
}

/** The electorate frozen when the vote opened. */
export function electorateOf(vote: Pick<Vote, 'electorateJson'>): Electorate {
  return (JSON.parse(vote.electorateJson!) as { electorate: Electorate }).electorate;
}

/**
 * Why each of these ballots would not count, by voter — asked of the very tally the recount runs,
 * so what staff are told when they issue a paper or record a proxy is what the count will say.
 * Ballots for voters not listed in the result count. One ballot per voter.
 */
export function rejectionsOf(vote: Pick<Vote, 'ruleSet' | 'questionKind' | 'options' | 'lml63' | 'electorateJson'>, ballots: Ballot[]): Map<string, RejectionReason> {
  if (ballots.length === 0) return new Map();
  const result = tally({ vote: definitionOf(vote), electorate: electorateOf(vote), casting: { secrecy: 'named', ballots }, checkIns: [] });
  return new Map(result.ballots.filter((b) => !b.counted).map((b) => [b.voter, b.reason!]));
}

/** The legal clock a vote opened under, as its vote.json records it (null before it opened, or for votes opened before it was recorded). */
export function safeguardsOf(vote: Pick<Vote, 'voteJson'>): SafeguardsFile | null {
  if (!vote.voteJson) return null;
  return (JSON.parse(vote.voteJson) as { safeguards?: SafeguardsFile }).safeguards ?? null;
}
