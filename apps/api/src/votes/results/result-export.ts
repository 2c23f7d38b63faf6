import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { Choice, Comparison, ConditionId, ConditionRole, Figures, MatterKind, Measure, PollOption, RuleSetId, SafeguardsFile } from '@yishi/domain';
import { calendarDateIn, MATTERS, noticeDaysBetween, RULE_SETS } from '@yishi/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../rolls/import/cells';
import type { TableFormat } from '../../rolls/import/write-table';
import { CONTENT_TYPES } from '../../rolls/import/write-table';

/** One condition as result.json publishes it. */
export interface PublishedCondition {
  id: ConditionId;
  role: ConditionRole;
  anyOf: string | null;
  measure: Measure;
  numerator: number;
  denominator: number;
  threshold: { numerator: number; denominator: number; comparison: Comparison };
  met: boolean;
  percent: string | null;
  option: string | null;
}

/** The parts of result.json the export reads. */
export interface PublishedResultFile {
  chains: Partial<Record<'ballots' | 'roll' | 'box', { lines: number; head: string }>>;
  rejected: { line: number; voter: string; reason: string }[];
  tally: { ruleSet: RuleSetId; secrecy: 'named' | 'secret'; quorumMet: boolean | null; valid: boolean; passed: boolean; winningOption: string | null; conditions: PublishedCondition[]; figures: Figures };
  explanation: { 'zh-CN': string[]; en: string[] };
}

/** One line of a named vote's ballot list: a unit (compound) or a member (cooperative) and the counted ballot that speaks for it. */
export interface BallotListRow {
  building: string;
  unit: string;
  /** 1/100 m²; null for a cooperative's members. */
  area: number | null;
  name: string;
  choice: Choice;
  channel: 'online' | 'paper' | 'meeting';
  proxyAgent: string | null;
}

export interface ResultExportInput {
  voteId: string;
  unitName: string;
  title: string;
  question: string;
  ruleSet: RuleSetId;
  secrecy: 'named' | 'secret';
  options: PollOption[] | null;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date;
  objectionUntil: Date;
  final: boolean;
  result: PublishedResultFile;
  /** Counted ballots cast by an agent. */
  proxyBallots: number;
  /** Named votes: the ballot list; null for a secret vote (never listed). */
  ballots: { kind: 'compound' | 'persons'; rows: BallotListRow[] } | null;
  /** What it decided (empty for votes announced before this was asked). */
  matterKinds: MatterKind[];
  /** The legal clock it opened under, from vote.json (null for votes opened before it was recorded). */
  safeguards: SafeguardsFile | null;
}

export interface ResultDownload {
  fileName: string;
  /** Plain ASCII, for the Content-Disposition fallback. */
  asciiFileName: string;
  contentType: string;
  bytes: Buffer;
}

/** An area in 1/100 m²: text with two decimals in CSV, a number formatted 0.00 in XLSX. */
interface Area {
  centi: number;
}
type Cell = string | number | Area;

const CONDITION_LABELS: Record<ConditionId, string> = {
  'turnout-area': '参与表决的专有部分面积',
  'turnout-persons': '参与表决的人数',
  attendance: '到会人数',
  'attendance-adults': '到会的十八周岁以上人数',
  'attendance-households': '到会户数（户代表）',
  consent: '同意人数',
  approval: '同意人数',
  'approval-area': '同意的专有部分面积',
  'approval-persons': '同意的人数',
  majority: '得票最多的选项',
  'box-within-roll': '票箱中的选票不多于投票人数',
};
const ROLE_LABELS: Record<ConditionRole, string> = { quorum: '参与（到会）条件', decision: '表决条件', validity: '有效性' };
const MEASURE_LABELS: Record<Measure, string> = { area: '面积（㎡）', persons: '人数', households: '户数', ballots: '票数' };
const COMPARISONS: Record<Comparison, string> = { 'at-least': '≥', 'more-than': '>', 'at-most': '≤' };
const CHOICE_LABELS: Record<string, string> = { approve: '同意', oppose: '反对', abstain: '弃权' };
const CHANNEL_LABELS: Record<BallotListRow['channel'], string> = { online: '线上', paper: '纸质', meeting: '现场' };

