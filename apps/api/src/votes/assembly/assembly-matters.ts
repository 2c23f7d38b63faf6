import type { KitMark, Lml63Parameters, MatterFile, MatterKind, RuleSetId } from '@yishi/domain';
import { checkMatters, decidingAssembly, MOTION_CHOICES, RULE_SETS } from '@yishi/domain';
import { DomainError } from '../../common/domain-error';
import { invalid } from '../../common/refusals';

/**
 * An assembly's ballot (表决票) of several matters: what the vote row keeps of each matter, how an
 * announcement's matters are checked against the law, and how a ballot's marks are read — online
 * (a voter's screen only offers what counts: refused otherwise) and on paper (whatever the paper
 * shows is entered: a matter ticked twice, or more names than seats, is spoilt on that matter only).
 */

export interface VoteCandidate {
  /** `c1`, `c2`, … in the order of the paper; the key of a choice on every ballot. */
  id: string;
  name: string;
  /** The candidate's short statement, as they gave it with their consent to stand. */
  statement: string;
  statementEn: string | null;
}

export interface VoteMatter {
  /** `m1`, `m2`, … in the order of the paper; the key of the matter's mark on every ballot. */
  id: string;
  /** A short name for lists and the result (管理规约, 维修资金续筹, 业委会选举). */
  title: string;
  titleEn: string | null;
  question: string;
  questionEn: string | null;
  kind: 'motion' | 'election';
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  lml63: Lml63Parameters | null;
  /** An election: seats to fill and the candidates (who consented to stand). */
  seats: number | null;
  candidates: VoteCandidate[] | null;
}

/** A matter as announced (the DTO's shape, after class-validator). */
export interface MatterInput {
  title: string;
  titleEn?: string;
  question: string;
  questionEn?: string;
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  lml63?: Lml63Parameters;
  seats?: number;
  candidates?: { name: string; statement: string; statementEn?: string; consent: boolean }[];
}

/** A mark as a request gives it: a motion's choice, or an election's chosen candidates; omitted or `blank` leaves it blank. */
export interface MarkInput {
  matter: string;
  choice?: string;
  chosen?: string[];
}

/**
 * The matters of a new assembly ballot, checked: each may be decided under its rule set by the
 * unit's body (Civil Code art. 278 for owners, the RCEO Law for members), all by the same
 * electorate, and the ballot's legal clock (notice, shortest window) is the strictest of its
 * matters'. Returns the matters as kept and the rule set whose clock the ballot runs on.
 */
export function announcedMatters(inputs: readonly MatterInput[], unitKind: 'compound' | 'cooperative', secrecy: 'named' | 'secret'): { matters: VoteMatter[]; clockRuleSet: RuleSetId } {
  // One paper, one assembly: the member assembly cannot also sit as the representative assembly.
  const first = inputs[0] ? decidingAssembly(inputs[0].ruleSet, inputs[0].lml63 ?? null) : null;
  const apart = inputs.findIndex((m) => decidingAssembly(m.ruleSet, m.lml63 ?? null) !== first);
  if (apart >= 0) {
    throw invalid(
      `matters.${apart}.ruleSet`,
      'invalid',
      'All matters of one ballot are decided by the same assembly (the owners; or the member assembly, the member representatives, the villagers, the village representatives or a villager group): announce the others on a ballot of their own.',
    );
  }
  const matters = inputs.map((input, i): VoteMatter => {
    const field = `matters.${i}`;
    const needs = RULE_SETS[input.ruleSet].electorate;
    if ((needs === 'compound' && unitKind !== 'compound') || (needs === 'persons' && unitKind !== 'cooperative')) {
      throw invalid(`${field}.ruleSet`, 'invalid', `The rule set ${input.ruleSet} is for ${needs === 'compound' ? 'owners of a compound' : 'members of a cooperative or village'}.`);
    }
    if (input.ruleSet === 'simple-majority') throw invalid(`${field}.ruleSet`, 'invalid', 'An assembly’s ballot decides under the rule the law sets for its body, not as an informal poll.');
    if (input.ruleSet === 'lml-63' && !input.lml63) throw invalid(`${field}.lml63`, 'invalid', 'An lml-63 matter says which body consents and whether the RCEO Law applies.');
    if (input.ruleSet !== 'lml-63' && input.lml63) throw invalid(`${field}.lml63`, 'invalid', 'Only an lml-63 matter (commercial construction land) takes these parameters.');
    if (secrecy === 'secret' && RULE_SETS[input.ruleSet].weightedByArea) {
      throw invalid('secrecy', 'invalid', 'Owners vote by name: weighing ballots by floor area needs to know whose ballot it is (Civil Code art. 278).');
    }
    const refusal = checkMatters(input.ruleSet, input.matterKinds, input.lml63);
    if (refusal) {
      throw new DomainError('VALIDATION_FAILED', refusal.matters.map((x) => x.reason.en).join(' '), {
        fields: [{ field: `${field}.matterKinds`, reasons: ['mayNotDecide'], message: refusal.matters.map((x) => x.reason['zh-CN']).join(' ') }],
        refusal,
      });
    }
    const election = input.seats !== undefined || input.candidates !== undefined;
    if (election) {
      if (input.seats === undefined || !input.candidates?.length) throw invalid(`${field}.candidates`, 'invalid', 'An election names its seats and at least one candidate.');
      const names = input.candidates.map((c) => c.name.trim());
      if (new Set(names).size !== names.length) throw invalid(`${field}.candidates`, 'unique', 'Each candidate stands once: two candidates have the same name.');
      const unconsented = input.candidates.findIndex((c) => c.consent !== true);
      if (unconsented >= 0) throw invalid(`${field}.candidates.${unconsented}.consent`, 'invalid', 'A candidate stands only with their consent: record it before announcing.');
    }
    return {
      id: `m${i + 1}`,
      title: input.title.trim(),
      titleEn: input.titleEn?.trim() ?? null,
      question: input.question,
      questionEn: input.questionEn ?? null,
      kind: election ? 'election' : 'motion',
      ruleSet: input.ruleSet,
      matterKinds: input.matterKinds,
      lml63: input.lml63 ?? null,
      seats: election ? input.seats! : null,
      candidates: election ? input.candidates!.map((c, k) => ({ id: `c${k + 1}`, name: c.name.trim(), statement: c.statement.trim(), statementEn: c.statementEn?.trim() ?? null })) : null,
    };
  });
  // The whole ballot runs on the longest notice and the longest shortest window among its matters.
  const clockRuleSet = [...matters]
    .map((m) => m.ruleSet)
    .sort((a, b) => RULE_SETS[b].noticeDays - RULE_SETS[a].noticeDays || RULE_SETS[b].minVotingHours - RULE_SETS[a].minVotingHours)[0]!;
  return { matters, clockRuleSet };
}

