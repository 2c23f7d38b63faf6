import { formatArea } from '../area';
import { assertMayDecide } from '../rules/matters';
import type { Lml63Parameters, Localized, RuleSetId } from '../rules/rule-sets';
import { DEFAULT_LML63, isRuleSetId, lml63CompanionRule, RULE_SETS } from '../rules/rule-sets';
import type { ResolvedElectorate } from './electorate';
import { resolveElectorate } from './electorate';
import { explainAlternatives, explainCondition, REJECTION_TEXTS } from './explain';
import { formatCount, meets, percentOf } from './fraction';
import type {
  BallotOutcome,
  Channel,
  Choice,
  Condition,
  ConditionId,
  ConditionRole,
  Figures,
  IgnoredCheckIn,
  Measure,
  Note,
  Proxy,
  Question,
  RejectionReason,
  RollMark,
  Threshold,
  TallyInput,
  TallyResult,
  VoteDefinition,
  VoterId,
} from './types';
import { REJECTION_REASONS, TallyInputError } from './types';

const AT_LEAST_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, comparison: 'at-least' };
const AT_LEAST_THREE_QUARTERS: Threshold = { numerator: 3, denominator: 4, comparison: 'at-least' };
const MORE_THAN_HALF: Threshold = { numerator: 1, denominator: 2, comparison: 'more-than' };
const AT_MOST_ALL: Threshold = { numerator: 1, denominator: 1, comparison: 'at-most' };

/** Choice codes per seat: 0 none, 1 approve, 2 oppose, 3 abstain, 4 + i option i. */
const NONE = 0;
const APPROVE = 1;
const OPPOSE = 2;
const ABSTAIN = 3;
const OPTION_BASE = 4;

type ProxyRegime = 'written' | 'written-same-household' | 'none';

/**
 * Who may vote for someone else (DOMAIN.md "Cooperatives", "How owners are counted"):
 * - owners (cc278): by written proxy, to anyone (Civil Code art. 161; the written form is the
 *   strict reading, as in the MOHURD guiding rules for owners' assemblies);
 * - the cooperative member assembly (rceo-27, rceo-15, lml-63 where RCEO art. 27 applies): a
 *   written proxy to a full-capacity member of the same household (RCEO art. 27);
 * - everyone else (representative bodies, village assemblies, informal polls): the law provides
 *   no proxy for the decision, so none counts (strict reading).
 */
export function proxyRegime(ruleSet: RuleSetId, lml63: Lml63Parameters | null): ProxyRegime {
  switch (ruleSet) {
    case 'cc278-ordinary':
    case 'cc278-major':
      return 'written';
    case 'rceo-27':
    case 'rceo-15':
      return 'written-same-household';
    case 'lml-63':
      return lml63CompanionRule(lml63 ?? DEFAULT_LML63) === 'rceo-27' ? 'written-same-household' : 'none';
    case 'rceo-28':
    case 'vcl-22':
    case 'vcl-26':
    case 'vcl-28':
    case 'simple-majority':
      return 'none';
  }
}

/** Whether those checked in at the meeting without a ballot count as attending. */
export function countsAttendance(ruleSet: RuleSetId, lml63: Lml63Parameters | null): boolean {
  if (ruleSet === 'lml-63') {
    return lml63CompanionRule(lml63 ?? DEFAULT_LML63) === 'rceo-27';
  }
  return RULE_SETS[ruleSet].countsAttendance;
}

function validateVote(vote: VoteDefinition): Lml63Parameters | null {
  if (!isRuleSetId(vote.ruleSet)) {
    throw new TallyInputError(`Unknown rule set: ${String(vote.ruleSet)}`);
  }
  if (vote.question.kind === 'options') {
    if (vote.ruleSet !== 'simple-majority') {
      throw new TallyInputError(`Only simple-majority polls offer options; ${vote.ruleSet} decides a motion`);
    }
    const ids = new Set<string>();
    for (const option of vote.question.options) {
      if (typeof option.id !== 'string' || option.id.length === 0 || ids.has(option.id)) {
        throw new TallyInputError(`Poll options need distinct non-empty ids: ${String(option.id)}`);
      }
      ids.add(option.id);
    }
    if (ids.size < 2) {
      throw new TallyInputError('A poll needs at least two options');
    }
  }
  if (vote.ruleSet !== 'lml-63') {
    return null;
  }
  const params = vote.lml63;
  if (!params || (params.body !== 'members' && params.body !== 'representatives') || typeof params.rceoApplies !== 'boolean') {
    throw new TallyInputError('An lml-63 vote must say which body consents (members or representatives) and whether the RCEO Law applies');
  }
  return params;
}

