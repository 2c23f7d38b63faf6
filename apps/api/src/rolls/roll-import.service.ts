import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { keyedHash } from '../common/keyed-hash';
import type { AppSecret } from '../config/app-secret';
import { APP_SECRET } from '../config/app-secret';
import type { RollChangeDto, RollImportCommitDto, RollImportPreviewDto, RollKindCountsDto, RollProblemDto } from './dto/rolls.dto';
import { RollImport } from './entities/roll-import.entity';
import { RollRevision } from './entities/roll-revision.entity';
import type { RollRevisionSummary } from './entities/roll-revision.entity';
import type { KindDiff, RollDiff } from './import/diff';
import type { RollKind } from './roll-kinds';
import { diffCompound, diffCooperative, hasChanges, summarise } from './import/diff';
import { parseCompoundTable } from './import/parse-compound';
import { parseCooperativeTable } from './import/parse-cooperative';
import type { RollPlan } from './import/plan';
import type { RollProblem } from './import/problems';
import { readTable } from './import/read-table';
import type { ParseContext } from './import/sheet';
import type { RollUnit } from './roll-common';
import { requireUnit } from './roll-common';
import { latestRevision, revisionById } from './roll-view-store';
import { applyDiff, dropStaleImports, loadCurrentRoll, lockRoll } from './roll-store';

/** Uploads larger than this are refused with 413 (the interceptor's limit). */
export const ROLL_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** How long a preview can be committed. */
export const PREVIEW_TTL_HOURS = 24;
const MAX_LISTED = 1000;

export interface RollUpload {
  /** The request's Content-Type header. */
  contentType: string | undefined;
  file: { originalname: string; buffer: Buffer; size: number } | undefined;
}

const COUNT_KEYS: Record<RollKind, string> = {
  household: 'households',
  member: 'members',
  building: 'buildings',
  exclusive_unit: 'exclusiveUnits',
  owner: 'owners',
  ownership: 'ownerships',
  tenant: 'tenants',
};

/**
 * Importing a roll file: a preview that reads and checks every row and compares the file with
 * the current roll (nothing saved unless the whole file is valid, and then only the pending
 * import), and a commit that applies it as one new revision in one transaction. An import is
 * the whole roll of the unit: whoever is not in the file leaves the roll (soft: the row stays,
 * marked removed). A file that changes nothing makes no revision.
 */
