import type { MatterKind } from '../rules/matters';
import type { RuleSetId } from '../rules/rule-sets';
import { RULE_SETS } from '../rules/rule-sets';
import { tally } from '../tally/tally';
import type { Channel, Electorate, Proxy, TallyResult, VoterId } from '../tally/types';
import { TallyInputError } from '../tally/types';

/**
 * Elections (选举): several seats, candidates nominated with their consent, each voter choosing up
 * to as many candidates as there are seats. A candidate is elected when the law's conditions hold
 * for them — each candidate is a motion of its own under the election's rule set (for owners,
 * Civil Code art. 278: two thirds of the area and of the owners take part, and more than half of
 * the participating area and owners choose the candidate) — and then by most votes among those who
 * qualify, seat by seat. A tie for the last seats leaves them open for a run-off among the tied;
 * fewer qualifying candidates than seats leaves the rest open for a further election.
 */

export interface Candidate {
  id: string;
  name: string;
}

/** A named election ballot: the candidates one voter chose (none: took part, chose nobody). */
export interface ElectionBallot {
  voter: VoterId;
  chosen: string[];
  channel: Channel;
  proxy: Proxy | null;
}

export type ElectionCasting =
  | { secrecy: 'named'; ballots: ElectionBallot[] }
  | { secrecy: 'secret'; marks: { voter: VoterId; channel: Channel; proxy: Proxy | null }[]; box: { ballotId: string; chosen: string[] }[] };

export interface ElectionInput {
  ruleSet: RuleSetId;
  /** What is elected, e.g. the owners' committee (Civil Code art. 278 item 4) or a cooperative's officers. */
  matterKinds: MatterKind[];
  seats: number;
  candidates: Candidate[];
  electorate: Electorate;
  casting: ElectionCasting;
  checkIns: VoterId[];
}

export type CandidateStanding = 'elected' | 'tied' | 'qualified-not-elected' | 'not-qualified';

export interface CandidateResult {
  candidate: string;
  /** Counting persons who chose the candidate (the votes). */
  votes: number;
  /** Area of those who chose the candidate (1/100 m²), where the rule weighs by area. */
  area: number | null;
  /** The rule's conditions held for this candidate. */
  qualified: boolean;
  standing: CandidateStanding;
  /** The candidate's own count, as a motion: its conditions, figures and explanation. */
  tally: TallyResult;
}

export interface ElectionResult {
  ruleSet: RuleSetId;
  seats: number;
  /** In the order of the count: qualified first by votes, then the others by votes. */
  candidates: CandidateResult[];
  elected: string[];
  /** Seats the count could not fill: a run-off among `tied`, or a further election. */
  unfilled: number;
  tied: string[];
  /** Ballots choosing more candidates than seats: they took part, and count for no one. */
  overVoted: number;
  explanation: { 'zh-CN': string[]; en: string[] };
}

function checkInput(input: ElectionInput): void {
  if (!Number.isSafeInteger(input.seats) || input.seats < 1) throw new TallyInputError(`An election fills at least one seat: ${String(input.seats)}`);
  const ids = new Set<string>();
  for (const c of input.candidates) {
    if (typeof c.id !== 'string' || c.id.length === 0 || ids.has(c.id)) throw new TallyInputError(`Candidates need distinct non-empty ids: ${String(c.id)}`);
    ids.add(c.id);
  }
  if (input.candidates.length === 0) throw new TallyInputError('An election needs at least one candidate');
  if (input.casting.secrecy === 'secret' && RULE_SETS[input.ruleSet].weightedByArea) {
    throw new TallyInputError('Owners elect by name: weighing by area needs to know whose ballot it is');
  }
}

/** A ballot's choices as the count takes them: null when it chose more than the seats (counts for no one). */
function validChoices(chosen: readonly string[], seats: number, known: ReadonlySet<string>): Set<string> | null {
  const set = new Set(chosen.filter((c) => known.has(c)));
  return set.size > seats ? null : set;
}

