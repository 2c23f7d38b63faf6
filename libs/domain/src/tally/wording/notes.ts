/**
 * The words of a tally: the notes on how the law was read (which reading a case takes, and why)
 * and the explanation of the outcome, in Chinese and English. The counting is tally.ts; the words
 * for one condition, threshold or rejected ballot are explain.ts, which these sentences build on.
 */
import { formatArea } from '../../area';
import type { Lml63Parameters, Localized, RuleSetId } from '../../rules/rule-sets';
import { DEFAULT_LML63, lml63CompanionRule, RULE_SETS } from '../../rules/rule-sets';
import type { ResolvedElectorate } from '../electorate';
import { explainAlternatives, REJECTION_TEXTS } from './explain';
import { formatCount } from '../fraction';
import type { BallotOutcome, Condition, Note, TallyInput, TallyResult } from '../types';
import { REJECTION_REASONS } from '../types';
import { proxyRegime } from '../regime';

function note(code: string, strictReading: boolean, zh: string, en: string): Note {
  return { code, strictReading, text: { 'zh-CN': zh, en } };
}

export function buildNotes(args: {
  ruleSet: RuleSetId;
  lml63: Lml63Parameters | null;
  input: TallyInput;
  resolved: ResolvedElectorate;
  conditions: Condition[];
  outcomes: BallotOutcome[];
  refusal: boolean;
}): Note[] {
  const { ruleSet, lml63, input, resolved, conditions, outcomes } = args;
  if (args.refusal) return [];
  const notes: Note[] = [];
  const companion = ruleSet === 'lml-63' ? lml63CompanionRule(lml63 ?? DEFAULT_LML63) : null;
  const regime = proxyRegime(ruleSet, lml63);
  const isCompound = ruleSet === 'cc278-ordinary' || ruleSet === 'cc278-major';
  const isVillage = ruleSet === 'vcl-22' || ruleSet === 'vcl-26' || ruleSet === 'vcl-28';
  const facts = resolved.compound;

  if (input.vote.question.kind === 'motion') {
    notes.push(note('abstention', false, '弃权计入参与表决（或到会），但不计为同意。', 'An abstention counts as taking part, not as approval.'));
  }
  if (isCompound) {
    notes.push(
      note(
        'non-voters',
        false,
        '未参与表决的业主既不计入参与表决，也不计入同意，无论管理规约如何规定。',
        'Owners who did not vote count neither as taking part nor as approving, whatever the compound’s rules say.',
      ),
    );
    if (facts && facts.developerUnits > 0) {
      notes.push(
        note(
          'developer-one-person',
          false,
          `建设单位尚未出卖或尚未交付的 ${formatCount(facts.developerUnits)} 个专有部分合计按一人计算，面积合计 ${formatArea(facts.developerArea)}㎡。`,
          `The ${formatCount(facts.developerUnits)} units the developer has not sold or not delivered count together as one owner, with all their ${formatArea(facts.developerArea)} m².`,
        ),
      );
    }
    if (facts && facts.multiUnitOwners > 0) {
      notes.push(
        note(
          'multi-unit-owner',
          false,
          `${formatCount(facts.multiUnitOwners)} 位业主各拥有一个以上专有部分，每位按一人计算，面积合并计算。`,
          facts.multiUnitOwners === 1
            ? 'One owner holds more than one unit and counts as one owner with all their area.'
            : `${formatCount(facts.multiUnitOwners)} owners hold more than one unit each; each counts as one owner with all their area.`,
        ),
      );
    }
    if (facts && facts.coOwnedSeats > 0) {
      notes.push(
        note(
          'co-owned',
          true,
          '共有的专有部分按一人计算（面积全额计入），只计指定的共有人所投的票；未指定的，不计任何共有人的票。',
          'A co-owned unit counts as one owner with its full area, and only the designated co-owner’s ballot counts; where none is designated, no co-owner’s ballot counts.',
        ),
      );
    }
    if (facts && facts.personsInSeveralOwnerships > 0) {
      notes.push(
        note(
          'owner-sets',
          true,
          '“同一买受人”按完全相同的所有权人认定：某人单独所有的专有部分与其和他人共有的专有部分分别计算人数。',
          '“The same buyer” is read as the same set of owners: a unit someone holds alone and one they hold jointly with others count as two owners.',
        ),
      );
    }
  }
  if (ruleSet === 'rceo-27' || ruleSet === 'rceo-15' || (ruleSet === 'lml-63' && lml63?.body !== 'representatives')) {
    notes.push(
      note(
        'full-capacity-denominator',
        false,
        '“全体成员”按冻结名册上具有完全民事行为能力的成员计算，未成年人不计入。',
        '“All members” means the members with full civil capacity on the frozen roll; minors do not count.',
      ),
    );
  }
  switch (regime) {
    case 'written':
      notes.push(
        note(
          'proxy-written',
          true,
          '业主可委托他人投票，但只认书面委托；无书面委托的代理票不计入，业主按未参与表决计。',
          'An owner may vote through an agent, but only with a written proxy; otherwise the ballot does not count and the owner has not taken part.',
        ),
      );
      break;
    case 'written-same-household':
      notes.push(
        note(
          'proxy-household',
          false,
          '成员可书面委托同一户内具有完全民事行为能力的其他成员代为参加，视为参加；其他委托不计入，该成员按未参加计。',
          'A member may give a written proxy to a full-capacity member of the same household, and then counts as attending; any other proxy is rejected and the member counts as absent.',
        ),
      );
      break;
    case 'none':
      notes.push(
        note(
          'proxy-none',
          true,
          '法律未规定此类表决可以委托他人，委托票一律不计入，被代理人按未参加计。',
          'The law provides no proxy for this kind of vote, so no proxy ballot counts and the principal counts as absent.',
        ),
      );
      break;
  }
  if (isVillage) {
    notes.push(
      note(
        'present-denominator',
        false,
        '“到会人员的过半数”以全部到会人员为分母：到会未投票、弃权的都不计为同意。',
        '“More than half of those present” counts everyone present: those present who did not vote or abstained do not approve.',
      ),
    );
    notes.push(
      note(
        'ballot-is-presence',
        true,
        '法律未规定能否在线参加村民会议；平台将有效的在线、纸质、现场票均计为到会，并以全部到会人员为分母。',
        'The law does not say whether villagers may attend online; a counted online, paper or meeting ballot counts as presence, and everyone present is in the denominator.',
      ),
    );
  }
  if (ruleSet === 'vcl-22' || ruleSet === 'vcl-28') {
    notes.push(
      note(
        'household-representative',
        true,
        '“户的代表”以名册登记的户代表为准；其他家庭成员到会不算该户有代表到会，未登记户代表的户不能计为有代表到会。',
        '“A household’s representative” is the one registered on the roll; another member of the household present does not represent it, and a household with none registered is never represented.',
      ),
    );
  }
  if (ruleSet === 'lml-63') {
    notes.push(
      companion
        ? note(
            'both-laws',
            true,
            `本集体经济组织同时适用《农村集体经济组织法》：《土地管理法》第六十三条与《农村集体经济组织法》第${companion === 'rceo-27' ? '二十七' : '二十八'}条的条件须同时满足（从严）。`,
            `The RCEO Law applies to this cooperative as well: the conditions of Land Management Law art. 63 and of RCEO Law art. ${companion === 'rceo-27' ? '27' : '28'} must all be met (the stricter rule stands).`,
          )
        : note('lml-only', false, '本次表决仅适用《土地管理法》第六十三条。', 'Only Land Management Law art. 63 applies to this vote.'),
    );
  }
  if (ruleSet === 'simple-majority') {
    notes.push(
      note(
        'informal',
        false,
        '非正式征询不产生法律上的决定，以所投票数（含弃权）的过半数计。',
        'An informal poll makes no legal decision; it needs more than half of the ballots cast, abstentions included.',
      ),
    );
  }
  if (input.casting.secrecy === 'secret') {
    notes.push(
      note(
        'secret',
        true,
        '无记名投票：投票人名册证明谁投了票，票箱证明投票内容，二者无法对应；资格和委托在发票前核验，收回的选票多于登记投票人数的，表决无效。',
        'Secret ballot: the marked roll shows who voted and the box what was chosen, and nothing links them; eligibility and proxies are checked before a ballot is issued, and more ballots than marked voters void the vote.',
      ),
    );
  }
  if (conditions.some((c) => c.percent === null && c.threshold.comparison !== 'at-most')) {
    notes.push(
      note(
        'zero-denominator',
        true,
        '分母为 0 的条件（无人可计）按从严解释视为不满足。',
        'A condition whose denominator is zero (nobody to count) is taken as not met (strict reading).',
      ),
    );
  }
  const rejected = outcomes.filter((o) => !o.counted);
  if (rejected.length > 0) {
    // In the canonical order of reasons, so that neither the order nor the names of voters change the words.
    const present = new Set(rejected.map((o) => o.reason));
    const reasons = REJECTION_REASONS.filter((r) => present.has(r));
    notes.push(
      note(
        'rejected',
        false,
        `有 ${formatCount(rejected.length)} 张票未计入（${reasons.map((r) => REJECTION_TEXTS[r]['zh-CN']).join('；')}），逐票原因见清单。`,
        `${rejected.length === 1 ? 'One ballot' : `${formatCount(rejected.length)} ballots`} did not count (${reasons.map((r) => REJECTION_TEXTS[r].en).join('; ')}); see the list for each.`,
      ),
    );
  }
  return notes;
}

