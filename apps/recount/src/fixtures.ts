/**
 * The recount kits shipped in apps/recount/fixtures/: real folders built by the same code the
 * platform uses, so an outsider can try a verifier on them. `npx nx run recount:fixtures` rewrites
 * them; fixtures.spec.ts fails when they drift from the code.
 *
 * Everything here is invented: the compound, the cooperative, the people. Voter ids are
 * pseudonyms (the platform derives them with a keyed hash per vote; here from a label).
 */
import type { CastEvent, CheckInEvent, ElectorateUnit, KitInput, MarkEvent, PersonsElectorate, Proxy } from '@yishi/domain';
import { buildRecountKit, parseArea, prettyJson, sha256Hex } from '@yishi/domain';

export type Folder = Record<string, string>;

/** A stable pseudonym for a fixture label: v- and 8 hex digits. */
export function pseudonym(label: string): string {
  return `v-${sha256Hex(`yishi-fixture:${label}`).slice(0, 8)}`;
}

const day = (d: number, h: number, m = 0): string => new Date(Date.UTC(2026, 11, d, h - 8, m)).toISOString(); // China time → UTC

function ballotId(label: string): string {
  return `b-${sha256Hex(`yishi-fixture-ballot:${label}`).slice(0, 12)}`;
}

// ---------------------------------------------------------------------------------------------
// A compound raising repair funds: cc278-major (Civil Code art. 278 item 6)
// ---------------------------------------------------------------------------------------------

function compoundUnits(): ElectorateUnit[] {
  const units: ElectorateUnit[] = [];
  const developer = new Set(['2-501', '2-502', '2-601', '2-602', 'P08', 'P09', 'P10']);
  const add = (id: string, area: string, owners: string[], designated: string | null = null) =>
    units.push({
      id,
      area: parseArea(area),
      developerHeld: developer.has(id),
      owners: developer.has(id) ? [] : owners.map(pseudonym),
      designatedVoter: designated === null ? null : pseudonym(designated),
    });
  for (const building of [1, 2]) {
    for (let floor = 1; floor <= 6; floor++) {
      for (const door of [1, 2]) {
        const id = `${building}-${floor}0${door}`;
        const area = building === 1 ? (door === 1 ? '89.50' : '120.35') : door === 1 ? '105.20' : '142.80';
        if (id === '1-101' || id === '1-102') add(id, area, ['zhang']);
        else if (id === '1-201') add(id, area, ['wang-wife', 'wang-husband'], 'wang-wife');
        else add(id, area, [`owner ${id}`]);
      }
    }
  }
  for (let p = 1; p <= 10; p++) {
    const id = `P${String(p).padStart(2, '0')}`;
    add(id, '12.50', [p === 1 ? 'zhang' : `owner ${id}`]);
  }
  add('S1', '210.00', ['shop owner']);
  return units;
}

