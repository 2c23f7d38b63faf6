import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { requireUnit } from './roll-common';
import {
  compoundBuildings,
  exclusiveUnitPage,
  exclusiveUnitsByIds,
  householdMembers,
  householdPage,
  householdsByIds,
  latestRevision,
  likePattern,
  listRevisions,
  unitOwners,
  unitTenants,
} from './roll-view-store';

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
    const hits = await householdPage(m, unitId, likePattern(query.q), query.q ?? null, pageSize, (page - 1) * pageSize);
    const ids = hits.map((h) => h.id);
    const [households, members, revision] = await Promise.all([
      householdsByIds(m, ids),
      householdMembers(m, ids),
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
    const hits = await exclusiveUnitPage(m, unitId, likePattern(query.q), query.q ?? null, pageSize, (page - 1) * pageSize, query.buildingId ?? null);
    const ids = hits.map((h) => h.id);
    const [units, owners, tenants, buildings, revision] = await Promise.all([
      exclusiveUnitsByIds(m, ids),
      unitOwners(m, ids),
      unitTenants(m, ids),
      compoundBuildings(m, unitId),
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
