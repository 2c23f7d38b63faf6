import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { invalid } from '../../common/refusals';
import { VOTE_LIMITS } from '@yishi/contracts';
import { ownRecentFiles } from '../../storage/storage-store';
import type { Upload } from '../../storage/stored-files.service';
import { StoredFilesService } from '../../storage/stored-files.service';
import { attachmentOf, attachmentsOf, insertAttachments } from './attachment-store';
import type { UploadedVoteFileDto, VoteAttachmentDto, VoteAttachmentInputDto } from './dto/vote.dto';

/** An upload waits this long to be announced with a vote. */
const UPLOAD_TTL_MS = 24 * 3600_000;

/**
 * The documents a vote is about (the 18万元 quote, the contract, the plan): uploaded by the
 * convenor first, then announced with the vote — and from then on unchanged, for every owner and
 * for the record (a trigger refuses any change). Each carries its SHA-256 so a printed or
 * forwarded copy can be checked against what was announced.
 */
@Injectable()
export class VoteAttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: StoredFilesService,
    private readonly audit: AuditService,
  ) {}

  /** Keeps an uploaded PDF or photo for a vote the person is about to announce on the unit. */
  async upload(actor: Actor, unitId: string, upload: Upload | undefined): Promise<UploadedVoteFileDto> {
    if (!upload) throw invalid('file', 'isNotEmpty', 'Choose a file to attach (multipart field "file").');
    return this.dataSource.transaction(async (m) => {
      const file = await this.files.save(m, actor, upload, 'document');
      await this.audit.record(m, { actor, nodeId: unitId, action: 'vote.upload', entityType: 'stored_file', entityId: file.id, after: { mime: file.mime, sizeBytes: file.sizeBytes, sha256: file.sha256 } });
      return { fileId: file.id, originalName: file.originalName, mime: file.mime, sizeBytes: file.sizeBytes, sha256: file.sha256 };
    });
  }

  /** In the announcing transaction: the documents named, each the announcer's own recent upload. */
  async attach(m: EntityManager, actor: Actor, voteId: string, items: readonly (VoteAttachmentInputDto & { matterId: string | null })[], now = new Date()): Promise<void> {
    if (items.length === 0) return;
    if (items.length > VOTE_LIMITS.attachments) throw invalid('attachments', 'arrayMaxSize', `A vote carries at most ${VOTE_LIMITS.attachments} documents in all.`);
    if (new Set(items.map((i) => i.fileId)).size !== items.length) throw invalid('attachments', 'unique', 'Each document is attached once.');
    const own = await ownRecentFiles(m, actor.id, items.map((i) => i.fileId), new Date(now.getTime() - UPLOAD_TTL_MS));
    const missing = items.findIndex((i) => !own.has(i.fileId));
    if (missing >= 0) {
      throw invalid(`attachments.${missing}.fileId`, 'invalid', 'Attach a file you uploaded yourself in the last 24 hours (POST /api/units/{unitId}/vote-attachments).');
    }
    await insertAttachments(m, voteId, items.map((i) => ({ fileId: i.fileId, title: i.title.trim(), matterId: i.matterId })));
  }

  async list(m: EntityManager, voteId: string): Promise<VoteAttachmentDto[]> {
    return (await attachmentsOf(m, voteId)).map((a) => ({
      fileId: a.fileId,
      title: a.title,
      mime: a.file!.mime,
      sizeBytes: a.file!.sizeBytes,
      sha256: a.file!.sha256,
      url: `/api/votes/${voteId}/attachments/${a.fileId}`,
      matterId: a.matterId,
    }));
  }

  /** The documents by the matter they belong to (null: the whole ballot), by title and SHA-256, in order: what vote.json names. */
  async documentsByMatter(m: EntityManager, voteId: string): Promise<Map<string | null, { title: string; sha256: string }[]>> {
    const byMatter = new Map<string | null, { title: string; sha256: string }[]>();
    for (const a of await attachmentsOf(m, voteId)) {
      const list = byMatter.get(a.matterId) ?? [];
      list.push({ title: a.title, sha256: a.file!.sha256 });
      byMatter.set(a.matterId, list);
    }
    return byMatter;
  }

  async send(voteId: string, fileId: string, res: FastifyReply): Promise<void> {
    const attachment = await attachmentOf(this.dataSource.manager, voteId, fileId);
    if (!attachment?.file) throw new DomainError('NOT_FOUND', 'This vote has no such document.', { fileId });
    await this.files.send(res, attachment.file);
  }
}
