import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, draftMinutes } from '@yishi/domain';
import type { MinutesFacts } from '@yishi/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { conflict, forbidden, invalid } from '../common/refusals';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PermissionsService } from '../permissions/permissions.service';
import { storedFile } from '../storage/storage-store';
import type { Upload } from '../storage/stored-files.service';
import { StoredFilesService } from '../storage/stored-files.service';
import { txQuery } from '../votes/ballots/ballot-store';
import { meetingProgress } from '../votes/ballots/meeting-cast';
import type { CreateFollowUpDto, FollowUpDto, FollowUpUpdateFieldsDto, MinutesDto } from './dto/minutes.dto';
import type { MinutesRow } from './minutes-store';
import { addFollowUpUpdate, claimOverdue, confirmMinutes, editMinutes, followUpHasPhoto, followUpsOf, insertFollowUp, insertMinutes, lockFollowUp, lockMinutes, minutesOf, publishMinutes } from './minutes-store';
import type { RoomStanding } from './room-access';
import { lockedAs, standingOf } from './room-access';
import { guestsOf, officersOf, roomItemsOf } from './room-store';
import { SessionEvents } from './session-events';
import { quorumOf, sessionRolls } from './session-rolls';
import type { SessionRow } from './session-store';
import { agendaOf, attendanceOf, proxiesOf, sessionRow } from './session-store';

