/**
 * Version 2 recount kits shipped in apps/recount/fixtures/ (written by write-fixtures.ts beside
 * the version 1 ones): the 御水岸 owners' assembly ballot with three matters, and tampered copies.
 *
 * Everything here is invented: the owners, the candidates, the figures, the documents' hashes.
 */
import type { CheckInEvent, ElectorateUnit, Proxy } from '@yishi/domain';
import { ChainBuilder, parseArea, prettyJson, sha256Hex } from '@yishi/domain';
import type { FixtureSpec, Folder } from '../fixtures';
import { pseudonym } from '../fixtures';
import type { AssemblyKitInput, AssemblyCastEvent } from '@yishi/domain';
import { assemblyGenesisHash, buildAssemblyKit } from '@yishi/domain';
import type { KitMark, MatterFile } from '@yishi/domain';

const at = (d: number, h: number, m = 0): string => new Date(Date.UTC(2027, 2, d, h - 8, m)).toISOString(); // March 2027, China time → UTC

function ballotId(label: string): string {
  return `b-${sha256Hex(`yishi-fixture-ballot:${label}`).slice(0, 12)}`;
}

/** A stand-in for a document's SHA-256: the kit carries the hash, not the file. */
function documentHash(title: string): string {
  return sha256Hex(`yishi-fixture-document:${title}`);
}

// ---------------------------------------------------------------------------------------------
// 御水岸: three buildings of five floors, two shops, six parking spaces
// ---------------------------------------------------------------------------------------------

const DEVELOPER_HELD = new Set(['3-501', '3-502', 'P05', 'P06']);

function yushuianUnits(): ElectorateUnit[] {
  const units: ElectorateUnit[] = [];
  const add = (id: string, area: string, owners: string[], designated: string | null = null) =>
    units.push({
      id,
      area: parseArea(area),
      developerHeld: DEVELOPER_HELD.has(id),
      owners: DEVELOPER_HELD.has(id) ? [] : owners.map(pseudonym),
      designatedVoter: designated === null ? null : pseudonym(designated),
    });
  const areas: Record<number, [string, string]> = { 1: ['88.60', '112.40'], 2: ['95.30', '128.75'], 3: ['76.50', '143.20'] };
  for (const building of [1, 2, 3]) {
    for (let floor = 1; floor <= 5; floor++) {
      for (const door of [1, 2]) {
        const id = `${building}-${floor}0${door}`;
        const area = areas[building]![door - 1]!;
        if (id === '1-101') add(id, area, ['huang']);
        else if (id === '2-301') add(id, area, ['lin-wife', 'lin-husband'], 'lin-wife');
        else add(id, area, [`owner ${id}`]);
      }
    }
  }
  add('S1', '186.00', ['huang']);
  add('S2', '152.50', ['owner S2']);
  for (let p = 1; p <= 6; p++) {
    const id = `P0${p}`;
    add(id, '13.20', [p === 1 ? 'huang' : `owner ${id}`]);
  }
  return units;
}

const CANDIDATES = [
  { id: 'c1', name: '陈志强' },
  { id: 'c2', name: '黄美玲' },
  { id: 'c3', name: '李建华' },
  { id: 'c4', name: '梁淑芬' },
  { id: 'c5', name: '何国栋' },
  { id: 'c6', name: '麦家豪' },
  { id: 'c7', name: '谭晓红' },
];

