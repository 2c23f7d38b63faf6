import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { ConsultationAccess, ConsultationGrants } from '../consultations/consultation-access.service';
import { Comment } from './entities/comment.entity';

export function commentNotFound(commentId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such comment, or it is not open to you.', { commentId });
}

/**
 * A comment and the reader's rights in its consultation (for what the answer shows them). Who may
 * reach the comment at all the route declares and the access guard decides.
 */
export async function commentWithGrants(
  access: ConsultationAccess,
  actor: Actor,
  commentId: string,
  m: EntityManager,
  options: { lock?: boolean } = {},
): Promise<{ comment: Comment; grants: ConsultationGrants }> {
  const comment = await m.getRepository(Comment).findOne({ where: { id: commentId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!comment) throw commentNotFound(commentId);
  return { comment, grants: await access.grants(actor, comment.consultationId, m) };
}

