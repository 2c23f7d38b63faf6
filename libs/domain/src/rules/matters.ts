import type { Lml63Parameters, Localized, RuleSetId } from './rule-sets';
import { DEFAULT_LML63 } from './rule-sets';

/**
 * What a vote is about, as far as the law treats kinds of matter differently. A vote names zero or
 * more kinds; a body that may not decide one of them is refused before any ballot is cast.
 */
export const MATTER_KINDS = [
  // Matters the RCEO Law (art. 28) keeps for the member assembly itself.
  'charter',
  'membership',
  'land-contracting',
  'homestead',
  'share-quantification',
  'compensation-distribution',
  'merger-or-split',
  // Civil Code art. 278 items 6–8: need the three-quarter rule (cc278-major).
  'repair-fund-raising',
  'rebuilding',
  'common-parts-use',
  // RCEO Law art. 15: income or welfare rights for non-members (three quarters, rceo-15).
  'non-member-rights',
  // Land Management Law art. 63.
  'commercial-construction-land',
  'other',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export function isMatterKind(value: unknown): value is MatterKind {
  return typeof value === 'string' && (MATTER_KINDS as readonly string[]).includes(value);
}

export const MATTER_NAMES: Readonly<Record<MatterKind, Localized>> = {
  charter: { 'zh-CN': '章程的制定和修改', en: 'adopting or amending the charter' },
  membership: { 'zh-CN': '成员的确认', en: 'confirming membership' },
  'land-contracting': { 'zh-CN': '土地承包', en: 'land contracting' },
  homestead: { 'zh-CN': '宅基地', en: 'homestead land' },
  'share-quantification': { 'zh-CN': '集体资产股份（份额）量化', en: 'quantifying collective assets into shares' },
  'compensation-distribution': { 'zh-CN': '征收补偿费用的分配', en: 'distributing compensation for expropriated land' },
  'merger-or-split': { 'zh-CN': '合并、分立', en: 'merger or split' },
  'repair-fund-raising': { 'zh-CN': '筹集建筑物及其附属设施的维修资金', en: 'raising repair funds for the buildings and their facilities' },
  rebuilding: { 'zh-CN': '改建、重建建筑物及其附属设施', en: 'rebuilding or reconstructing the buildings and their facilities' },
  'common-parts-use': {
    'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动',
    en: 'changing the use of common parts or using them for business',
  },
  'non-member-rights': { 'zh-CN': '赋予非成员收益或福利权利', en: 'granting non-members income or welfare rights' },
  'commercial-construction-land': {
    'zh-CN': '集体经营性建设用地出让、出租',
    en: 'selling or leasing collective commercial construction land',
  },
  other: { 'zh-CN': '其他事项', en: 'other matters' },
};

/** Matters the member representative assembly may not decide (RCEO Law art. 28). */
export const RCEO_28_RESERVED: readonly MatterKind[] = [
  'charter',
  'membership',
  'land-contracting',
  'homestead',
  'share-quantification',
  'compensation-distribution',
  'merger-or-split',
  'non-member-rights',
];

/** Civil Code art. 278 items 6–8: not for the ordinary rule. */
export const CC278_MAJOR_ITEMS: readonly MatterKind[] = ['repair-fund-raising', 'rebuilding', 'common-parts-use'];

export interface MatterRefusal {
  matter: MatterKind;
  /** The rule set under which this matter may be decided, where there is one. */
  decideUnder: RuleSetId | null;
  reason: Localized;
}

/** Why a body may not decide a vote's matter; the vote must not be opened. */
export interface Refusal {
  ruleSet: RuleSetId;
  matters: MatterRefusal[];
}

function reserved(matter: MatterKind): MatterRefusal {
  const name = MATTER_NAMES[matter];
  if (matter === 'non-member-rights') {
    return {
      matter,
      decideUnder: 'rceo-15',
      reason: {
        'zh-CN': '依照《农村集体经济组织法》第十五条，赋予非成员收益或福利权利须经成员大会全体成员四分之三以上同意，成员代表大会不得决定。',
        en: 'Under RCEO Law art. 15, granting non-members income or welfare rights needs three quarters of all members in the member assembly; the representative assembly may not decide it.',
      },
    };
  }
  return {
    matter,
    decideUnder: 'rceo-27',
    reason: {
      'zh-CN': `依照《农村集体经济组织法》第二十八条，“${name['zh-CN']}”须由成员大会决定，成员代表大会不得决定。`,
      en: `Under RCEO Law art. 28, ${name.en} must be decided by the member assembly; the representative assembly may not decide it.`,
    },
  };
}

/**
 * Checks, before any vote, that the body of `ruleSet` may decide every kind of matter named.
 * Returns null when it may, or the refusal with a reason per matter (zh-CN and en).
 *
 * - rceo-28 (and lml-63 decided by representatives where the RCEO Law applies): the matters of
 *   RCEO art. 28 are reserved to the member assembly; granting non-members rights needs the
 *   member assembly's three quarters (art. 15).
 * - cc278-ordinary: Civil Code art. 278 items 6–8 need the three-quarter rule (cc278-major).
 * - rceo-27: granting non-members rights needs rceo-15 (three quarters, art. 15).
 * - simple-majority: an informal poll decides nothing the law gives to a body (any kind but `other`).
 */
export function assertMayDecide(
  ruleSet: RuleSetId,
  matterKinds: readonly MatterKind[],
  lml63: Lml63Parameters = DEFAULT_LML63,
): Refusal | null {
  const unique = [...new Set(matterKinds)];
  const refusals: MatterRefusal[] = [];
  for (const matter of unique) {
    const refusal = refusalFor(ruleSet, matter, lml63);
    if (refusal) {
      refusals.push(refusal);
    }
  }
  return refusals.length === 0 ? null : { ruleSet, matters: refusals };
}

function refusalFor(ruleSet: RuleSetId, matter: MatterKind, lml63: Lml63Parameters): MatterRefusal | null {
  switch (ruleSet) {
    case 'rceo-28':
      return RCEO_28_RESERVED.includes(matter) ? reserved(matter) : null;
    case 'lml-63':
      return lml63.body === 'representatives' && lml63.rceoApplies && RCEO_28_RESERVED.includes(matter) ? reserved(matter) : null;
    case 'cc278-ordinary':
      if (!CC278_MAJOR_ITEMS.includes(matter)) {
        return null;
      }
      return {
        matter,
        decideUnder: 'cc278-major',
        reason: {
          'zh-CN': `依照《民法典》第二百七十八条，“${MATTER_NAMES[matter]['zh-CN']}”属于第一款第六项至第八项事项，须经参与表决专有部分面积四分之三以上且人数四分之三以上的业主同意，不能按一般事项表决。`,
          en: `Under Civil Code art. 278, ${MATTER_NAMES[matter].en} is one of items 6–8 and needs three quarters of the participating area and owners; it cannot be decided as an ordinary matter.`,
        },
      };
    case 'rceo-27':
      if (matter !== 'non-member-rights') {
        return null;
      }
      return {
        matter,
        decideUnder: 'rceo-15',
        reason: {
          'zh-CN': '依照《农村集体经济组织法》第十五条，赋予非成员收益或福利权利须经成员大会全体成员四分之三以上同意，不能按三分之二规则表决。',
          en: 'Under RCEO Law art. 15, granting non-members income or welfare rights needs three quarters of all members; it cannot be decided under the two-thirds rule.',
        },
      };
    case 'simple-majority':
      if (matter === 'other') {
        return null;
      }
      return {
        matter,
        decideUnder: null,
        reason: {
          'zh-CN': `“${MATTER_NAMES[matter]['zh-CN']}”须由法定机构按法定规则表决，非正式征询不能作出决定。`,
          en: `${capitalize(MATTER_NAMES[matter].en)} must be decided by the competent body under its statutory rule; an informal poll cannot decide it.`,
        },
      };
    case 'cc278-major':
    case 'rceo-15':
    case 'vcl-22':
    case 'vcl-26':
    case 'vcl-28':
      return null;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
