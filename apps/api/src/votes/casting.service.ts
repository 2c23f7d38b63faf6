import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MOTION_CHOICES } from '@yishi/domain';
import type { Choice } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import type { CastReceiptDto } from './dto/vote.dto';
import { pseudonym } from './electorate-snapshot';
import { Vote } from './entities/vote.entity';
import { notFound } from './votes.service';

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

  async castOnline(actor: Actor, voteId: string, rawChoice: string, voterId?: string): Promise<CastReceiptDto> {
    return this.dataSource.transaction(async (m) => {
      const [vote] = await m.query<Pick<Vote, 'id' | 'status' | 'secrecy' | 'allowChange' | 'questionKind' | 'options'>[] & { opens_at: Date; closes_at: Date }[]>(
        `SELECT id, status, secrecy, allow_change AS "allowChange", question_kind AS "questionKind", options, opens_at, closes_at FROM vote WHERE id = $1 FOR KEY SHARE`,
        [voteId],
      );
      if (!vote) throw notFound(voteId);
      const now = Date.now();
      if (vote.status === 'scheduled' || now < vote.opens_at.getTime()) throw conflict('not_open_yet', 'Voting has not opened yet.');
      if (vote.status !== 'open' || now >= vote.closes_at.getTime()) throw conflict('closed', 'Voting has closed.');
      const choice = parseChoice(vote, rawChoice);
      if (!choice) {
        throw new DomainError('VALIDATION_FAILED', 'This is not one of the choices of the vote.', { fields: [{ field: 'choice', reasons: ['isIn'], message: 'choice is not offered' }] });
      }
      const me = await this.resolveVoter(m, voteId, actor.id, voterId);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${voteId}:${me.voterId}`]);
      const at = new Date().toISOString();
      if (vote.secrecy === 'secret') {
        const [marked] = await m.query<unknown[]>(`SELECT 1 FROM vote_mark WHERE vote_id = $1 AND voter_id = $2`, [voteId, me.voterId]);
        if (marked) throw conflict('already_voted', 'A secret ballot, once cast, is final: this voter has already voted.');
        const ballot = newBallotId();
        await m.query(`INSERT INTO vote_mark (vote_id, voter_id, channel, proxy) VALUES ($1, $2, 'online', $3)`, [voteId, me.voterId, me.proxy ? JSON.stringify(me.proxy) : null]);
        await m.query(`INSERT INTO vote_box_intake (vote_id, ballot_id, choice) VALUES ($1, $2, $3)`, [voteId, ballot, JSON.stringify(choice)]);
        await appendCast(m, voteId, { kind: 'mark', voter: me.voterId, channel: 'online', proxy: me.proxy, at });
        return { receipt: ballot, voterId: me.voterId, castAt: at, changed: true };
      }
      const [existing] = await m.query<{ choice: Choice; channel: Channel; receipt: string; cast_at: Date; proxy: ProxyMark | null }[]>(
        `SELECT choice, channel, receipt, cast_at, proxy FROM ballot WHERE vote_id = $1 AND voter_id = $2`,
        [voteId, me.voterId],
      );
      if (existing?.channel === 'paper') {
        throw conflict('paper_supersedes', 'A paper ballot was entered for this voter; it is the one that counts, and online casting is closed for them.');
      }
      if (existing && sameChoice(existing.choice, choice) && sameProxy(existing.proxy, me.proxy)) {
        return { receipt: existing.receipt, voterId: me.voterId, castAt: existing.cast_at.toISOString(), changed: false };
      }
      if (existing && !vote.allowChange) throw conflict('change_not_allowed', 'This vote does not allow changing a ballot once cast.');
      const receipt = newBallotId();
      await m.query(
        `INSERT INTO ballot (vote_id, voter_id, choice, channel, proxy, receipt, cast_at, cast_by, casts)
         VALUES ($1, $2, $3, 'online', $4, $5, $6, $7, 1)
         ON CONFLICT (vote_id, voter_id) DO UPDATE
           SET choice = EXCLUDED.choice, channel = 'online', proxy = EXCLUDED.proxy, receipt = EXCLUDED.receipt,
               cast_at = EXCLUDED.cast_at, cast_by = EXCLUDED.cast_by, casts = ballot.casts + 1`,
        [voteId, me.voterId, JSON.stringify(choice), me.proxy ? JSON.stringify(me.proxy) : null, receipt, at, actor.id],
      );
      await appendCast(m, voteId, { kind: 'cast', ballot: receipt, voter: me.voterId, choice, channel: 'online', proxy: me.proxy, at });
      return { receipt, voterId: me.voterId, castAt: at, changed: true };
    });
  }

  /**
   * The voter the actor casts for: their own roll entry (by the account linked to it), or a
   * principal who gave them an accepted written proxy (then the ballot carries the proxy).
   */
  private async resolveVoter(m: EntityManager, voteId: string, userId: string, voterId?: string): Promise<{ voterId: string; proxy: ProxyMark | null }> {
    const rows = await m.query<{ voter_id: string; agent_voter_id: string | null; agent_user_id: string | null }[]>(
      `SELECT v.voter_id, NULL AS agent_voter_id, NULL::uuid AS agent_user_id
         FROM vote_voter v
         LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
         LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
        WHERE v.vote_id = $1 AND coalesce(o.user_id, mb.user_id) = $2 AND ($3::text IS NULL OR v.voter_id = $3)
       UNION ALL
       SELECT p.principal_voter_id, p.agent_voter_id, p.agent_user_id
         FROM proxy_authorization p
        WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL AND ($3::text IS NULL OR p.principal_voter_id = $3)`,
      [voteId, userId, voterId ?? null],
    );
    const own = rows.filter((r) => r.agent_user_id === null);
    const pick = voterId ? rows[0] : own.length === 1 ? own[0] : rows.length === 1 ? rows[0] : undefined;
    if (!pick) {
      if (rows.length > 1) {
        throw new DomainError('VALIDATION_FAILED', 'You may vote for more than one voter here: say which (voterId).', {
          fields: [{ field: 'voterId', reasons: ['isNotEmpty'], message: 'voterId is needed' }],
          voterIds: rows.map((r) => r.voter_id),
        });
      }
      throw new DomainError('FORBIDDEN', 'You are not on the electorate of this vote (it was frozen when voting opened), and hold no proxy for it.', { reason: 'not_eligible' });
    }
    // An agent off the roll (owners may authorise anyone) appears under a pseudonym of their account.
    const agent = pick.agent_user_id ? (pick.agent_voter_id ?? pseudonym(this.secret.key, voteId, 'agent', pick.agent_user_id)) : null;
    return { voterId: pick.voter_id, proxy: agent ? { agent, written: true } : null };
  }
}

/** Appends an entry to the vote's cast log; the sealer gives it its place in the chain. */
export async function appendCast(m: EntityManager, voteId: string, entry: Record<string, unknown>): Promise<void> {
  await m.query(`INSERT INTO vote_cast (vote_id, entry) VALUES ($1, $2)`, [voteId, JSON.stringify(entry)]);
}

function sameChoice(a: Choice, b: Choice): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.option === b.option;
}

function sameProxy(a: ProxyMark | null, b: ProxyMark | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.agent === b.agent && a.written === b.written);
}
