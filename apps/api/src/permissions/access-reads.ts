import type { Grant } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import type { AccessException, TargetKind } from './targets';
import { EXCEPTION_SQL, TARGET_SQL } from './targets';

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
}

/** The target, the ancestry of each node it belongs to and the actor's grants on them; undefined when there is no such target. */
export async function targetWithAccess(m: EntityManager, on: TargetKind, id: string, userId: string): Promise<TargetAccessRow | undefined> {
  const [row] = await m.query<TargetAccessRow[]>(
    `WITH RECURSIVE target AS (${TARGET_SQL[on]}),
     up AS (
       SELECT s.id AS start, n.id, n.parent_id, 0 AS depth
         FROM target t CROSS JOIN LATERAL unnest(t.nodes || t.owner) AS s(id) JOIN org_node n ON n.id = s.id
       UNION ALL
       SELECT up.start, n.id, n.parent_id, up.depth + 1 FROM up JOIN org_node n ON n.id = up.parent_id
     )
     SELECT t.nodes, t.owner, t.draft, t.vote_id, t.author_id,
            (SELECT json_object_agg(a.start, a.ancestry) FROM (SELECT start, array_agg(id ORDER BY depth) AS ancestry FROM up GROUP BY start) a) AS ancestries,
            (SELECT coalesce(json_agg(json_build_object('role', g.role, 'nodeId', g.node_id, 'buildingId', g.building_id)), '[]'::json)
               FROM role_grant g WHERE g.user_id = $2 AND g.node_id IN (SELECT id FROM up)) AS grants
       FROM target t`,
    [id, userId],
  );
  return row;
}

/** Whether the actor stands to the vote as the exception says (on its frozen electorate, or an accepted proxy). */
export async function exceptionHolds(m: EntityManager, exception: Exclude<AccessException, 'author'>, targetId: string, userId: string): Promise<boolean> {
  const [row] = await m.query<{ holds: boolean }[]>(EXCEPTION_SQL[exception], [targetId, userId]);
  return row?.holds === true;
}
