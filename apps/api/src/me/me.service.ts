import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { accountHouseholdMembers, accountUnits } from '../rolls/roll-reads';
import type { MyCompoundDto, MyHouseholdDto, MyRollDto } from './me.dto';

/** "My household / my units": the roll entries linked to the signed-in account (the rolls' accountEntriesSql). */
@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async roll(actor: Actor): Promise<MyRollDto> {
    const [members, units] = await Promise.all([
      accountHouseholdMembers(this.dataSource.manager, actor.id, LEGAL_TIME_ZONE),
      accountUnits(this.dataSource.manager, actor.id),
    ]);
    const households = new Map<string, MyHouseholdDto>();
    for (const r of members) {
      const h = households.get(r.household_id) ?? {
        unitId: r.unit_id,
        unitName: r.unit_name,
        householdId: r.household_id,
        householdNumber: r.number,
        address: r.address,
        members: [],
      };
      h.members.push({
        name: r.name,
        isHouseholdHead: r.is_household_head,
        isHouseholdRepresentative: r.is_household_representative,
        isMemberRepresentative: r.is_member_representative,
        fullCapacity: r.full_capacity,
        isMe: r.is_me,
      });
      households.set(r.household_id, h);
    }
    const compounds = new Map<string, MyCompoundDto>();
    for (const r of units) {
      const c = compounds.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, units: [] };
      c.units.push({
        id: r.id,
        number: r.number,
        buildingName: r.building_name,
        kind: r.kind,
        areaCentiM2: r.area_centi_m2,
        areaSource: r.area_source,
        relation: r.relation,
        coOwners: r.co_owners,
        iVote: r.i_vote,
      });
      compounds.set(r.unit_id, c);
    }
    return { households: [...households.values()], compounds: [...compounds.values()] };
  }
}
