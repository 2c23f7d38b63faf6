import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { liveLetterSql } from '../invitations/invitation-store';
import type { RollRevisionDto } from './dto/rolls.dto';
import type { RollRevisionSummary } from './entities/roll-revision.entity';
import type { RollRevisionSource } from './roll-kinds';

/**
 * The staff's view of a roll: the search pages of households and exclusive units, the revisions,
 * the rows of an export, and each unit's figures for the organization tree. On the caller's
 * transaction or the data source's manager. (The roll's writes and the import's reads are in
 * roll-store.ts; what other features read, in roll-reads.ts.)
 */

export interface RevisionRow {
  id: string;
  number: number;
  source: RollRevisionSource;
  file_name: string | null;
  file_sha256: string | null;
  summary: RollRevisionSummary;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const REVISION_SELECT = `SELECT r.id, r.number, r.source, r.file_name, r.file_sha256, r.summary, r.created_by, u.display_name AS created_by_name, r.created_at
                           FROM roll_revision r LEFT JOIN app_user u ON u.id = r.created_by`;

export function toRevisionDto(r: RevisionRow): RollRevisionDto {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    summary: r.summary,
    createdById: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export async function latestRevision(m: EntityManager, unitId: string): Promise<RollRevisionDto | null> {
  const [row] = await m.query<RevisionRow[]>(`${REVISION_SELECT} WHERE r.unit_id = $1 ORDER BY r.number DESC LIMIT 1`, [unitId]);
  return row ? toRevisionDto(row) : null;
}

export async function revisionById(m: EntityManager, id: string): Promise<RollRevisionDto> {
  const [row] = await m.query<RevisionRow[]>(`${REVISION_SELECT} WHERE r.id = $1`, [id]);
  return toRevisionDto(row!);
}

export async function listRevisions(m: EntityManager, unitId: string, before: number | undefined, limit: number): Promise<{ items: RollRevisionDto[]; next: number | null }> {
  const rows = await m.query<RevisionRow[]>(
    `${REVISION_SELECT} WHERE r.unit_id = $1 AND ($2::int IS NULL OR r.number < $2::int) ORDER BY r.number DESC LIMIT $3`,
    [unitId, before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return { items: page.map(toRevisionDto), next: rows.length > limit ? page.at(-1)!.number : null };
}

/** A roll's unit as its pages head it: the node (any kind; the caller checks it), its latest revision and, for a compound, its buildings. */
export interface RollHeaderRow {
  id: string;
  name: string;
  kind: string;
  revision: RollRevisionDto | null;
  buildings: { id: string; name: string; exclusive_units: number }[];
}

/**
 * The node `unitId`, its latest roll revision and its current buildings (with their number of
 * current exclusive units, in natural order) in one statement: what a roll page shows above its
 * search, read beside the search instead of in three statements after it. Undefined when there is
 * no such node.
 */
export async function rollHeader(m: EntityManager, unitId: string): Promise<RollHeaderRow | undefined> {
  const [row] = await m.query<(Omit<RollHeaderRow, 'revision'> & { revision: (Omit<RevisionRow, 'created_at'> & { created_at: string }) | null })[]>(
    `SELECT n.id, n.name, n.kind,
            (SELECT to_json(r) FROM (${REVISION_SELECT} WHERE r.unit_id = n.id ORDER BY r.number DESC LIMIT 1) r) AS revision,
            (SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'exclusive_units', b.exclusive_units) ORDER BY b.sort, b.name), '[]')
               FROM (SELECT b.id, b.name, b.name_sort AS sort,
                            (SELECT count(*)::int FROM exclusive_unit e WHERE e.building_id = b.id AND e.removed_revision_id IS NULL) AS exclusive_units
                       FROM building b WHERE b.unit_id = n.id AND b.removed_revision_id IS NULL) b) AS buildings
       FROM org_node n WHERE n.id = $1`,
    [unitId],
  );
  if (!row) return undefined;
  return { ...row, revision: row.revision ? toRevisionDto({ ...row.revision, created_at: new Date(row.revision.created_at) }) : null };
}

/** A roll search: `%text%` with the pattern characters of the text escaped, and the operator to match it with. */
export interface TextSearch {
  pattern: string;
  /**
   * ILIKE where the text has letters with a case (`nc-007` finds NC-007); LIKE where it has none,
   * as a name in Chinese, a phone or a room number: there both find the same rows, and LIKE does
   * not lower-case every name of the unit on every search (ILIKE took 0.5 ms of a 500-owner
   * compound's search for 陈, LIKE 0.2 ms).
   */
  op: 'LIKE' | 'ILIKE';
}

/** The search for `q` (null for none). */
export function textSearch(q: string | undefined): TextSearch | null {
  if (!q) return null;
  return { pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, op: q.toLowerCase() === q && q.toUpperCase() === q ? 'LIKE' : 'ILIKE' };
}

/**
 * One page of a cooperative's current households matching the search (`search` from textSearch, `text` the raw text), with the total.
 * A search is the union of the households each kind of row finds (number or address, a member's
 * name, phone or last four of an ID), each branch on its own index of the cooperative, as the
 * compound's search below (where one OR across the row and an EXISTS per person took twice as long).
 * Each row is the household as the page shows it.
 */
export function householdPage(m: EntityManager, unitId: string, search: TextSearch | null, text: string | null, pageSize: number, offset: number): Promise<HouseholdRow[]> {
  const order = `ORDER BY h.number_sort, h.number LIMIT $2 OFFSET $3`;
  if (search === null) {
    return m.query(`SELECT h.id, h.number, h.address, count(*) OVER () AS total FROM household h WHERE h.unit_id = $1 AND h.removed_revision_id IS NULL ${order}`, [unitId, pageSize, offset]);
  }
  return m.query(
    `WITH hit AS (
       SELECT h.id FROM household h WHERE h.unit_id = $1 AND (h.number ${search.op} $4 OR h.address ${search.op} $4)
       UNION
       SELECT mb.household_id FROM member mb
        WHERE mb.unit_id = $1 AND mb.removed_revision_id IS NULL AND (mb.name ${search.op} $4 OR mb.phone ${search.op} $4 OR mb.id_last4 = upper($5)))
     SELECT h.id, h.number, h.address, count(*) OVER () AS total
       FROM hit JOIN household h ON h.id = hit.id
      WHERE h.removed_revision_id IS NULL
      ${order}`,
    [unitId, pageSize, offset, search.pattern, text],
  );
}

export interface HouseholdRow {
  id: string;
  number: string;
  address: string | null;
  /** How many households the search found in all. */
  total: string;
}

/** The current members of these households as the roll page shows them: the head first, then by age and name. */
export function householdMembers(m: EntityManager, ids: string[]): Promise<Record<string, unknown>[]> {
  return m.query<Record<string, unknown>[]>(
    `SELECT mb.id, mb.household_id, mb.name, mb.birth_date::text AS birth_date,
            (mb.birth_date + interval '18 years')::date < (now() AT TIME ZONE $2)::date AS full_capacity,
            mb.is_household_head, mb.is_household_representative, mb.is_member_representative, mb.phone, mb.id_last4,
            mb.user_id IS NOT NULL AS linked, ${liveLetterSql('member_id', 'mb')} AS live_invitation
       FROM member mb
      WHERE mb.household_id = ANY($1::uuid[]) AND mb.removed_revision_id IS NULL
      ORDER BY mb.is_household_head DESC, mb.birth_date, mb.name`,
    [ids, LEGAL_TIME_ZONE],
  );
}

/**
 * One page of a compound's current exclusive units matching the search, optionally of one building, with the total.
 * A search is the union of the units each kind of row finds (the unit's number, its building's
 * name, an owner's or a tenant's name or phone, an owner's last four of an ID), each branch on its
 * own index of the compound (`unit_id = $1` on every table, which the roll's same-unit triggers
 * guarantee of every row joined to the compound's units). One OR across the unit, its building and
 * an EXISTS per owner and tenant took twice as long, prepared, on the 千灯湖 area's data (each with
 * PostgreSQL's generic plan: 2.8–4.0 ms against 1.4 ms for 40 searches of 8 compounds).
 * Each row is the unit as the page shows it, with its building's name.
 */
export function exclusiveUnitPage(
  m: EntityManager,
  unitId: string,
  search: TextSearch | null,
  text: string | null,
  pageSize: number,
  offset: number,
  buildingId: string | null,
): Promise<ExclusiveUnitRow[]> {
  const page = `AND ($2::uuid IS NULL OR e.building_id = $2::uuid)
      ORDER BY b.name IS NULL, b.name_sort, b.name, e.number_sort, e.number
      LIMIT $3 OFFSET $4`;
  if (search === null) {
    return m.query(
      `SELECT ${EXCLUSIVE_UNIT_COLUMNS}, count(*) OVER () AS total
         FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
        WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL ${page}`,
      [unitId, buildingId, pageSize, offset],
    );
  }
  return m.query(
    `WITH hit AS (
       SELECT e.id FROM exclusive_unit e WHERE e.unit_id = $1 AND e.number ${search.op} $5
       UNION
       SELECT e.id FROM building b JOIN exclusive_unit e ON e.building_id = b.id WHERE b.unit_id = $1 AND e.unit_id = $1 AND b.name ${search.op} $5
       UNION
       SELECT s.exclusive_unit_id FROM owner o JOIN ownership s ON s.owner_id = o.id AND s.unit_id = $1 AND s.removed_revision_id IS NULL
        WHERE o.unit_id = $1 AND (o.name ${search.op} $5 OR o.phone ${search.op} $5 OR o.id_last4 = upper($6))
       UNION
       SELECT t.exclusive_unit_id FROM tenant t
        WHERE t.unit_id = $1 AND t.removed_revision_id IS NULL AND (t.name ${search.op} $5 OR t.phone ${search.op} $5))
     SELECT ${EXCLUSIVE_UNIT_COLUMNS}, count(*) OVER () AS total
       FROM hit JOIN exclusive_unit e ON e.id = hit.id LEFT JOIN building b ON b.id = e.building_id
      WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL ${page}`,
    [unitId, buildingId, pageSize, offset, search.pattern, text],
  );
}

const EXCLUSIVE_UNIT_COLUMNS = 'e.id, e.number, e.building_id, b.name AS building_name, e.kind, e.area_centi_m2, e.area_source';

export interface ExclusiveUnitRow {
  id: string;
  number: string;
  building_id: string | null;
  building_name: string | null;
  kind: ExclusiveUnitKind;
  area_centi_m2: number;
  area_source: AreaSource;
  /** How many units the search found in all. */
  total: string;
}

/** An owner or a tenant of an exclusive unit as the roll page shows them (the owner's columns are null for a tenant). */
export interface UnitPersonRow {
  role: 'owner' | 'tenant';
  exclusive_unit_id: string;
  id: string;
  name: string;
  phone: string | null;
  linked: boolean;
  live_invitation: boolean;
  ownership_id: string | null;
  is_designated_voter: boolean | null;
  kind: 'person' | 'developer' | null;
  id_last4: string | null;
  unit_count: number | null;
}

/** The current owners (the designated voter first, then by name) and tenants (by name) of these exclusive units: one statement for both. */
export function unitPeople(m: EntityManager, ids: string[]): Promise<UnitPersonRow[]> {
  return m.query<UnitPersonRow[]>(
    `SELECT 'owner' AS role, s.exclusive_unit_id, o.id, o.name, o.phone, o.user_id IS NOT NULL AS linked, ${liveLetterSql('owner_id', 'o')} AS live_invitation,
            s.id AS ownership_id, s.is_designated_voter, o.kind, o.id_last4,
            (SELECT count(*)::int FROM ownership s2 WHERE s2.owner_id = o.id AND s2.removed_revision_id IS NULL) AS unit_count
       FROM ownership s JOIN owner o ON o.id = s.owner_id
      WHERE s.exclusive_unit_id = ANY($1::uuid[]) AND s.removed_revision_id IS NULL
     UNION ALL
     SELECT 'tenant', t.exclusive_unit_id, t.id, t.name, t.phone, t.user_id IS NOT NULL, ${liveLetterSql('tenant_id', 't')},
            NULL, NULL, NULL, NULL, NULL
       FROM tenant t WHERE t.exclusive_unit_id = ANY($1::uuid[]) AND t.removed_revision_id IS NULL
      ORDER BY role, is_designated_voter DESC, name`,
    [ids],
  );
}

/** A cooperative's current roll as the export writes it, one row per member: by household number, the head first, then by age and name. */
export function cooperativeExportRows(m: EntityManager, unitId: string): Promise<CooperativeExportRow[]> {
  return m.query<CooperativeExportRow[]>(
    `SELECT h.number, h.address, mb.name, mb.birth_date::text AS birth_date, mb.id_last4, mb.is_household_head AS head,
            mb.is_household_representative AS rep, mb.is_member_representative AS member_rep, mb.phone
       FROM household h JOIN member mb ON mb.household_id = h.id AND mb.removed_revision_id IS NULL
      WHERE h.unit_id = $1 AND h.removed_revision_id IS NULL
      ORDER BY h.number_sort, h.number, mb.is_household_head DESC, mb.birth_date, mb.name`,
    [unitId],
  );
}

export interface CooperativeExportRow {
  number: string;
  address: string | null;
  name: string;
  birth_date: string;
  id_last4: string | null;
  head: boolean;
  rep: boolean;
  member_rep: boolean;
  phone: string | null;
}

/** A compound's current roll as the export writes it, one row per owner or tenant of a unit: by building, unit, owners before tenants (the designated voter first), name. */
export function compoundExportRows(m: EntityManager, unitId: string): Promise<CompoundExportRow[]> {
  return m.query<CompoundExportRow[]>(
    `SELECT building, number, kind, area_centi_m2, area_source, relation, name, id_last4, phone, developer, voter FROM (
       SELECT b.name AS building, e.number, e.kind, e.area_centi_m2, e.area_source, 'owner' AS relation, o.name, o.id_last4, o.phone,
              o.kind = 'developer' AS developer, s.is_designated_voter AS voter, 0 AS relation_order, b.name_sort AS building_sort, e.number_sort
         FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
         JOIN ownership s ON s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
         JOIN owner o ON o.id = s.owner_id
        WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
       UNION ALL
       SELECT b.name, e.number, e.kind, e.area_centi_m2, e.area_source, 'tenant', t.name, NULL, t.phone, false, NULL, 1, b.name_sort, e.number_sort
         FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
         JOIN tenant t ON t.exclusive_unit_id = e.id AND t.removed_revision_id IS NULL
        WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
     ) roll
     ORDER BY building IS NULL, building_sort, building, number_sort, number, relation_order, voter DESC NULLS LAST, name`,
    [unitId],
  );
}

export interface CompoundExportRow {
  building: string | null;
  number: string;
  kind: ExclusiveUnitKind;
  area_centi_m2: number;
  area_source: AreaSource;
  relation: 'owner' | 'tenant';
  name: string;
  id_last4: string | null;
  phone: string | null;
  developer: boolean;
  voter: boolean | null;
}

/** A unit's current roll figures, as the database returns them (integers as numbers, bigints as text; null for a unit with no roll yet). */
export interface RollFiguresRow {
  unit_id: string;
  households: number | null;
  members: number | null;
  full_capacity: string | null;
  buildings: number | null;
  exclusive_units: number | null;
  total_area: string | null;
}

/**
 * The current roll figures (rows not removed by a later roll revision) of these cooperatives and
 * compounds, for the organization tree. Full capacity is counted as in `libs/domain` (of age from
 * the day after the 18th birthday, today being the date in China Standard Time).
 */
export function unitRollFigures(m: EntityManager, unitIds: string[]): Promise<RollFiguresRow[]> {
  // The figures PostgreSQL keeps per unit (unit_roll_figures, migration RollFigures); full capacity
  // changes with the date, so a cooperative's members are counted for it here.
  return m.query<RollFiguresRow[]>(
    `SELECT n.id AS unit_id, f.households, f.members, fc.full_capacity, f.buildings, f.exclusive_units, f.total_area_centi_m2 AS total_area
       FROM unnest($2::uuid[]) AS n(id)
       LEFT JOIN unit_roll_figures f ON f.unit_id = n.id
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE (m.birth_date + interval '18 years')::date < (now() AT TIME ZONE $1)::date) AS full_capacity
                            FROM member m WHERE m.unit_id = n.id AND m.removed_revision_id IS NULL AND f.members > 0) fc ON true`,
    [LEGAL_TIME_ZONE, unitIds],
  );
}
