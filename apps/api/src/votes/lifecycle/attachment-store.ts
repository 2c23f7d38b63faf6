import type { EntityManager } from 'typeorm';
import { VoteAttachment } from '../entities/vote-attachment.entity';

/** Statements on `vote_attachment`: the documents a vote was announced with. */

export async function insertAttachments(m: EntityManager, voteId: string, items: readonly { fileId: string; title: string; matterId: string | null }[]): Promise<void> {
  if (items.length === 0) return;
  await m.getRepository(VoteAttachment).insert(items.map((item, i) => ({ voteId, position: i + 1, fileId: item.fileId, title: item.title, matterId: item.matterId })));
}

/** A vote's documents in order, each with its kept file. */
export function attachmentsOf(m: EntityManager, voteId: string): Promise<VoteAttachment[]> {
  return m.getRepository(VoteAttachment).find({ where: { voteId }, relations: { file: true }, order: { position: 'ASC' } });
}

export function attachmentOf(m: EntityManager, voteId: string, fileId: string): Promise<VoteAttachment | null> {
  return m.getRepository(VoteAttachment).findOne({ where: { voteId, fileId }, relations: { file: true } });
}
