import type { EntityManager } from 'typeorm';
import type { TxQuery } from '../database/pooled';
import { StoredFile } from '../storage/entities/stored-file.entity';

/**
 * temporary: to be replaced by the organizations, users, consultations and storage stores' reads.
 *
 * What votes read of tables other features own (org_node, app_user, consultation, stored_file), gathered in one
 * place so that each can be swapped for the owning feature's store function in one edit. Rolls
 * tables are read in rolls-reads.ts.
 */

/** A node's name, if there is such a node. */
export async function nodeName(q: TxQuery, nodeId: string): Promise<string | undefined> {
  const [node] = await q<{ name: string }>(`SELECT name FROM org_node WHERE id = $1`, [nodeId]);
  return node?.name;
}

/** A node's kind, if there is such a node. */
export async function nodeKind(q: TxQuery, nodeId: string): Promise<string | undefined> {
  const [node] = await q<{ kind: string }>(`SELECT kind FROM org_node WHERE id = $1`, [nodeId]);
  return node?.kind;
}

/** Display names of accounts, by id (accounts not found are left out). */
export async function displayNames(q: TxQuery, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await q<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE id = ANY($1)`, [userIds]);
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** An enabled account by its phone number. */
export async function enabledUserByPhone(q: TxQuery, phone: string): Promise<{ id: string; display_name: string } | undefined> {
  const [user] = await q<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE phone = $1 AND disabled_at IS NULL`, [phone]);
  return user;
}

/** A kept file, to send. */
export function storedFile(m: EntityManager, id: string): Promise<StoredFile> {
  return m.getRepository(StoredFile).findOneByOrFail({ id });
}

/** Whether the consultation concerns the unit (a vote of the unit may then decide it). */
export async function consultationConcernsUnit(q: TxQuery, consultationId: string, unitId: string): Promise<boolean> {
  const [scope] = await q<{ owner_node_id: string }>(
    `SELECT c.owner_node_id FROM consultation c JOIN consultation_unit u ON u.consultation_id = c.id WHERE c.id = $1 AND u.unit_id = $2`,
    [consultationId, unitId],
  );
  return !!scope;
}

/** A unit's name and its parent's (the community), if there is such a unit. */
export async function placeOf(q: TxQuery, unitId: string): Promise<{ unit: string; community: string | null } | undefined> {
  const [place] = await q<{ unit: string; community: string | null }>(`SELECT u.name AS unit, p.name AS community FROM org_node u LEFT JOIN org_node p ON p.id = u.parent_id WHERE u.id = $1`, [unitId]);
  return place;
}
