import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE, LIMITS } from '@yishi/contracts';
import type { ConsultationPhase } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RateLimitService } from '../auth/rate-limit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { ConsultationAccess } from '../consultations/consultation-access.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { PublishedVersion } from '../consultations/consultation-store';
import { isClauseOfVersion, latestPublishedVersion, phaseForWriting, publishedVersionOf } from '../consultations/consultation-store';
import { commentNotFound } from './comment-access';
import type { CommentRow, DraftLabels } from './comment-store';
import { commentCounts, consultationOfComment, draftLabels, officialReply, selectComments, toCommentDto } from './comment-store';
import type { CommentListQueryDto, CommentPageDto, CreateCommentDto, CreateOfflineCommentDto, ThreadDto } from './dto/comment.dto';
import { NAME_MAX } from './dto/comment.dto';
import { Comment } from './entities/comment.entity';
import { invalidField as invalid, plainText } from '../common/plain-text';

/** Per person, for online comments and replies: a burst, and a day. */
export const COMMENT_RATE_LIMITS = [
  { name: '10m', max: 10, windowSeconds: 600 },
  { name: 'day', max: 100, windowSeconds: 86_400 },
] as const;

/** Offline opinions are entered while the draft is open for comment or being revised. */
const OFFLINE_PHASES: readonly ConsultationPhase[] = ['comment', 'revision'];


