import { assertMayDecide } from '../rules/matters';
import type { Lml63Parameters, RuleSetId } from '../rules/rule-sets';
import { DEFAULT_LML63, isRuleSetId, lml63CompanionRule, RULE_SETS } from '../rules/rule-sets';
import type { ResolvedElectorate } from './electorate';
import { resolveElectorate } from './electorate';
import { explainCondition } from './wording/explain';
import { buildExplanation, buildNotes } from './wording/notes';
import type { ProxyRegime } from './regime';
import { countsAttendance, proxyRegime } from './regime';
import { meets, percentOf } from './fraction';
import type {
  BallotOutcome,
  Channel,
  Choice,
  Condition,
  Electorate,
  ConditionId,
  ConditionRole,
  Figures,
  IgnoredCheckIn,
  Measure,
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
import { TallyInputError } from './types';

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

/**
 * Whether the written proxy would count under the rule (as the tally checks a proxy ballot): null
 * when it does, else why not. For a proxy given before a meeting, at its door.
 */
export function proxyRefusal(ruleSet: RuleSetId, electorate: Electorate, principal: VoterId, proxy: Proxy): RejectionReason | null {
  return proxyProblem(proxyRegime(ruleSet, null), principal, proxy, resolveElectorate(ruleSet, null, electorate));
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
