import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE, LIMITS, PHASE_INDEX } from '@yishi/contracts';
import type { TopicStatus } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { ConsultationAccess } from '../consultations/consultation-access.service';
import { ConsultationsService } from '../consultations/consultations.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationParams } from '../notifications/notifications.service';
import { PermissionsService } from '../permissions/permissions.service';
import { nodeKind } from '../organizations/organization-store';
import { storedFile } from '../storage/storage-store';
import type { Upload } from '../storage/stored-files.service';
import { StoredFilesService } from '../storage/stored-files.service';
import type {
  AcceptTopicDto,
  CreateTopicDto,
  DeclineTopicDto,
  MergeTopicDto,
  RecordOfflineTopicDto,
  TopicDto,
  TopicListQueryDto,
  TopicPageDto,
  TopicPhotoDto,
  TopicSecondStateDto,
} from './dto/topic.dto';
import { TopicPhoto } from './entities/topic-photo.entity';
import { Topic } from './entities/topic.entity';
import type { TopicRow } from './topic-store';
import { carrySeconds, lockTopics, secondState, setSecond, topicPage, topicRow } from './topic-store';
import { invalid } from '../common/refusals';

/** Per-person limits on submitting topics online. */
export const TOPIC_LIMITS = [
  { scope: 'hour', max: 5, windowSeconds: 3600 },
  { scope: 'day', max: 20, windowSeconds: 86_400 },
] as const;



/** What the viewer may do on the unit, asked once per request. */
interface UnitRights {
  read: boolean;
  participate: boolean;
  recordOffline: boolean;
  manage: boolean;
}

/**
 * Topics (议题): raised online by residents or recorded from offline channels by staff and
 * building heads, seconded by residents, and screened by those who run the unit's consultations
 * (accepted into a consultation, merged into another topic, or declined with a public reason).
 */
