import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { doorProxyRefusal, HOUR_MS, meetingQuorum, QUORUM_RULES, sessionNoticeEndsAt } from '@yishi/domain';
import type { Electorate, SessionKind } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import { equalStrings, keyedHash } from '../common/keyed-hash';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import { accountRollEntries } from '../rolls/roll-reads';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { assertReasonOfSubstance } from '../common/reasons';
import { conflict, invalid } from '../common/refusals';
import { publishedVersionHead } from '../consultations/consultation-store';
import { topicHead } from '../topics/topic-store';
import { voteHead } from '../votes/lifecycle/vote-store';
import { nodeById, nodesUnder } from '../organizations/organization-store';
import { allows, PermissionsService } from '../permissions/permissions.service';
import type { RollVoter } from '../rolls/unit-electorate';
import { unitElectorate } from '../rolls/unit-electorate';
import type { AddAgendaItemDto, AgendaItemDto, AttendanceDto, AttendeeDto, CheckInCodeDto, CreateSessionDto, DeferAgendaItemDto, InvitedPersonDto, QuorumDto, RecordProxyDto, ReorderAgendaDto, SelfCheckInResultDto, SessionDto } from './dto/session.dto';
import { AGENDA_LIMITS, SESSION_LIMITS } from './dto/session.dto';
import { AgendaItem } from './entities/agenda-item.entity';
import { SessionEvents } from './session-events';
import { DiscussionSession } from './entities/discussion-session.entity';
import type { AgendaRow, AttendanceRow, ProxyRow, SessionRow } from './session-store';
import { agendaOf, announce, attendanceOf, checkIn, deferItem, insertProxy, inviteUnits, proxiesOf, recordDeparture, reorderAgenda, sessionRow, sessionsOf } from './session-store';

/** The kinds of session each kind of node holds. */
const KINDS_OF_NODE: Readonly<Record<string, readonly SessionKind[]>> = {
  compound: ['consultative', 'owners_meeting'],
  cooperative: ['consultative', 'member_assembly', 'representative_assembly'],
  community: ['joint_meeting'],
};

/** Check-ins open this long before the start (people arrive early; the desk is set up). */
const CHECK_IN_OPENS_BEFORE_MS = 2 * HOUR_MS;

/**
 * The room's QR code changes every CODE_PERIOD_MS and each code works until one period after it
 * is replaced: a phone in the room has at least half a minute, a photo sent home soon stops working.
 */
const CODE_PERIOD_MS = 30_000;

/** The invited rolls of a session as its quorum reads them: the counting persons, and everyone on the rolls by person. */
interface Rolls {
  electorate: Electorate | null;
  people: Map<string, RollVoter & { unitId: string; area: number }>;
}

const personKey = (personType: string, personId: string): string => `${personType}:${personId}`;

