import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * What other features read of the roll (household, member, building, exclusive_unit, owner,
 * ownership, tenant): typed functions, and the SQL fragments a caller composes into a statement
 * of its own where one round trip matters (casting). The roll's own writes and the import's reads
 * are in roll-store.ts.
 *
 * Every function takes the caller's transaction or connection: an EntityManager, or a TxQuery (a
 * `pg` client on the hot path).
 */

type Runner = Queryable;

function run<T>(q: Runner, sql: string, params: unknown[]): Promise<T[]> {
  return queryOn(q)<T>(sql, params);
}

/** The kinds of person a roll holds: a cooperative's member, a compound's owner or tenant. */
export type RollPersonType = 'owner' | 'member' | 'tenant';

const ALL_PERSON_TYPES: readonly RollPersonType[] = ['owner', 'member', 'tenant'];

/**
 * SQL: the roll entries linked to the account `user` (a placeholder such as `$2`), the one answer
 * to "who is this account on the rolls" — whom it may vote for (casting, the voter list), what
 * "my household / my units" shows, what the one-account-one-person rule checks. Rows
 * `(person_type text, person_id uuid, unit_id uuid, name text, on_roll boolean, household_id uuid,
 * exclusive_unit_id uuid)` for the person types asked (all by default): `unit_id` is the
 * cooperative or compound, `household_id` a member's household, `exclusive_unit_id` a tenant's
 * unit (an owner's units are in `ownership`). Entries a later roll revision removed are included
 * with `on_roll` false: the frozen electorate of an open vote still holds them.
 *
 * Each arm finds its rows through the linked account's index (owner_user_idx, member_user_idx, the
 * tenant's one-per-account index), so a caller probing another table per row (the electorate,
 * by its unique (vote, person) index) keeps index probes whatever the statistics say.
 */
export function accountEntriesSql(user: string, types: readonly RollPersonType[] = ALL_PERSON_TYPES): string {
  const arms: Record<RollPersonType, string> = {
    owner: `SELECT 'owner'::text AS person_type, o.id AS person_id, o.unit_id, o.name, o.removed_revision_id IS NULL AS on_roll,
                    NULL::uuid AS household_id, NULL::uuid AS exclusive_unit_id
               FROM owner o WHERE o.user_id = ${user}`,
    member: `SELECT 'member'::text AS person_type, mb.id AS person_id, mb.unit_id, mb.name, mb.removed_revision_id IS NULL AS on_roll,
                    mb.household_id, NULL::uuid AS exclusive_unit_id
               FROM member mb WHERE mb.user_id = ${user}`,
    tenant: `SELECT 'tenant'::text AS person_type, t.id AS person_id, t.unit_id, t.name, t.removed_revision_id IS NULL AS on_roll,
                    NULL::uuid AS household_id, t.exclusive_unit_id
               FROM tenant t WHERE t.user_id = ${user}`,
  };
  return types.map((type) => arms[type]).join('\n             UNION ALL\n             ');
}

/** One roll entry linked to an account (a row of accountEntriesSql). */
export interface AccountRollEntry {
  personType: RollPersonType;
  personId: string;
  /** The cooperative or compound whose roll holds the entry. */
  unitId: string;
  /** The person's name as the roll holds it. */
  name: string;
  /** False once a later roll revision removed the entry (a frozen electorate may still hold it). */
  onRoll: boolean;
  /** A member's household; null for an owner or a tenant. */
  householdId: string | null;
}

/** The roll entries linked to the account, current and removed (see accountEntriesSql). */
export async function accountRollEntries(q: Runner, userId: string): Promise<AccountRollEntry[]> {
  const rows = await run<{ person_type: RollPersonType; person_id: string; unit_id: string; name: string; on_roll: boolean; household_id: string | null }>(
    q,
    accountEntriesSql('$1'),
    [userId],
  );
  return rows.map((r) => ({ personType: r.person_type, personId: r.person_id, unitId: r.unit_id, name: r.name, onRoll: r.on_roll, householdId: r.household_id }));
}

/** An exclusive unit (flat, shop, car park space) a current owner or tenant linked to the account stands for. */
export interface AccountUnitRow {
  /** The compound and its name. */
  unit_id: string;
  unit_name: string;
  id: string;
  number: string;
  building_name: string | null;
  kind: ExclusiveUnitKind;
  area_centi_m2: number;
  area_source: AreaSource;
  relation: 'owner' | 'tenant';
  /** The unit's other current owners, by name (none for a tenant). */
  co_owners: string[];
  /** The account's owner is the unit's designated voter (never a tenant). */
  i_vote: boolean;
}

/**
 * The current units of the account's current owner and tenant entries (accountEntriesSql), with
 * their areas and co-owners: by compound name, then unit number.
 */