function statuteOf(ruleSet: RuleSetId, lml63: Lml63Parameters | null): Localized {
  const own = RULE_SETS[ruleSet].statute;
  const companion = ruleSet === 'lml-63' ? lml63CompanionRule(lml63 ?? DEFAULT_LML63) : null;
  if (!companion) return own;
  const other = RULE_SETS[companion].statute;
  return { 'zh-CN': `${own['zh-CN']}和${other['zh-CN']}`, en: `${own.en} and ${other.en}` };
}

export function buildExplanation(args: {
  ruleSet: RuleSetId;
  lml63: Lml63Parameters | null;
  conditions: Condition[];
  refusal: TallyResult['refusal'];
  valid: boolean;
  quorumMet: boolean | null;
  passed: boolean;
  winningOption: string | null;
  optionLabels: Map<string, Localized>;
  notes: Note[];
}): TallyResult['explanation'] {
  const zh: string[] = [];
  const en: string[] = [];
  const push = (text: Localized): void => {
    zh.push(text['zh-CN']);
    en.push(text.en);
  };
  const statute = statuteOf(args.ruleSet, args.lml63);
  const body = RULE_SETS[args.ruleSet].body;
  if (args.refusal) {
    for (const matter of args.refusal.matters) push(matter.reason);
    push({
      'zh-CN': `结论：${body['zh-CN']}不得决定本事项，未进行表决和计票。`,
      en: `Result: the ${body.en} may not decide this matter; no vote was counted.`,
    });
    return { 'zh-CN': zh, en };
  }
  let alternativesDone = false;
  for (const condition of args.conditions) {
    push(condition.explanation);
    const group = condition.anyOf;
    if (group !== null && !alternativesDone) {
      const members = args.conditions.filter((c) => c.anyOf === group);
      if (members[members.length - 1] === condition) {
        push(explainAlternatives(members.some((c) => c.met)));
        alternativesDone = true;
      }
    }
  }
  if (!args.valid) {
    push({ 'zh-CN': '结论：选票无效，表决不成立。', en: 'Result: the ballots cannot stand, so the vote is void.' });
  } else if (args.quorumMet === false) {
    push({
      'zh-CN': `结论：未达到${statute['zh-CN']}规定的参与（到会）要求，不能作出决定。`,
      en: `Result: the participation required by ${statute.en} was not reached, so no decision was made.`,
    });
  } else if (args.winningOption !== null) {
    const label = args.optionLabels.get(args.winningOption);
    push({
      'zh-CN': `结论：选项“${label?.['zh-CN'] ?? args.winningOption}”获所投票数过半数，当选。`,
      en: `Result: the option “${label?.en ?? args.winningOption}” has more than half of the ballots cast and is chosen.`,
    });
  } else if (args.conditions.some((c) => c.option !== null)) {
    push({ 'zh-CN': '结论：没有选项获得所投票数的过半数，未作出选择。', en: 'Result: no option has more than half of the ballots cast; nothing is chosen.' });
  } else if (args.passed) {
    push({ 'zh-CN': `结论：依照${statute['zh-CN']}，表决通过。`, en: `Result: adopted under ${statute.en}.` });
  } else {
    push({ 'zh-CN': `结论：依照${statute['zh-CN']}，表决未获通过。`, en: `Result: not adopted under ${statute.en}.` });
  }
  for (const n of args.notes) push(n.text);
  return { 'zh-CN': zh, en };
}
