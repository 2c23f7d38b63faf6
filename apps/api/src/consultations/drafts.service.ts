import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIMITS, PHASE_INDEX } from '@yishi/contracts';
import type { ConsultationPhase } from '@yishi/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { NotificationsService } from '../notifications/notifications.service';
import type { PlainTextRule } from '../common/plain-text';
import { optionalPlainText, plainText } from '../common/plain-text';
import { conflict, invalid } from '../common/refusals';
import { StoredFile } from '../storage/entities/stored-file.entity';
import { StoredFilesService } from '../storage/stored-files.service';
import type { Upload } from '../storage/stored-files.service';
import { diffClauses, diffText } from './clause-diff';
import type { ConsultationGrants } from './consultation-access.service';
import { ConsultationAccess } from './consultation-access.service';
import { DRAFT_LIMITS } from './dto/drafts.dto';
import type { ClauseDto, UpdateVersionDto, VersionAttachmentDto, VersionDiffDto, VersionDto, VersionSummaryDto } from './dto/drafts.dto';
import { Clause } from './entities/clause.entity';
import { DraftVersion } from './entities/draft-version.entity';
import { VersionAttachment } from './entities/version-attachment.entity';
import { clauseIdsOfVersionNumber, clauseRows, copyVersionContent, latestVersion, offsetClauseNumbers, versionSummaries } from './draft-store';
import { clausesWithReplies } from '../comments/comment-store';

/** The draft changes until voting opens (going back to revision with a reason reopens it). */
function draftingOpen(phase: ConsultationPhase): boolean {
  return PHASE_INDEX.get(phase)! < PHASE_INDEX.get('voting')!;
}

/** Numbers of versions are small; anything else cannot name one (and must not reach an integer column). */
const MAX_VERSION_NUMBER = 1_000_000;

/** Clause numbers are moved out of the way (past every real number) while a version is renumbered. */
const RENUMBER_OFFSET = 10 * LIMITS.clausesPerVersion;

/**
 * Published versions as residents read them (the draft page, the page they open most), kept by
 * this process once read outside a transaction, by consultation and number: PostgreSQL refuses any
 * change to a published version, its clauses and its attachments, and to what describes a stored
 * file (the published_frozen triggers and stored_file_described_once, migration
 * PublishedVersionsWhole), so what was read once stays true, and every API process may keep its
 * own. The page then costs the access check alone, which every read still makes. Unpublished
 * versions are read every time. Bounded: emptied past PUBLISHED_KEPT entries, as each can be read again.
 */
const PUBLISHED_KEPT = 1_000;
const publishedVersions = new Map<string, VersionDto>();

interface VersionRow {
  id: string;
  number: number;
  title: string;
  preamble: string;
  changeNote: string | null;
  publishedAt: Date | null;
  createdAt: Date;
}

/**
 * Drafts (草案) by version and clause: the convenor writes a version, publishes it (then the
 * database keeps it as it is), and starts the next from a copy whose clauses point back to the
 * ones they continue, so residents can see clause by clause what changed and why.
 */
