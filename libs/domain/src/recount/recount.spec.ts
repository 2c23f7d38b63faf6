import { canonicalJson } from '../hash-chain/canonical-json';
import { ChainBuilder, genesisHash } from '../hash-chain/chain';
import { person, roll } from '../tally/testing';
import type { CastEvent, CheckInEvent } from './kit';
import { buildRecountKit, prettyJson } from './kit';
import { describeDiscrepancy, recount } from './recount';
import { at, cast, compoundKitInput } from './testing';

function compoundKit(events: (CastEvent | CheckInEvent)[]): Record<string, string> {
  return buildRecountKit(compoundKitInput(events));
}

const EVENTS = [
  cast('o1', 'oppose', 1),
  cast('o2', 'approve', 2),
  cast('o3', 'approve', 3),
  cast('o1', 'approve', 4, { channel: 'paper' }),
  cast('o4', 'approve', 5),
  cast('o5', 'approve', 6),
  cast('o9', 'oppose', 7),
  cast('o6', 'approve', 8),
];

function lines(text: string | undefined): string[] {
  return (text ?? '').split('\n').slice(0, -1);
}
function withLines(files: Record<string, string>, name: string, list: string[]): Record<string, string> {
  return { ...files, [name]: list.map((l) => `${l}\n`).join('') };
}
function failure(files: Record<string, string>): string {
  const report = recount(files);
  expect(report.ok).toBe(false);
  return describeDiscrepancy(report.discrepancy ?? { file: '?', line: null, message: 'no discrepancy' });
}

