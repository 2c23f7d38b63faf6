import type { EntityManager } from 'typeorm';
import type { DeepPartial } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { VoteShortening } from '../entities/vote.entity';
import type { Vote } from '../entities/vote.entity';

/**
 * The shortening store: statements about `vote_shortening` — requests to shorten a vote's notice
 * or window, their decisions, and the view of them with the names of who asked and who decided.
 * Functions run on the caller's EntityManager.
 */

export interface ShorteningRow {
  id: string;
  vote_id: string;
  status: 'pending' | 'approved' | 'refused';
  shortens_notice: boolean;
  shortens_window: boolean;
  reason: string;
  requester: string;
  requested_at: Date;
  opens_at: Date;
  closes_at: Date;
  notice_ends_at: Date;
  decider: string | null;
  decider_role: 'staff' | 'admin' | null;
  decider_node: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

const VIEW_COLUMNS = `s.id, s.vote_id, s.status, s.shortens_notice, s.shortens_window, s.reason, r.display_name AS requester, s.requested_at,
         s.opens_at, s.closes_at, s.notice_ends_at, d.display_name AS decider, s.decider_role, n.name AS decider_node, s.decided_at, s.decision_note`;
const VIEW_JOINS = `JOIN app_user r ON r.id = s.requested_by
    LEFT JOIN app_user d ON d.id = s.decided_by
    LEFT JOIN org_node n ON n.id = s.decider_node_id`;
const SELECT_VIEW = `SELECT ${VIEW_COLUMNS} FROM vote_shortening s ${VIEW_JOINS}`;

/** Whether a request of the vote waits for a decision. */
export async function hasPendingShortening(m: EntityManager, voteId: string): Promise<boolean> {
  const [pending] = await m.query<unknown[]>(`SELECT 1 FROM vote_shortening WHERE vote_id = $1 AND status = 'pending'`, [voteId]);
  return !!pending;
}

export function insertShortening(m: EntityManager, shortening: DeepPartial<VoteShortening>): Promise<VoteShortening> {
  return m.getRepository(VoteShortening).save(shortening);
}

/** A request, held FOR UPDATE for the rest of the transaction. */
export function lockShortening(m: EntityManager, shorteningId: string): Promise<VoteShortening | null> {
  return m.getRepository(VoteShortening).findOne({ where: { id: shorteningId }, lock: { mode: 'pessimistic_write' } });
}

export async function updateShortening(m: EntityManager, shorteningId: string, patch: QueryDeepPartialEntity<VoteShortening>): Promise<void> {
  await m.getRepository(VoteShortening).update({ id: shorteningId }, patch);
}

export type PendingShorteningRow = ShorteningRow & { title: string; unit_id: string; unit_name: string; rule_set: Vote['ruleSet']; announced_at: Date; created_by: string; requested_by: string };

/** Pending requests of scheduled votes of the units under the node, with their votes, oldest first. */
export function pendingShorteningsUnder(m: EntityManager, nodeId: string): Promise<PendingShorteningRow[]> {
  return m.query<PendingShorteningRow[]>(
    `WITH RECURSIVE below AS (
       SELECT id FROM org_node WHERE id = $1
       UNION ALL
       SELECT n.id FROM org_node n JOIN below b ON n.parent_id = b.id
     )
     SELECT v.title, v.unit_id, u.name AS unit_name, v.rule_set, v.created_at AS announced_at, v.created_by, s.requested_by, ${VIEW_COLUMNS}
       FROM vote_shortening s JOIN vote v ON v.id = s.vote_id JOIN org_node u ON u.id = v.unit_id ${VIEW_JOINS}
      WHERE s.status = 'pending' AND v.status = 'scheduled' AND v.unit_id IN (SELECT id FROM below)
      ORDER BY s.requested_at, s.id`,
    [nodeId],
  );
}

/** Whether this person asked for the request. */
export async function isRequestedBy(m: EntityManager, shorteningId: string, userId: string): Promise<boolean> {
  const [row] = await m.query<unknown[]>(`SELECT 1 FROM vote_shortening WHERE id = $1 AND requested_by = $2`, [shorteningId, userId]);
  return !!row;
}

export async function shorteningRow(m: EntityManager, id: string): Promise<ShorteningRow | undefined> {
  const [row] = await m.query<ShorteningRow[]>(`${SELECT_VIEW} WHERE s.id = $1`, [id]);
  return row;
}

/** The latest request of a vote, or its latest approved one. */
export async function latestShorteningRow(m: EntityManager, voteId: string, approvedOnly: boolean): Promise<ShorteningRow | undefined> {
  const [row] = await m.query<ShorteningRow[]>(`${SELECT_VIEW} WHERE s.vote_id = $1 ${approvedOnly ? `AND s.status = 'approved'` : ''} ORDER BY s.requested_at DESC, s.id DESC LIMIT 1`, [voteId]);
  return row;
}

/** The latest approved request whose opening time has come. */
export async function approvedShorteningRow(m: EntityManager, voteId: string, now: Date): Promise<ShorteningRow | undefined> {
  const [row] = await m.query<ShorteningRow[]>(`${SELECT_VIEW} WHERE s.vote_id = $1 AND s.status = 'approved' AND s.opens_at <= $2 ORDER BY s.decided_at DESC LIMIT 1`, [voteId, now]);
  return row;
}
