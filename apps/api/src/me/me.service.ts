import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { consultationsOfUnit } from '../consultations/consultation-store';
import { nodeById } from '../organizations/organization-store';
import { accountHouseholdMembers, accountRollEntries, accountUnits } from '../rolls/roll-reads';
import { sessionsOf } from '../sessions/session-store';
import { grantsOf } from '../users/grant-store';
import { openVotesOfAccount, txQuery } from '../votes/ballots/ballot-store';
import type { MyCompoundDto, MyHouseholdDto, MyOpenMattersDto, MyRollDto } from './me.dto';

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

  /**
   * What waits for me in every unit I belong to (by my roll entries and my roles): the open votes
   * I may cast in and whether I have, the consultations open for comment, the sessions I am invited
   * to. A session of building heads only shows to a building head of its units.
   */
  async openMatters(actor: Actor): Promise<MyOpenMattersDto> {
    const m = this.dataSource.manager;
    const [entries, grants, votes] = await Promise.all([accountRollEntries(m, actor.id), grantsOf(m, actor.id), openVotesOfAccount(txQuery(m), actor.id)]);
    const unitIds = [...new Set([...entries.filter((e) => e.onRoll).map((e) => e.unitId), ...grants.map((g) => g.node_id)])];
    const units = (await Promise.all(unitIds.map((id) => nodeById(m, id)))).filter((n): n is NonNullable<typeof n> => !!n && (n.kind === 'compound' || n.kind === 'cooperative'));
    const consultations: MyOpenMattersDto['consultations'] = [];
    const sessions = new Map<string, MyOpenMattersDto['sessions'][number]>();
    const now = Date.now();
    for (const unit of units) {
      // A unit's consultations open for comment (with their titles) and its sessions: neither waits for the other.
      const [open, unitSessions] = await Promise.all([consultationsOfUnit(m, unit.id, 'comment'), sessionsOf(m, unit.id, false)]);
      for (const c of open) if (!consultations.some((x) => x.id === c.id)) consultations.push({ id: c.id, title: c.title, unitId: unit.id, unitName: unit.name });
      const headHere = grants.some((g) => g.role === 'building_head' && g.node_id === unit.id);
      for (const s of unitSessions) {
        if (s.status !== 'announced' || s.ends_at.getTime() < now || (s.invite === 'building_heads' && !headHere) || sessions.has(s.id)) continue;
        sessions.set(s.id, { id: s.id, title: s.title, place: s.place, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), unitName: unit.name });
      }
    }
    return {
      votes: votes.map((v) => ({ id: v.id, title: v.title, unitId: v.unit_id, unitName: v.unit_name, closesAt: v.closes_at.toISOString(), voters: v.voters, voted: v.voted })),
      consultations,
      sessions: [...sessions.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    };
  }
}