@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditService,
    private readonly files: StoredFilesService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The versions I may read: published ones, and the one being edited for those who run it. */
  async list(actor: Actor, consultationId: string): Promise<VersionSummaryDto[]> {
    const grants = await this.access.grants(actor, consultationId);
    const rows = await versionSummaries(this.dataSource.manager, consultationId, grants.canManage);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      published: r.published_at !== null,
      publishedAt: r.published_at?.toISOString() ?? null,
      clauseCount: r.clause_count,
      attachmentCount: r.attachment_count,
    }));
  }

  async get(actor: Actor, consultationId: string, number: number): Promise<VersionDto> {
    const grants = await this.access.grants(actor, consultationId);
    const key = `${consultationId}/${number}`;
    const kept = publishedVersions.get(key);
    if (kept) return kept;
    const version = await this.findVersion(this.dataSource.manager, grants, number);
    const [clauses, attachments] = await Promise.all([this.clauses(this.dataSource.manager, version.id), this.attachments(consultationId, version)]);
    const read: VersionDto = {
      id: version.id,
      consultationId,
      number: version.number,
      title: version.title,
      preamble: version.preamble,
      changeNote: version.changeNote,
      published: version.publishedAt !== null,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      createdAt: version.createdAt.toISOString(),
      editable: grants.canManage && version.publishedAt === null && draftingOpen(grants.consultation.phase),
      clauses,
      attachments,
    };
    if (read.published) {
      if (publishedVersions.size >= PUBLISHED_KEPT) publishedVersions.clear();
      publishedVersions.set(key, read);
    }
    return read;
  }

  /**
   * Starts the next version: empty for the first, else a copy of the latest published one (its
   * title, preamble, clauses — each continuing the one it copies — and attachments).
   */
  async create(actor: Actor, consultationId: string): Promise<VersionDto> {
    const number = await this.dataSource.transaction(async (m) => {
      const grants = await this.requireDrafting(actor, consultationId, m);
      const latest = await latestVersion(m, consultationId);
      if (latest && latest.published_at === null) {
        throw conflict('version_editing', `Version ${latest.number} is still being edited: publish it before starting another.`, { number: latest.number });
      }
      const version = await m.getRepository(DraftVersion).save({
        consultationId,
        number: (latest?.number ?? 0) + 1,
        title: latest?.title ?? grants.consultation.title,
        preamble: latest?.preamble ?? '',
        changeNote: null,
        publishedAt: null,
        publishedBy: null,
        createdBy: actor.id,
      });
      let copied = 0;
      if (latest) {
        await copyVersionContent(m, latest.id, version.id);
        copied = await m.getRepository(Clause).countBy({ versionId: version.id });
      }
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'draft.create',
        entityType: 'draft_version',
        entityId: version.id,
        after: { consultationId, number: version.number, copiedFrom: latest?.number ?? null, clauses: copied },
      });
      return version.number;
    });
    return this.get(actor, consultationId, number);
  }

  /** Replaces the content of the version being edited: title, preamble, change note and every clause, numbered in order. */
  async update(actor: Actor, consultationId: string, number: number, input: UpdateVersionDto): Promise<VersionDto> {
    await this.dataSource.transaction(async (m) => {
      const grants = await this.requireDrafting(actor, consultationId, m);
      const version = await this.findEditable(m, grants, number);
      const title = text(input.title, { field: 'title', max: DRAFT_LIMITS.title, singleLine: true, required: true })!;
      const preamble = text(input.preamble ?? '', { field: 'preamble', max: DRAFT_LIMITS.preamble }) ?? '';
      const changeNote = text(input.changeNote ?? '', { field: 'changeNote', max: DRAFT_LIMITS.changeNote });
      const clauses = input.clauses.map((c, i) => ({
        id: c.id ?? null,
        heading: text(c.heading ?? '', { field: `clauses.${i}.heading`, max: DRAFT_LIMITS.heading, singleLine: true }),
        body: text(c.body, { field: `clauses.${i}.body`, max: LIMITS.clauseBody, required: true })!,
        previousClauseId: c.previousClauseId ?? null,
        changeReason: text(c.changeReason ?? '', { field: `clauses.${i}.changeReason`, max: DRAFT_LIMITS.changeReason }),
      }));
      if (clauses.length > LIMITS.clausesPerVersion) {
        throw invalid('clauses', 'arrayMaxSize', `A version has at most ${LIMITS.clausesPerVersion} clauses.`);
      }

      const existingNumbers = new Map((await m.getRepository(Clause).find({ select: { id: true, number: true }, where: { versionId: version.id } })).map((c) => [c.id, c.number]));
      const existing = new Set(existingNumbers.keys());
      const previousIds = new Set(
        number > 1
          ? await clauseIdsOfVersionNumber(m, consultationId, number - 1)
          : [],
      );
      const kept = new Set<string>();
      const continued = new Set<string>();
      clauses.forEach((c, i) => {
        if (c.id !== null) {
          if (!existing.has(c.id)) throw invalid(`clauses.${i}.id`, 'clauseOfVersion', `Clause ${i + 1} names a clause that is not part of version ${number}.`);
          if (kept.has(c.id)) throw invalid(`clauses.${i}.id`, 'unique', `Clause ${i + 1} names the same clause as an earlier one.`);
          kept.add(c.id);
        }
        if (c.previousClauseId !== null) {
          if (!previousIds.has(c.previousClauseId)) {
            throw invalid(`clauses.${i}.previousClauseId`, 'clauseOfPreviousVersion', `Clause ${i + 1} can only continue a clause of version ${number - 1}.`);
          }
          if (continued.has(c.previousClauseId)) {
            throw invalid(`clauses.${i}.previousClauseId`, 'unique', `Clause ${i + 1} continues the same clause as an earlier one; a clause is continued once.`);
          }
          continued.add(c.previousClauseId);
        }
      });

      const removed = [...existing].filter((id) => !kept.has(id));
      if (removed.length) {
        const numbers = (await clausesWithReplies(m, removed)).map((id) => existingNumbers.get(id)!).sort((a, b) => a - b);
        if (numbers.length) {
          throw conflict('clause_linked', `Official replies point to clause ${numbers.join(', ')}: keep it (change its text) rather than removing it.`, { numbers });
        }
        await m.getRepository(Clause).delete(removed);
      }
      if (kept.size) await offsetClauseNumbers(m, version.id, RENUMBER_OFFSET);
      const fresh: Omit<Clause, 'id' | 'version' | 'previousClause'>[] = [];
      for (const [i, c] of clauses.entries()) {
        const row = { versionId: version.id, number: i + 1, heading: c.heading, body: c.body, previousClauseId: c.previousClauseId, changeReason: c.changeReason };
        if (c.id === null) fresh.push(row);
        else await m.getRepository(Clause).update({ id: c.id }, row);
      }
      if (fresh.length) await m.getRepository(Clause).insert(fresh);
      await m.getRepository(DraftVersion).update({ id: version.id }, { title, preamble, changeNote });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'draft.update',
        entityType: 'draft_version',
        entityId: version.id,
        before: { title: version.title, clauses: existing.size },
        after: { consultationId, number, title, clauses: clauses.length, added: fresh.length, removed: removed.length },
      });
    });
    return this.get(actor, consultationId, number);
  }

  /** Publishes the version being edited: residents read it from now on, and its text never changes again. */
  async publish(actor: Actor, consultationId: string, number: number): Promise<VersionDto> {
    await this.dataSource.transaction(async (m) => {
      const grants = await this.requireDrafting(actor, consultationId, m);
      const version = await this.findEditable(m, grants, number);
      const clauses = await m.getRepository(Clause).countBy({ versionId: version.id });
      if (clauses === 0) throw invalid('clauses', 'arrayMinSize', 'A version needs at least one clause before it is published.');
      if (number > 1 && !version.changeNote) {
        throw invalid('changeNote', 'isNotEmpty', 'A revised version says what changed from the previous one and why before it is published.');
      }
      await m.getRepository(DraftVersion).update({ id: version.id }, { publishedAt: new Date(), publishedBy: actor.id });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'draft.publish',
        entityType: 'draft_version',
        entityId: version.id,
        after: { consultationId, number, title: version.title, clauses, changeNote: version.changeNote },
      });
      // Residents read the draft from the briefing phase on: tell them a new text is out.
      if (grants.consultation.phase !== 'draft') {
        await this.notifications.notifyUnits(
          m,
          grants.unitIds,
          'draft_published',
          { consultationId, title: grants.consultation.title, number, versionTitle: version.title },
          `/consultations/${consultationId}?version=${number}`,
          actor.id,
        );
      }
    });
    return this.get(actor, consultationId, number);
  }

  /** Clause by clause, what this version changed from the one before (for version 1: every clause added). */
  async diff(actor: Actor, consultationId: string, number: number): Promise<VersionDiffDto> {
    const grants = await this.access.grants(actor, consultationId);
    const m = this.dataSource.manager;
    const version = await this.findVersion(m, grants, number);
    // Only the latest version can be unpublished, so the one before is published and readable.
    const previous = number > 1 ? await this.findVersion(m, grants, number - 1) : null;
    const current = await this.clauses(m, version.id);
    const before = previous ? await this.clauses(m, previous.id) : [];
    const { clauses, counts } = diffClauses(before, current);
    return {
      number,
      previousNumber: previous?.number ?? null,
      title: version.title,
      previousTitle: previous?.title ?? null,
      changeNote: version.changeNote,
      preambleDiff: previous && previous.preamble !== version.preamble ? diffText(previous.preamble, version.preamble) : null,
      clauses,
      counts,
    };
  }

  /** Attaches a PDF or photo to the version being edited. */
  async addAttachment(actor: Actor, consultationId: string, number: number, upload: Upload | undefined, rawTitle: string): Promise<VersionAttachmentDto> {
    return this.dataSource.transaction(async (m) => {
      const grants = await this.requireDrafting(actor, consultationId, m);
      const version = await this.findEditable(m, grants, number);
      const title = text(rawTitle, { field: 'title', max: DRAFT_LIMITS.attachmentTitle, singleLine: true, required: true })!;
      if (!upload) throw invalid('file', 'isNotEmpty', 'Choose a file to attach (multipart field "file").');
      const count = await m.getRepository(VersionAttachment).countBy({ versionId: version.id });
      if (count >= DRAFT_LIMITS.attachmentsPerVersion) {
        throw conflict('attachment_limit', `A version has at most ${DRAFT_LIMITS.attachmentsPerVersion} attachments.`, { max: DRAFT_LIMITS.attachmentsPerVersion });
      }
      const file = await this.files.save(m, actor, upload, 'document');
      await m.getRepository(VersionAttachment).insert({ versionId: version.id, fileId: file.id, title });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'draft.attach',
        entityType: 'draft_version',
        entityId: version.id,
        after: { consultationId, number, fileId: file.id, title, mime: file.mime, sizeBytes: file.sizeBytes },
      });
      return attachmentDto(consultationId, number, { fileId: file.id, title, file });
    });
  }

  /** Takes an attachment off the version being edited (the stored file stays for other versions that carry it). */
  async removeAttachment(actor: Actor, consultationId: string, number: number, fileId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const grants = await this.requireDrafting(actor, consultationId, m);
      const version = await this.findEditable(m, grants, number);
      const attachment = await m.getRepository(VersionAttachment).findOneBy({ versionId: version.id, fileId });
      if (!attachment) throw attachmentNotFound(number, fileId);
      await m.getRepository(VersionAttachment).delete({ versionId: version.id, fileId });
      await this.audit.record(m, {
        actor,
        nodeId: grants.consultation.ownerNodeId,
        action: 'draft.detach',
        entityType: 'draft_version',
        entityId: version.id,
        before: { consultationId, number, fileId, title: attachment.title },
      });
    });
  }

  /** Streams an attachment to anyone who may read its version. */
  async sendAttachment(actor: Actor, consultationId: string, number: number, fileId: string, res: FastifyReply): Promise<void> {
    const grants = await this.access.grants(actor, consultationId);
    const version = await this.findVersion(this.dataSource.manager, grants, number);
    const attachment = await this.dataSource.getRepository(VersionAttachment).findOne({ where: { versionId: version.id, fileId }, relations: { file: true } });
    if (!attachment?.file) throw attachmentNotFound(number, fileId);
    await this.files.send(res, attachment.file);
  }

  // --- Helpers ------------------------------------------------------------------------------

  /** While the draft may still change; the consultation row is locked (the routes are for those who run it: consultation.manage, checked by the access guard). */
  private async requireDrafting(actor: Actor, consultationId: string, m: EntityManager): Promise<ConsultationGrants> {
    const grants = await this.access.grants(actor, consultationId, m, true);
    if (!draftingOpen(grants.consultation.phase)) {
      throw conflict('drafting_closed', 'Voting has opened: the draft no longer changes. Go back to the revision phase (with a reason) to revise it.', {
        phase: grants.consultation.phase,
      });
    }
    return grants;
  }

  /** A version I may read: a published one, or the one being edited when I run the consultation. */
  private async findVersion(m: EntityManager, grants: ConsultationGrants, number: number): Promise<VersionRow> {
    const consultationId = grants.consultation.id;
    const version =
      Number.isSafeInteger(number) && number >= 1 && number <= MAX_VERSION_NUMBER
        ? await m.getRepository(DraftVersion).findOneBy({ consultationId, number })
        : null;
    if (!version || (version.publishedAt === null && !grants.canManage)) {
      throw new DomainError('NOT_FOUND', 'There is no such version of the draft, or it is not published yet.', { consultationId, number });
    }
    return version;
  }

  private async findEditable(m: EntityManager, grants: ConsultationGrants, number: number): Promise<VersionRow> {
    const version = await this.findVersion(m, grants, number);
    if (version.publishedAt !== null) {
      throw conflict('version_published', `Version ${number} is published: its text no longer changes. Start a new version to revise it.`, { number });
    }
    return version;
  }

  private async clauses(m: EntityManager, versionId: string): Promise<ClauseDto[]> {
    const rows = await clauseRows(m, versionId);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      heading: r.heading,
      body: r.body,
      previousClauseId: r.previous_clause_id,
      previousNumber: r.previous_number,
      changeReason: r.change_reason,
    }));
  }

  private async attachments(consultationId: string, version: VersionRow): Promise<VersionAttachmentDto[]> {
    const rows = await this.dataSource.getRepository(VersionAttachment).find({ where: { versionId: version.id }, relations: { file: true } });
    return rows
      .filter((a): a is VersionAttachment & { file: StoredFile } => !!a.file)
      .sort((a, b) => a.file.createdAt.getTime() - b.file.createdAt.getTime() || a.fileId.localeCompare(b.fileId))
      .map((a) => attachmentDto(consultationId, version.number, a));
  }
}

function attachmentDto(consultationId: string, number: number, a: { fileId: string; title: string; file: StoredFile }): VersionAttachmentDto {
  return {
    fileId: a.fileId,
    title: a.title,
    mime: a.file.mime,
    sizeBytes: a.file.sizeBytes,
    originalName: a.file.originalName,
    url: `/api/consultations/${consultationId}/versions/${number}/attachments/${a.fileId}`,
  };
}


function attachmentNotFound(number: number, fileId: string): DomainError {
  return new DomainError('NOT_FOUND', 'There is no such attachment on this version.', { number, fileId });
}

/** A convenor's text as stored (see common/plain-text); empty becomes null unless required. */
function text(value: string, rule: PlainTextRule & { required?: boolean }): string | null {
  return rule.required ? plainText(value, rule) : optionalPlainText(value, rule);
}
