import { formatArea } from '../../area';
import type { Localized, RuleSetId } from '../../rules/rule-sets';
import { RULE_SETS } from '../../rules/rule-sets';
import { formatCount } from '../fraction';
import type { Condition, Measure, RejectionReason, Threshold } from '../types';

/**
 * The words of a result: one sentence per condition, then the verdict, in zh-CN and en.
 * Figures come from the condition itself, so the words can never disagree with the numbers.
 */

interface Wording {
  /** zh-CN: what is counted, e.g. 参与表决的专有部分面积. */
  zhSubject: string;
  /** zh-CN: the denominator's name, e.g. 总面积. */
  zhOf: string;
  /** zh-CN: said right after the denominator's number, e.g. （而非到会人数）. */
  zhAfterOf?: string;
  enSubject: string;
  /** en: the denominator with its number, e.g. `the total ${den}` → "the total 8,563.40 m²". */
  enOf: (den: string) => string;
}

export interface ExplainContext {
  ruleSet: RuleSetId;
  /** The label of a poll option, for `majority` on a poll. */
  optionLabel: Localized | null;
  /** Add the statute to each sentence (lml-63 mixes conditions of two laws). */
  citeSource: boolean;
  /** lml-63: which body consents. */
  lml63Body: 'members' | 'representatives' | null;
}

function wording(condition: Condition, ctx: ExplainContext): Wording {
  const rceoRepresentatives = condition.source === 'rceo-28';
  switch (condition.id) {
    case 'turnout-area':
      return {
        zhSubject: '参与表决的专有部分面积',
        zhOf: '总面积',
        enSubject: 'Exclusive area of the owners taking part',
        enOf: (den) => `the total ${den}`,
      };
    case 'turnout-persons':
      return {
        zhSubject: '参与表决的业主',
        zhOf: '业主总人数',
        enSubject: 'Owners taking part',
        enOf: (den) => `all ${den} owners`,
      };
    case 'approval-area':
      return {
        zhSubject: '同意的业主专有部分面积',
        zhOf: '参与表决的专有部分面积',
        enSubject: 'Exclusive area of the owners approving',
        enOf: (den) => `the ${den} of the owners taking part`,
      };
    case 'approval-persons':
      return {
        zhSubject: '同意的业主',
        zhOf: '参与表决的业主',
        enSubject: 'Owners approving',
        enOf: (den) => `the ${den} owners taking part`,
      };
    case 'attendance':
      if (ctx.ruleSet === 'vcl-26') {
        return {
          zhSubject: '到会的村民代表会议组成人员',
          zhOf: '全体组成人员',
          enSubject: 'Members of the village representative assembly present',
          enOf: (den) => `all ${den} members`,
        };
      }
      return {
        zhSubject: '参加会议（含在线参加、书面委托同户成员代为参加）的具有完全民事行为能力的成员',
        zhOf: '全体具有完全民事行为能力的成员',
        enSubject: 'Full-capacity members attending (in person, online or by written proxy)',
        enOf: (den) => `all ${den} full-capacity members`,
      };
    case 'attendance-adults':
      return ctx.ruleSet === 'vcl-28'
        ? {
            zhSubject: '到会的十八周岁以上村民',
            zhOf: '本村民小组十八周岁以上村民',
            enSubject: 'Villagers aged 18 or over present',
            enOf: (den) => `all ${den} villagers of the group aged 18 or over`,
          }
        : {
            zhSubject: '到会的十八周岁以上村民',
            zhOf: '本村十八周岁以上村民',
            enSubject: 'Villagers aged 18 or over present',
            enOf: (den) => `all ${den} villagers aged 18 or over`,
          };
    case 'attendance-households':
      return {
        zhSubject: '有户代表到会的户',
        zhOf: '全部',
        enSubject: 'Households whose registered representative is present',
        enOf: (den) => `all ${den} households`,
      };
    case 'consent':
      return ctx.lml63Body === 'representatives'
        ? {
            zhSubject: '同意的村民代表',
            zhOf: '全体村民代表',
            enSubject: 'Village representatives consenting',
            enOf: (den) => `all ${den} village representatives`,
          }
        : {
            zhSubject: '同意的成员',
            zhOf: '全体成员（具有完全民事行为能力）',
            enSubject: 'Members consenting',
            enOf: (den) => `all ${den} members (full capacity)`,
          };
    case 'approval':
      if (rceoRepresentatives) {
        return {
          zhSubject: '同意的成员代表',
          zhOf: '全体成员代表',
          enSubject: 'Member representatives approving',
          enOf: (den) => `all ${den} member representatives`,
        };
      }
      if (condition.source === 'rceo-27' || condition.source === 'rceo-15') {
        return {
          zhSubject: '同意的成员',
          zhOf: '全体具有完全民事行为能力的成员',
          zhAfterOf: '（而非到会人数）',
          enSubject: 'Members approving',
          enOf: (den) => `all ${den} full-capacity members (not only of those present)`,
        };
      }
      return {
        zhSubject: '同意的到会人员',
        zhOf: '到会人员',
        enSubject: 'Persons present approving',
        enOf: (den) => `the ${den} persons present`,
      };
    case 'majority':
      if (ctx.optionLabel) {
        return {
          zhSubject: `得票最多的选项“${ctx.optionLabel['zh-CN']}”`,
          zhOf: '所投票数（含弃权）',
          enSubject: `The option with most ballots, “${ctx.optionLabel.en}”`,
          enOf: (den) => `the ${den} ballots cast (abstentions included)`,
        };
      }
      return {
        zhSubject: '同意票',
        zhOf: '所投票数（含弃权）',
        enSubject: 'Ballots approving',
        enOf: (den) => `the ${den} ballots cast (abstentions included)`,
      };
    case 'box-within-roll':
      return {
        zhSubject: '票箱中的选票',
        zhOf: '投票人名册上登记投票的人数',
        enSubject: 'Ballots in the box',
        enOf: (den) => `the ${den} voters marked on the roll`,
      };
  }
}

