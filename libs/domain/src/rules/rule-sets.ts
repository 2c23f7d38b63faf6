/**
 * The rule sets under which a body decides (DOMAIN.md "Rule sets"). The ids are stable: they are
 * stored with every vote, published in the recount kit and shared by the API and the web app.
 */
import type { RuleSetBasis } from './rule-bases';
import { RULE_SET_BASES } from './rule-bases';
import type { Localized, RuleSetId } from './rule-set-ids';
import { RULE_SET_IDS } from './rule-set-ids';

export type { Localized, RuleSetId } from './rule-set-ids';
export { RULE_SET_IDS, isRuleSetId } from './rule-set-ids';

/** Which electorate snapshot a rule set reads. `any`: a compound, a roll of persons or a plain list. */
export type ElectorateKindRequired = 'compound' | 'persons' | 'any';

export interface RuleSetInfo extends RuleSetBasis {
  id: RuleSetId;
  /** The deciding body. */
  body: Localized;
  electorate: ElectorateKindRequired;
  /** Whether those present without a ballot count (meeting rules), so check-ins matter. */
  countsAttendance: boolean;
  /**
   * Days of notice between announcing a vote and opening it, where a statute sets them (15 for
   * owners, 10 for a member assembly and a villagers' assembly); 0 where none does.
   */
  noticeDays: number;
  /** Where the notice comes from, or a plain statement that no statute sets one. */
  noticeSource: Localized;
  /**
   * The shortest voting window, in hours, the platform accepts without a supervisor's approval.
   * No statute sets one for any of these bodies: each value is the platform's rule, with its
   * reason in `minVotingSource`. 0 for an informal poll (exempt).
   */
  minVotingHours: number;
  minVotingSource: Localized;
  /** When a decision stands, in one sentence a resident reads (the thresholds `tally` applies). */
  requirement: Localized;
}

const NO_NOTICE: Localized = {
  'zh-CN': '法律未规定通知期限，平台不另设。',
  en: 'No statute sets a notice period; the platform sets none.',
};

const OWNERS_NOTICE: Localized = {
  'zh-CN': '《物业管理条例》第十四条：召开业主大会会议，应当于会议召开15日以前通知全体业主。',
  en: 'Property Management Regulations art. 14: all owners are notified at least 15 days before a meeting of the owners’ assembly.',
};

const MEMBER_ASSEMBLY_NOTICE: Localized = {
  'zh-CN': '《农村集体经济组织法》第二十七条：成员大会会议的时间、地点和审议的事项，于会议召开十日前通知全体成员。',
  en: 'RCEO Law (2024) art. 27: the time, place and matters of a member assembly are notified to all members ten days before it meets.',
};

const OWNERS_WINDOW: Localized = {
  'zh-CN': '平台规则：法律未规定最短表决期。业主大会多以书面形式表决，纸质表决票要由楼长送达、再收回；七日含一个周末，在外工作和年老行动不便的业主也来得及表决。',
  en: 'Platform rule: no statute sets a shortest voting period. Owners mostly vote in writing, and paper ballots must be delivered and collected by the building heads; seven days, a weekend included, give owners who work away or are frail time to vote.',
};

const ASSEMBLY_WINDOW: Localized = {
  'zh-CN': '平台规则：法律未规定最短表决期。全体成员（村民）的会议可以在一天内开完；至少一日，当天上班的人也能在线参加或委托同户成员。',
  en: 'Platform rule: no statute sets a shortest voting period. A meeting of all members (villagers) can be held in one day; at least one day, so that those at work that day can still take part online or through a household member.',
};

const REPRESENTATIVES_WINDOW: Localized = {
  'zh-CN': '平台规则：法律未规定最短表决期。代表会议人数少、当场表决；至少两小时，足够代表签到、审议和投票。',
  en: 'Platform rule: no statute sets a shortest voting period. A meeting of representatives is small and votes on the spot; at least two hours, enough to check in, deliberate and vote.',
};

const POLL_WINDOW: Localized = {
  'zh-CN': '非正式征询不作决定，不设最短期限。',
  en: 'An informal poll decides nothing: no shortest period.',
};

/** Each entry with its statute and area weighting, its basis (./rule-bases.ts), which residents' pages import alone. */
function withBases(rules: Record<RuleSetId, Omit<RuleSetInfo, keyof RuleSetBasis>>): Readonly<Record<RuleSetId, RuleSetInfo>> {
  return Object.fromEntries(RULE_SET_IDS.map((id) => [id, { ...rules[id], ...RULE_SET_BASES[id] }])) as Record<RuleSetId, RuleSetInfo>;
}

