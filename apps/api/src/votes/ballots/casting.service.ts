import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { AppSecret } from '../../config/app-secret';
import type { TxQuery } from '../../database/pooled';
import { onClient, pooledConnection } from '../../database/pooled';
import { APP_SECRET } from '../../config/app-secret';
import type { CastReceiptDto } from '../lifecycle/dto/vote.dto';
import { pseudonym } from '../pseudonym';
import { notFound } from '../lifecycle/votes.service';
import type { ProxyMark } from './ballot-choices';
import { readContent, sameContent, sameProxy } from './ballot-choices';
import type { MarkInput } from '../assembly/assembly-matters';
import type { CasterRow } from './ballot-store';
import { castNamed, castSecret, lockVoteAndVoter, lockVoter, namedBallotOrFirstCast, proxyStands } from './ballot-store';
import { conflict, forbidden } from '../../common/refusals';


/**
 * Casting a ballot: the hot path. One short transaction — who may cast for this voter, the
 * counted ballot upserted (one per voter, by primary key), the cast appended to the log the sealer
 * chains — serialised per voter by an advisory lock so a retried submit never counts twice, and
 * never per vote, so voters do not queue behind each other. The vote row is held FOR KEY SHARE,
 * which the sealer's updates do not disturb but the closer's FOR UPDATE waits for.
 */
@Injectable()
export class CastingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** The hot path, on a connection of the API's own pool straight through `pg` (see pooledConnection). */
  async castOnline(actor: Actor, voteId: string, ballot: { choice?: string; marks?: MarkInput[] }, voterId?: string): Promise<CastReceiptDto> {
    const [client, release] = await pooledConnection(this.dataSource);
    return castOnConnection(client, release, this.secret.key, { userId: actor.id, voteId, rawChoice: ballot.choice, marks: ballot.marks, voterId });
  }
}

/**
 * The cast transaction on a pooled connection, which it releases: the API's (castOnline) and the
 * benchmark's own. A connection that cannot even roll back is dropped from the pool, not reused.
 * On a pipelining connection (the API's pool is one: data-source.ts) BEGIN goes out together with
 * the transaction's first statement, one round trip for both.
 */
