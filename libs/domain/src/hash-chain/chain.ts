import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';
import { JsonTextError, parseStrictJson } from './strict-json';

/**
 * A hash chain of JSON lines (the format is in docs/recount-format.md):
 * - every line is one JSON object in canonical form (see `canonicalJson`), ended by one LF;
 * - every line has `seq` (1, 2, 3, … in order) and `prev`: for line 1 the chain's genesis hash,
 *   for line n > 1 the SHA-256 (hex) of the exact UTF-8 bytes of line n − 1, without its LF;
 * - the chain's head is the SHA-256 of the last line (the genesis hash when there is no line).
 * Changing, removing, inserting or reordering any line breaks the next line's `prev` (or `seq`);
 * changing the last line changes the head, which is published with the result.
 */

export const RECOUNT_FORMAT_TAG = 'yishi-recount/1';

export const CHAIN_NAMES = ['ballots', 'roll', 'box'] as const;
export type ChainName = (typeof CHAIN_NAMES)[number];

/**
 * The genesis hash of a vote's chain: SHA-256 of the UTF-8 bytes of
 * `yishi-recount/1 <chain name>` + LF + the canonical JSON of vote.json. It binds every chain to
 * the vote (and, through vote.json's `electorateSha256`, to the frozen electorate).
 */
export function genesisHash(chain: ChainName, vote: unknown): string {
  return sha256Hex(`${RECOUNT_FORMAT_TAG} ${chain}\n${canonicalJson(vote)}`);
}

/** The hash of one line: SHA-256 of its exact UTF-8 bytes, without the line feed. */
export function lineHash(line: string): string {
  return sha256Hex(line);
}

export type ChainEntry = Record<string, unknown>;

/** Appends entries to a chain, as the platform's sealer does; `text` is the file content so far. */
export class ChainBuilder {
  private readonly lines: string[] = [];
  private headHash: string;

  constructor(readonly genesis: string) {
    this.headHash = genesis;
  }

  /** Seals one entry (without `seq` and `prev`) and returns its line (without LF). */
  append(entry: ChainEntry): string {
    if ('seq' in entry || 'prev' in entry) {
      throw new TypeError('The chain sets seq and prev itself');
    }
    const line = canonicalJson({ ...entry, seq: this.lines.length + 1, prev: this.headHash });
    this.lines.push(line);
    this.headHash = lineHash(line);
    return line;
  }

  get head(): string {
    return this.headHash;
  }

  get length(): number {
    return this.lines.length;
  }

  get text(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
}

export interface ChainLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  entry: ChainEntry;
}

/** Why a chain does not verify: a stable code (docs/recount-format.md §8.2). */
export type ChainProblemCode =
  | 'byte-order-mark'
  | 'no-final-line-feed'
  | 'carriage-return'
  | 'json-syntax'
  | 'duplicate-key'
  | 'number-not-integer'
  | 'ill-formed-string'
  | 'invalid-value'
  | 'not-canonical'
  | 'sequence'
  | 'genesis-mismatch'
  | 'prev-mismatch';

export type ChainVerification =
  | { ok: true; lines: ChainLine[]; head: string }
  | { ok: false; code: ChainProblemCode; line: number | null; path: string | null; message: string };

const HEX64 = /^[0-9a-f]{64}$/;

function problem(code: ChainProblemCode, line: number | null, message: string, path: string | null = null): ChainVerification {
  return { ok: false, code, line, path, message };
}

/**
 * Verifies a chain file's text against its genesis hash. Returns the parsed lines and the head, or
 * the FIRST problem with its code and line number. Each line is read strictly (a key twice is
 * refused as such) and must be exactly its canonical form.
 */
export function verifyChain(text: string, genesis: string): ChainVerification {
  if (text.length === 0) {
    return { ok: true, lines: [], head: genesis };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return problem('byte-order-mark', 1, 'the file starts with a byte order mark; the format has none');
  }
  if (!text.endsWith('\n')) {
    return problem('no-final-line-feed', null, 'the file does not end with a line feed: its last line may have been cut');
  }
  const rawLines = text.slice(0, -1).split('\n');
  const lines: ChainLine[] = [];
  let previous = genesis;
  for (const [i, raw] of rawLines.entries()) {
    const number = i + 1;
    if (raw.includes('\r')) {
      return problem('carriage-return', number, raw.endsWith('\r') ? 'the line ends with CR LF; lines end with LF only' : 'a carriage return (CR) inside the line; lines end with LF only');
    }
    if (raw.length === 0) return problem('json-syntax', number, 'the line is empty');
    // Fast path: a line that is its own canonical form has no key twice, only safe integers and
    // well-formed strings (canonical JSON re-writes one member per key and refuses the rest), so
    // JSON.parse reads it exactly. Anything else is read again strictly, to say precisely why.
    let entry: unknown;
    let canonical: string | null = null;
    try {
      entry = JSON.parse(raw) as unknown;
      canonical = canonicalJson(entry);
    } catch {
      canonical = null;
    }
    if (canonical !== raw) {
      try {
        entry = parseStrictJson(raw).value;
      } catch (error) {
        if (!(error instanceof JsonTextError)) throw error;
        const code = error.code === 'not-utf8' || error.code === 'byte-order-mark' ? 'json-syntax' : error.code;
        return problem(code, number, error.code === 'json-syntax' ? `the line is not valid JSON: ${error.message}` : error.message, error.path);
      }
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        return problem('invalid-value', number, 'the line is not a JSON object');
      }
      return problem('not-canonical', number, 'the line is not in canonical JSON form (sorted keys, no spaces)');
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return problem('invalid-value', number, 'the line is not a JSON object');
    }
    const record = entry as ChainEntry;
    if (record.seq !== number) {
      const seq = record.seq;
      if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq > number) {
        return problem(
          'sequence',
          number,
          `sequence number ${seq} where ${number} was expected: ${seq - number === 1 ? 'a line is' : `${seq - number} lines are`} missing before this line`,
          'seq',
        );
      }
      return problem('sequence', number, `sequence number ${String(seq)} where ${number} was expected: lines were inserted, repeated or reordered`, 'seq');
    }
    if (typeof record.prev !== 'string' || !HEX64.test(record.prev)) {
      return problem('invalid-value', number, '"prev" is not a SHA-256 hash (64 lower-case hex digits)', 'prev');
    }
    if (record.prev !== previous) {
      return number === 1
        ? problem(
            'genesis-mismatch',
            number,
            `hash does not match the genesis of this vote: "prev" is ${record.prev}, but the genesis hash from vote.json is ${genesis} (vote.json was changed, or the file belongs to another vote)`,
            'prev',
          )
        : problem(
            'prev-mismatch',
            number,
            `hash does not match the previous line: "prev" is ${record.prev}, but the SHA-256 of line ${number - 1} is ${previous} (line ${number - 1}, or this line's "prev", was changed)`,
            'prev',
          );
    }
    previous = lineHash(raw);
    lines.push({ number, text: raw, entry: record });
  }
  return { ok: true, lines, head: previous };
}
