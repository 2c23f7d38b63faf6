import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import type { MyCompoundDto, MyHouseholdDto, MyRollDto } from './me.dto';

/** "My household / my units": the roll entries linked to the signed-in account. */
@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async roll(actor: Actor): Promise<MyRollDto> {
    const [members, units] = await Promise.all([
      this.dataSource.query<
        { unit_id: string; unit_name: string; household_id: string; number: string; address: string | null; name: string; is_household_head: boolean; is_household_representative: boolean; is_member_representative: boolean; full_capacity: boolean; is_me: boolean }[]
      >(
        `SELECT n.id AS unit_id, n.name AS unit_name, h.id AS household_id, h.number, h.address,
                m.name, m.is_household_head, m.is_household_representative, m.is_member_representative,
                (m.birth_date + interval '18 years')::date < (now() AT TIME ZONE $2)::date AS full_capacity,
                m.user_id IS NOT DISTINCT FROM $1::uuid AS is_me
           FROM household h
           JOIN org_node n ON n.id = h.unit_id
           JOIN member m ON m.household_id = h.id AND m.removed_revision_id IS NULL
          WHERE h.id IN (SELECT household_id FROM member WHERE user_id = $1 AND removed_revision_id IS NULL)
            AND h.removed_revision_id IS NULL
          ORDER BY n.name, h.number, m.is_household_head DESC, m.birth_date`,
        [actor.id, LEGAL_TIME_ZONE],
      ),
      this.dataSource.query<
        { unit_id: string; unit_name: string; id: string; number: string; building_name: string | null; kind: ExclusiveUnitKind; area_centi_m2: number; area_source: AreaSource; relation: 'owner' | 'tenant'; co_owners: string[]; i_vote: boolean }[]
      >(
        `SELECT n.id AS unit_id, n.name AS unit_name, e.id, e.number, b.name AS building_name, e.kind, e.area_centi_m2, e.area_source,
                'owner' AS relation,
                coalesce((SELECT array_agg(o2.name ORDER BY o2.name) FROM ownership s2 JOIN owner o2 ON o2.id = s2.owner_id
                           WHERE s2.exclusive_unit_id = e.id AND o2.id <> o.id AND s2.removed_revision_id IS NULL), '{}') AS co_owners,
                s.is_designated_voter AS i_vote
           FROM owner o JOIN ownership s ON s.owner_id = o.id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
           JOIN org_node n ON n.id = e.unit_id LEFT JOIN building b ON b.id = e.building_id
          WHERE o.user_id = $1 AND o.removed_revision_id IS NULL AND s.removed_revision_id IS NULL AND e.removed_revision_id IS NULL
         UNION ALL
         SELECT n.id, n.name, e.id, e.number, b.name, e.kind, e.area_centi_m2, e.area_source, 'tenant', '{}', false
           FROM tenant t JOIN exclusive_unit e ON e.id = t.exclusive_unit_id
           JOIN org_node n ON n.id = e.unit_id LEFT JOIN building b ON b.id = e.building_id
          WHERE t.user_id = $1 AND t.removed_revision_id IS NULL AND e.removed_revision_id IS NULL
          ORDER BY 2, 4`,
        [actor.id],
      ),
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