@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly access: ConsultationAccess,
    private readonly consultations: ConsultationsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly files: StoredFilesService,
  ) {}

  // --- Intake --------------------------------------------------------------------------------

  async submit(actor: Actor, unitId: string, input: CreateTopicDto): Promise<TopicDto> {
    await this.assertIsUnit(unitId);
    for (const limit of TOPIC_LIMITS) {
      await this.limits.hit({ key: `topic:${limit.scope}:${actor.id}`, max: limit.max, windowSeconds: limit.windowSeconds });
    }
    const topic = await this.dataSource.getRepository(Topic).save({
      unitId,
      title: input.title,
      body: input.body ?? '',
      channel: 'online',
      authorId: actor.id,
      recordedBy: null,
      collectorName: null,
      collectedOn: null,
      residentName: null,
      isAnonymous: input.anonymous ?? false,
    });
    return this.detail(actor, topic.id);
  }

  async recordOffline(actor: Actor, unitId: string, input: RecordOfflineTopicDto): Promise<TopicDto> {
    await this.assertIsUnit(unitId);
    const anonymous = input.anonymous ?? false;
    if (anonymous && input.residentName) throw invalid('residentName', 'invalid', 'An anonymous topic carries no name: leave the resident’s name out.');
    if (!anonymous && !input.residentName) throw invalid('residentName', 'invalid', 'Write the resident’s name, or mark the topic anonymous.');
    checkCollectedOn(input.collectedOn);
    const id = await this.dataSource.transaction(async (m) => {
      const topic = await m.getRepository(Topic).save({
        unitId,
        title: input.title,
        body: input.body ?? '',
        channel: input.channel,
        authorId: null,
        recordedBy: actor.id,
        collectorName: input.collectorName,
        collectedOn: input.collectedOn,
        residentName: anonymous ? null : input.residentName!,
        isAnonymous: anonymous,
      });
      await this.audit.record(m, {
        actor,
        nodeId: unitId,
        action: 'topic.record_offline',
        entityType: 'topic',
        entityId: topic.id,
        after: { title: topic.title, channel: topic.channel, collectorName: topic.collectorName, collectedOn: topic.collectedOn, anonymous },
      });
      return topic.id;
    });
    return this.detail(actor, id);
  }

  /**
   * One photo more (at most three): the online author's, or the scan of an offline topic's paper.
   * The route admits those who record offline input and the topic's author (the access guard);
   * an online topic's photos are its author's alone.
   */
  async addPhoto(actor: Actor, topicId: string, upload: Upload | undefined): Promise<TopicDto> {
    if (!upload) throw invalid('file', 'invalid', 'Choose a photo to upload (multipart/form-data, in the field `file`).');
    await this.dataSource.transaction(async (m) => {
      const topic = await this.readable(m, topicId, true);
      if (topic.channel === 'online' && topic.authorId !== actor.id) {
        throw new DomainError('FORBIDDEN', 'Only the resident who raised this topic can add photos to it.', { reason: 'not_author' });
      }
      if (topic.status !== 'open') throw notOpen(topic);
      const taken = (await m.getRepository(TopicPhoto).find({ where: { topicId } })).map((p) => p.position);
      const position = [1, 2, 3].find((p) => !taken.includes(p));
      if (position === undefined || taken.length >= LIMITS.topicPhotos) {
        throw new DomainError('CONFLICT', `A topic has at most ${LIMITS.topicPhotos} photos.`, { reason: 'too_many_photos', max: LIMITS.topicPhotos });
      }
      const file = await this.files.save(m, actor, upload, 'image');
      await m.getRepository(TopicPhoto).insert({ topicId, fileId: file.id, position });
      if (topic.channel !== 'online') {
        await this.audit.record(m, {
          actor,
          nodeId: topic.unitId,
          action: 'topic.photo_add',
          entityType: 'topic',
          entityId: topic.id,
          after: { fileId: file.id, position, sha256: file.sha256 },
        });
      }
    });
    return this.detail(actor, topicId);
  }

  async sendPhoto(_actor: Actor, topicId: string, fileId: string, res: FastifyReply): Promise<void> {
    await this.readable(this.dataSource.manager, topicId);
    const photo = await this.dataSource.getRepository(TopicPhoto).findOne({ where: { topicId, fileId } });
    const file = photo ? await storedFile(this.dataSource.manager, fileId) : null;
    if (!file) throw new DomainError('NOT_FOUND', 'This topic has no such photo.', { topicId, fileId });
    await this.files.send(res, file);
  }

  // --- Reading -------------------------------------------------------------------------------

  async list(actor: Actor, unitId: string, query: TopicListQueryDto): Promise<TopicPageDto> {
    const rights = await this.unitRights(actor, unitId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = { unitId, status: query.status ?? null, channel: query.channel ?? null, mine: query.mine ?? false };
    const { total, rows } = await topicPage(this.dataSource.manager, actor.id, filter, page, pageSize);
    return { total, page, pageSize, items: rows.map((r) => this.view(actor, r, rights)) };
  }

  async detail(actor: Actor, topicId: string): Promise<TopicDto> {
    const topic = await this.readable(this.dataSource.manager, topicId);
    const rights = await this.unitRights(actor, topic.unitId);
    const row = await topicRow(this.dataSource.manager, topicId, actor.id);
    return this.view(actor, row!, rights);
  }

  // --- Seconding -----------------------------------------------------------------------------

  /** Second (附议) a topic: once per person, not one's own, only while it is open. Idempotent. */
  async second(actor: Actor, topicId: string, on: boolean): Promise<TopicSecondStateDto> {
    await this.dataSource.transaction(async (m) => {
      // FOR SHARE: screening (FOR UPDATE) waits for this, so a merge carries every second over.
      const topic = await this.readable(m, topicId, 'share');
      if (topic.authorId === actor.id) throw new DomainError('FORBIDDEN', 'You raised this topic: others second it.', { reason: 'own_topic' });
      if (topic.status !== 'open') throw notOpen(topic);
      await setSecond(m, topicId, actor.id, on);
    });
    const state = await secondState(this.dataSource.manager, topicId, actor.id);
    return { topicId, secondCount: state.n, secondedByMe: state.mine };
  }

  // --- Screening -----------------------------------------------------------------------------

  /** Accept into an existing consultation of the topic's unit, or into a new one opened in the same step. */
  async accept(actor: Actor, topicId: string, input: AcceptTopicDto): Promise<TopicDto> {
    if (!input.consultationId === !input.newConsultation) {
      throw invalid('consultationId', 'invalid', 'Name an existing consultation or describe a new one (one of the two).');
    }
    await this.dataSource.transaction(async (m) => {
      const topic = await this.screenable(m, topicId);
      let consultationId: string;
      let consultationTitle: string;
      if (input.consultationId) {
        const grants = await this.access.requireManaged(actor, input.consultationId, m, true);
        if (!grants.unitIds.includes(topic.unitId)) {
          throw invalid('consultationId', 'invalid', 'That consultation does not concern the unit this topic was raised in.', { consultationId: input.consultationId });
        }
        if (PHASE_INDEX.get(grants.consultation.phase)! > PHASE_INDEX.get('comment')!) {
          throw new DomainError('CONFLICT', 'That consultation is past its comment period: it can take no new topics.', {
            reason: 'consultation_closed',
            phase: grants.consultation.phase,
          });
        }
        consultationId = grants.consultation.id;
        consultationTitle = grants.consultation.title;
      } else {
        consultationId = await this.consultations.createInTransaction(m, actor, topic.unitId, input.newConsultation!);
        consultationTitle = input.newConsultation!.title.trim();
      }
      await this.decide(m, actor, topic, { status: 'accepted', consultationId, mergedIntoId: null, reason: input.note ?? null }, { consultationTitle });
    });
    return this.detail(actor, topicId);
  }

  /**
   * Merge into another open or accepted topic of the same unit. The seconds carry over: every
   * person who seconded this topic now seconds the other one too (once, however many merged
   * topics they seconded; never its own author). This topic keeps its own seconds as a record.
   */
  async merge(actor: Actor, topicId: string, input: MergeTopicDto): Promise<TopicDto> {
    if (input.intoTopicId === topicId) throw invalid('intoTopicId', 'invalid', 'A topic cannot be merged into itself.');
    await this.dataSource.transaction(async (m) => {
      // Both rows locked, in a fixed order, so two merges cannot cross.
      await lockTopics(m, [topicId, input.intoTopicId]);
      const topic = await this.screenable(m, topicId);
      const target = await m.getRepository(Topic).findOne({ where: { id: input.intoTopicId } });
      if (!target || target.unitId !== topic.unitId) {
        throw invalid('intoTopicId', 'invalid', 'Merge into a topic of the same unit.', { intoTopicId: input.intoTopicId });
      }
      // A merged topic is never a target, so merges form a tree and can never loop.
      if (target.status !== 'open' && target.status !== 'accepted') {
        throw new DomainError('CONFLICT', 'Merge only into a topic that is open or accepted.', { reason: 'target_closed', status: target.status });
      }
      const carried = await carrySeconds(m, topicId, target.id, target.authorId);
      await this.decide(
        m,
        actor,
        topic,
        { status: 'merged', consultationId: null, mergedIntoId: target.id, reason: input.note ?? null },
        { mergedIntoTitle: target.title, carriedSeconds: carried.length },
      );
    });
    return this.detail(actor, topicId);
  }

  async decline(actor: Actor, topicId: string, input: DeclineTopicDto): Promise<TopicDto> {
    await this.dataSource.transaction(async (m) => {
      const topic = await this.screenable(m, topicId);
      await this.decide(m, actor, topic, { status: 'declined', consultationId: null, mergedIntoId: null, reason: input.reason });
    });
    return this.detail(actor, topicId);
  }

  /** The topic, locked, while it may be screened: still open (the routes are for those who run its unit's consultations: consultation.manage, checked by the access guard). */
  private async screenable(m: EntityManager, topicId: string): Promise<Topic> {
    const topic = await this.readable(m, topicId, true);
    if (topic.status !== 'open') {
      throw new DomainError('CONFLICT', 'This topic has already been screened; the decision stands.', { reason: 'already_screened', status: topic.status });
    }
    return topic;
  }

  /** Writes the decision, its audit entry (before and after) and the submitter's notification. */
  private async decide(
    m: EntityManager,
    actor: Actor,
    topic: Topic,
    decision: { status: Exclude<TopicStatus, 'open'>; consultationId: string | null; mergedIntoId: string | null; reason: string | null },
    extra: { consultationTitle?: string; mergedIntoTitle?: string; carriedSeconds?: number } = {},
  ): Promise<void> {
    const screenedAt = new Date();
    await m.getRepository(Topic).update(
      { id: topic.id },
      { status: decision.status, consultationId: decision.consultationId, mergedIntoId: decision.mergedIntoId, decisionReason: decision.reason, screenedBy: actor.id, screenedAt },
    );
    await this.audit.record(m, {
      actor,
      nodeId: topic.unitId,
      action: `topic.${decision.status === 'accepted' ? 'accept' : decision.status === 'merged' ? 'merge' : 'decline'}`,
      entityType: 'topic',
      entityId: topic.id,
      // (No author here: an anonymous topic's submitter stays unnamed in the trail too.)
      before: { status: topic.status, title: topic.title, channel: topic.channel },
      after: { ...decision, ...extra },
    });
    const params: NotificationParams = {
      topicId: topic.id,
      title: topic.title,
      outcome: decision.status,
      reason: decision.reason,
      consultationId: decision.consultationId,
      mergedIntoId: decision.mergedIntoId,
      mergedIntoTitle: extra.mergedIntoTitle ?? null,
    };
    // Offline topics have no account to tell: their provenance names a person on paper only.
    await this.notifications.notify(m, [topic.authorId], 'topic_screened', params, `/topics/${topic.id}`);
  }

  // --- Helpers -------------------------------------------------------------------------------

  /**
   * The topic (who may reach it at all the route declares and the access guard decides: a topic
   * of another unit is a 404 there). `lock`: true for FOR UPDATE, 'share' for FOR SHARE.
   */
  private async readable(m: EntityManager, topicId: string, lock: boolean | 'share' = false): Promise<Topic> {
    const topic = await m.getRepository(Topic).findOne({
      where: { id: topicId },
      ...(lock ? { lock: { mode: lock === 'share' ? ('pessimistic_read' as const) : ('pessimistic_write' as const) } } : {}),
    });
    if (!topic) {
      throw new DomainError('NOT_FOUND', 'There is no such topic, or it is not open to you.', { topicId });
    }
    return topic;
  }

  private async assertIsUnit(nodeId: string): Promise<void> {
    const kind = await nodeKind(this.dataSource.manager, nodeId);
    if (kind !== 'cooperative' && kind !== 'compound') {
      throw invalid('unitId', 'invalid', 'Topics are raised in a cooperative or a compound, not in a street or community.');
    }
  }

  private async unitRights(actor: Actor, unitId: string): Promise<UnitRights> {
    const [read, participate, recordOffline, manage] = await Promise.all(
      (['consultation.read', 'participate', 'offline.record', 'consultation.manage'] as const).map((a) => this.permissions.can(actor, a, { nodeId: unitId })),
    );
    return { read: read!, participate: participate!, recordOffline: recordOffline!, manage: manage! };
  }

  private view(actor: Actor, r: TopicRow, rights: UnitRights): TopicDto {
    const mine = r.channel === 'online' && r.author_id === actor.id;
    const open = r.status === 'open';
    const photos: TopicPhotoDto[] = r.photos.map((p) => ({ ...p, url: `/api/topics/${r.id}/photos/${p.fileId}` }));
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      title: r.title,
      body: r.body,
      channel: r.channel,
      status: r.status,
      anonymous: r.is_anonymous,
      submitterName: r.submitter_name,
      mine,
      offline: r.channel === 'online' ? null : { collectorName: r.collector_name, collectedOn: r.collected_on!, recordedByName: r.recorder_name ?? '' },
      secondCount: r.second_count,
      secondedByMe: r.seconded_by_me,
      photos,
      decision:
        r.status === 'open'
          ? null
          : {
              outcome: r.status,
              reason: r.decision_reason,
              consultationId: r.consultation_id,
              // A consultation still in its draft phase is seen only by those who run it.
              consultationTitle: r.consultation_phase && (r.consultation_phase !== 'draft' || rights.manage) ? r.consultation_title : null,
              mergedIntoId: r.merged_into_id,
              mergedIntoTitle: r.merged_into_title,
              screenedAt: r.screened_at!.toISOString(),
              screenedByName: r.screener_name,
            },
      mergedTopicCount: r.merged_count,
      createdAt: r.created_at.toISOString(),
      me: {
        canSecond: open && rights.participate && !mine,
        canAddPhotos: open && photos.length < LIMITS.topicPhotos && (r.channel === 'online' ? mine : rights.recordOffline),
        canScreen: open && rights.manage,
      },
    };
  }
}


function notOpen(topic: Topic): DomainError {
  return new DomainError('CONFLICT', 'This topic has been screened: it takes no more seconds or photos.', { reason: 'not_open', status: topic.status });
}

/** A real calendar day, not after today in China (and not absurdly old). */
function checkCollectedOn(value: string): void {
  const [y, mo, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  if (!real || y < 2000) throw invalid('collectedOn', 'invalid', 'collectedOn must be a real date (YYYY-MM-DD).');
  if (value > calendarDateIn(LEGAL_TIME_ZONE)) throw invalid('collectedOn', 'invalid', 'The day it was collected cannot be in the future.');
}
