import type { Choice } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import type { Channel, ProxyMark } from '../ballots/ballot-choices';
import { VoteObjection } from '../entities/vote-objection.entity';

/**
 * The result store: what a vote publishes reads — the receipts on the board, the counted ballots
 * and marks behind the export, the names the electorate had when voting opened — and the
 * objections to a provisional result. Functions run on the caller's EntityManager.
 */

/** The sealed casts of a named vote, for the board, in chain order. */
export function boardCasts(m: EntityManager, voteId: string): Promise<{ seq: number; receipt: string; channel: Channel; at: string; voter: string }[]> {
  return m.query(
    `SELECT seq, entry->>'ballot' AS receipt, entry->>'channel' AS channel, entry->>'at' AS at, entry->>'voter' AS voter
       FROM vote_cast WHERE vote_id = $1 AND seq IS NOT NULL AND entry->>'kind' = 'cast' ORDER BY seq`,
    [voteId],
  );
}

/** A secret vote's roll marks, with the proxy each was cast under. */
export function marksWithProxies(m: EntityManager, voteId: string): Promise<{ voter_id: string; proxy: unknown }[]> {
  return m.query(`SELECT voter_id, proxy FROM vote_mark WHERE vote_id = $1`, [voteId]);
}

export interface CountedRow {
  voter_id: string;
  choice: Choice;
  channel: Channel;
  proxy: ProxyMark | null;
}

/** A named vote's counted ballots. */
export function countedBallots(m: EntityManager, voteId: string): Promise<CountedRow[]> {
  return m.query(`SELECT voter_id, choice, channel, proxy FROM ballot WHERE vote_id = $1`, [voteId]);
}

/** The electorate's names and groups as the roll had them when voting opened. */
export function electorateNames(m: EntityManager, voteId: string): Promise<{ voter_id: string; name: string; group_label: string }[]> {
  return m.query(`SELECT voter_id, name, group_label FROM vote_voter WHERE vote_id = $1`, [voteId]);
}

/** The agents of the vote's proxies, in the order recorded. */
export function proxyAgents(m: EntityManager, voteId: string): Promise<{ agent_voter_id: string | null; agent_user_id: string | null; agent_name: string }[]> {
  return m.query(`SELECT agent_voter_id, agent_user_id, agent_name FROM proxy_authorization WHERE vote_id = $1 ORDER BY recorded_at`, [voteId]);
}

export function insertObjection(m: EntityManager, voteId: string, userId: string, body: string): Promise<VoteObjection> {
  return m.getRepository(VoteObjection).save({ voteId, userId, body, answer: null, answeredBy: null, answeredAt: null });
}

/** A vote's objections, oldest first. */
export function objectionsOf(m: EntityManager, voteId: string): Promise<VoteObjection[]> {
  return m.getRepository(VoteObjection).find({ where: { voteId }, order: { createdAt: 'ASC' } });
}

/** An objection, held FOR UPDATE for the rest of the transaction. */
export function lockObjection(m: EntityManager, objectionId: string): Promise<VoteObjection | null> {
  return m.getRepository(VoteObjection).findOne({ where: { id: objectionId }, lock: { mode: 'pessimistic_write' } });
}

export async function answerObjection(m: EntityManager, objectionId: string, answer: string, answeredBy: string): Promise<void> {
  await m.getRepository(VoteObjection).update({ id: objectionId }, { answer, answeredBy, answeredAt: new Date() });
}