function fractionWords(threshold: Threshold): Localized {
  const { numerator: n, denominator: d } = threshold;
  if (n === 1 && d === 2) return { 'zh-CN': '半数', en: 'half' };
  if (n === 2 && d === 3) return { 'zh-CN': '三分之二', en: 'two thirds' };
  if (n === 3 && d === 4) return { 'zh-CN': '四分之三', en: 'three quarters' };
  if (n === 1 && d === 1) return { 'zh-CN': '全部', en: 'all' };
  return { 'zh-CN': `${d}分之${n}`, en: `${n}/${d}` };
}

/** How the threshold reads: 达到三分之二以上 / 超过半数 … and their negations. */
export function thresholdWords(threshold: Threshold, met: boolean): Localized {
  const w = fractionWords(threshold);
  switch (threshold.comparison) {
    case 'at-least':
      return met
        ? { 'zh-CN': `达到${w['zh-CN']}以上`, en: `at least ${w.en}, as required` }
        : { 'zh-CN': `未达到${w['zh-CN']}`, en: `short of the ${w.en} required` };
    case 'more-than':
      return met
        ? { 'zh-CN': `超过${w['zh-CN']}`, en: `more than ${w.en}, as required` }
        : { 'zh-CN': `未超过${w['zh-CN']}`, en: `not more than ${w.en}, as required` };
    case 'at-most':
      return met ? { 'zh-CN': '不多于投票人数', en: 'no more than the voters' } : { 'zh-CN': '多于投票人数', en: 'more than the voters' };
  }
}

function amount(measure: Measure, value: number): Localized {
  switch (measure) {
    case 'area':
      return { 'zh-CN': `${formatArea(value)}㎡`, en: `${formatArea(value)} m²` };
    case 'persons':
      return { 'zh-CN': `${formatCount(value)} 人`, en: formatCount(value) };
    case 'households':
      return { 'zh-CN': `${formatCount(value)} 户`, en: formatCount(value) };
    case 'ballots':
      return { 'zh-CN': `${formatCount(value)} 票`, en: formatCount(value) };
  }
}

