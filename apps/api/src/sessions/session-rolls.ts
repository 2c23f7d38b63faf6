import type { SessionKind } from '@yishi/domain';
import { HOUR_MS, meetingQuorum, QUORUM_RULES } from '@yishi/domain';
import type { Electorate } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/refusals';
import type { RollVoter } from '../rolls/unit-electorate';
import { rollEntriesOfAccounts } from '../rolls/roll-reads';
import { unitElectorate } from '../rolls/unit-electorate';
import { holdersOfRole } from '../users/grant-store';
import type { QuorumDto } from './dto/session.dto';
import type { AttendanceRow, ProxyRow, SessionRow } from './session-store';
import type { GuestRow } from './room-store';
import { guestsOf } from './room-store';
import { attendanceOf, proxiesOf } from './session-store';

/**
 * What the sessions' services share about the people of a session: its invited rolls (named by
 * roll id), who may attend, when the desk is open, and the quorum they make, counted by libs/domain.
 */

/** Check-ins open this long before the start (people arrive early; the desk is set up). */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * HOUR_MS;

/** The invited rolls of a session as its quorum reads them: the counting persons, and everyone on the rolls by person. */
export interface Rolls {
  electorate: Electorate | null;
  people: Map<string, RollVoter & { unitId: string; area: number }>;
  /** Where the session invites only the building heads: their roll entries (`type:id`); null when everyone on the rolls is invited. */
  invited: Set<string> | null;
}

/** How a roll person is named in a session's electorate and maps: `owner:<id>`, `member:<id>`. */
export const personKey = (personType: string, personId: string): string => `${personType}:${personId}`;

export function requireCheckInTime(row: SessionRow): void {
  if (row.status !== 'announced') throw conflict('not_announced', 'The notice of this session is not up: nobody can be checked in yet.', { status: row.status });
  const now = Date.now();
  if (now < row.starts_at.getTime() - CHECK_IN_OPENS_BEFORE_MS || now > row.ends_at.getTime()) {
    throw conflict('check_in_closed', 'Check-ins run from two hours before the start until the end of the session.', {
      opensAt: new Date(row.starts_at.getTime() - CHECK_IN_OPENS_BEFORE_MS).toISOString(),
      closesAt: row.ends_at.toISOString(),
    });
  }
}

/** A representative assembly invites the representatives, a session of building heads those; every other session everyone on its rolls. */
export function mayAttend(kind: SessionKind, rolls: Rolls, person: RollVoter): boolean {
  if (rolls.invited) return rolls.invited.has(person.voterId);
  if (kind !== 'representative_assembly') return true;
  return rolls.electorate?.kind === 'persons' && rolls.electorate.representatives.includes(person.voterId);
}

/** The invited rolls, named by roll id: the electorate of a single-unit session with a quorum, and everyone by person. */
export async function sessionRolls(m: EntityManager, row: SessionRow): Promise<Rolls> {
  const rule = QUORUM_RULES[row.kind];
  const people: Rolls['people'] = new Map();
  let electorate: Rolls['electorate'] = null;
  const now = new Date();
  for (const unit of row.units) {
    const roll = await unitElectorate(m, unit.id, 'any', (type, id) => personKey(type, id), now);
    if (rule && row.units.length === 1) electorate = roll.electorate;
    // The area each owner brings in: their own units, the co-owned units they are designated to
    // cast, and the developer's unsold units for the developer (as the tally counts them).
    const areas = new Map<string, number>();
    if (roll.electorate.kind === 'compound') {
      for (const u of roll.electorate.units) {
        const voter = u.developerHeld ? roll.electorate.developerVoter : u.owners.length === 1 ? u.owners[0]! : u.designatedVoter;
        if (voter) areas.set(voter, (areas.get(voter) ?? 0) + u.area);
      }
    }
    for (const voter of roll.voters) people.set(voter.voterId, { ...voter, unitId: unit.id, area: areas.get(voter.voterId) ?? 0 });
  }
  const units = row.units.map((u) => u.id);
  // The building heads of the units: the roll entries linked to the accounts holding that role there.
  const invited = row.invite === 'building_heads' ? await rollEntriesOfAccounts(m, units, await holdersOfRole(m, units, 'building_head')) : null;
  return { electorate, people, invited };
}

export async function sessionQuorum(m: EntityManager, row: SessionRow): Promise<QuorumDto> {
  const rolls = await sessionRolls(m, row);
  return quorumOf(row, rolls, await attendanceOf(m, row.id), await proxiesOf(m, row.id), await guestsOf(m, row.id)).dto;
}

/**
 * The quorum of those in the room: the people of the rolls checked in and not left, and the
 * principals of door proxies whose agent is here — a person of the rolls, or a guest on no roll
 * (owners may authorise anyone). Guests themselves never count.
 */
export function quorumOf(row: SessionRow, rolls: Rolls, entries: AttendanceRow[], proxies: ProxyRow[], guests: GuestRow[]): { dto: QuorumDto; countedKeys: string[] } {
  const guestsHere = new Set(guests.filter((g) => g.checked_in_at && !g.left_at).map((g) => personKey('guest', g.id)));
  const guestAgentsHere = proxies.filter((p) => p.agent_type === 'guest' && guestsHere.has(personKey('guest', p.agent_id))).map((p) => personKey('guest', p.agent_id));
  const present = [...entries.filter((e) => e.left_at === null).map((e) => personKey(e.person_type, e.person_id)), ...new Set(guestAgentsHere)];
  const rule = QUORUM_RULES[row.kind];
  const doorProxies = proxies.map((p) => ({ principal: personKey(p.principal_type, p.principal_id), agent: personKey(p.agent_type, p.agent_id), written: p.written }));
  const state = rolls.electorate ? meetingQuorum(row.kind, rolls.electorate, present, doorProxies) : null;
  // A guest holding a proxy is in `present` only to bring the principal in: never counted, never "not counted" either.
  const notCounted = (state ? state.notCounted : rule ? present.length : 0) - new Set(guestAgentsHere).size;
  const countedKeys = state ? state.counted : [];
  return {
    dto: {
      met: state ? state.met : null,
      measures: (state?.measures ?? []).map((measure) => ({
        id: measure.id,
        present: measure.present,
        total: measure.total,
        threshold: { numerator: measure.threshold.numerator, denominator: measure.threshold.denominator },
        met: measure.met,
        percent: measure.percent,
        missing: measure.missing,
      })),
      statute: rule?.statute['zh-CN'] ?? null,
      statuteEn: rule?.statute.en ?? null,
      present: present.length - new Set(guestAgentsHere).size,
      notCounted,
    },
    countedKeys,
  };
}

/** The keys of the counting persons' voters (everyone on the roll present), or null where the session has no quorum. */
export function countingKeys(row: SessionRow, rolls: Rolls): Set<string> | null {
  if (!rolls.electorate) return null;
  return new Set(meetingQuorum(row.kind, rolls.electorate, rolls.people.keys()).counted);
}
