import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { doorProxyRefusal } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import type { Actor } from '../common/actor';
import { compareChinese } from '../common/collation';
import { equalStrings, keyedHash } from '../common/keyed-hash';
import { conflict } from '../common/refusals';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { accountRollEntries } from '../rolls/roll-reads';
import type { AttendanceDto, AttendeeDto, CheckInCodeDto, InvitedPersonDto, RecordProxyDto, SelfCheckInResultDto } from './dto/session.dto';
import type { Rolls } from './session-rolls';
import { countingKeys, mayAttend, personKey, quorumOf, requireCheckInTime, sessionRolls } from './session-rolls';
import { guestsOf } from './room-store';
import { guestDto } from './session-officers.service';
import { SessionEvents } from './session-events';
import type { AttendanceRow, SessionRow } from './session-store';
import { attendanceOf, checkIn, insertProxy, proxiesOf, recordDeparture, sessionRow } from './session-store';

/**
 * The room's QR code changes every CODE_PERIOD_MS and each code works until one period after it
 * is replaced: a phone in the room has at least half a minute, a photo sent home soon stops working.
 */
const CODE_PERIOD_MS = 30_000;

/**
 * The check-in desk of a session (签到台) and the room's QR: people of the invited rolls checked in
 * once (at the desk or by phone), written proxies at the door, departures, the attendance list and
 * the search the desk finds people with. Each change is announced to the session's screens.
 */
