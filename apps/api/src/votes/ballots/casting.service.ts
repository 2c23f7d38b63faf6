import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MOTION_CHOICES } from '@yishi/domain';
import type { Choice } from '@yishi/domain';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { AppSecret } from '../../config/app-secret';
import type { TxQuery } from '../../database/pooled';
import { onClient, pooledConnection } from '../../database/pooled';
import { APP_SECRET } from '../../config/app-secret';
import type { CastReceiptDto } from '../lifecycle/dto/vote.dto';
import { pseudonym } from '../lifecycle/electorate-snapshot';
import { Vote } from '../entities/vote.entity';
import { notFound } from '../lifecycle/votes.service';

export type Channel = 'online' | 'paper' | 'meeting';
export interface ProxyMark {
  agent: string;
  written: boolean;
}

export function newBallotId(): string {
  return `b-${randomBytes(6).toString('hex')}`;
}

/** A choice as the vote's question takes it, or null. */
export function parseChoice(vote: Pick<Vote, 'questionKind' | 'options'>, raw: string): Choice | null {
  if ((MOTION_CHOICES as readonly string[]).includes(raw)) {
    if (vote.questionKind === 'options' && raw !== 'abstain') return null;
    return raw as Choice;
  }
  if (vote.questionKind === 'options' && vote.options?.some((o) => o.id === raw)) return { option: raw };
  return null;
}

function conflict(reason: string, message: string): DomainError {
  return new DomainError('CONFLICT', message, { reason });
}

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
  async castOnline(actor: Actor, voteId: string, rawChoice: string, voterId?: string): Promise<CastReceiptDto> {
    const [client, release] = await pooledConnection(this.dataSource);
    return castOnConnection(client, release, this.secret.key, { userId: actor.id, voteId, rawChoice, voterId });
  }
}

/**
 * The cast transaction on a pooled connection, which it releases: the API's (castOnline) and the
 * benchmark's own. A connection that cannot even roll back is dropped from the pool, not reused.
 */
