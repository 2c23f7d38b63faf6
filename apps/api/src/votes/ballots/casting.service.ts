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
 *
 * On a pipelining connection (the API's pool is one: data-source.ts) the cast takes two round
 * trips and two writes to the socket: BEGIN goes out together with the statement that locks the
 * vote and the voter, and COMMIT together with the cast's last statement (see CastStatements).
 * When that last statement finds the voter's ballot already cast (a retry, or a change), the
 * transaction has ended: the cast is decided again in a new one, under the voter's lock, with
 * COMMIT sent on its own.
 */
export async function castOnConnection(client: PoolClient, release: (error?: Error) => void, secret: Buffer, input: CastInput): Promise<CastReceiptDto> {
  const q = onClient(client);
  let broken: Error | undefined;
  const once = async (pipelined: boolean): Promise<CastReceiptDto | typeof DECIDE_AGAIN> => {
    let ended = false;
    try {
      const tx: CastStatements = pipelined ? pipelinedStatements(client, q, () => (ended = true), (error) => (broken = error)) : (await q('BEGIN'), { q, last: q, commitsWithLast: false });
      const receipt = tx.start ? await tx.start(() => castTransaction(tx, secret, input)) : await castTransaction(tx, secret, input);
      if (!ended) await q('COMMIT');
      return receipt;
    } catch (error) {
      if (!ended) {
        await q('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
      }
      throw error;
    }
  };
  try {
    const receipt = await once(!!client.pipeline);
    return receipt === DECIDE_AGAIN ? ((await once(false)) as CastReceiptDto) : receipt;
  } finally {
    release(broken);
  }
}

/** castTransaction's answer when its last statement ended the transaction without deciding the cast. */
const DECIDE_AGAIN = Symbol('decide the cast again in a transaction of its own');

/**
 * How the cast transaction sends its statements: `q` for any of them, `last` for the one after
 * which it writes nothing (when `commitsWithLast`, COMMIT goes right behind it and the transaction
 * has ended once it returns), and `start` to run the transaction's beginning (so that BEGIN and
 * the first statement leave in one write).
 */
export interface CastStatements {
  q: TxQuery;
  last: TxQuery;
  commitsWithLast: boolean;
  start?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** The socket of a `pg` client, to gather several messages into one write (pg's own Query.submit corks it the same way). */
function corkable(client: PoolClient): { cork(): void; uncork(): void } | undefined {
  const stream = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  return stream?.cork && stream.uncork ? (stream as { cork(): void; uncork(): void }) : undefined;
}

/**
 * The cast's statements on a pipelining connection, whose answers come back in order:
 * - BEGIN is sent at once, with the first statement behind it in the same write, without waiting
 *   for BEGIN's answer: the first statement's answer comes only once BEGIN has succeeded, or it
 *   fails with BEGIN's error, so nothing runs on past a transaction that did not begin;
 * - the last statement goes out with COMMIT behind it in one write. If the statement fails, the
 *   transaction is aborted and the COMMIT rolls it back; its error is the cast's. If COMMIT fails,
 *   nothing was kept, that is the cast's error, and the connection is dropped from the pool rather
 *   than reused. Both answers are awaited before the connection can go back to the pool.
 */
function pipelinedStatements(client: PoolClient, q: TxQuery, onEnd: () => void, onBroken: (error: Error) => void): CastStatements & { start: <T>(run: () => Promise<T>) => Promise<T> } {
  const stream = corkable(client);
  let begin: Promise<unknown> | null = null;
  const first: TxQuery = async <T>(sql: string, params?: unknown[], name?: string): Promise<T[]> => {
    const begun = begin;
    begin = null;
    if (!begun) return q<T>(sql, params, name);
    const [, rows] = await Promise.all([begun, q<T>(sql, params, name)]);
    return rows;
  };
  const last: TxQuery = async <T>(sql: string, params?: unknown[], name?: string): Promise<T[]> => {
    onEnd();
    let rows: Promise<T[]>;
    let commit: Promise<unknown>;
    stream?.cork();
    try {
      rows = first<T>(sql, params, name);
      commit = q('COMMIT');
    } finally {
      stream?.uncork();
    }
    const [sent, committed] = await Promise.allSettled([rows, commit]);
    if (committed.status === 'rejected') {
      // A COMMIT that fails leaves the connection in doubt (it may have died): it is not reused.
      onBroken(committed.reason instanceof Error ? committed.reason : new Error(String(committed.reason)));
      throw sent.status === 'rejected' ? sent.reason : committed.reason;
    }
    if (sent.status === 'rejected') throw sent.reason;
    return sent.value;
  };
  return {
    q: first,
    last,
    commitsWithLast: true,
    start: <T>(run: () => Promise<T>): Promise<T> => {
      // The transaction's first statement is sent synchronously by `run`, before its first await.
      stream?.cork();
      try {
        begin = q('BEGIN');
        // Failing, it fails the first statement (above): not an unhandled rejection meanwhile.
        begin.catch(() => undefined);
        return run();
      } finally {
        stream?.uncork();
      }
    },
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
 * The cast transaction itself, inside a transaction the caller opened (castOnConnection): the API
 * runs it on a connection of its pool, `npm run bench:cast` runs the very same code on a pool of
 * its own to measure what the HTTP layer costs on top. Its last statement goes through `tx.last`;
 * when that ends the transaction (`commitsWithLast`) and finds a ballot already cast, it answers
 * DECIDE_AGAIN and the caller runs it again in a transaction it ends itself.
 *
 * The cast's time is taken once the vote row is held (FOR KEY SHARE) and checked against the
 * closing time: the closer's FOR UPDATE waits for this transaction, so a cast accepted here is in
 * the count, and its `at` is never after `closesAt` (the recount refuses a line that is).
 */
export async function castTransaction(tx: CastStatements, secret: Buffer, input: CastInput): Promise<CastReceiptDto | typeof DECIDE_AGAIN> {
  const { q, last } = tx;
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
    const ballot = await castSecret(last, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at });
    return { receipt: ballot, voterId: me.voterId, castAt: at, changed: true };
  }
  // A first ballot is written with the read that finds none; any other is decided on below.
  const first = await namedBallotOrFirstCast(last, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at, castBy: userId });
  if ('receipt' in first) return { receipt: first.receipt, voterId: me.voterId, castAt: at, changed: true };
  // The transaction ended with that statement: what to do with the ballot there is decided under a lock held anew.
  if (tx.commitsWithLast) return DECIDE_AGAIN;
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