export const YUSHUIAN_MATTERS: MatterFile[] = [
  {
    id: 'statute',
    question: {
      kind: 'motion',
      text: { 'zh-CN': '是否同意《御水岸管理规约（修订稿）》？', en: 'Do you adopt the Yushui’an management statute (revised draft)?' },
    },
    ruleSet: 'cc278-ordinary',
    matterKinds: ['management-statute'],
    lml63: null,
    documents: [{ title: '御水岸管理规约（修订稿）.pdf', sha256: documentHash('御水岸管理规约（修订稿）.pdf') }],
  },
  {
    id: 'repair-fund',
    question: {
      kind: 'motion',
      text: {
        'zh-CN': '是否同意按每平方米 25 元续筹专项维修资金，用于更换门禁系统（报价 18 万元）？',
        en: 'Do you agree to raise further repair funds at CNY 25 per square metre, to replace the access-control system (quoted at CNY 180,000)?',
      },
    },
    ruleSet: 'cc278-major',
    matterKinds: ['repair-fund-raising'],
    lml63: null,
    documents: [
      { title: '专项维修资金续筹方案.pdf', sha256: documentHash('专项维修资金续筹方案.pdf') },
      { title: '门禁系统更换报价单（18万元）.pdf', sha256: documentHash('门禁系统更换报价单（18万元）.pdf') },
    ],
  },
  {
    id: 'committee',
    question: {
      kind: 'election',
      text: { 'zh-CN': '选举第二届业主委员会委员（应选 5 名，每票最多选 5 名）', en: 'Elect the members of the second owners’ committee (5 seats; choose up to 5)' },
      seats: 5,
      candidates: CANDIDATES,
    },
    ruleSet: 'cc278-ordinary',
    matterKinds: ['owners-committee'],
    lml63: null,
    documents: [{ title: '业主委员会候选人名单及简介.pdf', sha256: documentHash('业主委员会候选人名单及简介.pdf') }],
  },
];

/** One ballot paper: the statute, the repair fund, the committee (candidate numbers, e.g. '12345', or "blank", "spoilt"). */
function marks(statute: KitMark, fund: KitMark, committee: string): Record<string, KitMark> {
  const election: KitMark = committee === 'blank' || committee === 'spoilt' ? committee : { chosen: [...committee].map((n) => `c${n}`) };
  return { statute, 'repair-fund': fund, committee: election };
}

