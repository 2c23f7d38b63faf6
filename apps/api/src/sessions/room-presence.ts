import type { EntityManager } from 'typeorm';
import { conflict } from '../common/refusals';
import type { SpeakerDto } from './dto/room.dto';
import type { GuestRow, SpeechRow } from './room-store';
import { guestsOf } from './room-store';
import type { Rolls } from './session-rolls';
import { personKey, quorumOf, sessionRolls } from './session-rolls';
import type { AttendanceRow, ProxyRow, SessionRow } from './session-store';
import { attendanceOf, proxiesOf } from './session-store';

/** Who is in a session's room now: the invited rolls, the check-ins, the door proxies, the guests, and the quorum they make. */
export interface Presence {
  rolls: Rolls;
  attendance: AttendanceRow[];
  proxies: ProxyRow[];
  guests: GuestRow[];
  quorum: ReturnType<typeof quorumOf>['dto'];
}

export async function presenceIn(m: EntityManager, row: SessionRow): Promise<Presence> {
  const [rolls, attendance, proxies, guests] = await Promise.all([sessionRolls(m, row), attendanceOf(m, row.id), proxiesOf(m, row.id), guestsOf(m, row.id)]);
  return { rolls, attendance, proxies, guests, quorum: quorumOf(row, rolls, attendance, proxies, guests).dto };
}

/** Whether a person of the rolls is in the room: checked in and not left. */
export function isHere(presence: Presence, personType: string, personId: string): boolean {
  return presence.attendance.some((a) => a.left_at === null && a.person_type === personType && a.person_id === personId);
}

/** Whether the holder of a door proxy is in the room (a person of the rolls or a guest). */
export function agentHere(door: ProxyRow, presence: Presence): boolean {
  if (door.agent_type === 'guest') return presence.guests.some((g) => g.id === door.agent_id && g.checked_in_at !== null && g.left_at === null);
  return isHere(presence, door.agent_type, door.agent_id);
}

/** The room acts while the session sits: from its start to its end, once its notice is up. */
export function requireSitting(row: SessionRow): void {
  if (row.status !== 'announced') throw conflict('not_announced', 'The notice of this session is not up.', { status: row.status });
  const now = Date.now();
  if (now < row.starts_at.getTime() || now > row.ends_at.getTime()) {
    throw conflict('not_started', 'The room acts while the session sits, from its start to its end.', { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() });
  }
}

/** Speakers as the screen names them: a person of the rolls by the roll's name, a guest with whom they come for. */
export async function speakerDtos(m: EntityManager, row: SessionRow, speeches: SpeechRow[]): Promise<SpeakerDto[]> {
  const rolls = speeches.some((s) => s.person_id) ? await sessionRolls(m, row) : null;
  const guests = new Map((await guestsOf(m, row.id)).map((g) => [g.id, g]));
  return speeches.map((s) => {
    const guest = s.guest_id ? guests.get(s.guest_id) : undefined;
    const name = guest ? (guest.affiliation ? `${guest.name}（${guest.affiliation}）` : guest.name) : (rolls?.people.get(personKey(s.person_type!, s.person_id!))?.name ?? '');
    return { id: s.id, name, guest: !!guest, via: s.via, requestedAt: s.requested_at.toISOString(), calledAt: s.called_at?.toISOString() ?? null };
  });
}
