import type { EntityManager } from 'typeorm';
import { readByGuard } from '../../database/target-records';
import type { Queryable } from '../../database/pooled';
import { queryOn } from '../../database/pooled';
import type { DeepPartial } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { VoteVoter } from '../entities/vote-voter.entity';
import { Vote } from '../entities/vote.entity';

/**
 * The vote store: statements about the `vote` row itself and its frozen electorate
 * (`vote_voter`) as the vote's life cycle writes them — announced, opened, cancelled, counted.
 * Functions run on the caller's EntityManager (a transaction's, or the data source's).
 */

/** The vote, held FOR UPDATE for the rest of the transaction. */
export function lockVote(m: EntityManager, voteId: string): Promise<Vote | null> {
  return m.getRepository(Vote).findOne({ where: { id: voteId }, lock: { mode: 'pessimistic_write' } });
}

/** The vote; outside a transaction, a read's first look at it may be the guard's (readByGuard). */
export async function findVote(m: EntityManager, voteId: string): Promise<Vote | null> {
  return readByGuard(m, 'vote', Vote, voteId)?.entity ?? m.getRepository(Vote).findOneBy({ id: voteId });
}

/** As findVote, for a vote that must exist. */
export async function getVote(m: EntityManager, voteId: string): Promise<Vote> {
  return readByGuard(m, 'vote', Vote, voteId)?.entity ?? m.getRepository(Vote).findOneByOrFail({ id: voteId });
}

/** The published vote behind a public key, if any. */
export function findVoteByPublicToken(m: EntityManager, token: string): Promise<Vote | null> {
  return m.getRepository(Vote).findOneBy({ publicToken: token });
}

/**
 * The vote with its frozen electorate.json read (the row is read without it: vote.entity.ts).
 * For the count, the live turnout, the recount kit, the export and the seat checks of papers and
 * proxies.
 */
export async function withElectorate<T extends Pick<Vote, 'id' | 'electorateJson'>>(q: Queryable, vote: T): Promise<T> {
  if (vote.electorateJson === undefined) {
    const [row] = await queryOn(q)<{ electorate_json: string | null }>(`SELECT electorate_json FROM vote WHERE id = $1`, [vote.id]);
    vote.electorateJson = row?.electorate_json ?? null;
  }
  return vote;
}

/** The vote with its sealed box.jsonl read (the row is read without it: vote.entity.ts). For the board and the recount kit. */
export async function withBox<T extends Pick<Vote, 'id' | 'boxJsonl'>>(q: Queryable, vote: T): Promise<T> {
  if (vote.boxJsonl === undefined) {
    const [row] = await queryOn(q)<{ box_jsonl: string | null }>(`SELECT box_jsonl FROM vote WHERE id = $1`, [vote.id]);
    vote.boxJsonl = row?.box_jsonl ?? null;
  }
  return vote;
}

/** A unit's votes, newest first. */
export function votesOfUnit(m: EntityManager, unitId: string): Promise<Vote[]> {
  return m.getRepository(Vote).find({ where: { unitId }, order: { createdAt: 'DESC' } });
}

export function insertVote(m: EntityManager, vote: DeepPartial<Vote>): Promise<Vote> {
  return m.getRepository(Vote).save(vote);
}

export async function updateVote(m: EntityManager, voteId: string, patch: QueryDeepPartialEntity<Vote>): Promise<void> {
  await m.getRepository(Vote).update({ id: voteId }, patch);
}

/** Scheduled votes whose opening time has come (and whose closing time has not). */
export async function votesDueToOpen(m: EntityManager, now: Date): Promise<string[]> {
  const due = await m.query<{ id: string }[]>(`SELECT id, rule_set, created_at FROM vote WHERE status = 'scheduled' AND opens_at <= $1 AND closes_at > $1`, [now]);
  return due.map((r) => r.id);
}

/** Writes the frozen electorate of a vote, a thousand voters a statement. */
export async function insertElectorate(m: EntityManager, voteId: string, voters: Omit<VoteVoter, 'vote' | 'voteId'>[]): Promise<void> {
  for (let i = 0; i < voters.length; i += 1000) {
    await m.getRepository(VoteVoter).insert(voters.slice(i, i + 1000).map((v) => ({ ...v, voteId })));
  }
}

/** A vote as another feature names it: its unit, title and status. */
export async function voteHead(m: EntityManager, voteId: string): Promise<{ unit_id: string; title: string; status: string } | undefined> {
  const [row] = await m.query<{ unit_id: string; title: string; status: string }[]>(`SELECT unit_id, title, status FROM vote WHERE id = $1`, [voteId]);
  return row;
}

/** The votes of these units not yet counted (scheduled or open): those a session may be the meeting of. */
export function votesTakingBallots(m: EntityManager, unitIds: readonly string[], limit: number): Promise<{ id: string; title: string; status: string; unit_id: string }[]> {
  return m.query(`SELECT id, title, status, unit_id FROM vote WHERE unit_id = ANY($1::uuid[]) AND status IN ('scheduled', 'open') ORDER BY closes_at, id LIMIT $2`, [unitIds, limit]);
}
