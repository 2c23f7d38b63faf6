import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HOUR_MS, sessionNoticeEndsAt, SUPERVISING_ROLES } from '@yishi/domain';
import type { SessionKind } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { assertReasonOfSubstance } from '../common/reasons';
import { conflict, forbidden, invalid } from '../common/refusals';
import { latestPublishedVersionsOfUnits, publishedVersionHead } from '../consultations/consultation-store';
import { nodeById, nodesUnder } from '../organizations/organization-store';
import { holdersOfRole } from '../users/grant-store';
import { NotificationsService } from '../notifications/notifications.service';
import { allows, PermissionsService } from '../permissions/permissions.service';
import { discussableTopics, topicHead } from '../topics/topic-store';
import { voteHead, votesTakingBallots } from '../votes/lifecycle/vote-store';
import type { AddAgendaItemDto, AgendaCandidateDto, AgendaItemDto, CreateSessionDto, DeferAgendaItemDto, QuorumDto, ReorderAgendaDto, SessionDto } from './dto/session.dto';
import { AGENDA_LIMITS, SESSION_LIMITS } from './dto/session.dto';
import { AgendaItem } from './entities/agenda-item.entity';
import { DiscussionSession } from './entities/discussion-session.entity';
import { guestsOf, officersOf } from './room-store';
import { guestDto } from './session-officers.service';
import { SessionEvents } from './session-events';
import { sessionQuorum } from './session-rolls';
import type { AgendaRow, SessionRow } from './session-store';
import { agendaOf, announce, decideShortening, deferItem, insertShortening, inviteUnits, latestShortening, reorderAgenda, sessionRow, sessionsOf } from './session-store';

