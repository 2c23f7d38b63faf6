import { canonicalJson } from '../hash-chain/canonical-json';
import type { ChainLine, ChainName } from '../hash-chain/chain';
import { genesisHash, verifyChain } from '../hash-chain/chain';
import { sha256Hex } from '../hash-chain/sha256';
import type { Electorate, VoterId } from '../tally/types';
import { TallyInputError } from '../tally/types';
import type { KitCount } from './count';
import { countNamed, countSecret, summarizeTally } from './count';
import type { BallotsLine, BoxEntry, ChainSummary, RollLine, VoteFile } from './format';
import { FormatError, readBallotsLine, readBoxLine, readElectorateFile, readResultEnvelope, readRollLine, readVoteFile } from './format';

/** The first thing in a recount folder that does not add up, named precisely. */
export interface Discrepancy {
  file: string;
  /** 1-based line of a .jsonl file, or null. */
  line: number | null;
  message: string;
}

export function describeDiscrepancy(d: Discrepancy): string {
  return d.line === null ? `${d.file}: ${d.message}` : `${d.file}, line ${d.line}: ${d.message}`;
}

export interface RecountReport {
  /** True when every check passed and result.json matches the recount exactly. */
  ok: boolean;
  discrepancy: Discrepancy | null;
  vote: VoteFile | null;
  /** The chains as found (lines and head), when they verified. */
  chains: Partial<Record<ChainName, ChainSummary>>;
  /** The recount's own result, when the files got that far (also when result.json disagrees). */
  count: KitCount | null;
}

/** A recount folder's files by name (vote.json, electorate.json, ballots.jsonl or roll.jsonl + box.jsonl, result.json). */
export type RecountFiles = Readonly<Record<string, string | undefined>>;

class Stop extends Error {
  constructor(readonly discrepancy: Discrepancy) {
    super(describeDiscrepancy(discrepancy));
  }
}

function stop(file: string, line: number | null, message: string): never {
  throw new Stop({ file, line, message });
}

function need(files: RecountFiles, name: string): string {
  const text = files[name];
  if (text === undefined) stop(name, null, 'the file is missing from the folder');
  return text;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    stop(file, null, `not valid JSON (${(error as Error).message})`);
  }
}

function read<T>(file: string, line: number | null, reader: () => T): T {
  try {
    return reader();
  } catch (error) {
    if (error instanceof FormatError) {
      stop(file, line, error.path === '' ? error.message : `"${error.path}" ${error.message}`);
    }
    throw error;
  }
}

function knownVoters(electorate: Electorate): Set<VoterId> {
  switch (electorate.kind) {
    case 'compound': {
      const known = new Set<VoterId>();
      for (const unit of electorate.units) for (const owner of unit.owners) known.add(owner);
      if (electorate.developerVoter !== null) known.add(electorate.developerVoter);
      return known;
    }
    case 'persons':
      return new Set([...electorate.persons.map((p) => p.id), ...electorate.representatives]);
    case 'list':
      return new Set(electorate.voters);
  }
}

function verified(files: RecountFiles, file: string, chain: ChainName, voteJson: unknown, chains: RecountReport['chains']): ChainLine[] {
  const result = verifyChain(need(files, file), genesisHash(chain, voteJson));
  if (!result.ok) stop(file, result.line, result.message);
  chains[chain] = { lines: result.lines.length, head: result.head };
  return result.lines;
}

function checkTime(file: string, line: number, at: string, vote: VoteFile, what: string): void {
  if (at < vote.opensAt) stop(file, line, `${what} at ${at}, before the vote opened at ${vote.opensAt}`);
  if (at > vote.closesAt) stop(file, line, `${what} at ${at}, after the vote closed at ${vote.closesAt}`);
}

function checkVoter(file: string, line: number, voter: VoterId, known: Set<VoterId>, what: string): void {
  if (!known.has(voter)) stop(file, line, `${what} from voter ${voter}, who is not in the electorate (electorate.json)`);
}