export function yushuianKitInput(): AssemblyKitInput {
  const cast = (label: string, m: Record<string, KitMark>, when: string, channel: AssemblyCastEvent['channel'] = 'online', proxy: Proxy | null = null): AssemblyCastEvent => ({
    kind: 'cast',
    ballot: ballotId(`yushuian:${label}:${when}`),
    voter: pseudonym(label),
    marks: m,
    channel,
    proxy: proxy === null ? null : { agent: pseudonym(proxy.agent), written: proxy.written },
    at: when,
  });
  const events: (AssemblyCastEvent | CheckInEvent)[] = [
    cast('owner 1-102', marks('approve', 'approve', '12345'), at(1, 9, 12)),
    cast('huang', marks('approve', 'approve', '12345'), at(1, 10, 3)),
    cast('owner 1-201', marks('approve', 'oppose', '12356'), at(1, 20, 41)),
    cast('owner 1-202', marks('approve', 'approve', '12345'), at(2, 8, 15)),
    cast('lin-husband', marks('oppose', 'oppose', '67'), at(2, 19, 30)), // not the designated co-owner: does not count
    cast('lin-wife', marks('approve', 'approve', '12345'), at(2, 19, 36)),
    cast('owner 1-301', marks('approve', 'oppose', '12346'), at(3, 9, 0)),
    cast('owner 1-302', marks('oppose', 'oppose', '3467'), at(3, 21, 10)),
    cast('owner 1-401', marks('approve', 'approve', '12345'), at(4, 7, 45)),
    cast('owner 1-402', marks('approve', 'blank', '12346'), at(4, 12, 20)), // left the repair fund blank
    cast('owner 1-501', marks('abstain', 'oppose', '12567'), at(5, 18, 0)),
    cast('owner 2-101', marks('approve', 'approve', '12345'), at(5, 19, 5)),
    cast('owner 2-102', marks('approve', 'approve', '12356'), at(6, 9, 30)),
    cast('owner 2-201', marks('approve', 'oppose', '1256'), at(6, 10, 0)),
    cast('developer', marks('approve', 'approve', '12345'), at(7, 10, 0)),
    cast('owner 2-202', marks('oppose', 'approve', '12346'), at(7, 15, 40)),
    cast('owner 2-302', marks('approve', 'approve', '12356'), at(8, 11, 11)),
    cast('owner 2-401', marks('approve', 'approve', '12567'), at(8, 20, 2)),
    cast('owner 2-402', marks('approve', 'approve', '12346'), at(9, 8, 8)),
    cast('owner 3-101', marks('approve', 'oppose', '3467'), at(9, 9, 9)),
    cast('owner 3-102', marks('approve', 'approve', 'blank'), at(9, 21, 0)), // took part, chose nobody for the committee
    cast('owner 3-201', marks('oppose', 'oppose', '12346'), at(10, 10, 30)),
    cast('owner 3-202', marks('approve', 'approve', '12345'), at(10, 14, 0), 'paper', { agent: 'owner 3-201', written: false }), // an oral proxy: does not count
    cast('owner S2', marks('approve', 'approve', '12356'), at(11, 16, 0)),
    cast('owner P02', marks('approve', 'approve', '12345'), at(11, 17, 25)),
    cast('owner 1-501', marks('approve', 'oppose', '12567'), at(12, 9, 0), 'paper'), // the paper ballot supersedes the online one
    cast('owner 3-301', marks('approve', 'spoilt', 'spoilt'), at(12, 9, 5), 'paper'), // two boxes ticked on the fund, six names on the committee
    cast('owner 3-302', marks('approve', 'approve', '12346'), at(12, 9, 10), 'paper', { agent: 'owner 3-301', written: true }),
    cast('owner 3-401', marks('approve', 'approve', '12345'), at(12, 9, 15), 'paper'),
    cast('owner 2-501', marks('blank', 'approve', '12345'), at(13, 20, 0)),
    cast('owner P03', marks('approve', 'oppose', '1234'), at(14, 8, 30)),
    cast('owner 2-202', marks('approve', 'approve', '12346'), at(14, 22, 10)), // changed online before close
  ];
  return {
    secrecy: 'named',
    vote: {
      voteId: 'vote-2027-0108',
      title: { 'zh-CN': '御水岸 · 2027 年第一次业主大会会议表决票', en: 'Yushui’an · first owners’ assembly ballot of 2027' },
      matters: YUSHUIAN_MATTERS,
      documents: [{ title: '御水岸 2027 年第一次业主大会会议公告.pdf', sha256: documentHash('御水岸 2027 年第一次业主大会会议公告.pdf') }],
      opensAt: at(1, 9),
      closesAt: at(15, 18),
      safeguards: { announcedAt: at(-14, 9), noticeEndsAt: at(1, 9), minVotingHours: 168, shortening: null }, // announced on 14 February: fifteen days' notice
    },
    snapshotAt: at(1, 9),
    electorate: { kind: 'compound', units: yushuianUnits(), developerVoter: pseudonym('developer') },
    events,
  };
}

// ---------------------------------------------------------------------------------------------
// Tampered copies
// ---------------------------------------------------------------------------------------------

function lines(text: string): string[] {
  return text.split('\n').slice(0, -1);
}

function joinLines(list: string[]): string {
  return list.map((l) => `${l}\n`).join('');
}

/** Line 4 (owner 1-202's ballot) with the repair fund turned from approve into oppose: line 5 no longer matches. */
function changedMark(folder: Folder): Folder {
  const list = lines(folder['ballots.jsonl'] as string);
  list[3] = (list[3] as string).replace('"repair-fund":"approve"', '"repair-fund":"oppose"');
  return { ...folder, 'ballots.jsonl': joinLines(list) };
}

type ResultJson = { chains: { ballots: { head: string; lines: number } }; matters: { matter: string; election?: { elected: string[] } }[] };

/** result.json gives the fifth seat of the committee to 麦家豪 (c6) instead of 何国栋 (c5). */
function changedSeat(folder: Folder): Folder {
  const result = JSON.parse(folder['result.json'] as string) as ResultJson;
  const committee = result.matters.find((m) => m.matter === 'committee')!.election!;
  committee.elected = committee.elected.map((c) => (c === 'c5' ? 'c6' : c));
  return { ...folder, 'result.json': prettyJson(result) };
}

