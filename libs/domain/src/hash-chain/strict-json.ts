import { isWellFormedString } from './canonical-json';

/**
 * Strict reading of the recount kit's files (docs/recount-format.md §3): the verifier checks the
 * bytes of a file, not what a lenient parser kept of them.
 *
 * Why a small parser of our own rather than `JSON.parse` or a library: `JSON.parse` (like Python's
 * `json`) silently keeps the LAST of two equal keys, so a file can say one thing to a person and
 * another to a program; it gives no line numbers; and the format allows only a subset of JSON
 * (integers, well-formed strings). The well-kept JSON parsers in the npm tree are tolerant by
 * design (jsonc-parser: comments, trailing commas) or drop duplicates the same way. The grammar
 * is RFC 8259's and small; a parser for exactly it reports duplicate keys at any depth, with the
 * line and the JSON path, and checks as it reads whether the text is laid out byte for byte as
 * the platform writes it (without building a copy: kit files can hold 100,000 units). Property tests
 * check it against
 * `JSON.parse` and `JSON.stringify` (strict-json.spec.ts).
 */

export type JsonTextCode = 'not-utf8' | 'byte-order-mark' | 'json-syntax' | 'duplicate-key' | 'number-not-integer' | 'ill-formed-string';

/** A file (or line) that is not strict JSON text, with where: 1-based line, column and the JSON path. */
export class JsonTextError extends Error {
  constructor(
    readonly code: JsonTextCode,
    readonly line: number,
    readonly column: number | null,
    /** The member concerned (`tally.figures.approve.area`, `units[3].owners`), or null. */
    readonly path: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'JsonTextError';
  }
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
 * Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  const cont = (at: number, lo = 0x80, hi = 0xbf): boolean => at < n && (bytes[at] as number) >= lo && (bytes[at] as number) <= hi;
  while (i < n) {
    const b = bytes[i] as number;
    if (b <= 0x7f) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The text of a kit file from its exact bytes: refused when it starts with a byte order mark or is
 * not well-formed UTF-8 (a lenient decoder would turn such bytes into U+FFFD, and the text read would
 * no longer be the bytes hashed). A string is taken as already decoded: it must be well-formed
 * (no lone surrogate, which no UTF-8 file can hold) and must not start with U+FEFF.
 */
export function decodeKitText(content: Uint8Array | string): string {
  if (typeof content === 'string') {
    if (content.charCodeAt(0) === 0xfeff) throw new JsonTextError('byte-order-mark', 1, 1, null, 'the file starts with a byte order mark (U+FEFF); the format has none');
    if (!isWellFormedString(content)) {
      const at = firstLoneSurrogate(content);
      throw new JsonTextError('not-utf8', lineAtOffset(content, at), null, null, 'the text holds a lone surrogate, which no UTF-8 file can hold');
    }
    return content;
  }
  if (content.length >= 3 && content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    throw new JsonTextError('byte-order-mark', 1, 1, null, 'the file starts with a byte order mark (EF BB BF); the format has none');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    // The decoder only says that something is wrong; find the byte, to name its line.
    const bad = firstInvalidUtf8(content);
    throw new JsonTextError(
      'not-utf8',
      lineAtByte(content, Math.max(bad, 0)),
      null,
      null,
      `byte ${bad} (0x${(content[bad] ?? 0).toString(16).padStart(2, '0')}) is not part of a valid UTF-8 sequence: the file must be UTF-8, and a reader that replaced the byte would not read what was hashed`,
    );
  }
}

function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

export interface StrictJson {
  value: unknown;
  /**
   * The offset of the first character where the text is not laid out as `JSON.stringify(value,
   * null, 2)` writes it — members in the text's own order, and after the value nothing (or one LF
   * with `finalLineFeed`) — or null when it is exactly that: what the platform writes for a kit's
   * .json file. Checked while parsing, without building a copy of the text.
   */
  layoutDiffersAt: number | null;
}

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;
/** Escapes and what they stand for; `JSON.stringify` writes all but `\/` (it writes `/` as itself). */
const ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);
const HEX4 = /^[0-9a-fA-F]{4}$/;
const STRINGIFY_HEX4 = /^00[01][0-9a-f]$/;

/**
 * Parses one JSON text (RFC 8259) strictly: no duplicate key in any object, only integers within
 * ±(2^53 − 1), only well-formed strings. Whitespace is read as JSON allows it, and `layoutDiffersAt`
 * says whether the text is laid out as the platform writes .json files; chain lines are compared
 * with their canonical form by the caller instead.
 */
export function parseStrictJson(text: string, options: { finalLineFeed?: boolean } = {}): StrictJson {
  return new Parser(text, null).document(options.finalLineFeed ? '\n' : '');
}

/**
 * The line where each member or item of a JSON text starts, by JSON path (`tally.figures`,
 * `units[3]`; '' is the whole value), for naming where a problem is. Parses the text again: call it
 * when there is a problem to name, not for every file.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  new Parser(text, lines).document('');
  return lines;
}

/** `a.b[3].c` from a stack of keys and indexes. */
function pathOf(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) path = typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
  return path;
}