describe('recount of a named vote', () => {
  it('verifies the chain and finds the published result, taking the last cast per voter', () => {
    const files = compoundKit(EVENTS);
    const report = recount(files);
    expect(report.discrepancy).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.chains.ballots?.lines).toBe(8);
    expect(report.count?.lines).toEqual({ casts: 8, superseded: 1, checkIns: 0, marks: 0, boxBallots: 0 });
    // o1 opposed, then approved on paper: the approval counts. o9 is the co-owner not designated.
    expect(report.count?.tally.figures.approve.persons).toBe(6);
    expect(report.count?.rejected).toEqual([{ line: 7, voter: 'o9', reason: 'not-designated-co-owner' }]);
    expect(report.count?.tally.passed).toBe(true);
  });

  it('names the line after a changed ballot', () => {
    const files = compoundKit(EVENTS);
    const list = lines(files['ballots.jsonl']);
    list[2] = (list[2] as string).replace('"approve"', '"oppose"');
    expect(failure(withLines(files, 'ballots.jsonl', list))).toMatch(/^ballots\.jsonl, line 4: hash does not match the previous line: "prev" is [0-9a-f]{64}, but the SHA-256 of line 3 is/);
  });

  it('names a missing line in the middle, and a missing last line', () => {
    const files = compoundKit(EVENTS);
    const list = lines(files['ballots.jsonl']);
    expect(failure(withLines(files, 'ballots.jsonl', [...list.slice(0, 4), ...list.slice(5)]))).toBe(
      'ballots.jsonl, line 5: sequence number 6 where 5 was expected: a line is missing before this line',
    );
    expect(failure(withLines(files, 'ballots.jsonl', list.slice(0, -1)))).toBe(
      'ballots.jsonl, line 8: missing: result.json says the chain has 8 lines, but ballots.jsonl has 7, so its last line was removed',
    );
  });

  it('names a changed last line by the published head', () => {
    const files = compoundKit(EVENTS);
    const list = lines(files['ballots.jsonl']);
    list[7] = (list[7] as string).replace('"approve"', '"oppose"');
    expect(failure(withLines(files, 'ballots.jsonl', list))).toMatch(/^ballots\.jsonl, line 8: the chain head \(SHA-256 of the last line\) is [0-9a-f]{64}, but result\.json publishes "[0-9a-f]{64}"/);
  });

  it('names a wrong total in result.json by its path', () => {
    const files = compoundKit(EVENTS);
    const result = JSON.parse(files['result.json'] as string) as { tally: { figures: { approve: { area: number } }; conditions: { numerator: number }[] } };
    result.tally.figures.approve.area += 100;
    expect(failure({ ...files, 'result.json': prettyJson(result) })).toMatch(/^result\.json, line \d+: "tally\.figures\.approve\.area" is 60100, but the ballots give 60000$/);
    result.tally.figures.approve.area -= 100;
    (result.tally.conditions[2] as { numerator: number }).numerator = 1;
    expect(failure({ ...files, 'result.json': prettyJson(result) })).toMatch(/^result\.json, line \d+: "tally\.conditions\[approval-area\]\.numerator" is 1, but the ballots give 60000$/);
  });

  it('names a verdict flipped in result.json', () => {
    const files = compoundKit(EVENTS.slice(0, 3));
    const result = JSON.parse(files['result.json'] as string) as { tally: { passed: boolean } };
    result.tally.passed = true;
    expect(failure({ ...files, 'result.json': prettyJson(result) })).toMatch(/^result\.json, line \d+: "tally\.passed" is true, but the ballots give false$/);
  });

  it('names a ballot from a voter who is not in the electorate', () => {
    const files = compoundKit([...EVENTS, cast('stranger', 'approve', 9)]);
    expect(failure(files)).toBe('ballots.jsonl, line 9: a ballot from voter stranger, who is not in the electorate (electorate.json)');
  });

  it('names a cast after the close and a ballot id used twice', () => {
    expect(failure(compoundKit([cast('o1', 'approve', 1), cast('o2', 'approve', 59, { at: at(60) })]))).toBe(
      'ballots.jsonl, line 2: cast at 2026-12-06T02:00:00.000Z, after the vote closed at 2026-12-06T01:59:00.000Z',
    );
    expect(failure(compoundKit([cast('o1', 'approve', 1), cast('o2', 'approve', 2, { ballot: 'b-o1-1' })]))).toBe(
      'ballots.jsonl, line 2: ballot id b-o1-1 was already used on line 1',
    );
  });

  it('names an electorate changed after the vote opened', () => {
    const files = compoundKit(EVENTS);
    const electorate = JSON.parse(files['electorate.json'] as string) as { electorate: { units: { area: number }[] } };
    (electorate.electorate.units[0] as { area: number }).area = 20000;
    expect(failure({ ...files, 'electorate.json': prettyJson(electorate) })).toMatch(
      /^electorate\.json: its SHA-256 \(canonical JSON\) is [0-9a-f]{64}, but vote\.json binds the electorate [0-9a-f]{64}: the electorate was changed after the vote opened$/,
    );
  });

  it('names a changed vote.json through the genesis of the chain', () => {
    const files = compoundKit(EVENTS);
    const vote = JSON.parse(files['vote.json'] as string) as { ruleSet: string };
    vote.ruleSet = 'cc278-ordinary';
    expect(failure({ ...files, 'vote.json': prettyJson(vote) })).toMatch(/^ballots\.jsonl, line 1: hash does not match the genesis of this vote/);
  });

  it('accepts the JSON files only as the platform lays them out (the hashes use their canonical form, but a person reads the file)', () => {
    const files = compoundKit(EVENTS);
    const compact = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, name.endsWith('.json') ? `${JSON.stringify(JSON.parse(text))}\n` : text]),
    );
    expect(recount(compact).discrepancy).toMatchObject({ code: 'json-layout', file: 'vote.json', line: 1 });
  });

  it('names a missing file and a field the format does not have', () => {
    const files = compoundKit(EVENTS);
    const { 'result.json': _, ...withoutResult } = files;
    expect(failure(withoutResult)).toBe('result.json: the file is missing from the folder');
    const vote = JSON.parse(files['vote.json'] as string) as Record<string, unknown>;
    expect(failure({ ...files, 'vote.json': prettyJson({ ...vote, quorum: 'half' }) })).toBe('vote.json, line 25: "quorum" is not a field of this format');
  });

  it('can be rechained by a forger, which only the published head then reveals', () => {
    // A forger who rewrites a ballot AND rebuilds every later hash AND result.json passes the folder
    // checks: the recount prints the head, which must be compared with the one published at close.
    const honest = compoundKit(EVENTS);
    const forged = compoundKit(EVENTS.map((e) => (e.voter === 'o2' ? { ...e, choice: 'oppose' as const } : e)));
    expect(recount(forged).ok).toBe(true);
    expect(recount(forged).chains.ballots?.head).not.toBe(recount(honest).chains.ballots?.head);
  });
});