/** result.json publishes another closing hash (the head of ballots.jsonl) than the file's. */
function changedClosingHash(folder: Folder): Folder {
  const result = JSON.parse(folder['result.json'] as string) as ResultJson;
  result.chains.ballots.head = sha256Hex('another last line');
  return { ...folder, 'result.json': prettyJson(result) };
}

/**
 * A forger who rewrites one line and then every hash after it, and result.json's chain summary:
 * the chain verifies, so the line's content is what the recount must refuse.
 */
export function rechained(folder: Folder, change: (entries: Record<string, unknown>[]) => void): Folder {
  const entries = lines(folder['ballots.jsonl'] as string).map((l) => {
    const { seq: _seq, prev: _prev, ...entry } = JSON.parse(l) as Record<string, unknown>;
    return entry;
  });
  change(entries);
  const chain = new ChainBuilder(assemblyGenesisHash('ballots', JSON.parse(folder['vote.json'] as string)));
  for (const entry of entries) chain.append(entry);
  const result = JSON.parse(folder['result.json'] as string) as ResultJson;
  result.chains.ballots = { lines: chain.length, head: chain.head };
  return { ...folder, 'ballots.jsonl': chain.text, 'result.json': prettyJson(result) };
}

/** The n-th cast's marks (1-based line), for `rechained`. */
function marksOfLine(entries: Record<string, unknown>[], line: number): Record<string, unknown> {
  return entries[line - 1]!.marks as Record<string, unknown>;
}

export const ASSEMBLY_FIXTURES: FixtureSpec[] = [
  {
    name: 'v2-cc278-assembly-yushuian',
    expect: { exitCode: 0, message: /^VERIFIED: the published result is reproduced/m },
    files: () => buildAssemblyKit(yushuianKitInput()),
  },
  {
    name: 'v2-tampered-ballot-mark',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 5: hash does not match the previous line/m },
    files: () => changedMark(buildAssemblyKit(yushuianKitInput())),
  },
  {
    name: 'v2-tampered-seat',
    expect: { exitCode: 1, message: /^DISCREPANCY: result\.json, line \d+: "matters\[committee\]\.election\.elected\[4\]" is "c6", but the ballots give "c5"$/m },
    files: () => changedSeat(buildAssemblyKit(yushuianKitInput())),
  },
  {
    name: 'v2-tampered-closing-hash',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 32: the chain head \(SHA-256 of the last line\) is [0-9a-f]{64}, but result\.json publishes "[0-9a-f]{64}"/m },
    files: () => changedClosingHash(buildAssemblyKit(yushuianKitInput())),
  },
  {
    name: 'v2-tampered-unknown-matter',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 9: "marks\.parking" is a mark for matter "parking", which is not on the ballot/m },
    files: () =>
      rechained(buildAssemblyKit(yushuianKitInput()), (entries) => {
        marksOfLine(entries, 9)['parking'] = 'approve';
      }),
  },
  {
    name: 'v2-tampered-too-many-choices',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 12: "marks\.committee\.chosen" chooses 6 candidates for 5 seats/m },
    files: () =>
      rechained(buildAssemblyKit(yushuianKitInput()), (entries) => {
        marksOfLine(entries, 12)['committee'] = { chosen: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] };
      }),
  },
  {
    name: 'v2-tampered-unknown-candidate',
    expect: { exitCode: 1, message: /^DISCREPANCY: ballots\.jsonl, line 12: "marks\.committee\.chosen\[4\]" is "c9", who is not on the candidate list of matter committee/m },
    files: () =>
      rechained(buildAssemblyKit(yushuianKitInput()), (entries) => {
        marksOfLine(entries, 12)['committee'] = { chosen: ['c1', 'c2', 'c3', 'c4', 'c9'] };
      }),
  },
];
