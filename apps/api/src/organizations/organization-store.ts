import type { OrgNodeKind } from '@yishi/contracts';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * The organizations store: what other features read of the organization tree (`org_node`), on the
 * caller's transaction or connection.
 */

/** Every node of the tree, with what the tree page shows of it and its parent (in no order). */
export function treeNodes(q: Queryable): Promise<{ id: string; parent_id: string | null; kind: OrgNodeKind; code: string; name: string }[]> {
  return queryOn(q)(`SELECT id, parent_id, kind, code, name FROM org_node`);
}

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

/** Each of the nodes with its kind and whether it lies under `ancestorId` (or is it); unknown ids are left out. */
export function nodesUnder(q: Queryable, nodeIds: string[], ancestorId: string): Promise<{ id: string; kind: string; under: boolean }[]> {
  return queryOn(q)<{ id: string; kind: string; under: boolean }>(
    `SELECT n.id, n.kind, $2::uuid = ANY(n.ancestry) AS under
       FROM org_node n WHERE n.id = ANY($1::uuid[])`,
    [nodeIds, ancestorId],
  );
}

/** A node's id, name and kind, if there is such a node. */
export async function nodeById(q: Queryable, nodeId: string): Promise<{ id: string; name: string; kind: string } | undefined> {
  const [node] = await queryOn(q)<{ id: string; name: string; kind: string }>(`SELECT id, name, kind FROM org_node WHERE id = $1`, [nodeId]);
  return node;
}

/** A node a foreign key guarantees (a letter's or a link's unit): its id, name and kind. */
export async function existingNode(q: Queryable, nodeId: string): Promise<{ id: string; name: string; kind: string }> {
  const node = await nodeById(q, nodeId);
  if (!node) throw new Error(`org_node ${nodeId} is referenced but missing`);
  return node;
}

/** The ancestry of each of these nodes (the node, its parent, … up to the street), in one statement; a node that does not exist is left out. */
export async function ancestriesOf(q: Queryable, nodeIds: string[]): Promise<Map<string, string[]>> {
  const rows = await queryOn(q)<{ start: string; ancestry: string[] }>(
    `SELECT id AS start, ancestry FROM org_node WHERE id = ANY($1::uuid[])`,
    [[...new Set(nodeIds)]],
  );
  return new Map(rows.map((r) => [r.start, r.ancestry]));
}

/** The node, its parent, … up to the street; null when there is no such node. */
export async function ancestryOf(q: Queryable, nodeId: string): Promise<string[] | null> {
  const [row] = await queryOn(q)<{ ancestry: string[] }>(`SELECT ancestry FROM org_node WHERE id = $1`, [nodeId]);
  return row ? row.ancestry : null;
}
