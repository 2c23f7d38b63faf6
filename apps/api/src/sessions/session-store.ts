import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import type { SessionKind } from '@yishi/domain';
import type { SessionInvite, SessionStatus } from './entities/discussion-session.entity';

/** The sessions store: statements on `discussion_session`, `session_unit` and `session_attendance`. */

export interface SessionRow {
  id: string;
  node_id: string;
  node_name: string;
  kind: SessionKind;
  title: string;
  place: string;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  announced_at: Date | null;
  notice_ends_at: Date | null;
  created_by: string;
  invite: SessionInvite;
  units: { id: string; name: string }[];
}

const SESSION_SELECT = `SELECT s.id, s.node_id, n.name AS node_name, s.kind, s.title, s.place, s.starts_at, s.ends_at, s.status, s.announced_at, s.notice_ends_at, s.created_by, s.invite,
       (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]'::json)
          FROM session_unit su JOIN org_node u ON u.id = su.unit_id WHERE su.session_id = s.id) AS units
  FROM discussion_session s JOIN org_node n ON n.id = s.node_id`;

/** A session with its node's name and its invited units. */
export async function sessionRow(q: Queryable, sessionId: string, lock = false): Promise<SessionRow | undefined> {
  if (lock) await queryOn(q)(`SELECT id FROM discussion_session WHERE id = $1 FOR UPDATE`, [sessionId]);
  const [row] = await queryOn(q)<SessionRow>(`${SESSION_SELECT} WHERE s.id = $1`, [sessionId]);
  return row;
}

/** The sessions held by a node or inviting it (a joint meeting appears in each member unit), soonest last; drafts only for those who run them. */
export function sessionsOf(q: Queryable, nodeId: string, withDrafts: boolean): Promise<SessionRow[]> {
  return queryOn(q)<SessionRow>(
    `${SESSION_SELECT}
      WHERE (s.node_id = $1 OR EXISTS (SELECT 1 FROM session_unit su WHERE su.session_id = s.id AND su.unit_id = $1))
        AND ($2 OR s.status <> 'draft')
      ORDER BY s.starts_at DESC, s.id
      LIMIT 200`,
    [nodeId, withDrafts],
  );
}

/** Invites the units' rolls. */
export async function inviteUnits(q: Queryable, sessionId: string, unitIds: readonly string[]): Promise<void> {
  await queryOn(q)(`INSERT INTO session_unit (session_id, unit_id) SELECT $1, unnest($2::uuid[])`, [sessionId, unitIds]);
}

/** Puts a draft's notice up; false when the session was no draft any more. */
export async function announce(q: Queryable, sessionId: string, at: Date, noticeEndsAt: Date): Promise<boolean> {
  // UPDATE … RETURNING inside a CTE: TypeORM answers a bare UPDATE with [rows, count].
  const rows = await queryOn(q)<{ id: string }>(
    `WITH done AS (UPDATE discussion_session SET status = 'announced', announced_at = $2, notice_ends_at = $3 WHERE id = $1 AND status = 'draft' RETURNING id)
     SELECT id FROM done`,
    [sessionId, at, noticeEndsAt],
  );
  return rows.length === 1;
}

export interface AttendanceRow {
  unit_id: string;
  person_type: 'owner' | 'member';
  person_id: string;
  method: 'desk' | 'phone';
  checked_in_at: Date;
  left_at: Date | null;
}

/** Everyone checked in at a session, in order of arrival. */
export function attendanceOf(q: Queryable, sessionId: string): Promise<AttendanceRow[]> {
  return queryOn(q)<AttendanceRow>(
    `SELECT unit_id, person_type, person_id, method, checked_in_at, left_at FROM session_attendance WHERE session_id = $1 ORDER BY checked_in_at, id`,
    [sessionId],
  );
}

/** A person's check-in at a session, if they checked in. */
async function arrivalOf(q: Queryable, sessionId: string, personType: 'owner' | 'member', personId: string): Promise<AttendanceRow | undefined> {
  const [row] = await queryOn(q)<AttendanceRow>(
    `SELECT unit_id, person_type, person_id, method, checked_in_at, left_at FROM session_attendance WHERE session_id = $1 AND person_type = $2 AND person_id = $3`,
    [sessionId, personType, personId],
  );
  return row;
}

/** Checks a person in; the existing check-in instead when they already are. */
export async function checkIn(
  q: Queryable,
  entry: { sessionId: string; unitId: string; personType: 'owner' | 'member'; personId: string; method: 'desk' | 'phone'; by: string },
): Promise<{ fresh: boolean; row: AttendanceRow }> {
  const [inserted] = await queryOn(q)<AttendanceRow>(
    `INSERT INTO session_attendance (session_id, unit_id, person_type, person_id, method, checked_in_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_id, person_type, person_id) DO NOTHING
     RETURNING unit_id, person_type, person_id, method, checked_in_at, left_at`,
    [entry.sessionId, entry.unitId, entry.personType, entry.personId, entry.method, entry.by],
  );
  if (inserted) return { fresh: true, row: inserted };
  return { fresh: false, row: (await arrivalOf(q, entry.sessionId, entry.personType, entry.personId))! };
}

