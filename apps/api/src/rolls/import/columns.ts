import type { UnitKind } from '@yishi/contracts';

/**
 * The columns of a roll file. Import accepts the Chinese header (as in the template), a few
 * common variants and English aliases; export and the template write `header` (export writes
 * `exportHeader` where it differs: identity numbers leave Yishi as their last four only).
 */
export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  exportHeader?: string;
  headerEn: string;
  /** Accepted headers, compared after `normaliseHeader`. */
  aliases: readonly string[];
  /** The column must be present (its cells may still be optional). */
  required: boolean;
  /** One line for the template's notes sheet. */
  note: string;
}

const ID_ALIASES = ['身份证号', '身份证号码', '身份证', '公民身份号码', '身份证号后四位', '身份证后四位', 'idnumber', 'idno', 'idlast4', 'idnumberlast4'];
const PHONE_ALIASES = ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', 'phone', 'mobile', 'phonenumber'];

export const COOPERATIVE_COLUMNS = [
  { key: 'householdNumber', header: '户号', headerEn: 'household number', aliases: ['户号', '户编号', 'household', 'householdnumber', 'householdno'], required: true, note: '必填。同一户的成员填同一个户号，例如 NC-007。' },
  { key: 'address', header: '地址', headerEn: 'address', aliases: ['地址', '住址', '家庭住址', 'address'], required: false, note: '可空。同一户只需在一行填写，各行不能矛盾。' },
  { key: 'name', header: '姓名', headerEn: 'name', aliases: ['姓名', '名字', 'name', 'fullname'], required: true, note: '必填。' },
  { key: 'birthDate', header: '出生日期', headerEn: 'birth date', aliases: ['出生日期', '出生年月日', '生日', 'birthdate', 'dateofbirth', 'dob'], required: true, note: '必填，例如 1980-01-31。年满十八周岁才有表决权。' },
  { key: 'idNumber', header: '身份证号', exportHeader: '身份证号后四位', headerEn: 'identity number', aliases: ID_ALIASES, required: false, note: '可空。填 18 位号码（系统只保存其加密摘要和后四位）；导出文件中的后四位原样导回即可。' },
  { key: 'isHouseholdHead', header: '户主', headerEn: 'household head', aliases: ['户主', '是否户主', 'head', 'householdhead', 'ishouseholdhead'], required: true, note: '是/否。每户恰好一位户主。' },
  { key: 'isHouseholdRepresentative', header: '户代表', headerEn: 'household representative', aliases: ['户代表', '是否户代表', 'householdrepresentative', 'householdrep', 'ishouseholdrepresentative'], required: true, note: '是/否。每户恰好一位户代表，须年满十八周岁。' },
  { key: 'isMemberRepresentative', header: '成员代表', headerEn: 'member representative', aliases: ['成员代表', '是否成员代表', 'memberrepresentative', 'memberrep', 'ismemberrepresentative'], required: false, note: '是/否，空白为否。成员代表须年满十八周岁。' },
  { key: 'phone', header: '手机', headerEn: 'mobile phone', aliases: PHONE_ALIASES, required: false, note: '可空，11 位手机号。' },
] as const satisfies readonly ColumnDef[];
export type CooperativeColumn = (typeof COOPERATIVE_COLUMNS)[number]['key'];

