import { canonicalJson } from '../hash-chain/canonical-json';
import type { ChainLine, ChainName } from '../hash-chain/chain';
import { genesisHash, verifyChain } from '../hash-chain/chain';
import { sha256Hex } from '../hash-chain/sha256';
import type { DiscrepancyCode } from './codes';
import type { RecountFiles } from './kit-files';
import type { KitJson } from './kit-files';
import { checkTime, checkVoter, knownVoters, lineOfPath, readKitJson, readKitText } from './kit-files';
import type { VoterId } from '../tally/types';
import { TallyInputError } from '../tally/types';
import type { KitCount } from './count';
import { countNamed, countSecret, summarizeTally } from './count';
import type { BallotsLine, BoxEntry, ChainSummary, RollLine, VoteFile } from './format';
import { FormatError, readBallotsLine, readBoxLine, readElectorateFile, readResultEnvelope, readRollLine, readVoteFile } from './format';

/** The first thing in a recount folder that does not add up, named precisely. */
export interface Discrepancy {
  /** Stable reason code (docs/recount-format.md §8.2). */
  code: DiscrepancyCode;
  file: string;
  /** 1-based line of the file (a .jsonl line, or where the key concerned is in a .json file), or null. */
  line: number | null;
  /** The JSON path of the key concerned (`tally.figures.approve.area`, `electorate.units[0].area`), or null. */
  path: string | null;
  message: string;
}