class Parser {
  pos = 0;
  /** The first offset where the text is not in the platform's layout, or -1. */
  private differsAt = -1;
  /** The keys and indexes from the root to the value being read. */
  private readonly keys: (string | number)[] = [];
  /** Offsets where each line starts, for line numbers without rescanning the text. */
  private readonly lineStarts: number[] = [0];
  /** LF and the indentation of each depth: what separates members in the layout. */
  private readonly breaks: string[] = ['\n'];

  constructor(
    readonly text: string,
    /** When given, the line of every member and item is recorded by path. */
    private readonly track: Map<string, number> | null,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  document(trailing: string): StrictJson {
    this.space('');
    this.track?.set('', this.lineAt(this.pos));
    const value = this.value(0);
    this.space(trailing);
    if (this.pos < this.text.length) this.fail('json-syntax', 'more text after the JSON value');
    return { value, layoutDiffersAt: this.differsAt < 0 ? null : this.differsAt };
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  fail(code: JsonTextCode, message: string, at = this.pos, path: string | null = null): never {
    const line = this.lineAt(at);
    const column = [...this.text.slice(this.lineStarts[line - 1], at)].length + 1;
    // Where a path names the place, the column adds nothing; in a syntax error it does.
    throw new JsonTextError(code, line, column, path, path === null ? `${message} (column ${column})` : message);
  }

  /** LF and the indentation of `depth` levels of two spaces. */
  private lineBreak(depth: number): string {
    while (this.breaks.length <= depth) this.breaks.push(`${this.breaks[this.breaks.length - 1] as string}  `);
    return this.breaks[depth] as string;
  }

  /** Notes the first place the text leaves the layout. */
  private differs(at: number): void {
    if (this.differsAt < 0) this.differsAt = at;
  }

  /** Skips JSON whitespace, noting where it is not exactly `expected`. */
  private space(expected: string): void {
    const start = this.pos;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) this.pos++;
      else break;
    }
    if (this.differsAt < 0 && (this.pos - start !== expected.length || !this.text.startsWith(expected, start))) {
      let i = 0;
      while (i < expected.length && this.text[start + i] === expected[i]) i++;
      this.differs(start + i);
    }
  }

  /** Skips whitespace after which either `close` (expecting `beforeClose`) or something else (expecting `otherwise`) comes. */
  private spaceBefore(close: string, beforeClose: string, otherwise: string): void {
    const start = this.pos;
    const differsAt = this.differsAt;
    this.space('');
    const next = this.text[this.pos];
    this.pos = start;
    this.differsAt = differsAt;
    this.space(next === close ? beforeClose : otherwise);
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the text';
    return JSON.stringify(String.fromCodePoint(this.text.codePointAt(this.pos) as number));
  }

