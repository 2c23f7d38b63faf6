import { canonicalJson } from '../hash-chain/canonical-json';
import { ChainBuilder, genesisHash } from '../hash-chain/chain';
import { sha256Hex } from '../hash-chain/sha256';
import type { Channel, Choice, Electorate, Proxy, VoterId } from '../tally/types';
import type { KitCount } from './count';
import { countNamed, countSecret, summarizeTally } from './count';
import type { BallotsLine, BoxEntry, ElectorateFile, ResultFile, RollLine, VoteFile } from './format';
import { readBallotsLine, readBoxLine, readRollLine, RECOUNT_FORMAT, RECOUNT_FORMAT_VERSION } from './format';

export type CastEvent = { kind: 'cast'; ballot: string; voter: VoterId; choice: Choice; channel: Channel; proxy: Proxy | null; at: string };
export type CheckInEvent = { kind: 'check-in'; voter: VoterId; at: string };
export type MarkEvent = { kind: 'mark'; voter: VoterId; channel: Channel; proxy: Proxy | null; at: string };
export type BoxEvent = { ballot: string; choice: Choice };

export type VoteHeader = Omit<VoteFile, 'format' | 'formatVersion' | 'electorateSha256' | 'secrecy'>;

export type KitInput = {
  vote: VoteHeader;
  snapshotAt: string;
  electorate: Electorate;
} & (
  | { secrecy: 'named'; events: (CastEvent | CheckInEvent)[] }
  | { secrecy: 'secret'; roll: (MarkEvent | CheckInEvent)[]; box: BoxEvent[] }
);

/** A JSON file as the kit writes it: two-space indentation and a final line feed (hashes use the canonical form). */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The SHA-256 that vote.json's `electorateSha256` carries for an electorate file. */
export function electorateSha256(file: ElectorateFile): string {
  return sha256Hex(canonicalJson(file));
}

/**
 * Writes the recount kit of a closed vote: the same files the platform publishes, built with the
 * same chain code the sealer uses. Returns file name → content.
 */
export function buildRecountKit(input: KitInput): Record<string, string> {
  const electorateFile: ElectorateFile = { snapshotAt: input.snapshotAt, electorate: input.electorate };
  const vote: VoteFile = {
    format: RECOUNT_FORMAT,
    formatVersion: RECOUNT_FORMAT_VERSION,
    ...input.vote,
    secrecy: input.secrecy,
    electorateSha256: electorateSha256(electorateFile),
  };
  const files: Record<string, string> = { 'vote.json': prettyJson(vote), 'electorate.json': prettyJson(electorateFile) };
  // The genesis is computed from vote.json as a reader parses it.
  const voteJson = JSON.parse(files['vote.json'] as string) as unknown;
  let count: KitCount;
  const chains: ResultFile['chains'] = {};
  if (input.secrecy === 'named') {
    const chain = new ChainBuilder(genesisHash('ballots', voteJson));
    const lines: BallotsLine[] = input.events.map((event) => readBallotsLine(JSON.parse(chain.append({ ...event })) as Record<string, unknown>));
    files['ballots.jsonl'] = chain.text;
    chains.ballots = { lines: chain.length, head: chain.head };
    count = countNamed(vote, input.electorate, lines);
  } else {
    const rollChain = new ChainBuilder(genesisHash('roll', voteJson));
    const roll: RollLine[] = input.roll.map((event) => readRollLine(JSON.parse(rollChain.append({ ...event })) as Record<string, unknown>));
    const boxChain = new ChainBuilder(genesisHash('box', voteJson));
    const sorted = [...input.box].sort((a, b) => (a.ballot < b.ballot ? -1 : a.ballot > b.ballot ? 1 : 0));
    const box: BoxEntry[] = sorted.map((b) => readBoxLine(JSON.parse(boxChain.append({ kind: 'ballot', ballot: b.ballot, choice: b.choice })) as Record<string, unknown>));
    files['roll.jsonl'] = rollChain.text;
    files['box.jsonl'] = boxChain.text;
    chains.roll = { lines: rollChain.length, head: rollChain.head };
    chains.box = { lines: boxChain.length, head: boxChain.head };
    count = countSecret(vote, input.electorate, roll, box);
  }
  const result: ResultFile = {
    format: RECOUNT_FORMAT,
    formatVersion: RECOUNT_FORMAT_VERSION,
    voteId: vote.voteId,
    chains,
    lines: count.lines,
    rejected: count.rejected,
    ignoredCheckIns: count.ignoredCheckIns,
    tally: summarizeTally(count.tally),
    explanation: count.tally.explanation,
  };
  files['result.json'] = prettyJson(result);
  return files;
}