/**
 * Discussion sessions (议事会): those who run a unit's consultations schedule a session of the unit
 * (or, on a community, a joint meeting over some of its units) and put its notice up once the
 * body's notice period fits; the desk checks people of the invited rolls in and records who
 * leaves; everyone invited sees the live quorum, those at the desk the attendance list.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly events: SessionEvents,
    private readonly limits: RateLimitService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  async create(actor: Actor, nodeId: string, input: CreateSessionDto): Promise<SessionDto> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw invalid('endsAt', 'invalid', 'A session ends after it starts.');
    if (endsAt.getTime() - startsAt.getTime() > SESSION_LIMITS.maxHours * HOUR_MS) {
      throw invalid('endsAt', 'sessionLength', `A session lasts at most ${SESSION_LIMITS.maxHours} hours; hold another one for the rest.`);
    }
    if (startsAt.getTime() <= Date.now()) throw invalid('startsAt', 'minDate', 'A session is scheduled ahead: its start is in the future.');
    const id = await this.dataSource.transaction(async (m) => {
      const node = (await nodeById(m, nodeId))!;
      const kinds = KINDS_OF_NODE[node.kind] ?? [];
      if (!kinds.includes(input.kind)) {
        throw invalid('kind', 'sessionKindOfUnit', `A ${node.kind} holds ${kinds.length ? kinds.join(', ') : 'no sessions'}, not a ${input.kind}.`, { allowed: kinds });
      }
      const units = input.kind === 'joint_meeting' ? await this.jointUnits(m, nodeId, input.unitIds) : [nodeId];
      if (input.kind !== 'joint_meeting' && input.unitIds !== undefined) {
        throw invalid('unitIds', 'jointUnits', 'Only a joint meeting names its units: a unit’s own session invites its own roll.');
      }
      const saved = await m.getRepository(DiscussionSession).save({
        nodeId,
        kind: input.kind,
        title: input.title.trim(),
        place: input.place.trim(),
        startsAt,
        endsAt,
        status: 'draft' as const,
        announcedAt: null,
        noticeEndsAt: null,
        createdBy: actor.id,
      });
      await inviteUnits(m, saved.id, units);
      await this.audit.record(m, { actor, nodeId, action: 'session.create', entityType: 'discussion_session', entityId: saved.id, after: { kind: input.kind, startsAt, endsAt, units } });
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** The units of a joint meeting: two or more compounds or cooperatives under the community. */
  private async jointUnits(m: EntityManager, communityId: string, unitIds: string[] | undefined): Promise<string[]> {
    if (!unitIds) throw invalid('unitIds', 'jointUnits', 'A joint meeting names the units whose rolls it invites (two or more).');
    const found = await nodesUnder(m, unitIds, communityId);
    const wrong = unitIds.filter((id) => {
      const node = found.find((n) => n.id === id);
      return !node || !node.under || (node.kind !== 'compound' && node.kind !== 'cooperative');
    });
    if (wrong.length) throw invalid('unitIds', 'jointUnits', 'Each unit of a joint meeting is a compound or a cooperative of this community.', { unitIds: wrong });
    return unitIds;
  }

  async list(actor: Actor, nodeId: string): Promise<SessionDto[]> {
    const m = this.dataSource.manager;
    const access = await this.permissions.accessOn(actor, nodeId, m);
    const rows = await sessionsOf(m, nodeId, allows(access, 'consultation.manage'));
    return Promise.all(rows.map(async (row) => this.toDto(row, await this.quorum(m, row), await agendaOf(m, row.id))));
  }

  async get(_actor: Actor, sessionId: string): Promise<SessionDto> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    return this.toDto(row, await this.quorum(m, row), await agendaOf(m, sessionId));
  }

  /** Puts the notice up: from now, the body's notice period must have run by the start. */
  async announce(actor: Actor, sessionId: string): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      if (row.status !== 'draft') throw conflict('not_a_draft', 'The notice of this session is already up, or it was cancelled.', { status: row.status });
      const now = new Date();
      const noticeEndsAt = sessionNoticeEndsAt(row.kind, now);
      if (noticeEndsAt > row.starts_at) {
        throw conflict('notice_too_short', `The notice of a ${row.kind} must be up until ${noticeEndsAt.toISOString()}: the session has to start then or later.`, {
          noticeEndsAt: noticeEndsAt.toISOString(),
        });
      }
      if (!(await announce(m, sessionId, now, noticeEndsAt))) throw new Error(`session ${sessionId} changed under its row lock`);
      await this.events.announce(m, sessionId, 'session');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.announce', entityType: 'discussion_session', entityId: sessionId, after: { noticeEndsAt } });
    });
    return this.get(actor, sessionId);
  }

  /** Checks a person of an invited roll in at the desk (签到). Twice is refused, naming when they came. */
  async checkIn(actor: Actor, sessionId: string, person: AttendeeDto): Promise<AttendanceDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      this.requireCheckInTime(row);
      const rolls = await this.rolls(m, row);
      const invited = rolls.people.get(personKey(person.personType, person.personId));
      if (!invited || !this.mayAttend(row.kind, rolls, invited)) {
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
    this.requireCheckInTime(row);
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
      this.requireCheckInTime(row);
      const slot = Math.floor(Date.now() / CODE_PERIOD_MS);
      const given = code.trim().toLowerCase();
      if (![slot, slot - 1].some((s) => equalStrings(this.codeFor(sessionId, s), given))) {
        throw conflict('code_expired', 'This check-in code is not the one shown in the room now: scan the code on the screen again.');
      }
      const rolls = await this.rolls(m, row);
      const mine = (await accountRollEntries(m, actor.id))
        .filter((e) => e.onRoll && e.personType !== 'tenant')
        .map((e) => rolls.people.get(personKey(e.personType, e.personId)))
        .filter((p): p is NonNullable<typeof p> => p !== undefined && this.mayAttend(row.kind, rolls, p));
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
      this.requireCheckInTime(row);
      const rolls = await this.rolls(m, row);
      const principal = rolls.people.get(personKey(input.principalType, input.principalId));
      const agent = rolls.people.get(personKey(input.agentType, input.agentId));
      if (!principal || !agent || !this.mayAttend(row.kind, rolls, principal) || !this.mayAttend(row.kind, rolls, agent)) {
        throw conflict('not_invited', 'The principal and the agent are both people of the rolls invited to this session.');
      }
      const entries = await attendanceOf(m, sessionId);
      const arrival = (key: string): AttendanceRow | undefined => entries.find((e) => personKey(e.person_type, e.person_id) === key);
      const agentHere = arrival(agent.voterId);
      if (!agentHere || agentHere.left_at) throw conflict('not_checked_in', `${agent.name} holds the proxy and is checked in first.`, { who: 'agent' });
      const principalHere = arrival(principal.voterId);
      if (principalHere && !principalHere.left_at) throw conflict('already_checked_in', `${principal.name} is in the room and represents themself.`, { who: 'principal' });
      const refusal = rolls.electorate ? doorProxyRefusal(row.kind, rolls.electorate, { principal: principal.voterId, agent: agent.voterId, written: input.written }) : 'proxy-not-allowed';
      if (refusal) throw conflict('proxy_rejected', `The rule of this session does not count this proxy (${refusal}).`, { rule: refusal });
      const fresh = await insertProxy(m, { sessionId, principalType: input.principalType, principalId: input.principalId, agentType: input.agentType, agentId: input.agentId, written: input.written, by: actor.id });
      if (!fresh) throw conflict('proxy_exists', `A proxy of ${principal.name} is already recorded at this session.`);
      await this.events.announce(m, sessionId, 'attendance');
      await this.audit.record(m, { actor, nodeId: principal.unitId, action: 'session.proxy', entityType: 'discussion_session', entityId: sessionId, after: { principal: input.principalId, agent: input.agentId } });
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
    const rolls = await this.rolls(m, row);
    const arrivals = new Map((await attendanceOf(m, sessionId)).map((e) => [personKey(e.person_type, e.person_id), e]));
    const counting = this.countingKeys(row, rolls);
    const needle = query.trim().toLowerCase();
    const matches = [...rolls.people.values()].filter(
      (p) => this.mayAttend(row.kind, rolls, p) && (p.name.toLowerCase().includes(needle) || p.groupLabel.toLowerCase() === needle || p.unitLabels.some((u) => u.toLowerCase() === needle)),
    );
    return matches
      .map((p) => ({ p, arrived: arrivals.get(p.voterId) }))
      .sort((a, b) => Number(a.arrived !== undefined) - Number(b.arrived !== undefined) || a.p.name.localeCompare(b.p.name, 'zh-CN'))
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

  /** The keys of the counting persons' voters (everyone on the roll present), or null where the session has no quorum. */
  private countingKeys(row: SessionRow, rolls: Rolls): Set<string> | null {
    if (!rolls.electorate) return null;
    return new Set(meetingQuorum(row.kind, rolls.electorate, rolls.people.keys()).counted);
  }

  /** Who came, in order of arrival, with what each carries, and the quorum. */
  async attendance(_actor: Actor, sessionId: string): Promise<AttendanceDto> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const rolls = await this.rolls(m, row);
    const entries = await attendanceOf(m, sessionId);
    const proxies = await proxiesOf(m, sessionId);
    const quorum = this.quorumOf(row, rolls, entries, proxies);
    const counted = new Set(quorum.countedKeys);
    const here = new Set(entries.filter((e) => e.left_at === null).map((e) => personKey(e.person_type, e.person_id)));
    const nameOf = (type: string, id: string): string => rolls.people.get(personKey(type, id))?.name ?? '';
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
      quorum: quorum.dto,
    };
  }

  /**
   * Adds an item at the end of the agenda: a topic of an invited unit still open or accepted, a
   * published version of a draft that concerns an invited unit, a vote of an invited unit not yet
   * counted, or a free item. Once the notice is up, an item needs the reason it cannot wait.
   */
  async addAgendaItem(actor: Actor, sessionId: string, input: AddAgendaItemDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      this.requireOpenAgenda(row);
      const agenda = await agendaOf(m, sessionId);
      if (agenda.length >= AGENDA_LIMITS.items) throw invalid('kind', 'arrayMaxSize', `An agenda holds at most ${AGENDA_LIMITS.items} items.`);
      const urgentReason = input.urgentReason?.trim() ?? null;
      if (row.status === 'announced') {
        if (!urgentReason) throw invalid('urgentReason', 'isNotEmpty', 'The notice is up: an item added now says why it cannot wait for another session.');
        assertReasonOfSubstance('urgentReason', urgentReason, 'An item added after the notice');
      }
      const linked = await this.linkedItem(m, row, input);
      const title = input.title?.trim() || linked.title;
      if (!title) throw invalid('title', 'isNotEmpty', 'A free item needs a title.');
      const saved = await m.getRepository(AgendaItem).save({
        sessionId,
        position: agenda.length + 1,
        kind: input.kind,
        topicId: linked.topicId,
        versionId: linked.versionId,
        voteId: linked.voteId,
        title,
        urgentReason: row.status === 'announced' ? urgentReason : null,
        deferredAt: null,
        deferredReason: null,
        createdBy: actor.id,
      });
      await this.events.announce(m, sessionId, 'agenda');
      await this.audit.record(m, {
        actor,
        nodeId: row.node_id,
        action: 'session.agenda_add',
        entityType: 'discussion_session',
        entityId: sessionId,
        after: { itemId: saved.id, kind: input.kind, title, urgentReason: saved.urgentReason },
      });
    });
    return this.get(actor, sessionId);
  }

  /** What an item links to, checked against the session's units; its title. */
  private async linkedItem(m: EntityManager, row: SessionRow, input: AddAgendaItemDto): Promise<{ topicId: string | null; versionId: string | null; voteId: string | null; title: string | null }> {
    const links = { topic: input.topicId, draft: input.versionId, vote: input.voteId } as const;
    for (const [kind, id] of Object.entries(links)) {
      const field = kind === 'topic' ? 'topicId' : kind === 'draft' ? 'versionId' : 'voteId';
      if (kind === input.kind && id === undefined) throw invalid(field, 'isNotEmpty', `An item of kind ${kind} names its ${field}.`);
      if (kind !== input.kind && id !== undefined) throw invalid(field, 'invalid', `Only an item of kind ${kind} names a ${field}.`);
    }
    const units = new Set(row.units.map((u) => u.id));
    const none = { topicId: null, versionId: null, voteId: null };
    switch (input.kind) {
      case 'free':
        return { ...none, title: null };
      case 'topic': {
        const topic = await topicHead(m, input.topicId!);
        if (!topic || !units.has(topic.unit_id)) throw invalid('topicId', 'invalid', 'The topic is none of an invited unit’s.');
        if (topic.status === 'merged' || topic.status === 'declined') throw conflict('target_closed', `The topic was ${topic.status}: it is no longer a matter to discuss.`, { status: topic.status });
        return { ...none, topicId: input.topicId!, title: topic.title };
      }
      case 'draft': {
        const version = await publishedVersionHead(m, input.versionId!);
        if (!version || !version.units.some((u) => units.has(u))) throw invalid('versionId', 'invalid', 'The version is no published version of a draft that concerns an invited unit.');
        return { ...none, versionId: input.versionId!, title: `${version.consultation_title}（第${version.number}稿）` };
      }
      case 'vote': {
        const vote = await voteHead(m, input.voteId!);
        if (!vote || !units.has(vote.unit_id)) throw invalid('voteId', 'invalid', 'The vote is none of an invited unit’s.');
        if (vote.status !== 'scheduled' && vote.status !== 'open') throw conflict('target_closed', 'The vote is no longer open: a session cannot be its meeting.', { status: vote.status });
        return { ...none, voteId: input.voteId!, title: vote.title };
      }
    }
  }

  /** Puts the agenda in a new order: every item, each once. */
  async reorderAgenda(actor: Actor, sessionId: string, input: ReorderAgendaDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      this.requireOpenAgenda(row);
      const agenda = await agendaOf(m, sessionId);
      const known = new Set(agenda.map((a) => a.id));
      if (input.itemIds.length !== agenda.length || !input.itemIds.every((id) => known.has(id))) {
        throw invalid('itemIds', 'invalid', 'Name every item of the agenda, each once, in the new order.', { items: agenda.length });
      }
      await reorderAgenda(m, sessionId, input.itemIds);
      await this.events.announce(m, sessionId, 'agenda');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.agenda_order', entityType: 'discussion_session', entityId: sessionId, after: { itemIds: input.itemIds } });
    });
    return this.get(actor, sessionId);
  }

  /** Puts an item off (延期): it stays on the agenda, marked, with why. */
  async deferAgendaItem(actor: Actor, sessionId: string, itemId: string, input: DeferAgendaItemDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      this.requireOpenAgenda(row);
      const item = (await agendaOf(m, sessionId)).find((a) => a.id === itemId);
      if (!item) throw new DomainError('NOT_FOUND', 'This session has no such agenda item.', { itemId });
      const reason = input.reason.trim();
      if (!(await deferItem(m, sessionId, itemId, reason))) throw conflict('already_deferred', 'This item was already put off.', { deferredAt: item.deferred_at?.toISOString() ?? null });
      await this.events.announce(m, sessionId, 'agenda');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.agenda_defer', entityType: 'discussion_session', entityId: sessionId, after: { itemId, reason } });
    });
    return this.get(actor, sessionId);
  }

  /** The agenda changes until the session ends; never on a cancelled one. */
  private requireOpenAgenda(row: SessionRow): void {
    if (row.status === 'cancelled') throw conflict('cancelled', 'This session was cancelled.');
    if (Date.now() > row.ends_at.getTime()) throw conflict('started', 'This session is over: its agenda is the record of what it took up.');
  }

  private requireCheckInTime(row: SessionRow): void {
    if (row.status !== 'announced') throw conflict('not_announced', 'The notice of this session is not up: nobody can be checked in yet.', { status: row.status });
    const now = Date.now();
    if (now < row.starts_at.getTime() - CHECK_IN_OPENS_BEFORE_MS || now > row.ends_at.getTime()) {
      throw conflict('check_in_closed', 'Check-ins run from two hours before the start until the end of the session.', {
        opensAt: new Date(row.starts_at.getTime() - CHECK_IN_OPENS_BEFORE_MS).toISOString(),
        closesAt: row.ends_at.toISOString(),
      });
    }
  }

  /** A representative assembly invites the representatives; every other session everyone on its rolls. */
  private mayAttend(kind: SessionKind, rolls: Rolls, person: RollVoter): boolean {
    if (kind !== 'representative_assembly') return true;
    return rolls.electorate?.kind === 'persons' && rolls.electorate.representatives.includes(person.voterId);
  }

  /** The invited rolls, named by roll id: the electorate of a single-unit session with a quorum, and everyone by person. */
  private async rolls(m: EntityManager, row: SessionRow): Promise<Rolls> {
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
    return { electorate, people };
  }

  private async quorum(m: EntityManager, row: SessionRow): Promise<QuorumDto> {
    const rolls = await this.rolls(m, row);
    return this.quorumOf(row, rolls, await attendanceOf(m, row.id), await proxiesOf(m, row.id)).dto;
  }

  private quorumOf(row: SessionRow, rolls: Rolls, entries: AttendanceRow[], proxies: ProxyRow[]): { dto: QuorumDto; countedKeys: string[] } {
    const present = entries.filter((e) => e.left_at === null).map((e) => personKey(e.person_type, e.person_id));
    const rule = QUORUM_RULES[row.kind];
    const doorProxies = proxies.map((p) => ({ principal: personKey(p.principal_type, p.principal_id), agent: personKey(p.agent_type, p.agent_id), written: p.written }));
    const state = rolls.electorate ? meetingQuorum(row.kind, rolls.electorate, present, doorProxies) : null;
    const notCounted = state ? state.notCounted : rule ? present.length : 0;
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
        present: present.length,
        notCounted,
      },
      countedKeys,
    };
  }

  private toDto(row: SessionRow, quorum: QuorumDto, agenda: AgendaRow[]): SessionDto {
    return {
      id: row.id,
      nodeId: row.node_id,
      nodeName: row.node_name,
      kind: row.kind,
      title: row.title,
      place: row.place,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      status: row.status,
      announcedAt: row.announced_at?.toISOString() ?? null,
      noticeEndsAt: row.notice_ends_at?.toISOString() ?? null,
      units: row.units,
      quorum,
      agenda: agenda.map((a, i): AgendaItemDto => ({
        id: a.id,
        position: i + 1,
        kind: a.kind,
        topicId: a.topic_id,
        versionId: a.version_id,
        voteId: a.vote_id,
        title: a.title,
        urgentReason: a.urgent_reason,
        deferredAt: a.deferred_at?.toISOString() ?? null,
        deferredReason: a.deferred_reason,
      })),
    };
  }
}
