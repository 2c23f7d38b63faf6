import fc from 'fast-check';
import { decodeKitText, firstInvalidUtf8, jsonLines, JsonTextError, parseStrictJson } from './strict-json';

const jsonValue = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.maxSafeInteger(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('node'), { maxKeys: 4 }),
  ),
})).node;

function problem(text: string): JsonTextError {
  try {
    parseStrictJson(text);
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('the strict JSON parser of the recount', () => {
  it('reads what JSON.stringify writes as JSON.parse does, and knows JSON.stringify(value, null, 2) from any other layout', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const pretty = JSON.stringify(v, null, 2);
        const parsed = parseStrictJson(pretty);
        expect(parsed.value).toEqual(JSON.parse(pretty));
        expect(parsed.layoutDiffersAt).toBeNull();
        expect(parseStrictJson(`${pretty}\n`, { finalLineFeed: true }).layoutDiffersAt).toBeNull();
        const compact = JSON.stringify(v);
        expect(parseStrictJson(compact).layoutDiffersAt === null).toBe(compact === pretty);
      }),
    );
  });

  it('points at the first character that leaves the layout', () => {
    const pretty = '{\n  "a": [\n    1,\n    "x/y"\n  ],\n  "b": {}\n}';
    expect(parseStrictJson(pretty).layoutDiffersAt).toBeNull();
    const at = (text: string) => parseStrictJson(text).layoutDiffersAt;
    expect(at(pretty.replace('"a": [', '"a":  ['))).toBe(pretty.indexOf('"a": [') + 5);
    expect(at(pretty.replace('    1,', '     1,'))).toBe(pretty.indexOf('    1,') + 4);
    expect(at(pretty.replace('"x/y"', '"x\\/y"'))).toBe(pretty.indexOf('x/y') + 1);
    expect(at(pretty.replace('"x/y"', '"\\u0078/y"'))).toBe(pretty.indexOf('x/y'));
    expect(at(pretty.replace('    1,', '    -0,'))).toBe(pretty.indexOf('    1,') + 4);
    expect(at(pretty.replace('"b": {}', '"b": { }'))).toBe(pretty.indexOf('{}') + 1);
    expect(at(pretty.replace('"b": {}', '"b": {}\n'))).toBe(pretty.indexOf('{}') + 3);
    expect(at(pretty.replace('\n}', '\n\n}'))).toBe(pretty.lastIndexOf('\n}') + 1);
    expect(at('{"t": "a\\u001fb\\n"}')).toBe(1);
    expect(at('"a\\u001fb\\n"')).toBeNull();
    expect(at('"\\u001F"')).toBe(1);
    expect(at('"\\u000a"')).toBe(1);
    expect(at(`${pretty}\n`)).toBe(pretty.length);
  });

  it('never accepts a text JSON.parse refuses, nor reads it differently', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let value: unknown;
        try {
          value = parseStrictJson(text).value;
        } catch (error) {
          if (error instanceof JsonTextError) return;
          throw error;
        }
        expect(value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses a key twice at any depth, naming the path and both lines', () => {
    const error = problem('{\n  "a": {\n    "b": 1,\n    "b": 2\n  }\n}');
    expect(error).toMatchObject({ code: 'duplicate-key', line: 4, path: 'a.b' });
    expect(error.message).toContain('first on line 3');
    expect(problem('[{"x": [{"k": 1, "k": 1}]}]')).toMatchObject({ code: 'duplicate-key', path: '[0].x[0].k' });
    // Equal after unescaping is equal: "\u0061" is "a".
    expect(problem('{"a": 1, "\\u0061": 2}')).toMatchObject({ code: 'duplicate-key', path: 'a' });
  });

  it('keeps a key "__proto__" as data, as JSON.parse does', () => {
    const { value } = parseStrictJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what the format does not use: fractions, exponents, unsafe integers, lone surrogates', () => {
    expect(problem('{"n": 1.0}')).toMatchObject({ code: 'number-not-integer', path: 'n' });
    expect(problem('[1e3]')).toMatchObject({ code: 'number-not-integer', path: '[0]' });
    expect(problem('9007199254740992')).toMatchObject({ code: 'number-not-integer' });
    expect(parseStrictJson('[\n  -0\n]')).toMatchObject({ value: [-0], layoutDiffersAt: 4 });
    expect(problem('{"s": "\\udc00x"}')).toMatchObject({ code: 'ill-formed-string', path: 's' });
    expect(parseStrictJson('"\\ud83d\\ude00"').value).toBe('😀');
  });

  it('refuses what JSON does not allow, with line and column', () => {
    expect(problem('{"a": 1,}')).toMatchObject({ code: 'json-syntax', line: 1, column: 9 });
    expect(problem('{"a": 01}')).toMatchObject({ code: 'json-syntax' });
    expect(problem('{"a": "x\ty"}')).toMatchObject({ code: 'json-syntax' });
    expect(problem('{"a": 1} // note')).toMatchObject({ code: 'json-syntax' });
    expect(problem('{\n  "a": tru\n}')).toMatchObject({ code: 'json-syntax', line: 2 });
    expect(problem(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatchObject({ code: 'json-syntax' });
    expect(problem('')).toMatchObject({ code: 'json-syntax' });
  });

  it('records the line of every member and item', () => {
    const lines = jsonLines('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}');
    expect(Object.fromEntries(lines)).toEqual({ '': 1, a: 2, 'a[0]': 3, 'a[1]': 4, 'a[1].b': 5 });
  });
});

describe('reading the bytes of a kit file as UTF-8', () => {
  it('finds exactly the byte sequences a fatal UTF-8 decoder refuses', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const accepts = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const mutated = fc
      .tuple(fc.string({ unit: 'binary' }), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([text, at, byte]) => {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        return bytes;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), mutated), (bytes) => {
        expect(firstInvalidUtf8(bytes) === -1).toBe(accepts(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses overlong forms, encoded surrogates, cut sequences and a BOM; names the line', () => {
    const of = (...bytes: number[]) => new Uint8Array(bytes);
    expect(firstInvalidUtf8(of(0x61, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidUtf8(of(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(of(0xe8, 0xae))).toBe(0);
    expect(firstInvalidUtf8(of(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('议事 😀'))).toBe(-1);
    const refusal = (content: Uint8Array | string): JsonTextError => {
      try {
        decodeKitText(content);
      } catch (error) {
        if (error instanceof JsonTextError) return error;
        throw error;
      }
      throw new Error('decoded');
    };
    expect(refusal(of(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toMatchObject({ code: 'byte-order-mark', line: 1 });
    expect(refusal(of(0x7b, 0x0a, 0x0a, 0xff, 0x7d))).toMatchObject({ code: 'not-utf8', line: 3 });
    expect(refusal('\uFEFF{}')).toMatchObject({ code: 'byte-order-mark' });
    expect(refusal('{\n"\uD800"}')).toMatchObject({ code: 'not-utf8', line: 2 });
    expect(decodeKitText(new TextEncoder().encode('{"t": "议事"}\n'))).toBe('{"t": "议事"}\n');
  });
});