export function accountUnits(q: Runner, userId: string): Promise<AccountUnitRow[]> {
  return run<AccountUnitRow>(
    q,
    `SELECT n.id AS unit_id, n.name AS unit_name, e.id, e.number, b.name AS building_name, e.kind, e.area_centi_m2, e.area_source,
            'owner' AS relation,
            coalesce((SELECT array_agg(o2.name ORDER BY o2.name) FROM ownership s2 JOIN owner o2 ON o2.id = s2.owner_id
                       WHERE s2.exclusive_unit_id = e.id AND o2.id <> a.person_id AND s2.removed_revision_id IS NULL), '{}') AS co_owners,
            s.is_designated_voter AS i_vote
       FROM (${accountEntriesSql('$1', ['owner'])}) a JOIN ownership s ON s.owner_id = a.person_id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
       JOIN org_node n ON n.id = e.unit_id LEFT JOIN building b ON b.id = e.building_id
      WHERE a.on_roll AND s.removed_revision_id IS NULL AND e.removed_revision_id IS NULL
     UNION ALL
     SELECT n.id, n.name, e.id, e.number, b.name, e.kind, e.area_centi_m2, e.area_source, 'tenant', '{}', false
       FROM (${accountEntriesSql('$1', ['tenant'])}) a JOIN exclusive_unit e ON e.id = a.exclusive_unit_id
       JOIN org_node n ON n.id = e.unit_id LEFT JOIN building b ON b.id = e.building_id
      WHERE a.on_roll AND e.removed_revision_id IS NULL
      ORDER BY 2, 4`,
    [userId],
  );
}

/** Where an account stands on one unit's current roll: each entry with its unit number (or household) and building. */
export function accountPlacesIn(q: Runner, userId: string, unitId: string): Promise<{ person_type: RollPersonType; name: string; place: string; building_id: string | null }[]> {
  return run(
    q,
    `SELECT a.person_type, a.name, e.number AS place, e.building_id
       FROM (${accountEntriesSql('$1', ['owner'])}) a JOIN ownership s ON s.owner_id = a.person_id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
      WHERE a.on_roll AND a.unit_id = $2 AND s.removed_revision_id IS NULL AND e.removed_revision_id IS NULL
     UNION ALL
     SELECT a.person_type, a.name, e.number, e.building_id
       FROM (${accountEntriesSql('$1', ['tenant'])}) a JOIN exclusive_unit e ON e.id = a.exclusive_unit_id
      WHERE a.on_roll AND a.unit_id = $2 AND e.removed_revision_id IS NULL
     UNION ALL
     SELECT a.person_type, a.name, h.number, NULL::uuid
       FROM (${accountEntriesSql('$1', ['member'])}) a JOIN household h ON h.id = a.household_id
      WHERE a.on_roll AND a.unit_id = $2
      ORDER BY 3, 2`,
    [userId, unitId],
  );
}

/** A current member of a household the account belongs to. */
export interface AccountHouseholdMemberRow {
  /** The cooperative and its name. */
  unit_id: string;
  unit_name: string;
  household_id: string;
  number: string;
  address: string | null;
  name: string;
  is_household_head: boolean;
  is_household_representative: boolean;
  is_member_representative: boolean;
  /** Of age (from the day after the 18th birthday, today being the date in `timeZone`). */
  full_capacity: boolean;
  /** This member is the account's own entry. */
  is_me: boolean;
}

/**
 * Every current member of the current households of the account's current member entries
 * (accountEntriesSql): by cooperative name, household number, the head first, then by age.
 */
export function accountHouseholdMembers(q: Runner, userId: string, timeZone: string): Promise<AccountHouseholdMemberRow[]> {
  return run<AccountHouseholdMemberRow>(
    q,
    `SELECT n.id AS unit_id, n.name AS unit_name, h.id AS household_id, h.number, h.address,
            m.name, m.is_household_head, m.is_household_representative, m.is_member_representative,
            (m.birth_date + interval '18 years')::date < (now() AT TIME ZONE $2)::date AS full_capacity,
            m.user_id IS NOT DISTINCT FROM $1::uuid AS is_me
       FROM household h
       JOIN org_node n ON n.id = h.unit_id
       JOIN member m ON m.household_id = h.id AND m.removed_revision_id IS NULL
      WHERE h.id IN (SELECT a.household_id FROM (${accountEntriesSql('$1', ['member'])}) a WHERE a.on_roll)
        AND h.removed_revision_id IS NULL
      ORDER BY n.name, h.number, m.is_household_head DESC, m.birth_date`,
    [userId, timeZone],
  );
}

/** The account linked to a roll entry (null when none), if there is such an entry. */
export async function linkedAccount(q: Runner, personType: RollPersonType, personId: string): Promise<{ user_id: string | null } | undefined> {
  const table = { owner: 'owner', member: 'member', tenant: 'tenant' }[personType];
  const [row] = await run<{ user_id: string | null }>(q, `SELECT user_id FROM ${table} WHERE id = $1`, [personId]);
  return row;
}

