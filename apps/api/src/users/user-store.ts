import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * The users store: what other features read of accounts (`app_user`), on the caller's transaction
 * or connection.
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