/**
 * Verifies a recount folder and recounts it from its files alone. Checks, in this order, and stops
 * at the first discrepancy: vote.json; electorate.json against the hash in vote.json; each chain
 * line by line (canonical form, sequence, hash of the previous line); each line's content (kind,
 * voter in the electorate, time within the voting period, ballot ids unique, a secret vote's roll
 * marked once per voter, its box in ballot-id order); then result.json: chain lengths and heads,
 * line counts, the tally field by field, and the rejected ballots.
 */
export function recount(files: RecountFiles): RecountReport {
  const report: RecountReport = { ok: false, discrepancy: null, vote: null, chains: {}, count: null };
  try {
    run(files, report);
    report.ok = true;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    report.discrepancy = error.discrepancy;
  }
  return report;
}

function run(files: RecountFiles, report: RecountReport): void {
  const voteJson = parseJson('vote.json', need(files, 'vote.json'));
  const vote = read('vote.json', null, () => readVoteFile(voteJson));
  report.vote = vote;

  const electorateJson = parseJson('electorate.json', need(files, 'electorate.json'));
  let electorateHash: string;
  try {
    electorateHash = sha256Hex(canonicalJson(electorateJson));
  } catch (error) {
    stop('electorate.json', null, `cannot be put in canonical form: ${(error as Error).message}`);
  }
  if (electorateHash !== vote.electorateSha256) {
    stop(
      'electorate.json',
      null,
      `its SHA-256 (canonical JSON) is ${electorateHash}, but vote.json binds the electorate ${vote.electorateSha256}: the electorate was changed after the vote opened`,
    );
  }
  const { electorate } = read('electorate.json', null, () => readElectorateFile(electorateJson));
  const known = knownVoters(electorate);

  let count: KitCount;
  try {
    if (vote.secrecy === 'named') {
      const lines = verified(files, 'ballots.jsonl', 'ballots', voteJson, report.chains);
      const entries: BallotsLine[] = [];
      const ballotIds = new Map<string, number>();
      for (const line of lines) {
        const entry = read('ballots.jsonl', line.number, () => readBallotsLine(line.entry));
        const what = entry.kind === 'cast' ? 'a ballot' : 'a check-in';
        checkVoter('ballots.jsonl', line.number, entry.voter, known, what);
        checkTime('ballots.jsonl', line.number, entry.at, vote, entry.kind === 'cast' ? 'cast' : 'checked in');
        if (entry.kind === 'cast') {
          const earlier = ballotIds.get(entry.ballot);
          if (earlier !== undefined) stop('ballots.jsonl', line.number, `ballot id ${entry.ballot} was already used on line ${earlier}`);
          ballotIds.set(entry.ballot, line.number);
        }
        entries.push(entry);
      }
      count = countNamed(vote, electorate, entries);
    } else {
      const rollLines = verified(files, 'roll.jsonl', 'roll', voteJson, report.chains);
      const roll: RollLine[] = [];
      const marked = new Map<VoterId, number>();
      for (const line of rollLines) {
        const entry = read('roll.jsonl', line.number, () => readRollLine(line.entry));
        checkVoter('roll.jsonl', line.number, entry.voter, known, entry.kind === 'mark' ? 'a roll mark' : 'a check-in');
        checkTime('roll.jsonl', line.number, entry.at, vote, entry.kind === 'mark' ? 'marked' : 'checked in');
        if (entry.kind === 'mark') {
          const earlier = marked.get(entry.voter);
          if (earlier !== undefined) {
            stop('roll.jsonl', line.number, `voter ${entry.voter} was already marked on line ${earlier}: a secret ballot, once cast, is final`);
          }
          marked.set(entry.voter, line.number);
        }
        roll.push(entry);
      }
      const boxLines = verified(files, 'box.jsonl', 'box', voteJson, report.chains);
      const box: BoxEntry[] = [];
      let previousId: string | null = null;
      for (const line of boxLines) {
        const entry = read('box.jsonl', line.number, () => readBoxLine(line.entry));
        if (previousId !== null && !(previousId < entry.ballot)) {
          stop(
            'box.jsonl',
            line.number,
            previousId === entry.ballot
              ? `ballot id ${entry.ballot} appears twice`
              : `ballot ${entry.ballot} is out of order: the box is sorted by ballot id, so that its order cannot link a ballot to a voter`,
          );
        }
        previousId = entry.ballot;
        box.push(entry);
      }
      count = countSecret(vote, electorate, roll, box);
    }
  } catch (error) {
    if (error instanceof TallyInputError) stop('electorate.json', null, error.message);
    throw error;
  }
  report.count = count;

  const resultJson = parseJson('result.json', need(files, 'result.json'));
  const result = read('result.json', null, () => readResultEnvelope(resultJson));
  if (result.voteId !== vote.voteId) stop('result.json', null, `"voteId" is ${JSON.stringify(result.voteId)}, but vote.json is vote ${vote.voteId}`);

  const chainFiles: Record<ChainName, string> = { ballots: 'ballots.jsonl', roll: 'roll.jsonl', box: 'box.jsonl' };
  const published = (typeof result.chains === 'object' && result.chains !== null ? result.chains : {}) as Record<string, unknown>;
  for (const [name, found] of Object.entries(report.chains) as [ChainName, ChainSummary][]) {
    const claim = published[name] as Partial<ChainSummary> | undefined;
    const file = chainFiles[name];
    if (!claim || typeof claim !== 'object') stop('result.json', null, `"chains.${name}" is missing`);
    if (claim.lines !== found.lines) {
      const lines = typeof claim.lines === 'number' ? claim.lines : NaN;
      stop(
        file,
        lines > found.lines ? found.lines + 1 : null,
        lines > found.lines
          ? `missing: result.json says the chain has ${lines} lines, but ${file} has ${found.lines}, so ${lines - found.lines === 1 ? 'its last line was' : `its last ${lines - found.lines} lines were`} removed`
          : `has ${found.lines} lines, but result.json says the chain has ${JSON.stringify(claim.lines)}`,
      );
    }
    if (claim.head !== found.head) {
      stop(
        file,
        found.lines === 0 ? null : found.lines,
        `the chain head (SHA-256 of the last line) is ${found.head}, but result.json publishes ${JSON.stringify(claim.head)}: the last line was changed (or result.json's head); compare with the head published with the result`,
      );
    }
  }
  for (const name of Object.keys(published)) {
    if (!(name in report.chains)) stop('result.json', null, `"chains.${name}" names a chain this ${vote.secrecy} vote does not have`);
  }

  const expected: Record<string, unknown> = {
    lines: count.lines,
    tally: summarizeTally(count.tally),
    rejected: count.rejected,
    ignoredCheckIns: count.ignoredCheckIns,
  };
  for (const [key, value] of Object.entries(expected)) {
    const difference = firstDifference(value, result[key], key);
    if (difference) stop('result.json', null, difference);
  }
}

