import { canonicalJson } from '../hash-chain/canonical-json';
import { ChainBuilder, genesisHash } from '../hash-chain/chain';
import type { KitInput } from './kit';
import { buildRecountKit, prettyJson } from './kit';
import type { Discrepancy, RecountFiles } from './recount';
import { recount } from './recount';
import { at, cast, compoundKitInput } from './testing';

/*
 * The verifier reads the bytes of each file, not a lenient parser's view of them: every way a file
 * could say one thing to a person and another to a program is refused, each with its own code.
 */

const EVENTS = [cast('o1', 'approve', 1), cast('o2', 'approve', 2), cast('o3', 'oppose', 3), cast('o4', 'approve', 4), cast('o5', 'approve', 5), cast('o6', 'approve', 6), cast('o7', 'approve', 7)];

function input(overrides: Partial<Pick<KitInput, 'snapshotAt'>> = {}): KitInput {
  return { ...compoundKitInput(EVENTS), ...overrides };
}

const kit = (overrides: Partial<Pick<KitInput, 'snapshotAt'>> = {}): Record<string, string> => buildRecountKit(input(overrides));

function pollKit(): Record<string, string> {
  return buildRecountKit({
    secrecy: 'named',
    vote: {
      voteId: 'poll-1',
      title: { 'zh-CN': '测试 · 意见征询', en: 'Test · poll' },
      ruleSet: 'simple-majority',
      question: {
        kind: 'options',
        text: { 'zh-CN': '活动日期？', en: 'Which day?' },
        options: [
          { id: 'sat', label: { 'zh-CN': '周六', en: 'Saturday' } },
          { id: 'sun', label: { 'zh-CN': '周日', en: 'Sunday' } },
        ],
      },
      matterKinds: ['other'],
      lml63: null,
      opensAt: at(0),
      closesAt: at(59),
    },
    snapshotAt: at(0),
    electorate: { kind: 'list', voters: ['p1', 'p2', 'p3'] },
    events: [cast('p1', { option: 'sat' }, 1), cast('p2', { option: 'sun' }, 2), cast('p3', { option: 'sat' }, 3)],
  });
}

function refusal(files: RecountFiles): Discrepancy {
  const report = recount(files);
  expect(report.ok).toBe(false);
  expect(report.discrepancy).not.toBeNull();
  return report.discrepancy as Discrepancy;
}