  /** Steps into a member (its key read at `at`) or an item. */
  private enter(key: string | number, at = this.pos): void {
    this.keys.push(key);
    this.track?.set(pathOf(this.keys), this.lineAt(at));
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('json-syntax', `nested more than ${MAX_DEPTH} levels deep`);
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */) return this.object(depth);
    if (c === 0x5b /* [ */) return this.array(depth);
    if (c === 0x22 /* " */) return this.string();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match) {
      const start = this.pos;
      this.pos += match[0].length;
      if (match[1] !== undefined || match[2] !== undefined) {
        this.fail('number-not-integer', `${match[0]} is not an integer: the format has no fractions or exponents, only plain integers`, start, pathOf(this.keys));
      }
      const value = Number(match[0]);
      if (!Number.isSafeInteger(value)) this.fail('number-not-integer', `${match[0]} is beyond ±(2^53 − 1), which no reader can hold exactly`, start, pathOf(this.keys));
      if (match[0] === '-0') this.differs(start); // JSON.stringify writes 0
      return value;
    }
    this.fail('json-syntax', `a JSON value was expected, found ${this.found()}`);
  }

  private expect(char: string, what: string): void {
    if (this.text[this.pos] !== char) this.fail('json-syntax', `${what} was expected, found ${this.found()}`);
    this.pos++;
  }

  private object(depth: number): Record<string, unknown> {
    this.pos++; // {
    const value: Record<string, unknown> = {};
    /** Where each key was read (its offset), to name the first of two. */
    const seen = new Map<string, number>();
    const inner = this.lineBreak(depth + 1);
    this.spaceBefore('}', '', inner);
    if (this.text[this.pos] === '}') {
      this.pos++;
      return value;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('json-syntax', `a key in double quotes was expected, found ${this.found()}`);
      const keyAt = this.pos;
      const key = this.string();
      const first = seen.get(key);
      if (first !== undefined) {
        const path = pathOf([...this.keys, key]);
        this.fail(
          'duplicate-key',
          `the key ${JSON.stringify(key)} appears twice in one object (${JSON.stringify(path)}, first on line ${this.lineAt(first)}): a person and a program could read different values`,
          keyAt,
          path,
        );
      }
      seen.set(key, keyAt);
      this.enter(key, keyAt);
      this.space('');
      this.expect(':', '":" after the key');
      this.space(' ');
      const member = this.value(depth + 1);
      this.keys.pop();
      // A key "__proto__" is data, as JSON.parse makes it, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(value, key, { value: member, enumerable: true, writable: true, configurable: true });
      else value[key] = member;
      this.spaceBefore('}', this.lineBreak(depth), '');
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.space(inner);
        continue;
      }
      this.expect('}', '"," or "}"');
      return value;
    }
  }

  private array(depth: number): unknown[] {
    this.pos++; // [
    const value: unknown[] = [];
    const inner = this.lineBreak(depth + 1);
    this.spaceBefore(']', '', inner);
    if (this.text[this.pos] === ']') {
      this.pos++;
      return value;
    }
    for (;;) {
      this.enter(value.length);
      value.push(this.value(depth + 1));
      this.keys.pop();
      this.spaceBefore(']', this.lineBreak(depth), '');
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.space(inner);
        continue;
      }
      this.expect(']', '"," or "]"');
      return value;
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++; // "
    let out = '';
    let run = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('json-syntax', 'the text ends inside a string', start);
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += this.text.slice(run, this.pos);
        this.pos++;
        break;
      }
      if (c < 0x20) this.fail('json-syntax', `a control character (U+${c.toString(16).padStart(4, '0').toUpperCase()}) inside a string must be escaped`);
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.text.slice(run, this.pos);
      const e = this.text[this.pos + 1];
      const escaped = e === undefined ? undefined : ESCAPES.get(e);
      if (escaped !== undefined) {
        if (e === '/') this.differs(this.pos); // JSON.stringify writes "/" as itself
        out += escaped;
        this.pos += 2;
      } else if (e === 'u' && HEX4.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        const unit = parseInt(hex, 16);
        // JSON.stringify writes \u only for control characters without a short escape (lower-case hex).
        if (!STRINGIFY_HEX4.test(hex) || '\b\t\n\f\r'.includes(String.fromCharCode(unit))) this.differs(this.pos);
        out += String.fromCharCode(unit);
        this.pos += 6;
      } else {
        this.fail('json-syntax', 'an invalid escape sequence in a string');
      }
      run = this.pos;
    }
    if (!isWellFormedString(out)) {
      this.fail('ill-formed-string', 'the string holds a lone surrogate (an escape such as \\ud800 without its pair): it is not Unicode text', start, pathOf(this.keys));
    }
    return out;
  }
}