export function compoundKitInput(): KitInput {
  const cast = (label: string, choice: CastEvent['choice'], at: string, channel: CastEvent['channel'] = 'online', proxy: Proxy | null = null): CastEvent => ({
    kind: 'cast',
    ballot: ballotId(`compound:${label}:${at}`),
    voter: pseudonym(label),
    choice,
    channel,
    proxy: proxy === null ? null : { agent: pseudonym(proxy.agent), written: proxy.written },
    at,
  });
  const events: CastEvent[] = [
    cast('owner 1-202', 'approve', day(1, 9, 5)),
    cast('zhang', 'approve', day(1, 9, 40)),
    cast('owner 1-301', 'oppose', day(1, 12, 2)),
    cast('owner 1-302', 'approve', day(1, 20, 15)),
    cast('wang-husband', 'oppose', day(2, 8, 30)), // not the designated co-owner: ignored
    cast('wang-wife', 'approve', day(2, 8, 31)),
    cast('owner 1-401', 'approve', day(2, 19, 0)),
    cast('owner 1-402', 'abstain', day(3, 10, 12)),
    cast('owner 1-501', 'approve', day(3, 21, 45)),
    cast('owner 1-502', 'oppose', day(4, 7, 50)),
    cast('owner 1-601', 'approve', day(4, 18, 5)),
    cast('owner 2-101', 'approve', day(5, 9, 30)),
    cast('owner 2-102', 'approve', day(5, 9, 31)),
    cast('owner 2-201', 'oppose', day(6, 15, 20)),
    cast('owner 2-202', 'approve', day(6, 16, 0)),
    cast('developer', 'approve', day(7, 10, 0)),
    cast('owner 2-301', 'approve', day(8, 11, 11)),
    cast('owner P02', 'approve', day(8, 19, 30)),
    cast('owner P03', 'approve', day(9, 9, 0)),
    cast('owner 2-302', 'approve', day(9, 14, 0), 'paper', { agent: 'owner 2-402', written: false }), // oral proxy: rejected
    cast('shop owner', 'approve', day(10, 10, 0)),
    cast('owner 1-301', 'approve', day(12, 14, 30), 'paper'), // supersedes the online oppose
    cast('owner 2-401', 'approve', day(12, 15, 0), 'paper', { agent: 'owner 2-402', written: true }),
    cast('owner 2-402', 'approve', day(12, 15, 1), 'paper'),
    cast('owner P04', 'approve', day(13, 9, 0)),
    cast('owner 1-502', 'approve', day(14, 20, 0)), // changed online before close
    cast('owner P05', 'oppose', day(15, 11, 0)),
  ];
  return {
    secrecy: 'named',
    vote: {
      voteId: 'vote-2026-0417',
      title: {
        'zh-CN': '映月湖花园 · 关于筹集二期电梯维修资金的表决',
        en: 'Yingyue Lake Garden · vote on raising repair funds for the phase-two lifts',
      },
      ruleSet: 'cc278-major',
      question: {
        kind: 'motion',
        text: {
          'zh-CN': '是否同意按每平方米 30 元筹集二期电梯维修资金？',
          en: 'Do you agree to raise repair funds for the phase-two lifts at CNY 30 per square metre?',
        },
      },
      matterKinds: ['repair-fund-raising'],
      lml63: null,
      opensAt: day(1, 9),
      closesAt: day(15, 18),
    },
    snapshotAt: day(1, 9),
    electorate: { kind: 'compound', units: compoundUnits(), developerVoter: pseudonym('developer') },
    events,
  };
}

/**
 * The same compound, a month earlier, on raising funds for the phase-one façade: too few owners
 * took part, so the motion did not pass. A recount VERIFIES this result: the published "not
 * passed" is reproduced exactly.
 */
export function compoundNotPassedKitInput(): KitInput {
  const base = compoundKitInput();
  if (base.secrecy !== 'named') throw new Error('the compound vote is named');
  const shift = (at: string) => new Date(Date.parse(at) - 30 * 24 * 3600 * 1000).toISOString();
  return {
    ...base,
    vote: {
      ...base.vote,
      voteId: 'vote-2026-0388',
      title: { 'zh-CN': '映月湖花园 · 关于筹集一期外墙维修资金的表决', en: 'Yingyue Lake Garden · vote on raising repair funds for the phase-one façade' },
      question: {
        kind: 'motion',
        text: { 'zh-CN': '是否同意按每平方米 20 元筹集一期外墙维修资金？', en: 'Do you agree to raise repair funds for the phase-one façade at CNY 20 per square metre?' },
      },
      opensAt: shift(base.vote.opensAt),
      closesAt: shift(base.vote.closesAt),
    },
    snapshotAt: shift(base.snapshotAt),
    events: base.events.slice(0, 12).map((e) => ({ ...e, ballot: ballotId(`compound-0388:${e.voter}:${e.at}`), at: shift(e.at) })),
  };
}

// ---------------------------------------------------------------------------------------------
// A cooperative member assembly deciding a land consolidation plan: rceo-27 (RCEO Law art. 27)
// ---------------------------------------------------------------------------------------------