const WHEN = new Intl.DateTimeFormat('zh-CN', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: LEGAL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * The minutes (会议纪要) and the follow-up (议定事项) of a session. The recorder drafts the minutes
 * from the record and completes them; the chair and a scrutineer confirm the text; the chair
 * publishes it to the invited units' residents. A published version never changes: a correction
 * is the next version, with its reason, and the change is shown. Each decision becomes follow-up
 * items with whoever is responsible and a date; status updates carry photos; an item past its
 * date is flagged to whoever runs the session, once.
 */
@Injectable()
export class SessionMinutesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly events: SessionEvents,
    private readonly notifications: NotificationsService,
    private readonly files: StoredFilesService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'sessions.follow-up-overdue', everyMs: 15 * 60_000, run: async () => void (await this.flagOverdue()) });
  }

  async minutes(actor: Actor, sessionId: string): Promise<MinutesDto> {
    const m = this.dataSource.manager;
    const row = (await sessionRow(m, sessionId))!;
    const standing = await standingOf(m, this.permissions, actor, row);
    const insider = standing.manages || standing.roles.size > 0;
    const versions = (await minutesOf(m, sessionId)).filter((v) => insider || v.published_at !== null);
    const open = versions.find((v) => v.published_at === null);
    return {
      versions: versions.map(versionDto),
      mayEdit: standing.manages || standing.roles.has('recorder'),
      mayConfirmAs: open ? confirmerOf(standing, open, actor.id) : null,
      mayPublish: !!open && !!open.chair_confirmed_at && !!open.scrutineer_confirmed_at && (standing.manages || standing.roles.has('chair')),
    };
  }

  /** The recorder drafts the first version from the record, once the session has begun. */
  async draft(actor: Actor, sessionId: string): Promise<MinutesDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'recorder');
      if (row.status !== 'announced' || Date.now() < row.starts_at.getTime()) throw conflict('not_started', 'The minutes are drafted once the session has begun.');
      if ((await minutesOf(m, sessionId)).length) throw conflict('minutes_exist', 'The minutes are already drafted: edit them, or correct the published version.');
      await insertMinutes(m, sessionId, 1, draftMinutes(await this.facts(m, row)), null, actor.id);
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.minutes_draft', entityType: 'discussion_session', entityId: sessionId, after: { version: 1 } });
    });
    return this.minutes(actor, sessionId);
  }

  /** The recorder completes the open version's text; confirmations given to the earlier text are withdrawn. */
  async edit(actor: Actor, sessionId: string, body: string): Promise<MinutesDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'recorder');
      const open = await this.openVersion(m, sessionId);
      await editMinutes(m, open.id, body.trim(), actor.id);
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.minutes_edit', entityType: 'discussion_session', entityId: sessionId, after: { version: open.version } });
    });
    return this.minutes(actor, sessionId);
  }

  /** The chair, then a scrutineer (or the other way round), confirm the open version's text. */
  async confirm(actor: Actor, sessionId: string): Promise<MinutesDto> {
    await this.dataSource.transaction(async (m) => {
      const row = (await sessionRow(m, sessionId, true))!;
      await lockMinutes(m, sessionId);
      const standing = await standingOf(m, this.permissions, actor, row);
      const open = await this.openVersion(m, sessionId);
      const as = confirmerOf(standing, open, actor.id);
      if (!as) {
        if (!standing.roles.has('chair') && !standing.roles.has('scrutineer')) throw forbidden('not_scrutineer', 'Only the chair and the scrutineers of this session confirm its minutes.');
        throw conflict('already_confirmed', 'You have confirmed this text already; the other confirmation comes from another person.');
      }
      await confirmMinutes(m, open.id, as, actor.id);
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.minutes_confirm', entityType: 'discussion_session', entityId: sessionId, after: { version: open.version, as } });
    });
    return this.minutes(actor, sessionId);
  }

  /** The chair publishes the confirmed version to the invited units' residents (in their inbox). */
  async publish(actor: Actor, sessionId: string): Promise<MinutesDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'chair');
      const open = await this.openVersion(m, sessionId);
      if (!open.chair_confirmed_at || !open.scrutineer_confirmed_at) {
        throw conflict('not_confirmed', 'The chair and a scrutineer confirm the minutes before they are published.', { chair: !!open.chair_confirmed_at, scrutineer: !!open.scrutineer_confirmed_at });
      }
      await publishMinutes(m, open.id);
      await this.events.announce(m, sessionId, 'minutes');
      await this.notifications.notifyUnits(m, row.units.map((u) => u.id), 'minutes_published', { title: row.title, version: open.version }, `/sessions/${sessionId}/minutes`, actor.id);
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.minutes_publish', entityType: 'discussion_session', entityId: sessionId, after: { version: open.version } });
    });
    return this.minutes(actor, sessionId);
  }

  /** The recorder corrects the published minutes: the next version, starting from the published text, with why. */
  async correct(actor: Actor, sessionId: string, reason: string): Promise<MinutesDto> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'recorder');
      const versions = await minutesOf(m, sessionId);
      const latest = versions[0];
      if (!latest) throw conflict('no_minutes', 'There are no minutes to correct yet: draft them.');
      if (!latest.published_at) throw conflict('not_published', 'The latest version is not published yet: edit it instead.');
      await insertMinutes(m, sessionId, latest.version + 1, latest.body, reason.trim(), actor.id);
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.minutes_correct', entityType: 'discussion_session', entityId: sessionId, after: { version: latest.version + 1, reason } });
    });
    return this.minutes(actor, sessionId);
  }

  async followUps(sessionId: string): Promise<FollowUpDto[]> {
    const today = calendarDateIn(LEGAL_TIME_ZONE);
    return (await followUpsOf(this.dataSource.manager, sessionId)).map((f) => ({
      id: f.id,
      itemId: f.item_id,
      title: f.title,
      responsible: f.responsible,
      dueOn: f.due_on,
      state: f.state,
      overdue: f.state !== 'done' && f.due_on < today,
      updates: f.updates.map((u) => ({ id: u.id, state: u.state, note: u.note, photoIds: u.photo_ids, by: u.by_name, at: new Date(u.at).toISOString() })),
    }));
  }

  /** The chair turns a decision into a follow-up item. */
  async addFollowUp(actor: Actor, sessionId: string, input: CreateFollowUpDto): Promise<FollowUpDto[]> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'chair');
      if (!(await agendaOf(m, sessionId)).some((a) => a.id === input.itemId)) throw invalid('itemId', 'invalid', 'The item is none of this session’s agenda.');
      if (input.dueOn < calendarDateIn(LEGAL_TIME_ZONE, row.starts_at)) throw invalid('dueOn', 'minDate', 'A follow-up is due on or after the day of the session.');
      if ((await followUpsOf(m, sessionId)).length >= 100) throw invalid('title', 'arrayMaxSize', 'A session has at most 100 follow-up items.');
      const id = await insertFollowUp(m, { sessionId, itemId: input.itemId, title: input.title.trim(), responsible: input.responsible.trim(), dueOn: input.dueOn, by: actor.id });
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.follow_up_add', entityType: 'discussion_session', entityId: sessionId, after: { followUpId: id, ...input } });
    });
    return this.followUps(sessionId);
  }

  /** A status update, with a photo of the work if there is one. */
  async update(actor: Actor, sessionId: string, followUpId: string, input: FollowUpUpdateFieldsDto, upload: Upload | undefined): Promise<FollowUpDto[]> {
    await this.dataSource.transaction(async (m) => {
      const { row } = await this.asRole(m, actor, sessionId, 'chair');
      const item = await lockFollowUp(m, sessionId, followUpId);
      if (!item) throw new DomainError('NOT_FOUND', 'This session has no such follow-up item.', { followUpId });
      const photoIds = upload ? [(await this.files.save(m, actor, upload, 'image')).id] : [];
      await addFollowUpUpdate(m, followUpId, { state: input.state, note: input.note.trim(), photoIds, by: actor.id });
      await this.events.announce(m, sessionId, 'minutes');
      await this.audit.record(m, { actor, nodeId: row.node_id, action: 'session.follow_up_update', entityType: 'discussion_session', entityId: sessionId, after: { followUpId, state: input.state, photoIds } });
    });
    return this.followUps(sessionId);
  }

  async sendPhoto(sessionId: string, followUpId: string, fileId: string, res: FastifyReply): Promise<void> {
    const m = this.dataSource.manager;
    if (!(await followUpHasPhoto(m, sessionId, followUpId, fileId))) throw new DomainError('NOT_FOUND', 'This follow-up item has no such photo.', { fileId });
    await this.files.send(res, await storedFile(m, fileId));
  }

  /** Flags each follow-up item past its day and not done to whoever runs the session and its chair, once. */
  async flagOverdue(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const due = await claimOverdue(m, calendarDateIn(LEGAL_TIME_ZONE), 200);
      for (const f of due) {
        const chair = (await officersOf(m, f.session_id)).find((o) => o.role === 'chair')?.user_id ?? null;
        await this.notifications.notify(m, [f.created_by, chair], 'follow_up_overdue', { title: f.title, dueOn: f.due_on, session: f.session_title }, `/sessions/${f.session_id}/minutes`);
      }
      return due.length;
    });
  }

  /** The session locked, its minutes' lock taken, refused unless the actor holds `role`. */
  private async asRole(m: EntityManager, actor: Actor, sessionId: string, role: 'chair' | 'recorder'): Promise<{ row: SessionRow; standing: RoomStanding }> {
    const held = await lockedAs(m, this.permissions, actor, sessionId, role);
    await lockMinutes(m, sessionId);
    return held;
  }

  private async openVersion(m: EntityManager, sessionId: string): Promise<MinutesRow> {
    const open = (await minutesOf(m, sessionId)).find((v) => v.published_at === null);
    if (!open) throw conflict('no_minutes', 'No version of the minutes is open: draft them, or correct the published version.');
    return open;
  }

  /** What the record says, for the first draft. */
  private async facts(m: EntityManager, row: SessionRow): Promise<MinutesFacts> {
    const [rolls, attendance, proxies, officers, guests, agenda, records] = await Promise.all([
      sessionRolls(m, row),
      attendanceOf(m, row.id),
      proxiesOf(m, row.id),
      officersOf(m, row.id),
      guestsOf(m, row.id),
      agendaOf(m, row.id),
      roomItemsOf(m, row.id),
    ]);
    const quorum = quorumOf(row, rolls, attendance, proxies, guests).dto;
    const names = (role: string): string[] => officers.filter((o) => o.role === role).map((o) => o.display_name);
    const items: MinutesFacts['items'] = [];
    for (const a of agenda) {
      const record = records.get(a.id)!;
      const progress = a.vote_id ? await meetingProgress(txQuery(m), a.vote_id) : undefined;
      items.push({
        title: a.title,
        kind: a.kind,
        gist: record.gist,
        deferredReason: a.deferred_reason,
        urgentReason: a.urgent_reason,
        vote: progress ? { explanation: progress.explanation?.['zh-CN'] ?? null, votedInRoom: progress.votedInRoom, voted: progress.voted, electorate: progress.electorate } : null,
        hands: record.hands_at ? { for: record.hands_for!, against: record.hands_against!, abstain: record.hands_abstain! } : null,
      });
    }
    return {
      title: row.title,
      unitNames: row.units.map((u) => u.name),
      place: row.place,
      when: `${WHEN.format(row.starts_at)}–${TIME.format(row.ends_at)}`,
      officers: { chair: names('chair')[0] ?? null, recorder: names('recorder')[0] ?? null, tellers: names('teller'), scrutineers: names('scrutineer') },
      attendance: {
        present: quorum.present,
        notCounted: quorum.notCounted,
        proxies: proxies.length,
        quorum:
          quorum.met === null
            ? null
            : { met: quorum.met, statute: quorum.statute ?? '', measures: quorum.measures.map((q) => ({ id: q.id, present: q.present, total: q.total, percent: q.percent })) },
        guests: guests.filter((g) => g.checked_in_at).map((g) => ({ name: g.name, affiliation: g.affiliation })),
      },
      items,
    };
  }
}

function versionDto(v: MinutesRow): MinutesDto['versions'][number] {
  return {
    version: v.version,
    body: v.body,
    correctionReason: v.correction_reason,
    editedBy: v.editor_name,
    editedAt: v.edited_at.toISOString(),
    chairConfirmedBy: v.chair_name,
    chairConfirmedAt: v.chair_confirmed_at?.toISOString() ?? null,
    scrutineerConfirmedBy: v.scrutineer_name,
    scrutineerConfirmedAt: v.scrutineer_confirmed_at?.toISOString() ?? null,
    publishedAt: v.published_at?.toISOString() ?? null,
  };
}

/** As whom the actor may confirm the open version: the named chair, or a named scrutineer — never both by one person. */
function confirmerOf(standing: RoomStanding, open: MinutesRow, userId: string): 'chair' | 'scrutineer' | null {
  const confirmed = [open.chair_confirmed_by, open.scrutineer_confirmed_by];
  if (confirmed.includes(userId)) return null;
  if (standing.roles.has('chair') && !open.chair_confirmed_at) return 'chair';
  if (standing.roles.has('scrutineer') && !open.scrutineer_confirmed_at) return 'scrutineer';
  return null;
}