function choiceCode(choice: Choice, question: Question, optionIndex: Map<string, number>): number {
  if (choice === 'abstain') {
    return ABSTAIN;
  }
  if (question.kind === 'motion') {
    return choice === 'approve' ? APPROVE : choice === 'oppose' ? OPPOSE : NONE;
  }
  if (typeof choice === 'object' && choice !== null && typeof choice.option === 'string') {
    const index = optionIndex.get(choice.option);
    return index === undefined ? NONE : OPTION_BASE + index;
  }
  return NONE;
}

function proxyProblem(regime: ProxyRegime, principal: VoterId, proxy: Proxy, resolved: ResolvedElectorate): RejectionReason | null {
  switch (regime) {
    case 'none':
      return 'proxy-not-allowed';
    case 'written':
      if (proxy.written !== true) return 'proxy-not-written';
      if (proxy.agent === principal) return 'proxy-agent-is-principal';
      return null;
    case 'written-same-household': {
      if (proxy.written !== true) return 'proxy-not-written';
      if (proxy.agent === principal) return 'proxy-agent-is-principal';
      const agent = resolved.persons?.get(proxy.agent);
      if (!agent) return 'proxy-agent-not-on-roll';
      if (!agent.fullCapacity) return 'proxy-agent-no-full-capacity';
      if (agent.household !== resolved.persons?.get(principal)?.household) return 'proxy-agent-other-household';
      return null;
    }
  }
}

interface Draft {
  id: ConditionId;
  role: ConditionRole;
  anyOf: string | null;
  source: RuleSetId;
  measure: Measure;
  numerator: number;
  denominator: number;
  threshold: Threshold;
  option: string | null;
}

/**
 * Counts a closed vote under its rule set. Pure and deterministic: the same input gives the same
 * result whatever the order of ballots, units or persons. Integer arithmetic only.
 *
 * Named votes take one ballot per voter — the voter's last cast (see the recount's
 * `lastCastPerVoter`); two ballots for one voter are an input error. Secret votes take the marked
 * roll and the ballot box separately.
 */
