import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { AreaSource, ExclusiveUnitKind, UnitKind } from '@yishi/contracts';
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
import { latestRevision, naturalOrder, requireUnit } from './roll-common';

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
    const rows = await this.dataSource.query<
      { number: string; address: string | null; name: string; birth_date: string; id_last4: string | null; head: boolean; rep: boolean; member_rep: boolean; phone: string | null }[]
    >(
      `SELECT h.number, h.address, mb.name, mb.birth_date::text AS birth_date, mb.id_last4, mb.is_household_head AS head,
              mb.is_household_representative AS rep, mb.is_member_representative AS member_rep, mb.phone
         FROM household h JOIN member mb ON mb.household_id = h.id AND mb.removed_revision_id IS NULL
        WHERE h.unit_id = $1 AND h.removed_revision_id IS NULL
        ORDER BY ${naturalOrder('h.number')}, mb.is_household_head DESC, mb.birth_date, mb.name`,
      [unitId],
    );
    return rows.map((r) => [r.number, r.address ?? '', r.name, r.birth_date, r.id_last4 ?? '', yesNo(r.head), yesNo(r.rep), yesNo(r.member_rep), r.phone ?? '']);
  }

  private async compoundRows(unitId: string): Promise<string[][]> {
    const rows = await this.dataSource.query<
      {
        building: string | null;
        number: string;
        kind: ExclusiveUnitKind;
        area_centi_m2: number;
        area_source: AreaSource;
        relation: 'owner' | 'tenant';
        name: string;
        id_last4: string | null;
        phone: string | null;
        developer: boolean;
        voter: boolean | null;
      }[]
    >(
      `SELECT * FROM (
         SELECT b.name AS building, e.number, e.kind, e.area_centi_m2, e.area_source, 'owner' AS relation, o.name, o.id_last4, o.phone,
                o.kind = 'developer' AS developer, s.is_designated_voter AS voter, 0 AS relation_order
           FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
           JOIN ownership s ON s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
           JOIN owner o ON o.id = s.owner_id
          WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
         UNION ALL
         SELECT b.name, e.number, e.kind, e.area_centi_m2, e.area_source, 'tenant', t.name, NULL, t.phone, false, NULL, 1
           FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
           JOIN tenant t ON t.exclusive_unit_id = e.id AND t.removed_revision_id IS NULL
          WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
       ) roll
       ORDER BY building IS NULL, ${naturalOrder('building')}, ${naturalOrder('number')}, relation_order, voter DESC NULLS LAST, name`,
      [unitId],
    );
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
