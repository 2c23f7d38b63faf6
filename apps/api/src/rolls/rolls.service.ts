import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import type {
  ExclusiveUnitSearchQueryDto,
  RevisionsQueryDto,
  RollExclusiveUnitDto,
  RollExclusiveUnitPageDto,
  RollHouseholdDto,
  RollHouseholdPageDto,
  RollRevisionListDto,
  RollSearchQueryDto,
} from './dto/rolls.dto';
import { latestRevision, likePattern, listRevisions, naturalOrder, requireUnit } from './roll-common';

const LIVE = (column: string, alias: string): string =>
  `EXISTS (SELECT 1 FROM invitation i WHERE i.${column} = ${alias}.id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now())`;

/** Reading a unit's current roll (for staff, convenors and observers) and its revisions. */
@Injectable()
export class RollsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Households with their members, found by number, address, name, phone or last four of an ID. */
  async households(_actor: Actor, unitId: string, query: RollSearchQueryDto): Promise<RollHouseholdPageDto> {
    const m = this.dataSource.manager;
    const unit = await requireUnit(m, unitId, 'cooperative');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const hits = await m.query<{ id: string; total: string }[]>(
      `SELECT h.id, count(*) OVER () AS total
         FROM household h
        WHERE h.unit_id = $1 AND h.removed_revision_id IS NULL
          AND ($2::text IS NULL OR h.number ILIKE $2 OR h.address ILIKE $2
               OR EXISTS (SELECT 1 FROM member mb WHERE mb.household_id = h.id AND mb.removed_revision_id IS NULL
                           AND (mb.name ILIKE $2 OR mb.phone ILIKE $2 OR mb.id_last4 = upper($3))))
        ORDER BY ${naturalOrder('h.number')}
        LIMIT $4 OFFSET $5`,
      [unitId, likePattern(query.q), query.q ?? null, pageSize, (page - 1) * pageSize],
    );
    const ids = hits.map((h) => h.id);
    const [households, members, revision] = await Promise.all([
      m.query<{ id: string; number: string; address: string | null }[]>(`SELECT id, number, address FROM household WHERE id = ANY($1::uuid[])`, [ids]),
      m.query<Record<string, unknown>[]>(
        `SELECT mb.id, mb.household_id, mb.name, mb.birth_date::text AS birth_date,
                (mb.birth_date + interval '18 years')::date < (now() AT TIME ZONE $2)::date AS full_capacity,
                mb.is_household_head, mb.is_household_representative, mb.is_member_representative, mb.phone, mb.id_last4,
                mb.user_id IS NOT NULL AS linked, ${LIVE('member_id', 'mb')} AS live_invitation
           FROM member mb
          WHERE mb.household_id = ANY($1::uuid[]) AND mb.removed_revision_id IS NULL
          ORDER BY mb.is_household_head DESC, mb.birth_date, mb.name`,
        [ids, LEGAL_TIME_ZONE],
      ),
      latestRevision(m, unitId),
    ]);
    const byId = new Map<string, RollHouseholdDto>(households.map((h) => [h.id, { ...h, members: [] }]));
    for (const r of members) {
      byId.get(r['household_id'] as string)?.members.push({
        id: r['id'] as string,
        name: r['name'] as string,
        birthDate: r['birth_date'] as string,
        fullCapacity: r['full_capacity'] as boolean,
        isHouseholdHead: r['is_household_head'] as boolean,
        isHouseholdRepresentative: r['is_household_representative'] as boolean,
        isMemberRepresentative: r['is_member_representative'] as boolean,
        phone: r['phone'] as string | null,
        idLast4: r['id_last4'] as string | null,
        linked: r['linked'] as boolean,
        liveInvitation: r['live_invitation'] as boolean,
      });
    }
    return { unit, revision, total: Number(hits[0]?.total ?? 0), page, pageSize, items: ids.map((id) => byId.get(id)!) };
  }

  /** Exclusive units with owners and tenants, by building, number, name, phone or last four of an ID. */
  async exclusiveUnits(_actor: Actor, unitId: string, query: ExclusiveUnitSearchQueryDto): Promise<RollExclusiveUnitPageDto> {
    const m = this.dataSource.manager;
    const unit = await requireUnit(m, unitId, 'compound');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const hits = await m.query<{ id: string; total: string }[]>(
      `SELECT e.id, count(*) OVER () AS total
         FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
        WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
          AND ($6::uuid IS NULL OR e.building_id = $6::uuid)
          AND ($2::text IS NULL OR e.number ILIKE $2 OR b.name ILIKE $2
               OR EXISTS (SELECT 1 FROM ownership s JOIN owner o ON o.id = s.owner_id
                           WHERE s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
                             AND (o.name ILIKE $2 OR o.phone ILIKE $2 OR o.id_last4 = upper($3)))
               OR EXISTS (SELECT 1 FROM tenant t WHERE t.exclusive_unit_id = e.id AND t.removed_revision_id IS NULL
                             AND (t.name ILIKE $2 OR t.phone ILIKE $2)))
        ORDER BY b.name IS NULL, ${naturalOrder('b.name')}, ${naturalOrder('e.number')}
        LIMIT $4 OFFSET $5`,
      [unitId, likePattern(query.q), query.q ?? null, pageSize, (page - 1) * pageSize, query.buildingId ?? null],
    );
    const ids = hits.map((h) => h.id);
    const [units, owners, tenants, buildings, revision] = await Promise.all([
      m.query<Record<string, unknown>[]>(
        `SELECT e.id, e.number, e.building_id, b.name AS building_name, e.kind, e.area_centi_m2, e.area_source
           FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id WHERE e.id = ANY($1::uuid[])`,
        [ids],
      ),
      m.query<Record<string, unknown>[]>(
        `SELECT s.exclusive_unit_id, s.id AS ownership_id, s.is_designated_voter, o.id, o.kind, o.name, o.phone, o.id_last4,
                o.user_id IS NOT NULL AS linked, ${LIVE('owner_id', 'o')} AS live_invitation,
                (SELECT count(*)::int FROM ownership s2 WHERE s2.owner_id = o.id AND s2.removed_revision_id IS NULL) AS unit_count
           FROM ownership s JOIN owner o ON o.id = s.owner_id
          WHERE s.exclusive_unit_id = ANY($1::uuid[]) AND s.removed_revision_id IS NULL
          ORDER BY s.is_designated_voter DESC, o.name`,
        [ids],
      ),
      m.query<Record<string, unknown>[]>(
        `SELECT t.exclusive_unit_id, t.id, t.name, t.phone, t.user_id IS NOT NULL AS linked, ${LIVE('tenant_id', 't')} AS live_invitation
           FROM tenant t WHERE t.exclusive_unit_id = ANY($1::uuid[]) AND t.removed_revision_id IS NULL ORDER BY t.name`,
        [ids],
      ),
      m.query<{ id: string; name: string; exclusive_units: number }[]>(
        `SELECT b.id, b.name, (SELECT count(*)::int FROM exclusive_unit e WHERE e.building_id = b.id AND e.removed_revision_id IS NULL) AS exclusive_units
           FROM building b WHERE b.unit_id = $1 AND b.removed_revision_id IS NULL ORDER BY ${naturalOrder('b.name')}`,
        [unitId],
      ),
      latestRevision(m, unitId),
    ]);
    const byId = new Map<string, RollExclusiveUnitDto>(
      units.map((r) => [
        r['id'] as string,
        {
          id: r['id'] as string,
          number: r['number'] as string,
          buildingId: r['building_id'] as string | null,
          buildingName: r['building_name'] as string | null,
          kind: r['kind'] as RollExclusiveUnitDto['kind'],
          areaCentiM2: r['area_centi_m2'] as number,
          areaSource: r['area_source'] as RollExclusiveUnitDto['areaSource'],
          owners: [],
          tenants: [],
        },
      ]),
    );
    for (const r of owners) {
      byId.get(r['exclusive_unit_id'] as string)?.owners.push({
        id: r['id'] as string,
        ownershipId: r['ownership_id'] as string,
        kind: r['kind'] as 'person' | 'developer',
        name: r['name'] as string,
        phone: r['phone'] as string | null,
        idLast4: r['id_last4'] as string | null,
        isDesignatedVoter: r['is_designated_voter'] as boolean,
        unitCount: r['unit_count'] as number,
        linked: r['linked'] as boolean,
        liveInvitation: r['live_invitation'] as boolean,
      });
    }
    for (const r of tenants) {
      byId.get(r['exclusive_unit_id'] as string)?.tenants.push({
        id: r['id'] as string,
        name: r['name'] as string,
        phone: r['phone'] as string | null,
        linked: r['linked'] as boolean,
        liveInvitation: r['live_invitation'] as boolean,
      });
    }
    return {
      unit,
      revision,
      buildings: buildings.map((b) => ({ id: b.id, name: b.name, exclusiveUnits: b.exclusive_units })),
      total: Number(hits[0]?.total ?? 0),
      page,
      pageSize,
      items: ids.map((id) => byId.get(id)!),
    };
  }

  /** The unit's roll revisions, newest first. */
  async revisions(_actor: Actor, unitId: string, query: RevisionsQueryDto): Promise<RollRevisionListDto> {
    await requireUnit(this.dataSource.manager, unitId);
    return listRevisions(this.dataSource.manager, unitId, query.before, query.limit ?? 50);
  }
}