/**
 * Opinions (意见) on a draft: online comments and replies by residents during the comment period,
 * and opinions received on paper, at briefings, by phone… entered by staff and building heads.
 * The API never edits or deletes a comment: moderation hides one with a reason, and that is all.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async list(actor: Actor, consultationId: string, query: CommentListQueryDto): Promise<CommentPageDto> {
    if (query.clauseId && query.wholeDraft) {
      throw invalid('wholeDraft', 'exclusive', 'Ask for the comments on one clause or on the whole draft, not both.');
    }
    const m = this.dataSource.manager;
    const grants = await this.access.grants(actor, consultationId, m);
    const reader = { id: actor.id, canModerate: grants.canModerate };
    const limit = query.limit ?? 30;
    const conditions = ['c.parent_id IS NULL'];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length + 2}`;
    };
    if (query.versionId) conditions.push(`c.version_id = ${param(query.versionId)}`);
    if (query.clauseId) conditions.push(`c.clause_id = ${param(query.clauseId)}`);
    if (query.wholeDraft) conditions.push('c.clause_id IS NULL');
    if (query.before) {
      const p = param(query.before);
      conditions.push(`(c.created_at, c.id) < (SELECT created_at, id FROM comment WHERE id = ${p} AND consultation_id = $1)`);
    }
    // The page, its replies and the counts name the same clauses and versions: each is read once.
    const labels = draftLabels(m);
    // The page and the counts at once; then the page's replies, asked for only when a place on the page has
    // any (the counts say how many replies each place holds): a page in places where nobody has replied yet
    // costs one statement fewer. A reply written between the two reads shows on the next read.
    const [rows, counts] = await Promise.all([
      selectComments(m, consultationId, actor.id, conditions.join(' AND '), params, 'c.created_at DESC, c.id DESC', limit + 1, 0, labels),
      this.counts(m, consultationId, query.versionId, labels),
    ]);
    const page = rows.slice(0, limit);
    const withReplies = new Set(counts.filter((c) => c.replies > 0).map((c) => `${c.versionId}/${c.clauseId ?? ''}`));
    const ids = page.filter((r) => withReplies.has(`${r.version_id}/${r.clause_id ?? ''}`)).map((r) => r.id);
    const replies = ids.length ? await selectComments(m, consultationId, actor.id, 'c.parent_id = ANY($3::uuid[])', [ids], 'c.created_at, c.id', undefined, 0, labels) : [];
    return {
      items: page.map((row) => this.thread(row, replies, reader)),
      next: rows.length > limit ? page.at(-1)!.id : null,
      counts,
    };
  }

  /** One top-level comment with its replies, or one reply, as the actor sees it. */
  async one(actor: Actor, commentId: string, canModerate?: boolean): Promise<ThreadDto> {
    const m = this.dataSource.manager;
    const consultationId = await consultationOfComment(m, commentId);
    if (!consultationId) throw commentNotFound(commentId);
    const moderate = canModerate ?? (await this.access.grants(actor, consultationId, m)).canModerate;
    const reader = { id: actor.id, canModerate: moderate };
    const [comment] = await selectComments(m, consultationId, actor.id, 'c.id = $3', [commentId], 'c.created_at');
    const replies = await selectComments(m, consultationId, actor.id, 'c.parent_id = $3', [commentId], 'c.created_at, c.id');
    return this.thread(comment!, replies, reader);
  }

  private thread(row: CommentRow, replies: CommentRow[], reader: { id: string; canModerate: boolean }): ThreadDto {
    return {
      ...toCommentDto(row, reader),
      officialReply: officialReply(row),
      replies: replies.filter((r) => r.parent_id === row.id).map((r) => toCommentDto(r, reader)),
    };
  }

  private async counts(m: EntityManager, consultationId: string, versionId: string | undefined, labels: DraftLabels): Promise<CommentPageDto['counts']> {
    const rows = await commentCounts(m, consultationId, versionId ?? null, labels);
    return rows.map((r) => ({
      versionId: r.version_id,
      versionNumber: r.version_number,
      clauseId: r.clause_id,
      clauseNumber: r.clause_number,
      comments: r.comments,
      replies: r.replies,
    }));
  }

  /**
   * A resident's comment on the current version (the whole draft or one clause), or a reply to a
   * top-level comment, during the comment period. Rate-limited per person; every attempt counts.
   */
  async create(actor: Actor, consultationId: string, input: CreateCommentDto): Promise<ThreadDto> {
    for (const limit of COMMENT_RATE_LIMITS) {
      await this.rateLimits.hit({ key: `comment:${limit.name}:${actor.id}`, max: limit.max, windowSeconds: limit.windowSeconds });
    }
    const body = plainText(input.body, { field: 'body', max: LIMITS.commentBody });
    const { id, canModerate } = await this.dataSource.transaction(async (m) => {
      const grants = await this.access.grants(actor, consultationId, m);
      const phase = await phaseForWriting(m, consultationId);
      if (phase !== 'comment') {
        throw new DomainError('CONFLICT', 'Comments are taken only while the consultation is open for comment.', { phase, rule: 'comment_phase' });
      }
      let place: { versionId: string; clauseId: string | null; parent: Comment | null };
      if (input.parentId) {
        const parent = await m.getRepository(Comment).findOne({ where: { id: input.parentId, consultationId } });
        if (!parent) throw commentNotFound(input.parentId);
        if (parent.parentId) {
          throw new DomainError('CONFLICT', 'Replies go one level deep: answer the top-level comment instead.', { rule: 'one_level_of_replies', parentId: parent.parentId });
        }
        if (parent.hiddenAt) throw new DomainError('CONFLICT', 'This comment has been hidden and takes no replies.', { rule: 'parent_hidden' });
        if ((input.clauseId !== undefined && input.clauseId !== parent.clauseId) || (input.versionId !== undefined && input.versionId !== parent.versionId)) {
          throw invalid('clauseId', 'samePlace', 'A reply is about the same version and clause as the comment it answers.');
        }
        place = { versionId: parent.versionId, clauseId: parent.clauseId, parent };
      } else {
        const current = await this.currentVersion(m, consultationId);
        if (input.versionId !== undefined && input.versionId !== current.id) {
          throw new DomainError('CONFLICT', 'A newer version of the draft has been published: read it, then comment on it.', {
            rule: 'current_version',
            currentVersionId: current.id,
            currentVersionNumber: current.number,
          });
        }
        place = { versionId: current.id, clauseId: input.clauseId ? await this.clauseOf(m, current.id, input.clauseId) : null, parent: null };
      }
      const saved = await m.getRepository(Comment).save({
        consultationId,
        versionId: place.versionId,
        clauseId: place.clauseId,
        parentId: place.parent?.id ?? null,
        authorId: actor.id,
        body,
        channel: 'online' as const,
        recordedBy: null,
        collectorName: null,
        collectedOn: null,
        residentName: null,
        isAnonymous: false,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
      });
      if (place.parent?.authorId && place.parent.authorId !== actor.id) {
        await this.notifications.notify(
          m,
          [place.parent.authorId],
          'comment_replied',
          { consultationId, title: grants.consultation.title, commentId: place.parent.id, replyId: saved.id, official: false, outcome: null },
          commentLink(consultationId, place.parent.id),
        );
      }
      return { id: saved.id, canModerate: grants.canModerate };
    });
    return this.one(actor, id, canModerate);
  }

  /**
   * An opinion received offline — on paper, at a briefing, in the suggestion box, by phone… —
   * entered with who collected it and when, under the resident's name or anonymously. Taken while
   * the draft is open for comment and while it is being revised. Audited.
   */
  async recordOffline(actor: Actor, consultationId: string, input: CreateOfflineCommentDto): Promise<ThreadDto> {
    const body = plainText(input.body, { field: 'body', max: LIMITS.commentBody });
    const collectorName = plainText(input.collectorName, { field: 'collectorName', max: NAME_MAX, singleLine: true });
    const residentName = input.residentName === undefined || input.residentName === null ? null : plainText(input.residentName, { field: 'residentName', max: NAME_MAX, singleLine: true });
    const anonymous = input.anonymous ?? false;
    if (anonymous && residentName !== null) throw invalid('residentName', 'anonymous', 'An anonymous opinion names no resident.');
    if (!anonymous && residentName === null) throw invalid('residentName', 'isNotEmpty', 'Name the resident, or mark the opinion anonymous.');
    const collectedOn = checkDate(input.collectedOn);
    const { id, canModerate } = await this.dataSource.transaction(async (m) => {
      const grants = await this.access.grants(actor, consultationId, m);
      const phase = await phaseForWriting(m, consultationId);
      if (!OFFLINE_PHASES.includes(phase)) {
        throw new DomainError('CONFLICT', 'Offline opinions are entered while the consultation is open for comment or its draft is being revised.', {
          phase,
          rule: 'offline_phase',
        });
      }
      if (collectedOn < calendarDateIn(LEGAL_TIME_ZONE, grants.consultation.createdAt)) {
        throw invalid('collectedOn', 'minDate', 'An opinion on this draft cannot have been collected before the consultation was opened.');
      }
      const version = input.versionId ? await this.publishedVersion(m, consultationId, input.versionId) : await this.currentVersion(m, consultationId);
      const clauseId = input.clauseId ? await this.clauseOf(m, version.id, input.clauseId) : null;
      const saved = await m.getRepository(Comment).save({
        consultationId,
        versionId: version.id,
        clauseId,
        parentId: null,
        authorId: null,
        body,
        channel: input.channel,
        recordedBy: actor.id,
        collectorName,
        collectedOn,
        residentName,
        isAnonymous: anonymous,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
      });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'comment.record_offline',
        entityType: 'comment',
        entityId: saved.id,
        after: { consultationId, versionNumber: version.number, clauseId, channel: input.channel, collectorName, collectedOn, anonymous },
      });
      return { id: saved.id, canModerate: grants.canModerate };
    });
    return this.one(actor, id, canModerate);
  }

  /** The latest published version (one exists whenever residents can read the consultation). */
  private async currentVersion(m: EntityManager, consultationId: string): Promise<PublishedVersion> {
    const row = await latestPublishedVersion(m, consultationId);
    if (!row) throw new DomainError('CONFLICT', 'No version of the draft has been published yet.', { rule: 'published_version' });
    return row;
  }

  private async publishedVersion(m: EntityManager, consultationId: string, versionId: string): Promise<PublishedVersion> {
    const row = await publishedVersionOf(m, consultationId, versionId);
    if (!row) throw invalid('versionId', 'publishedVersion', 'Not a published version of this consultation’s draft.');
    return row;
  }

  private async clauseOf(m: EntityManager, versionId: string, clauseId: string): Promise<string> {
    if (!(await isClauseOfVersion(m, versionId, clauseId))) throw invalid('clauseId', 'clauseOfVersion', 'Not a clause of the version being commented on.');
    return clauseId;
  }
}

/** Where a notification about a comment leads in the web app. */
export function commentLink(consultationId: string, commentId: string): string {
  return `/consultations/${consultationId}?comment=${commentId}`;
}

/** A real calendar date, not after today in China. */
function checkDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw invalid('collectedOn', 'isDate', 'collectedOn must be a real date as YYYY-MM-DD.');
  }
  if (value > calendarDateIn(LEGAL_TIME_ZONE)) throw invalid('collectedOn', 'maxDate', 'collectedOn cannot be in the future.');
  return value;
}