@Injectable()
export class SessionDeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: SessionEvents,
    private readonly limits: RateLimitService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** Checks a person of an invited roll in at the desk (签到). Twice is refused, naming when they came. */
  async checkIn(actor: Actor, sessionId: string, person: AttendeeDto): Promise<AttendanceDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireCheckInTime(row);
      const rolls = await sessionRolls(m, row);
      const invited = rolls.people.get(personKey(person.personType, person.personId));
      if (!invited || !mayAttend(row.kind, rolls, invited)) {
        throw conflict('not_invited', 'This person is on none of the rolls invited to this session.', { personType: person.personType, personId: person.personId });
      }
      const { fresh, row: entry } = await checkIn(m, { sessionId, unitId: invited.unitId, personType: person.personType, personId: person.personId, method: 'desk', by: actor.id });
      if (!fresh) {
        throw conflict('already_checked_in', `${invited.name} checked in at ${entry.checked_in_at.toISOString()}.`, { checkedInAt: entry.checked_in_at.toISOString(), leftAt: entry.left_at?.toISOString() ?? null });
      }
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: invited.unitId, action: 'session.check_in', entityType: 'discussion_session', entityId: sessionId, after: { personType: person.personType, personId: person.personId, method: 'desk' } });
    });
    return this.attendance(actor, sessionId);
  }

  /** The code of the room's QR now, for the screen (it asks again when it rotates). */
  async checkInCode(_actor: Actor, sessionId: string): Promise<CheckInCodeDto> {
    const row = (await sessionRow(this.dataSource.manager, sessionId))!;
    requireCheckInTime(row);
    const slot = Math.floor(Date.now() / CODE_PERIOD_MS);
    const code = this.codeFor(sessionId, slot);
    return {
      code,
      path: `/sessions/${sessionId}/check-in?c=${code}`,
      rotatesAt: new Date((slot + 1) * CODE_PERIOD_MS).toISOString(),
      validUntil: new Date((slot + 2) * CODE_PERIOD_MS).toISOString(),
    };
  }

  private codeFor(sessionId: string, slot: number): string {
    return keyedHash(this.secret.key, 'session-check-in', `${sessionId}:${slot}`).slice(0, 12);
  }

  /**
   * A resident checks in on their phone by the room's QR code (签到): every entry of the invited
   * rolls linked to their account comes in (a member and an owner of two invited units are two
   * entries). The code proves they are in the room; an old one is refused, naming why.
   */
  async selfCheckIn(actor: Actor, sessionId: string, code: string): Promise<SelfCheckInResultDto> {
    await this.limits.hit({ key: `session-check-in:${actor.id}`, max: 20, windowSeconds: 600 });
    const result = await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireCheckInTime(row);
      const slot = Math.floor(Date.now() / CODE_PERIOD_MS);
      const given = code.trim().toLowerCase();
      if (![slot, slot - 1].some((s) => equalStrings(this.codeFor(sessionId, s), given))) {
        throw conflict('code_expired', 'This check-in code is not the one shown in the room now: scan the code on the screen again.');
      }
      const rolls = await sessionRolls(m, row);
      const mine = (await accountRollEntries(m, actor.id))
        .filter((e) => e.onRoll && e.personType !== 'tenant')
        .map((e) => rolls.people.get(personKey(e.personType, e.personId)))
        .filter((p): p is NonNullable<typeof p> => p !== undefined && mayAttend(row.kind, rolls, p));
      if (mine.length === 0) throw conflict('not_invited', 'Your account is linked to no one on the rolls invited to this session: check in at the desk.');
      const checkedIn: string[] = [];
      const already: string[] = [];
      for (const person of mine) {
        const { fresh } = await checkIn(m, { sessionId, unitId: person.unitId, personType: person.personType, personId: person.personId, method: 'phone', by: actor.id });
        (fresh ? checkedIn : already).push(person.name);
      }
      if (checkedIn.length === 0) throw conflict('already_checked_in', 'You are already checked in.', { names: already });
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.check_in', entityType: 'discussion_session', entityId: sessionId, after: { method: 'phone', people: checkedIn.length } });
      return { checkedIn, already };
    });
    return { ...result, quorum: (await this.attendance(actor, sessionId)).quorum };
  }

  /**
   * Records a written proxy at the door (委托书): the principal, on an invited roll and not here, is
   * represented by an agent who is checked in, if the body's rule lets the proxy count (libs/domain:
   * owners to anyone, a member assembly within the household, other bodies none). The principal then
   * counts toward the quorum while the agent is in the room.
   */
  async recordProxy(actor: Actor, sessionId: string, input: RecordProxyDto): Promise<AttendanceDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      requireCheckInTime(row);
      const rolls = await sessionRolls(m, row);
      const principal = rolls.people.get(personKey(input.principalType, input.principalId));
      const agent = input.agentType === 'guest' ? await this.guestAgent(m, sessionId, input.agentId) : this.rollAgent(rolls, row, input.agentType, input.agentId);
      if (!principal || !mayAttend(row.kind, rolls, principal)) throw conflict('not_invited', 'The principal is a person of the rolls invited to this session.');
      if (!agent) throw conflict('not_invited', 'The agent is a person of the rolls invited to this session, or a guest named for it.');
      const entries = await attendanceOf(m, sessionId);
      const arrival = (key: string): AttendanceRow | undefined => entries.find((e) => personKey(e.person_type, e.person_id) === key);
      const agentArrival = arrival(agent.key);
      const agentHere = input.agentType === 'guest' ? agent.here : !!agentArrival && !agentArrival.left_at;
      if (!agentHere) throw conflict('not_checked_in', `${agent.name} holds the proxy and is checked in first.`, { who: 'agent' });
      const principalHere = arrival(principal.voterId);
      if (principalHere && !principalHere.left_at) throw conflict('already_checked_in', `${principal.name} is in the room and represents themself.`, { who: 'principal' });
      // A guest is on no roll: the rule decides whether anyone may hold the proxy (owners: yes; a member assembly: only a household member).
      const refusal = rolls.electorate ? doorProxyRefusal(row.kind, rolls.electorate, { principal: principal.voterId, agent: agent.key, written: input.written }) : 'proxy-not-allowed';
      if (refusal) throw conflict('proxy_rejected', `The rule of this session does not count this proxy (${refusal}).`, { rule: refusal });
      const fresh = await insertProxy(m, { sessionId, principalType: input.principalType, principalId: input.principalId, agentType: input.agentType, agentId: input.agentId, written: input.written, by: actor.id });
      if (!fresh) throw conflict('proxy_exists', `A proxy of ${principal.name} is already recorded at this session.`);
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: principal.unitId, action: 'session.proxy', entityType: 'discussion_session', entityId: sessionId, after: { principal: input.principalId, agentType: input.agentType, agent: input.agentId } });
    });
    return this.attendance(actor, sessionId);
  }

  /** Records that a person checked in has left (离场): they stop counting toward the quorum; their check-in stays. */
  async depart(actor: Actor, sessionId: string, person: AttendeeDto): Promise<AttendanceDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      if (row.status !== 'announced') throw conflict('not_announced', 'Nobody is checked in at a session whose notice is not up.');
      const result = await recordDeparture(m, sessionId, person.personType, person.personId);
      if (!result) throw conflict('not_checked_in', 'This person has not checked in.');
      if (!result.left) throw conflict('already_left', `This person left at ${result.row.left_at!.toISOString()}.`, { leftAt: result.row.left_at!.toISOString() });
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: result.row.unit_id, action: 'session.depart', entityType: 'discussion_session', entityId: sessionId, after: { personType: person.personType, personId: person.personId } });
    });
    return this.attendance(actor, sessionId);
  }

  /**
   * The invited people matching a name, a unit number or a household number, for the desk (at most
   * 20, those not yet checked in first), with whether each counts toward the quorum.
   */
  async people(_actor: Actor, sessionId: string, query: string): Promise<InvitedPersonDto[]> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const rolls = await sessionRolls(m, row);
    const arrivals = new Map((await attendanceOf(m, sessionId)).map((e) => [personKey(e.person_type, e.person_id), e]));
    const counting = countingKeys(row, rolls);
    const needle = query.trim().toLowerCase();
    const matches = [...rolls.people.values()].filter(
      (p) => mayAttend(row.kind, rolls, p) && (p.name.toLowerCase().includes(needle) || p.groupLabel.toLowerCase() === needle || p.unitLabels.some((u) => u.toLowerCase() === needle)),
    );
    return matches
      .map((p) => ({ p, arrived: arrivals.get(p.voterId) }))
      .sort((a, b) => Number(a.arrived !== undefined) - Number(b.arrived !== undefined) || compareChinese(a.p.name, b.p.name))
      .slice(0, 20)
      .map(({ p, arrived }) => ({
        personType: p.personType,
        personId: p.personId,
        name: p.name,
        unitId: p.unitId,
        groupLabel: p.groupLabel,
        unitLabels: p.unitLabels,
        counts: counting === null ? false : counting.has(p.voterId),
        checkedInAt: arrived?.checked_in_at.toISOString() ?? null,
        leftAt: arrived?.left_at?.toISOString() ?? null,
      }));
  }

  /** An agent of the rolls: invited, named by their key (whether they are here, the attendance says). */
  private rollAgent(rolls: Rolls, row: SessionRow, type: 'owner' | 'member', id: string): { key: string; name: string; here: boolean } | null {
    const agent = rolls.people.get(personKey(type, id));
    if (!agent || !mayAttend(row.kind, rolls, agent)) return null;
    return { key: agent.voterId, name: agent.name, here: false };
  }

  /** A guest named for the session as an agent, and whether they are in the room (checked in, not left). */
  private async guestAgent(m: EntityManager, sessionId: string, guestId: string): Promise<{ key: string; name: string; here: boolean } | null> {
    const guest = (await guestsOf(m, sessionId)).find((g) => g.id === guestId);
    return guest ? { key: personKey('guest', guest.id), name: guest.name, here: !!guest.checked_in_at && !guest.left_at } : null;
  }

  /** Who came, in order of arrival, with what each carries, and the quorum. */
  async attendance(_actor: Actor, sessionId: string): Promise<AttendanceDto> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const rolls = await sessionRolls(m, row);
    const entries = await attendanceOf(m, sessionId);
    const proxies = await proxiesOf(m, sessionId);
    const guests = await guestsOf(m, sessionId);
    const quorum = quorumOf(row, rolls, entries, proxies, guests);
    const counted = new Set(quorum.countedKeys);
    const here = new Set(entries.filter((e) => e.left_at === null).map((e) => personKey(e.person_type, e.person_id)));
    const nameOf = (type: string, id: string): string => (type === 'guest' ? guests.find((g) => g.id === id)?.name : rolls.people.get(personKey(type, id))?.name) ?? '';
    return {
      proxies: proxies.map((p) => ({
        principalType: p.principal_type,
        principalId: p.principal_id,
        principalName: nameOf(p.principal_type, p.principal_id),
        agentName: nameOf(p.agent_type, p.agent_id),
        recordedAt: p.recorded_at.toISOString(),
        counted: !here.has(personKey(p.principal_type, p.principal_id)) && counted.has(personKey(p.principal_type, p.principal_id)),
      })),
      entries: entries.map((e) => {
        const person = rolls.people.get(personKey(e.person_type, e.person_id));
        return {
          personType: e.person_type,
          personId: e.person_id,
          name: person?.name ?? '',
          unitId: e.unit_id,
          groupLabel: person?.groupLabel ?? '',
          unitLabels: person?.unitLabels ?? [],
          area: person?.area ?? 0,
          method: e.method,
          checkedInAt: e.checked_in_at.toISOString(),
          leftAt: e.left_at?.toISOString() ?? null,
          counted: e.left_at === null && counted.has(personKey(e.person_type, e.person_id)),
        };
      }),
      guests: guests.map(guestDto),
      quorum: quorum.dto,
    };
  }
}
