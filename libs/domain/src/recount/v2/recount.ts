import type { ChainLine, ChainName } from '../../hash-chain/chain';
import type { VoterId } from '../../tally/types';
import type { RecountFiles } from '../kit-files';
import type { KitJson } from '../kit-files';
import { checkTime, checkVoter, knownVoters, lineOfPath, readKitJson, readKitText } from '../kit-files';
import type { RollLine } from '../format';
import { canonicalJson } from '../../hash-chain/canonical-json';
import { FormatError, readElectorateFile, readRollLine } from '../format';
import { sha256Hex } from '../../hash-chain/sha256';
import { TallyInputError } from '../../tally/types';
import { verifyChain } from '../../hash-chain/chain';
import type { AssemblyBallotsLine, AssemblyBoxEntry, AssemblyDiscrepancyCode, AssemblyVoteFile } from './format';
import { KitFormatError, readAssemblyBallotsLine, readAssemblyBoxLine, readAssemblyResultEnvelope, readAssemblyVoteFile } from './format';
import type { AssemblyCount } from './kit';
import { assemblyGenesisHash, countAssemblyNamed, countAssemblySecret, matterSummary } from './kit';

/**
 * Verifies a version 2 kit and recounts it from its files alone, with every check of version 1
 * (docs/recount-format.md §8.1) in the same order, and those of a ballot with several matters: a
 * mark for every matter on the ballot and for no other, of the matter's kind, an election's choices
 * on its candidate list, each once, no more than its seats. Then result.json, matter by matter: the
 * report says of EACH matter whether its published result agrees with the recount, and stops, as
 * version 1 does, at the first discrepancy in the order of the files.
 */

export interface AssemblyDiscrepancy {
  code: AssemblyDiscrepancyCode;
  file: string;
  line: number | null;
  path: string | null;
  message: string;
}

/** Where a matter's published result stands against the recount. */
export type MatterCheck = { status: 'agrees'; difference: null } | { status: 'differs'; difference: Difference } | { status: 'not-compared'; difference: null };

export interface AssemblyRecountReport {
  formatVersion: 2;
  ok: boolean;
  discrepancy: AssemblyDiscrepancy | null;
  vote: AssemblyVoteFile | null;
  chains: Partial<Record<ChainName, { lines: number; head: string }>>;
  count: AssemblyCount | null;
  /** One per matter of vote.json, in its order (empty until vote.json is read). */
  matterChecks: MatterCheck[];
}

class Stop extends Error {
  constructor(readonly discrepancy: AssemblyDiscrepancy) {
    super(discrepancy.message);
  }
}

function stop(code: AssemblyDiscrepancyCode, file: string, line: number | null, message: string, path: string | null = null): never {
  throw new Stop({ code, file, line, path, message });
}

// --- Reading files strictly (§3), exactly as version 1 does ------------------------------------

const readText = (files: RecountFiles, name: string): string => readKitText(files, name, stop);

/** A .json file of the kit, read byte for byte in the platform's exact layout (kit-files.ts, §3). */
const readJsonFile = (files: RecountFiles, name: string): KitJson => readKitJson(files, name, stop);

/** Runs a reader; its format error becomes the discrepancy, at the line of the key (a .json file) or of the chain line. */
function read<T>(file: string, line: number | null, reader: () => T, json?: KitJson): T {
  try {
    return reader();
  } catch (error) {
    if (error instanceof FormatError || error instanceof KitFormatError) {
      const path = error.path === '' ? null : error.path;
      stop(error.code, file, json ? lineOfPath(json, error.path) : line, path === null ? error.message : `"${path}" ${error.message}`, path);
    }
    throw error;
  }
}

function verified(files: RecountFiles, file: string, chain: ChainName, voteJson: unknown, chains: AssemblyRecountReport['chains']): ChainLine[] {
  const result = verifyChain(readText(files, file), assemblyGenesisHash(chain, voteJson));
  if (!result.ok) stop(result.code, file, result.line, result.message, result.path);
  chains[chain] = { lines: result.lines.length, head: result.head };
  return result.lines;
}

// --- The recount ---------------------------------------------------------------------------------

export function recountAssembly(files: RecountFiles): AssemblyRecountReport {
  const report: AssemblyRecountReport = { formatVersion: 2, ok: false, discrepancy: null, vote: null, chains: {}, count: null, matterChecks: [] };
  try {
    run(files, report);
    report.ok = true;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    report.discrepancy = error.discrepancy;
  }
  return report;
}