/** Eight households; 20 members with full capacity, four minors, one adult without capacity. */
export function cooperativeElectorate(): PersonsElectorate {
  const households: [string, [string, 'adult' | 'minor' | 'ward'][]][] = [
    ['h01', [['chen a', 'adult'], ['chen b', 'adult'], ['chen c', 'minor']]],
    ['h02', [['li a', 'adult'], ['li b', 'adult'], ['li c', 'adult'], ['li d', 'minor']]],
    ['h03', [['huang a', 'adult'], ['huang b', 'adult'], ['huang c', 'adult']]],
    ['h04', [['he a', 'adult'], ['he b', 'adult'], ['he c', 'ward']]],
    ['h05', [['liang a', 'adult'], ['liang b', 'adult'], ['liang c', 'adult'], ['liang d', 'minor']]],
    ['h06', [['mai a', 'adult'], ['mai b', 'adult']]],
    ['h07', [['lao a', 'adult'], ['lao b', 'adult'], ['lao c', 'minor']]],
    ['h08', [['tan a', 'adult'], ['tan b', 'adult'], ['tan c', 'adult']]],
  ];
  return {
    kind: 'persons',
    persons: households.flatMap(([household, members]) =>
      members.map(([label, kind]) => ({ id: pseudonym(label), household, adult: kind !== 'minor', fullCapacity: kind === 'adult' })),
    ),
    households: households.map(([id, members]) => ({ id, representative: pseudonym((members[0] as [string, string])[0]) })),
    representatives: [],
  };
}

export function cooperativeKitInput(extra: CastEvent[] = []): KitInput {
  const cast = (label: string, choice: CastEvent['choice'], at: string, channel: CastEvent['channel'] = 'meeting', proxy: Proxy | null = null): CastEvent => ({
    kind: 'cast',
    ballot: ballotId(`cooperative:${label}:${at}`),
    voter: pseudonym(label),
    choice,
    channel,
    proxy: proxy === null ? null : { agent: pseudonym(proxy.agent), written: proxy.written },
    at,
  });
  const checkIn = (label: string, at: string): CheckInEvent => ({ kind: 'check-in', voter: pseudonym(label), at });
  const events: (CastEvent | CheckInEvent)[] = [
    cast('liang b', 'approve', day(20, 8, 10), 'online'),
    cast('mai b', 'approve', day(20, 8, 40), 'online'),
    checkIn('chen a', day(20, 9, 1)),
    checkIn('chen b', day(20, 9, 1)),
    checkIn('li a', day(20, 9, 2)),
    checkIn('li b', day(20, 9, 2)),
    checkIn('li d', day(20, 9, 3)), // a minor: not counted
    checkIn('huang a', day(20, 9, 4)),
    checkIn('he a', day(20, 9, 5)),
    checkIn('he b', day(20, 9, 5)),
    checkIn('liang a', day(20, 9, 6)),
    checkIn('mai a', day(20, 9, 7)),
    checkIn('lao a', day(20, 9, 8)),
    checkIn('tan a', day(20, 9, 9)),
    checkIn('tan b', day(20, 9, 9)),
    checkIn('lao b', day(20, 9, 10)), // present, does not vote: attends without approving
    cast('chen a', 'approve', day(20, 10, 30)),
    cast('chen b', 'approve', day(20, 10, 30)),
    cast('li a', 'approve', day(20, 10, 31)),
    cast('li b', 'oppose', day(20, 10, 31)),
    cast('li c', 'approve', day(20, 10, 31), 'meeting', { agent: 'li a', written: true }), // same household: counts
    cast('huang a', 'approve', day(20, 10, 32)),
    cast('huang b', 'approve', day(20, 10, 32), 'meeting', { agent: 'he a', written: true }), // other household: rejected
    cast('he a', 'approve', day(20, 10, 33)),
    cast('he b', 'abstain', day(20, 10, 33)),
    cast('liang a', 'approve', day(20, 10, 34)),
    cast('liang c', 'approve', day(20, 10, 34), 'online'),
    cast('mai a', 'approve', day(20, 10, 35)),
    cast('lao a', 'approve', day(20, 10, 35)),
    cast('tan a', 'approve', day(20, 10, 36)),
    cast('tan b', 'oppose', day(20, 10, 36)),
    cast('tan c', 'approve', day(20, 10, 36)),
    cast('mai b', 'approve', day(20, 10, 37), 'meeting'), // attended after all: the meeting ballot supersedes
    ...extra,
  ];
  return {
    secrecy: 'named',
    vote: {
      voteId: 'vote-2026-0502',
      title: {
        'zh-CN': '南村经济社 · 《南村地块土地整理方案（草案）》成员大会表决',
        en: 'Nancun cooperative · member assembly vote on the Nancun land consolidation plan (draft)',
      },
      ruleSet: 'rceo-27',
      question: {
        kind: 'motion',
        text: { 'zh-CN': '是否同意《南村地块土地整理方案》？', en: 'Do you approve the Nancun land consolidation plan?' },
      },
      matterKinds: ['other'],
      lml63: null,
      opensAt: day(20, 8),
      closesAt: day(20, 12),
    },
    snapshotAt: day(10, 9),
    electorate: cooperativeElectorate(),
    events,
  };
}