// Pure: a page that imports something else of this module (RULE_SET_IDS) leaves the table out.
export const RULE_SETS: Readonly<Record<RuleSetId, RuleSetInfo>> = /* @__PURE__ */ withBases({
  'cc278-ordinary': {
    id: 'cc278-ordinary',
    body: { 'zh-CN': '业主大会（一般事项）', en: 'owners of the compound (ordinary matters)' },
    electorate: 'compound',
    countsAttendance: false,
    noticeDays: 15,
    noticeSource: OWNERS_NOTICE,
    minVotingHours: 168,
    minVotingSource: OWNERS_WINDOW,
    requirement: {
      'zh-CN': '需由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决的专有部分面积过半数且参与表决人数过半数的业主同意。',
      en: 'Owners holding at least two thirds of the exclusive floor area and at least two thirds of all owners must take part, and more than half of the area and more than half of the owners taking part must approve.',
    },
  },
  'cc278-major': {
    id: 'cc278-major',
    body: {
      'zh-CN': '业主大会（筹集维修资金、改建重建、改变共有部分用途等重大事项）',
      en: 'owners of the compound (raising repair funds, rebuilding, changing the use of common parts)',
    },
    electorate: 'compound',
    countsAttendance: false,
    noticeDays: 15,
    noticeSource: OWNERS_NOTICE,
    minVotingHours: 168,
    minVotingSource: OWNERS_WINDOW,
    requirement: {
      'zh-CN': '需由专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决的专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。',
      en: 'Owners holding at least two thirds of the exclusive floor area and at least two thirds of all owners must take part, and at least three quarters of the area and at least three quarters of the owners taking part must approve.',
    },
  },
  'rceo-27': {
    id: 'rceo-27',
    body: { 'zh-CN': '集体经济组织成员大会', en: 'cooperative member assembly' },
    electorate: 'persons',
    countsAttendance: true,
    noticeDays: 10,
    noticeSource: MEMBER_ASSEMBLY_NOTICE,
    minVotingHours: 24,
    minVotingSource: ASSEMBLY_WINDOW,
    requirement: {
      'zh-CN': '需有三分之二以上具有完全民事行为能力的成员参加，并经全体成员三分之二以上同意（按全体成员计算，不按到会人数计算）。',
      en: 'At least two thirds of the members with full civil capacity must attend, and at least two thirds of all members (not only of those present) must approve.',
    },
  },
  'rceo-28': {
    id: 'rceo-28',
    body: { 'zh-CN': '集体经济组织成员代表大会', en: 'cooperative member representative assembly' },
    electorate: 'persons',
    countsAttendance: false,
    noticeDays: 0,
    noticeSource: {
      'zh-CN': '《农村集体经济组织法》未规定成员代表大会的通知期限（由章程规定），平台不另设。',
      en: 'The RCEO Law sets no notice for the representative assembly (the charter does); the platform sets none.',
    },
    minVotingHours: 2,
    minVotingSource: REPRESENTATIVES_WINDOW,
    requirement: {
      'zh-CN': '需经全体成员代表三分之二以上同意。',
      en: 'At least two thirds of all member representatives must approve.',
    },
  },
  'rceo-15': {
    id: 'rceo-15',
    body: {
      'zh-CN': '集体经济组织成员大会（赋予非成员收益或福利权利）',
      en: 'cooperative member assembly (granting non-members income or welfare rights)',
    },
    electorate: 'persons',
    countsAttendance: true,
    noticeDays: 10,
    noticeSource: MEMBER_ASSEMBLY_NOTICE,
    minVotingHours: 24,
    minVotingSource: ASSEMBLY_WINDOW,
    requirement: {
      'zh-CN': '需有三分之二以上具有完全民事行为能力的成员参加，并经全体成员四分之三以上同意。',
      en: 'At least two thirds of the members with full civil capacity must attend, and at least three quarters of all members must approve.',
    },
  },
  'vcl-22': {
    id: 'vcl-22',
    body: { 'zh-CN': '村民会议', en: "villagers' assembly" },
    electorate: 'persons',
    countsAttendance: true,
    noticeDays: 10,
    noticeSource: {
      'zh-CN': '《村民委员会组织法》第二十一条：召集村民会议，应当提前十天通知村民。',
      en: 'Village Committees Organization Law art. 21: villagers are notified ten days before a villagers’ assembly is convened.',
    },
    minVotingHours: 24,
    minVotingSource: ASSEMBLY_WINDOW,
    requirement: {
      'zh-CN': '需有本村十八周岁以上村民过半数参加，或者本村三分之二以上的户的代表参加，并经到会人员过半数同意。',
      en: 'More than half of the villagers aged 18 or over, or the representatives of at least two thirds of the households, must attend, and more than half of those present must approve.',
    },
  },
  'vcl-26': {
    id: 'vcl-26',
    body: { 'zh-CN': '村民代表会议', en: 'village representative assembly' },
    electorate: 'persons',
    countsAttendance: true,
    noticeDays: 0,
    noticeSource: NO_NOTICE,
    minVotingHours: 2,
    minVotingSource: REPRESENTATIVES_WINDOW,
    requirement: {
      'zh-CN': '需有三分之二以上的组成人员参加，并经到会人员过半数同意。',
      en: 'At least two thirds of the members of the assembly must attend, and more than half of those present must approve.',
    },
  },
  'vcl-28': {
    id: 'vcl-28',
    body: { 'zh-CN': '村民小组会议', en: 'villager group meeting' },
    electorate: 'persons',
    countsAttendance: true,
    noticeDays: 0,
    noticeSource: NO_NOTICE,
    minVotingHours: 24,
    minVotingSource: ASSEMBLY_WINDOW,
    requirement: {
      'zh-CN': '需有本村民小组十八周岁以上村民三分之二以上参加，或者本村民小组三分之二以上的户的代表参加，并经到会人员过半数同意。',
      en: 'At least two thirds of the group’s villagers aged 18 or over, or the representatives of at least two thirds of its households, must attend, and more than half of those present must approve.',
    },
  },
  'lml-63': {
    id: 'lml-63',
    body: {
      'zh-CN': '集体经营性建设用地出让、出租的表决（成员或村民代表）',
      en: 'leasing or selling collective commercial construction land (members or village representatives)',
    },
    electorate: 'persons',
    // Counts attendance when the RCEO member-assembly rule also applies (see Lml63Parameters).
    countsAttendance: true,
    noticeDays: 10,
    noticeSource: {
      'zh-CN': '《农村集体经济组织法》第二十七条（成员大会会议召开十日前通知全体成员）；由村民代表同意的，平台同样适用十日。',
      en: 'RCEO Law (2024) art. 27 (members are notified ten days before a member assembly); the platform applies the same ten days where village representatives consent.',
    },
    minVotingHours: 24,
    minVotingSource: ASSEMBLY_WINDOW,
    requirement: {
      'zh-CN': '需经本集体经济组织三分之二以上成员或者三分之二以上村民代表同意。',
      en: 'At least two thirds of the cooperative’s members, or at least two thirds of the village representatives, must consent.',
    },
  },
  'simple-majority': {
    id: 'simple-majority',
    body: { 'zh-CN': '非正式征询（如选定日期）', en: 'informal poll (e.g. choosing a date)' },
    electorate: 'any',
    countsAttendance: false,
    noticeDays: 0,
    noticeSource: NO_NOTICE,
    minVotingHours: 0,
    minVotingSource: POLL_WINDOW,
    requirement: {
      'zh-CN': '同意票超过所投票数（含弃权）的一半即为通过。',
      en: 'It passes when more than half of the ballots cast (abstentions included) approve.',
    },
  },
});

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

