import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { RoleGrant } from './entities/role-grant.entity';

/**
 * The users store: what other features read and change of accounts (`app_user`) and their role
 * grants (`role_grant`), on the caller's transaction or connection.
 */

/** Display names of accounts, by id (accounts not found are left out). */
export async function displayNames(q: Queryable, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await queryOn(q)<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE id = ANY($1)`, [userIds]);
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** An enabled account by its phone number. */
export async function enabledUserByPhone(q: Queryable, phone: string): Promise<{ id: string; display_name: string } | undefined> {
  const [user] = await queryOn(q)<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE phone = $1 AND disabled_at IS NULL`, [phone]);
  return user;
}

/** An account by its phone number (enabled or not). */
export async function userByPhone(q: Queryable, phone: string): Promise<{ id: string; phone: string } | undefined> {
  const [user] = await queryOn(q)<{ id: string; phone: string }>(`SELECT id, phone FROM app_user WHERE phone = $1`, [phone]);
  return user;
}

/** Gives an account still called by its phone number (it signed up without a name) this name. */
export async function nameUnnamedAccount(q: Queryable, userId: string, name: string): Promise<void> {
  await queryOn(q)(`UPDATE app_user SET display_name = $2 WHERE id = $1 AND display_name = phone`, [userId, name]);
}

/** The resident role on a unit, for an account linked to its roll (kept if already held). */
export async function grantResident(m: EntityManager, userId: string, unitId: string, grantedBy: string): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(RoleGrant)
    .values({ userId, nodeId: unitId, role: 'resident', buildingId: null, grantedBy })
    .orIgnore()
    .execute();
}

/** Takes the resident role on a unit from an account (nothing linking it there any more). */
export async function revokeResident(q: Queryable, userId: string, unitId: string): Promise<void> {
  await queryOn(q)(`DELETE FROM role_grant WHERE user_id = $1 AND node_id = $2 AND role = 'resident' AND building_id IS NULL`, [userId, unitId]);
}