export const COMPOUND_COLUMNS = [
  { key: 'building', header: '楼栋', headerEn: 'building', aliases: ['楼栋', '栋', '楼号', '幢', '楼栋号', 'building'], required: true, note: '楼栋名称，例如 1栋；不在楼内的车位留空。' },
  { key: 'number', header: '房号', headerEn: 'unit number', aliases: ['房号', '房屋编号', '房间号', '编号', 'unit', 'unitnumber', 'unitno', 'room', 'number'], required: true, note: '必填，全小区唯一，例如 2-1503、P-018。同一套房屋的每一行（共有人、租户）填同一个房号。' },
  { key: 'kind', header: '类型', headerEn: 'kind', aliases: ['类型', '房屋类型', '用途', 'kind', 'type', 'unitkind'], required: true, note: '住宅 / 车位 / 商铺。' },
  { key: 'area', header: '面积', headerEn: 'area (m²)', aliases: ['面积', '建筑面积', '专有面积', '专有部分面积', 'area'], required: true, note: '平方米，最多两位小数，例如 89.56。' },
  { key: 'areaSource', header: '面积来源', headerEn: 'area source', aliases: ['面积来源', '面积依据', 'areasource'], required: true, note: '不动产登记 / 实测 / 合同（依次优先）。' },
  { key: 'relation', header: '身份', headerEn: 'role', aliases: ['身份', '人员类型', '关系', 'role', 'relation'], required: true, note: '业主 / 租户。' },
  { key: 'name', header: '姓名', headerEn: 'name', aliases: ['姓名', '名称', '业主姓名', 'name', 'fullname'], required: true, note: '必填。一位业主有多套房屋时，每套一行，姓名和身份证号（或手机）相同。' },
  { key: 'idNumber', header: '身份证号', exportHeader: '身份证号后四位', headerEn: 'identity number', aliases: ID_ALIASES, required: false, note: '业主可填 18 位号码（系统只保存其加密摘要和后四位）；开发商和租户不填。' },
  { key: 'phone', header: '手机', headerEn: 'mobile phone', aliases: PHONE_ALIASES, required: false, note: '可空，11 位手机号。' },
  { key: 'developer', header: '开发商', headerEn: 'developer', aliases: ['开发商', '是否开发商', 'developer', 'isdeveloper'], required: false, note: '是/否，空白为否。开发商未售出或未交付的房屋都登记在开发商名下，计为一人。' },
  { key: 'designatedVoter', header: '指定投票人', headerEn: 'designated voter', aliases: ['指定投票人', '投票人', '是否投票人', 'designatedvoter', 'voter'], required: false, note: '是/否。共有的房屋须恰好指定一位共有人投票；独有的可空。' },
] as const satisfies readonly ColumnDef[];
export type CompoundColumn = (typeof COMPOUND_COLUMNS)[number]['key'];

export function columnsFor(kind: UnitKind): readonly ColumnDef[] {
  return kind === 'cooperative' ? COOPERATIVE_COLUMNS : COMPOUND_COLUMNS;
}

/** `面积（㎡）*` → `面积`, `Birth Date` → `birthdate`: what headers are compared as. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s*_.:\-]/g, '')
    .toLowerCase();
}

export function findColumn(columns: readonly ColumnDef[], header: string): ColumnDef | undefined {
  const normalised = normaliseHeader(header);
  if (!normalised) return undefined;
  return columns.find((c) => c.aliases.includes(normalised));
}

/** How many of `cells` name a column of `columns` (to find the header row and the roll's kind). */
export function headerScore(columns: readonly ColumnDef[], cells: readonly string[]): number {
  return new Set(cells.map((c) => findColumn(columns, c)?.key).filter(Boolean)).size;
}

/** Values of the choice columns, Chinese label first (what export writes). */
export const UNIT_KIND_LABELS = { dwelling: ['住宅', '住房', '住家', 'dwelling', 'residential'], parking: ['车位', '停车位', '车库', 'parking'], shop: ['商铺', '商业', '店铺', '商铺房', 'shop', 'commercial'] } as const;
export const AREA_SOURCE_LABELS = {
  register: ['不动产登记', '登记', '产权登记', '不动产权证', '房产证', 'register'],
  survey: ['实测', '测绘', '实测面积', 'survey'],
  contract: ['合同', '购房合同', '合同面积', 'contract'],
} as const;
export const RELATION_LABELS = { owner: ['业主', '产权人', 'owner'], tenant: ['租户', '承租人', '租客', 'tenant'] } as const;

export function parseChoice<K extends string>(labels: Record<K, readonly string[]>, value: string): K | undefined {
  const v = value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return (Object.keys(labels) as K[]).find((k) => labels[k].includes(v));
}

export function choiceList<K extends string>(labels: Record<K, readonly string[]>): string {
  return (Object.keys(labels) as K[]).map((k) => labels[k][0]).join(' / ');
}

export function choiceLabel<K extends string>(labels: Record<K, readonly string[]>, key: K): string {
  return labels[key][0]!;
}
