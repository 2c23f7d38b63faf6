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
import { requireUnit, rollUnit } from './roll-common';
import { exclusiveUnitPage, householdMembers, householdPage, textSearch, listRevisions, rollHeader, unitPeople } from './roll-view-store';

/** Reading a unit's current roll (for staff, convenors and observers) and its revisions. */
@Injectable()
export class RollsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Households with their members, found by number, address, name, phone or last four of an ID. */
  async households(_actor: Actor, unitId: string, query: RollSearchQueryDto): Promise<RollHouseholdPageDto> {
    const m = this.dataSource.manager;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // The unit is checked once both are read: the search of another kind of node finds nothing.
    const [header, households] = await Promise.all([rollHeader(m, unitId), householdPage(m, unitId, textSearch(query.q), query.q ?? null, pageSize, (page - 1) * pageSize)]);
    const unit = rollUnit(header, unitId, 'cooperative');
    const members = households.length ? await householdMembers(m, households.map((h) => h.id)) : [];
    const byId = new Map<string, RollHouseholdDto>(households.map((h) => [h.id, { id: h.id, number: h.number, address: h.address, members: [] }]));
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
    return { unit, revision: header!.revision, total: Number(households[0]?.total ?? 0), page, pageSize, items: [...byId.values()] };
  }

  /** Exclusive units with owners and tenants, by building, number, name, phone or last four of an ID. */
  async exclusiveUnits(_actor: Actor, unitId: string, query: ExclusiveUnitSearchQueryDto): Promise<RollExclusiveUnitPageDto> {
    const m = this.dataSource.manager;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // The unit is checked once both are read: the search of another kind of node finds nothing.
    const [header, units] = await Promise.all([
      rollHeader(m, unitId),
      exclusiveUnitPage(m, unitId, textSearch(query.q), query.q ?? null, pageSize, (page - 1) * pageSize, query.buildingId ?? null),
    ]);
    const unit = rollUnit(header, unitId, 'compound');
    const people = units.length ? await unitPeople(m, units.map((u) => u.id)) : [];
    const byId = new Map<string, RollExclusiveUnitDto>(
      units.map((r) => [
        r.id,
        {
          id: r.id,
          number: r.number,
          buildingId: r.building_id,
          buildingName: r.building_name,
          kind: r.kind,
          areaCentiM2: r.area_centi_m2,
          areaSource: r.area_source,
          owners: [],
          tenants: [],
        },
      ]),
    );
    for (const r of people) {
      const item = byId.get(r.exclusive_unit_id);
      if (!item) continue;
      if (r.role === 'owner') {
        item.owners.push({
          id: r.id,
          ownershipId: r.ownership_id!,
          kind: r.kind!,
          name: r.name,
          phone: r.phone,
          idLast4: r.id_last4,
          isDesignatedVoter: r.is_designated_voter!,
          unitCount: r.unit_count!,
          linked: r.linked,
          liveInvitation: r.live_invitation,
        });
      } else {
        item.tenants.push({ id: r.id, name: r.name, phone: r.phone, linked: r.linked, liveInvitation: r.live_invitation });
      }
    }
    return {
      unit,
      revision: header!.revision,
      buildings: header!.buildings.map((b) => ({ id: b.id, name: b.name, exclusiveUnits: b.exclusive_units })),
      total: Number(units[0]?.total ?? 0),
      page,
      pageSize,
      items: [...byId.values()],
    };
  }

  /** The unit's roll revisions, newest first. */
  async revisions(_actor: Actor, unitId: string, query: RevisionsQueryDto): Promise<RollRevisionListDto> {
    await requireUnit(this.dataSource.manager, unitId);
    return listRevisions(this.dataSource.manager, unitId, query.before, query.limit ?? 50);
  }
}
