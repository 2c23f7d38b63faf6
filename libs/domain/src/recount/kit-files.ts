import type { JsonTextCode } from '../hash-chain/strict-json';
import { decodeKitText, jsonLines, JsonTextError, parseStrictJson } from '../hash-chain/strict-json';
import type { Electorate, VoterId } from '../tally/types';

/**
 * A recount folder's files by name (vote.json, electorate.json, ballots.jsonl or roll.jsonl +
 * box.jsonl, result.json): their exact bytes, or text already decoded from UTF-8.
 */
export type RecountFiles = Readonly<Record<string, string | Uint8Array | undefined>>;

/** The problems of a file's bytes and layout, the same in every version of the format. */
export type FileProblemCode = 'missing-file' | 'carriage-return' | 'no-final-line-feed' | 'json-layout' | JsonTextCode;

/** How a version's verifier stops at a problem (it throws: the recount ends at the first discrepancy). */
export type StopAt = (code: FileProblemCode, file: string, line: number | null, message: string, path?: string | null) => never;

/** A kit file's text, from its bytes read strictly (§3): UTF-8, no byte order mark. */
export function readKitText(files: RecountFiles, name: string, stop: StopAt): string {
  const content = files[name];
  if (content === undefined) stop('missing-file', name, null, 'the file is missing from the folder');
  try {
    return decodeKitText(content);
  } catch (error) {
    if (error instanceof JsonTextError) stop(error.code, name, error.line, error.message);
    throw error;
  }
}

/** A .json file of the kit, read strictly; `lines` (the line of each key) is worked out when a problem needs naming. */
export interface KitJson {
  name: string;
  text: string;
  value: unknown;
  lines: Map<string, number> | null;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 90 ? `${chars.slice(0, 87).join('')}...` : text;
}

/**
 * Reads a .json file of the kit byte for byte (§3): UTF-8 without BOM, LF only, strict JSON (no key
 * twice at any depth, integers only, well-formed strings), and exactly the layout the platform
 * writes — `JSON.stringify(value, null, 2)` plus one LF, members in the file's own order — so that
 * nothing a lenient reader would pass over (spaces, escapes, number forms, a second copy of a key)
 * can differ between what a person reads and what is hashed and counted.
 */
export function readKitJson(files: RecountFiles, name: string, stop: StopAt): KitJson {
  const text = readKitText(files, name, stop);
  const cr = text.indexOf('\r');
  if (cr >= 0) {
    const line = text.slice(0, cr).split('\n').length;
    stop('carriage-return', name, line, text[cr + 1] === '\n' ? 'the line ends with CR LF (as Windows writes); the format has LF line ends only' : 'a carriage return (CR) inside the line; the format has LF line ends only');
  }
  let parsed;
  try {
    parsed = parseStrictJson(text, { finalLineFeed: true });
  } catch (error) {
    if (error instanceof JsonTextError) stop(error.code, name, error.line, error.code === 'json-syntax' ? `not valid JSON: ${error.message}` : error.message, error.path);
    throw error;
  }
  if (!text.endsWith('\n')) stop('no-final-line-feed', name, null, 'the file does not end with a line feed (LF)');
  if (parsed.layoutDiffersAt !== null) {
    const line = text.slice(0, parsed.layoutDiffersAt).split('\n').length;
    // The expected line as JSON.stringify writes the value (the same as the file's member order for
    // every key of the format: none looks like an array index, which JavaScript would put first).
    const want = `${JSON.stringify(parsed.value, null, 2)}\n`.split('\n')[line - 1];
    const found = text.split('\n', line)[line - 1];
    const what = (l: string | undefined) => (l === undefined ? 'the end of the file' : JSON.stringify(shorten(l)));
    stop(
      'json-layout',
      name,
      line,
      `the file is not laid out as the platform writes it (two-space indentation, one member or item per line, ": " after a key, characters as themselves rather than escaped, one LF at the end): expected ${what(want)}, found ${what(found)}`,
    );
  }
  return { name, text, value: parsed.value, lines: null };
}

/** The line of a key of a .json file (or of the nearest key above it that has one). */
export function lineOfPath(file: KitJson, path: string): number | null {
  file.lines ??= jsonLines(file.text);
  let p = path;
  for (;;) {
    const line = file.lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return null;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut < 0 ? '' : p.slice(0, cut);
  }
}

/** Everyone who may have a line in the chains: the electorate's owners (and the developer), persons and representatives, or listed voters. */
export function knownVoters(electorate: Electorate): Set<VoterId> {
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

type LineStop = (code: 'outside-voting-period' | 'voter-not-in-electorate', file: string, line: number | null, message: string, path?: string | null) => never;

/** A chain line's time lies within the voting period of vote.json. */
export function checkTime(stop: LineStop, file: string, line: number, at: string, vote: { opensAt: string; closesAt: string }, what: string): void {
  if (at < vote.opensAt) stop('outside-voting-period', file, line, `${what} at ${at}, before the vote opened at ${vote.opensAt}`, 'at');
  if (at > vote.closesAt) stop('outside-voting-period', file, line, `${what} at ${at}, after the vote closed at ${vote.closesAt}`, 'at');
}

/** A chain line's voter is in the electorate. */
export function checkVoter(stop: LineStop, file: string, line: number, voter: VoterId, known: Set<VoterId>, what: string): void {
  if (!known.has(voter)) stop('voter-not-in-electorate', file, line, `${what} from voter ${voter}, who is not in the electorate (electorate.json)`, 'voter');
}