export async function castOnConnection(client: PoolClient, release: (error?: Error) => void, secret: Buffer, input: CastInput): Promise<CastReceiptDto> {
  const q = onClient(client);
  let broken: Error | undefined;
  try {
    const tx = client.pipeline ? withPipelinedBegin(q) : (await q('BEGIN'), q);
    try {
      const receipt = await castTransaction(tx, secret, input);
      await q('COMMIT');
      return receipt;
    } catch (error) {
      await q('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } finally {
    release(broken);
  }
}

/**
 * `q` with BEGIN sent at once and the first statement right behind it, without waiting for BEGIN's
 * answer (the connection pipelines; PostgreSQL answers in order): the first statement's answer
 * comes only once BEGIN has succeeded, or it fails with BEGIN's error, so nothing runs on past a
 * transaction that did not begin.
 */
function withPipelinedBegin(q: TxQuery): TxQuery {
  let begin: Promise<unknown> | null = q('BEGIN');
  // Failing, it fails the first statement (below): not an unhandled rejection meanwhile.
  begin.catch(() => undefined);
  return async <T>(sql: string, params?: unknown[], name?: string): Promise<T[]> => {
    const begun = begin;
    begin = null;
    if (!begun) return q<T>(sql, params, name);
    const [, rows] = await Promise.all([begun, q<T>(sql, params, name)]);
    return rows;
  };
}

export interface CastInput {
  userId: string;
  voteId: string;
  /** A motion's or poll's choice … */
  rawChoice?: string;
  /** … or an assembly's marks. */
  marks?: MarkInput[];
  voterId?: string;
}

/**
 * The cast transaction itself, inside a transaction the caller opened: the API runs it on a
 * connection of its pool, `npm run bench:cast` runs the very same code on a pool of its own to
 * measure what the HTTP layer costs on top.
 *
 * The cast's time is taken once the vote row is held (FOR KEY SHARE) and checked against the
 * closing time: the closer's FOR UPDATE waits for this transaction, so a cast accepted here is in
 * the count, and its `at` is never after `closesAt` (the recount refuses a line that is).
 */
export async function castTransaction(q: TxQuery, secret: Buffer, input: CastInput): Promise<CastReceiptDto> {
  const { userId, voteId, voterId } = input;
  // The vote row, whom the account may cast for and (nearly always) the lock of that voter: one statement.
  const locked = await lockVoteAndVoter(q, voteId, userId, voterId);
  if (!locked) throw notFound(voteId);
  const { vote } = locked;
  const now = new Date();
  if (vote.status === 'scheduled' || now < vote.opens_at) throw conflict('not_open_yet', 'Voting has not opened yet.');
  if (vote.status !== 'open' || now >= vote.closes_at) throw conflict('closed', 'Voting has closed.');
  const choice = readContent(vote, { choice: input.rawChoice, marks: input.marks }, 'online');
  const me = pickVoter(locked.casters, secret, voteId, voterId);
  // Every write of a voter's ballot holds their lock: taken above unless the casters named no single voter.
  if (locked.lockedVoterId !== me.voterId) await lockVoter(q, vote.id, me.voterId);
  if (me.agentUserId) {
    // Revoking a proxy takes this voter's lock too: under it, the proxy must still stand.
    if (!(await proxyStands(q, voteId, me.voterId, me.agentUserId))) throw notEligible();
  }
  const at = now.toISOString();
  if (vote.secrecy === 'secret') {
    const ballot = await castSecret(q, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at });
    return { receipt: ballot, voterId: me.voterId, castAt: at, changed: true };
  }
  // A first ballot is written with the read that finds none; any other is decided on below.
  const first = await namedBallotOrFirstCast(q, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at, castBy: userId });
  if ('receipt' in first) return { receipt: first.receipt, voterId: me.voterId, castAt: at, changed: true };
  const { existing } = first;
  if (existing.channel === 'paper') {
    throw conflict('paper_supersedes', 'A paper ballot was entered for this voter; it is the one that counts, and online casting is closed for them.');
  }
  if (existing.channel === 'meeting') {
    throw conflict('meeting_supersedes', 'This voter voted in the meeting room; that ballot counts, and online casting is closed for them.');
  }
  if (sameContent(existing.choice, choice) && sameProxy(existing.proxy, me.proxy)) {
    return { receipt: existing.receipt, voterId: me.voterId, castAt: existing.cast_at.toISOString(), changed: false };
  }
  if (!vote.allowChange) throw conflict('change_not_allowed', 'This vote does not allow changing a ballot once cast.');
  const receipt = await castNamed(q, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at, castBy: userId, supersededReceipt: null });
  return { receipt, voterId: me.voterId, castAt: at, changed: true };
}

/**
 * The voter the actor casts for: their own roll entry, or a principal who gave them an accepted
 * written proxy (then the ballot carries the proxy).
 */
function pickVoter(rows: CasterRow[], secret: Buffer, voteId: string, voterId?: string): { voterId: string; proxy: ProxyMark | null; agentUserId: string | null } {
  const own = rows.filter((r) => r.agent_user_id === null);
  const pick = voterId ? rows[0] : own.length === 1 ? own[0] : rows.length === 1 ? rows[0] : undefined;
  if (!pick) {
    if (rows.length > 1) {
      throw new DomainError('VALIDATION_FAILED', 'You may vote for more than one voter here: say which (voterId).', {
        fields: [{ field: 'voterId', reasons: ['isNotEmpty'], message: 'voterId is needed' }],
        voterIds: rows.map((r) => r.voter_id),
      });
    }
    throw notEligible();
  }
  // An agent off the roll (owners may authorise anyone) appears under a pseudonym of their account.
  const agent = pick.agent_user_id ? (pick.agent_voter_id ?? pseudonym(secret, voteId, 'agent', pick.agent_user_id)) : null;
  return { voterId: pick.voter_id, proxy: agent ? { agent, written: true } : null, agentUserId: pick.agent_user_id };
}

function notEligible(): DomainError {
  return forbidden('not_eligible', 'You are not on the electorate of this vote (it was frozen when voting opened), and hold no proxy for it.');
}