/** The kinds of session each kind of node holds. */
const KINDS_OF_NODE: Readonly<Record<string, readonly SessionKind[]>> = {
  compound: ['consultative', 'owners_meeting'],
  cooperative: ['consultative', 'member_assembly', 'representative_assembly'],
  community: ['joint_meeting'],
};

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
    private readonly notifications: NotificationsService,
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
      const invite = input.invite ?? 'rolls';
      if (invite === 'building_heads' && input.kind !== 'consultative' && input.kind !== 'joint_meeting') {
        throw invalid('invite', 'isIn', 'A body’s meeting invites its whole roll; only a consultative session or a joint meeting may invite the building heads alone.');
      }
      if (input.kind !== 'joint_meeting' && input.unitIds !== undefined) {
        throw invalid('unitIds', 'jointUnits', 'Only a joint meeting names its units: a unit’s own session invites its own roll.');
      }
      const saved = await m.getRepository(DiscussionSession).save({
        nodeId,
        kind: input.kind,
        invite,
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
      await this.audit.record(m, { actor, nodeId, action: 'session.create', entityType: 'discussion_session', entityId: saved.id, after: { kind: input.kind, invite, startsAt, endsAt, units } });
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
    return Promise.all(rows.map((row) => this.dtoOf(m, row, actor)));
  }

  async get(actor: Actor, sessionId: string): Promise<SessionDto> {
    const m = this.dataSource.manager;
    return this.dtoOf(m, (await sessionRow(m, sessionId))!, actor);
  }

  private async dtoOf(m: EntityManager, row: SessionRow, actor?: Actor): Promise<SessionDto> {
    const [quorum, agenda, officers, guests, shortening] = await Promise.all([
      sessionQuorum(m, row),
      agendaOf(m, row.id),
      officersOf(m, row.id),
      guestsOf(m, row.id),
      latestShortening(m, row.id),
    ]);
    return {
      ...this.toDto(row, quorum, agenda),
      officers: officers.map((o) => ({ userId: o.user_id, role: o.role, name: o.display_name })),
      guests: guests.map(guestDto),
      shortening: shortening
        ? {
            id: shortening.id,
            status: shortening.status,
            reason: shortening.reason,
            requestedByName: shortening.requester,
            requestedAt: shortening.requested_at.toISOString(),
            decidedByName: shortening.decider,
            decidedAt: shortening.decided_at?.toISOString() ?? null,
            decisionNote: shortening.decision_note,
            mayDecide: !!actor && shortening.status === 'pending' && (await this.supervisorGrant(m, actor, row, shortening.requested_by)) !== null,
          }
        : null,
    };
  }

  /** The grant a supervisor decides a session's shortening under: staff or admin above its node; never the one who asked or scheduled it. */
  private async supervisorGrant(m: EntityManager, actor: Actor, row: SessionRow, requestedBy: string): Promise<{ role: 'staff' | 'admin'; nodeId: string } | null> {
    if (actor.id === requestedBy || actor.id === row.created_by) return null;
    const ancestry = (await this.permissions.ancestry(row.node_id, m)) ?? [];
    const grants = await this.permissions.grantsOf(actor.id, m);
    for (const nodeId of ancestry.slice(1)) {
      const grant = grants.find((g) => g.nodeId === nodeId && SUPERVISING_ROLES.includes(g.role));
      if (grant) return { role: grant.role as 'staff' | 'admin', nodeId };
    }
    return null;
  }

  /** Asks for a notice shorter than the body's period, with a reason of substance (only while it is a draft and only when needed). */
  async requestShortening(actor: Actor, sessionId: string, reason: string): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      if (row.status !== 'draft') throw conflict('not_a_draft', 'The notice of this session is already up, or it was cancelled.', { status: row.status });
      assertReasonOfSubstance('reason', reason);
      const noticeEndsAt = sessionNoticeEndsAt(row.kind, new Date());
      if (noticeEndsAt <= row.starts_at) throw conflict('not_needed', 'The body’s notice period runs before the start: nothing needs approving.', { noticeEndsAt: noticeEndsAt.toISOString() });
      if (!(await insertShortening(m, sessionId, reason.trim(), actor.id))) throw conflict('shortening_pending', 'A request to shorten this notice is already waiting for a decision.');
      await this.events.announce(m, sessionId, 'session');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.shortening_request', entityType: 'discussion_session', entityId: sessionId, after: { reason, noticeEndsAt } });
    });
    return this.get(actor, sessionId);
  }

  /** A supervisor from above — neither who asked nor who scheduled the session — approves or refuses, with a note. */
  async decideShortening(actor: Actor, sessionId: string, outcome: 'approved' | 'refused', note: string): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      const shortening = await latestShortening(m, sessionId);
      if (!shortening || shortening.status !== 'pending') throw conflict('already_decided', 'No request to shorten this notice is waiting for a decision.');
      if (actor.id === shortening.requested_by || actor.id === row.created_by) {
        throw forbidden('same_person', 'A second person decides: not the one who asked for the shorter notice, nor the one who scheduled the session.');
      }
      const grant = await this.supervisorGrant(m, actor, row, shortening.requested_by);
      if (!grant) throw forbidden('not_supervisor', 'A shorter notice is decided by staff of the community or street above the unit, not by anyone whose role is on the unit itself.');
      await decideShortening(m, shortening.id, { status: outcome, by: actor.id, note: note.trim(), ...grant });
      await this.events.announce(m, sessionId, 'session');
      await this.audit.record(m, {
        actor,
        nodeId: row.node_id,
        action: outcome === 'approved' ? 'session.shortening_approve' : 'session.shortening_refuse',
        entityType: 'discussion_session',
        entityId: sessionId,
        after: { shorteningId: shortening.id, note, role: grant.role, nodeId: grant.nodeId },
      });
    });
    return this.get(actor, sessionId);
  }

  /** Puts the notice up: from now, the body's notice period must have run by the start. */
  async announce(actor: Actor, sessionId: string): Promise<SessionDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      if (row.status !== 'draft') throw conflict('not_a_draft', 'The notice of this session is already up, or it was cancelled.', { status: row.status });
      const now = new Date();
      let noticeEndsAt = sessionNoticeEndsAt(row.kind, now);
      if (noticeEndsAt > row.starts_at) {
        // Shorter only under an approved request, decided by a supervisor from above (as for votes).
        const shortening = await latestShortening(m, sessionId);
        if (shortening?.status !== 'approved') {
          throw conflict('notice_too_short', `The notice of a ${row.kind} must be up until ${noticeEndsAt.toISOString()}: the session has to start then or later, or a supervisor approves a shorter notice.`, {
            noticeEndsAt: noticeEndsAt.toISOString(),
            shortening: shortening?.status ?? null,
          });
        }
        noticeEndsAt = row.starts_at;
      }
      if (!(await announce(m, sessionId, now, noticeEndsAt))) throw new Error(`session ${sessionId} changed under its row lock`);
      await this.events.announce(m, sessionId, 'session');
      // Everyone with a role on the invited units hears of it in the app (in the same transaction).
      const units = row.units.map((u) => u.id);
      const params = { title: row.title, startsAt: row.starts_at.toISOString(), place: row.place };
      if (row.invite === 'building_heads') await this.notifications.notify(m, (await holdersOfRole(m, units, 'building_head')).filter((id) => id !== actor.id), 'session_announced', params, `/sessions/${sessionId}`);
      else await this.notifications.notifyUnits(m, units, 'session_announced', params, `/sessions/${sessionId}`, actor.id);
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.announce', entityType: 'discussion_session', entityId: sessionId, after: { noticeEndsAt } });
    });
    return this.get(actor, sessionId);
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
      const same = agenda.find((a) => (linked.topicId && a.topic_id === linked.topicId) || (linked.versionId && a.version_id === linked.versionId) || (linked.voteId && a.vote_id === linked.voteId));
      if (same) throw conflict('already_on_agenda', `This is item ${same.position} of the agenda already.`, { itemId: same.id });
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

  /** What may go on the agenda and is not on it yet: the invited units' topics to discuss, their published drafts, their votes not yet counted. */
  async agendaCandidates(sessionId: string): Promise<AgendaCandidateDto[]> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const units = row.units.map((u) => u.id);
    const on = new Set((await agendaOf(m, sessionId)).flatMap((a) => [a.topic_id, a.version_id, a.vote_id]).filter((id): id is string => id !== null));
    const [topics, drafts, votes] = await Promise.all([discussableTopics(m, units, 100), latestPublishedVersionsOfUnits(m, units, 50), votesTakingBallots(m, units, 50)]);
    return [
      ...drafts.map((d) => ({ kind: 'draft' as const, id: d.version_id, title: `${d.consultation_title}（第${d.number}稿）`, state: String(d.number) })),
      ...votes.map((v) => ({ kind: 'vote' as const, id: v.id, title: v.title, state: v.status })),
      ...topics.map((t) => ({ kind: 'topic' as const, id: t.id, title: t.title, state: t.status })),
    ].filter((c) => !on.has(c.id));
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

  private toDto(row: SessionRow, quorum: QuorumDto, agenda: AgendaRow[]): Omit<SessionDto, 'officers' | 'guests' | 'shortening'> {
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
      invite: row.invite,
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
