import type { AssemblyResult, MatterResult } from '../../assembly/assembly';
import type { ChainName } from '../../hash-chain/chain';
import type { CheckInEvent, MarkEvent } from '../kit';
import type { Electorate, TallyResult, VoterId } from '../../tally/types';
import type { ElectorateFile, RollLine } from '../format';
import { canonicalJson } from '../../hash-chain/canonical-json';
import { ChainBuilder } from '../../hash-chain/chain';
import { electorateSha256, prettyJson } from '../kit';
import { readRollLine } from '../format';
import { sha256Hex } from '../../hash-chain/sha256';
import { summarizeTally } from '../count';
import { tallyAssembly } from '../../assembly/assembly';
import type {
  AssemblyBallotsLine,
  AssemblyBoxEntry,
  AssemblyCastEntry,
  AssemblyResultFile,
  AssemblyVoteFile,
  KitMark,
  LineRejection,
  MatterResultFile,
  MatterSummary,
} from './format';
import { ASSEMBLY_FORMAT_TAG, ASSEMBLY_FORMAT_VERSION, assemblyMatterOf, matterMarkOf, readAssemblyBallotsLine, readAssemblyBoxLine } from './format';

/**
 * Counting a version 2 kit, and writing one. The count is the domain's `tallyAssembly` on each
 * voter's last cast (named) or on the box (secret): every matter under its own rule set, a blank or
 * unreadable mark an abstention on that matter only (BLANK_MATTER_READING).
 */

/**
 * The genesis hash of a version 2 chain: SHA-256 of `yishi-recount/2 <chain>` + LF + the canonical
 * JSON of vote.json. The version in the tag keeps a chain from being read under another version.
 */
export function assemblyGenesisHash(chain: ChainName, vote: unknown): string {
  return sha256Hex(`${ASSEMBLY_FORMAT_TAG} ${chain}\n${canonicalJson(vote)}`);
}

export interface AssemblyCount {
  result: AssemblyResult;
  lines: AssemblyResultFile['lines'];
  matters: MatterResultFile[];
}

function byLine(a: LineRejection, b: LineRejection): number {
  return a.line - b.line;
}

function firstLines(lines: readonly { kind: string; voter?: string; seq: number }[], kind: string): Map<VoterId, number> {
  const first = new Map<VoterId, number>();
  for (const line of lines) if (line.kind === kind && line.voter !== undefined && !first.has(line.voter)) first.set(line.voter, line.seq);
  return first;
}

/** The ballots that did not count for a matter, and the check-ins that did not count as attendance, by line. */
function rejections(tally: TallyResult, ballotLine: Map<VoterId, number>, checkInLine: Map<VoterId, number>): Pick<MatterSummary, 'rejected' | 'ignoredCheckIns'> {
  return {
    rejected: tally.ballots
      .filter((o) => !o.counted && o.reason !== null)
      .map((o) => ({ line: ballotLine.get(o.voter) ?? 0, voter: o.voter, reason: o.reason ?? 'not-in-electorate' }))
      .sort(byLine),
    ignoredCheckIns: tally.ignoredCheckIns.map((i) => ({ line: checkInLine.get(i.voter) ?? 0, voter: i.voter, reason: i.reason })).sort(byLine),
  };
}

/** A matter's result as result.json carries it: the normative summary and the words. */
export function matterResultFile(m: MatterResult, ballotLine: Map<VoterId, number>, checkInLine: Map<VoterId, number>): MatterResultFile {
  const common = { matter: m.matter, kind: m.kind, blank: m.blank, spoilt: m.spoilt };
  if (m.kind === 'motion') {
    return { ...common, kind: 'motion', ...rejections(m.tally, ballotLine, checkInLine), tally: summarizeTally(m.tally), explanation: m.tally.explanation };
  }
  const e = m.election;
  return {
    ...common,
    kind: 'election',
    // Every candidate is counted on the same ballots under the same rule: who did not count is the same for each.
    ...rejections(e.candidates[0]!.tally, ballotLine, checkInLine),
    election: {
      ruleSet: e.ruleSet,
      seats: e.seats,
      elected: e.elected,
      unfilled: e.unfilled,
      tied: e.tied,
      overVoted: e.overVoted,
      candidates: e.candidates.map((c) => ({ candidate: c.candidate, votes: c.votes, area: c.area, qualified: c.qualified, standing: c.standing, tally: summarizeTally(c.tally) })),
    },
    explanation: e.explanation,
  };
}

/** The normative part of a matter's entry (all but the words). */
export function matterSummary(m: MatterResultFile): MatterSummary {
  const { explanation: _words, ...summary } = m;
  return summary;
}

function marksOf(marks: Record<string, KitMark>) {
  return Object.fromEntries(Object.entries(marks).map(([matter, mark]) => [matter, matterMarkOf(mark)]));
}

/** The chain holds every cast; each voter's LAST cast (highest `seq`) is their ballot, for every matter on it. */
export function countAssemblyNamed(vote: AssemblyVoteFile, electorate: Electorate, lines: readonly AssemblyBallotsLine[]): AssemblyCount {
  const casts = lines.filter((l): l is AssemblyCastEntry => l.kind === 'cast');
  const last = new Map<VoterId, AssemblyCastEntry>();
  for (const c of casts) if ((last.get(c.voter)?.seq ?? 0) < c.seq) last.set(c.voter, c);
  const checkIns = lines.filter((l) => l.kind === 'check-in').map((l) => l.voter);
  const result = tallyAssembly({
    matters: vote.matters.map(assemblyMatterOf),
    electorate,
    casting: { secrecy: 'named', ballots: [...last.values()].map((c) => ({ voter: c.voter, channel: c.channel, proxy: c.proxy, marks: marksOf(c.marks) })) },
    checkIns,
  });
  const ballotLine = new Map([...last.values()].map((c) => [c.voter, c.seq]));
  const checkInLine = firstLines(lines, 'check-in');
  return {
    result,
    lines: { casts: casts.length, superseded: casts.length - last.size, checkIns: checkIns.length, marks: 0, boxBallots: 0 },
    matters: result.matters.map((m) => matterResultFile(m, ballotLine, checkInLine)),
  };
}