// ---------------------------------------------------------------------------------------------
// A secret ballot of a village representative assembly: vcl-26 (VCL art. 26)
// ---------------------------------------------------------------------------------------------

export function secretKitInput(): KitInput {
  const members = ['rep 1', 'rep 2', 'rep 3', 'rep 4', 'rep 5', 'rep 6', 'rep 7', 'rep 8', 'rep 9'];
  const electorate: PersonsElectorate = {
    kind: 'persons',
    persons: members.map((label, i) => ({ id: pseudonym(label), household: `h${i + 1}`, adult: true, fullCapacity: true })),
    households: members.map((label, i) => ({ id: `h${i + 1}`, representative: pseudonym(label) })),
    representatives: members.map(pseudonym),
  };
  const mark = (label: string, minute: number): MarkEvent => ({ kind: 'mark', voter: pseudonym(label), channel: 'meeting', proxy: null, at: day(22, 15, minute) });
  const choices: ('approve' | 'oppose' | 'abstain')[] = ['approve', 'approve', 'oppose', 'approve', 'abstain', 'approve', 'approve'];
  return {
    secrecy: 'secret',
    vote: {
      voteId: 'vote-2026-0533',
      title: { 'zh-CN': '南村 · 村民代表会议（无记名投票）', en: 'Nancun · village representative assembly (secret ballot)' },
      ruleSet: 'vcl-26',
      question: {
        kind: 'motion',
        text: { 'zh-CN': '是否同意《人居环境整治长效管理机制自治公约》？', en: 'Do you approve the self-governance pact on the living environment?' },
      },
      matterKinds: ['other'],
      lml63: null,
      opensAt: day(22, 15),
      closesAt: day(22, 17),
    },
    snapshotAt: day(15, 9),
    electorate,
    roll: ['rep 1', 'rep 2', 'rep 3', 'rep 5', 'rep 6', 'rep 8', 'rep 9'].map((label, i) => mark(label, 5 + i)),
    box: choices.map((choice, i) => ({ ballot: ballotId(`secret:${i}`), choice })),
  };
}

// ---------------------------------------------------------------------------------------------
// Tampered copies: what the recount must catch, and the message it must give
// ---------------------------------------------------------------------------------------------

function lines(text: string): string[] {
  return text.split('\n').slice(0, -1);
}

function joinLines(list: string[]): string {
  return list.map((l) => `${l}\n`).join('');
}

/** Line 16 (the developer's approval) turned into an opposition: line 17 no longer matches. */
function changedBallot(folder: Folder): Folder {
  const list = lines(folder['ballots.jsonl'] as string);
  list[15] = (list[15] as string).replace('"choice":"approve"', '"choice":"oppose"');
  return { ...folder, 'ballots.jsonl': joinLines(list) };
}