/** The matters as the recount kit's vote.json (format version 2) names them, with their documents. */
export function matterFiles(matters: readonly VoteMatter[], documents: ReadonlyMap<string | null, { title: string; sha256: string }[]>): MatterFile[] {
  return matters.map((m) => ({
    id: m.id,
    question:
      m.kind === 'election'
        ? { kind: 'election', text: { 'zh-CN': m.question, en: m.questionEn ?? m.question }, seats: m.seats!, candidates: m.candidates!.map((c) => ({ id: c.id, name: c.name })) }
        : { kind: 'motion', text: { 'zh-CN': m.question, en: m.questionEn ?? m.question } },
    ruleSet: m.ruleSet,
    matterKinds: m.matterKinds,
    lml63: m.lml63,
    documents: documents.get(m.id) ?? [],
  }));
}

export type Marks = Record<string, KitMark>;

/**
 * A ballot's marks, one for every matter of the paper (a matter not given is blank), read from a
 * request. Online, a mark that would not count is refused — the screen never offers it; on paper
 * it is what the paper shows: `spoilt` where the mark cannot be read, and an election ticking more
 * names than seats, or a name not on the list, is spoilt on that matter (the rest of the paper counts).
 */
export function readMarks(matters: readonly VoteMatter[], given: readonly MarkInput[], channel: 'online' | 'paper'): Marks {
  const byId = new Map(matters.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const marks: Marks = Object.fromEntries(matters.map((m) => [m.id, 'blank']));
  given.forEach((mark, i) => {
    const field = `marks.${i}`;
    const matter = byId.get(mark.matter);
    if (!matter) throw invalid(`${field}.matter`, 'isIn', `The ballot has no matter "${mark.matter}".`);
    if (seen.has(matter.id)) throw invalid(`${field}.matter`, 'unique', `The matter "${matter.id}" is marked twice.`);
    seen.add(matter.id);
    if (mark.choice !== undefined && mark.chosen !== undefined) throw invalid(field, 'invalid', 'A mark is either a choice (a motion) or the chosen candidates (an election).');
    if (mark.choice === 'blank' || (mark.choice === undefined && mark.chosen === undefined)) return;
    if (mark.choice === 'spoilt') {
      if (channel === 'online') throw invalid(`${field}.choice`, 'isIn', 'Online, a matter is marked or left blank.');
      marks[matter.id] = 'spoilt';
      return;
    }
    if (matter.kind === 'motion') {
      if (mark.choice === undefined || !(MOTION_CHOICES as readonly string[]).includes(mark.choice)) {
        throw invalid(`${field}.choice`, 'isIn', `"${matter.title}" is a motion: approve, oppose or abstain (or leave it blank).`);
      }
      marks[matter.id] = mark.choice as KitMark;
      return;
    }
    if (mark.chosen === undefined) throw invalid(`${field}.chosen`, 'isIn', `"${matter.title}" is an election: give the chosen candidates.`);
    const known = new Set(matter.candidates!.map((c) => c.id));
    const unknown = mark.chosen.find((c) => !known.has(c));
    const twice = new Set(mark.chosen).size !== mark.chosen.length;
    const over = mark.chosen.length > matter.seats!;
    if (channel === 'paper' && (unknown !== undefined || twice || over)) {
      marks[matter.id] = 'spoilt';
      return;
    }
    if (unknown !== undefined) throw invalid(`${field}.chosen`, 'isIn', `"${unknown}" is not a candidate of "${matter.title}".`);
    if (twice) throw invalid(`${field}.chosen`, 'unique', 'Each candidate is chosen at most once.');
    if (over) throw invalid(`${field}.chosen`, 'arrayMaxSize', `"${matter.title}" fills ${matter.seats!} seats: choose at most ${matter.seats!}.`);
    const order = matter.candidates!.map((c) => c.id);
    marks[matter.id] = { chosen: [...mark.chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
  });
  return marks;
}

export function sameMarks(a: Marks, b: Marks): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) return false;
    } else if (!x || !y || x.chosen.length !== y.chosen.length || x.chosen.some((c, i) => c !== y.chosen[i])) {
      return false;
    }
  }
  return true;
}

/** A ballot's marks in a line staff read (the dispute list, the audit trail): `m1 同意 · m2 空白 · m3 c1 c3`. */
export function marksText(marks: Marks): string {
  return Object.entries(marks)
    .map(([matter, mark]) => `${matter} ${typeof mark === 'string' ? mark : mark.chosen.join(' ') || '-'}`)
    .join(' · ');
}
