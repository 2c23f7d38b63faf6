import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { UnitKind } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import type { RollFileFormat } from './dto/rolls.dto';
import { formatAreaPlain } from './import/cells';
import type { ColumnDef } from './import/columns';
import { AREA_SOURCE_LABELS, choiceLabel, columnsFor, RELATION_LABELS, UNIT_KIND_LABELS } from './import/columns';
import type { TableDocument } from './import/write-table';
import { CONTENT_TYPES, writeTable } from './import/write-table';
import { requireUnit } from './roll-common';
import { compoundExportRows, cooperativeExportRows, latestRevision } from './roll-view-store';

export interface RollDownload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const yesNo = (value: boolean): string => (value ? '是' : '否');

/**
 * The current roll as a file in the import's own columns, so exporting and importing the file
 * again changes nothing; identity numbers leave only as their last four (the column says so).
 * And the empty template of each kind of unit.
 */
@Injectable()
export class RollExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, unitId: string, format: RollFileFormat): Promise<RollDownload> {
    const m = this.dataSource.manager;
    const unit = await requireUnit(m, unitId);
    const revision = await latestRevision(m, unitId);
    const rows = unit.kind === 'cooperative' ? await this.cooperativeRows(unitId) : await this.compoundRows(unitId);
    const columns = columnsFor(unit.kind);
    const bytes = await writeTable(format, { sheetName: `${unit.name}名册`, headers: columns.map((c) => c.exportHeader ?? c.header), rows });
    // Taking a roll's personal data out of Yishi is worth a line in the trail.
    await this.audit.record(m, {
      actor,
      nodeId: unitId,
      action: 'roll.export',
      entityType: 'roll_revision',
      entityId: revision?.id ?? null,
      after: { format, rows: rows.length, revision: revision?.number ?? null },
    });
    const today = calendarDateIn(LEGAL_TIME_ZONE);
    return { fileName: `${unit.name}名册-第${revision?.number ?? 0}版-${today}.${format}`, contentType: CONTENT_TYPES[format], bytes };
  }

  async template(_actor: Actor, unitId: string, format: RollFileFormat): Promise<RollDownload> {
    const unit = await requireUnit(this.dataSource.manager, unitId);
    const bytes = await writeTable(format, templateDocument(unit.kind));
    return { fileName: `${unit.kind === 'cooperative' ? '经济社' : '小区'}名册模板.${format}`, contentType: CONTENT_TYPES[format], bytes };
  }

  private async cooperativeRows(unitId: string): Promise<string[][]> {
    const rows = await cooperativeExportRows(this.dataSource.manager, unitId);
    return rows.map((r) => [r.number, r.address ?? '', r.name, r.birth_date, r.id_last4 ?? '', yesNo(r.head), yesNo(r.rep), yesNo(r.member_rep), r.phone ?? '']);
  }

  private async compoundRows(unitId: string): Promise<string[][]> {
    const rows = await compoundExportRows(this.dataSource.manager, unitId);
    return rows.map((r) => [
      r.building ?? '',
      r.number,
      choiceLabel(UNIT_KIND_LABELS, r.kind),
      formatAreaPlain(r.area_centi_m2),
      choiceLabel(AREA_SOURCE_LABELS, r.area_source),
      choiceLabel(RELATION_LABELS, r.relation),
      r.name,
      r.id_last4 ?? '',
      r.phone ?? '',
      r.relation === 'owner' ? yesNo(r.developer) : '',
      r.voter === null ? '' : yesNo(r.voter),
    ]);
  }
}

/** Headers only (a CSV), plus a sheet explaining each column (an XLSX). */
export function templateDocument(kind: UnitKind): TableDocument {
  const columns: readonly ColumnDef[] = columnsFor(kind);
  return {
    sheetName: kind === 'cooperative' ? '经济社名册' : '小区名册',
    headers: columns.map((c) => c.header),
    rows: [],
    notes: [
      ...columns.map((c) => ({ column: c.header, note: c.note })),
      { column: '说明', note: '第一行是列名，不要改动；每人（小区：每人每套房屋）一行。导入的文件就是完整名册：文件中没有的人将从名册上移除。' },
    ],
  };
}