/** The sentence a secret vote's export carries instead of a list: who chose what is never kept together. */
export const SECRET_NO_LIST = '本次表决为不记名投票：系统不保存“谁投了什么”，因此不提供逐户（逐人）表决清单。';

/** m² with two decimals, no grouping (a spreadsheet reads it as a number). */
export function squareMetres(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function amount(measure: Measure, value: number): Cell {
  return measure === 'area' ? { centi: value } : value;
}

function csvCell(cell: Cell): string {
  return typeof cell === 'object' ? squareMetres(cell.centi) : String(cell);
}

function xlsxCell(cell: Cell): string | number {
  return typeof cell === 'object' ? cell.centi / 100 : cell;
}

function dateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}（北京时间）`;
}

function choiceLabel(choice: Choice, options: PollOption[] | null): string {
  if (typeof choice === 'string') return CHOICE_LABELS[choice] ?? choice;
  return options?.find((o) => o.id === choice.option)?.label['zh-CN'] ?? choice.option;
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

const ROLE_NAMES: Record<'staff' | 'admin', string> = { staff: '工作人员', admin: '管理员' };

/** The notice period and the shortest window, and an approved shortening with its reason and approver: what the notice says about the vote's legal clock. */
export function safeguardRows(safeguards: SafeguardsFile | null): string[][] {
  if (!safeguards) return [];
  const days = noticeDaysBetween(new Date(safeguards.announcedAt), new Date(safeguards.noticeEndsAt));
  const rows = [
    ['公告期', days > 0 ? `${dateTime(new Date(safeguards.announcedAt))} 公告，至 ${dateTime(new Date(safeguards.noticeEndsAt))} 届满（${days}日）` : `${dateTime(new Date(safeguards.announcedAt))} 公告（本规则无法定公告期）`],
    ['最短表决期', safeguards.minVotingHours > 0 ? (safeguards.minVotingHours % 24 === 0 ? `${safeguards.minVotingHours / 24}日` : `${safeguards.minVotingHours}小时`) : '无（非正式征询）'],
  ];
  const s = safeguards.shortening;
  if (!s) return [...rows, ['缩短期限', '无：公告期届满后开始表决，表决期不短于最短表决期']];
  const what = [s.shortensNotice ? '公告期未满提前开始表决' : null, s.shortensWindow ? '表决期短于最短表决期' : null].filter(Boolean).join('；');
  return [
    ...rows,
    ['缩短期限', `经批准：${what}`],
    ['缩短理由', `${s.reason}（${s.requestedBy}，${dateTime(new Date(s.requestedAt))} 申请）`],
    ['批准', `${s.approverNode}${ROLE_NAMES[s.approverRole]} ${s.approvedBy}，${dateTime(new Date(s.approvedAt))}；意见：${s.note}`],
  ];
}

/** The notice (公示) figures as rows: the vote, the verdict, the closing hash, ballot counts, every condition, the figures and the explanation. */
function noticeRows(input: ResultExportInput): Cell[][] {
  const { result } = input;
  const t = result.tally;
  const f = t.figures;
  const weighted = f.electorate.area !== null;
  const chain = result.chains[input.secrecy === 'named' ? 'ballots' : 'roll'];
  const winning = t.winningOption ? (input.options?.find((o) => o.id === t.winningOption)?.label['zh-CN'] ?? t.winningOption) : null;
  const verdict = !t.valid ? '无效' : t.passed ? (winning ? `通过：${winning}` : '通过') : '未通过';
  const rows: Cell[][] = [
    [`${input.unitName} · ${input.title} 表决结果公示`],
    [],
    ['表决', input.title],
    ['表决事项', input.question],
    ['表决单位', input.unitName],
    ['表决规则', `${RULE_SETS[input.ruleSet].body['zh-CN']}（${input.ruleSet}）`],
    ...(input.matterKinds.length > 0 ? [['决定事项', input.matterKinds.map((m) => `${MATTERS[m].name['zh-CN']}（${MATTERS[m].source['zh-CN']}）`).join('；')]] : []),
    ['投票方式', input.secrecy === 'named' ? '记名投票' : '不记名投票'],
    ['投票时间', `${dateTime(input.opensAt)} 至 ${dateTime(input.closesAt)}`],
    ...safeguardRows(input.safeguards),
    ['计票时间', dateTime(input.closedAt)],
    ['公示状态', input.final ? '最终公告' : `结果公示中，异议期至 ${dateTime(input.objectionUntil)}`],
    ['表决结果', verdict],
    ['参与（到会）条件', t.quorumMet === null ? '本规则无此条件' : t.quorumMet ? '已达到' : '未达到'],
    ['收尾哈希（closing hash）', chain?.head ?? ''],
    ['哈希链行数', chain?.lines ?? 0],
    ['表决编号', input.voteId],
    [],
    ['选票', '张数'],
    ['收到的选票', f.ballots.received],
    ['计入的选票', f.ballots.counted],
    ['不计入的选票', f.ballots.rejected],
    ['其中计入：线上投票', f.ballots.online],
    ['其中计入：纸质选票', f.ballots.paper],
    ['其中计入：现场投票', f.ballots.meeting],
    ['其中计入：委托代理投票', input.proxyBallots],
    ...(f.ballots.inBox !== null ? [['票箱中的选票', f.ballots.inBox] as Cell[], ['废票', f.spoilt] as Cell[]] : []),
    [],
    ['条件', '类别', '计量', '分子', '分母', '门槛', '百分比', '是否满足'],
    ...t.conditions.map((c): Cell[] => [
      c.option ? `${CONDITION_LABELS[c.id]}（${input.options?.find((o) => o.id === c.option)?.label['zh-CN'] ?? c.option}）` : CONDITION_LABELS[c.id],
      ROLE_LABELS[c.role],
      MEASURE_LABELS[c.measure],
      amount(c.measure, c.numerator),
      amount(c.measure, c.denominator),
      `${COMPARISONS[c.threshold.comparison]} ${c.threshold.numerator}/${c.threshold.denominator}`,
      c.percent === null ? '—' : `${c.percent}%`,
      c.met ? '满足' : '不满足',
    ]),
    [],
    ['汇总', '人数', ...(weighted ? ['面积（㎡）'] : [])],
    ...(
      [
        ['全体（表决权基数）', f.electorate],
        ['参与表决（到会）', f.participating],
        ['同意', f.approve],
        ['反对', f.oppose],
        ['弃权', f.abstain],
        ['到会未表态', f.withoutChoice],
      ] as const
    ).map(([label, m]): Cell[] => [label, m.persons, ...(weighted ? [{ centi: m.area ?? 0 }] : [])]),
    ...(f.options ?? []).map((o): Cell[] => [`选项：${input.options?.find((x) => x.id === o.option)?.label['zh-CN'] ?? o.option}`, o.persons]),
    [],
    ['计票说明'],
    ...result.explanation['zh-CN'].map((sentence): Cell[] => [sentence]),
  ];
  return rows;
}

function ballotHeaders(kind: 'compound' | 'persons'): string[] {
  return kind === 'compound' ? ['楼栋', '房号', '专有部分面积（㎡）', '业主（名册姓名）', '选择', '投票方式', '受托代理人'] : ['户号', '成员（名册姓名）', '选择', '投票方式', '受托代理人'];
}

function ballotRows(input: ResultExportInput): Cell[][] {
  const list = input.ballots!;
  // By building, then unit number; units outside any building (parking spaces) last.
  const rows = [...list.rows].sort(
    (a, b) => Number(a.building === '') - Number(b.building === '') || naturalCompare(a.building, b.building) || naturalCompare(a.unit, b.unit) || naturalCompare(a.name, b.name),
  );
  return rows.map((r): Cell[] => {
    const common = [choiceLabel(r.choice, input.options), CHANNEL_LABELS[r.channel], r.proxyAgent ?? ''];
    return list.kind === 'compound' ? [r.building, r.unit, r.area === null ? '' : { centi: r.area }, r.name, ...common] : [r.unit, r.name, ...common];
  });
}

/** A title as part of a file name: no path separators or characters Windows refuses. */
function safeFileName(title: string): string {
  return [...title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')].slice(0, 60).join('').trim() || '表决';
}

const text = (cell: Cell): Cell => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);

/**
 * The published result as a file to archive or print: the notice figures (every condition with
 * its numerator, denominator, threshold and percentage, the verdict, the explanation, the closing
 * hash and the ballot counts) and, for a named vote, the counted ballots unit by unit (for a
 * secret vote, a sentence saying there is no such list). CSV is UTF-8 with a BOM and CRLF, as
 * Excel on Chinese Windows expects; every text cell goes through the roll export's formula guard.
 */
export async function writeResultExport(format: TableFormat, input: ResultExportInput): Promise<ResultDownload> {
  const date = calendarDateIn(LEGAL_TIME_ZONE, input.closedAt);
  const fileName = `表决结果-${safeFileName(input.title)}-${date}.${format}`;
  const asciiFileName = `yishi-vote-result-${input.voteId.slice(0, 8)}-${date}.${format}`;
  const notice = noticeRows(input).map((r) => r.map(text));
  const listTitle = input.ballots ? (input.ballots.kind === 'compound' ? '逐户表决清单（计入的选票）' : '逐人表决清单（计入的选票）') : '逐户表决清单';
  const listHeaders = input.ballots ? ballotHeaders(input.ballots.kind).map(text) : [];
  const list = input.ballots ? ballotRows(input).map((r) => r.map(text)) : [];

  if (format === 'csv') {
    const rows: Cell[][] = [...notice, [], [listTitle], ...(input.ballots ? [listHeaders, ...list] : [[SECRET_NO_LIST]])];
    const csv = stringify(
      rows.map((r) => r.map(csvCell)),
      { bom: true, record_delimiter: 'windows' },
    );
    return { fileName, asciiFileName, contentType: CONTENT_TYPES.csv, bytes: Buffer.from(csv, 'utf8') };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yishi 议事';
  const pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
  const sheet = workbook.addWorksheet('表决结果公示', { pageSetup });
  sheet.columns = [34, 16, 14, 14, 14, 12, 10, 10].map((width) => ({ width, style: { alignment: { vertical: 'top', wrapText: true } } }));
  const add = (target: ExcelJS.Worksheet, row: Cell[]): ExcelJS.Row => {
    const added = target.addRow(row.map(xlsxCell));
    row.forEach((cell, i) => {
      if (typeof cell === 'object') added.getCell(i + 1).numFmt = '#,##0.00';
    });
    return added;
  };
  for (const row of notice) add(sheet, row);
  sheet.getRow(1).font = { bold: true, size: 14 };
  for (const [i, row] of notice.entries()) {
    if (row[0] === '选票' || row[0] === '条件' || row[0] === '汇总' || row[0] === '计票说明') sheet.getRow(i + 1).font = { bold: true };
    // One sentence of the explanation per row, across the sheet.
    if (row.length === 1 && i > 0) sheet.mergeCells(i + 1, 1, i + 1, 8);
  }
  const second = workbook.addWorksheet(input.ballots ? listTitle.replace(/（.*）/, '') : '逐户表决清单', { pageSetup: { ...pageSetup, orientation: 'landscape' }, views: input.ballots ? [{ state: 'frozen', ySplit: 1 }] : [] });
  if (input.ballots) {
    const widths = input.ballots.kind === 'compound' ? [10, 12, 18, 22, 10, 10, 16] : [12, 22, 10, 10, 16];
    second.columns = widths.map((width) => ({ width }));
    second.addRow(listHeaders).font = { bold: true };
    for (const row of list) add(second, row);
  } else {
    second.columns = [{ width: 100 }];
    second.addRow([SECRET_NO_LIST]);
  }
  return { fileName, asciiFileName, contentType: CONTENT_TYPES.xlsx, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
