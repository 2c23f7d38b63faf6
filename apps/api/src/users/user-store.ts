import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { RoleGrant } from './entities/role-grant.entity';
import { User } from './entities/user.entity';

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

/** An account with its password hash (which is otherwise never read), for signing in. */
export function accountForSignIn(m: EntityManager, phone: string): Promise<User | null> {
  return m.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.phone = :phone', { phone }).getOne();
}

/** Whether a phone number has an account. */
export function phoneRegistered(m: EntityManager, phone: string): Promise<boolean> {
  return m.getRepository(User).existsBy({ phone });
}

/** Creates an account (a taken phone number fails on `app_user_phone_unique`). */
export function createAccount(m: EntityManager, account: { phone: string; displayName: string; passwordHash: string }): Promise<User> {
  return m.getRepository(User).save({ ...account, disabledAt: null });
}

/** Renames an account. */
export async function renameAccount(m: EntityManager, userId: string, displayName: string): Promise<void> {
  await m.getRepository(User).update({ id: userId }, { displayName });
}

/** An account that exists (a session's or a grant's). */
export function existingAccount(m: EntityManager, userId: string): Promise<User> {
  return m.getRepository(User).findOneByOrFail({ id: userId });
}

/** An account by its phone number, as an entity. */
export function accountByPhone(m: EntityManager, phone: string): Promise<User | null> {
  return m.getRepository(User).findOneBy({ phone });
}

/** Sets an account's password hash (a reset by SMS code). */
export async function setPasswordHash(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
  await m.getRepository(User).update({ id: userId }, { passwordHash });
}
