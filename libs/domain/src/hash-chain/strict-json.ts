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
 * line and the JSON path, and it also yields the file's own layout (below) so that the verifier can
 * insist the file is byte for byte what the platform writes. A property test checks it against
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
  const bad = firstInvalidUtf8(content);
  if (bad >= 0) {
    throw new JsonTextError(
      'not-utf8',
      lineAtByte(content, bad),
      null,
      null,
      `byte ${bad} (0x${(content[bad] as number).toString(16).padStart(2, '0')}) is not part of a valid UTF-8 sequence: the file must be UTF-8, and a reader that replaced the byte would not read what was hashed`,
    );
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
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
  /** The line where each member or item starts, by JSON path (`tally.figures`, `units[3]`); '' is the whole value. */
  lines: Map<string, number>;
  /**
   * The value laid out as `JSON.stringify(value, null, 2)` writes it, members in the order of the
   * text (without a final line feed): what the platform writes for a kit's .json file.
   */
  layout: string;
}

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/**
 * Parses one JSON text (RFC 8259) strictly: no duplicate key in any object, only integers within
 * ±(2^53 − 1), only well-formed strings. Whitespace is read as JSON allows it; the caller compares
 * the text with `layout` (kit .json files) or with the canonical form (chain lines).
 */
export function parseStrictJson(text: string): StrictJson {
  const parser = new Parser(text);
  parser.skipSpace();
  parser.lines.set('', parser.lineAt(parser.pos));
  const result = parser.value('', '', 0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('json-syntax', 'more text after the JSON value');
  return { ...result, lines: parser.lines };
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

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

type Parsed = Omit<StrictJson, 'lines'>;

class Parser {
  pos = 0;
  readonly lines = new Map<string, number>();
  /** Offsets where each line starts, for line numbers without rescanning the text. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
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

  skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) this.pos++;
      else return;
    }
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the text';
    return JSON.stringify(String.fromCodePoint(this.text.codePointAt(this.pos) as number));
  }

  value(path: string, indent: string, depth: number): Parsed {
    if (depth > MAX_DEPTH) this.fail('json-syntax', `nested more than ${MAX_DEPTH} levels deep`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(path, indent, depth);
    if (c === '[') return this.array(path, indent, depth);
    if (c === '"') {
      const value = this.string(path);
      return { value, layout: JSON.stringify(value) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { value, layout: word };
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match) {
      const start = this.pos;
      this.pos += match[0].length;
      if (match[1] !== undefined || match[2] !== undefined) {
        this.fail('number-not-integer', `${match[0]} is not an integer: the format has no fractions or exponents, only plain integers`, start, path);
      }
      const value = Number(match[0]);
      if (!Number.isSafeInteger(value)) this.fail('number-not-integer', `${match[0]} is beyond ±(2^53 − 1), which no reader can hold exactly`, start, path);
      return { value, layout: JSON.stringify(value) };
    }
    this.fail('json-syntax', `a JSON value was expected, found ${this.found()}`);
  }

  private expect(char: string, what: string): void {
    if (this.text[this.pos] !== char) this.fail('json-syntax', `${what} was expected, found ${this.found()}`);
    this.pos++;
  }

  private object(path: string, indent: string, depth: number): Parsed {
    this.pos++; // {
    const value: Record<string, unknown> = {};
    const members: string[] = [];
    const seen = new Map<string, number>();
    const inner = `${indent}  `;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { value, layout: '{}' };
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('json-syntax', `a key in double quotes was expected, found ${this.found()}`);
      const keyAt = this.pos;
      const key = this.string(path);
      const memberPath = child(path, key);
      const keyLine = this.lineAt(keyAt);
      const first = seen.get(key);
      if (first !== undefined) {
        this.fail(
          'duplicate-key',
          `the key ${JSON.stringify(key)} appears twice in one object (${JSON.stringify(memberPath)}, first on line ${first}): a person and a program could read different values`,
          keyAt,
          memberPath,
        );
      }
      seen.set(key, keyLine);
      this.lines.set(memberPath, keyLine);
      this.skipSpace();
      this.expect(':', '":" after the key');
      this.skipSpace();
      const member = this.value(memberPath, inner, depth + 1);
      // defineProperty: a key "__proto__" is data, as JSON.parse makes it, not the object's prototype.
      Object.defineProperty(value, key, { value: member.value, enumerable: true, writable: true, configurable: true });
      members.push(`${inner}${JSON.stringify(key)}: ${member.layout}`);
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipSpace();
        continue;
      }
      this.expect('}', '"," or "}"');
      return { value, layout: `{\n${members.join(',\n')}\n${indent}}` };
    }
  }

  private array(path: string, indent: string, depth: number): Parsed {
    this.pos++; // [
    const value: unknown[] = [];
    const items: string[] = [];
    const inner = `${indent}  `;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { value, layout: '[]' };
    }
    for (;;) {
      const itemPath = child(path, value.length);
      this.lines.set(itemPath, this.lineAt(this.pos));
      const item = this.value(itemPath, inner, depth + 1);
      value.push(item.value);
      items.push(`${inner}${item.layout}`);
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipSpace();
        continue;
      }
      this.expect(']', '"," or "]"');
      return { value, layout: `[\n${items.join(',\n')}\n${indent}]` };
    }
  }

  private string(path: string): string {
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
        out += escaped;
        this.pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fail('json-syntax', 'an invalid escape sequence in a string');
      }
      run = this.pos;
    }
    if (!isWellFormedString(out)) {
      this.fail('ill-formed-string', 'the string holds a lone surrogate (an escape such as \\ud800 without its pair): it is not Unicode text', start, path);
    }
    return out;
  }
}