export async function castOnConnection(client: PoolClient, release: (error?: Error) => void, secret: Buffer, input: CastInput): Promise<CastReceiptDto> {
  const q = onClient(client);
  let broken: Error | undefined;
  try {
    await q('BEGIN');
    try {
      const receipt = await castTransaction(q, secret, input);
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

export interface CastInput {
  userId: string;
  voteId: string;
  rawChoice: string;
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
  const { userId, voteId, rawChoice, voterId } = input;
  const locked = await lockVoteAndFindCasters(q, voteId, userId, voterId);
  if (!locked) throw notFound(voteId);
  const { vote } = locked;
  const now = new Date();
  if (vote.status === 'scheduled' || now < vote.opens_at) throw conflict('not_open_yet', 'Voting has not opened yet.');
  if (vote.status !== 'open' || now >= vote.closes_at) throw conflict('closed', 'Voting has closed.');
  const choice = parseChoice(vote, rawChoice);
  if (!choice) {
    throw new DomainError('VALIDATION_FAILED', 'This is not one of the choices of the vote.', { fields: [{ field: 'choice', reasons: ['isIn'], message: 'choice is not offered' }] });
  }
  const me = pickVoter(locked.casters, secret, voteId, voterId);
  await lockVoter(q, voteId, me.voterId);
  if (me.agentUserId) {
    // Revoking a proxy takes this voter's lock too: under it, the proxy must still stand.
    const [standing] = await q(
      `SELECT 1 FROM proxy_authorization WHERE vote_id = $1 AND principal_voter_id = $2 AND agent_user_id = $3 AND status = 'accepted' AND revoked_at IS NULL`,
      [voteId, me.voterId, me.agentUserId],
    );
    if (!standing) throw notEligible();
  }
  const at = now.toISOString();
  if (vote.secrecy === 'secret') {
    const ballot = await castSecret(q, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at });
    return { receipt: ballot, voterId: me.voterId, castAt: at, changed: true };
  }
  const existing = await namedBallotOf(q, voteId, me.voterId);
  if (existing?.channel === 'paper') {
    throw conflict('paper_supersedes', 'A paper ballot was entered for this voter; it is the one that counts, and online casting is closed for them.');
  }
  if (existing && sameChoice(existing.choice, choice) && sameProxy(existing.proxy, me.proxy)) {
    return { receipt: existing.receipt, voterId: me.voterId, castAt: existing.cast_at.toISOString(), changed: false };
  }
  if (existing && !vote.allowChange) throw conflict('change_not_allowed', 'This vote does not allow changing a ballot once cast.');
  const receipt = await castNamed(q, { voteId, voterId: me.voterId, choice, channel: 'online', proxy: me.proxy, at, castBy: userId, supersededReceipt: null });
  return { receipt, voterId: me.voterId, castAt: at, changed: true };
}

interface CasterRow {
  voter_id: string;
  agent_voter_id: string | null;
  agent_user_id: string | null;
}

/**
 * Whom the account ($2) may cast for in the vote ($1), optionally only voter $3: its own roll
 * entries (by the account linked to them, owner_user_idx / member_user_idx), then into the frozen
 * electorate by its unique (vote, person) index, and the principals of its accepted proxies. The
 * electorate is looked up in a correlated subquery so that it is always that index probe: a join
 * would leave the choice to the planner, and with the statistics of a vote opened a moment ago it
 * may walk the whole electorate of a large compound instead (140 ms a cast at 20,000 flats).
 */
const CASTERS_SQL = `SELECT r.voter_id, NULL AS agent_voter_id, NULL::uuid AS agent_user_id
       FROM (SELECT (SELECT v.voter_id FROM vote_voter v WHERE v.vote_id = $1 AND v.person_type = 'owner' AND v.person_id = o.id) AS voter_id
               FROM owner o WHERE o.user_id = $2
             UNION ALL
             SELECT (SELECT v.voter_id FROM vote_voter v WHERE v.vote_id = $1 AND v.person_type = 'member' AND v.person_id = mb.id)
               FROM member mb WHERE mb.user_id = $2) r
      WHERE r.voter_id IS NOT NULL AND ($3::text IS NULL OR r.voter_id = $3)
     UNION ALL
     SELECT p.principal_voter_id, p.agent_voter_id, p.agent_user_id
       FROM proxy_authorization p
      WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL AND ($3::text IS NULL OR p.principal_voter_id = $3)`;

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
  return new DomainError('FORBIDDEN', 'You are not on the electorate of this vote (it was frozen when voting opened), and hold no proxy for it.', { reason: 'not_eligible' });
}

/**
 * The vote row held FOR KEY SHARE (as lockVoteForCast) and, in the same statement, whom the
 * account may cast for: one round trip instead of two on the hot path.
 */
async function lockVoteAndFindCasters(q: TxQuery, voteId: string, userId: string, voterId?: string): Promise<{ vote: CastVoteRow; casters: CasterRow[] } | undefined> {
  const [row] = await q<CastVoteRow & { casters: CasterRow[] }>(
    `SELECT id, status, secrecy, allow_change AS "allowChange", question_kind AS "questionKind", options, opens_at, closes_at,
            (SELECT coalesce(json_agg(c), '[]'::json) FROM (${CASTERS_SQL}) c) AS casters
       FROM vote WHERE id = $1 FOR KEY SHARE`,
    [voteId, userId, voterId ?? null],
  );
  if (!row) return undefined;
  const { casters, ...vote } = row;
  return { vote, casters };
}

/** An EntityManager's query as a TxQuery, for the shared cast statements below. */
export function txQuery(m: EntityManager): TxQuery {
  return (sql, params) => m.query(sql, params);
}

/** The vote row as a cast reads it. */
export type CastVoteRow = Pick<Vote, 'id' | 'status' | 'secrecy' | 'allowChange' | 'questionKind' | 'options'> & { opens_at: Date; closes_at: Date };

/**
 * Holds the vote row FOR KEY SHARE for the rest of the cast's transaction: the sealer's updates do
 * not disturb it, and the closer's FOR UPDATE waits until the cast has committed. Every write of a
 * ballot (online, paper, check-in) takes it first.
 */
export async function lockVoteForCast(q: TxQuery, voteId: string): Promise<CastVoteRow | undefined> {
  const [vote] = await q<CastVoteRow>(
    `SELECT id, status, secrecy, allow_change AS "allowChange", question_kind AS "questionKind", options, opens_at, closes_at FROM vote WHERE id = $1 FOR KEY SHARE`,
    [voteId],
  );
  return vote;
}

/** Serialises what is cast for one voter of a vote (never the whole vote): a retry never counts twice. */
export async function lockVoter(q: TxQuery, voteId: string, voterId: string): Promise<void> {
  await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${voteId}:${voterId}`]);
}

export interface NamedBallotRow {
  choice: Choice;
  channel: Channel;
  receipt: string;
  cast_at: Date;
  proxy: ProxyMark | null;
}

/** A named vote's counted ballot of one voter, if any (read under the voter's lock). */
export async function namedBallotOf(q: TxQuery, voteId: string, voterId: string): Promise<NamedBallotRow | undefined> {
  const [row] = await q<NamedBallotRow>(`SELECT choice, channel, receipt, cast_at, proxy FROM ballot WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return row;
}

/** Whether a secret vote's roll already marks the voter (read under the voter's lock). */
export async function isMarked(q: TxQuery, voteId: string, voterId: string): Promise<boolean> {
  const [marked] = await q(`SELECT 1 FROM vote_mark WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return !!marked;
}

export interface CastWrite {
  voteId: string;
  voterId: string;
  choice: Choice;
  channel: Channel;
  proxy: ProxyMark | null;
  /** When the ballot was cast (a paper ballot: when it came back), inside the voting period. */
  at: string;
}

/**
 * A named ballot: the voter's one counted ballot upserted (by primary key) and the cast appended
 * to the log the sealer chains. A paper ballot names the online receipt it superseded. Call under
 * lockVoteForCast and lockVoter. Returns the receipt.
 */
export async function castNamed(q: TxQuery, cast: CastWrite & { castBy: string | null; supersededReceipt: string | null }): Promise<string> {
  const receipt = newBallotId();
  const entry = { kind: 'cast', ballot: receipt, voter: cast.voterId, choice: cast.choice, channel: cast.channel, proxy: cast.proxy, at: cast.at };
  // One statement, one round trip: the counted ballot and the cast the sealer will chain.
  await q(
    `WITH counted AS (
       INSERT INTO ballot (vote_id, voter_id, choice, channel, proxy, receipt, cast_at, cast_by, casts, superseded_receipt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
       ON CONFLICT (vote_id, voter_id) DO UPDATE
         SET choice = EXCLUDED.choice, channel = EXCLUDED.channel, proxy = EXCLUDED.proxy, receipt = EXCLUDED.receipt,
             cast_at = EXCLUDED.cast_at, cast_by = EXCLUDED.cast_by, casts = ballot.casts + 1, superseded_receipt = EXCLUDED.superseded_receipt
       RETURNING vote_id)
     INSERT INTO vote_cast (vote_id, entry) SELECT vote_id, $10 FROM counted`,
    [cast.voteId, cast.voterId, JSON.stringify(cast.choice), cast.channel, cast.proxy ? JSON.stringify(cast.proxy) : null, receipt, cast.at, cast.castBy, cast.supersededReceipt, JSON.stringify(entry)],
  );
  return receipt;
}

/**
 * A secret ballot: refused if the voter is already marked (a secret ballot is final), else the
 * roll marked, the choice put in the intake the mixer empties into the box, and the mark appended
 * to the log. Call under lockVoteForCast and lockVoter. Returns the ballot id (the receipt in the box).
 */
export async function castSecret(q: TxQuery, cast: CastWrite): Promise<string> {
  if (await isMarked(q, cast.voteId, cast.voterId)) throw conflict('already_voted', 'A secret ballot, once cast, is final: this voter has already voted.');
  const ballot = newBallotId();
  await q(`INSERT INTO vote_mark (vote_id, voter_id, channel, proxy) VALUES ($1, $2, $3, $4)`, [cast.voteId, cast.voterId, cast.channel, cast.proxy ? JSON.stringify(cast.proxy) : null]);
  await q(`INSERT INTO vote_box_intake (vote_id, ballot_id, choice) VALUES ($1, $2, $3)`, [cast.voteId, ballot, JSON.stringify(cast.choice)]);
  await appendCast(q, cast.voteId, { kind: 'mark', voter: cast.voterId, channel: cast.channel, proxy: cast.proxy, at: cast.at });
  return ballot;
}

/** Appends an entry to the vote's cast log; the sealer gives it its place in the chain. */
export async function appendCast(q: TxQuery, voteId: string, entry: Record<string, unknown>): Promise<void> {
  await q(`INSERT INTO vote_cast (vote_id, entry) VALUES ($1, $2)`, [voteId, JSON.stringify(entry)]);
}

export function sameChoice(a: Choice, b: Choice): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.option === b.option;
}

export function sameProxy(a: ProxyMark | null, b: ProxyMark | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.agent === b.agent && a.written === b.written);
}
