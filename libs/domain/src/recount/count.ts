import { tally } from '../tally/tally';
import type { Ballot, Electorate, TallyResult, VoteDefinition, VoterId } from '../tally/types';
import type { BallotsLine, BoxEntry, CastEntry, ConditionSummary, LineRejection, ResultFile, RollLine, TallySummary, VoteFile } from './format';

/** The vote as the tally needs it (the question's text is for people, not for counting). */
export function voteDefinitionOf(vote: VoteFile): VoteDefinition {
  return {
    ruleSet: vote.ruleSet,
    question: vote.question.kind === 'options' ? { kind: 'options', options: vote.question.options } : { kind: 'motion' },
    matterKinds: vote.matterKinds,
    lml63: vote.lml63,
  };
}

/**
 * The chain holds every cast, superseded ones included (a named ballot may be changed until the
 * vote closes; a paper ballot entered for a voter supersedes the online one). The recount takes
 * each voter's LAST cast in chain order (the highest `seq`), as Helios and Belenios do.
 */
export function lastCastPerVoter(casts: readonly CastEntry[]): Map<VoterId, CastEntry> {
  const last = new Map<VoterId, CastEntry>();
  for (const cast of casts) {
    const previous = last.get(cast.voter);
    if (!previous || previous.seq < cast.seq) {
      last.set(cast.voter, cast);
    }
  }
  return last;
}

/** A condition as a result file and the public result carry it: its figures and verdict, without the worded explanation. */
export function conditionSummary(c: ConditionSummary): ConditionSummary {
  return {
    id: c.id,
    role: c.role,
    anyOf: c.anyOf,
    source: c.source,
    measure: c.measure,
    numerator: c.numerator,
    denominator: c.denominator,
    threshold: c.threshold,
    met: c.met,
    percent: c.percent,
    option: c.option,
  };
}

/** A tally summary with exactly its own fields (what a stored result file holds beyond them stays behind). */
export function tallySummaryOf(tally: TallySummary): TallySummary {
  return {
    ruleSet: tally.ruleSet,
    secrecy: tally.secrecy,
    refusedMatters: tally.refusedMatters,
    quorumMet: tally.quorumMet,
    valid: tally.valid,
    passed: tally.passed,
    winningOption: tally.winningOption,
    conditions: tally.conditions.map(conditionSummary),
    figures: tally.figures,
  };
}

export function summarizeTally(result: TallyResult): TallySummary {
  return {
    ruleSet: result.ruleSet,
    secrecy: result.secrecy,
    refusedMatters: result.refusal ? result.refusal.matters.map((m) => m.matter) : null,
    quorumMet: result.quorumMet,
    valid: result.valid,
    passed: result.passed,
    winningOption: result.winningOption,
    conditions: result.conditions.map(conditionSummary),
    figures: result.figures,
  };
}

export interface KitCount {
  tally: TallyResult;
  lines: ResultFile['lines'];
  rejected: LineRejection[];
  ignoredCheckIns: LineRejection[];
}

function byLine(a: LineRejection, b: LineRejection): number {
  return a.line - b.line;
}

function firstLines(lines: readonly { kind: string; voter?: string; seq: number }[], kind: string): Map<VoterId, number> {
  const first = new Map<VoterId, number>();
  for (const line of lines) {
    if (line.kind === kind && line.voter !== undefined && !first.has(line.voter)) {
      first.set(line.voter, line.seq);
    }
  }
  return first;
}

/** Counts a named vote from the lines of ballots.jsonl. */
export function countNamed(vote: VoteFile, electorate: Electorate, lines: readonly BallotsLine[]): KitCount {
  const casts = lines.filter((l): l is CastEntry => l.kind === 'cast');
  const last = lastCastPerVoter(casts);
  const ballots: Ballot[] = [...last.values()].map((c) => ({ voter: c.voter, choice: c.choice, channel: c.channel, proxy: c.proxy }));
  const checkIns = lines.filter((l) => l.kind === 'check-in').map((l) => l.voter);
  const result = tally({ vote: voteDefinitionOf(vote), electorate, casting: { secrecy: 'named', ballots }, checkIns });
  const firstCheckIn = firstLines(lines, 'check-in');
  return {
    tally: result,
    lines: { casts: casts.length, superseded: casts.length - last.size, checkIns: checkIns.length, marks: 0, boxBallots: 0 },
    rejected: result.ballots
      .filter((o) => !o.counted && o.reason !== null)
      .map((o) => ({ line: last.get(o.voter)?.seq ?? 0, voter: o.voter, reason: o.reason ?? 'not-in-electorate' }))
      .sort(byLine),
    ignoredCheckIns: result.ignoredCheckIns.map((i) => ({ line: firstCheckIn.get(i.voter) ?? 0, voter: i.voter, reason: i.reason })).sort(byLine),
  };
}

/** Counts a secret vote from roll.jsonl and box.jsonl. */
export function countSecret(vote: VoteFile, electorate: Electorate, roll: readonly RollLine[], box: readonly BoxEntry[]): KitCount {
  const marks = roll.filter((l) => l.kind === 'mark');
  const checkIns = roll.filter((l) => l.kind === 'check-in').map((l) => l.voter);
  const result = tally({
    vote: voteDefinitionOf(vote),
    electorate,
    casting: {
      secrecy: 'secret',
      marks: marks.map((m) => ({ voter: m.voter, channel: m.channel, proxy: m.proxy })),
      box: box.map((b) => ({ ballotId: b.ballot, choice: b.choice })),
    },
    checkIns,
  });
  const markLine = firstLines(roll, 'mark');
  const firstCheckIn = firstLines(roll, 'check-in');
  return {
    tally: result,
    lines: { casts: 0, superseded: 0, checkIns: checkIns.length, marks: marks.length, boxBallots: box.length },
    rejected: result.ballots
      .filter((o) => !o.counted && o.reason !== null)
      .map((o) => ({ line: markLine.get(o.voter) ?? 0, voter: o.voter, reason: o.reason ?? 'not-in-electorate' }))
      .sort(byLine),
    ignoredCheckIns: result.ignoredCheckIns.map((i) => ({ line: firstCheckIn.get(i.voter) ?? 0, voter: i.voter, reason: i.reason })).sort(byLine),
  };
}