@Injectable()
export class RollImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  async preview(actor: Actor, unitId: string, upload: RollUpload): Promise<RollImportPreviewDto> {
    const unit = await requireUnit(this.dataSource.manager, unitId);
    if (!upload.contentType?.toLowerCase().startsWith('multipart/form-data')) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Upload the roll file as multipart/form-data, in the field `file`.');
    }
    const file = upload.file;
    if (!file) {
      throw new DomainError('VALIDATION_FAILED', 'Choose a roll file to upload.', {
        fields: [{ field: 'file', reasons: ['isNotEmpty'], message: 'file is required (.xlsx or .csv)' }],
      });
    }
    const fileName = file.originalname.normalize('NFC').slice(0, 200) || 'roll';
    const table = await readTable(file.buffer, fileName);
    const context: ParseContext = {
      today: calendarDateIn(LEGAL_TIME_ZONE),
      hashIdNumber: (normalised) => keyedHash(this.secret.key, 'id-number', normalised),
    };
    const parsed = unit.kind === 'cooperative' ? parseCooperativeTable(table, context) : parseCompoundTable(table, context);
    const base = {
      unit,
      fileName,
      fileSha256: sha256Bytes(file.buffer),
      format: table.format,
      encoding: table.encoding,
      dataRows: parsed.dataRows,
      warnings: parsed.warnings,
    };
    if (!parsed.plan) return invalidPreview(base, parsed.problems);
    const plan = parsed.plan;

    // Previews a day past their expiry are of no use to anyone.
    await dropStaleImports(this.dataSource.manager, unitId);
    // Compare with the roll as it stands (its latest revision and rows read in one snapshot), and keep the pending import.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const revision = await latestRevision(m, unitId);
      const { diff, problems } = await this.diff(m, unit, plan);
      if (problems.length > 0) return invalidPreview(base, problems);
      const expiresAt = new Date(Date.now() + PREVIEW_TTL_HOURS * 3600 * 1000);
      const preview: RollImportPreviewDto = {
        ...describe(diff),
        importId: null,
        unitId,
        unitKind: unit.kind,
        valid: true,
        committed: false,
        fileName: base.fileName,
        fileSha256: base.fileSha256,
        format: base.format,
        encoding: base.encoding,
        dataRows: base.dataRows,
        problems: [],
        problemCount: 0,
        warnings: base.warnings.slice(0, MAX_LISTED),
        baseRevision: revision?.number ?? null,
        expiresAt: expiresAt.toISOString(),
      };
      const saved = await m.getRepository(RollImport).insert({
        unitId,
        status: 'pending',
        fileName: base.fileName,
        fileSha256: base.fileSha256,
        format: base.format,
        encoding: base.encoding,
        baseRevisionId: revision?.id ?? null,
        plan: plan as unknown as Record<string, unknown>,
        preview: preview as unknown as Record<string, unknown>,
        createdBy: actor.id,
        expiresAt,
      } as QueryDeepPartialEntity<RollImport>);
      return { ...preview, importId: String(saved.identifiers[0]!['id']) };
    });
  }

  /** A pending (or committed) preview again, e.g. after the page reloaded. */
  async get(_actor: Actor, unitId: string, importId: string): Promise<RollImportPreviewDto> {
    const pending = await this.dataSource.getRepository(RollImport).findOneBy({ id: importId, unitId });
    if (!pending) throw new DomainError('NOT_FOUND', 'There is no such roll import.', { importId });
    const preview = pending.preview as unknown as RollImportPreviewDto;
    return { ...preview, importId: pending.id, committed: pending.status === 'committed' };
  }

  async commit(actor: Actor, unitId: string, importId: string): Promise<RollImportCommitDto> {
    return this.dataSource.transaction(async (m) => {
      // One roll change at a time per unit: the check against the base revision holds until commit.
      await lockRoll(m, unitId);
      const pending = await m.getRepository(RollImport).findOne({ where: { id: importId, unitId }, lock: { mode: 'pessimistic_write' } });
      if (!pending) throw new DomainError('NOT_FOUND', 'There is no such roll import.', { importId });
      if (pending.status !== 'pending' || pending.expiresAt.getTime() <= Date.now()) {
        throw new DomainError('ROLL_IMPORT_CLOSED', 'This preview was already imported or has expired: upload the file again.', { importId, status: pending.status });
      }
      const unit = await requireUnit(m, unitId);
      const latest = await latestRevision(m, unitId);
      if ((latest?.id ?? null) !== pending.baseRevisionId) {
        throw new DomainError('ROLL_CHANGED', 'The roll changed after this preview: upload the file again to see what it would change now.', {
          currentRevision: latest?.number ?? null,
        });
      }
      const { diff, problems } = await this.diff(m, unit, pending.plan as unknown as RollPlan);
      if (problems.length > 0) {
        throw new DomainError('ROLL_CHANGED', 'The roll changed after this preview: upload the file again to see what it would change now.', { problems });
      }
      const changes = summarise(diff);
      let revisionId: string | null = null;
      if (hasChanges(diff)) {
        const number = (latest?.number ?? 0) + 1;
        const summary: RollRevisionSummary = {
          counts: Object.fromEntries(changes.map((c) => [COUNT_KEYS[c.kind], c.unchanged + c.changed + c.added])),
          changes,
        };
        const revision = await m.getRepository(RollRevision).save({
          unitId,
          number,
          source: 'import',
          fileName: pending.fileName,
          fileSha256: pending.fileSha256,
          summary,
          createdBy: actor.id,
        });
        revisionId = revision.id;
        const records = await applyDiff({ m, actor, unitId, revisionId: revision.id, revisionNumber: number }, diff);
        for (const record of records) await this.audit.record(m, record);
        await this.audit.record(m, {
          actor,
          nodeId: unitId,
          action: 'roll.import',
          entityType: 'roll_revision',
          entityId: revision.id,
          before: { revision: latest?.number ?? null },
          after: { revision: number, fileName: pending.fileName, fileSha256: pending.fileSha256, importId, summary },
        });
      }
      await m.getRepository(RollImport).update({ id: importId }, { status: 'committed', committedAt: new Date(), committedRevisionId: revisionId });
      return { revision: revisionId ? await revisionById(m, revisionId) : null, summary: changes };
    });
  }

  private async diff(m: EntityManager, unit: RollUnit, plan: RollPlan): Promise<{ diff: RollDiff; problems: RollProblem[] }> {
    const current = await loadCurrentRoll(m, unit.id, unit.kind);
    if (plan.kind === 'cooperative' && current.kind === 'cooperative') return diffCooperative(plan, current);
    if (plan.kind === 'compound' && current.kind === 'compound') return diffCompound(plan, current);
    throw new DomainError('ROLL_CHANGED', 'The unit is not of the kind this import was made for.');
  }
}

