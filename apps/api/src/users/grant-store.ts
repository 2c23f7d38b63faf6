import type { OrgNodeKind, Role } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { RoleGrant } from './entities/role-grant.entity';

/**
 * The role grants store: what other features read and change of the roles accounts hold on the
 * organization tree (`role_grant`), on the caller's transaction or connection. A grant's building
 * is returned by id: its name is the rolls' (`buildingNames`).
 */

/** The roles an account holds, as the permission rules take them. */
export function grantsOf(q: Queryable, userId: string): Promise<{ role: Role; node_id: string; building_id: string | null }[]> {
  return queryOn(q)<{ role: Role; node_id: string; building_id: string | null }>(`SELECT role, node_id, building_id FROM role_grant WHERE user_id = $1`, [userId]);
}

export interface PlacedGrantRow {
  id: string;
  role: Role;
  node_id: string;
  node_name: string;
  node_kind: OrgNodeKind;
  building_id: string | null;
}

/** The roles an account holds with the names of their places, for the account's own page. */
export function placedGrantsOf(q: Queryable, userId: string): Promise<PlacedGrantRow[]> {
  return queryOn(q)<PlacedGrantRow>(
    `SELECT g.id, g.role, g.node_id, n.name AS node_name, n.kind AS node_kind, g.building_id
       FROM role_grant g JOIN org_node n ON n.id = g.node_id
      WHERE g.user_id = $1 ORDER BY n.kind, n.name, g.role`,
    [userId],
  );
}

/** The enabled accounts holding any role on these nodes, except `exceptUserId`. */
export async function holdersOn(q: Queryable, nodeIds: readonly string[], exceptUserId: string | null): Promise<string[]> {
  const rows = await queryOn(q)<{ user_id: string }>(
    `SELECT DISTINCT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
      WHERE g.node_id = ANY($1::uuid[]) AND u.disabled_at IS NULL AND g.user_id IS DISTINCT FROM $2::uuid`,
    [nodeIds, exceptUserId],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Enabled accounts holding any role on these nodes whose name contains `text` or whose phone ends
 * with it (at most `limit`), named with their phone's last four digits: whom a session may name
 * to run its room.
 */
export function holdersMatching(q: Queryable, nodeIds: readonly string[], text: string, limit: number): Promise<{ id: string; display_name: string; phone_tail: string }[]> {
  return queryOn(q)<{ id: string; display_name: string; phone_tail: string }>(
    `SELECT u.id, u.display_name, right(u.phone, 4) AS phone_tail FROM app_user u
      WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.node_id = ANY($1::uuid[]))
        AND (strpos(u.display_name, $2) > 0 OR right(u.phone, char_length($2)) = $2)
      ORDER BY u.display_name, u.id LIMIT $3`,
    [nodeIds, text, limit],
  );
}

/** The enabled accounts holding `role` on one of these nodes (a building head's grant on a compound, whatever its building). */
export async function holdersOfRole(q: Queryable, nodeIds: readonly string[], role: Role): Promise<string[]> {
  const rows = await queryOn(q)<{ user_id: string }>(
    `SELECT DISTINCT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE g.node_id = ANY($1::uuid[]) AND g.role = $2 AND u.disabled_at IS NULL`,
    [nodeIds, role],
  );
  return rows.map((r) => r.user_id);
}

/** Which of these accounts hold any role on these nodes (enabled). */
export async function holdersAmong(q: Queryable, nodeIds: readonly string[], userIds: readonly string[]): Promise<Set<string>> {
  const rows = await queryOn(q)<{ user_id: string }>(
    `SELECT DISTINCT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
      WHERE g.node_id = ANY($1::uuid[]) AND g.user_id = ANY($2::uuid[]) AND u.disabled_at IS NULL`,
    [nodeIds, userIds],
  );
  return new Set(rows.map((r) => r.user_id));
}

export interface NodeGrantRow {
  id: string;
  role: Role;
  user_id: string;
  display_name: string;
  phone: string;
  building_id: string | null;
  created_at: Date;
  granted_by_name: string | null;
}

/** The grants on a node (or the one grant), with who holds each and who granted it, senior roles first. */
export function nodeGrants(q: Queryable, by: 'node' | 'grant', id: string): Promise<NodeGrantRow[]> {
  return queryOn(q)<NodeGrantRow>(
    `SELECT g.id, g.role, g.user_id, u.display_name, u.phone, g.building_id, g.created_at, gb.display_name AS granted_by_name
       FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN app_user gb ON gb.id = g.granted_by
      WHERE ${by === 'node' ? 'g.node_id' : 'g.id'} = $1
      ORDER BY array_position(ARRAY['admin','staff','convenor','observer','building_head','resident'], g.role), u.display_name`,
    [id],
  );
}

/** The grant of this role here, if the account holds it already. */
export function sameGrant(m: EntityManager, grant: { userId: string; nodeId: string; role: Role; buildingId: string | null }): Promise<RoleGrant | null> {
  return m.getRepository(RoleGrant).findOneBy({ userId: grant.userId, nodeId: grant.nodeId, role: grant.role, buildingId: grant.buildingId ?? IsNull() });
}

/** Records a grant; its id. */
export async function addGrant(m: EntityManager, grant: { userId: string; nodeId: string; role: Role; buildingId: string | null; grantedBy: string }): Promise<string> {
  return (await m.getRepository(RoleGrant).save(grant)).id;
}

/** A grant, locked until the transaction ends (it is about to be revoked). */
export function lockGrant(m: EntityManager, grantId: string): Promise<RoleGrant | null> {
  return m.getRepository(RoleGrant).findOne({ where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
}

/** Removes a grant. */
export async function removeGrant(m: EntityManager, grantId: string): Promise<void> {
  await m.getRepository(RoleGrant).delete({ id: grantId });
}