/** Line 9 removed. */
function removedLine(folder: Folder): Folder {
  const list = lines(folder['ballots.jsonl'] as string);
  return { ...folder, 'ballots.jsonl': joinLines([...list.slice(0, 8), ...list.slice(9)]) };
}

/** result.json claims 100 m² more of approving area. */
function wrongTotal(folder: Folder): Folder {
  const result = JSON.parse(folder['result.json'] as string) as { tally: { figures: { approve: { area: number } } } };
  result.tally.figures.approve.area += 10000;
  return { ...folder, 'result.json': prettyJson(result) };
}

/**
 * result.json says "passed" twice: a person reading it sees `false`, a program that keeps the last
 * of two keys (JavaScript's JSON.parse, Python's json) sees `true`.
 */
function duplicateKey(folder: Folder): Folder {
  const text = (folder['result.json'] as string).replace(/^( +)"passed": true,$/m, '$1"passed": false,\n$1"passed": true,');
  return { ...folder, 'result.json': text };
}

/** vote.json saved by an editor that writes CR LF line ends. */
function crlf(folder: Folder): Folder {
  return { ...folder, 'vote.json': (folder['vote.json'] as string).replace(/\n/g, '\r\n') };
}

export interface FixtureSpec {
  name: string;
  /** What the recount must say: exit code and a line it prints. */
  expect: { exitCode: 0 | 1; message: RegExp };
  files: () => Folder;
}

export const FIXTURES: FixtureSpec[] = [
  {
    name: 'cc278-major-compound',
    expect: { exitCode: 0, message: /^VERIFIED: the published result is reproduced/m },
    files: () => buildRecountKit(compoundKitInput()),
  },
  {
    name: 'cc278-major-not-passed',
    expect: { exitCode: 0, message: /^VERIFIED: the published result is reproduced/m },
    files: () => buildRecountKit(compoundNotPassedKitInput()),
  },
  {
    name: 'rceo-27-cooperative',
    expect: { exitCode: 0, message: /^VERIFIED: the published result is reproduced/m },
    files: () => buildRecountKit(cooperativeKitInput()),
  },
  {
    name: 'vcl-26-secret-ballot',
    expect: { exitCode: 0, message: /^VERIFIED: the published result is reproduced/m },
    files: () => buildRecountKit(secretKitInput()),
  },
  {
    name: 'tampered-changed-ballot',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 17: hash does not match the previous line/m },
    files: () => changedBallot(buildRecountKit(compoundKitInput())),
  },
  {
    name: 'tampered-removed-line',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 9: sequence number 10 where 9 was expected: a line is missing before this line$/m },
    files: () => removedLine(buildRecountKit(compoundKitInput())),
  },
  {
    name: 'tampered-wrong-total',
    expect: { exitCode: 1, message: /^DISCREPANCY: result\.json, line \d+: "tally\.figures\.approve\.area" is \d+, but the ballots give \d+$/m },
    files: () => wrongTotal(buildRecountKit(compoundKitInput())),
  },
  {
    name: 'tampered-stranger-ballot',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 34: a ballot from voter v-[0-9a-f]{8}, who is not in the electorate/m },
    files: () =>
      buildRecountKit(
        cooperativeKitInput([
          { kind: 'cast', ballot: ballotId('stranger'), voter: pseudonym('stranger'), choice: 'approve', channel: 'online', proxy: null, at: day(20, 11, 50) },
        ]),
      ),
  },
  {
    name: 'tampered-duplicate-key',
    expect: { exitCode: 1, message: /^DISCREPANCY: result\.json, line 38: the key "passed" appears twice in one object \("tally\.passed", first on line 37\)/m },
    files: () => duplicateKey(buildRecountKit(compoundKitInput())),
  },
  {
    name: 'tampered-crlf',
    expect: { exitCode: 1, message: /^DISCREPANCY: vote\.json, line 1: the line ends with CR LF/m },
    files: () => crlf(buildRecountKit(compoundKitInput())),
  },
];