function label(item: unknown, index: number): string {
  if (typeof item === 'object' && item !== null) {
    const obj = item as Record<string, unknown>;
    if (typeof obj.id === 'string') return `[${obj.id}]`;
    if (typeof obj.option === 'string') return `[${obj.option}]`;
    if (typeof obj.line === 'number') return `[line ${obj.line}]`;
  }
  return `[${index}]`;
}

/** The first place where `actual` (from result.json) differs from `expected` (the recount), in words. */
export function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `"${path}" is ${JSON.stringify(actual)}, but the recount gives a list`;
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const found = firstDifference(expected[i], actual[i], `${path}${label(expected[i], i)}`);
      if (found) return found;
    }
    if (expected.length !== actual.length) {
      return `"${path}" has ${actual.length} entries, but the recount gives ${expected.length}${
        expected.length > actual.length ? ` (first missing: ${JSON.stringify(expected[actual.length])})` : ` (first extra: ${JSON.stringify(actual[expected.length])})`
      }`;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return `"${path}" is ${JSON.stringify(actual)}, but the recount gives an object`;
    }
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    for (const key of Object.keys(exp)) {
      if (!(key in act)) return `"${path}.${key}" is missing; the recount gives ${JSON.stringify(exp[key])}`;
      const found = firstDifference(exp[key], act[key], `${path}.${key}`);
      if (found) return found;
    }
    for (const key of Object.keys(act)) {
      if (!(key in exp)) return `"${path}.${key}" is not part of the format`;
    }
    return null;
  }
  if (expected !== actual) {
    return `"${path}" is ${JSON.stringify(actual)}, but the ballots give ${JSON.stringify(expected)}`;
  }
  return null;
}
