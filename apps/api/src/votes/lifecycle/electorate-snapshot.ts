import type { Electorate, RuleSetId } from '@yishi/domain';
import { RULE_SETS } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import { txQuery } from '../ballots/ballot-store';
import type { VoteVoter } from '../entities/vote-voter.entity';
import { unitElectorate } from '../../rolls/unit-electorate';
import { pseudonym } from '../pseudonym';

export interface Snapshot {
  electorate: Electorate;
  voters: Omit<VoteVoter, 'vote' | 'voteId'>[];
  snapshotAt: string;
}

/**
 * Freezes the current roll of a unit into the electorate the rule set reads (libs/domain), with
 * pseudonyms, and the private map from pseudonym to roll entry.
 */
export async function snapshotElectorate(m: EntityManager, secret: Buffer, voteId: string, unitId: string, ruleSet: RuleSetId, now: Date): Promise<Snapshot> {
  const { electorate, voters } = await unitElectorate(txQuery(m), unitId, RULE_SETS[ruleSet].electorate, (type, id) => pseudonym(secret, voteId, type, id), now);
  return { electorate, voters, snapshotAt: now.toISOString() };
}