/** Records that a person checked in has left; the row as it is now, or undefined when they never checked in. */
export async function recordDeparture(q: Queryable, sessionId: string, personType: 'owner' | 'member', personId: string): Promise<{ left: boolean; row: AttendanceRow } | undefined> {
  const [updated] = await queryOn(q)<AttendanceRow>(
    `WITH done AS (UPDATE session_attendance SET left_at = now() WHERE session_id = $1 AND person_type = $2 AND person_id = $3 AND left_at IS NULL
                   RETURNING unit_id, person_type, person_id, method, checked_in_at, left_at)
     SELECT * FROM done`,
    [sessionId, personType, personId],
  );
  if (updated) return { left: true, row: updated };
  const existing = await arrivalOf(q, sessionId, personType, personId);
  return existing ? { left: false, row: existing } : undefined;
}

export interface AgendaRow {
  id: string;
  position: number;
  kind: 'topic' | 'draft' | 'vote' | 'free';
  topic_id: string | null;
  version_id: string | null;
  vote_id: string | null;
  title: string;
  urgent_reason: string | null;
  deferred_at: Date | null;
  deferred_reason: string | null;
}

/** A session's agenda in its order. */
export function agendaOf(q: Queryable, sessionId: string): Promise<AgendaRow[]> {
  return queryOn(q)<AgendaRow>(
    `SELECT id, position, kind, topic_id, version_id, vote_id, title, urgent_reason, deferred_at, deferred_reason
       FROM session_agenda_item WHERE session_id = $1 ORDER BY position, created_at, id`,
    [sessionId],
  );
}

/** Puts the items in the order given (positions 1…n). */
export async function reorderAgenda(q: Queryable, sessionId: string, itemIds: readonly string[]): Promise<void> {
  await queryOn(q)(
    `UPDATE session_agenda_item a SET position = o.position
       FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE a.id = o.id AND a.session_id = $1`,
    [sessionId, itemIds],
  );
}

/** Defers an item (kept on the agenda, marked deferred with why); false when it was already deferred. */
export async function deferItem(q: Queryable, sessionId: string, itemId: string, reason: string): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `WITH done AS (UPDATE session_agenda_item SET deferred_at = now(), deferred_reason = $3 WHERE id = $2 AND session_id = $1 AND deferred_at IS NULL RETURNING id)
     SELECT id FROM done`,
    [sessionId, itemId, reason],
  );
  return rows.length === 1;
}

export interface ProxyRow {
  principal_type: 'owner' | 'member';
  principal_id: string;
  agent_type: 'owner' | 'member' | 'guest';
  agent_id: string;
  written: boolean;
  recorded_at: Date;
}

/** The written proxies recorded at a session's door, in the order they were recorded. */
export function proxiesOf(q: Queryable, sessionId: string): Promise<ProxyRow[]> {
  return queryOn(q)<ProxyRow>(
    `SELECT principal_type, principal_id, agent_type, agent_id, written, recorded_at FROM session_proxy WHERE session_id = $1 ORDER BY recorded_at, id`,
    [sessionId],
  );
}

/** Records a proxy; false when the principal already has one at this session. */
export async function insertProxy(
  q: Queryable,
  proxy: { sessionId: string; principalType: 'owner' | 'member'; principalId: string; agentType: 'owner' | 'member' | 'guest'; agentId: string; written: boolean; by: string },
): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `INSERT INTO session_proxy (session_id, principal_type, principal_id, agent_type, agent_id, written, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (session_id, principal_type, principal_id) DO NOTHING RETURNING id`,
    [proxy.sessionId, proxy.principalType, proxy.principalId, proxy.agentType, proxy.agentId, proxy.written, proxy.by],
  );
  return rows.length === 1;
}

/**
 * Announces a change of a session on `channel`, on the caller's transaction: PostgreSQL delivers it
 * to every listening connection once the transaction commits (never if it rolls back).
 */
export async function notifySessionChange(q: Queryable, channel: string, payload: { sessionId: string; change: string }): Promise<void> {
  await queryOn(q)(`SELECT pg_notify($1, $2)`, [channel, JSON.stringify(payload)]);
}

export interface ShorteningRow {
  id: string;
  reason: string;
  requested_by: string;
  requester: string;
  requested_at: Date;
  status: 'pending' | 'approved' | 'refused';
  decider: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

/** A session's latest request to shorten its notice. */
export async function latestShortening(q: Queryable, sessionId: string): Promise<ShorteningRow | undefined> {
  const [row] = await queryOn(q)<ShorteningRow>(
    `SELECT s.id, s.reason, s.requested_by, r.display_name AS requester, s.requested_at, s.status, d.display_name AS decider, s.decided_at, s.decision_note
       FROM session_shortening s JOIN app_user r ON r.id = s.requested_by LEFT JOIN app_user d ON d.id = s.decided_by
      WHERE s.session_id = $1 ORDER BY s.requested_at DESC, s.id DESC LIMIT 1`,
    [sessionId],
  );
  return row;
}

export async function insertShortening(q: Queryable, sessionId: string, reason: string, by: string): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `INSERT INTO session_shortening (session_id, reason, requested_by) VALUES ($1, $2, $3) ON CONFLICT (session_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
    [sessionId, reason, by],
  );
  return rows.length === 1;
}

export async function decideShortening(
  q: Queryable,
  shorteningId: string,
  decision: { status: 'approved' | 'refused'; by: string; note: string; role: 'staff' | 'admin'; nodeId: string },
): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `WITH done AS (UPDATE session_shortening SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, decider_role = $5, decider_node_id = $6
                    WHERE id = $1 AND status = 'pending' RETURNING id) SELECT id FROM done`,
    [shorteningId, decision.status, decision.by, decision.note, decision.role, decision.nodeId],
  );
  return rows.length === 1;
}
