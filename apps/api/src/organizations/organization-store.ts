import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * The organizations store: what other features read of the organization tree (`org_node`), on the
 * caller's transaction or connection.
 */

/** A node's name, if there is such a node. */
export async function nodeName(q: Queryable, nodeId: string): Promise<string | undefined> {
  const [node] = await queryOn(q)<{ name: string }>(`SELECT name FROM org_node WHERE id = $1`, [nodeId]);
  return node?.name;
}

/** A node's kind, if there is such a node. */
export async function nodeKind(q: Queryable, nodeId: string): Promise<string | undefined> {
  const [node] = await queryOn(q)<{ kind: string }>(`SELECT kind FROM org_node WHERE id = $1`, [nodeId]);
  return node?.kind;
}

/** A unit's name and its parent's (the community), if there is such a unit. */
export async function placeOf(q: Queryable, unitId: string): Promise<{ unit: string; community: string | null } | undefined> {
  const [place] = await queryOn(q)<{ unit: string; community: string | null }>(
    `SELECT u.name AS unit, p.name AS community FROM org_node u LEFT JOIN org_node p ON p.id = u.parent_id WHERE u.id = $1`,
    [unitId],
  );
  return place;
}