describe('recount of a secret vote', () => {
  const electorate = roll({ h1: [person('m1', 'h1'), person('m2', 'h1')], h2: [person('m3', 'h2'), person('m4', 'h2')], h3: [person('m5', 'h3'), person('m6', 'h3')] });
  const vote = {
    voteId: 'vote-2',
    title: { 'zh-CN': '测试经济社', en: 'Test cooperative' },
    ruleSet: 'rceo-27' as const,
    question: { kind: 'motion' as const, text: { 'zh-CN': '是否同意？', en: 'Agree?' } },
    matterKinds: [],
    lml63: null,
    opensAt: at(0),
    closesAt: at(59),
  };
  const mark = (voter: string, minute: number) => ({ kind: 'mark' as const, voter, channel: 'paper' as const, proxy: null, at: at(minute) });
  function secretKit(box: { ballot: string; choice: 'approve' | 'oppose' }[]) {
    return buildRecountKit({ secrecy: 'secret', vote, snapshotAt: at(0), electorate, roll: [mark('m1', 1), mark('m2', 2), mark('m3', 3), mark('m4', 4), mark('m5', 5)], box });
  }
  const BOX = [
    { ballot: 'k9', choice: 'approve' as const },
    { ballot: 'a3', choice: 'approve' as const },
    { ballot: 'f1', choice: 'approve' as const },
    { ballot: 'c7', choice: 'approve' as const },
    { ballot: 'z0', choice: 'oppose' as const },
  ];

  it('verifies the roll and the box, sorted by ballot id, and recounts from the box', () => {
    const files = secretKit(BOX);
    expect(Object.keys(files).sort()).toEqual(['box.jsonl', 'electorate.json', 'result.json', 'roll.jsonl', 'vote.json']);
    expect(lines(files['box.jsonl']).map((l) => (JSON.parse(l) as { ballot: string }).ballot)).toEqual(['a3', 'c7', 'f1', 'k9', 'z0']);
    const report = recount(files);
    expect(report.ok).toBe(true);
    expect(report.count?.tally.figures.approve.persons).toBe(4);
    expect(report.count?.tally.passed).toBe(true);
  });

  it('names a box out of ballot-id order, which could link ballots to voters', () => {
    const files = secretKit(BOX);
    const genesis = genesisHash('box', JSON.parse(files['vote.json'] as string));
    const chain = new ChainBuilder(genesis);
    for (const b of [...BOX]) chain.append({ kind: 'ballot', ballot: b.ballot, choice: b.choice });
    expect(failure({ ...files, 'box.jsonl': chain.text })).toBe(
      'box.jsonl, line 2: ballot a3 is out of order: the box is sorted by ballot id, so that its order cannot link a ballot to a voter',
    );
  });

  it('names a voter marked twice on the roll', () => {
    const files = secretKit(BOX);
    const genesis = genesisHash('roll', JSON.parse(files['vote.json'] as string));
    const chain = new ChainBuilder(genesis);
    for (const m of [mark('m1', 1), mark('m1', 2)]) chain.append(m);
    expect(failure({ ...files, 'roll.jsonl': chain.text })).toBe('roll.jsonl, line 2: voter m1 was already marked on line 1: a secret ballot, once cast, is final');
  });

  it('recounts a box with more ballots than marks as void, and says so in result.json', () => {
    const files = secretKit([...BOX, { ballot: 'q5', choice: 'approve' }]);
    const report = recount(files);
    expect(report.ok).toBe(true);
    expect(report.count?.tally.valid).toBe(false);
    expect(JSON.parse(files['result.json'] as string)).toMatchObject({ tally: { valid: false, passed: false } });
  });

  it('hashes vote.json in canonical form for the genesis', () => {
    const files = secretKit(BOX);
    const first = JSON.parse(lines(files['roll.jsonl'])[0] as string) as { prev: string };
    expect(first.prev).toBe(genesisHash('roll', JSON.parse(canonicalJson(JSON.parse(files['vote.json'] as string)))));
  });
});