export function countAssemblySecret(vote: AssemblyVoteFile, electorate: Electorate, roll: readonly RollLine[], box: readonly AssemblyBoxEntry[]): AssemblyCount {
  const marks = roll.filter((l) => l.kind === 'mark');
  const checkIns = roll.filter((l) => l.kind === 'check-in').map((l) => l.voter);
  const result = tallyAssembly({
    matters: vote.matters.map(assemblyMatterOf),
    electorate,
    casting: { secrecy: 'secret', marks: marks.map((m) => ({ voter: m.voter, channel: m.channel, proxy: m.proxy })), box: box.map((b) => ({ ballotId: b.ballot, marks: marksOf(b.marks) })) },
    checkIns,
  });
  const markLine = firstLines(roll, 'mark');
  const checkInLine = firstLines(roll, 'check-in');
  return {
    result,
    lines: { casts: 0, superseded: 0, checkIns: checkIns.length, marks: marks.length, boxBallots: box.length },
    matters: result.matters.map((m) => matterResultFile(m, markLine, checkInLine)),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing a kit: the files the platform publishes when an assembly's vote closes
// ---------------------------------------------------------------------------------------------

export type AssemblyCastEvent = { kind: 'cast'; ballot: string; voter: VoterId; marks: Record<string, KitMark>; channel: AssemblyCastEntry['channel']; proxy: AssemblyCastEntry['proxy']; at: string };
export type AssemblyBoxEvent = { ballot: string; marks: Record<string, KitMark> };

export type AssemblyKitInput = {
  vote: Omit<AssemblyVoteFile, 'format' | 'formatVersion' | 'electorateSha256' | 'secrecy'>;
  snapshotAt: string;
  electorate: Electorate;
} & ({ secrecy: 'named'; events: (AssemblyCastEvent | CheckInEvent)[] } | { secrecy: 'secret'; roll: (MarkEvent | CheckInEvent)[]; box: AssemblyBoxEvent[] });

/**
 * Writes the version 2 recount kit of a closed assembly vote: file name → content. Every line is
 * read back through the verifier's own readers, so a kit this writes is one the verifier accepts.
 */
export function buildAssemblyKit(input: AssemblyKitInput): Record<string, string> {
  const electorateFile: ElectorateFile = { snapshotAt: input.snapshotAt, electorate: input.electorate };
  const vote: AssemblyVoteFile = {
    format: 'yishi-recount',
    formatVersion: ASSEMBLY_FORMAT_VERSION,
    voteId: input.vote.voteId,
    title: input.vote.title,
    matters: input.vote.matters,
    documents: input.vote.documents,
    secrecy: input.secrecy,
    opensAt: input.vote.opensAt,
    closesAt: input.vote.closesAt,
    electorateSha256: electorateSha256(electorateFile),
    safeguards: input.vote.safeguards,
  };
  const files: Record<string, string> = { 'vote.json': prettyJson(vote), 'electorate.json': prettyJson(electorateFile) };
  const voteJson = JSON.parse(files['vote.json'] as string) as unknown;
  const chains: AssemblyResultFile['chains'] = {};
  let count: AssemblyCount;
  if (input.secrecy === 'named') {
    const chain = new ChainBuilder(assemblyGenesisHash('ballots', voteJson));
    const lines = input.events.map((e) => readAssemblyBallotsLine(JSON.parse(chain.append({ ...e })) as Record<string, unknown>, vote));
    files['ballots.jsonl'] = chain.text;
    chains.ballots = { lines: chain.length, head: chain.head };
    count = countAssemblyNamed(vote, input.electorate, lines);
  } else {
    const rollChain = new ChainBuilder(assemblyGenesisHash('roll', voteJson));
    const roll = input.roll.map((e) => readRollLine(JSON.parse(rollChain.append({ ...e })) as Record<string, unknown>));
    const boxChain = new ChainBuilder(assemblyGenesisHash('box', voteJson));
    const sorted = [...input.box].sort((a, b) => (a.ballot < b.ballot ? -1 : a.ballot > b.ballot ? 1 : 0));
    const box = sorted.map((b) => readAssemblyBoxLine(JSON.parse(boxChain.append({ kind: 'ballot', ballot: b.ballot, marks: b.marks })) as Record<string, unknown>, vote));
    files['roll.jsonl'] = rollChain.text;
    files['box.jsonl'] = boxChain.text;
    chains.roll = { lines: rollChain.length, head: rollChain.head };
    chains.box = { lines: boxChain.length, head: boxChain.head };
    count = countAssemblySecret(vote, input.electorate, roll, box);
  }
  const result: AssemblyResultFile = {
    format: 'yishi-recount',
    formatVersion: ASSEMBLY_FORMAT_VERSION,
    voteId: vote.voteId,
    chains,
    lines: count.lines,
    matters: count.matters,
    reading: count.result.reading,
  };
  files['result.json'] = prettyJson(result);
  return files;
}