/** 1-based number of the first line of `text` matching `pattern`, counting from `after` (a line number). */
function lineOf(text: string, pattern: RegExp, after = 0): number {
  const index = text.split('\n').findIndex((line, i) => i >= after && pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${String(pattern)}`);
  return index + 1;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a kit the platform writes', () => {
  it('verifies, as text and as bytes', () => {
    const files = kit();
    expect(recount(files).discrepancy).toBeNull();
    expect(recount(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, bytes(text)]))).ok).toBe(true);
  });

  it('verifies with the members of an object in another order (the platform stores some in PostgreSQL jsonb)', () => {
    const files = pollKit();
    const vote = JSON.parse(files['vote.json'] as string) as { question: { options: { id: string; label: Record<string, string> }[] } };
    const reordered = Object.fromEntries(Object.entries(vote).reverse()) as typeof vote;
    reordered.question.options = reordered.question.options.map((o) => ({ label: { en: o.label.en as string, 'zh-CN': o.label['zh-CN'] as string }, id: o.id }));
    expect(recount({ ...files, 'vote.json': prettyJson(reordered) }).discrepancy).toBeNull();
  });
});

describe('duplicate keys, at any depth, in any file', () => {
  it('vote.json: a key twice (a reader sees the first, a parser keeps the last)', () => {
    const files = kit();
    const text = (files['vote.json'] as string).replace('  "ruleSet": "cc278-major",\n', '  "ruleSet": "cc278-ordinary",\n  "ruleSet": "cc278-major",\n');
    expect(refusal({ ...files, 'vote.json': text })).toMatchObject({ code: 'duplicate-key', file: 'vote.json', line: lineOf(text, /"ruleSet": "cc278-major"/), path: 'ruleSet' });
  });

  it('electorate.json: a key twice deep inside (its hash is taken after parsing, so it would still match)', () => {
    const files = kit();
    const text = (files['electorate.json'] as string).replace(/^( +)"area": 10000,$/m, '$1"area": 90000,\n$1"area": 10000,');
    const d = refusal({ ...files, 'electorate.json': text });
    expect(d).toMatchObject({ code: 'duplicate-key', file: 'electorate.json', line: lineOf(text, /"area": 10000,/), path: 'electorate.units[0].area' });
    expect(d.message).toContain(`first on line ${lineOf(text, /"area": 90000,/)}`);
  });

  it('result.json: a verdict twice', () => {
    const files = kit();
    const text = (files['result.json'] as string).replace(/^( +)"passed": true,$/m, '$1"passed": false,\n$1"passed": true,');
    expect(refusal({ ...files, 'result.json': text })).toMatchObject({ code: 'duplicate-key', file: 'result.json', line: lineOf(text, /"passed": true,/), path: 'tally.passed' });
  });

  it('ballots.jsonl: a key twice on a line', () => {
    const files = kit();
    const list = (files['ballots.jsonl'] as string).split('\n');
    list[1] = (list[1] as string).replace('"choice":"approve"', '"choice":"oppose","choice":"approve"');
    expect(refusal({ ...files, 'ballots.jsonl': list.join('\n') })).toMatchObject({ code: 'duplicate-key', file: 'ballots.jsonl', line: 2, path: 'choice' });
  });
});

describe('the explanation of result.json has exactly the languages of the format (zh-CN and en)', () => {
  const withExplanation = (change: (e: Record<string, unknown>) => void): RecountFiles => {
    const files = kit();
    const result = JSON.parse(files['result.json'] as string) as { explanation: Record<string, unknown> };
    change(result.explanation);
    return { ...files, 'result.json': prettyJson(result) };
  };

  it('refuses a language the format does not name', () => {
    expect(refusal(withExplanation((e) => (e.fr = ['Résultat : adopté.'])))).toMatchObject({ code: 'unknown-language', file: 'result.json', path: 'explanation.fr' });
  });

  it('refuses a missing language', () => {
    expect(refusal(withExplanation((e) => delete e.en))).toMatchObject({ code: 'missing-language', file: 'result.json', path: 'explanation.en' });
  });

  it('refuses sentences that are not text', () => {
    expect(refusal(withExplanation((e) => (e.en = [42])))).toMatchObject({ code: 'invalid-value', file: 'result.json', path: 'explanation.en[0]' });
  });

  it('refuses a title without its English', () => {
    const files = kit();
    const vote = JSON.parse(files['vote.json'] as string) as { title: Record<string, string> };
    vote.title = { 'zh-CN': vote.title['zh-CN'] as string, 'zh-TW': '測試' };
    expect(refusal({ ...files, 'vote.json': prettyJson(vote) })).toMatchObject({ code: 'unknown-language', file: 'vote.json', path: 'title.zh-TW' });
  });
});

describe('times in order', () => {
  it('refuses an electorate frozen after the vote opened', () => {
    expect(refusal(kit({ snapshotAt: at(5) }))).toMatchObject({ code: 'snapshot-after-opening', file: 'electorate.json', line: 2, path: 'snapshotAt' });
  });

  it('refuses a vote that closes before it opens', () => {
    const files = kit();
    const vote = JSON.parse(files['vote.json'] as string) as { closesAt: string };
    vote.closesAt = at(0);
    expect(refusal({ ...files, 'vote.json': prettyJson(vote) })).toMatchObject({ code: 'period-order', file: 'vote.json', path: 'closesAt' });
  });
});

describe('bytes: UTF-8 without BOM, LF only, a final LF', () => {
  it.each(['vote.json', 'electorate.json', 'result.json'])('refuses CR LF line ends in %s', (name) => {
    const files = kit();
    expect(refusal({ ...files, [name]: (files[name] as string).replace(/\n/g, '\r\n') })).toMatchObject({ code: 'carriage-return', file: name, line: 1 });
  });

  it('refuses a CR alone inside a line', () => {
    const files = kit();
    const text = (files['result.json'] as string).replace('"casts": 7,', '"casts": 7,\r');
    expect(refusal({ ...files, 'result.json': text })).toMatchObject({ code: 'carriage-return', file: 'result.json', line: lineOf(text, /"casts"/) });
  });

  it.each(['vote.json', 'electorate.json', 'result.json', 'ballots.jsonl'])('refuses a byte order mark in %s', (name) => {
    const files = kit();
    expect(refusal({ ...files, [name]: bytes(`\uFEFF${files[name] as string}`) })).toMatchObject({ code: 'byte-order-mark', file: name, line: 1 });
  });

  it('refuses bytes that are not UTF-8 (a lenient reader turns them into U+FFFD)', () => {
    const files = kit();
    const text = files['result.json'] as string;
    const raw = bytes(text);
    const offset = raw.indexOf(0x3a /* the first ':' */);
    const broken = new Uint8Array([...raw.slice(0, offset), 0xc0, 0xaf, ...raw.slice(offset)]);
    expect(refusal({ ...files, 'result.json': broken })).toMatchObject({ code: 'not-utf8', file: 'result.json', line: 2 });
  });

  it('refuses bytes that are not UTF-8 in a chain (what was hashed must be what is read)', () => {
    const files = kit();
    const raw = bytes(files['ballots.jsonl'] as string);
    const secondLine = raw.indexOf(0x0a) + 1;
    const broken = new Uint8Array(raw);
    broken[secondLine + 10] = 0xff;
    expect(refusal({ ...files, 'ballots.jsonl': broken })).toMatchObject({ code: 'not-utf8', file: 'ballots.jsonl', line: 2 });
  });

  it('refuses a lone surrogate written as an escape', () => {
    const files = kit();
    const text = (files['result.json'] as string).replace(/^( +)"en": \[\n( +)"[^"\n]*"/m, '$1"en": [\n$2"\\ud800"');
    expect(refusal({ ...files, 'result.json': text })).toMatchObject({ code: 'ill-formed-string', file: 'result.json', path: 'explanation.en[0]' });
  });

  it.each(['vote.json', 'result.json'])('refuses %s without its final line feed', (name) => {
    const files = kit();
    expect(refusal({ ...files, [name]: (files[name] as string).slice(0, -1) })).toMatchObject({ code: 'no-final-line-feed', file: name });
  });
});

describe('the .json files are laid out exactly as the platform writes them', () => {
  it('refuses a compact vote.json', () => {
    const files = kit();
    const compact = `${JSON.stringify(JSON.parse(files['vote.json'] as string))}\n`;
    expect(refusal({ ...files, 'vote.json': compact })).toMatchObject({ code: 'json-layout', file: 'vote.json', line: 1 });
  });

  it('refuses four-space indentation in electorate.json', () => {
    const files = kit();
    const text = `${JSON.stringify(JSON.parse(files['electorate.json'] as string), null, 4)}\n`;
    expect(refusal({ ...files, 'electorate.json': text })).toMatchObject({ code: 'json-layout', file: 'electorate.json', line: 2 });
  });

  it('refuses a character written as an escape where the platform writes it as itself', () => {
    const files = kit();
    const text = (files['vote.json'] as string).replace('测试小区', '\\u6d4b试小区');
    const d = refusal({ ...files, 'vote.json': text });
    expect(d).toMatchObject({ code: 'json-layout', file: 'vote.json', line: lineOf(text, /u6d4b/) });
    expect(d.message).toContain('测试小区');
  });

  it('refuses an empty line after the object', () => {
    const files = kit();
    expect(refusal({ ...files, 'result.json': `${files['result.json'] as string}\n` })).toMatchObject({ code: 'json-layout', file: 'result.json' });
  });

  it.each(['7.0', '7e0', '0.7e1'])('refuses a count written as %s', (written) => {
    const files = kit();
    const text = (files['result.json'] as string).replace('"casts": 7,', `"casts": ${written},`);
    expect(refusal({ ...files, 'result.json': text })).toMatchObject({ code: 'number-not-integer', file: 'result.json', line: lineOf(text, /"casts"/), path: 'lines.casts' });
  });

  it('refuses a number beyond 2^53 - 1', () => {
    const files = kit();
    const text = (files['result.json'] as string).replace('"casts": 7,', '"casts": 9007199254740993,');
    expect(refusal({ ...files, 'result.json': text })).toMatchObject({ code: 'number-not-integer', file: 'result.json', path: 'lines.casts' });
  });

  it('refuses what is not JSON, naming line and column', () => {
    const files = kit();
    const text = (files['vote.json'] as string).replace('"formatVersion": 1,', '"formatVersion": 1,,');
    const d = refusal({ ...files, 'vote.json': text });
    expect(d).toMatchObject({ code: 'json-syntax', file: 'vote.json', line: 3 });
    expect(d.message).toMatch(/column 22/);
  });
});

describe('closed objects and internal consistency', () => {
  it('refuses a field result.json does not have in a chain summary', () => {
    const files = kit();
    const result = JSON.parse(files['result.json'] as string) as { chains: { ballots: Record<string, unknown> } };
    result.chains.ballots.note = 'checked';
    expect(refusal({ ...files, 'result.json': prettyJson(result) })).toMatchObject({ code: 'unknown-field', file: 'result.json', path: 'chains.ballots.note' });
  });

  it('refuses a poll with a single option in vote.json, naming vote.json', () => {
    const files = pollKit();
    const vote = JSON.parse(files['vote.json'] as string) as { question: { options: unknown[] } };
    vote.question.options = vote.question.options.slice(0, 1);
    expect(refusal({ ...files, 'vote.json': prettyJson(vote) })).toMatchObject({ code: 'invalid-value', file: 'vote.json', path: 'question.options' });
  });

  it('refuses options on a rule set that decides a motion', () => {
    const files = kit();
    const vote = JSON.parse(files['vote.json'] as string) as { question: Record<string, unknown> };
    vote.question = { ...vote.question, kind: 'options', options: [{ id: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { id: 'b', label: { 'zh-CN': '乙', en: 'B' } }] };
    expect(refusal({ ...files, 'vote.json': prettyJson(vote) })).toMatchObject({ code: 'invalid-value', file: 'vote.json', path: 'question.kind' });
  });

  it('refuses a secret ballot of owners (areas need the voter)', () => {
    const files = kit();
    const vote = JSON.parse(files['vote.json'] as string) as { secrecy: string };
    vote.secrecy = 'secret';
    expect(refusal({ ...files, 'vote.json': prettyJson(vote) })).toMatchObject({ code: 'invalid-value', file: 'vote.json', path: 'secrecy' });
  });
});

describe('every refusal has a stable code', () => {
  it('for the chain, the content and result.json', () => {
    const files = kit();
    const list = (files['ballots.jsonl'] as string).split('\n');
    const withLines = (l: string[]) => ({ ...files, 'ballots.jsonl': l.join('\n') });
    const changed = [...list];
    changed[2] = (changed[2] as string).replace('"oppose"', '"approve"');
    expect(refusal(withLines(changed))).toMatchObject({ code: 'prev-mismatch', file: 'ballots.jsonl', line: 4 });
    expect(refusal(withLines([...list.slice(0, 2), ...list.slice(3)]))).toMatchObject({ code: 'sequence', file: 'ballots.jsonl', line: 3 });
    const spaced = [...list];
    spaced[0] = (spaced[0] as string).replace('":', '": ');
    expect(refusal(withLines(spaced))).toMatchObject({ code: 'not-canonical', file: 'ballots.jsonl', line: 1 });
    expect(refusal(withLines(list.slice(0, -2).concat('')))).toMatchObject({ code: 'chain-length', file: 'ballots.jsonl', line: 7 });

    const result = JSON.parse(files['result.json'] as string) as { voteId: string; tally: { figures: { approve: { persons: number } } } };
    result.tally.figures.approve.persons += 1;
    expect(refusal({ ...files, 'result.json': prettyJson(result) })).toMatchObject({ code: 'result-mismatch', file: 'result.json', path: 'tally.figures.approve.persons' });

    const electorate = JSON.parse(files['electorate.json'] as string) as { electorate: { units: { area: number }[] } };
    (electorate.electorate.units[0] as { area: number }).area = 1;
    expect(refusal({ ...files, 'electorate.json': prettyJson(electorate) })).toMatchObject({ code: 'electorate-hash', file: 'electorate.json' });

    const { 'result.json': _, ...withoutResult } = files;
    expect(refusal(withoutResult)).toMatchObject({ code: 'missing-file', file: 'result.json' });
  });

  it('for a ballot from outside the electorate, outside the period, or with a ballot id used twice', () => {
    const stranger = buildRecountKit({ ...input(), events: [...EVENTS, cast('stranger', 'approve', 9)] } as KitInput);
    expect(refusal(stranger)).toMatchObject({ code: 'voter-not-in-electorate', file: 'ballots.jsonl', line: 8 });
    const late = buildRecountKit({ ...input(), events: [...EVENTS, { ...cast('o8', 'approve', 9), at: at(60) }] } as KitInput);
    expect(refusal(late)).toMatchObject({ code: 'outside-voting-period', file: 'ballots.jsonl', line: 8 });
    const twice = buildRecountKit({ ...input(), events: [...EVENTS, { ...cast('o8', 'approve', 9), ballot: 'b-o1-1' }] } as KitInput);
    expect(refusal(twice)).toMatchObject({ code: 'duplicate-ballot-id', file: 'ballots.jsonl', line: 8 });
  });

  it('for a genesis that does not match vote.json', () => {
    const files = kit();
    const other = new ChainBuilder(genesisHash('ballots', JSON.parse(canonicalJson({ voteId: 'another' })) as unknown));
    for (const e of EVENTS) other.append({ ...e });
    expect(refusal({ ...files, 'ballots.jsonl': other.text })).toMatchObject({ code: 'genesis-mismatch', file: 'ballots.jsonl', line: 1 });
  });
});
