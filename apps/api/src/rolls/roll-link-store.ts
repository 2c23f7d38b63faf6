import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { liveLetterSql } from '../invitations/invitation-store';
import type { RollPersonType } from './roll-reads';

/**
 * The account links of roll entries: who on a roll may be sent an invitation letter, a person's
 * row as a letter or a link needs it, and setting or clearing the linked account. On the caller's
 * transaction. Which entries an account is linked to is the rolls' one read, accountEntriesSql
 * (roll-reads.ts).
 */

const PERSON_TABLE: Record<RollPersonType, 'member' | 'owner' | 'tenant'> = { member: 'member', owner: 'owner', tenant: 'tenant' };

/** The table of a kind of roll person (also the audit trail's entity type and the one-per-account index's prefix). */
export function personTable(personType: RollPersonType): 'member' | 'owner' | 'tenant' {
  return PERSON_TABLE[personType];
}

/** A person on a roll who could be sent a letter, with the sheet their letter is printed on. */
export interface LetterCandidate {
  person_type: RollPersonType;
  person_id: string;
  name: string;
  /** The household (cooperative) or exclusive unit (compound) whose sheet holds the letter. */
  sheet_key: string;
  label: string;
  place: string | null;
  /** A live (unused, unrevoked, unexpired) letter is already out for the person. */
  has_live: boolean;
}

/**
 * Everyone on a cooperative's current roll who could be invited: adult members not yet linked,
 * optionally of one household; by household number, the head first, then by age.
 */
export function cooperativeLetterCandidates(m: EntityManager, unitId: string, householdId: string | null): Promise<LetterCandidate[]> {
  return m.query<LetterCandidate[]>(
    `SELECT 'member' AS person_type, mb.id AS person_id, mb.name, h.id AS sheet_key, h.number AS label, h.address AS place,
            ${liveLetterSql('member_id', 'mb')} AS has_live
       FROM member mb JOIN household h ON h.id = mb.household_id
      WHERE mb.unit_id = $1 AND mb.user_id IS NULL AND mb.removed_revision_id IS NULL
        AND (mb.birth_date + interval '18 years')::date < (now() AT TIME ZONE $3)::date
        AND ($2::uuid IS NULL OR h.id = $2::uuid)
      ORDER BY h.number, mb.is_household_head DESC, mb.birth_date`,
    [unitId, householdId, LEGAL_TIME_ZONE],
  );
}

/**
 * Everyone on a compound's current roll who could be invited: owners (not the developer) and
 * tenants not yet linked, optionally of one building; an owner once per unit owned. By building,
 * unit number, owners before tenants, then name.
 */
export function compoundLetterCandidates(m: EntityManager, unitId: string, buildingId: string | null): Promise<LetterCandidate[]> {
  return m.query<LetterCandidate[]>(
    `SELECT * FROM (
       SELECT 'owner' AS person_type, o.id AS person_id, o.name, e.id::text AS sheet_key, e.number AS label, b.name AS place,
              ${liveLetterSql('owner_id', 'o')} AS has_live,
              e.number AS sort_unit, 0 AS sort_kind
         FROM owner o JOIN ownership s ON s.owner_id = o.id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
         LEFT JOIN building b ON b.id = e.building_id
        WHERE o.unit_id = $1 AND o.kind = 'person' AND o.user_id IS NULL AND ($2::uuid IS NULL OR e.building_id = $2::uuid)
          AND o.removed_revision_id IS NULL AND s.removed_revision_id IS NULL
       UNION ALL
       SELECT 'tenant', t.id, t.name, e.id::text, e.number, b.name,
              ${liveLetterSql('tenant_id', 't')},
              e.number, 1
         FROM tenant t JOIN exclusive_unit e ON e.id = t.exclusive_unit_id
         LEFT JOIN building b ON b.id = e.building_id
        WHERE t.unit_id = $1 AND t.user_id IS NULL AND ($2::uuid IS NULL OR e.building_id = $2::uuid) AND t.removed_revision_id IS NULL
     ) people
     ORDER BY place NULLS LAST, sort_unit, sort_kind, name`,
    [unitId, buildingId],
  );
}

/** A person on a unit's current roll as a letter or a link needs them. */
export interface RollPersonRow {
  id: string;
  name: string;
  phone: string | null;
  /** Keyed hash of the identity number (never for a tenant). */
  id_number_hash: string | null;
  user_id: string | null;
  /** The household number (member), the units owned (owner, 、-separated), the unit rented (tenant). */
  label: string;
}

/** A person on the unit's current roll, optionally locked FOR UPDATE; undefined when not (or no longer) on it. */
export async function rollPerson(m: EntityManager, personType: RollPersonType, personId: string, unitId: string, lock = false): Promise<RollPersonRow | undefined> {
  const label =
    personType === 'member'
      ? `(SELECT h.number FROM household h WHERE h.id = p.household_id)`
      : personType === 'owner'
        ? `(SELECT coalesce(string_agg(e.number, '、' ORDER BY e.number), '') FROM ownership s JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
             WHERE s.owner_id = p.id AND s.removed_revision_id IS NULL)`
        : `(SELECT e.number FROM exclusive_unit e WHERE e.id = p.exclusive_unit_id)`;
  const idHash = personType === 'tenant' ? 'NULL::text' : 'p.id_number_hash';
  const [row] = await m.query<RollPersonRow[]>(
    `SELECT p.id, p.name, p.phone, ${idHash} AS id_number_hash, p.user_id, ${label} AS label
       FROM ${PERSON_TABLE[personType]} p
      WHERE p.id = $1 AND p.unit_id = $2 AND p.removed_revision_id IS NULL ${lock ? 'FOR UPDATE OF p' : ''}`,
    [personId, unitId],
  );
  return row;
}

/**
 * Links a roll entry to an account, or clears its link (null). A second link of one account in
 * one roll fails on the `<table>_one_per_account` unique index (see personTable).
 */
export async function setLinkedAccount(m: EntityManager, personType: RollPersonType, personId: string, userId: string | null): Promise<void> {
  await m.query(`UPDATE ${PERSON_TABLE[personType]} SET user_id = $1 WHERE id = $2`, [userId, personId]);
}
