import type { DataSource } from 'typeorm';
import { pooledQuery } from '../database/pooled';

/** The sessions store: the lookup every signed-in request makes (`auth_session` with its account). */

export interface SessionRow {
  id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  phone: string;
  display_name: string;
  disabled_at: Date | null;
}

/**
 * SQL: the unrevoked session whose token hash is the query parameter `tokenHashParam` (`$1`, never a value) and its
 * account, as SessionRow columns; at most one row (the token hash is unique). The access guard
 * runs it inside the statement that also resolves a `@Permission` route's target (one round trip
 * per request, not two).
 */
export function sessionByTokenHashSql(tokenHashParam: `$${number}`): string {
  return `SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.id AS user_id, u.phone, u.display_name, u.disabled_at
       FROM auth_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHashParam} AND s.revoked_at IS NULL`;
}

/**
 * The unrevoked session with this token hash and its account. One plain prepared statement straight
 * through `pg`, not a query builder with a relation (which cost more CPU than anything else the API
 * did for a ballot).
 */
export async function sessionByTokenHash(dataSource: DataSource, tokenHash: string): Promise<SessionRow | undefined> {
  const [session] = await pooledQuery<SessionRow>(dataSource, sessionByTokenHashSql('$1'), [tokenHash], 'yishi-session-lookup');
  return session;
}
