/**
 * A synthetic residential compound for load tests and the cast benchmark: `units` flats in
 * buildings of up to 200, one owner each with an account and a signed-in session, and a convenor.
 * Written straight into PostgreSQL with set-based SQL (20,000 units in a few seconds): logging
 * 20,000 people in through the rate-limited login is neither possible nor the point.
 *
 * The sessions are real `auth_session` rows (the cookie token's SHA-256, a CSRF token), so every
 * request goes through the same session lookup and CSRF check as a resident's phone.
 */
import { DAY_MS } from '@yishi/domain';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../common/keyed-hash';
import type { TxQuery } from '../database/pooled';

/** Runs one statement and returns its rows: a `pg` client through `onClient` (votes/ballots/casting.service). */
export type RunSql = TxQuery;

export interface SignedInAccount {
  userId: string;
  phone: string;
  /** The session cookie's value. */
  token: string;
  csrfToken: string;
}

export interface SyntheticVoter extends SignedInAccount {
  unitNumber: string;
}

export interface SyntheticCompound {
  streetId: string;
  communityId: string;
  unitId: string;
  convenor: SignedInAccount;
  /** One per flat, in flat order. */
  voters: SyntheticVoter[];
}

export interface SyntheticCompoundOptions {
  units: number;
  /** Unique per database: node codes start with it (lower-case letters, digits, dashes). */
  code: string;
  /** Three digits the voters' phone numbers start with (8 more follow); default 139. */
  phonePrefix?: string;
  /** Flats per building (default 200). */
  perBuilding?: number;
}

const SESSION_DAYS = 30;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Writes the compound in one transaction (the caller's `run` must be a single connection, as the
 * statements use BEGIN/COMMIT). Flats are numbered `<building>-<n>` with areas from 40.00 to
 * 199.99 m² (deterministic), so every figure of a tally is reproducible.
 */
export async function seedSyntheticCompound(run: RunSql, options: SyntheticCompoundOptions): Promise<SyntheticCompound> {
  const { units, code } = options;
  const prefix = options.phonePrefix ?? '139';
  const perBuilding = options.perBuilding ?? 200;
  if (!/^1[3-9][0-9]$/.test(prefix)) throw new Error('phonePrefix must be three digits starting 13-19');
  if (units < 1 || units > 99_999_998) throw new Error('units out of range');
  const buildings = Math.ceil(units / perBuilding);
  const phoneOf = (i: number): string => `${prefix}${String(i).padStart(8, '0')}`;
  const convenorPhone = phoneOf(99_999_999);

  await run('BEGIN');
  try {
    const [street] = await run<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('street', $1, $2, NULL) RETURNING id`, [`${code}-street`, `${code} 街道`]);
    const [community] = await run<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', $1, $2, $3) RETURNING id`, [
      `${code}-community`,
      `${code} 社区`,
      street!.id,
    ]);
    const [compound] = await run<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', $1, $2, $3) RETURNING id`, [
      code,
      `压力测试小区 ${code}`,
      community!.id,
    ]);
    const unitId = compound!.id;
    const [revision] = await run<{ id: string }>(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', $2) RETURNING id`, [
      unitId,
      JSON.stringify({ counts: { buildings, exclusiveUnits: units, owners: units, ownerships: units } }),
    ]);
    const rev = revision!.id;

    await run(
      `INSERT INTO app_user (phone, display_name)
       SELECT $1 || lpad(i::text, 8, '0'), '业主' || i FROM generate_series(1, $2::int) AS i`,
      [prefix, units],
    );
    const [convenor] = await run<{ id: string }>(`INSERT INTO app_user (phone, display_name) VALUES ($1, $2) RETURNING id`, [convenorPhone, `${code} 业委会主任`]);
    await run(`INSERT INTO building (unit_id, name, added_revision_id) SELECT $1, b || '栋', $2 FROM generate_series(1, $3::int) AS b`, [unitId, rev, buildings]);
    await run(
      `INSERT INTO exclusive_unit (unit_id, building_id, number, kind, area_centi_m2, area_source, added_revision_id)
       SELECT $1, b.id, ((i - 1) / $3 + 1) || '-' || ((i - 1) % $3 + 1), 'dwelling', 4000 + (i * 7919) % 16000, 'register', $2
         FROM generate_series(1, $4::int) AS i
         JOIN building b ON b.unit_id = $1 AND b.name = ((i - 1) / $3 + 1) || '栋'`,
      [unitId, rev, perBuilding, units],
    );
    await run(
      `INSERT INTO owner (unit_id, kind, name, phone, user_id, added_revision_id)
       SELECT $1, 'person', u.display_name, u.phone, u.id, $2
         FROM app_user u WHERE u.phone LIKE $3 || '%' AND u.phone <> $4`,
      [unitId, rev, prefix, convenorPhone],
    );
    await run(
      `INSERT INTO ownership (unit_id, exclusive_unit_id, owner_id, is_designated_voter, added_revision_id)
       SELECT $1, e.id, o.id, true, $2
         FROM owner o
         JOIN exclusive_unit e ON e.unit_id = $1
          AND e.number = ((substr(o.phone, 4)::int - 1) / $3 + 1) || '-' || ((substr(o.phone, 4)::int - 1) % $3 + 1)
        WHERE o.unit_id = $1`,
      [unitId, rev, perBuilding],
    );
    await run(`INSERT INTO role_grant (user_id, node_id, role) SELECT user_id, $1, 'resident' FROM owner WHERE unit_id = $1`, [unitId]);
    await run(`INSERT INTO role_grant (user_id, node_id, role) VALUES ($1, $2, 'convenor')`, [convenor!.id, unitId]);

    const people = await run<{ id: string; phone: string }>(`SELECT id, phone FROM app_user WHERE phone LIKE $1 || '%' ORDER BY phone`, [prefix]);
    const accounts = people.map((p) => ({ userId: p.id, phone: p.phone, token: newToken(), csrfToken: newToken() }));
    const expires = new Date(Date.now() + SESSION_DAYS * DAY_MS).toISOString();
    for (let i = 0; i < accounts.length; i += 5000) {
      const chunk = accounts.slice(i, i + 5000);
      await run(
        `INSERT INTO auth_session (user_id, token_hash, csrf_token, last_seen_at, expires_at, user_agent)
         SELECT u, h, c, now(), $4, 'synthetic' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(u, h, c)`,
        [chunk.map((a) => a.userId), chunk.map((a) => sha256(a.token)), chunk.map((a) => a.csrfToken), expires],
      );
    }
    await run('COMMIT');
    const byPhone = new Map(accounts.map((a) => [a.phone, a]));
    const voters: SyntheticVoter[] = [];
    for (let i = 1; i <= units; i += 1) {
      voters.push({ ...byPhone.get(phoneOf(i))!, unitNumber: `${Math.floor((i - 1) / perBuilding) + 1}-${((i - 1) % perBuilding) + 1}` });
    }
    return { streetId: street!.id, communityId: community!.id, unitId, convenor: byPhone.get(convenorPhone)!, voters };
  } catch (error) {
    await run('ROLLBACK');
    throw error;
  }
}