/** The accounts linked to the given owners and members (those without an account are left out), each once. */
export async function linkedAccounts(q: Runner, persons: readonly { person_type: 'owner' | 'member'; person_id: string }[]): Promise<string[]> {
  if (persons.length === 0) return [];
  const ids = (type: string): string[] => persons.filter((p) => p.person_type === type).map((p) => p.person_id);
  const rows = await run<{ user_id: string }>(
    q,
    `SELECT o.user_id FROM owner o WHERE o.id = ANY($1::uuid[]) AND o.user_id IS NOT NULL
     UNION
     SELECT m.user_id FROM member m WHERE m.id = ANY($2::uuid[]) AND m.user_id IS NOT NULL`,
    [ids('owner'), ids('member')],
  );
  return rows.map((r) => r.user_id);
}

export interface CompoundRollRow {
  unit_id: string;
  number: string;
  area: number;
  building: string | null;
  owner_id: string;
  owner_kind: 'person' | 'developer';
  owner_name: string;
  designated: boolean;
}

/** A compound's current roll, one row per exclusive unit and owner, by unit number then owner name. */
export function compoundRoll(q: Runner, unitId: string): Promise<CompoundRollRow[]> {
  return run<CompoundRollRow>(
    q,
    `SELECT e.id AS unit_id, e.number, e.area_centi_m2 AS area, b.name AS building,
            o.id AS owner_id, o.kind AS owner_kind, o.name AS owner_name, s.is_designated_voter AS designated
       FROM exclusive_unit e
       LEFT JOIN building b ON b.id = e.building_id
       JOIN ownership s ON s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
       JOIN owner o ON o.id = s.owner_id AND o.removed_revision_id IS NULL
      WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
      ORDER BY e.number, o.name`,
    [unitId],
  );
}

export interface CooperativeRollRow {
  id: string;
  name: string;
  birth_date: string;
  household_id: string;
  household_number: string;
  is_household_representative: boolean;
  is_member_representative: boolean;
}

/** A cooperative's current members with their households, by household number then name. */
export function cooperativeRoll(q: Runner, unitId: string): Promise<CooperativeRollRow[]> {
  return run<CooperativeRollRow>(
    q,
    `SELECT mb.id, mb.name, to_char(mb.birth_date, 'YYYY-MM-DD') AS birth_date, h.id AS household_id, h.number AS household_number,
            mb.is_household_representative, mb.is_member_representative
       FROM member mb JOIN household h ON h.id = mb.household_id
      WHERE mb.unit_id = $1 AND mb.removed_revision_id IS NULL AND h.removed_revision_id IS NULL
      ORDER BY h.number, mb.name`,
    [unitId],
  );
}

/** The building of each of these unit numbers of a compound (a current unit over a removed one; a car park space has none). */
export function buildingsOfUnitNumbers(q: Runner, unitId: string, numbers: string[]): Promise<{ number: string; building: string | null }[]> {
  return run<{ number: string; building: string | null }>(
    q,
    `SELECT DISTINCT ON (e.number) e.number, b.name AS building
       FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
      WHERE e.unit_id = $1 AND e.number = ANY($2::text[])
      ORDER BY e.number, (e.removed_revision_id IS NULL) DESC`,
    [unitId, numbers],
  );
}

/** Building names, by id (buildings not found are left out). */
export async function buildingNames(q: Runner, buildingIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(buildingIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const rows = await run<{ id: string; name: string }>(q, `SELECT id, name FROM building WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((b) => [b.id, b.name]));
}

/** The current owners and members of these units linked to these accounts, as `type:id` keys. */
export async function rollEntriesOfAccounts(q: Runner, unitIds: readonly string[], userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await run<{ key: string }>(
    q,
    `SELECT 'owner:' || o.id AS key FROM owner o WHERE o.unit_id = ANY($1::uuid[]) AND o.user_id = ANY($2::uuid[]) AND o.removed_revision_id IS NULL
     UNION ALL
     SELECT 'member:' || m.id FROM member m WHERE m.unit_id = ANY($1::uuid[]) AND m.user_id = ANY($2::uuid[]) AND m.removed_revision_id IS NULL`,
    [unitIds, userIds],
  );
  return new Set(rows.map((r) => r.key));
}

/** A building of this unit, by id: its name, or undefined when the unit has no such building. */
export async function buildingOfUnit(q: Runner, unitId: string, buildingId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await run<{ id: string; name: string }>(q, `SELECT id, name FROM building WHERE id = $2 AND unit_id = $1`, [unitId, buildingId]);
  return row;
}

/** SQL for the phone number the roll holds now for the roll entry of type `typeSql` and id `idSql` (columns of the caller's statement), or NULL. */
export function rollPhoneSql(typeSql: string, idSql: string): string {
  return `CASE ${typeSql} WHEN 'owner' THEN (SELECT o.phone FROM owner o WHERE o.id = ${idSql}) WHEN 'member' THEN (SELECT mb.phone FROM member mb WHERE mb.id = ${idSql}) END`;
}