export function tallyElection(input: ElectionInput): ElectionResult {
  checkInput(input);
  const known = new Set(input.candidates.map((c) => c.id));
  const choices =
    input.casting.secrecy === 'named'
      ? input.casting.ballots.map((b) => validChoices(b.chosen, input.seats, known))
      : input.casting.box.map((b) => validChoices(b.chosen, input.seats, known));
  const overVoted = choices.filter((c) => c === null).length;

  const results: CandidateResult[] = input.candidates.map((candidate) => {
    // A candidate is a motion: chosen is approval; a ballot returned without choosing them took part and did not approve.
    const approves = (set: Set<string> | null): 'approve' | 'abstain' => (set?.has(candidate.id) ? 'approve' : 'abstain');
    const casting =
      input.casting.secrecy === 'named'
        ? { secrecy: 'named' as const, ballots: input.casting.ballots.map((b, i) => ({ voter: b.voter, choice: approves(choices[i]!), channel: b.channel, proxy: b.proxy })) }
        : { secrecy: 'secret' as const, marks: input.casting.marks, box: input.casting.box.map((b, i) => ({ ballotId: b.ballotId, choice: approves(choices[i]!) })) };
    const result = tally({ vote: { ruleSet: input.ruleSet, question: { kind: 'motion' }, matterKinds: input.matterKinds, lml63: null }, electorate: input.electorate, casting, checkIns: input.checkIns });
    return { candidate: candidate.id, votes: result.figures.approve.persons, area: result.figures.approve.area, qualified: result.passed, standing: 'not-qualified', tally: result };
  });

  const byVotes = (a: CandidateResult, b: CandidateResult): number => b.votes - a.votes || (b.area ?? 0) - (a.area ?? 0) || a.candidate.localeCompare(b.candidate);
  const qualified = results.filter((r) => r.qualified).sort(byVotes);
  const elected: string[] = [];
  const tied: string[] = [];
  let open = input.seats;
  for (let i = 0; i < qualified.length && open > 0; ) {
    // Those with the same number of votes stand or fall together.
    const group = qualified.filter((r) => r.votes === qualified[i]!.votes);
    if (group.length <= open) {
      for (const r of group) {
        r.standing = 'elected';
        elected.push(r.candidate);
      }
      open -= group.length;
    } else {
      for (const r of group) {
        r.standing = 'tied';
        tied.push(r.candidate);
      }
      break;
    }
    i += group.length;
  }
  for (const r of qualified) if (r.standing === 'not-qualified') r.standing = 'qualified-not-elected';
  const others = results.filter((r) => !r.qualified).sort(byVotes);
  const ordered = [...qualified, ...others];
  return { ruleSet: input.ruleSet, seats: input.seats, candidates: ordered, elected, unfilled: open, tied, overVoted, explanation: explain(input, ordered, open, tied, overVoted) };
}

function explain(input: ElectionInput, ordered: CandidateResult[], unfilled: number, tied: string[], overVoted: number): { 'zh-CN': string[]; en: string[] } {
  const name = new Map(input.candidates.map((c) => [c.id, c.name]));
  const zh: string[] = [];
  const en: string[] = [];
  const weighted = RULE_SETS[input.ruleSet].weightedByArea;
  zh.push(`应选 ${input.seats} 名，候选人 ${input.candidates.length} 名。每位候选人按本次表决规则单独计算：${weighted ? '须经专有部分面积占比三分之二以上、人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积过半数、人数过半数的业主选择' : '须满足本规则的到会（参与）和同意条件'}，才能当选；符合条件的候选人按得票多少依次当选。`);
  en.push(`${input.seats} seat(s), ${input.candidates.length} candidate(s). Each candidate is counted on their own under this vote's rule: ${weighted ? 'owners holding two thirds of the area and two thirds of the owners must take part, and more than half of the participating area and of the participating owners must choose the candidate' : 'the rule’s attendance (participation) and approval conditions must hold'}; among those who qualify, the most votes win the seats in turn.`);
  for (const r of ordered) {
    const who = name.get(r.candidate) ?? r.candidate;
    const zhStanding = { elected: '当选', tied: '得票相同，待另行选举', 'qualified-not-elected': '符合条件，但名额已满，未当选', 'not-qualified': '未达到当选条件，未当选' }[r.standing];
    const enStanding = { elected: 'elected', tied: 'tied: left to a run-off', 'qualified-not-elected': 'qualified, but the seats were filled: not elected', 'not-qualified': 'did not meet the conditions: not elected' }[r.standing];
    zh.push(`${who}：得票 ${r.votes}${r.area !== null ? `，面积 ${(r.area / 100).toFixed(2)}㎡` : ''}，${zhStanding}。`);
    en.push(`${who}: ${r.votes} vote(s)${r.area !== null ? `, ${(r.area / 100).toFixed(2)} m²` : ''}, ${enStanding}.`);
  }
  if (tied.length > 0) {
    zh.push(`${tied.map((c) => name.get(c) ?? c).join('、')} 得票相同，剩余名额不足以让他们都当选；这些名额由他们之间另行选举产生。`);
    en.push(`${tied.map((c) => name.get(c) ?? c).join(', ')} tie for fewer seats than they are: those seats are filled by a run-off among them.`);
  }
  if (unfilled > 0) {
    zh.push(`还有 ${unfilled} 个名额没有选出，须另行选举。`);
    en.push(`${unfilled} seat(s) remain unfilled and need a further election.`);
  }
  if (overVoted > 0) {
    zh.push(`${overVoted} 张选票所选人数超过应选名额，视为参与表决，但不计入任何候选人的得票。`);
    en.push(`${overVoted} ballot(s) chose more candidates than seats: they count as taking part, and for no candidate.`);
  }
  return { 'zh-CN': zh, en };
}
