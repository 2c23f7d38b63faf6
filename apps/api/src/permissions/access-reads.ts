import type { Grant } from '@yishi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionRow } from '../auth/session-store';
import { sessionByTokenHashSql } from '../auth/session-store';
import { pooledQuery } from '../database/pooled';
import type { AccessException, TargetKind } from './targets';
import { EXCEPTION_SQL, TARGET_RECORD, targetSql } from './targets';

/**
 * The permission guard's reads: a route's target with the ancestry of the nodes it belongs to and
 * the actor's grants reaching them, in one statement, and the declared exceptions (a voter on the
 * frozen electorate, an accepted proxy). They read across features by design: permission is the
 * tree (organizations), the grants (users) and what each kind of target hangs from.
 */

export interface TargetAccessRow {
  nodes: string[] | null;
  owner: string | null;
  draft: boolean;
  vote_id: string | null;
  author_id: string | null;
  ancestries: Record<string, string[]> | null;
  grants: Grant[];
  /** The row the target hangs from (TARGET_RECORD), when the read asked for it. */
  record?: Record<string, unknown> | null;
}

/**
 * The pieces of the statement that reads a target ($1, of kind `on`) with its access: the CTEs
 * `target` (the one resolver's row) and `up` (the ancestry each node it belongs to holds), and the
 * TargetAccessRow columns of target `t`, the grants being all those of the account `userIdSql` (a
 * query parameter or a column, never a value): every decision takes only the grants reaching the
 * node it is about (grantsReaching), and the request's later access reads are answered from them
 * (RequestAccess).
 */
function targetAccessSql(on: TargetKind, userIdSql: '$2' | 'se.user_id', withRecord = false): { ctes: string; columns: string } {
  const record = withRecord && TARGET_RECORD[on] ? 't.record, ' : '';
  return {
    ctes: `target AS (${targetSql(on, withRecord)}),
     up AS (
       SELECT n.id AS start, n.ancestry FROM org_node n WHERE n.id IN (SELECT unnest(t.nodes || t.owner) FROM target t)
     )`,
    columns: `${record}t.nodes, t.owner, t.draft, t.vote_id, t.author_id,
            (SELECT json_object_agg(up.start, up.ancestry) FROM up) AS ancestries,
            (SELECT coalesce(json_agg(json_build_object('role', g.role, 'nodeId', g.node_id, 'buildingId', g.building_id)), '[]'::json)
               FROM role_grant g WHERE g.user_id = ${userIdSql}) AS grants`,
  };
}

/** The target, the ancestry of each node it belongs to and the actor's grants on them; undefined when there is no such target. */
export async function targetWithAccess(m: EntityManager, on: TargetKind, id: string, userId: string): Promise<TargetAccessRow | undefined> {
  const { ctes, columns } = targetAccessSql(on, '$2');
  const [row] = await m.query<TargetAccessRow[]>(`WITH ${ctes} SELECT ${columns} FROM target t`, [id, userId]);
  return row;
}

/** A session with its account, and a route's target with its access for that account (null when there is no such target). */
export type SessionWithTarget = SessionRow & { target: TargetAccessRow | null };

/**
 * What the access guard needs for a `@Permission` route, in one round trip: the unrevoked session
 * with this token hash and its account (the auth store's lookup), and the target of kind `on` with
 * the ancestry of its nodes and that account's grants on them (as targetWithAccess). Undefined
 * when there is no such session. `withRecord` (for a read) also reads the row the target hangs
 * from (TARGET_RECORD). A prepared statement per kind of target, and per variant.
 */
export async function sessionWithTargetAccess(dataSource: DataSource, tokenHash: string, on: TargetKind, id: string, withRecord = false): Promise<SessionWithTarget | undefined> {
  const { ctes, columns } = targetAccessSql(on, 'se.user_id', withRecord);
  const [row] = await pooledQuery<SessionRow & TargetAccessRow & { target_found: boolean }>(
    dataSource,
    `WITH session AS (${sessionByTokenHashSql('$2')}),
     ${ctes}
     SELECT se.id, se.csrf_token, se.last_seen_at, se.expires_at, se.user_id, se.phone, se.display_name, se.disabled_at,
            t.found IS NOT NULL AS target_found, ${columns}
       FROM session se LEFT JOIN (SELECT true AS found, target.* FROM target) t ON true`,
    [id, tokenHash],
    `yishi-session-access-${on}${withRecord ? '-record' : ''}`,
  );
  if (!row) return undefined;
  const { nodes, owner, draft, vote_id, author_id, ancestries, grants, record, target_found, ...session } = row;
  return { ...session, target: target_found ? { nodes, owner, draft, vote_id, author_id, ancestries, grants, record } : null };
}

/** Whether the actor stands to the vote as the exception says (on its frozen electorate, or an accepted proxy). */
export async function exceptionHolds(m: EntityManager, exception: Exclude<AccessException, 'author'>, targetId: string, userId: string): Promise<boolean> {
  const [row] = await m.query<{ holds: boolean }[]>(EXCEPTION_SQL[exception], [targetId, userId]);
  return row?.holds === true;
}
