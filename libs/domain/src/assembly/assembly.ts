import type { Candidate, ElectionResult } from '../elections/election';
import { tallyElection } from '../elections/election';
import type { MatterKind } from '../rules/matters';
import type { Localized, Lml63Parameters, RuleSetId } from '../rules/rule-sets';
import { tally } from '../tally/tally';
import type { Channel, Electorate, MotionChoice, Proxy, RollMark, TallyResult, VoterId } from '../tally/types';
import { TallyInputError } from '../tally/types';

/**
 * An assembly's ballot (表决票) with several matters: each matter has its own question, its own
 * kind of matter and so its own rule set (a repair-fund raising needs three quarters while the
 * statute needs the ordinary double majority), and its own count; an election of the committee is
 * a matter too. One ballot per voter carries a mark per matter.
 *
 * The reading taken where the law is silent: a voter who returned the ballot took part in the
 * assembly's vote (参与表决) on every matter on it. A matter left blank, or marked so that the mark
 * cannot be read (two boxes ticked), counts as an abstention on that matter — taking part, not
 * approving — and the ballot still counts for every other matter. This is the strict reading for
 * approval (a blank never helps a matter pass) and it keeps one turnout for the whole ballot, as
 * the owners experienced it: they came, they voted.
 */

export type AssemblyQuestion = { kind: 'motion' } | { kind: 'election'; seats: number; candidates: Candidate[] };

export interface AssemblyMatter {
  id: string;
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  question: AssemblyQuestion;
  lml63: Lml63Parameters | null;
}

/** What a ballot says of one matter. A matter missing from a ballot is blank. */
export type MatterMark = { choice: MotionChoice } | { chosen: string[] } | { blank: true } | { spoilt: true };

export interface AssemblyBallot {
  voter: VoterId;
  channel: Channel;
  proxy: Proxy | null;
  marks: Record<string, MatterMark>;
}

export type AssemblyCasting = { secrecy: 'named'; ballots: AssemblyBallot[] } | { secrecy: 'secret'; marks: RollMark[]; box: { ballotId: string; marks: Record<string, MatterMark> }[] };

export interface AssemblyInput {
  matters: AssemblyMatter[];
  electorate: Electorate;
  casting: AssemblyCasting;
  checkIns: VoterId[];
}

interface MatterCounts {
  matter: string;
  /** Ballots that left the matter blank, and ballots whose mark on it could not be read. */
  blank: number;
  spoilt: number;
}

export type MatterResult = (MatterCounts & { kind: 'motion'; tally: TallyResult; passed: boolean }) | (MatterCounts & { kind: 'election'; election: ElectionResult; passed: boolean });

export interface AssemblyResult {
  matters: MatterResult[];
  /** The reading of blank and unreadable marks, to print with the result. */
  reading: Localized;
}

export const BLANK_MATTER_READING: Localized = {
  'zh-CN': '交回表决票的业主（成员）参与了票上每一项事项的表决。某一事项未填写、或填写无法辨认（如同时勾选两项）的，视为对该事项弃权：计入参与表决，不计入同意；这张票对其他事项照常计算。',
  en: 'Whoever returned the ballot took part in the vote on every matter on it. A matter left blank, or marked so that it cannot be read (two boxes ticked), counts as an abstention on that matter: taking part, not approving; the ballot still counts for every other matter.',
};

function checkMatters(matters: readonly AssemblyMatter[]): void {
  if (matters.length === 0) throw new TallyInputError('A ballot needs at least one matter');
  const ids = new Set<string>();
  for (const m of matters) {
    if (typeof m.id !== 'string' || m.id.length === 0 || ids.has(m.id)) throw new TallyInputError(`Matters need distinct non-empty ids: ${String(m.id)}`);
    ids.add(m.id);
  }
}

function checkMarks(marks: Record<string, MatterMark>, ids: ReadonlySet<string>): void {
  for (const key of Object.keys(marks)) if (!ids.has(key)) throw new TallyInputError(`A mark for a matter not on the ballot: ${key}`);
}

type Read = { kind: 'blank' } | { kind: 'spoilt' } | { kind: 'choice'; choice: MotionChoice } | { kind: 'chosen'; chosen: string[] };

function read(mark: MatterMark | undefined, question: AssemblyQuestion): Read {
  if (!mark || 'blank' in mark) return { kind: 'blank' };
  if ('spoilt' in mark) return { kind: 'spoilt' };
  if (question.kind === 'motion') return 'choice' in mark ? { kind: 'choice', choice: mark.choice } : { kind: 'spoilt' };
  return 'chosen' in mark ? { kind: 'chosen', chosen: mark.chosen } : { kind: 'spoilt' };
}

/** Counts every matter of the ballot under its own rule set. */
export function tallyAssembly(input: AssemblyInput): AssemblyResult {
  checkMatters(input.matters);
  const ids = new Set(input.matters.map((m) => m.id));
  const sheets = input.casting.secrecy === 'named' ? input.casting.ballots.map((b) => b.marks) : input.casting.box.map((b) => b.marks);
  for (const marks of sheets) checkMarks(marks, ids);

  const matters = input.matters.map((matter): MatterResult => {
    const reads = sheets.map((marks) => read(marks[matter.id], matter.question));
    const counts = { matter: matter.id, blank: reads.filter((r) => r.kind === 'blank').length, spoilt: reads.filter((r) => r.kind === 'spoilt').length };
    if (matter.question.kind === 'motion') {
      const choiceOf = (r: Read): MotionChoice => (r.kind === 'choice' ? r.choice : 'abstain');
      const casting =
        input.casting.secrecy === 'named'
          ? { secrecy: 'named' as const, ballots: input.casting.ballots.map((b, i) => ({ voter: b.voter, choice: choiceOf(reads[i]!), channel: b.channel, proxy: b.proxy })) }
          : { secrecy: 'secret' as const, marks: input.casting.marks, box: input.casting.box.map((b, i) => ({ ballotId: b.ballotId, choice: choiceOf(reads[i]!) })) };
      const result = tally({ vote: { ruleSet: matter.ruleSet, question: { kind: 'motion' }, matterKinds: matter.matterKinds, lml63: matter.lml63 }, electorate: input.electorate, casting, checkIns: input.checkIns });
      return { ...counts, kind: 'motion', tally: result, passed: result.passed };
    }
    const chosenOf = (r: Read): string[] => (r.kind === 'chosen' ? r.chosen : []);
    const casting =
      input.casting.secrecy === 'named'
        ? { secrecy: 'named' as const, ballots: input.casting.ballots.map((b, i) => ({ voter: b.voter, chosen: chosenOf(reads[i]!), channel: b.channel, proxy: b.proxy })) }
        : { secrecy: 'secret' as const, marks: input.casting.marks, box: input.casting.box.map((b, i) => ({ ballotId: b.ballotId, chosen: chosenOf(reads[i]!) })) };
    const election = tallyElection({ ruleSet: matter.ruleSet, matterKinds: matter.matterKinds, seats: matter.question.seats, candidates: matter.question.candidates, electorate: input.electorate, casting, checkIns: input.checkIns });
    return { ...counts, kind: 'election', election, passed: election.elected.length > 0 };
  });
  return { matters, reading: BLANK_MATTER_READING };
}
