import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { ChainBuilder, genesisHash, lineHash, verifyChain } from './chain';
import { sha256Hex } from './sha256';

describe('canonical JSON (RFC 8785, restricted to strings, safe integers, booleans and null)', () => {
  it('sorts keys by UTF-16 code units, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], B: { d: 0, c: -5 } })).toBe('{"B":{"c":-5,"d":0},"a":[true,null,"x"],"b":1}');
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FFFF in UTF-16 (not by code point).
    expect(canonicalJson({ '\uFFFF': 1, '😀': 2 })).toBe('{"😀":2,"\uFFFF":1}');
  });

  it('escapes only what JSON must, and writes everything else as literal UTF-8', () => {
    expect(canonicalJson({ t: '议事\n"\\\u001f/é' })).toBe('{"t":"议事\\n\\"\\\\\\u001f/é"}');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('refuses what two implementations could write differently', () => {
    expect(() => canonicalJson(1.5)).toThrow(TypeError);
    expect(() => canonicalJson(2 ** 53)).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson('\uD800')).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError);
  });

  it('is a fixed point of parsing: canonical(parse(canonical(x))) = canonical(x)', () => {
    const value = fc.letrec((tie) => ({
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
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('SHA-256 in pure TypeScript (@noble/hashes), over UTF-8', () => {
  it('matches the FIPS 180-2 test vectors and UTF-8 text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('议事')).toBe('210f59d065b4fcc63dfdf0c9611c1a4094704f29b882a9b2fd691e795be245f1');
  });

  it('derives the genesis from the chain name and the canonical vote', () => {
    expect(genesisHash('ballots', {})).toBe('a849f3ec77d48f0f3b589b268ac321c8d1389c77ac5f1b41a7487b336a40e06b');
    expect(genesisHash('roll', {})).not.toBe(genesisHash('box', {}));
  });
});

describe('the hash chain of JSON lines', () => {
  const genesis = genesisHash('ballots', { voteId: 'v1' });
  function chainOf(n: number): { text: string; lines: string[]; head: string } {
    const builder = new ChainBuilder(genesis);
    const lines = Array.from({ length: n }, (_, i) => builder.append({ kind: 'cast', voter: `p${i + 1}`, choice: i % 2 ? 'approve' : 'oppose' }));
    return { text: builder.text, lines, head: builder.head };
  }
  const join = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
  const messageOf = (result: ReturnType<typeof verifyChain>) => (result.ok ? '' : result.message);

  it('links each line to the SHA-256 of the previous one, the first to the genesis', () => {
    const { lines, head, text } = chainOf(3);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ seq: 1, prev: genesis });
    expect(JSON.parse(lines[2] as string)).toMatchObject({ seq: 3, prev: lineHash(lines[1] as string) });
    expect(head).toBe(lineHash(lines[2] as string));
    expect(verifyChain(text, genesis)).toMatchObject({ ok: true, head });
    expect(verifyChain('', genesis)).toEqual({ ok: true, lines: [], head: genesis });
  });

  it('names the line after a changed line', () => {
    const { lines } = chainOf(20);
    const changed = [...lines];
    changed[15] = (lines[15] as string).replace('"p16"', '"p99"');
    const result = verifyChain(join(changed), genesis);
    expect(result).toMatchObject({ ok: false, line: 17 });
    expect(!result.ok && result.message).toMatch(/^hash does not match the previous line: "prev" is [0-9a-f]{64}, but the SHA-256 of line 16 is/);
  });

  it('names the place of a removed line by its sequence number', () => {
    const { lines } = chainOf(20);
    const result = verifyChain(join([...lines.slice(0, 9), ...lines.slice(10)]), genesis);
    expect(result).toMatchObject({ ok: false, line: 10, message: 'sequence number 11 where 10 was expected: a line is missing before this line' });
  });

  it('catches swapped lines, a line repeated, and a chain of another vote', () => {
    const { lines } = chainOf(5);
    expect(verifyChain(join([lines[0], lines[2], lines[1], lines[3]] as string[]), genesis)).toMatchObject({ ok: false, line: 2 });
    expect(verifyChain(join([lines[0], lines[1], lines[1]] as string[]), genesis)).toMatchObject({ ok: false, line: 3 });
    expect(verifyChain(join(lines), genesisHash('ballots', { voteId: 'v2' }))).toMatchObject({ ok: false, line: 1 });
    expect(messageOf(verifyChain(join(lines), genesisHash('ballots', { voteId: 'v2' })))).toContain('genesis');
  });

  it('insists on the exact bytes: canonical lines, LF endings, a final LF', () => {
    const { lines, text } = chainOf(3);
    expect(verifyChain(text.slice(0, -1), genesis)).toMatchObject({ ok: false, line: null });
    expect(messageOf(verifyChain(text.slice(0, -1), genesis))).toContain('line feed');
    expect(verifyChain(text.replace(/\n/g, '\r\n'), genesis)).toMatchObject({ ok: false, line: 1 });
    expect(messageOf(verifyChain(text.replace(/\n/g, '\r\n'), genesis))).toContain('CR LF');
    const spaced = [...lines];
    spaced[1] = (lines[1] as string).replace(':', ': ');
    expect(verifyChain(join(spaced), genesis)).toMatchObject({ ok: false, line: 2 });
    expect(messageOf(verifyChain(join(spaced), genesis))).toContain('canonical');
    expect(verifyChain(`${text}\n`, genesis)).toMatchObject({ ok: false, line: 4, message: 'the line is empty' });
  });

  it('refuses entries that set seq or prev themselves', () => {
    expect(() => new ChainBuilder(genesis).append({ seq: 9 })).toThrow(TypeError);
  });
});