function run(files: RecountFiles, report: AssemblyRecountReport): void {
  const voteFile = readJsonFile(files, 'vote.json');
  const voteJson = voteFile.value;
  const vote = read('vote.json', null, () => readAssemblyVoteFile(voteJson), voteFile);
  report.vote = vote;
  report.matterChecks = vote.matters.map(() => ({ status: 'not-compared', difference: null }));

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
  const { snapshotAt, electorate } = read('electorate.json', null, () => readElectorateFile(electorateFile.value), electorateFile);
  if (snapshotAt > vote.opensAt) {
    stop(
      'snapshot-after-opening',
      'electorate.json',
      lineOfPath(electorateFile, 'snapshotAt'),
      `"snapshotAt" is ${snapshotAt}, after the vote opened at ${vote.opensAt} (vote.json): the electorate is frozen when voting opens, not later`,
      'snapshotAt',
    );
  }
  const known = knownVoters(electorate);

  let count: AssemblyCount;
  try {
    if (vote.secrecy === 'named') {
      const entries: AssemblyBallotsLine[] = [];
      const ballotIds = new Map<string, number>();
      for (const line of verified(files, 'ballots.jsonl', 'ballots', voteJson, report.chains)) {
        const entry = read('ballots.jsonl', line.number, () => readAssemblyBallotsLine(line.entry, vote));
        checkVoter(stop, 'ballots.jsonl', line.number, entry.voter, known, entry.kind === 'cast' ? 'a ballot' : 'a check-in');
        checkTime(stop, 'ballots.jsonl', line.number, entry.at, vote, entry.kind === 'cast' ? 'cast' : 'checked in');
        if (entry.kind === 'cast') {
          const earlier = ballotIds.get(entry.ballot);
          if (earlier !== undefined) stop('duplicate-ballot-id', 'ballots.jsonl', line.number, `ballot id ${entry.ballot} was already used on line ${earlier}`, 'ballot');
          ballotIds.set(entry.ballot, line.number);
        }
        entries.push(entry);
      }
      count = countAssemblyNamed(vote, electorate, entries);
    } else {
      const roll: RollLine[] = [];
      const marked = new Map<VoterId, number>();
      for (const line of verified(files, 'roll.jsonl', 'roll', voteJson, report.chains)) {
        const entry = read('roll.jsonl', line.number, () => readRollLine(line.entry));
        checkVoter(stop, 'roll.jsonl', line.number, entry.voter, known, entry.kind === 'mark' ? 'a roll mark' : 'a check-in');
        checkTime(stop, 'roll.jsonl', line.number, entry.at, vote, entry.kind === 'mark' ? 'marked' : 'checked in');
        if (entry.kind === 'mark') {
          const earlier = marked.get(entry.voter);
          if (earlier !== undefined) stop('marked-twice', 'roll.jsonl', line.number, `voter ${entry.voter} was already marked on line ${earlier}: a secret ballot, once cast, is final`, 'voter');
          marked.set(entry.voter, line.number);
        }
        roll.push(entry);
      }
      const box: AssemblyBoxEntry[] = [];
      let previousId: string | null = null;
      for (const line of verified(files, 'box.jsonl', 'box', voteJson, report.chains)) {
        const entry = read('box.jsonl', line.number, () => readAssemblyBoxLine(line.entry, vote));
        if (previousId !== null && !(previousId < entry.ballot)) {
          stop(
            previousId === entry.ballot ? 'duplicate-ballot-id' : 'box-order',
            'box.jsonl',
            line.number,
            previousId === entry.ballot ? `ballot id ${entry.ballot} appears twice` : `ballot ${entry.ballot} is out of order: the box is sorted by ballot id, so that its order cannot link a ballot to a voter`,
            'ballot',
          );
        }
        previousId = entry.ballot;
        box.push(entry);
      }
      count = countAssemblySecret(vote, electorate, roll, box);
    }
  } catch (error) {
    if (error instanceof TallyInputError) stop('electorate-inconsistent', 'electorate.json', null, error.message);
    throw error;
  }
  report.count = count;

  const resultFile = readJsonFile(files, 'result.json');
  const result = read('result.json', null, () => readAssemblyResultEnvelope(resultFile.value), resultFile);
  const at = (path: string) => lineOfPath(resultFile, path);

  // Each matter's published result against the recount — all of them, so that the report can say
  // of every matter whether it agrees, whatever else is wrong in the file.
  const published = result.matters as Record<string, unknown>[];
  const differences = count.matters.map((m, i) => {
    if (i >= published.length) return null;
    const { explanation: _words, ...claim } = published[i]!;
    return firstDifference(matterSummary(m), claim, `matters[${i}]`, `matters[${m.matter}]`);
  });
  report.matterChecks = count.matters.map((_m, i) =>
    i >= published.length ? { status: 'not-compared', difference: null } : differences[i] ? { status: 'differs', difference: differences[i] } : { status: 'agrees', difference: null },
  );

  if (result.voteId !== vote.voteId) stop('vote-id-mismatch', 'result.json', at('voteId'), `"voteId" is ${JSON.stringify(result.voteId)}, but vote.json is vote ${vote.voteId}`, 'voteId');

  const chainFiles: Record<ChainName, string> = { ballots: 'ballots.jsonl', roll: 'roll.jsonl', box: 'box.jsonl' };
  const claimed = result.chains as Partial<Record<ChainName, { lines: number; head: string }>>;
  for (const [name, found] of Object.entries(report.chains) as [ChainName, { lines: number; head: string }][]) {
    const claim = claimed[name];
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
  for (const name of Object.keys(claimed)) {
    if (!(name in report.chains)) stop('unknown-field', 'result.json', at(`chains.${name}`), `"chains.${name}" names a chain this ${vote.secrecy} vote does not have`, `chains.${name}`);
  }

  const lines = firstDifference(count.lines, result.lines, 'lines');
  if (lines) stop(lines.code, 'result.json', at(lines.path), lines.message, lines.path);
  if (published.length !== count.matters.length) {
    const extra = published.length > count.matters.length;
    stop(
      'result-mismatch',
      'result.json',
      at(extra ? `matters[${count.matters.length}]` : 'matters'),
      `"matters" has ${published.length} entries, but the ballot has ${count.matters.length} matters (${vote.matters.map((m) => m.id).join(', ')})`,
      'matters',
    );
  }
  const first = differences.find((d) => d !== null);
  if (first) stop(first.code, 'result.json', at(first.path), first.message, first.path);
}

// --- Comparing result.json with the recount ------------------------------------------------------

function label(item: unknown, index: number): string {
  if (typeof item === 'object' && item !== null) {
    const obj = item as Record<string, unknown>;
    for (const key of ['matter', 'candidate', 'id', 'option']) if (typeof obj[key] === 'string') return `[${obj[key]}]`;
    if (typeof obj.line === 'number') return `[line ${obj.line}]`;
  }
  return `[${index}]`;
}

export interface Difference {
  code: 'result-mismatch' | 'missing-field' | 'unknown-field';
  /** The JSON path in the file, with plain indexes (`matters[2].election.elected[4]`). */
  path: string;
  /** Names array items by matter, candidate, id, option or line (`matters[committee].election.candidates[c3]`). */
  message: string;
}

/** The first place where `actual` (result.json) differs from `expected` (the recount), as version 1 compares. */
export function firstDifference(expected: unknown, actual: unknown, path: string, shown = path): Difference | null {
  const differ = (message: string): Difference => ({ code: 'result-mismatch', path, message });
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ(`"${shown}" is ${JSON.stringify(actual)}, but the recount gives a list`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const found = firstDifference(expected[i], actual[i], `${path}[${i}]`, `${shown}${label(expected[i], i)}`);
      if (found) return found;
    }
    if (expected.length !== actual.length) {
      return differ(
        `"${shown}" has ${actual.length} entries, but the recount gives ${expected.length}${
          expected.length > actual.length ? ` (first missing: ${JSON.stringify(expected[actual.length])})` : ` (first extra: ${JSON.stringify(actual[expected.length])})`
        }`,
      );
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return differ(`"${shown}" is ${JSON.stringify(actual)}, but the recount gives an object`);
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    for (const key of Object.keys(exp)) {
      if (!Object.hasOwn(act, key)) return { code: 'missing-field', path: `${path}.${key}`, message: `"${shown}.${key}" is missing; the recount gives ${JSON.stringify(exp[key])}` };
      const found = firstDifference(exp[key], act[key], `${path}.${key}`, `${shown}.${key}`);
      if (found) return found;
    }
    for (const key of Object.keys(act)) {
      if (!Object.hasOwn(exp, key)) return { code: 'unknown-field', path: `${path}.${key}`, message: `"${shown}.${key}" is not part of the format` };
    }
    return null;
  }
  if (expected !== actual) return differ(`"${shown}" is ${JSON.stringify(actual)}, but the ballots give ${JSON.stringify(expected)}`);
  return null;
}
