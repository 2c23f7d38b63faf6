import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIMITS, PHASE_INDEX } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { ConsultationAccess } from '../consultations/consultation-access.service';
import { NotificationsService } from '../notifications/notifications.service';
import { commentWithGrants } from './comment-access';
import { insertReport, reportsOf } from './comment-store';
import { commentLink, CommentsService } from './comments.service';
import type { CommentReportListDto, HideCommentDto, OfficialReplyInputDto, ReportCommentDto, ThreadDto, UnhideCommentDto } from './dto/comment.dto';
import { REPLY_REASON_MAX } from './dto/comment.dto';
import { Comment } from './entities/comment.entity';
import { OfficialReply } from './entities/official-reply.entity';
import { plainText } from '../common/plain-text';
import { invalid } from '../common/refusals';
import { isClauseOfLaterVersion } from '../consultations/consultation-store';


/**
 * What the convenors and staff running a consultation do with its comments: hide one with a
 * reason its author sees (and show it again), read abuse reports, and answer each opinion
 * officially. Readers report abuse. Each change is audited; nothing is edited or deleted.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly comments: CommentsService,
  ) {}

  async hide(actor: Actor, commentId: string, input: HideCommentDto): Promise<ThreadDto> {
    const reason = plainText(input.reason, { field: 'reason', max: LIMITS.reason });
    await this.dataSource.transaction(async (m) => {
      const { comment, grants } = await commentWithGrants(this.access, actor, commentId, m, { lock: true });
      if (comment.hiddenAt) throw new DomainError('CONFLICT', 'This comment is already hidden.', { rule: 'already_hidden', hiddenReason: comment.hiddenReason });
      await m.getRepository(Comment).update({ id: commentId }, { hiddenAt: new Date(), hiddenBy: actor.id, hiddenReason: reason });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'comment.hide',
        entityType: 'comment',
        entityId: commentId,
        before: { hidden: false },
        after: { hidden: true, reason },
      });
      await this.notifications.notify(
        m,
        [comment.authorId],
        'comment_hidden',
        { consultationId: comment.consultationId, title: grants.consultation.title, commentId, reason },
        commentLink(comment.consultationId, comment.parentId ?? commentId),
      );
    });
    return this.comments.one(actor, commentId, true);
  }

  async unhide(actor: Actor, commentId: string, input: UnhideCommentDto): Promise<ThreadDto> {
    const reason = input.reason === undefined ? null : plainText(input.reason, { field: 'reason', max: LIMITS.reason });
    await this.dataSource.transaction(async (m) => {
      const { comment, grants } = await commentWithGrants(this.access, actor, commentId, m, { lock: true });
      if (!comment.hiddenAt) throw new DomainError('CONFLICT', 'This comment is not hidden.', { rule: 'not_hidden' });
      await m.getRepository(Comment).update({ id: commentId }, { hiddenAt: null, hiddenBy: null, hiddenReason: null });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'comment.unhide',
        entityType: 'comment',
        entityId: commentId,
        before: { hidden: true, reason: comment.hiddenReason, hiddenBy: comment.hiddenBy, hiddenAt: comment.hiddenAt.toISOString() },
        after: { hidden: false, reason },
      });
    });
    return this.comments.one(actor, commentId, true);
  }

  /** A reader flags a comment (once each); moderators see how many did, and why. */
  async report(actor: Actor, commentId: string, input: ReportCommentDto): Promise<ThreadDto> {
    const reason = plainText(input.reason, { field: 'reason', max: LIMITS.reason });
    const canModerate = await this.dataSource.transaction(async (m) => {
      const { comment, grants } = await commentWithGrants(this.access, actor, commentId, m);
      if (comment.authorId === actor.id) throw new DomainError('FORBIDDEN', 'You cannot report your own comment.', { rule: 'own_comment' });
      if (comment.hiddenAt) throw new DomainError('CONFLICT', 'This comment has already been hidden.', { rule: 'already_hidden' });
      if (!(await insertReport(m, commentId, actor.id, reason))) throw new DomainError('CONFLICT', 'You have already reported this comment.', { rule: 'already_reported' });
      return grants.canModerate;
    });
    return this.comments.one(actor, commentId, canModerate);
  }

  async reports(actor: Actor, commentId: string): Promise<CommentReportListDto> {
    const m = this.dataSource.manager;
    await commentWithGrants(this.access, actor, commentId, m);
    const rows = await reportsOf(m, commentId);
    return { count: rows.length, items: rows.map((r) => ({ reason: r.reason, createdAt: r.created_at.toISOString() })) };
  }

  /**
   * The official answer to a top-level opinion (adopted / partly adopted / not adopted / noted,
   * with a reason, optionally the clause of a later version carrying the change), from the comment
   * period on. Answering again replaces it; the trail keeps before and after, and the author is
   * told each time it changes.
   */
  async reply(actor: Actor, commentId: string, input: OfficialReplyInputDto): Promise<ThreadDto> {
    const reason = plainText(input.reason, { field: 'reason', max: REPLY_REASON_MAX });
    const linkedClauseId = input.linkedClauseId ?? null;
    await this.dataSource.transaction(async (m) => {
      const { comment, grants } = await commentWithGrants(this.access, actor, commentId, m, { lock: true });
      if (comment.parentId) {
        throw new DomainError('CONFLICT', 'Official answers go to top-level opinions, not to replies.', { rule: 'top_level_only' });
      }
      const phase = grants.consultation.phase;
      if (PHASE_INDEX.get(phase)! < PHASE_INDEX.get('comment')!) {
        throw new DomainError('CONFLICT', 'Opinions are answered from the comment period on.', { phase, rule: 'reply_phase' });
      }
      if (linkedClauseId) await this.checkLinkedClause(m, comment, linkedClauseId);
      const repo = m.getRepository(OfficialReply);
      const existing = await repo.findOne({ where: { commentId } });
      const before = existing ? { outcome: existing.outcome, reason: existing.reason, linkedClauseId: existing.linkedClauseId } : null;
      const after = { outcome: input.outcome, reason, linkedClauseId };
      if (before && before.outcome === after.outcome && before.reason === after.reason && before.linkedClauseId === after.linkedClauseId) return;
      if (existing) {
        await repo.update({ commentId }, { outcome: input.outcome, reason, linkedClauseId, repliedBy: actor.id });
      } else {
        await repo.insert({ commentId, outcome: input.outcome, reason, linkedClauseId, repliedBy: actor.id });
      }
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'comment.reply',
        entityType: 'comment',
        entityId: commentId,
        before,
        after,
      });
      await this.notifications.notify(
        m,
        [comment.authorId],
        'comment_replied',
        { consultationId: comment.consultationId, title: grants.consultation.title, commentId, replyId: null, official: true, outcome: input.outcome, updated: existing !== null },
        commentLink(comment.consultationId, commentId),
      );
    });
    return this.comments.one(actor, commentId, true);
  }

  /** A clause of a later published version of the same draft (the database checks the same). */
  private async checkLinkedClause(m: EntityManager, comment: Comment, clauseId: string): Promise<void> {
    if (!(await isClauseOfLaterVersion(m, comment.consultationId, comment.versionId, clauseId))) {
      throw invalid('linkedClauseId', 'laterVersion', 'Link to a clause of a later published version of this draft, the one that carries the change.');
    }
  }
}