function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface PreviewBase {
  unit: RollUnit;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  dataRows: number;
  warnings: RollProblem[];
}

function invalidPreview(base: PreviewBase, problems: RollProblem[]): RollImportPreviewDto {
  return {
    importId: null,
    unitId: base.unit.id,
    unitKind: base.unit.kind,
    valid: false,
    committed: false,
    fileName: base.fileName,
    fileSha256: base.fileSha256,
    format: base.format,
    encoding: base.encoding,
    dataRows: base.dataRows,
    problems: problems.slice(0, MAX_LISTED) satisfies RollProblemDto[],
    problemCount: problems.length,
    warnings: base.warnings.slice(0, MAX_LISTED),
    baseRevision: null,
    hasChanges: false,
    summary: [],
    changes: [],
    changesTruncated: false,
    linkedPeopleRemoved: 0,
    expiresAt: null,
  };
}

/** The summary and the list of changes a preview shows. */
function describe(diff: RollDiff): Pick<RollImportPreviewDto, 'summary' | 'changes' | 'changesTruncated' | 'hasChanges' | 'linkedPeopleRemoved'> {
  const parts: [RollKind, KindDiff<object>][] =
    diff.kind === 'cooperative'
      ? [
          ['household', diff.households],
          ['member', diff.members],
        ]
      : [
          ['building', diff.buildings],
          ['exclusive_unit', diff.units],
          ['owner', diff.owners],
          ['ownership', diff.ownerships],
          ['tenant', diff.tenants],
        ];
  const changes: RollChangeDto[] = [];
  let linkedPeopleRemoved = 0;
  for (const [kind, d] of parts) {
    for (const a of d.add) changes.push({ kind, op: 'add', label: a.label, fields: [], linked: false, liveInvitation: false });
    for (const c of d.change) changes.push({ kind, op: 'change', label: c.label, fields: c.fields, linked: false, liveInvitation: false });
    for (const r of d.remove) {
      const linked = r.link?.linked ?? false;
      const liveInvitation = r.link?.liveInvitation ?? false;
      if (linked || liveInvitation) linkedPeopleRemoved += 1;
      changes.push({ kind, op: 'remove', label: r.label, fields: [], linked, liveInvitation });
    }
  }
  const summary: RollKindCountsDto[] = summarise(diff);
  return { summary, changes: changes.slice(0, MAX_LISTED), changesTruncated: changes.length > MAX_LISTED, hasChanges: hasChanges(diff), linkedPeopleRemoved };
}
