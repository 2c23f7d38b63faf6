import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { AssemblyResultFile, Choice, Comparison, ConditionId, ConditionRole, Figures, KitMark, MatterKind, Measure, PollOption, RuleSetId, SafeguardsFile } from '@yishi/domain';
import { calendarDateIn, MATTERS, noticeDaysBetween, RULE_SETS } from '@yishi/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { compareChineseNatural } from '../../common/collation';
import { neutraliseFormula } from '../../rolls/import/cells';
import type { TableFormat } from '../../rolls/import/write-table';
import { CONTENT_TYPES } from '../../rolls/import/write-table';
import type { VoteMatter } from '../assembly/assembly-matters';
import { matterCarried } from '../assembly/assembly-result';
import type { BallotContent } from '../ballots/ballot-choices';
import { isMarks } from '../ballots/ballot-choices';

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
  choice: BallotContent;
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
  /** An assembly's ballot: its matters and their results (result.json version 2); `result` is then unused. */
  assembly: { matters: VoteMatter[]; result: AssemblyResultFile } | null;
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

const DATE_TIME = new Intl.DateTimeFormat('en-CA', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function dateTime(at: Date): string {
  const parts = DATE_TIME.formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}（北京时间）`;
}

function choiceLabel(choice: Choice, options: PollOption[] | null): string {
  if (typeof choice === 'string') return CHOICE_LABELS[choice] ?? choice;
  return options?.find((o) => o.id === choice.option)?.label['zh-CN'] ?? choice.option;
}

/** What a ballot says of one matter, in words: a choice, 空白, 无法辨认, or the names chosen. */
function markLabel(mark: KitMark | undefined, matter: VoteMatter): string {
  if (mark === undefined || mark === 'blank') return '空白（弃权）';
  if (mark === 'spoilt') return '无法辨认（弃权）';
  if (typeof mark === 'string') return CHOICE_LABELS[mark] ?? mark;
  const names = new Map(matter.candidates!.map((c) => [c.id, c.name]));
  return mark.chosen.length === 0 ? '未选任何人' : mark.chosen.map((c) => names.get(c) ?? c).join('、');
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
  const winning = t.winningOption ? (input.options?.find((o) => o.id === t.winningOption)?.label['zh-CN'] ?? t.winningOption) : null;
  const verdict = !t.valid ? '无效' : t.passed ? (winning ? `通过：${winning}` : '通过') : '未通过';
  return [
    ...headerRows(input, [
      ['表决结果', verdict],
      ['参与（到会）条件', t.quorumMet === null ? '本规则无此条件' : t.quorumMet ? '已达到' : '未达到'],
    ]),
    [],
    ...tallyRows(t, result.explanation['zh-CN'], input.options, input.proxyBallots),
  ];
}

/** The vote as the notice heads it: what, where, under which rule, when, its legal clock and its verdict lines, the closing hash. */
function headerRows(input: ResultExportInput, verdictRows: Cell[][]): Cell[][] {
  const chain = (input.assembly?.result.chains ?? input.result.chains)[input.secrecy === 'named' ? 'ballots' : 'roll'];
  return [
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
    ...verdictRows,
    ['收尾哈希（closing hash）', chain?.head ?? ''],
    ['哈希链行数', chain?.lines ?? 0],
    ['表决编号', input.voteId],
  ];
}

/** A count's figures: ballots, every condition with its numbers and threshold, the totals and the explanation. */
function tallyRows(t: PublishedResultFile['tally'], explanation: string[], options: PollOption[] | null, proxyBallots: number | null): Cell[][] {
  const f = t.figures;
  const weighted = f.electorate.area !== null;
  return [
    ['选票', '张数'],
    ['收到的选票', f.ballots.received],
    ['计入的选票', f.ballots.counted],
    ['不计入的选票', f.ballots.rejected],
    ['其中计入：线上投票', f.ballots.online],
    ['其中计入：纸质选票', f.ballots.paper],
    ['其中计入：现场投票', f.ballots.meeting],
    ...(proxyBallots !== null ? [['其中计入：委托代理投票', proxyBallots] as Cell[]] : []),
    ...(f.ballots.inBox !== null ? [['票箱中的选票', f.ballots.inBox] as Cell[], ['废票', f.spoilt] as Cell[]] : []),
    [],
    ['条件', '类别', '计量', '分子', '分母', '门槛', '百分比', '是否满足'],
    ...t.conditions.map((c): Cell[] => [
      c.option ? `${CONDITION_LABELS[c.id]}（${options?.find((o) => o.id === c.option)?.label['zh-CN'] ?? c.option}）` : CONDITION_LABELS[c.id],
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
    ...(f.options ?? []).map((o): Cell[] => [`选项：${options?.find((x) => x.id === o.option)?.label['zh-CN'] ?? o.option}`, o.persons]),
    [],
    ['计票说明'],
    ...explanation.map((sentence): Cell[] => [sentence]),
  ];
}

const STANDING_LABELS: Record<string, string> = { elected: '当选', tied: '得票相同，待另行选举', 'qualified-not-elected': '符合条件，名额已满', 'not-qualified': '未达到当选条件' };

/** An assembly's notice: the vote, then every matter's verdict in one table, and how blank marks were counted. */
function assemblyNoticeRows(input: ResultExportInput): Cell[][] {
  const { matters, result } = input.assembly!;
  const byId = new Map(matters.map((m) => [m.id, m]));
  return [
    ...headerRows(input, [['表决结果', `${result.matters.length} 项事项中 ${result.matters.filter(matterCarried).length} 项通过（或选出）`]]),
    [],
    ['事项', '表决规则', '结果'],
    ...result.matters.map((r, i): Cell[] => {
      const m = byId.get(r.matter)!;
      const verdict = r.kind === 'motion' ? (r.tally.passed ? '通过' : '未通过') : `应选 ${r.election.seats} 名，选出 ${r.election.elected.length} 名${r.election.unfilled > 0 ? `，${r.election.unfilled} 个名额待另行选举` : ''}`;
      return [`${i + 1}. ${m.title}`, `${RULE_SETS[m.ruleSet].body['zh-CN']}（${m.ruleSet}）`, verdict];
    }),
    ...(input.proxyBallots > 0 ? [[], ['委托代理投票（计入）', input.proxyBallots] as Cell[]] : []),
    [],
    ['计票说明'],
    [result.reading['zh-CN']],
  ];
}

/** One matter's sheet: its question, rule and verdict, blank and unreadable marks, then the figures (a motion) or every candidate (an election). */
function matterRows(r: AssemblyResultFile['matters'][number], m: VoteMatter, position: number): Cell[][] {
  const head: Cell[][] = [
    [`事项 ${position}：${m.title}`],
    [],
    ['表决事项', m.question],
    ['表决规则', `${RULE_SETS[m.ruleSet].body['zh-CN']}（${m.ruleSet}）`],
    ...(m.matterKinds.length > 0 ? [['决定事项', m.matterKinds.map((k) => `${MATTERS[k].name['zh-CN']}（${MATTERS[k].source['zh-CN']}）`).join('；')]] : []),
    ['空白（视为弃权）', r.blank],
    ['无法辨认（视为弃权）', r.spoilt],
  ];
  if (r.kind === 'motion') {
    return [...head, ['表决结果', !r.tally.valid ? '无效' : r.tally.passed ? '通过' : '未通过'], [], ...tallyRows(r.tally, r.explanation['zh-CN'], null, null)];
  }
  const e = r.election;
  const names = new Map(m.candidates!.map((c) => [c.id, c.name]));
  const weighted = e.candidates.some((c) => c.area !== null);
  return [
    ...head,
    ['应选名额', e.seats],
    ['当选', e.elected.map((c) => names.get(c) ?? c).join('、') || '无'],
    ['未选出的名额', e.unfilled],
    ['所选人数超过应选名额的选票', e.overVoted],
    [],
    ['候选人', '得票（人数）', ...(weighted ? ['得票面积（㎡）'] : []), '符合当选条件', '结果'],
    ...e.candidates.map((c): Cell[] => [names.get(c.candidate) ?? c.candidate, c.votes, ...(weighted ? [{ centi: c.area ?? 0 }] : []), c.qualified ? '是' : '否', STANDING_LABELS[c.standing] ?? c.standing]),
    [],
    ['计票说明'],
    ...r.explanation['zh-CN'].map((sentence): Cell[] => [sentence]),
  ];
}

function ballotHeaders(kind: 'compound' | 'persons', matters: VoteMatter[] | null): string[] {
  const choices = matters ? matters.map((m) => m.title) : ['选择'];
  return kind === 'compound' ? ['楼栋', '房号', '专有部分面积（㎡）', '业主（名册姓名）', ...choices, '投票方式', '受托代理人'] : ['户号', '成员（名册姓名）', ...choices, '投票方式', '受托代理人'];
}

function ballotRows(input: ResultExportInput): Cell[][] {
  const list = input.ballots!;
  // By building, then unit number; units outside any building (parking spaces) last.
  const rows = [...list.rows].sort(
    (a, b) => Number(a.building === '') - Number(b.building === '') || compareChineseNatural(a.building, b.building) || compareChineseNatural(a.unit, b.unit) || compareChineseNatural(a.name, b.name),
  );
  return rows.map((r): Cell[] => {
    const content = r.choice;
    const said = isMarks(content) ? input.assembly!.matters.map((m) => markLabel(content.marks[m.id], m)) : [choiceLabel(content, input.options)];
    const common = [...said, CHANNEL_LABELS[r.channel], r.proxyAgent ?? ''];
    return list.kind === 'compound' ? [r.building, r.unit, r.area === null ? '' : { centi: r.area }, r.name, ...common] : [r.unit, r.name, ...common];
  });
}

/** A worksheet's name: at most 31 characters, none of those Excel refuses. */
function sheetName(title: string): string {
  return [...title.replace(/[\\/:*?[\]]+/g, '_')].slice(0, 31).join('');
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
  const notice = (input.assembly ? assemblyNoticeRows(input) : noticeRows(input)).map((r) => r.map(text));
  // An assembly's ballot: one sheet per matter, in the order of the paper.
  const matterSheets = input.assembly
    ? input.assembly.result.matters.map((r, i) => {
        const m = input.assembly!.matters.find((x) => x.id === r.matter)!;
        return { name: sheetName(`${i + 1} ${m.title}`), rows: matterRows(r, m, i + 1).map((row) => row.map(text)) };
      })
    : [];
  const listTitle = input.ballots ? (input.ballots.kind === 'compound' ? '逐户表决清单（计入的选票）' : '逐人表决清单（计入的选票）') : '逐户表决清单';
  const listHeaders = input.ballots ? ballotHeaders(input.ballots.kind, input.assembly?.matters ?? null).map(text) : [];
  const list = input.ballots ? ballotRows(input).map((r) => r.map(text)) : [];

  if (format === 'csv') {
    const rows: Cell[][] = [...notice, ...matterSheets.flatMap((sheet) => [[], ...sheet.rows]), [], [listTitle], ...(input.ballots ? [listHeaders, ...list] : [[SECRET_NO_LIST]])];
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
  const emphasise = (target: ExcelJS.Worksheet, rows: Cell[][]): void => {
    for (const [i, row] of rows.entries()) {
      if (row[0] === '选票' || row[0] === '条件' || row[0] === '汇总' || row[0] === '计票说明' || row[0] === '事项' || row[0] === '候选人') target.getRow(i + 1).font = { bold: true };
      // One sentence of the explanation per row, across the sheet.
      if (row.length === 1 && i > 0) target.mergeCells(i + 1, 1, i + 1, 8);
    }
  };
  emphasise(sheet, notice);
  for (const m of matterSheets) {
    const matterSheet = workbook.addWorksheet(m.name, { pageSetup });
    matterSheet.columns = [34, 16, 14, 14, 14, 12, 10, 10].map((width) => ({ width, style: { alignment: { vertical: 'top', wrapText: true } } }));
    for (const row of m.rows) add(matterSheet, row);
    matterSheet.getRow(1).font = { bold: true, size: 14 };
    emphasise(matterSheet, m.rows);
  }
  const second = workbook.addWorksheet(input.ballots ? listTitle.replace(/（.*）/, '') : '逐户表决清单', { pageSetup: { ...pageSetup, orientation: 'landscape' }, views: input.ballots ? [{ state: 'frozen', ySplit: 1 }] : [] });
  if (input.ballots) {
    const choiceWidths = input.assembly ? input.assembly.matters.map((m) => (m.kind === 'election' ? 30 : 12)) : [10];
    const widths = input.ballots.kind === 'compound' ? [10, 12, 18, 22, ...choiceWidths, 10, 16] : [12, 22, ...choiceWidths, 10, 16];
    second.columns = widths.map((width) => ({ width }));
    second.addRow(listHeaders).font = { bold: true };
    for (const row of list) add(second, row);
  } else {
    second.columns = [{ width: 100 }];
    second.addRow([SECRET_NO_LIST]);
  }
  return { fileName, asciiFileName, contentType: CONTENT_TYPES.xlsx, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
