import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_TIME_ZONE, REPLY_OUTCOMES } from '@yishi/contracts';
import type { IntakeChannel, ReplyOutcome } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { ConsultationAccess } from '../consultations/consultation-access.service';
import { neutraliseFormula } from '../rolls/import/cells';
import type { CommentRow, OpinionPlace } from './comment-store';
import { authorName, officialReply, opinionPlaces, selectComments } from './comment-store';
import type { AdoptionReportDto, AdoptionReportItemDto, AdoptionReportSectionDto, AdoptionTotalsDto } from './dto/adoption-report.dto';
import { ADOPTION_REPORT_PAGE } from './dto/adoption-report.dto';

export interface ReportDownload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export const OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '不予采纳',
  noted: '已知悉',
};
export const PENDING_LABEL = '待答复';
export const HIDDEN_LABEL = '此意见已被隐藏';

export const CHANNEL_LABELS: Record<IntakeChannel, string> = {
  online: '网上提交',
  paper: '书面意见',
  briefing: '宣讲会',
  suggestion_box: '意见箱',
  field_visit: '实地走访',
  hotline: '热线电话',
  building_head: '楼长收集',
  meeting: '会议',
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Report pages kept at most (emptied past that). A page of a hundred opinions is some 40 KB as
 * JSON on the area; at most a hundred opinions and answers of a thousand characters each, about
 * 0.5 MB in memory, so the pages kept never pass some 50 MB.
 */
const KEPT_PAGES = 100;

/**
 * The adoption report (意见采纳情况说明): every top-level opinion, online or offline, by version
 * and place (the whole draft first, then 第1条, 第2条…), with its provenance and its official
 * answer or 待答复, and totals per outcome. It is published to the residents: whoever may read
 * the consultation may read it, and a hidden opinion shows why it was hidden instead of its text
 * (for moderators too: this is the public document).
 */
@Injectable()
export class AdoptionReportService {
  /**
   * Pages of the report as last read, by consultation, version, offset and size, each with the
   * revision of the consultation's opinions it was read at (migration OpinionRevisions). The
   * report is the same for every reader, and PostgreSQL renews the revision with every change to
   * what it shows, so a page kept at the revision read now is the page the database would give.
   */
  private readonly kept = new Map<string, { revision: string; sections: AdoptionReportSectionDto[] }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ConsultationAccess,
  ) {}

  /**
   * One page of the report: the totals and the sections of every opinion in it, `limit` opinions
   * from the `offset`-th on (in report order). `next` is the offset of the next page, null after the
   * last. Only the sections the page reaches are read, each by its own indexed statement: a page
   * costs the same whether the consultation has thirty opinions or thirty thousand. (The totals and
   * the places come from one statement; an opinion written meanwhile may show on a later page.)
   * A page read before at the same revision is not read again: the access check and that one
   * statement are all it costs.
   */
  async report(actor: Actor, consultationId: string, query: { versionId?: string; offset?: number; limit?: number } = {}): Promise<AdoptionReportDto> {
    const m = this.dataSource.manager;
    const { consultation } = await this.access.grants(actor, consultationId, m);
    const versionId = query.versionId ?? null;
    const offset = query.offset ?? 0;
    const limit = query.limit ?? ADOPTION_REPORT_PAGE;
    // Every place with opinions, in report order, with its figures: the totals are their sums.
    const { places, revision } = await opinionPlaces(m, consultationId, versionId);
    const totals: AdoptionTotalsDto = { total: 0, adopted: 0, partly_adopted: 0, not_adopted: 0, noted: 0, pending: 0, offline: 0 };
    for (const place of places) for (const key of Object.keys(totals) as (keyof AdoptionTotalsDto)[]) totals[key] += place[key];
    // Pages as the web client asks for them are kept; longer ones, and the workbook's whole report, are read afresh.
    const key = revision !== null && limit <= ADOPTION_REPORT_PAGE ? `${consultationId}/${versionId ?? ''}/${offset}/${limit}` : null;
    const kept = key === null ? undefined : this.kept.get(key);
    let sections: AdoptionReportSectionDto[];
    if (kept && kept.revision === revision) sections = kept.sections;
    else {
      sections = await this.sections(m, consultationId, places, offset, limit);
      if (key !== null) {
        if (this.kept.size >= KEPT_PAGES && !this.kept.has(key)) this.kept.clear();
        this.kept.set(key, { revision: revision!, sections });
      }
    }
    const reached = offset + limit;
    return {
      consultationId,
      title: consultation.title,
      phase: consultation.phase,
      generatedAt: new Date().toISOString(),
      totals,
      sections,
      next: reached < totals.total ? reached : null,
    };
  }

  /** The sections of the opinions from the `offset`-th on, `limit` of them, read from the places that hold them. */
  private async sections(m: EntityManager, consultationId: string, places: OpinionPlace[], offset: number, limit: number): Promise<AdoptionReportSectionDto[]> {
    const sections: AdoptionReportSectionDto[] = [];
    let start = 0; // the report position of the place's first opinion
    for (const place of places) {
      const from = Math.max(offset, start);
      const to = Math.min(offset + limit, start + place.total);
      if (from < to) {
        const where = `c.parent_id IS NULL AND c.version_id = $3 AND ${place.clause_id === null ? 'c.clause_id IS NULL' : 'c.clause_id = $4'}`;
        const params = place.clause_id === null ? [place.version_id] : [place.version_id, place.clause_id];
        // Read as for the public: no reader's marks, no moderation figures (selectComments).
        const rows = await selectComments(m, consultationId, null, where, params, 'c.created_at, c.id', to - from, from - start);
        const first = rows[0];
        if (first) {
          sections.push({
            versionId: first.version_id,
            versionNumber: first.version_number,
            versionTitle: first.version_title,
            clauseId: first.clause_id,
            clauseNumber: first.clause_number,
            clauseHeading: first.clause_heading,
            count: place.total,
            items: rows.map((row, i) => this.item(row, from + i + 1)),
          });
        }
      }
      start += place.total;
      if (start >= offset + limit) break;
    }
    return sections;
  }

  private item(row: CommentRow, seq: number): AdoptionReportItemDto {
    const hidden = row.hidden_at !== null;
    return {
      seq,
      commentId: row.id,
      body: hidden ? null : row.body,
      hidden,
      hiddenReason: row.hidden_reason,
      authorName: authorName(row),
      anonymous: row.is_anonymous,
      channel: row.channel,
      collectorName: row.collector_name,
      collectedOn: row.collected_on,
      createdAt: row.created_at.toISOString(),
      reply: officialReply(row),
    };
  }

  /**
   * The same report as a workbook to print or archive. Every text cell goes through the roll
   * export's formula guard: an opinion typed as `=HYPERLINK(…)` stays text in any spreadsheet.
   */
  async xlsx(actor: Actor, consultationId: string, versionId?: string): Promise<ReportDownload> {
    const report = await this.report(actor, consultationId, { versionId, limit: Number.MAX_SAFE_INTEGER });
    const text = (value: string): string => neutraliseFormula(value);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Yishi 议事';
    const sheet = workbook.addWorksheet('意见采纳情况说明', {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 4 }],
    });
    const headers = ['序号', '版本', '条款', '意见内容', '提出人', '来源', '收集人', '日期', '答复结果', '答复理由', '修改后条款'];
    const widths = [6, 8, 12, 50, 12, 10, 12, 12, 10, 50, 14];
    sheet.columns = widths.map((width, i) => ({ key: String(i), width, style: { alignment: { vertical: 'top', wrapText: true } } }));

    const title = sheet.addRow([text(`${report.title} 意见采纳情况说明`)]);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, headers.length);
    const t = report.totals;
    const summary = [
      `共收到意见 ${t.total} 条（其中线下 ${t.offline} 条）`,
      ...REPLY_OUTCOMES.map((o) => `${OUTCOME_LABELS[o]} ${t[o]} 条`),
      `${PENDING_LABEL} ${t.pending} 条`,
    ].join('，');
    sheet.addRow([text(`${summary}。生成于 ${calendarDateIn(LEGAL_TIME_ZONE, new Date(report.generatedAt))}。`)]);
    sheet.mergeCells(2, 1, 2, headers.length);
    sheet.addRow([]);
    const header = sheet.addRow(headers.map(text));
    header.font = { bold: true };

    for (const section of report.sections) {
      const place = section.clauseNumber === null ? '整体意见' : `第${section.clauseNumber}条`;
      for (const item of section.items) {
        const reply = item.reply;
        const linked = reply?.linkedClause ? `第${reply.linkedClause.versionNumber}版 第${reply.linkedClause.number}条` : '';
        const date = item.collectedOn ?? calendarDateIn(LEGAL_TIME_ZONE, new Date(item.createdAt));
        sheet.addRow([
          item.seq,
          ...[
            `第${section.versionNumber}版`,
            place,
            item.hidden ? `${HIDDEN_LABEL}（原因：${item.hiddenReason ?? ''}）` : (item.body ?? ''),
            item.authorName ?? '匿名',
            CHANNEL_LABELS[item.channel],
            item.collectorName ?? '',
            date,
            reply ? OUTCOME_LABELS[reply.outcome] : PENDING_LABEL,
            reply?.reason ?? '',
            linked,
          ].map(text),
        ]);
      }
    }
    const today = calendarDateIn(LEGAL_TIME_ZONE);
    return {
      fileName: `意见采纳情况说明-${safeFileName(report.title)}-${today}.xlsx`,
      contentType: XLSX_TYPE,
      bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}

/** A title as part of a file name: no path separators or characters Windows refuses. */
function safeFileName(title: string): string {
  return [...title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')].slice(0, 60).join('').trim() || '议事';
}