export function describeDiscrepancy(d: Pick<Discrepancy, 'file' | 'line' | 'message'>): string {
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

export type { RecountFiles } from './kit-files';

class Stop extends Error {
  constructor(readonly discrepancy: Discrepancy) {
    super(describeDiscrepancy(discrepancy));
  }
}

function stop(code: DiscrepancyCode, file: string, line: number | null, message: string, path: string | null = null): never {
  throw new Stop({ code, file, line, path, message });
}

/** A kit file's text, from its bytes read strictly (§3): UTF-8, no byte order mark. */
const readText = (files: RecountFiles, name: string): string => readKitText(files, name, stop);

/** A .json file of the kit, read byte for byte in the platform's exact layout (kit-files.ts, §3). */
const readJsonFile = (files: RecountFiles, name: string): KitJson => readKitJson(files, name, stop);

function read<T>(file: string, line: number | null, reader: () => T, json?: KitJson): T {
  try {
    return reader();
  } catch (error) {
    if (error instanceof FormatError) {
      const path = error.path === '' ? null : error.path;
      stop(error.code, file, json ? lineOfPath(json, error.path) : line, path === null ? error.message : `"${path}" ${error.message}`, path);
    }
    throw error;
  }
}

function verified(files: RecountFiles, file: string, chain: ChainName, voteJson: unknown, chains: RecountReport['chains']): ChainLine[] {
  const result = verifyChain(readText(files, file), genesisHash(chain, voteJson));
  if (!result.ok) stop(result.code, file, result.line, result.message, result.path);
  chains[chain] = { lines: result.lines.length, head: result.head };
  return result.lines;
}

/**
 * Verifies a recount folder and recounts it from its files alone. Checks, in this order, and stops
 * at the first discrepancy (docs/recount-format.md §8): vote.json, read strictly; electorate.json,
 * read strictly, against the hash in vote.json; each chain line by line (UTF-8, LF, strict and
 * canonical JSON, sequence, hash of the previous line); each line's content (kind, voter in the
 * electorate, time within the voting period, ballot ids unique, a secret vote's roll marked once
 * per voter, its box in ballot-id order); then result.json, read strictly: chain lengths and
 * heads, line counts, the tally field by field, and the rejected ballots.
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
  const voteFile = readJsonFile(files, 'vote.json');
  const voteJson = voteFile.value;
  const vote = read('vote.json', null, () => readVoteFile(voteJson), voteFile);
  report.vote = vote;

  const electorateFile = readJsonFile(files, 'electorate.json');
  const electorateHash = sha256Hex(canonicalJson(electorateFile.value));
  if (electorateHash !== vote.electorateSha256) {
    stop(
      'electorate-hash',
      'electorate.json',
      null,
      `its SHA-256 (canonical JSON) is ${electorateHash}, but vote.json binds the electorate ${vote.electorateSha256}: the electorate was changed after the vote opened`,
    );
  }
  const { electorate } = read('electorate.json', null, () => readElectorateFile(electorateFile.value, vote), electorateFile);
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
        checkVoter(stop, 'ballots.jsonl', line.number, entry.voter, known, what);
        checkTime(stop, 'ballots.jsonl', line.number, entry.at, vote, entry.kind === 'cast' ? 'cast' : 'checked in');
        if (entry.kind === 'cast') {
          const earlier = ballotIds.get(entry.ballot);
          if (earlier !== undefined) stop('duplicate-ballot-id', 'ballots.jsonl', line.number, `ballot id ${entry.ballot} was already used on line ${earlier}`, 'ballot');
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
        checkVoter(stop, 'roll.jsonl', line.number, entry.voter, known, entry.kind === 'mark' ? 'a roll mark' : 'a check-in');
        checkTime(stop, 'roll.jsonl', line.number, entry.at, vote, entry.kind === 'mark' ? 'marked' : 'checked in');
        if (entry.kind === 'mark') {
          const earlier = marked.get(entry.voter);
          if (earlier !== undefined) {
            stop('marked-twice', 'roll.jsonl', line.number, `voter ${entry.voter} was already marked on line ${earlier}: a secret ballot, once cast, is final`, 'voter');
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
            previousId === entry.ballot ? 'duplicate-ballot-id' : 'box-order',
            'box.jsonl',
            line.number,
            previousId === entry.ballot
              ? `ballot id ${entry.ballot} appears twice`
              : `ballot ${entry.ballot} is out of order: the box is sorted by ballot id, so that its order cannot link a ballot to a voter`,
            'ballot',
          );
        }
        previousId = entry.ballot;
        box.push(entry);
      }
      count = countSecret(vote, electorate, roll, box);
    }
  } catch (error) {
    if (error instanceof TallyInputError) stop('electorate-inconsistent', 'electorate.json', null, error.message);
    throw error;
  }
  report.count = count;

  const resultFile = readJsonFile(files, 'result.json');
  const result = read('result.json', null, () => readResultEnvelope(resultFile.value), resultFile);
  const at = (path: string) => lineOfPath(resultFile, path);
  if (result.voteId !== vote.voteId) stop('vote-id-mismatch', 'result.json', at('voteId'), `"voteId" is ${JSON.stringify(result.voteId)}, but vote.json is vote ${vote.voteId}`, 'voteId');

  const chainFiles: Record<ChainName, string> = { ballots: 'ballots.jsonl', roll: 'roll.jsonl', box: 'box.jsonl' };
  const published = result.chains as Partial<Record<ChainName, ChainSummary>>;
  for (const [name, found] of Object.entries(report.chains) as [ChainName, ChainSummary][]) {
    const claim = published[name];
    const file = chainFiles[name];
    if (!claim) stop('missing-field', 'result.json', at('chains'), `"chains.${name}" is missing`, `chains.${name}`);
    if (claim.lines !== found.lines) {
      const removed = claim.lines > found.lines;
      stop(
        'chain-length',
        file,
        removed ? found.lines + 1 : null,
        removed
          ? `missing: result.json says the chain has ${claim.lines} lines, but ${file} has ${found.lines}, so ${claim.lines - found.lines === 1 ? 'its last line was' : `its last ${claim.lines - found.lines} lines were`} removed`
          : `has ${found.lines} lines, but result.json says the chain has ${claim.lines}`,
      );
    }
    if (claim.head !== found.head) {
      stop(
        'chain-head',
        file,
        found.lines === 0 ? null : found.lines,
        `the chain head (SHA-256 of the last line) is ${found.head}, but result.json publishes ${JSON.stringify(claim.head)}: the last line was changed (or result.json's head); compare with the head published with the result`,
      );
    }
  }
  for (const name of Object.keys(published)) {
    if (!(name in report.chains)) stop('unknown-field', 'result.json', at(`chains.${name}`), `"chains.${name}" names a chain this ${vote.secrecy} vote does not have`, `chains.${name}`);
  }

  const expected: Record<string, unknown> = {
    lines: count.lines,
    tally: summarizeTally(count.tally),
    rejected: count.rejected,
    ignoredCheckIns: count.ignoredCheckIns,
  };
  for (const [key, value] of Object.entries(expected)) {
    const difference = firstDifference(value, result[key], key);
    if (difference) stop(difference.code, 'result.json', at(difference.path), difference.message, difference.path);
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

/** Where result.json differs from the recount: the code, the JSON path (with array indexes) and the words. */
export interface Difference {
  code: 'result-mismatch' | 'missing-field' | 'unknown-field';
  path: string;
  message: string;
}

/**
 * The first place where `actual` (from result.json) differs from `expected` (the recount). The
 * message names array items by id, option or line (`tally.conditions[approval-area]`); `path`
 * has the plain indexes (`tally.conditions[2]`) of the file.
 */
export function firstDifference(expected: unknown, actual: unknown, path: string, shown = path): Difference | null {
  const differ = (code: Difference['code'], message: string): Difference => ({ code, path, message });
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ('result-mismatch', `"${shown}" is ${JSON.stringify(actual)}, but the recount gives a list`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const found = firstDifference(expected[i], actual[i], `${path}[${i}]`, `${shown}${label(expected[i], i)}`);
      if (found) return found;
    }
    if (expected.length !== actual.length) {
      return differ(
        'result-mismatch',
        `"${shown}" has ${actual.length} entries, but the recount gives ${expected.length}${
          expected.length > actual.length ? ` (first missing: ${JSON.stringify(expected[actual.length])})` : ` (first extra: ${JSON.stringify(actual[expected.length])})`
        }`,
      );
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return differ('result-mismatch', `"${shown}" is ${JSON.stringify(actual)}, but the recount gives an object`);
    }
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    for (const key of Object.keys(exp)) {
      if (!Object.prototype.hasOwnProperty.call(act, key)) {
        return { code: 'missing-field', path: `${path}.${key}`, message: `"${shown}.${key}" is missing; the recount gives ${JSON.stringify(exp[key])}` };
      }
      const found = firstDifference(exp[key], act[key], `${path}.${key}`, `${shown}.${key}`);
      if (found) return found;
    }
    for (const key of Object.keys(act)) {
      if (!Object.prototype.hasOwnProperty.call(exp, key)) return { code: 'unknown-field', path: `${path}.${key}`, message: `"${shown}.${key}" is not part of the format` };
    }
    return null;
  }
  if (expected !== actual) {
    return differ('result-mismatch', `"${shown}" is ${JSON.stringify(actual)}, but the ballots give ${JSON.stringify(expected)}`);
  }
  return null;
}
