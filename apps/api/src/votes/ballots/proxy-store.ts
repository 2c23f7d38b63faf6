import type { RejectionReason } from '@yishi/domain';
import type { TxQuery } from '../../database/pooled';

/**
 * The proxy store: every statement about `proxy_authorization` — recording and revoking a written
 * authorisation, the cap an agent may hold, and the proxy list. Statements run on the caller's
 * transaction or connection (a TxQuery, see txQuery).
 */

export interface ProxyRow {
  id: string;
  principal_voter_id: string;
  principal_name: string;
  agent_voter_id: string | null;
  agent_user_id: string | null;
  agent_name: string;
  written: boolean;
  scan_file_id: string | null;
  status: 'accepted' | 'rejected';
  rejection_reason: RejectionReason | null;
  recorded_by_name: string;
  recorded_at: Date;
  revoked_at: Date | null;
}

export interface ProxyAuthorizationRow {
  id: string;
  principal_voter_id: string;
  agent_voter_id: string | null;
  agent_user_id: string | null;
  agent_name: string;
  written: boolean;
  status: string;
  revoked_at: Date | null;
}

/** One proxy of the vote, if there is such. */
export async function proxyOfVote(q: TxQuery, voteId: string, proxyId: string): Promise<ProxyAuthorizationRow | undefined> {
  const [p] = await q<ProxyAuthorizationRow>(
    `SELECT id, principal_voter_id, agent_voter_id, agent_user_id, agent_name, written, status, revoked_at FROM proxy_authorization WHERE id = $1 AND vote_id = $2`,
    [proxyId, voteId],
  );
  return p;
}

/** The voter's accepted, unrevoked proxy, if any (read under the voter's lock). */
export async function liveProxyOf(q: TxQuery, voteId: string, principalVoterId: string): Promise<{ id: string } | undefined> {
  const [live] = await q<{ id: string }>(`SELECT id FROM proxy_authorization WHERE vote_id = $1 AND principal_voter_id = $2 AND status = 'accepted' AND revoked_at IS NULL`, [voteId, principalVoterId]);
  return live;
}

/** Serialises counting and recording an agent's proxies (the cap). */
export async function lockAgent(q: TxQuery, voteId: string, agent: string): Promise<void> {
  await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`proxy-agent:${voteId}:${agent}`]);
}

/** How many accepted, unrevoked proxies the agent holds: by their voter id, else by their account. */
export async function proxiesHeldBy(q: TxQuery, voteId: string, agentVoterId: string | null, agentUserId: string | null): Promise<number> {
  const [{ n }] = (await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM proxy_authorization
      WHERE vote_id = $1 AND status = 'accepted' AND revoked_at IS NULL
        AND (($2::text IS NOT NULL AND agent_voter_id = $2) OR ($2::text IS NULL AND $3::uuid IS NOT NULL AND agent_voter_id IS NULL AND agent_user_id = $3))`,
    [voteId, agentVoterId, agentUserId],
  )) as [{ n: number }];
  return n;
}

export interface ProxyInsert {
  id: string;
  voteId: string;
  principalVoterId: string;
  agentVoterId: string | null;
  agentUserId: string | null;
  agentName: string | null;
  written: boolean;
  scanFileId: string | null;
  status: 'accepted' | 'rejected';
  rejectionReason: RejectionReason | null;
  recordedBy: string;
}

export async function insertProxy(q: TxQuery, p: ProxyInsert): Promise<void> {
  await q(
    `INSERT INTO proxy_authorization (id, vote_id, principal_voter_id, agent_voter_id, agent_user_id, agent_name, written, scan_file_id, status, rejection_reason, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.voteId, p.principalVoterId, p.agentVoterId, p.agentUserId, p.agentName, p.written, p.scanFileId, p.status, p.rejectionReason, p.recordedBy],
  );
}

export async function revokeProxy(q: TxQuery, proxyId: string): Promise<void> {
  await q(`UPDATE proxy_authorization SET revoked_at = now() WHERE id = $1`, [proxyId]);
}

/** The proxy's scan, if the proxy exists and has one. */
export async function proxyScanId(q: TxQuery, voteId: string, proxyId: string): Promise<string | null> {
  const [p] = await q<{ scan_file_id: string | null }>(`SELECT scan_file_id FROM proxy_authorization WHERE id = $1 AND vote_id = $2`, [proxyId, voteId]);
  return p?.scan_file_id ?? null;
}

/** The vote's proxy list (or one proxy of it), with the principal's name and who recorded it, in the order recorded. */
export function proxyList(q: TxQuery, voteId: string, proxyId?: string): Promise<ProxyRow[]> {
  return q<ProxyRow>(
    `SELECT p.id, p.principal_voter_id, v.name AS principal_name, p.agent_voter_id, p.agent_user_id, p.agent_name, p.written, p.scan_file_id, p.status,
            p.rejection_reason, u.display_name AS recorded_by_name, p.recorded_at, p.revoked_at
       FROM proxy_authorization p
       JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.principal_voter_id
       JOIN app_user u ON u.id = p.recorded_by
      WHERE p.vote_id = $1 AND ($2::uuid IS NULL OR p.id = $2)
      ORDER BY p.recorded_at, p.id`,
    [voteId, proxyId ?? null],
  );
}
