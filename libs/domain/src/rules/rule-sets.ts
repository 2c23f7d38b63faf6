/**
 * The rule sets under which a body decides (DOMAIN.md "Rule sets"). The ids are stable: they are
 * stored with every vote, published in the recount kit and shared by the API and the web app.
 */

/** A text a resident reads, in both languages of the platform. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export const RULE_SET_IDS = [
  'cc278-ordinary',
  'cc278-major',
  'rceo-27',
  'rceo-28',
  'rceo-15',
  'vcl-22',
  'vcl-26',
  'vcl-28',
  'lml-63',
  'simple-majority',
] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export function isRuleSetId(value: unknown): value is RuleSetId {
  return typeof value === 'string' && (RULE_SET_IDS as readonly string[]).includes(value);
}

/** Which electorate snapshot a rule set reads. `any`: a compound, a roll of persons or a plain list. */
export type ElectorateKindRequired = 'compound' | 'persons' | 'any';

export interface RuleSetInfo {
  id: RuleSetId;
  /** The deciding body. */
  body: Localized;
  /** The statute the thresholds come from. */
  statute: Localized;
  electorate: ElectorateKindRequired;
  /** Whether choices are weighted by exclusive floor area (owners' votes); such ballots are always named. */
  weightedByArea: boolean;
  /** Whether those present without a ballot count (meeting rules), so check-ins matter. */
  countsAttendance: boolean;
  /**
   * Days of notice between announcing a vote and opening it: 15 for owners (业主大会议事规则),
   * 10 for a member assembly (RCEO Law); 0 where the law sets none.
   */
  noticeDays: number;
}

const CC278: Localized = {
  'zh-CN': '《民法典》第二百七十八条；最高人民法院建筑物区分所有权司法解释第八条、第九条',
  en: 'Civil Code art. 278; SPC interpretation on building ownership, arts. 8–9',
};

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSetInfo>> = {
  'cc278-ordinary': {
    id: 'cc278-ordinary',
    body: { 'zh-CN': '业主大会（一般事项）', en: 'owners of the compound (ordinary matters)' },
    statute: CC278,
    electorate: 'compound',
    weightedByArea: true,
    countsAttendance: false,
    noticeDays: 15,
  },
  'cc278-major': {
    id: 'cc278-major',
    body: {
      'zh-CN': '业主大会（筹集维修资金、改建重建、改变共有部分用途等重大事项）',
      en: 'owners of the compound (raising repair funds, rebuilding, changing the use of common parts)',
    },
    statute: CC278,
    electorate: 'compound',
    weightedByArea: true,
    countsAttendance: false,
    noticeDays: 15,
  },
  'rceo-27': {
    id: 'rceo-27',
    body: { 'zh-CN': '集体经济组织成员大会', en: 'cooperative member assembly' },
    statute: { 'zh-CN': '《农村集体经济组织法》第二十七条', en: 'Rural Collective Economic Organizations Law (2024) art. 27' },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: true,
    noticeDays: 10,
  },
  'rceo-28': {
    id: 'rceo-28',
    body: { 'zh-CN': '集体经济组织成员代表大会', en: 'cooperative member representative assembly' },
    statute: { 'zh-CN': '《农村集体经济组织法》第二十八条', en: 'Rural Collective Economic Organizations Law (2024) art. 28' },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: false,
    noticeDays: 0,
  },
  'rceo-15': {
    id: 'rceo-15',
    body: {
      'zh-CN': '集体经济组织成员大会（赋予非成员收益或福利权利）',
      en: 'cooperative member assembly (granting non-members income or welfare rights)',
    },
    statute: {
      'zh-CN': '《农村集体经济组织法》第十五条、第二十七条',
      en: 'Rural Collective Economic Organizations Law (2024) arts. 15 and 27',
    },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: true,
    noticeDays: 10,
  },
  'vcl-22': {
    id: 'vcl-22',
    body: { 'zh-CN': '村民会议', en: "villagers' assembly" },
    statute: { 'zh-CN': '《村民委员会组织法》第二十二条', en: 'Village Committees Organization Law art. 22' },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: true,
    noticeDays: 0,
  },
  'vcl-26': {
    id: 'vcl-26',
    body: { 'zh-CN': '村民代表会议', en: 'village representative assembly' },
    statute: { 'zh-CN': '《村民委员会组织法》第二十六条', en: 'Village Committees Organization Law art. 26' },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: true,
    noticeDays: 0,
  },
  'vcl-28': {
    id: 'vcl-28',
    body: { 'zh-CN': '村民小组会议', en: 'villager group meeting' },
    statute: { 'zh-CN': '《村民委员会组织法》第二十八条', en: 'Village Committees Organization Law art. 28' },
    electorate: 'persons',
    weightedByArea: false,
    countsAttendance: true,
    noticeDays: 0,
  },
  'lml-63': {
    id: 'lml-63',
    body: {
      'zh-CN': '集体经营性建设用地出让、出租的表决（成员或村民代表）',
      en: 'leasing or selling collective commercial construction land (members or village representatives)',
    },
    statute: { 'zh-CN': '《土地管理法》第六十三条', en: 'Land Management Law art. 63' },
    electorate: 'persons',
    weightedByArea: false,
    // Counts attendance when the RCEO member-assembly rule also applies (see Lml63Parameters).
    countsAttendance: true,
    noticeDays: 10,
  },
  'simple-majority': {
    id: 'simple-majority',
    body: { 'zh-CN': '非正式征询（如选定日期）', en: 'informal poll (e.g. choosing a date)' },
    statute: { 'zh-CN': '无法定规则（过半数即可）', en: 'no statute (simple majority of ballots cast)' },
    electorate: 'any',
    weightedByArea: false,
    countsAttendance: false,
    noticeDays: 0,
  },
};

/**
 * Land Management Law art. 63: consent of two thirds of the cooperative's members **or** of two
 * thirds of the village representatives. Which of the two bodies decides is part of the vote.
 *
 * `rceoApplies`: the land belongs to a rural collective economic organization, so the RCEO Law
 * binds the same decision too (art. 27 for the member assembly, art. 28 for the representative
 * assembly). Then both laws' conditions are applied together — "where an RCEO vote also applies,
 * the stricter rule stands" — which is never weaker than either law alone. Default: true.
 */
export interface Lml63Parameters {
  body: 'members' | 'representatives';
  rceoApplies: boolean;
}

export const DEFAULT_LML63: Lml63Parameters = { body: 'members', rceoApplies: true };

/** The statute of the RCEO rule that also binds an lml-63 vote, if any. */
export function lml63CompanionRule(params: Lml63Parameters): 'rceo-27' | 'rceo-28' | null {
  if (!params.rceoApplies) {
    return null;
  }
  return params.body === 'members' ? 'rceo-27' : 'rceo-28';
}