/**
 * The assembly that decides a matter under this rule set: the owners of a compound, a
 * cooperative's member assembly or its member representatives, a villagers' assembly, the village
 * representatives, or a villager group. One ballot paper holds the matters of one assembly only —
 * the member assembly cannot also sit as the representative assembly, whose two thirds are counted
 * among other people. An lml-63 matter is decided by the body its parameters name (with the RCEO
 * Law, the representatives are the cooperative's member representatives).
 */
export type DecidingAssembly = 'owners' | 'members' | 'member-representatives' | 'villagers' | 'village-representatives' | 'villager-group' | 'anyone';

export function decidingAssembly(ruleSet: RuleSetId, lml63: Lml63Parameters | null = null): DecidingAssembly {
  switch (ruleSet) {
    case 'cc278-ordinary':
    case 'cc278-major':
      return 'owners';
    case 'rceo-27':
    case 'rceo-15':
      return 'members';
    case 'rceo-28':
      return 'member-representatives';
    case 'vcl-22':
      return 'villagers';
    case 'vcl-26':
      return 'village-representatives';
    case 'vcl-28':
      return 'villager-group';
    case 'lml-63': {
      const params = lml63 ?? DEFAULT_LML63;
      if (params.body === 'members') return 'members';
      return params.rceoApplies ? 'member-representatives' : 'village-representatives';
    }
    case 'simple-majority':
      return 'anyone';
  }
}