export function tally(input: TallyInput): TallyResult {
  const { vote, electorate, casting } = input;
  const lml63 = validateVote(vote);
  const ruleSet = vote.ruleSet;
  const info = RULE_SETS[ruleSet];
  if (casting.secrecy === 'secret' && info.weightedByArea) {
    throw new TallyInputError(`Owners' ballots are named (the owner signs): ${ruleSet} cannot be counted from a secret ballot box`);
  }
  const resolved = resolveElectorate(ruleSet, lml63, electorate);
  const weighted = info.weightedByArea;
  const usesHouseholds = resolved.households !== null;
  const optionIds = vote.question.kind === 'options' ? vote.question.options.map((o) => o.id) : [];
  const optionIndex = new Map(optionIds.map((id, i) => [id, i]));
  const seatCount = resolved.seats.length;
  const choice = new Int32Array(seatCount);
  const present = new Uint8Array(seatCount);
  const regime = proxyRegime(ruleSet, lml63);
  const outcomes: BallotOutcome[] = [];
  const channels: Record<Channel, number> = { online: 0, paper: 0, meeting: 0 };
  let marked = 0;

  const refusal = assertMayDecide(ruleSet, vote.matterKinds, lml63 ?? DEFAULT_LML63);

  // Ballots (named) or roll marks (secret): who took part, and for whom.
  const received: readonly (RollMark & { choice?: Choice })[] = casting.secrecy === 'named' ? casting.ballots : casting.marks;
  // Two entries for one voter are an input error; a typed array over seats finds them without a 100k-entry Set.
  const seenSeat = new Uint8Array(seatCount);
  const seenOutsiders = new Set<VoterId>();
  for (const entry of received) {
    const first = resolved.firstSeat.get(entry.voter);
    const duplicate = first === undefined ? seenOutsiders.has(entry.voter) : seenSeat[first] === 1;
    if (duplicate) {
      throw new TallyInputError(`Two ${casting.secrecy === 'named' ? 'ballots' : 'roll marks'} for voter ${entry.voter}: give one per voter (the last cast)`);
    }
    if (first === undefined) seenOutsiders.add(entry.voter);
    else seenSeat[first] = 1;
    let reason: RejectionReason | null = first === undefined ? resolved.reasonWithoutSeat(entry.voter) : null;
    let code = NONE;
    if (reason === null && casting.secrecy === 'named') {
      code = entry.choice === undefined ? NONE : choiceCode(entry.choice, vote.question, optionIndex);
      if (code === NONE) reason = 'invalid-choice';
    }
    if (reason === null && entry.proxy !== null) {
      reason = proxyProblem(regime, entry.voter, entry.proxy, resolved);
    }
    if (reason !== null || first === undefined) {
      outcomes.push({ voter: entry.voter, counted: false, reason: reason ?? 'not-in-electorate', seats: 0 });
      continue;
    }
    const more = resolved.moreSeats.get(entry.voter);
    if (casting.secrecy === 'named') {
      choice[first] = code;
      if (more) for (const index of more) choice[index] = code;
    } else {
      present[first] = 1;
      if (more) for (const index of more) present[index] = 1;
      marked += 1 + (more ? more.length : 0);
    }
    channels[entry.channel] += 1;
    outcomes.push({ voter: entry.voter, counted: true, reason: null, seats: 1 + (more ? more.length : 0) });
  }
  outcomes.sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0));

  // Check-ins: present at the meeting, counted by meeting rules only.
  const ignoredCheckIns: IgnoredCheckIn[] = [];
  if (countsAttendance(ruleSet, lml63)) {
    for (const voter of new Set(input.checkIns)) {
      const first = resolved.firstSeat.get(voter);
      if (first === undefined) {
        ignoredCheckIns.push({ voter, reason: resolved.reasonWithoutSeat(voter) });
        continue;
      }
      present[first] = 1;
      for (const index of resolved.moreSeats.get(voter) ?? []) present[index] = 1;
    }
    ignoredCheckIns.sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0));
  }

  // Sum over counting persons.
  let totalArea = 0;
  let partPersons = 0;
  let partArea = 0;
  const byCode = { persons: [0, 0, 0, 0], area: [0, 0, 0, 0] };
  const optionPersons = optionIds.map(() => 0);
  for (let i = 0; i < seatCount; i++) {
    const area = (resolved.seats[i] as { area: number }).area;
    totalArea += area;
    const c = choice[i] as number;
    if (c === NONE && present[i] === 0) continue;
    partPersons += 1;
    partArea += area;
    if (c >= OPTION_BASE) {
      optionPersons[c - OPTION_BASE] = (optionPersons[c - OPTION_BASE] as number) + 1;
      continue;
    }
    byCode.persons[c] = (byCode.persons[c] as number) + 1;
    byCode.area[c] = (byCode.area[c] as number) + area;
  }
  let householdsRepresented = 0;
  if (resolved.households) {
    for (const seat of resolved.households.representativeSeats) {
      if (choice[seat] !== NONE || present[seat] === 1) householdsRepresented += 1;
    }
  }

  // Secret: the box says what was chosen; the roll only who took part.
  let inBox: number | null = null;
  let spoilt = 0;
  if (casting.secrecy === 'secret') {
    inBox = casting.box.length;
    const ballotIds = new Set<string>();
    for (const ballot of casting.box) {
      if (ballotIds.has(ballot.ballotId)) {
        throw new TallyInputError(`Ballot ${ballot.ballotId} appears twice in the box`);
      }
      ballotIds.add(ballot.ballotId);
      const c = choiceCode(ballot.choice, vote.question, optionIndex);
      if (c === NONE) {
        spoilt += 1;
      } else if (c >= OPTION_BASE) {
        optionPersons[c - OPTION_BASE] = (optionPersons[c - OPTION_BASE] as number) + 1;
      } else {
        byCode.persons[c] = (byCode.persons[c] as number) + 1;
      }
    }
  }

  const approvePersons = byCode.persons[APPROVE] as number;
  const approveArea = byCode.area[APPROVE] as number;
  const totalPersons = seatCount;
  const withoutChoicePersons =
    casting.secrecy === 'named'
      ? partPersons - (byCode.persons[APPROVE] as number) - (byCode.persons[OPPOSE] as number) - (byCode.persons[ABSTAIN] as number) - optionPersons.reduce((a, b) => a + b, 0)
      : Math.max(0, partPersons - (inBox ?? 0));
  const withoutChoiceArea = casting.secrecy === 'named' ? partArea - approveArea - (byCode.area[OPPOSE] as number) - (byCode.area[ABSTAIN] as number) : 0;
  /** Ballots cast, for simple-majority: counted named ballots' seats, or everything in the box. */
  const cast = casting.secrecy === 'named' ? partPersons - withoutChoicePersons : (inBox ?? 0);

  // The rule's conditions.
  const drafts: Draft[] = [];
  const add = (
    id: ConditionId,
    role: ConditionRole,
    measure: Measure,
    numerator: number,
    denominator: number,
    threshold: Threshold,
    source: RuleSetId = ruleSet,
    anyOf: string | null = null,
    option: string | null = null,
  ): void => {
    drafts.push({ id, role, anyOf, source, measure, numerator, denominator, threshold, option });
  };
  if (casting.secrecy === 'secret') {
    add('box-within-roll', 'validity', 'ballots', inBox ?? 0, marked, AT_MOST_ALL);
  }
  switch (ruleSet) {
    case 'cc278-ordinary':
    case 'cc278-major': {
      const decide = ruleSet === 'cc278-major' ? AT_LEAST_THREE_QUARTERS : MORE_THAN_HALF;
      add('turnout-area', 'quorum', 'area', partArea, totalArea, AT_LEAST_TWO_THIRDS);
      add('turnout-persons', 'quorum', 'persons', partPersons, totalPersons, AT_LEAST_TWO_THIRDS);
      add('approval-area', 'decision', 'area', approveArea, partArea, decide);
      add('approval-persons', 'decision', 'persons', approvePersons, partPersons, decide);
      break;
    }
    case 'rceo-27':
    case 'rceo-15':
      add('attendance', 'quorum', 'persons', partPersons, totalPersons, AT_LEAST_TWO_THIRDS, 'rceo-27');
      add('approval', 'decision', 'persons', approvePersons, totalPersons, ruleSet === 'rceo-15' ? AT_LEAST_THREE_QUARTERS : AT_LEAST_TWO_THIRDS);
      break;
    case 'rceo-28':
      add('approval', 'decision', 'persons', approvePersons, totalPersons, AT_LEAST_TWO_THIRDS);
      break;
    case 'vcl-22':
    case 'vcl-28':
      add('attendance-adults', 'quorum', 'persons', partPersons, totalPersons, ruleSet === 'vcl-22' ? MORE_THAN_HALF : AT_LEAST_TWO_THIRDS, ruleSet, 'attendance');
      add('attendance-households', 'quorum', 'households', householdsRepresented, resolved.households?.count ?? 0, AT_LEAST_TWO_THIRDS, ruleSet, 'attendance');
      add('approval', 'decision', 'persons', approvePersons, partPersons, MORE_THAN_HALF);
      break;
    case 'vcl-26':
      add('attendance', 'quorum', 'persons', partPersons, totalPersons, AT_LEAST_TWO_THIRDS);
      add('approval', 'decision', 'persons', approvePersons, partPersons, MORE_THAN_HALF);
      break;
    case 'lml-63': {
      const params = lml63 ?? DEFAULT_LML63;
      add('consent', 'decision', 'persons', approvePersons, totalPersons, AT_LEAST_TWO_THIRDS);
      const companion = lml63CompanionRule(params);
      if (companion === 'rceo-27') {
        add('attendance', 'quorum', 'persons', partPersons, totalPersons, AT_LEAST_TWO_THIRDS, 'rceo-27');
        add('approval', 'decision', 'persons', approvePersons, totalPersons, AT_LEAST_TWO_THIRDS, 'rceo-27');
      } else if (companion === 'rceo-28') {
        add('approval', 'decision', 'persons', approvePersons, totalPersons, AT_LEAST_TWO_THIRDS, 'rceo-28');
      }
      break;
    }
    case 'simple-majority': {
      if (vote.question.kind === 'options') {
        let best = 0;
        for (let i = 1; i < optionPersons.length; i++) {
          if ((optionPersons[i] as number) > (optionPersons[best] as number)) best = i;
        }
        add('majority', 'decision', 'ballots', optionPersons[best] ?? 0, cast, MORE_THAN_HALF, ruleSet, null, optionIds[best] ?? null);
      } else {
        add('majority', 'decision', 'ballots', approvePersons, cast, MORE_THAN_HALF);
      }
      break;
    }
  }

  const optionLabels = new Map(vote.question.kind === 'options' ? vote.question.options.map((o) => [o.id, o.label]) : []);
  const ctx = { ruleSet, citeSource: ruleSet === 'lml-63' && lml63CompanionRule(lml63 ?? DEFAULT_LML63) !== null, lml63Body: lml63?.body ?? null };
  const conditions: Condition[] = refusal
    ? []
    : drafts.map((d) => {
        const met = meets(d.numerator, d.denominator, d.threshold);
        const condition: Condition = { ...d, met, percent: percentOf(d.numerator, d.denominator, d.threshold, met), explanation: { 'zh-CN': '', en: '' } };
        condition.explanation = explainCondition(condition, { ...ctx, optionLabel: d.option === null ? null : (optionLabels.get(d.option) ?? null) });
        return condition;
      });

  const groupsMet = (role: ConditionRole): boolean | null => {
    const ofRole = conditions.filter((c) => c.role === role);
    if (ofRole.length === 0) return null;
    const groups = new Map<string, boolean>();
    for (const [i, c] of ofRole.entries()) {
      const key = c.anyOf ?? `#${i}`;
      groups.set(key, (groups.get(key) ?? false) || c.met);
    }
    return [...groups.values()].every(Boolean);
  };
  const valid = refusal ? true : (groupsMet('validity') ?? true);
  const quorumMet = refusal ? null : groupsMet('quorum');
  const decisionMet = groupsMet('decision') ?? false;
  const passed = refusal === null && valid && quorumMet !== false && decisionMet;
  const majority = conditions.find((c) => c.id === 'majority');
  const winningOption = passed && majority?.option ? majority.option : null;

  const counted = outcomes.filter((o) => o.counted).length;
  const figures: Figures = {
    electorate: { persons: totalPersons, area: weighted ? totalArea : null, households: usesHouseholds ? (resolved.households?.count ?? 0) : null },
    participating: { persons: partPersons, area: weighted ? partArea : null, households: usesHouseholds ? householdsRepresented : null },
    approve: { persons: approvePersons, area: weighted ? approveArea : null },
    oppose: { persons: byCode.persons[OPPOSE] as number, area: weighted ? (byCode.area[OPPOSE] as number) : null },
    abstain: { persons: byCode.persons[ABSTAIN] as number, area: weighted ? (byCode.area[ABSTAIN] as number) : null },
    withoutChoice: { persons: withoutChoicePersons, area: weighted ? withoutChoiceArea : null },
    spoilt,
    options: vote.question.kind === 'options' ? optionIds.map((option, i) => ({ option, persons: optionPersons[i] ?? 0 })) : null,
    ballots: { received: received.length, counted, rejected: received.length - counted, ...channels, inBox },
  };

  const notes = buildNotes({ ruleSet, lml63, input, resolved, conditions, outcomes, refusal: refusal !== null });
  const explanation = buildExplanation({ ruleSet, lml63, conditions, refusal, valid, quorumMet, passed, winningOption, optionLabels, notes });

  return {
    ruleSet,
    secrecy: casting.secrecy,
    refusal,
    quorumMet,
    valid,
    passed,
    winningOption,
    conditions,
    figures,
    ballots: outcomes,
    ignoredCheckIns,
    notes,
    explanation,
  };
}

function note(code: string, strictReading: boolean, zh: string, en: string): Note {
  return { code, strictReading, text: { 'zh-CN': zh, en } };
}

function buildNotes(args: {
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

function buildExplanation(args: {
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