export function explainCondition(condition: Condition, ctx: ExplainContext): Localized {
  const w = wording(condition, ctx);
  const num = amount(condition.measure, condition.numerator);
  const den = amount(condition.measure, condition.denominator);
  const cite = ctx.citeSource ? RULE_SETS[condition.source].statute : null;
  const zhCite = cite ? `（${cite['zh-CN'].replace(/；.*$/, '')}）` : '';
  const enCite = cite ? ` (${cite.en})` : '';

  if (condition.id === 'box-within-roll') {
    const marked = formatCount(condition.denominator);
    const boxed = formatCount(condition.numerator);
    return condition.met
      ? {
          'zh-CN': `票箱中的选票 ${boxed} 张，不多于投票人名册上登记投票的 ${marked} 人，选票有效。`,
          en: `Ballots in the box: ${boxed}, no more than the ${marked} voters marked on the roll, so the ballots stand.`,
        }
      : {
          'zh-CN': `票箱中的选票 ${boxed} 张，多于投票人名册上登记投票的 ${marked} 人，本次表决无效（参照《村民委员会组织法》第十五条“收回的选票多于投票人数的无效”，从严适用）。`,
          en: `Ballots in the box: ${boxed}, more than the ${marked} voters marked on the roll, so the vote is void (by analogy with Village Committees Organization Law art. 15, strict reading).`,
        };
  }

  const verdict = thresholdWords(condition.threshold, condition.met);
  if (condition.percent === null) {
    return {
      'zh-CN': `${w.zhSubject} ${num['zh-CN']}，${w.zhOf}为 0，无从计算比例；按从严解释，本项条件不满足${zhCite}。`,
      en: `${w.enSubject}: ${num.en}, but ${w.enOf(den.en)} is zero; a share of nothing meets no threshold (strict reading), so this condition is not met${enCite}.`,
    };
  }
  return {
    'zh-CN': `${w.zhSubject} ${num['zh-CN']}，占${w.zhOf} ${den['zh-CN']}${w.zhAfterOf ?? ''}的 ${condition.percent}%，${verdict['zh-CN']}${zhCite}。`,
    en: `${w.enSubject}: ${num.en} of ${w.enOf(den.en)}, ${condition.percent}% — ${verdict.en}${enCite}.`,
  };
}

export function explainAlternatives(met: boolean): Localized {
  return met
    ? { 'zh-CN': '以上两项到会条件满足其一即可召开：已满足。', en: 'Either attendance condition above suffices: the meeting could decide.' }
    : { 'zh-CN': '以上两项到会条件满足其一即可召开：均未满足。', en: 'Either attendance condition above suffices, and neither is met.' };
}

export const REJECTION_TEXTS: Readonly<Record<RejectionReason, Localized>> = {
  'not-in-electorate': { 'zh-CN': '投票人不在本次表决冻结的名册上', en: 'the voter is not on the roll frozen for this vote' },
  'no-full-capacity': {
    'zh-CN': '投票人不具有完全民事行为能力（未成年人等不计入）',
    en: 'the voter does not have full civil capacity (minors do not count)',
  },
  'not-adult': { 'zh-CN': '投票人未满十八周岁', en: 'the voter is under 18' },
  'not-representative': { 'zh-CN': '投票人不是本次会议的组成人员（代表）', en: 'the voter is not a member of the representative body' },
  'not-designated-co-owner': {
    'zh-CN': '共有的专有部分只计指定的共有人所投的票',
    en: 'for a co-owned unit only the designated co-owner’s ballot counts',
  },
  'co-owned-without-designated-voter': {
    'zh-CN': '该共有的专有部分未指定投票的共有人，不计入任何共有人的票',
    en: 'no co-owner of this co-owned unit is designated to vote, so no co-owner’s ballot counts',
  },
  'invalid-choice': { 'zh-CN': '所选内容不是本次表决的选项', en: 'the choice is not one this vote offers' },
  'proxy-not-allowed': {
    'zh-CN': '法律未规定此类表决可委托他人，委托票不计入，被代理人按未参加计（从严解释）',
    en: 'the law provides no proxy for this kind of vote, so the proxy ballot does not count and the principal is absent (strict reading)',
  },
  'proxy-not-written': { 'zh-CN': '委托未采用书面形式', en: 'the proxy was not given in writing' },
  'proxy-agent-is-principal': { 'zh-CN': '受托人与委托人为同一人', en: 'the agent is the principal' },
  'proxy-agent-not-on-roll': { 'zh-CN': '受托人不在本集体经济组织名册上', en: 'the agent is not on the cooperative’s roll' },
  'proxy-agent-no-full-capacity': { 'zh-CN': '受托人不具有完全民事行为能力', en: 'the agent does not have full civil capacity' },
  'proxy-agent-other-household': {
    'zh-CN': '受托人不是委托人同一户内的家庭成员',
    en: 'the agent is not a member of the principal’s household',
  },
};
